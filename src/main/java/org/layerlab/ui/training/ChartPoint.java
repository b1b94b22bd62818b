package org.layerlab.ui.training;

/** A point of a training curve: x in epochs (1.5 = half-way through epoch 2), y a loss or an accuracy. */
public record ChartPoint(double x, double y) {}
