package org.hopscape.util;

import java.util.concurrent.CancellationException;

/**
 * A long library call stopped because its thread was interrupted (a notebook's Interrupt, {@code Thread.interrupt},
 * {@code Future.cancel(true)}). Unchecked, so it passes through lambdas and worker pools; the thread's interrupt
 * status stays set, so callers further up see it too. When it is thrown the call's worker threads have ended and
 * nothing half-written is left; calls that save their progress (checkpointed sweeps, trainers with a checkpoint)
 * have saved what they finished.
 */
public class Interrupted extends CancellationException {
    public Interrupted(String what) {
        super(what + " interrupted");
    }
}
