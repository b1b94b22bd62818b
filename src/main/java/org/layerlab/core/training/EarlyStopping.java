package org.layerlab.core.training;

/**
 * Stop when the validation loss has not improved for {@code patience} epochs (0 = never stop early);
 * with {@code keepBestWeights}, end with the weights of the best epoch rather than the last.
 */
public record EarlyStopping(int patience, boolean keepBestWeights) {
    public static final EarlyStopping OFF = new EarlyStopping(0, false);

    public boolean enabled() {
        return patience > 0;
    }
}
