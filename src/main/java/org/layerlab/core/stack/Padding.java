package org.layerlab.core.stack;

/** How a convolution treats the border: VALID adds nothing, SAME pads so that stride 1 keeps the size. */
public enum Padding {
    VALID,
    SAME
}
