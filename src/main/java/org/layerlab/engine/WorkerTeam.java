package org.layerlab.engine;

import org.layerlab.engine.BatchPhases.Phase;

/**
 * Trains each batch on one worker, or splits it between two: the training thread takes the first half of
 * the rows and a second thread the other half, both add into the same gradients, then each updates half of
 * every weight. This uses the second core for everything, where PyTorch's own intra-op threads help only
 * the few operations large enough to split, and pay a thread wake-up on each of them.
 *
 * <p>Per batch the two meet twice: before the passes (the batch is known, and the last update is finished on
 * both sides) and after them (the gradients are complete, and the second worker has read the batch, so the
 * next one may be written). Whoever reads or changes the weights between batches (validation, keeping the
 * best weights, a stop) first calls {@link #settle()}, which is a step without a batch.
 */
final class WorkerTeam implements AutoCloseable {
    private final TrainingWorker lead;
    private final TrainingWorker partner;
    private final BatchPhases phases;
    private final SpinBarrier barrier = new SpinBarrier();
    private final Thread partnerThread;
    private volatile Batch batch;
    private volatile Throwable partnerFailure;

    private record Batch(int[] order, int from, int to) {}

    /** One worker, on the calling thread. */
    static WorkerTeam single(TrainingWorker lead, BatchPhases phases) {
        return new WorkerTeam(lead, null, phases);
    }

    /** Two workers: {@code lead} on the calling thread, {@code partner} on a thread of its own. */
    static WorkerTeam pair(TrainingWorker lead, TrainingWorker partner, BatchPhases phases) {
        return new WorkerTeam(lead, partner, phases);
    }

    private WorkerTeam(TrainingWorker lead, TrainingWorker partner, BatchPhases phases) {
        this.lead = lead;
        this.partner = partner;
        this.phases = phases;
        lead.bindToThread();
        if (partner == null) {
            partnerThread = null;
        } else {
            partnerThread = new Thread(this::partnerLoop, "layerlab-training-partner");
            partnerThread.setDaemon(true);
            partnerThread.start();
        }
    }

    /** Trains rows [from, to) of the epoch's order as one batch: passes, then the optimizer step. */
    void step(int[] order, int from, int to) {
        if (partner == null) {
            lead.pass(order, from, to, to - from);
            lead.update();
            return;
        }
        batch = new Batch(order, from, to);
        meet();
        throwIfPartnerFailed();
        lead.pass(order, from, middle(from, to), to - from);
        meet();
        throwIfPartnerFailed();
        lead.update();
    }

    /** Waits until the second worker has finished its share of the last update (nothing to do with one). */
    void settle() {
        if (partner != null) {
            batch = null;
            meet();
            meet();
            throwIfPartnerFailed();
        }
    }

    private void throwIfPartnerFailed() {
        Throwable failure = partnerFailure;
        if (failure != null) {
            throw new IllegalStateException("the second training thread failed: " + failure.getMessage(), failure);
        }
    }

    /** The batch's mean loss, from the last step. */
    float loss() {
        return partner == null ? lead.loss() : lead.loss() + partner.loss();
    }

    long correct() {
        return partner == null ? lead.correct() : lead.correct() + partner.correct();
    }

    int workers() {
        return partner == null ? 1 : 2;
    }

    private void meet() {
        phases.start();
        if (!barrier.await()) {
            throw new IllegalStateException("the training threads were closed");
        }
        phases.lap(Phase.WAIT);
    }

    private void partnerLoop() {
        partner.bindToThread();
        while (barrier.await()) {
            Batch b = batch; // read before the second meeting: the lead writes the next one only after it
            boolean works = b != null && partnerFailure == null;
            if (works) {
                try {
                    partner.pass(b.order(), middle(b.from(), b.to()), b.to(), b.to() - b.from());
                } catch (RuntimeException e) {
                    partnerFailure = e;
                }
            }
            if (!barrier.await()) {
                return;
            }
            if (works && partnerFailure == null) {
                try {
                    partner.update();
                } catch (RuntimeException e) {
                    partnerFailure = e;
                }
            }
        }
    }

    private static int middle(int from, int to) {
        return from + (to - from) / 2;
    }

    /** Releases and waits for the second thread, so that nothing touches the model after this returns. */
    @Override
    public void close() {
        barrier.close();
        if (partnerThread != null) {
            boolean interrupted = false;
            while (partnerThread.isAlive()) {
                try {
                    partnerThread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the model must not be freed while the partner may still use it
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        lead.close();
        if (partner != null) {
            partner.close();
        }
    }
}
