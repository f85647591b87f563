package org.hopscape.hopfield.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Independent work items (runs, trajectories, parameter points) on a fixed number of threads. Each item draws its
 * own {@code Rng.stream(seed, item)} and writes only its own output slots, so results do not depend on threads.
 */
public final class Runs {
    private Runs() {}

    /** Runs {@code body.accept(i)} for i in [0, n) on {@code threads} threads (1 = the calling thread). */
    public static void forEach(int n, int threads, IntConsumer body) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        if (threads == 1 || n <= 1) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
        }
    }

    /** Default thread count: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
