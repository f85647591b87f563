package org.hopscape.cli.bench;

import org.hopscape.analysis.Sweep;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.spark.LoopbackCluster;
import org.hopscape.spark.SparkSweepEngine;
import org.hopscape.table.PortableTable;
import org.hopscape.util.Settings;
import tech.tablesaw.api.Table;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 17: points per minute of the Fig 7 population recipe (paper 000: digits 1, 7, 8, K = 100 identical memories
 * near a digit, η = 0.01, batches of 2 runs) on local threads, on Spark local[2] and on a loopback standalone cluster
 * (master and workers from the kit's jars), in one run, with each engine's fixed overhead: SparkContext start,
 * executor launch (until the executors registered), and for the cluster the master and workers' start. Every engine
 * computes the same points and the rows are checked equal. Projects the full Fig 7 grid (3 T × 58 n × 2 ics × 10 runs
 * = 3480 points of 10,000 epochs) on a 64-core cluster from the measured CPU time per point.
 *
 * <p>Usage (needs bootstrap --with-spark): {@code environment/kit bench SparkSweep [runs=2] [epochs=200] [workers=2]}:
 * 4·runs points (T = 550, n ∈ {5, 20}, both initial digits).
 */
public final class SparkSweepBench {
    private SparkSweepBench() {}

    static final int FIG7_POINTS = 3 * 58 * 2 * 10, PAPER_EPOCHS = 10_000;

    record Line(String engine, double fixedSeconds, String fixed, double sweepSeconds, int points) {
        double perMinute() {
            return points / (sweepSeconds / 60);
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int points = 4 * runs;
        System.out.printf(Locale.ROOT, "Spark sweep benchmark: Fig 7 populations, %d points × %d epochs, %d cores, load %.1f%n",
                points, epochs, Runtime.getRuntime().availableProcessors(), load());
        // warm-up of the local path (JIT), not timed
        populations(1, 20, Sweep.Options.inMemory().withMaster(null));

        long cpu0 = cpu(), t0 = System.nanoTime();
        Table reference = populations(runs, epochs, Sweep.Options.inMemory().withMaster(null));
        double threadsWall = seconds(t0), cpuPerPoint = (cpu() - cpu0) / 1e9 / points;
        Line threads = new Line("local threads (" + Sweep.Options.inMemory().threads() + ")", 0, "none", threadsWall, points);

        Line local2;
        t0 = System.nanoTime();
        try (SparkSweepEngine e = SparkSweepEngine.open("local[2]")) {
            double ctx = seconds(t0);
            long s = System.nanoTime();
            same(reference, populations(runs, epochs, Sweep.Options.inMemory().withMaster("local[2]")));
            local2 = new Line("spark local[2]", ctx, String.format(Locale.ROOT, "context %.1f s", ctx), seconds(s), points);
        }

        Line cluster;
        Path target = Settings.home().resolve("target");
        t0 = System.nanoTime();
        try (LoopbackCluster c = LoopbackCluster.start(target.resolve("spark/jars"), target.resolve("lib"),
                target.resolve("spark-clusters"), workers, 1, 1024)) {
            double daemons = seconds(t0);
            c.driverConf().forEach(System::setProperty);
            try {
                long s = System.nanoTime();
                try (SparkSweepEngine e = SparkSweepEngine.open(c.url())) {
                    double ctx = seconds(s);
                    long x = System.nanoTime();
                    e.awaitExecutors(workers, 300_000);
                    double launch = seconds(x);
                    x = System.nanoTime();
                    same(reference, populations(runs, epochs, Sweep.Options.inMemory().withMaster(c.url())));
                    cluster = new Line("loopback cluster (" + workers + " workers × 1 core)", daemons + ctx + launch,
                            String.format(Locale.ROOT, "master+workers %.1f s, context %.1f s, executors %.1f s", daemons, ctx, launch),
                            seconds(x), points);
                }
            } finally {
                c.driverConf().keySet().forEach(System::clearProperty);
            }
        }

        System.out.printf(Locale.ROOT, "load at the end %.1f (2 cores shared with other work: wall times are upper bounds)%n%n", load());
        System.out.println("| engine | fixed overhead (s) | of which | sweep wall (s) | points/min | vs threads |");
        System.out.println("|---|---|---|---|---|---|");
        for (Line l : new Line[] {threads, local2, cluster})
            System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %.1f | %.1f | %.2f× |%n", l.engine(), l.fixedSeconds(), l.fixed(),
                    l.sweepSeconds(), l.perMinute(), l.perMinute() / threads.perMinute());
        double pointCore = cpuPerPoint * PAPER_EPOCHS / epochs;
        System.out.printf(Locale.ROOT, "%nrows identical on the three engines: yes (checked)%n");
        System.out.printf(Locale.ROOT, "CPU per point: %.2f s at %d epochs → %.0f core-s per 10,000-epoch point%n",
                cpuPerPoint, epochs, pointCore);
        for (int cores : new int[] {2, 64})
            System.out.printf(Locale.ROOT, "full Fig 7 populations (%d points × 10,000 epochs) on %d cores: %.0f min compute"
                    + " + %.1f min fixed overhead (as measured on the loopback cluster)%n", FIG7_POINTS, cores,
                    FIG7_POINTS * pointCore / cores / 60, cluster.fixedSeconds() / 60);
    }

    static Table populations(int runs, int epochs, Sweep.Options sweep) {
        return SaddleProportions.populations(new SaddleProportions.Options(new int[] {1, 7, 8}, new int[] {1, 7},
                new double[] {550}, new double[] {5}, new double[] {550}, new double[] {5, 20}, 0.01, 10, epochs, runs, 100,
                42, sweep)).table();
    }

    static void same(Table a, Table b) {
        if (!PortableTable.of(a).equals(PortableTable.of(b)))
            throw new IllegalStateException("rows differ between engines:\n" + a + "\n" + b);
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
