package org.hopscape.analysis;

import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.table.Provenance;
import org.hopscape.table.ResultTables;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A parameter sweep that runs its independent points in parallel, checkpoints the finished rows to a result
 * table ({@link ResultTables}, CSV with provenance) and resumes after an interruption.
 *
 * <p>A point that throws does not stop the others: every finished point is checkpointed, then the first
 * failure is rethrown, and the next run computes only what is missing.
 *
 * <p>Each point i of the sweep produces a small {@link Table} (one or more rows, the same columns for every
 * point); the sweep prepends a {@code point} column and returns the rows in point order, so the result does
 * not depend on the thread count or on where a previous run stopped. The checkpoint file is
 * {@code <directory>/<name>-<hash>.csv}, the hash taken over the parameters (a checkpoint written by another
 * version or git commit of the kit is recomputed, not resumed): a run with the same parameters
 * resumes it (only the missing points are computed), a run with other parameters writes its own file.
 */
public final class Sweep {
    private Sweep() {}

    /** Name of the column that holds the point index. */
    public static final String POINT = "point";

    /**
     * @param threads         worker threads (≥ 1)
     * @param checkpointEvery write the checkpoint after this many finished points (≥ 1); always at the end
     * @param directory       where checkpoints go; null = no checkpointing
     * @param progress        reports finished points
     */
    public record Options(int threads, int checkpointEvery, Path directory, Progress progress) {
        public Options {
            Check.positive("threads", threads);
            Check.positive("checkpointEvery", checkpointEvery);
            if (progress == null) progress = Progress.NONE;
        }

        /** Every available processor, checkpoint every 10 points into {@code directory}. */
        public static Options of(Path directory) {
            return new Options(Runs.defaultThreads(), 10, directory, Progress.NONE);
        }

        /** No checkpoint file. */
        public static Options inMemory() {
            return new Options(Runs.defaultThreads(), 10, null, Progress.NONE);
        }

        public Options withThreads(int t) { return new Options(t, checkpointEvery, directory, progress); }
        public Options withProgress(Progress p) { return new Options(threads, checkpointEvery, directory, p); }
        public Options withCheckpointEvery(int k) { return new Options(threads, k, directory, progress); }
    }

    /** The checkpoint file of a sweep with these parameters. */
    public static Path checkpointFile(Path directory, String name, Map<String, ?> parameters) {
        return directory.resolve(name + "-" + hash(parameters) + ".csv");
    }

    /**
     * Run (or resume) a sweep.
     *
     * @param name       sweep name (file-name safe), e.g. "03-fig6-intra"
     * @param points     number of points (≥ 1)
     * @param task       point index → its rows; must be deterministic in the index (draw randomness from
     *                   {@code Rng.stream(seed, index)})
     * @param parameters everything that defines the sweep (grid, seeds, options); saved as provenance
     * @param seed       seed recorded in the provenance
     * @return all rows, {@code point} column first, in point order
     */
    public static Table run(String name, int points, IntFunction<Table> task, Map<String, ?> parameters, long seed,
                            Options options) {
        Check.positive("points", points);
        if (name == null || !name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("name must be non-empty and file-name safe (got " + name + ")");
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        params.put("sweep", name);
        params.put("points", points);
        Provenance provenance = Provenance.of(params, seed);
        Path file = options.directory() == null ? null : checkpointFile(options.directory(), name, params);
        TreeMap<Integer, Table> done = new TreeMap<>();
        ResultTables.Saved saved = file != null && Files.isRegularFile(file) ? ResultTables.load(file) : null;
        // resume only what this build of the kit computed: another version or commit may compute differently
        if (saved != null && saved.provenance().version().equals(provenance.version())
                && saved.provenance().commit().equals(provenance.commit())) {
            Table old = saved.table();
            IntColumn pc = old.intColumn(POINT);
            for (int i = 0; i < points; i++) {
                Table rows = old.where(pc.isEqualTo(i));
                if (rows.rowCount() > 0) done.put(i, rows);
            }
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < points; i++) if (!done.containsKey(i)) todo.add(i);
        long finished = points - todo.size();
        options.progress().report(name, finished, points);
        if (!todo.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), todo.size()));
            try {
                CompletionService<Table> cs = new ExecutorCompletionService<>(pool);
                for (int i : todo) {
                    cs.submit(() -> withPoint(i, task.apply(i)));
                }
                int sinceCheckpoint = 0;
                Throwable failure = null;
                for (int k = 0; k < todo.size(); k++) {
                    Future<Table> f = cs.take();
                    Table t;
                    try {
                        t = f.get();
                    } catch (ExecutionException e) { // the other points still finish and are kept
                        if (failure == null) failure = e.getCause();
                        continue;
                    }
                    done.put(t.intColumn(POINT).get(0), t);
                    options.progress().report(name, ++finished, points);
                    if (file != null && ++sinceCheckpoint >= options.checkpointEvery()) {
                        save(done, file, provenance);
                        sinceCheckpoint = 0;
                    }
                }
                if (failure != null) {
                    if (file != null && !done.isEmpty()) save(done, file, provenance);
                    if (failure instanceof RuntimeException r) throw r;
                    if (failure instanceof Error err) throw err;
                    throw new IllegalStateException("sweep " + name + " failed: " + failure, failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (file != null && !done.isEmpty()) save(done, file, provenance);
                throw new IllegalStateException("sweep " + name + " interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }
        Table all = combine(done, name);
        if (file != null && !todo.isEmpty()) ResultTables.save(all, file, provenance);
        return all;
    }

    private static Table withPoint(int i, Table rows) {
        if (rows == null || rows.rowCount() == 0)
            throw new IllegalStateException("sweep point " + i + " returned no rows");
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

    static String hash(Map<String, ?> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
