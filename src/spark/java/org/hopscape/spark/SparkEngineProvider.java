package org.hopscape.spark;

import org.hopscape.analysis.SweepEngine;

/**
 * Registers {@link SparkSweepEngine} for masters {@code local}, {@code local[N]}, {@code local[*]},
 * {@code local[N,F]}, {@code spark://…}, {@code yarn} and {@code k8s://…}. This class refers to no Spark class, so it loads
 * (and says what is missing) also where the kit was built with the profile but runs without Spark's jars.
 */
public final class SparkEngineProvider implements SweepEngine.Provider {
    @Override
    public boolean accepts(String master) {
        return master != null && (master.equals("local") || master.matches("local\\[(\\*|[1-9][0-9]*)(,[0-9]+)?]")
                || master.startsWith("spark://") || master.equals("yarn") || master.startsWith("k8s://"));
    }

    @Override
    public SweepEngine open(String master) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkEngineProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("master " + master + ": Spark's jars are not on the classpath (run "
                    + "environment/bootstrap.sh --with-spark; the kit's JVMs then add target/spark/jars/*)", e);
        }
        return SparkSweepEngine.open(master);
    }
}
