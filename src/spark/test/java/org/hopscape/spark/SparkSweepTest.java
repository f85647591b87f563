package org.hopscape.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.hopscape.analysis.Sweep;
import org.hopscape.analysis.SweepEngines;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.table.PortableTable;
import org.hopscape.table.ResultTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The Spark engine in local mode (local[2]): same rows and checkpoint as local threads, failures and resume. */
class SparkSweepTest {
    static final String LOCAL2 = "local[2]";

    @AfterAll
    static void stop() {
        SparkSweepEngine.closeCurrent();
    }

    @Test
    void everyModuleOptionOfSparkIsInTheKitsList() {
        Set<String> ours = Set.copyOf(SparkJvm.options());
        Set<String> javaBase = ModuleLayer.boot().findModule("java.base").orElseThrow().getPackages();
        int left = 0;
        for (String o : JavaModuleOptions.defaultModuleOptionArray()) {
            if (ours.contains(o)) continue;
            left++;
            // left out on purpose, each for a reason checked here (they only print a warning on every JVM start)
            if (o.startsWith("--add-opens=java.base/")) {
                String pkg = o.substring("--add-opens=java.base/".length(), o.lastIndexOf('='));
                assertFalse(javaBase.contains(pkg), "jvm-options lacks Spark's " + o + ", but java.base has " + pkg);
            } else if (o.equals("--add-modules=jdk.incubator.vector")) {
                assertEquals(List.of(), jarsUsing("jdk/incubator/vector"), "jvm-options lacks Spark's " + o + ", but these jars use it");
            } else fail("environment/spark/jvm-options lacks Spark's " + o);
        }
        assertTrue(left <= 2, left + " of Spark's options left out");
        assertTrue(ours.contains("--sun-misc-unsafe-memory-access=allow"));
    }

