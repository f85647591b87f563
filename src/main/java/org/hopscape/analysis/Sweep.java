package org.hopscape.analysis;

import org.hopscape.util.RecordMaps;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.table.Provenance;
import org.hopscape.table.ResultTables;
import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Check;
import org.hopscape.util.LockFile;
import org.hopscape.util.Progress;
import org.hopscape.util.Settings;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A parameter sweep that runs its independent points in parallel, checkpoints the finished rows to a result
 * table ({@link ResultTables}, CSV with provenance) and resumes after an interruption.
 *
 * <p>A point that throws does not stop the others: every finished point is checkpointed, then the first
 * failure is rethrown, and the next run computes only what is missing.
 *
 * <p>Each point i of the sweep produces a small {@link Table} (one or more rows, the same columns for every
 * point); the sweep prepends a {@code point} column and returns the rows in point order, so the result does
 * not depend on the thread count or on where a previous run stopped. Points may be computed in fixed batches
 * ({@link #runBatched}: batch j = points j·B … j·B + B − 1, whatever the threads or the points already done), e.g.
 * training runs that share one stacked computation.
 *
 * <p>The checkpoint file is {@code <directory>/<name>-<key>.csv}, keyed on what computes the rows: a canonical
 * hash ({@link #key}) of the parameters (sorted keys; arrays, lists and records by content; the same in every JVM)
 * and of an explicit algorithm version that the code bumps when its results change. A run with the same key
 * resumes the file (only the missing points are computed); other parameters or another algorithm version write
 * their own file. The git commit and kit version are recorded in the file but do not key it, so unrelated commits
 * keep checkpoints valid. A checkpoint that cannot be read (truncated, edited, or written by an older kit; see
 * {@link ResultTables#load}) is recomputed, never trusted.
 *
 * <p>One process at a time: a checkpointed sweep takes the lock {@code <checkpoint>.lock} ({@link LockFile}, with
 * the owner's PID) for as long as it runs. A second process (or thread) on the same sweep is refused with a message
 * naming the owner, so two processes never compute the same points or overwrite each other's checkpoint; the lock
 * of a process that was killed is taken over by the next run, which also removes the temp files a kill in the
 * middle of a checkpoint write leaves ({@link AtomicFiles#removeStaleTemps}). The lock file is deleted when the
 * sweep completes.
 *
 * <p>Interrupting the calling thread stops the sweep: the workers are interrupted (tasks stop at their next
 * {@link org.hopscape.util.Interrupts} check) and have ended when {@link org.hopscape.util.Interrupted} is thrown,
 * and every point finished by then is in the checkpoint, so the next run computes only the rest.
 *
 * <p>Engines ({@link SweepEngine}): the batches run on local threads by default, or on Apache Spark when
 * {@link Options#master()} names a master (the setting {@code HOPSCAPE_SPARK_MASTER}, e.g. {@code local[*]} or
 * {@code spark://host:7077}; Spark's engine is on the classpath with {@code mvn -Pspark}). A task is serialisable
 * ({@link PointTask}, {@link BatchTask}: parameters in, rows out) and the engine only computes batches: which points are
 * missing, the lock, the checkpoint written as batches arrive and the order of the rows stay here, so they are the same
 * whichever engine ran the points.
 */
public final class Sweep {
    private Sweep() {}

    /** Name of the column that holds the point index. */
    public static final String POINT = "point";
    /** Provenance parameters holding the algorithm version and the full checkpoint key. */
    public static final String ALGORITHM = "algorithm", KEY = "key";

    /**
     * @param threads         worker threads (≥ 1) on local threads; a distributed engine has its own
     * @param checkpointEvery write the checkpoint after this many finished points (≥ 1); always at the end
     * @param directory       where checkpoints go; null = no checkpointing
     * @param progress        reports finished points
     * @param master          where the points run: null = local threads; "local[2]", "local[*]", "spark://host:7077"
     *                        = Apache Spark ({@link SweepEngines#forMaster}). The rows, their order and the checkpoint
     *                        are the same on every engine.
     * @param readOnly        {@code directory} holds finished tables to read, never to write: the sweep returns the
     *                        complete, verified table with its key and computes nothing ({@link NotFound} when there
     *                        is none); see {@link #readOnly(Path)}
     */
    public record Options(int threads, int checkpointEvery, Path directory, Progress progress, String master,
                          boolean readOnly) implements java.io.Serializable {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code inMemory()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, inMemory());
        }

        public Options {
            Check.positive("threads", threads);
            Check.positive("checkpointEvery", checkpointEvery);
            if (progress == null) progress = Progress.NONE;
            if (master != null && master.isBlank()) master = null;
            if (readOnly && directory == null) throw new IllegalArgumentException("directory must be set for a read-only sweep");
        }

        /** A computing sweep on {@code master} (null = local threads). */
        public Options(int threads, int checkpointEvery, Path directory, Progress progress, String master) {
            this(threads, checkpointEvery, directory, progress, master, false);
        }

        /** Local threads, or the master of the setting {@link Settings#sparkMaster()} (HOPSCAPE_SPARK_MASTER) when set. */
        public Options(int threads, int checkpointEvery, Path directory, Progress progress) {
            this(threads, checkpointEvery, directory, progress, Settings.sparkMaster());
        }

        /** Every available processor, checkpoint every 10 points into {@code directory}; engine from the setting. */
        public static Options of(Path directory) {
            return new Options(Runs.defaultThreads(), 10, directory, Progress.NONE);
        }

        /** No checkpoint file; engine from the setting. */
        public static Options inMemory() {
            return new Options(Runs.defaultThreads(), 10, null, Progress.NONE);
        }

        /**
         * Read finished tables from {@code directory} (e.g. shipped results): a sweep with these options computes
         * nothing and writes nothing (no lock, no checkpoint); it returns the table saved under its checkpoint key
         * after checking it ({@link #readFinished}), or throws {@link NotFound} when the directory has none.
         */
        public static Options readOnly(Path directory) {
            Check.notNull("directory", directory);
            return new Options(Runs.defaultThreads(), 10, directory, Progress.NONE, null, true);
        }

        public Options withThreads(int t) { return new Options(t, checkpointEvery, directory, progress, master, readOnly); }
        public Options withProgress(Progress p) { return new Options(threads, checkpointEvery, directory, p, master, readOnly); }
        public Options withCheckpointEvery(int k) { return new Options(threads, k, directory, progress, master, readOnly); }
        /** Run on this master (null = local threads), whatever the setting says. */
        public Options withMaster(String m) { return new Options(threads, checkpointEvery, directory, progress, m, readOnly); }

        /** The engine this sweep runs on. */
        public SweepEngine engine() {
            return SweepEngines.forMaster(master);
        }

        /**
         * Options travel to a distributed engine's workers inside a paper's options (a task may capture them): only the
         * threads and the checkpoint interval go; the directory, progress listener and master belong to the driver.
         */
        @java.io.Serial
        private Object writeReplace() {
            return new Shipped(threads, checkpointEvery);
        }

        private record Shipped(int threads, int checkpointEvery) implements java.io.Serializable {
            @java.io.Serial
            private Object readResolve() {
                return new Options(threads, checkpointEvery, null, Progress.NONE, null, false);
            }
        }

        public Options withDirectory(Path directory) {
            return new Options(threads, checkpointEvery, directory, progress, master, readOnly);
        }

        public Options withReadOnly(boolean readOnly) {
            return new Options(threads, checkpointEvery, directory, progress, master, readOnly);
        }
    }

    /** A read-only sweep ({@link Options#readOnly}) found no table with its key. */
    public static final class NotFound extends RuntimeException {
        private final transient Path file;

        NotFound(Path file, String message) {
            super(message);
            this.file = file;
        }

        /** The file the sweep looked for ({@code <directory>/<name>-<key prefix>.csv}). */
        public Path file() {
            return file;
        }
    }

    /** The rows of one point: a serialisable task (parameters in, rows out), so a distributed engine can run it. */
    @FunctionalInterface
    public interface PointTask extends java.util.function.IntFunction<Table>, java.io.Serializable {}

    /**
     * Several points computed together: {@code points} (ascending) → one table per point, in that order. Serialisable
     * (what it captures must be too) so that a distributed engine can send it to its workers; on local threads it is
     * never serialised.
     */
    @FunctionalInterface
    public interface BatchTask extends java.io.Serializable {
        /**
         * @param points  the batch's point indices
         * @param threads threads this batch may use (the sweep's threads divided between the batches running at once)
         */
        List<Table> apply(int[] points, int threads);
    }

    /**
     * Values a task keeps for the caller beside its rows (e.g. the trained classifiers behind a row), when it runs in the
     * caller's JVM. Serialisable so that a task holding one can go to a distributed engine, but a copy keeps nothing:
     * there the rows come back and the values are not (the caller computes them again when it needs them).
     */
    public static final class Kept<K, V> implements java.io.Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
        private transient java.util.concurrent.ConcurrentHashMap<K, V> values = new java.util.concurrent.ConcurrentHashMap<>();

        /** Keep a value (dropped in a copy on another JVM or engine). */
        public void put(K key, V value) {
            if (values != null) values.put(key, value);
        }

        /** What was kept here: an unmodifiable copy, empty in a copy sent elsewhere. */
        public Map<K, V> values() {
            return values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** Index → a serialisable value: a task of {@link #map}, itself serialisable (a distributed engine runs it). */
    @FunctionalInterface
    public interface ValueTask<T extends java.io.Serializable> extends java.io.Serializable {
        T apply(int index);
    }

    /**
     * {@code n} independent values, value i = task(i), computed on the sweep's engine (local threads, or Apache Spark when
     * the options name a master) and returned in index order; nothing is checkpointed (the options' folder is not used).
     * For computations whose results are not rows (e.g. arrays per chunk of cells): each value travels as its Java
     * serialisation in a one-cell table, so the engines' scheduling, failure handling and interrupts apply unchanged.
     *
     * @param name the computation's name (file-name safe; in progress reports and error messages)
     */
    public static <T extends java.io.Serializable> List<T> map(String name, int n, ValueTask<T> task, Options options) {
        Check.notNull("task", task);
        Check.notNull("options", options);
        Options inMemory = new Options(options.threads(), options.checkpointEvery(), null, options.progress(), options.master(), false);
        PointTask cell = i -> Table.create(name, tech.tablesaw.api.StringColumn.create("value", new String[] {encode(task.apply(i))}));
        Table t = run(name, "values/1", n, cell, Map.of(), 0, inMemory);
        List<T> out = new ArrayList<>(n);
        for (int r = 0; r < t.rowCount(); r++) {
            @SuppressWarnings("unchecked") T v = (T) decode(t.stringColumn("value").get(r), name);
            out.add(v);
        }
        return out;
    }

    private static String encode(java.io.Serializable v) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(v);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("value of type " + v.getClass().getName() + " cannot be serialised: " + e, e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static Object decode(String s, String name) {
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(s)))) {
            return in.readObject();
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException(name + ": a value could not be read back: " + e, e);
        }
    }

    /** The checkpoint file of a sweep with these parameters and algorithm version. */
    public static Path checkpointFile(Path directory, String name, String algorithm, Map<String, ?> parameters) {
        return directory.resolve(name + "-" + key(algorithm, parameters).substring(0, 16) + ".csv");
    }

    /**
     * Run (or resume) a sweep, one point at a time.
     *
     * @param name       sweep name (file-name safe), e.g. "03-fig6-intra"
     * @param algorithm  version of the code that computes a point, e.g. "fig6-intra/2"; bump it when the results
     *                   change, so that old checkpoints are recomputed
     * @param points     number of points (≥ 1)
     * @param task       point index → its rows; must be deterministic in the index (draw randomness from
     *                   {@code Rng.stream(seed, index)})
     * @param parameters everything that defines the sweep (grid, seeds, options); saved as provenance
     * @param seed       seed recorded in the provenance
     * @return all rows, {@code point} column first, in point order
     */
    public static Table run(String name, String algorithm, int points, PointTask task, Map<String, ?> parameters,
                            long seed, Options options) {
        Check.notNull("task", task);
        return runBatched(name, algorithm, points, 1, (p, threads) -> java.util.Collections.singletonList(task.apply(p[0])),
                parameters, seed, options);
    }

    /**
     * As {@link #run(String, String, int, PointTask, Map, long, Options)}, for a task that is not declared serialisable:
     * on local threads the same; a distributed engine refuses it unless it is a {@link PointTask} after all.
     */
    public static Table run(String name, String algorithm, int points, java.util.function.IntFunction<Table> task,
                            Map<String, ?> parameters, long seed, Options options) {
        Check.notNull("task", task);
        PointTask p = task instanceof PointTask pt ? pt : task::apply;
        return run(name, algorithm, points, p, parameters, seed, options);
    }

    /**
     * Run (or resume) a sweep whose points are computed in fixed batches of {@code batch} consecutive points. The
     * batches are the unit of work, checkpointing and resumption (a batch with a missing point is recomputed whole),
     * so each point is always computed in the same company; the batch size is part of the checkpoint key.
     *
     * @param batch points per batch (≥ 1)
     * @see #run
     */
    public static Table runBatched(String name, String algorithm, int points, int batch, BatchTask task,
                                   Map<String, ?> parameters, long seed, Options options) {
        Check.positive("points", points);
        Check.positive("batch", batch);
        if (name == null || !name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("name must be non-empty and file-name safe (got " + name + ")");
        if (algorithm == null || algorithm.isBlank())
            throw new IllegalArgumentException("algorithm must name the version of the code that computes the points");
        Check.notNull("task", task);
        Check.notNull("parameters", parameters);
        Check.notNull("options", options);
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        params.put("sweep", name);
        params.put("points", points);
        params.put("batch", batch);
        String key = key(algorithm, params);
        Map<String, Object> recorded = new LinkedHashMap<>();
        params.forEach((k, v) -> recorded.put(k, v == null || v instanceof CharSequence || v instanceof Number
                || v instanceof Boolean || v instanceof Enum<?> ? String.valueOf(v) : canonical(v, k)));
        recorded.put(ALGORITHM, algorithm);
        recorded.put(KEY, key);
        Provenance provenance = Provenance.of(recorded, seed);
        Path file = options.directory() == null ? null : checkpointFile(options.directory(), name, algorithm, params);
        if (options.readOnly()) return readFinished(file, name, algorithm, key, points);
        // one process computes a checkpointed sweep at a time; a lock left by a killed process is taken over
        LockFile lock = file == null ? null : LockFile.acquire(lockFile(file), "sweep " + name);
        boolean complete = false;
        try {
            if (file != null) AtomicFiles.removeStaleTemps(file);
            Table all = compute(name, points, batch, task, key, provenance, file, options);
            complete = true;
            return all;
        } finally {
            if (lock != null) {
                if (complete) lock.closeAndDelete();
                else lock.close();
            }
        }
    }

    /**
     * The finished table of a sweep, read without computing or writing anything: the file must pass
     * {@link ResultTables#load} (end line: row count and crc32 over the whole file, so an edited number is refused),
     * carry this sweep's full key and algorithm version, and hold every point 0 … points − 1 in order.
     *
     * @throws NotFound              when the file does not exist
     * @throws IllegalStateException naming the file, when it exists but fails a check
     */
    static Table readFinished(Path file, String name, String algorithm, String key, int points) {
        if (!Files.isRegularFile(file))
            throw new NotFound(file, "sweep " + name + ": no finished table " + file.getFileName() + " in " + file.getParent());
        ResultTables.Saved saved;
        try {
            saved = ResultTables.load(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalStateException("finished table " + file + " rejected: " + e.getMessage(), e);
        }
        Map<String, String> p = saved.provenance().parameters();
        if (!key.equals(p.get(KEY)) || !algorithm.equals(p.get(ALGORITHM)))
            throw new IllegalStateException("finished table " + file + " rejected: it holds key " + p.get(KEY) + " (algorithm "
                    + p.get(ALGORITHM) + "), this sweep has key " + key + " (algorithm " + algorithm + ")");
        Table t = saved.table();
        if (!t.columnNames().contains(POINT) || !(t.column(POINT) instanceof IntColumn pc))
            throw new IllegalStateException("finished table " + file + " rejected: no integer '" + POINT + "' column");
        int expect = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            int i = pc.getInt(r);
            if (i == expect) expect++;
            else if (expect == 0 || i != expect - 1)
                throw new IllegalStateException("finished table " + file + " rejected: data row " + (r + 1) + " has point " + i
                        + " (points must run 0 … " + (points - 1) + " in order)");
        }
        if (expect != points)
            throw new IllegalStateException("finished table " + file + " rejected: " + expect + " of " + points + " points");
        t.setName(name);
        return t;
    }

    /**
     * Some points of a sweep computed now, as one batch, without a checkpoint: e.g. a spot check of a finished table
     * (a sweep computes each point in its fixed batch; batched training follows a lone run to rounding, so the values
     * agree with the sweep's to rounding, amplified only where the dynamics are chaotic).
     *
     * @return the rows, {@code point} column first, in the order of {@code points}
     */
    public static Table computePoints(String name, int[] points, BatchTask task, int threads) {
        Check.notNull("points", points);
        Check.notNull("task", task);
        Check.positive("threads", threads);
        if (points.length == 0) throw new IllegalArgumentException("points must not be empty");
        for (int i = 0; i < points.length; i++) Check.nonNegative("points[" + i + "]", points[i]);
        Table all = null;
        for (Table t : withPoints(name, points, run(name, task, points, threads))) {
            if (all == null) all = t.emptyCopy();
            all.append(t);
        }
        all.setName(name);
        return all;
    }

    /** The lock file of a checkpoint: {@code <checkpoint>.lock}, holding the PID of the process that computes it. */
    public static Path lockFile(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + ".lock");
    }

    private static Table compute(String name, int points, int batch, BatchTask task, String key, Provenance provenance,
                                 Path file, Options options) {
        TreeMap<Integer, Table> done = new TreeMap<>();
        ResultTables.Saved saved = file != null && Files.isRegularFile(file) ? readable(file) : null;
        // resume only what the same computation wrote (the file name holds a prefix of the key; check all of it)
        if (saved != null && key.equals(saved.provenance().parameters().get(KEY)) && saved.table().columnNames().contains(POINT)) {
            Table old = saved.table();
            IntColumn pc = old.intColumn(POINT);
            for (int i = 0; i < points; i++) {
                Table rows = old.where(pc.isEqualTo(i));
                if (rows.rowCount() > 0) done.put(i, rows);
            }
        }
        List<int[]> todo = new ArrayList<>();
        for (int from = 0; from < points; from += batch) {
            int[] b = IntStream.range(from, Math.min(points, from + batch)).toArray();
            if (Arrays.stream(b).anyMatch(i -> !done.containsKey(i))) {
                for (int i : b) done.remove(i);
                todo.add(b);
            }
        }
        long[] finished = {done.size()};
        options.progress().report(name, finished[0], points);
        if (!todo.isEmpty()) {
            SweepEngine engine = options.engine();
            int[] sinceCheckpoint = {0};
            // what an engine runs: the task with its errors naming the sweep and points, and the point column added
            BatchTask unit = (b, threads) -> withPoints(name, b, run(name, task, b, threads));
            try {
                // a batch that throws does not stop the others: every finished batch is kept, then the failure rethrown
                engine.run(name, todo, unit, options.threads(), (j, ts) -> {
                    for (Table t : ts) {
                        int point = t.intColumn(POINT).get(0);
                        if (!done.isEmpty()) sameColumns(name, done.firstEntry().getValue(), done.firstKey(), t, point);
                        done.put(point, t);
                    }
                    finished[0] += ts.size();
                    sinceCheckpoint[0] += ts.size();
                    options.progress().report(name, finished[0], points);
                    if (file != null && sinceCheckpoint[0] >= options.checkpointEvery()) {
                        save(done, file, provenance);
                        sinceCheckpoint[0] = 0;
                    }
                });
            } catch (org.hopscape.util.Interrupted e) {
                // the workers have ended; keep what finished (file writes need the interrupt status cleared)
                boolean interrupted = Thread.interrupted();
                try {
                    if (file != null && !done.isEmpty()) save(done, file, provenance);
                } finally {
                    if (interrupted) Thread.currentThread().interrupt();
                }
                throw new org.hopscape.util.Interrupted("sweep " + name + " (" + done.size() + " of " + points
                        + " points done" + (file == null ? "" : ", kept in " + file) + ")");
            } catch (RuntimeException | Error e) {
                if (file != null && !done.isEmpty()) save(done, file, provenance);
                throw e;
            }
        }
        Table all = combine(done, name);
        if (file != null && !todo.isEmpty()) ResultTables.save(all, file, provenance);
        return all;
    }

    /** The checkpoint, or null when it cannot be read (truncated, edited, or written by an older kit): it is recomputed. */
    private static ResultTables.Saved readable(Path file) {
        try {
            return ResultTables.load(file);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** The task on one batch, its exceptions naming the sweep and the points (their type kept where it says something). */
    private static List<Table> run(String name, BatchTask task, int[] b, int threads) {
        try {
            return task.apply(b.clone(), threads);
        } catch (org.hopscape.util.Interrupted e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(name, b) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where(name, b) + " failed: " + e, e);
        }
    }

    private static String where(String name, int[] b) {
        return "sweep " + name + ", " + (b.length == 1 ? "point " + b[0] : "points " + b[0] + "…" + b[b.length - 1]);
    }

    /** Every point must return the same columns (names and types), or the table cannot be combined. */
    private static void sameColumns(String name, Table first, int firstPoint, Table t, int point) {
        if (!first.columnNames().equals(t.columnNames()) || !java.util.Arrays.equals(first.typeArray(), t.typeArray()))
            throw new IllegalStateException("sweep " + name + ", point " + point + " returned columns " + t.columnNames()
                    + " " + java.util.Arrays.toString(t.typeArray()) + " but point " + firstPoint + " returned "
                    + first.columnNames() + " " + java.util.Arrays.toString(first.typeArray()));
    }

    private static List<Table> withPoints(String name, int[] points, List<Table> rows) {
        if (rows == null || rows.size() != points.length)
            throw new IllegalStateException(where(name, points) + " returned "
                    + (rows == null ? "nothing" : rows.size() + " tables") + " for " + points.length + " points");
        List<Table> out = new ArrayList<>();
        for (int j = 0; j < points.length; j++) out.add(withPoint(name, points[j], rows.get(j)));
        return out;
    }

    private static Table withPoint(String name, int i, Table rows) {
        if (rows == null || rows.rowCount() == 0)
            throw new IllegalStateException("sweep " + name + ", point " + i + " returned no rows");
        if (rows.columnNames().contains(POINT))
            throw new IllegalStateException("sweep " + name + ", point " + i + " returned a column named '" + POINT
                    + "' (the sweep adds it)");
        Table t = rows.copy();
        IntColumn pc = IntColumn.create(POINT, t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) pc.set(r, i);
        t.insertColumn(0, pc);
        return t;
    }

    private static Table combine(TreeMap<Integer, Table> done, String name) {
        Table all = null;
        for (Table t : done.values()) {
            if (all == null) all = t.emptyCopy();
            all.append(t);
        }
        all.setName(name);
        return all;
    }

    private static void save(TreeMap<Integer, Table> done, Path file, Provenance provenance) {
        ResultTables.save(combine(done, file.getFileName().toString()), file, provenance);
    }

    // ------------------------------------------------------------------------------------------------ keys

    /**
     * The checkpoint key: SHA-256 (hex) of the algorithm version and the canonical text of the parameters. Canonical:
     * keys sorted; numbers as {@link Double#toString} / decimal integers; strings, booleans and enums as text;
     * arrays, lists and sets by content (sets sorted); maps with sorted keys; records by their components. It
     * depends only on these values — not on the map's iteration order, object identities or the JVM.
     *
     * @throws IllegalArgumentException for a value without a stable text form (an object that does not override
     *                                  {@code toString})
     */
    public static String key(String algorithm, Map<String, ?> parameters) {
        StringBuilder sb = new StringBuilder("algorithm=").append(canonical(algorithm, "algorithm")).append('\n');
        new TreeMap<>(parameters).forEach((k, v) -> sb.append(canonical(k, "parameter name")).append('=')
                .append(canonical(v, k)).append('\n'));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Canonical text of a parameter value (see {@link #key}). */
    static String canonical(Object v, String name) {
        return switch (v) {
            case null -> "null";
            case String str -> quoted(str);
            case Character ch -> quoted(ch.toString());
            case Double x -> Double.toString(x);
            case Float x -> Float.toString(x);
            case Byte x -> Long.toString(x);
            case Short x -> Long.toString(x);
            case Integer x -> Long.toString(x);
            case Long x -> Long.toString(x);
            case java.math.BigInteger x -> x.toString();
            case java.math.BigDecimal x -> x.toString();
            case Boolean x -> x.toString();
            case Enum<?> x -> x.getDeclaringClass().getSimpleName() + "." + x.name();
            case double[] a -> join(Arrays.stream(a).mapToObj(Double::toString));
            case float[] a -> join(IntStream.range(0, a.length).mapToObj(i -> Float.toString(a[i])));
            case int[] a -> join(Arrays.stream(a).mapToObj(Long::toString));
            case long[] a -> join(Arrays.stream(a).mapToObj(Long::toString));
            case short[] a -> join(IntStream.range(0, a.length).mapToObj(i -> Long.toString(a[i])));
            case byte[] a -> join(IntStream.range(0, a.length).mapToObj(i -> Long.toString(a[i])));
            case char[] a -> quoted(new String(a));
            case boolean[] a -> join(IntStream.range(0, a.length).mapToObj(i -> Boolean.toString(a[i])));
            case Object[] a -> join(Arrays.stream(a).map(x -> canonical(x, name)));
            case List<?> l -> join(l.stream().map(x -> canonical(x, name)));
            case java.util.Set<?> set -> "set" + join(set.stream().map(x -> canonical(x, name)).sorted());
            case Map<?, ?> m -> {
                TreeMap<String, String> sorted = new TreeMap<>();
                m.forEach((k, x) -> sorted.put(canonical(k, name), canonical(x, name)));
                yield "{" + sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(",")) + "}";
            }
            case Record r -> {
                StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
                var comps = r.getClass().getRecordComponents();
                for (int i = 0; i < comps.length; i++) {
                    if (i > 0) sb.append(',');
                    try {
                        var acc = comps[i].getAccessor();
                        acc.setAccessible(true);
                        sb.append(comps[i].getName()).append('=').append(canonical(acc.invoke(r), name));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalArgumentException("parameter " + name + ": cannot read record component "
                                + comps[i].getName() + " of " + r.getClass().getSimpleName(), e);
                    }
                }
                yield sb.append(')').toString();
            }
            default -> {
                try {
                    if (v.getClass().getMethod("toString").getDeclaringClass() == Object.class)
                        throw new IllegalArgumentException("parameter " + name + " (a " + v.getClass().getName()
                                + ") has no stable text form; pass its values (numbers, strings, arrays, records)");
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
                yield quoted(v.toString());
            }
        };
    }

    private static String join(java.util.stream.Stream<String> parts) {
        return "[" + parts.collect(java.util.stream.Collectors.joining(",")) + "]";
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
