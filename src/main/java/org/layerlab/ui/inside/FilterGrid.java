package org.layerlab.ui.inside;

import java.util.List;

/**
 * The learned filters of a network's first convolution, one picture per filter (its kernels for each input
 * channel side by side), coloured on one scale from {@code -range} (blue) through 0 (white) to {@code
 * range} (red).
 */
public record FilterGrid(String title, double range, List<PixelTile> filters) {}
