package org.hopscape.hopfield.kernel;

import org.hopscape.util.Parallel;

import java.util.function.IntConsumer;

/**
 * Independent work items (runs, trajectories, parameter points) on a fixed number of threads. Each item draws its
 * own {@code Rng.stream(seed, item)} and writes only its own output slots, so results do not depend on threads.
 * The workers stop when the caller is interrupted ({@link Parallel}).
 */
public final class Runs {
    private Runs() {}

    /**
     * Runs {@code body.accept(i)} for i in [0, n) on {@code threads} threads (1 = the calling thread).
     *
     * @throws org.hopscape.util.Interrupted when the calling thread is interrupted (the workers have ended)
     */
    public static void forEach(int n, int threads, IntConsumer body) {
        Parallel.forEach("parallel runs", n, threads, body);
    }

    /** Default thread count: the available processors. */
    public static int defaultThreads() {
        return Parallel.defaultThreads();
    }
}
