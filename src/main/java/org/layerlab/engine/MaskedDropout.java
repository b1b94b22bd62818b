package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Dropout whose mask is drawn in Java into memory that PyTorch reads without a copy: while training, each
 * value is kept with probability 1 − rate and scaled by 1 / (1 − rate), or set to 0; outside training the
 * input passes unchanged. PyTorch's own dropout draws its mask with a generator that gives one number per
 * call and took about 180 µs for a 128 × 128 batch here, more than the layer before it; this takes about
 * 30 µs. The rate is kept to 1/65,536 (0.2 is drawn as 13,107/65,536).
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
    private final ThreadLocal<Masks> masks;

    MaskedDropout(double rate, long seed) {
        super(DJL_DROPOUT_VERSION);
        this.rate = (float) rate;
        this.dropBelow = (int) Math.round(rate * LEVELS);
        this.seeds = new SplittableRandom(seed);
        this.masks = ThreadLocal.withInitial(() -> new Masks(split()));
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
        int size = Math.toIntExact(input.size());
        Masks masks = this.masks.get();
        float[] mask = masks.values(size);
        // Capped: a rate within float rounding of 1 would make it infinite, and ∞ × 0 is NaN, not 0.
        float kept = Math.min(1f / (1f - rate), Float.MAX_VALUE);
        SplittableRandom generator = masks.random;
        int i = 0;
        for (; i + 4 <= size; i += 4) {
            long bits = generator.nextLong(); // four 16-bit draws per call
            mask[i] = keep(bits, kept);
            mask[i + 1] = keep(bits >>> 16, kept);
            mask[i + 2] = keep(bits >>> 32, kept);
            mask[i + 3] = keep(bits >>> 48, kept);
        }
        if (i < size) {
            for (long bits = generator.nextLong(); i < size; i++, bits >>>= 16) {
                mask[i] = keep(bits, kept);
            }
        }
        ByteBuffer memory = masks.memory(size);
        memory.asFloatBuffer().put(0, mask, 0, size);
        NDArray maskArray = input.getManager().create(memory, input.getShape(), DataType.FLOAT32);
        return new NDList(input.mul(maskArray));
    }

    /**
     * {@code kept} if the draw in the low 16 bits is at or above the drop threshold, else 0. Branch-free:
     * a branch on a random draw is mispredicted a fifth of the time, which made the loop twice as slow.
     */
    private float keep(long bits, float kept) {
        int draw = (int) (bits & 0xFFFF);
        return kept * (((draw - dropBelow) >>> 31) ^ 1);
    }

    /**
     * One training thread's random stream and mask memory. The mask tensor wraps this memory without a copy;
     * the next forward pass on the same thread, which overwrites it, comes only after the backward pass that
     * read it.
     */
    private static final class Masks {
        // Static, so that a thread's masks do not keep this block (and its ThreadLocal) alive after the run.
        private final SplittableRandom random;
        private float[] values = new float[0];
        private ByteBuffer memory = ByteBuffer.allocateDirect(0);

        Masks(SplittableRandom random) {
            this.random = random;
        }

        float[] values(int size) {
            if (values.length < size) {
                values = new float[size];
            }
            return values;
        }

        ByteBuffer memory(int size) {
            if (memory.capacity() < size * Float.BYTES) {
                memory = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
            }
            return memory.limit(size * Float.BYTES);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
