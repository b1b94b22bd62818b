package org.layerlab.ui.inside;

/** A small picture as plain numbers: {@code argb} holds width × height colours, row by row. */
public record PixelTile(int width, int height, int[] argb) {}
