package org.hopscape.analysis;

import tech.tablesaw.api.Table;

import java.util.List;

/**
 * What computes the batches of a {@link Sweep}: local threads ({@link SweepEngines#localThreads()}, the default) or a
 * distributed engine such as Apache Spark, found at run time through {@link Provider} (ServiceLoader), so that the
 * library itself never refers to the engine's classes. The sweep keeps everything else — which batches are missing,
 * the checkpoint, the lock, the order of the rows — so these are the same whichever engine ran the batches.
 */
public interface SweepEngine {

    /** One line naming the engine and where it runs, e.g. "local threads (2)" or "spark local[2]". */
    String describe();

    /**
     * Compute every batch. {@code done} is called on the calling thread, once per finished batch, as the batches finish
     * (in any order), so that the sweep can checkpoint while the rest still run. A batch that throws does not stop the
     * others: when all have finished or failed, the first failure is rethrown (its type kept: the task's
     * IllegalArgumentException or IllegalStateException naming the sweep and the points). Interrupting the calling
     * thread stops the computation and throws {@link org.hopscape.util.Interrupted} after delivering what finished.
     *
     * @param sweep   the sweep's name (for messages and the engine's job names)
     * @param batches the batches to compute (point indices, ascending)
     * @param unit    batch → one table per point; serialisable (a distributed engine sends it to its workers)
     * @param threads threads the sweep may use in all (a local engine's pool; a distributed engine has its own)
     * @param done    receives (index into {@code batches}, the batch's tables)
     */
    void run(String sweep, List<int[]> batches, Sweep.BatchTask unit, int threads, Completion done);

    /** Receives a finished batch. */
    @FunctionalInterface
    interface Completion {
        void accept(int batch, List<Table> tables);
    }

    /**
     * A distributed engine, registered in {@code META-INF/services/org.hopscape.analysis.SweepEngine$Provider}. Its class
     * must load without the engine's own jars on the classpath (it is instantiated whenever a master is looked up);
     * {@link #open} may then fail with a message saying what is missing.
     */
    interface Provider {
        /** Whether this provider runs sweeps on the given master (e.g. "local[2]", "spark://host:7077"). */
        boolean accepts(String master);

        /** The engine on that master; the same instance for the same master while it is open in this JVM. */
        SweepEngine open(String master);
    }
}
