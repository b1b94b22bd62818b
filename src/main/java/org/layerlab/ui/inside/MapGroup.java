package org.layerlab.ui.inside;

import java.util.List;

/** The feature maps one layer gives for the chosen sample, one grey picture per channel. */
public record MapGroup(String title, List<PixelTile> maps) {}
