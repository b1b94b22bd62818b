package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/**
 * Dropout whose mask is drawn in Java and sent down as one array: while training, each value is kept with
 * probability 1 − rate and scaled by 1 / (1 − rate), or set to 0; outside training the input passes
 * unchanged. PyTorch's own dropout draws its mask with a generator that gives one number per call and took
 * about 180 µs for a 128 × 128 batch here, more than the layer before it; this takes a tenth of that. The
 * rate is kept to 1/65,536 (0.2 is drawn as 13,107/65,536).
 *
 * <p>Each training thread draws from its own generator, split from one seeded by the run's seed, so a
 * one-worker run repeats exactly.
 */
final class MaskedDropout extends AbstractBlock {
    private static final int LEVELS = 1 << 16;
    /** DJL's Dropout's: the saved layout is the same, so models saved with that block still load. */
    private static final byte DJL_DROPOUT_VERSION = 2;

    private final float rate;
    private final int dropBelow;
    private final SplittableRandom seeds;
    private final ThreadLocal<SplittableRandom> random;

    MaskedDropout(double rate, long seed) {
        super(DJL_DROPOUT_VERSION);
        this.rate = (float) rate;
        this.dropBelow = (int) Math.round(rate * LEVELS);
        this.seeds = new SplittableRandom(seed);
        this.random = ThreadLocal.withInitial(this::split);
    }

    private synchronized SplittableRandom split() {
        return seeds.split();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        if (!training || dropBelow == 0) {
            return inputs;
        }
        float[] mask = new float[Math.toIntExact(input.size())];
        float kept = 1f / (1f - rate);
        SplittableRandom generator = random.get();
        long bits = 0;
        for (int i = 0; i < mask.length; i++) {
            if ((i & 3) == 0) {
                bits = generator.nextLong(); // four 16-bit draws per call
            }
            mask[i] = (int) (bits & 0xFFFF) < dropBelow ? 0f : kept;
            bits >>>= 16;
        }
        NDArray maskArray = input.getManager().create(mask, input.getShape());
        return new NDList(input.mul(maskArray));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
