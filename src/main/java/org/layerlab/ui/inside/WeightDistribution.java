package org.layerlab.ui.inside;

/**
 * One parameter tensor's values before and after training, counted over the same bins so that the two can
 * be drawn over each other; {@code before} is null while the initial weights cannot be shown.
 */
public record WeightDistribution(String title, Histogram before, Histogram after) {}
