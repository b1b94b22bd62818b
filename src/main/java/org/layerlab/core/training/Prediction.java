package org.layerlab.core.training;

/** A model's answer for one input: the most likely class and the probability of each class. */
public record Prediction(int predictedClass, float[] probabilities) {}
