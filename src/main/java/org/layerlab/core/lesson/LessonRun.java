package org.layerlab.core.lesson;

import org.layerlab.core.training.TrainingConfig;

/** One run of a lesson: its role in the lesson ("CNN", "lr 0.1"), the network to build and its settings. */
public record LessonRun(String role, StackRecipe network, TrainingConfig config) {}
