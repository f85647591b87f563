package org.hopscape.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.hopscape.analysis.Sweep;
import org.hopscape.analysis.SweepEngine;
import org.hopscape.table.PortableTable;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupted;
import org.hopscape.util.Settings;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Sweeps on Apache Spark: each batch of a sweep is a Spark job of one task (the serialisable batch task, its tables
 * sent back as {@link PortableTable}s), at most a few per core in flight; the driver hands each batch to the sweep as
 * its job finishes, so the sweep checkpoints while the others run. A task lost with its executor is retried by Spark
 * (spark.task.maxFailures); a task that throws is not retried: its failure comes back as a value and is rethrown once
 * every other batch has finished, as on local threads.
 *
 * <p>One SparkContext per JVM (Spark's rule): {@link #open} keeps it for every later sweep on the same master (a new
 * context starts new executors, seconds each); {@link #close} stops it. Configuration: any {@code spark.*} system
 * property ({@code -Dspark.executor.memory=2g}) is taken; on loopback masters ({@code local…}, {@code spark://127.…},
 * {@code spark://localhost…}) the driver binds 127.0.0.1 and the UI is off unless set. For a cluster the kit's code
 * goes as a jar ({@code spark.jars}: the kit's jar, or target/classes packed into one); its dependencies must be on
 * the workers (the kit's target/lib in {@code $SPARK_HOME/jars}, or listed in {@code spark.jars}).
 */
public final class SparkSweepEngine implements SweepEngine, AutoCloseable {
    private static SparkSweepEngine current;

    private final String master;
    private final JavaSparkContext sc;
    private final long contextMillis;
    private final Path packed;

    private SparkSweepEngine(String master, JavaSparkContext sc, long contextMillis, Path packed) {
        this.master = master;
        this.sc = sc;
        this.contextMillis = contextMillis;
        this.packed = packed;
    }

    /**
     * The engine on a master: the open one if it runs on that master, else a new SparkContext.
     *
     * @throws IllegalStateException when a context on another master is open in this JVM (close it first)
     */
    public static synchronized SparkSweepEngine open(String master) {
        Check.notNull("master", master);
        if (current != null && current.sc.sc().isStopped()) current = null;
        if (current != null) {
            if (current.master.equals(master)) return current;
            throw new IllegalStateException("a Spark context on " + current.master + " is open in this JVM (one per JVM);"
                    + " close it (SparkSweepEngine.closeCurrent()) before sweeping on " + master);
        }
        long t0 = System.nanoTime();
        SparkConf conf = new SparkConf().setMaster(master).setIfMissing("spark.app.name", "hopscape sweeps");
        boolean loopback = master.startsWith("local") || master.startsWith("spark://127.") || master.startsWith("spark://localhost");
        if (loopback) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
            // same machine: the workers find the kit's data where the driver does
            if (!conf.contains("spark.executorEnv.HOPSCAPE_HOME"))
                conf.setExecutorEnv("HOPSCAPE_HOME", Settings.home().toString());
            // executors start with OMP_NUM_THREADS = spark.task.cpus, and OpenBLAS rounds its products by the thread
            // count it started with: start theirs as the driver's, so that the rows are the digits of a local run
            if (!conf.contains("spark.executorEnv.OPENBLAS_NUM_THREADS"))
                conf.setExecutorEnv("OPENBLAS_NUM_THREADS", Integer.toString(org.hopscape.util.Blas.initialThreads()));
        }
        Path packed = null;
        if (!master.startsWith("local")) {
            Path code = codeLocation();
            if (Files.isDirectory(code)) code = packed = Jars.pack(code);
            List<String> jars = new ArrayList<>(Arrays.asList(conf.get("spark.jars", "").split(",")));
            jars.removeIf(String::isBlank);
            String name = code.getFileName().toString();
            if (jars.stream().noneMatch(j -> j.endsWith("/" + name) || j.equals(name))) jars.add(code.toString());
            conf.set("spark.jars", String.join(",", jars));
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            if (packed != null) Jars.delete(packed);
            throw e;
        }
        current = new SparkSweepEngine(master, sc, (System.nanoTime() - t0) / 1_000_000, packed);
        return current;
    }

    /** Stop the open context, if any. */
    public static synchronized void closeCurrent() {
        if (current != null) current.close();
    }

    /** The master URL. */
    public String master() {
        return master;
    }

    /** Milliseconds the SparkContext took to start. */
    public long contextMillis() {
        return contextMillis;
    }

    /** The Spark context (e.g. for its status tracker). */
    public JavaSparkContext context() {
        return sc;
    }

    /**
     * Wait until at least {@code n} executors have registered (a local master has its one in-process executor at once).
     *
     * @return milliseconds waited
     * @throws IllegalStateException when they have not registered within {@code timeoutMillis}
     */
    public long awaitExecutors(int n, long timeoutMillis) {
        Check.positive("n", n);
        long t0 = System.nanoTime();
        while (executors() < n) {
            if ((System.nanoTime() - t0) / 1_000_000 > timeoutMillis)
                throw new IllegalStateException(executors() + " of " + n + " executors registered with the driver after "
                        + timeoutMillis + " ms on " + master);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted("waiting for Spark executors");
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Executors registered now (the driver not counted on a cluster; local mode's in-process executor counted). */
    public int executors() {
        int all = sc.statusTracker().getExecutorInfos().length;
        return master.startsWith("local") ? all : Math.max(0, all - 1);
    }

    @Override
    public String describe() {
        return "spark " + master;
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public void run(String sweep, List<int[]> batches, Sweep.BatchTask unit, int threads, Completion done) {
        Check.notNull("batches", batches);
        Check.notNull("unit", unit);
        Check.notNull("done", done);
        if (batches.isEmpty()) return;
        int cpus = Integer.parseInt(sc.getConf().get("spark.task.cpus", "1"));
        Function<int[], Outcome> task = new BatchJob(unit, cpus);
        serialisable(sweep, task);
        Deque<Integer> waiting = new ArrayDeque<>();
        for (int j = 0; j < batches.size(); j++) waiting.add(j);
        Map<Integer, JavaFutureAction<List<Outcome>>> running = new LinkedHashMap<>();
        // a cancelled job interrupts its task (the kit's trainers stop between epochs), so an interrupt frees the executors
        sc.setInterruptOnCancel(true);
        RuntimeException failure = null;
        boolean normal = false;
        try {
            while (!waiting.isEmpty() || !running.isEmpty()) {
                // a few jobs per core in flight: enough to keep every executor busy, few to cancel on an interrupt
                int inFlight = Math.max(2, 2 * sc.defaultParallelism());
                while (running.size() < inFlight && !waiting.isEmpty()) {
                    int j = waiting.poll();
                    int[] b = batches.get(j);
                    sc.setJobDescription("sweep " + sweep + " points " + b[0] + "-" + b[b.length - 1]);
                    running.put(j, sc.parallelize(Collections.singletonList(b.clone()), 1).map(task).collectAsync());
                }
                boolean any = false;
                for (Iterator<Map.Entry<Integer, JavaFutureAction<List<Outcome>>>> it = running.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Integer, JavaFutureAction<List<Outcome>>> e = it.next();
                    if (!e.getValue().isDone()) continue;
                    it.remove();
                    any = true;
                    int[] b = batches.get(e.getKey());
                    Outcome o;
                    try {
                        o = e.getValue().get().getFirst();
                    } catch (ExecutionException x) {
                        if (failure == null) failure = new IllegalStateException(where(sweep, b) + ": the Spark job failed: "
                                + x.getCause(), x.getCause());
                        continue;
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                        throw new Interrupted("sweep " + sweep);
                    }
                    if (o.failure() != null) {
                        if (failure == null) failure = o.failure().rebuild();
                    } else {
                        List<Table> tables = new ArrayList<>(o.tables().size());
                        for (PortableTable t : o.tables()) tables.add(t.toTable());
                        done.accept(e.getKey(), tables);
                    }
                }
                if (!any) {
                    if (Thread.interrupted()) throw new InterruptedException();
                    Thread.sleep(20);
                }
            }
            normal = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted("sweep " + sweep + " on " + describe());
        } finally {
            if (!normal) for (JavaFutureAction<?> f : running.values()) f.cancel(true);
        }
        if (failure != null) throw failure;
    }

    /** Fail early, with a message saying what to change, when the task cannot be sent to the executors. */
    private static void serialisable(String sweep, Object task) {
        try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
            out.writeObject(task);
        } catch (IOException e) {
            throw new IllegalArgumentException("sweep " + sweep + ": its task cannot be sent to Spark's executors (" + e
                    + "); a task may capture only serialisable values (numbers, arrays, records, paper options)", e);
        }
    }

    private static String where(String sweep, int[] b) {
        return "sweep " + sweep + ", " + (b.length == 1 ? "point " + b[0] : "points " + b[0] + "…" + b[b.length - 1]);
    }

    @Override
    public void close() {
        synchronized (SparkSweepEngine.class) {
            try {
                sc.stop();
            } finally {
                if (packed != null) Jars.delete(packed);
                if (current == this) current = null;
            }
        }
    }

    /** Where the kit's classes are: its jar, or the class folder of a build (target/classes). */
    private static Path codeLocation() {
        try {
            return Path.of(Sweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the kit's classes are, to send them to the executors;"
                    + " set spark.jars to the kit's jar", e);
        }
    }

    // ------------------------------------------------------------------ what runs on an executor

    /** A batch's result: its tables, or the failure of the task. */
    record Outcome(List<PortableTable> tables, Failure failure) implements Serializable {}

    /**
     * A task's exception, sent as text (its class may not serialise): rethrown on the driver as the same kind
     * (IllegalArgumentException for bad parameters, else IllegalStateException) with the executor's stack trace.
     */
    record Failure(boolean badArgument, String message, StackTraceElement[] trace) implements Serializable {
        static Failure of(Throwable e) {
            return new Failure(e instanceof IllegalArgumentException, String.valueOf(e.getMessage()), e.getStackTrace());
        }

        RuntimeException rebuild() {
            RuntimeException e = badArgument ? new IllegalArgumentException(message) : new IllegalStateException(message);
            e.setStackTrace(trace);
            return e;
        }
    }

    /** The batch task on one batch (runs on an executor). */
    record BatchJob(Sweep.BatchTask unit, int threads) implements Function<int[], Outcome> {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public Outcome call(int[] batch) {
            try {
                List<Table> ts = unit.apply(batch, threads);
                return new Outcome(ts.stream().map(PortableTable::of).toList(), null);
            } catch (RuntimeException e) {
                return new Outcome(null, Failure.of(e));
            }
        }
    }

    /** target/classes packed into a jar for the executors. */
    static final class Jars {
        private Jars() {}

        static Path pack(Path classes) {
            try {
                Path dir = Files.createTempDirectory("hopscape-spark-");
                Path jar = dir.resolve("hopscape-classes.jar");
                try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                     Stream<Path> files = Files.walk(classes)) {
                    for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                        if (!Files.isRegularFile(f)) continue;
                        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException("packing " + classes + " into a jar for the Spark executors", e);
            }
        }

        static void delete(Path jar) {
            try {
                Files.deleteIfExists(jar);
                Files.deleteIfExists(jar.getParent());
            } catch (IOException ignored) {
                // a temp file; nothing depends on it
            }
        }
    }
}
