package org.hopscape.analysis;

import org.hopscape.util.Check;
import org.hopscape.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The engines a {@link Sweep} can run on: {@link #localThreads()} (default) or, by master URL, an engine found through
 * {@link SweepEngine.Provider} ({@code mvn -Pspark} / {@code environment/bootstrap.sh --with-spark} add Spark's).
 */
public final class SweepEngines {
    private SweepEngines() {}

    private static final SweepEngine LOCAL = new LocalThreads();

    /** Local threads: a pool of the sweep's {@code threads}, divided between the batches running at once. */
    public static SweepEngine localThreads() {
        return LOCAL;
    }

    /**
     * The engine for a master: null (or blank) → {@link #localThreads()}; otherwise the first provider on the classpath
     * that accepts it.
     *
     * @throws IllegalArgumentException when no provider accepts the master (e.g. Spark's engine is not on the classpath)
     */
    public static SweepEngine forMaster(String master) {
        if (master == null || master.isBlank()) return LOCAL;
        List<String> seen = new ArrayList<>();
        // a provider that cannot be loaded (a stale registration of a build with another profile) is skipped and named
        var it = ServiceLoader.load(SweepEngine.Provider.class, SweepEngines.class.getClassLoader()).iterator();
        while (true) {
            SweepEngine.Provider p;
            try {
                if (!it.hasNext()) break;
                p = it.next();
            } catch (ServiceConfigurationError e) {
                seen.add("unloadable: " + e.getMessage());
                continue;
            }
            seen.add(p.getClass().getName());
            if (p.accepts(master)) return p.open(master);
        }
        throw new IllegalArgumentException("master " + master + " (HOPSCAPE_SPARK_MASTER / -Dhopscape.spark.master / "
                + "Sweep.Options.withMaster): no sweep engine for it on the classpath"
                + (seen.isEmpty() ? " (build with mvn -Pspark, or run environment/bootstrap.sh --with-spark, to add Spark's)"
                : " (providers found: " + seen + ")") + "; allowed: local[N], local[*], spark://host:port, or unset for local threads");
    }

    private static final class LocalThreads implements SweepEngine {
        @Override
        public String describe() {
            return "local threads";
        }

        @Override
        public void run(String sweep, List<int[]> batches, Sweep.BatchTask unit, int threads, Completion done) {
            Check.notNull("batches", batches);
            if (batches.isEmpty()) return;
            Check.positive("threads", threads);
            int concurrent = Math.min(threads, batches.size());
            int each = Math.max(1, threads / concurrent);
            Parallel.forEachCompleted("sweep " + sweep, batches.size(), concurrent,
                    j -> unit.apply(batches.get(j).clone(), each), done::accept);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
