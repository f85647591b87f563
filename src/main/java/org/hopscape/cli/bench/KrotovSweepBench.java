package org.hopscape.cli.bench;

import org.hopscape.data.TrainingSet200;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.learning.KrotovTrainer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Throughput of the paper-000 sweeps (issue 12): 10,000-epoch runs per hour of the Fig 2 recipe (200-set, K = 100,
 * η = 0.005, default initialisation) and of the Fig 7 population recipe (the 60 rows of digits 1, 7, 8, K = 100
 * identical memories 0.8 × mean 1 with label noise, η = 0.01), each trained one run per thread
 * ({@link KrotovTrainer#trainAll}) and batched ({@link KrotovTrainer#trainBatched}), in the same run, with the ratio.
 * Projects the full Fig 2 grid (236 runs) and the full Fig 7 populations (3 T × 58 n × 2 ics × 10 runs = 3480 runs)
 * from the measured rates, both from wall time (what this machine gave, shared with other work: the load average is
 * printed) and from process CPU time divided by the cores (an idle machine).
 *
 * <p>Usage: {@code KrotovSweepBench [fig2 epochs=500] [fig7 epochs=1000] [runs=12] [threads=all] [repetitions=3]}: the two
 * paths alternate within each repetition (after an untimed warm-up of both) and the medians are compared. Runs cycle over
 * n ∈ {3, 10, 20, 30, 40, 50} and the recipe's temperatures, as in the sweeps.
 */
public final class KrotovSweepBench {
    private KrotovSweepBench() {}

    static final int FIG2_GRID = 236, FIG7_RUNS = 3 * 58 * 2 * 10;

    public static void main(String[] args) {
        int e2 = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int e7 = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runs.defaultThreads();
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        TrainingSet200 set = TrainingSet200.load();
        System.out.printf("Krotov sweep benchmark: %d runs per recipe, %d threads (%d cores), median of %d alternating"
                + " repetitions, data: %s%n", runs, threads, Runtime.getRuntime().availableProcessors(), reps, set.source());
        System.out.println(load("start"));
        // warm-up (JIT compilation of every path, OpenBLAS buffers), not timed
        for (boolean batched : new boolean[] {true, false}) {
            time(fig2(set, 4, 150), threads, batched);
            time(fig7(set, 4, 150), threads, batched);
        }
        double[][] one2 = new double[reps][], bat2 = new double[reps][], one7 = new double[reps][], bat7 = new double[reps][];
        for (int r = 0; r < reps; r++) {
            one2[r] = time(fig2(set, runs, e2), threads, false);
            bat2[r] = time(fig2(set, runs, e2), threads, true);
            one7[r] = time(fig7(set, runs, e7), threads, false);
            bat7[r] = time(fig7(set, runs, e7), threads, true);
        }
        double[] o2 = median(one2), b2 = median(bat2), o7 = median(one7), b7 = median(bat7);
        System.out.println(load("end"));
        System.out.println();
        System.out.println("recipe                    | path               | wall s | CPU s | 10k-epoch runs/h (wall) | (CPU/cores)");
        row("Fig 2 (S=200, K=100)", "one run per thread", o2, runs, e2, threads);
        row("Fig 2 (S=200, K=100)", "batched", b2, runs, e2, threads);
        row("Fig 7 (S=60, K=100)", "one run per thread", o7, runs, e7, threads);
        row("Fig 7 (S=60, K=100)", "batched", b7, runs, e7, threads);
        System.out.println();
        System.out.printf("ratio batched / one run per thread: Fig 2 %.2f× (wall) %.2f× (CPU); Fig 7 %.2f× (wall) %.2f× (CPU)"
                + "  (target on Fig 7: ≥ 2×)%n", o2[0] / b2[0], o2[1] / b2[1], o7[0] / b7[0], o7[1] / b7[1]);
        int cores = Math.min(threads, Runtime.getRuntime().availableProcessors());
        System.out.printf("projected full Fig 2 grid (%d runs × 10,000 epochs), batched: %.1f min at this load, %.1f min on"
                + " %d idle cores (target ≤ 20 min)%n", FIG2_GRID, minutes(b2[0], runs, e2, FIG2_GRID),
                minutes(b2[1] / cores, runs, e2, FIG2_GRID), cores);
        System.out.printf("projected full Fig 7 populations (%d runs × 10,000 epochs), batched: %.1f min at this load, %.1f"
                + " min on %d idle cores (target ≤ 90 min)%n", FIG7_RUNS, minutes(b7[0], runs, e7, FIG7_RUNS),
                minutes(b7[1] / cores, runs, e7, FIG7_RUNS), cores);
    }

    /** Fig 2 recipe runs: default initialisation (seed 1), η = 0.005, n over a few orders, T over the Fig 2 values. */
    static List<KrotovTrainer.Run> fig2(TrainingSet200 set, int runs, int epochs) {
        double[] ns = {3, 10, 20, 30, 40, 50}, ts = {450, 550, 650, 750};
        List<KrotovTrainer.Run> out = new ArrayList<>();
        for (int r = 0; r < runs; r++)
            out.add(new KrotovTrainer.Run(DenseClassifier.gaussian(100, set.images()[0].length, 10, ns[r % ns.length],
                    ts[r % ts.length], 1), set.images(), set.classes(), KrotovTrainer.Options.paper(epochs)));
        return out;
    }

    /** Fig 7 population recipe runs on the rows of digits 1, 7, 8: memories 0.8 × mean 1, labels noise − 0.6 + 1.2·[d = 1]. */
    static List<KrotovTrainer.Run> fig7(TrainingSet200 set, int runs, int epochs) {
        TrainingSet200 sub = set.digits(new int[] {1, 7, 8});
        double[][] x = sub.images();
        int p = x[0].length, k = 100;
        double[] mean = new double[p];
        int ones = 0;
        for (int i = 0; i < x.length; i++)
            if (sub.classes()[i] == 1) {
                ones++;
                for (int j = 0; j < p; j++) mean[j] += x[i][j];
            }
        double[] ns = {3, 10, 20, 30, 40, 50}, ts = {550, 750, 800};
        List<KrotovTrainer.Run> out = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            SplittableRandom rnd = new SplittableRandom(r);
            double[] m = new double[k * p], l = new double[k * 10];
            for (int mu = 0; mu < k; mu++) {
                for (int j = 0; j < p; j++) m[mu * p + j] = 0.8 * mean[j] / ones;
                for (int d = 0; d < 10; d++) l[mu * 10 + d] = -0.03 + 0.01 * rnd.nextGaussian() - 0.6 + (d == 1 ? 1.2 : 0);
            }
            DenseClassifier init = DenseClassifier.ofFlat(k, p, 10, m, l, ns[r % ns.length], ts[r % ts.length]);
            out.add(new KrotovTrainer.Run(init, x, sub.classes(), KrotovTrainer.Options.paper(epochs).withLearningRate(0.01)));
        }
        return out;
    }

    /** Element-wise median of {wall, CPU} pairs. */
    static double[] median(double[][] t) {
        double[] w = new double[t.length], c = new double[t.length];
        for (int i = 0; i < t.length; i++) { w[i] = t[i][0]; c[i] = t[i][1]; }
        java.util.Arrays.sort(w);
        java.util.Arrays.sort(c);
        return new double[] {w[t.length / 2], c[t.length / 2]};
    }

    /** Wall seconds and process CPU seconds of training the runs. */
    static double[] time(List<KrotovTrainer.Run> runs, int threads, boolean batched) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        if (batched) KrotovTrainer.trainBatched(runs, threads, KrotovTrainer.runsPerBatch(100), null);
        else KrotovTrainer.trainAll(runs, threads, null);
        return new double[] {(System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9};
    }

    static void row(String recipe, String path, double[] t, int runs, int epochs, int threads) {
        int cores = Math.min(threads, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-25s | %-18s | %6.1f | %5.1f | %23.0f | %11.0f%n", recipe, path, t[0], t[1],
                perHour(t[0], runs, epochs), perHour(t[1] / cores, runs, epochs));
    }

    /** 10,000-epoch runs per hour from {@code runs} runs of {@code epochs} epochs in {@code seconds}. */
    static double perHour(double seconds, int runs, int epochs) {
        return runs * (epochs / 10_000.0) / seconds * 3600;
    }

    static double minutes(double seconds, int runs, int epochs, int total) {
        return total / perHour(seconds, runs, epochs) * 60;
    }

    static String load(String when) {
        return String.format("load average (%s): %.2f on %d cores", when,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }
}
