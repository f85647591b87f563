package org.hopscape.cli.bench;

import org.hopscape.data.TrainingSet200;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.kernel.KrotovKernel;
import org.hopscape.learning.KrotovTrainer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Benchmark of one full-batch Krotov–Hopfield epoch (paper 000; K = 100 memories, 200 digits, n = 30, T = 670):
 * the OpenBLAS kernel on 2 and 1 threads against the plain single-threaded loops, all in the same run.
 * Target (spec 000 §8): ≤ 0.9 ms per epoch on 2 threads. Usage: {@code KrotovBench [epochs]}.
 */
public final class KrotovBench {
    private KrotovBench() {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double[][] images;
        int[] classes;
        String source;
        var set = TrainingSet200.authors();
        if (set.isPresent()) {
            images = set.get().images();
            classes = set.get().classes();
            source = set.get().source();
        } else {
            // random ±1 digits of the right shape: timing does not depend on the pixel values
            SplittableRandom r = new SplittableRandom(1);
            images = new double[200][784];
            classes = new int[200];
            for (int i = 0; i < 200; i++) {
                classes[i] = i / 20;
                for (int j = 0; j < 784; j++) images[i][j] = r.nextDouble() < 0.2 ? 1 : -1;
            }
            source = "random ±1 images (200-set not found)";
        }
        int s = images.length, n = 784, k = 100, c = 10;
        double order = 30, temperature = 670;
        DenseClassifier init = DenseClassifier.gaussian(k, n, c, order, temperature, 1);
        double[] x = DenseClassifier.flatten(images), t = KrotovTrainer.targets(classes, c);
        var step = new KrotovKernel.Step(order, order, temperature, KrotovTrainer.Options.PAPER_RATE, 0);
        System.out.printf("Krotov epoch benchmark: K=%d, S=%d, N=%d, n=%s, T=%s, data: %s%n", k, s, n, order, temperature, source);
        int before = KrotovKernel.blasThreads();
        int plainEpochs = Math.max(20, epochs / 50);
        double[] plain = time(false, x, t, init, s, n, k, c, step, plainEpochs);
        KrotovKernel.setBlasThreads(1);
        double[] blas1 = time(true, x, t, init, s, n, k, c, step, epochs);
        KrotovKernel.setBlasThreads(2);
        double[] blas2 = time(true, x, t, init, s, n, k, c, step, epochs);
        KrotovKernel.setBlasThreads(before);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("system load average %.1f on %d cores (wall times grow with load; CPU time does not)%n", load,
                Runtime.getRuntime().availableProcessors());
        System.out.println("variant                 |  wall ms/epoch | process CPU ms/epoch | wall speed-up vs plain");
        System.out.printf("plain loops, 1 thread   | %14.3f | %20.3f | %6.1f×  (%d epochs)%n", plain[0], plain[1], 1.0, plainEpochs);
        System.out.printf("OpenBLAS,    1 thread   | %14.3f | %20.3f | %6.1f×  (%d epochs)%n", blas1[0], blas1[1], plain[0] / blas1[0], epochs);
        System.out.printf("OpenBLAS,    2 threads  | %14.3f | %20.3f | %6.1f×  (%d epochs)%n", blas2[0], blas2[1], plain[0] / blas2[0], epochs);
        System.out.printf("2 threads: %.0f epochs/s, a 5000-epoch run %.1f s (target ≤ 0.9 ms/epoch on an idle machine)%n",
                1000 / blas2[0], 5 * blas2[0]);
    }

    /** Median over 5 blocks of the wall ms per epoch and of the process CPU ms per epoch, after a warm-up block. */
    static double[] time(boolean blas, double[] x, double[] t, DenseClassifier init, int s, int n, int k, int c,
                       KrotovKernel.Step step, int epochs) {
        double[] m = init.flatMemories(), l = init.flatLabels();
        var ws = new KrotovKernel.Workspace(s, n, k, c);
        int block = Math.max(1, epochs / 5);
        run(blas, x, t, m, l, s, n, k, c, step, ws, block);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] ms = new double[5], cpu = new double[5];
        for (int b = 0; b < 5; b++) {
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            run(blas, x, t, m, l, s, n, k, c, step, ws, block);
            ms[b] = (System.nanoTime() - t0) / 1e6 / block;
            cpu[b] = (os.getProcessCpuTime() - c0) / 1e6 / block;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new double[] {ms[2], cpu[2]};
    }

    static void run(boolean blas, double[] x, double[] t, double[] m, double[] l, int s, int n, int k, int c,
                    KrotovKernel.Step step, KrotovKernel.Workspace ws, int epochs) {
        for (int e = 0; e < epochs; e++) {
            if (blas) KrotovKernel.epoch(x, t, m, l, s, n, k, c, step, ws);
            else KrotovKernel.epochPlain(x, t, m, l, s, n, k, c, step, ws);
        }
    }
}