    /** Jars of the kernel/CLI classpath (target/lib, target/spark/jars) with a class that names {@code ref}. */
    static List<String> jarsUsing(String ref) {
        List<String> out = new java.util.ArrayList<>();
        byte[] needle = ref.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String dir : List.of("target/lib", "target/spark/jars"))
            try (var files = java.nio.file.Files.list(Path.of(dir))) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList())
                    try (var j = new java.util.jar.JarFile(jar.toFile())) {
                        for (var e : (Iterable<java.util.jar.JarEntry>) j.stream()::iterator) {
                            if (!e.getName().endsWith(".class")) continue;
                            byte[] b;
                            try (var in = j.getInputStream(e)) {
                                b = in.readAllBytes();
                            }
                            if (indexOf(b, needle) >= 0) {
                                out.add(jar.getFileName() + "!" + e.getName());
                                break;
                            }
                        }
                    }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void executorsStartOpenBlasWithTheDriversThreadCount() {
        // Spark starts executors with OMP_NUM_THREADS = spark.task.cpus; OpenBLAS started with 1 thread rounds its products
        // otherwise than with the driver's 2 (measured: Fig 7 saddle ᾱ at n = 5, T = 550 was 1.0781170440742724 on a
        // loopback cluster, 1.0789078040169724 on threads; OPENBLAS_NUM_THREADS = 2 on the executors gives the latter)
        SparkSweepEngine engine = SparkSweepEngine.open(LOCAL2);
        assertEquals(Integer.toString(org.hopscape.util.Blas.initialThreads()),
                engine.context().getConf().get("spark.executorEnv.OPENBLAS_NUM_THREADS"));
        assertTrue(org.hopscape.util.Blas.initialThreads() >= 1);
    }

    @Test
    void providerIsFoundByMasterAndRefusesOthers() {
        assertInstanceOf(SparkSweepEngine.class, SweepEngines.forMaster(LOCAL2));
        assertSame(SweepEngines.localThreads(), SweepEngines.forMaster(null));
        var e = assertThrows(IllegalArgumentException.class, () -> SweepEngines.forMaster("mesos://x:5050"));
        assertTrue(e.getMessage().contains("mesos://x:5050"), e.getMessage());
    }

    @Test
    void fig7PopulationsGiveTheSameRowsAndCheckpointOnSparkAsOnThreads(@TempDir Path threads, @TempDir Path spark) {
        Table onThreads = SaddleProportions.populations(SparkSweeps.fig7(2, 20, Sweep.Options.of(threads).withMaster(null).withThreads(2))).table();
        Table onSpark = SaddleProportions.populations(SparkSweeps.fig7(2, 20, Sweep.Options.of(spark).withMaster(LOCAL2))).table();
        assertEquals(8, onSpark.rowCount());
        assertEquals(PortableTable.of(onThreads), PortableTable.of(onSpark));
        assertEquals(SparkSweeps.content(SparkSweeps.csv(threads)), SparkSweeps.content(SparkSweeps.csv(spark)));
        // populations are counts of the K = 100 memories
        for (String d : new String[] {"pop_1", "pop_7", "pop_8"})
            for (int v : onSpark.intColumn(d).asIntArray()) assertTrue(v >= 0 && v <= 100, d + " = " + v);
    }

    /** Calls per point, across the runs of one test (local mode: the executor threads are in this JVM). */
    static final Map<Integer, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static volatile int failAt = -1;

    static Table toyPoint(int i) {
        CALLS.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
        if (i == failAt) throw new IllegalArgumentException("toy parameter out of range at " + i);
        return Table.create("toy", DoubleColumn.create("x", new double[] {i * 0.5, Math.sqrt(i)}),
                IntColumn.create("k", new int[] {i, -i}), StringColumn.create("s", new String[] {"a" + i, "b"}));
    }

    @Test
    void aFailedPointKeepsTheOthersAndTheRerunComputesOnlyIt(@TempDir Path dir) {
        CALLS.clear();
        failAt = 5;
        Sweep.Options o = new Sweep.Options(2, 1, dir, null, LOCAL2);
        Map<String, Object> params = Map.of("grid", "toy");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.run("toy", "toy/1", 9, SparkSweepTest::toyPoint, params, 1, o));
        assertTrue(e.getMessage().contains("sweep toy, point 5"), e.getMessage());
        Table kept = ResultTables.load(SparkSweeps.csv(dir)).table();
        assertEquals(16, kept.rowCount(), "8 finished points of 2 rows each are in the checkpoint");
        failAt = -1;
        Table all = Sweep.run("toy", "toy/1", 9, SparkSweepTest::toyPoint, params, 1, o);
        for (int i = 0; i < 9; i++) assertEquals(i == 5 ? 2 : 1, CALLS.get(i).get(), "calls of point " + i);
        Table local = Sweep.run("toy", "toy/1", 9, SparkSweepTest::toyPoint, params, 1, Sweep.Options.inMemory().withMaster(null));
        assertEquals(PortableTable.of(local), PortableTable.of(all));
        assertEquals(Arrays.asList(0, 0, 1, 1, 2), all.intColumn(Sweep.POINT).asList().subList(0, 5));
    }

    static Table slowPoint(int i) {
        CALLS.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Table.create("slow", IntColumn.create("k", new int[] {i * 7}));
    }

    @Test
    void anInterruptKeepsTheFinishedPointsAndTheRerunComputesTheRest(@TempDir Path dir) {
        CALLS.clear();
        Map<String, Object> params = Map.of("grid", "slow");
        Sweep.Options o = new Sweep.Options(2, 1, dir, (task, done, total) -> {
            if (done >= 3) Thread.currentThread().interrupt(); // as the kernel's interrupt does, on the calling thread
        }, LOCAL2);
        assertThrows(org.hopscape.util.Interrupted.class, () -> Sweep.run("slow", "slow/1", 16, SparkSweepTest::slowPoint, params, 1, o));
        assertTrue(Thread.interrupted(), "the interrupt status is kept");
        Table kept = ResultTables.load(SparkSweeps.csv(dir)).table();
        int k = kept.rowCount();
        assertTrue(k >= 3 && k < 16, "kept " + k + " points");
        java.util.Set<Integer> keptPoints = new java.util.HashSet<>(kept.intColumn(Sweep.POINT).asList());
        Map<Integer, Integer> before = new java.util.HashMap<>();
        for (int i = 0; i < 16; i++) before.put(i, CALLS.containsKey(i) ? CALLS.get(i).get() : 0);
        Table all = Sweep.run("slow", "slow/1", 16, SparkSweepTest::slowPoint, params, 1, o.withProgress(null));
        assertEquals(16, all.rowCount());
        for (int i = 0; i < 16; i++) {
            int again = (CALLS.containsKey(i) ? CALLS.get(i).get() : 0) - before.get(i);
            // a kept point is never computed again; the others at least once (a cancelled task may still be finishing)
            if (keptPoints.contains(i)) assertEquals(0, again, "kept point " + i + " computed again");
            else assertTrue(again >= 1, "missing point " + i + " computed");
            assertEquals(7 * i, all.intColumn("k").getInt(i));
        }
    }

    @Test
    void optionsTravelWithoutTheirLocalParts() throws Exception {
        Sweep.Options o = Sweep.Options.of(Path.of("x")).withThreads(3).withCheckpointEvery(7).withMaster(LOCAL2);
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        Sweep.Options back;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Sweep.Options) in.readObject();
        }
        assertEquals(new Sweep.Options(3, 7, null, null, null), back);
    }
}
