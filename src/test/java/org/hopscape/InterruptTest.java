package org.hopscape;

import org.hopscape.papers.waddington.Fig5System;
import org.hopscape.analysis.FixedPointContinuation;
import org.hopscape.analysis.Sweep;
import org.hopscape.analysis.MarchenkoPasturSpectra;
import org.hopscape.analysis.TwoMemorySystem;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.Families;
import org.hopscape.dynamics.MorseSmale;
import org.hopscape.dynamics.Ode;
import org.hopscape.dynamics.Sde;
import org.hopscape.dynamics.examples.DualWell;
import org.hopscape.dynamics.examples.FoldFamily;
import org.hopscape.dynamics.examples.GaussianMixtureEnergy;
import org.hopscape.embed.Umap;
import org.hopscape.hopfield.ClassicHopfield;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.hopfield.Patterns;
import org.hopscape.learning.Annealing;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.util.Interrupted;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Parallel;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 16 item 1 / issue 18: every long library call stops when its thread is interrupted. Each test starts a call
 * that would run for minutes in its own thread, lets it work, interrupts it, and requires that the call ends with
 * {@link Interrupted} (interrupt status kept) and that it and every worker thread of its pool have ended within
 * {@link #LIVENESS_MILLIS} — a liveness bound, not a timing benchmark. The measured stop times are written to
 * {@code target/interrupts/stop-times.tsv}.
 */
class InterruptTest {
    /**
     * Tablesaw's first Table scans the classpath for its readers, once per JVM (1–2 s under load, not interruptible):
     * done before the tests, so that each measures how fast its computation stops, not that one-time start-up.
     */
    @org.junit.jupiter.api.BeforeAll
    static void tablesawStarted() {
        tech.tablesaw.api.Table.create("warm-up");
    }

    /** The call and its workers must have ended this long after the interrupt. */
    static final long LIVENESS_MILLIS = 1000;
    /** How long the call works before it is interrupted. */
    static final long WORK_MILLIS = 300;

    private static final List<String> STOP_TIMES = new ArrayList<>();

    @FunctionalInterface
    interface LongCall {
        Object run();
    }

    static Set<Thread> workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(Parallel.THREAD_PREFIX) && t.isAlive()).collect(Collectors.toSet());
    }

    /** Runs {@code call}, interrupts it after {@link #WORK_MILLIS} and checks that it and its workers stop. */
    static Throwable stopsOnInterrupt(String name, LongCall call) throws InterruptedException {
        return stopsOnInterrupt(name, call, () -> true);
    }

    /** The same, interrupting once {@code ready} holds (and at least {@link #WORK_MILLIS} after the start). */
    static Throwable stopsOnInterrupt(String name, LongCall call, java.util.function.BooleanSupplier ready)
            throws InterruptedException {
        Set<Thread> before = workers();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        AtomicReference<Object> returned = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                returned.set(call.run());
            } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        }, "interrupt-test " + name);
        t.setDaemon(true);
        t.start();
        t.join(WORK_MILLIS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (t.isAlive() && !ready.getAsBoolean() && System.nanoTime() < until) Thread.sleep(2);
        assertTrue(ready.getAsBoolean(), name + ": the state to interrupt in was not reached");
        assertTrue(t.isAlive(), name + " ended before it was interrupted (returned " + returned.get() + ", threw "
                + thrown.get() + "): the test needs a longer call");
        long interrupted = System.nanoTime();
        t.interrupt();
        t.join(LIVENESS_MILLIS);
        long callStopped = System.nanoTime();
        assertFalse(t.isAlive(), () -> name + " still runs " + LIVENESS_MILLIS + " ms after the interrupt, at\n  "
                + java.util.Arrays.stream(t.getStackTrace()).map(String::valueOf).collect(Collectors.joining("\n  "))
                + workers().stream().map(w -> "\n" + w.getName() + " (interrupted: " + w.isInterrupted() + ")\n  "
                        + java.util.Arrays.stream(w.getStackTrace()).limit(8).map(String::valueOf)
                        .collect(Collectors.joining("\n  "))).collect(Collectors.joining()));
        Set<Thread> left;
        do {
            left = workers();
            left.removeAll(before);
        } while (!left.isEmpty() && System.nanoTime() - interrupted < TimeUnit.MILLISECONDS.toNanos(LIVENESS_MILLIS)
                && sleep());
        long poolStopped = System.nanoTime();
        assertTrue(left.isEmpty(), name + ": worker threads still alive " + LIVENESS_MILLIS + " ms after the interrupt: " + left);
        assertInstanceOf(Interrupted.class, thrown.get(), name + " must end with Interrupted");
        assertEquals(Boolean.TRUE, flagKept.get(), name + " must keep the thread's interrupt status");
        synchronized (STOP_TIMES) {
            STOP_TIMES.add(name + "\t" + String.format(java.util.Locale.ROOT, "%.1f\t%.1f",
                    (callStopped - interrupted) / 1e6, (poolStopped - interrupted) / 1e6));
        }
        return thrown.get();
    }

    private static boolean sleep() {
        try {
            Thread.sleep(5);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterAll
    static void writeStopTimes() throws IOException {
        Path dir = Path.of("target", "interrupts");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stop-times.tsv"), "call\tcall stopped (ms after interrupt)\tworkers stopped (ms)\n"
                + String.join("\n", STOP_TIMES) + "\n");
    }

    // ------------------------------------------------------------------------------------------------ the calls

    @Test
    void generalizedHopfieldRelax() throws InterruptedException {
        double[][] xi = Rng.gaussians(Rng.of(1), 3, 50, 0.2);
        GeneralizedHopfield gh = GeneralizedHopfield.symmetric(xi, new double[3], 2);
        // 2·10⁹ Euler steps
        stopsOnInterrupt("GeneralizedHopfield.relax", () -> gh.relax(new double[50], 0.01, 2e7));
    }

    @Test
    void modernHopfieldFlow() throws InterruptedException {
        ModernHopfield net = ModernHopfield.of(Patterns.random(5, 200, 3), 4);
        // 8 runs of 10⁸ steps on two workers, records every 10⁷ steps
        var flow = new ModernHopfield.Flow(1e-4, 1e4, 10_000_000, false, 2);
        stopsOnInterrupt("ModernHopfield.flow", () -> net.flow(Patterns.randomStates(8, 200, 4), flow, Progress.NONE));
    }

    @Test
    void classicHopfieldGlauber() throws InterruptedException {
        ClassicHopfield net = ClassicHopfield.hebbian(Patterns.random(10, 500, 5));
        var options = new ClassicHopfield.Glauber(0.2, 1_000_000, 100_000_000, false, 2);
        stopsOnInterrupt("ClassicHopfield.glauber", () -> net.glauber(Patterns.randomStates(4, 500, 6), options, 7, Progress.NONE));
    }

    @Test
    void sdePaths() throws InterruptedException {
        double[][] starts = new double[8][2];
        // 10⁹ Euler–Maruyama steps per path
        stopsOnInterrupt("Sde.paths", () -> Sde.paths(new DualWell(), starts, new Sde.Options(0.3, 1e-4, 1e5, 0), 1));
    }

    @Test
    void annealing() throws InterruptedException {
        Annealing a = new Annealing(Rng.gaussians(Rng.of(2), 11, 20, 1),
                new Annealing.Options(0.05, 50, 1e4, 0, 1e-4, 0.1, 2, Progress.NONE));
        // 256 cells of 10⁸ steps on two workers
        stopsOnInterrupt("Annealing.run", () -> a.run(new double[11], 256, 3, Annealing.Recording.NONE));
    }

    @Test
    void umapLayout() throws InterruptedException {
        double[][] x = Rng.gaussians(Rng.of(3), 2000, 10, 1);
        Umap.Options o = Umap.Options.quick().withNeighbors(15).withEpochs(100_000);
        stopsOnInterrupt("Umap.fit", () -> Umap.fit(x, o));
    }

    @Test
    void criticalPointGridSearch() throws InterruptedException {
        var system = new GaussianMixtureEnergy(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 0.4);
        // 1001³ ≈ 10⁹ Newton runs on the default workers
        stopsOnInterrupt("CriticalPoints.find", () -> CriticalPoints.find(system, CriticalPoints.Options.box(3, 2, 1001)));
    }

    @Test
    void familyContinuation() throws InterruptedException {
        double[] etas = Families.grid(-1, 1, 1e-4);
        var o = Families.Options.of(CriticalPoints.Options.box(2, 3, 201), false);
        stopsOnInterrupt("Families.track", () -> Families.track(new FoldFamily(), etas, o, Progress.NONE));
    }

    @Test
    void basinMap() throws InterruptedException {
        var well = new DualWell();
        var points = CriticalPoints.find(well, CriticalPoints.Options.box(2, 2, 21));
        var o = new MorseSmale.BasinOptions(-3, 3, -3, 3, 4001, 1e-4, 1e3, 1e-12, 0);
        stopsOnInterrupt("MorseSmale.basins", () -> MorseSmale.basins(well, points, o, Progress.NONE));
    }

    @Test
    void odeIntegration() throws InterruptedException {
        Ode.Field f = Ode.Field.of(new DualWell());
        // the adaptive steps are capped at 10⁻⁴ and the horizon is 10⁹
        stopsOnInterrupt("Ode.dopri", () -> Ode.dopri(f, 0, new double[] {0.3, 0.1},
                new Ode.Options(1e-10, 1e-12, 1e-4, 1e9, 0), null));
    }

    @Test
    void fixedPointContinuation() throws InterruptedException {
        var o = new FixedPointContinuation.Options(1.2, 1000, 1e-3, 4000, 1e-3, 2, Progress.NONE);
        // ≈ 10⁶ values of n, each a full fixed-point scan
        stopsOnInterrupt("FixedPointContinuation.track", () -> FixedPointContinuation.track(Fig5System.at(2), o));
    }

    @Test
    void marchenkoPasturSpectra() throws InterruptedException {
        // 100 000 draws of a 200 × 100 Gram spectrum on two workers
        var o = new MarchenkoPasturSpectra.Options(200, new double[] {0.5}, 100_000, 1, 10, 2);
        stopsOnInterrupt("MarchenkoPasturSpectra.run", () -> MarchenkoPasturSpectra.run(o, 1));
    }

    /** 200 random ±1 "images" of 784 pixels in 10 classes. */
    static double[][] images() {
        return Patterns.randomStates(200, 784, 12);
    }

    static int[] classes() {
        int[] c = new int[200];
        for (int i = 0; i < c.length; i++) c[i] = i % 10;
        return c;
    }

    @Test
    void krotovTraining() throws InterruptedException {
        DenseClassifier start = DenseClassifier.gaussian(20, 784, 10, 3, 0.7 * 784, 13);
        stopsOnInterrupt("KrotovTrainer.train", () -> KrotovTrainer.train(start, images(), classes(),
                KrotovTrainer.Options.paper(10_000_000)));
    }

    @Test
    void krotovTrainAllKeepsTheFinishedRuns() throws InterruptedException {
        double[][] x = images();
        int[] c = classes();
        List<KrotovTrainer.Run> runs = new ArrayList<>();
        for (int r = 0; r < 8; r++)     // runs 0 and 1 take 20 epochs, the others 10⁷
            runs.add(new KrotovTrainer.Run(DenseClassifier.gaussian(10, 784, 10, 3, 0.7 * 784, 20 + r), x, c,
                    KrotovTrainer.Options.paper(r < 2 ? 20 : 10_000_000)));
        java.util.concurrent.atomic.AtomicLong epochs = new java.util.concurrent.atomic.AtomicLong();
        // interrupt once 1000 epochs are done: runs 0 and 1 (the first two a worker takes) finished long before
        Throwable t = stopsOnInterrupt("KrotovTrainer.trainAll", () -> KrotovTrainer.trainAll(runs, 2,
                (task, d, all) -> epochs.set(d)), () -> epochs.get() >= 1000);
        List<KrotovTrainer.Result> kept = assertInstanceOf(KrotovTrainer.TrainingInterrupted.class, t).finished();
        assertEquals(8, kept.size());
        for (int r = 0; r < 2; r++) {
            assertNotNull(kept.get(r), "finished run " + r + " is kept");
            // the same run alone, as trainAll computes it: on one OpenBLAS thread (an AVX-512 kernel rounds this
            // 10 × 784 × 200 product differently on 2 threads, so the thread count must match, not the CPU)
            try (var blas = org.hopscape.util.Blas.threadScope(1)) {
                assertArrayEquals(KrotovTrainer.train(runs.get(r).initial(), x, c, runs.get(r).options()).last().flatMemories(),
                        kept.get(r).last().flatMemories(), 0.0);
            }
        }
        for (int r = 2; r < 8; r++) assertNull(kept.get(r), "run " + r + " did not finish");
    }

    @Test
    void krotovBatchedTraining() throws InterruptedException {
        double[][] x = images();
        int[] c = classes();
        List<KrotovTrainer.Run> runs = new ArrayList<>();
        for (int r = 0; r < 6; r++)
            runs.add(new KrotovTrainer.Run(DenseClassifier.gaussian(10, 784, 10, 3, 0.7 * 784, 40 + r), x, c,
                    KrotovTrainer.Options.paper(10_000_000)));
        Throwable t = stopsOnInterrupt("KrotovTrainer.trainBatched", () -> KrotovTrainer.trainBatched(runs, 2, 2, Progress.NONE));
        assertInstanceOf(KrotovTrainer.TrainingInterrupted.class, t);
    }

    @Test
    void sweepKeepsTheFinishedPointsAndResumes(@TempDir Path dir) throws InterruptedException {
        // Tablesaw's Table class scans the classpath once when first used (seconds, not interruptible): not ours to time
        Table.create("class initialised before the timed call");
        Sweep.Options o = new Sweep.Options(2, 1, dir, null);
        java.util.Set<String> log = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.function.IntFunction<Table> task = i -> {
            log.add("start " + i);
            if (i >= 3) for (long k = 0; ; k++) Interrupts.checkEvery(k, 1023, "point " + i);   // points 3… run for ever
            return Table.create("p", DoubleColumn.create("x", new double[] {i * 0.5}));
        };
        // interrupt once both workers are in their endless points 3 and 4: points 0–2 have finished by then
        Throwable t = stopsOnInterrupt("Sweep.run", () -> Sweep.run("interrupt-test", "interrupt-test/1", 10, task,
                Map.of("n", 10), 1, o), () -> log.stream().filter(e -> e.startsWith("start 3") || e.startsWith("start 4")).count() == 2);
        assertTrue(t.getMessage().contains("3 of 10 points done"), t.getMessage());
        int[] computed = {0};
        var e = assertThrows(IllegalStateException.class, () -> Sweep.run("interrupt-test", "interrupt-test/1", 10, i -> {
            computed[0]++;
            if (i >= 3) throw new IllegalStateException("stop here");
            return task.apply(i);
        }, Map.of("n", 10), 1, o.withThreads(1)));
        assertTrue(e.getMessage().contains("point 3"), e.getMessage());
        assertEquals(7, computed[0], "points 0–2 came from the checkpoint written at the interrupt");
    }

    @Test
    void anInterruptBeforeTheCallStopsItAtOnce() {
        Thread.currentThread().interrupt();
        try {
            GeneralizedHopfield gh = GeneralizedHopfield.symmetric(new double[][] {{1, 0}, {0, 1}}, new double[2], 1);
            try {
                gh.relax(new double[2], 0.01, 1e6);
                fail("relax ignored the interrupt");
            } catch (Interrupted expected) {
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
            }
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void parallelWorkIsThreadCountIndependentAndLeavesNoWorker() {
        double[] one = new double[1000], two = new double[1000];
        Parallel.forEach("squares", one.length, 1, i -> one[i] = Rng.stream(9, i).nextGaussian());
        Parallel.forEach("squares", two.length, 2, i -> two[i] = Rng.stream(9, i).nextGaussian());
        for (int i = 0; i < one.length; i++) assertEquals(one[i], two[i], 0.0);
        assertTrue(workers().isEmpty(), "the pool's threads have ended when the call returns: " + workers());
    }

    @Test
    void aFailingItemStopsTheOthersAndIsRethrown() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Parallel.forEach("items", 100, 2, i -> {
                    if (i == 1) throw new IllegalStateException("item 1 failed");
                    for (long k = 0; k < Long.MAX_VALUE; k++) org.hopscape.util.Interrupts.checkEvery(k, 1023, "item");
                }));
        assertEquals("item 1 failed", e.getMessage());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVENESS_MILLIS);
        while (!workers().isEmpty() && System.nanoTime() < deadline) sleep();
        assertTrue(workers().isEmpty(), "workers left: " + workers());
    }
}
