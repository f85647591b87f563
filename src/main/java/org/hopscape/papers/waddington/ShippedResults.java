package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.hopscape.table.ResultTables;
import org.hopscape.util.Check;
import org.hopscape.util.Settings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The full-setting results of paper 000 shipped with the kit ({@code data/results/000/}): the finished tables of the
 * long sweeps (spec 000 §6, §8), exactly as {@code environment/kit sweep figN} wrote them (CSV with provenance and the
 * {@code # end: rows=…, crc32=…} line).
 *
 * <p>A shipped table is found the way a sweep finds its checkpoint: the recipe itself runs with a read-only
 * {@link Sweep.Options#readOnly sweep} on the folder, so the same parameters and algorithm version give the same file
 * name ({@code <sweep>-<key prefix>.csv}), and the result is the same record the recipe computes. Nothing is computed
 * and nothing in the folder is written. A table is used only when its checksum and row count match its end line, its
 * full key and algorithm match the recipe's, and it holds every point of the sweep; a copy with an edited number is
 * refused with an {@link IllegalStateException} naming the file. A missing table is not an error: {@link Lookup}
 * says why it is absent (not shipped yet, or the run has the re-drawn 200-set, for which nothing is shipped).
 *
 * <p>Adding a result is dropping its file into the folder: the lookups need no list of files.
 *
 * @param directory the folder of the shipped tables
 */
public record ShippedResults(Path directory) {

    /** Seed of the shipped sweeps: the notebooks' seed (Notebook.setup(…, 42) in notebooks 02 and 03). */
    public static final long SEED = 42;
    /** The folder, relative to the kit's home. */
    public static final String FOLDER = "data/results/000";
    /** How figures drawn from the shipped tables are labelled. */
    public static final String LABEL = "full setting (precomputed, " + FOLDER + ")";
    /** Fig 2 grid of the full setting (spec 000 §6 Fig 2): n = 2 … 60 × T ∈ {450, 550, 650, 750}, 10,000 epochs. */
    public static final int FIG2_EPOCHS = 10_000;

    public ShippedResults {
        Check.notNull("directory", directory);
        directory = directory.toAbsolutePath().normalize();
    }

    /** The kit's shipped folder, {@code <home>/data/results/000}. */
    public static ShippedResults paper000() {
        return new ShippedResults(Settings.home().resolve(FOLDER));
    }

    /** Orders n of the full Fig 2 grid: 2 … 60. */
    public static double[] fig2Ns() {
        return IntStream.rangeClosed(2, 60).asDoubleStream().toArray();
    }

    /** Temperatures of the full Fig 2 grid: 450, 550, 650, 750. */
    public static double[] fig2Temperatures() {
        return new double[] {450, 550, 650, 750};
    }

    /** The read-only sweep options on this folder (threads only matter for {@link Waddington.Fig2#finalState}). */
    public Sweep.Options sweep() {
        return Sweep.Options.readOnly(directory);
    }

    /**
     * A shipped result, or why there is none.
     *
     * @param figure  e.g. "Fig 6 intra"
     * @param command what computes it ({@code environment/kit sweep figN})
     * @param result  the recipe's result read from the shipped table; null when absent
     * @param missing the file looked for when absent (null when present)
     * @param reason  why it is absent (null when present)
     */
    public record Lookup<T>(String figure, String command, T result, Path missing, String reason) {
        public boolean present() {
            return result != null;
        }

        public Optional<T> optional() {
            return Optional.ofNullable(result);
        }

        /** The result; {@link IllegalStateException} with the reason when it is not shipped. */
        public T get() {
            if (result == null) throw new IllegalStateException(figure + ": " + reason);
            return result;
        }

        /**
         * Title note (one short line): {@link #LABEL}, or that the full table is not shipped and the quick result is shown
         * ({@link #describe} and {@link ShippedResults#status} say why in full).
         */
        public String label() {
            if (present()) return LABEL;
            return (Set200.available() ? "full setting not shipped yet" : "no full-setting table for the re-drawn 200-set")
                    + " — showing the quick result (" + command + ")";
        }

        /** One line for a notebook: what is shown and where it comes from. */
        public String describe() {
            return figure + ": " + (present() ? LABEL : "full table not shipped yet — " + reason + "; the quick result is shown instead");
        }
    }

    /**
     * Run {@code recipe} on the shipped folder: its result read from the shipped table, or a {@link Lookup} saying why
     * there is none.
     *
     * @param recipe the recipe with the sweep options it must use, e.g. {@code s -> TemperatureSweep.run(o.with…(s))}
     * @throws IllegalStateException naming the file when a shipped table exists but fails verification
     */
    public <T> Lookup<T> find(String figure, String command, Function<Sweep.Options, T> recipe) {
        Check.notNull("recipe", recipe);
        try {
            T r = recipe.apply(sweep());
            if (r == null) throw new IllegalStateException(figure + ": the recipe returned nothing");
            return new Lookup<>(figure, command, r, null, null);
        } catch (Sweep.NotFound e) {
            String why = Set200.available()
                    ? "no " + e.file().getFileName() + " in " + FOLDER + "; `" + command + "` computes it"
                    : "the shipped tables were computed on the authors' 200-set, this run has the re-drawn set"
                    + " (data/README.md says how to get the authors' file)";
            return new Lookup<>(figure, command, null, e.file(), why);
        }
    }

    /** Fig 1 grid of the full setting (spec 000 §6 Fig 1): n ∈ {3, 15, 30} × T ∈ {400, 550, 670}, 5000 epochs. */
    public static final int FIG1_EPOCHS = 5000;
    /** Trail spacing of the full-setting UMAP panels of Figs 3 and 4 (every stored epoch: the states are stored every 10). */
    public static final int FIG34_TRAIL_EVERY = 10;

    public static double[] fig1Ns() {
        return new double[] {3, 15, 30};
    }

    public static double[] fig1Temperatures() {
        return new double[] {400, 550, 670};
    }

    /** Fig 1: the 3 × 3 grid, 5000 epochs (sweep "02-fig1"). */
    public Lookup<Waddington.Fig1> fig1() {
        return find("Fig 1", "environment/kit sweep fig1",
                s -> Waddington.fig1(Set200.set(), fig1Ns(), fig1Temperatures(), FIG1_EPOCHS, SEED, s));
    }

    /** The full-setting recipe of Fig 3 (n = 30, then n = 3) on {@code sweep}: UMAP on the MNIST digits, trails every 10 epochs. */
    public static List<Waddington.Fig3> fig3Recipe(Sweep.Options sweep, long seed) {
        return Waddington.fig3Runs(Set200.set(), true, FIG34_TRAIL_EVERY, seed,
                () -> Waddington.umap(Set200.set(), true, seed, org.hopscape.util.Progress.NONE), sweep);
    }

    /** The full-setting recipe of Fig 4 (n = 30, then n = 3) on {@code sweep}. */
    public static List<Waddington.Fig4> fig4Recipe(Sweep.Options sweep, long seed) {
        return Waddington.fig4Runs(Set200.set(), true, FIG34_TRAIL_EVERY, seed,
                () -> Waddington.umap(Set200.set(), true, seed, org.hopscape.util.Progress.NONE), sweep);
    }

    /** Fig 3: the n = 30 and n = 3 learning dynamics on the UMAP of the MNIST digits (sweep "02-fig3"). */
    public Lookup<List<Waddington.Fig3>> fig3() {
        return find("Fig 3", "environment/kit sweep fig3", s -> fig3Recipe(s, SEED));
    }

    /** Fig 4: the three-digit runs at n = 30 and n = 3 on the UMAP of the MNIST digits (sweep "02-fig4"). */
    public Lookup<List<Waddington.Fig4>> fig4() {
        return find("Fig 4", "environment/kit sweep fig4", s -> fig4Recipe(s, SEED));
    }

    /** Fig 2A: 59 n × 4 T, 10,000 epochs (sweep "02-fig2"). */
    public Lookup<Waddington.Fig2> fig2() {
        return find("Fig 2", "environment/kit sweep fig2",
                s -> Waddington.fig2(Set200.set(), fig2Ns(), fig2Temperatures(), FIG2_EPOCHS, SEED, s));
    }

    /** Runs of Fig 2B (spec 000 §6): n ∈ {10, 25, 50} × T_r ∈ {0.83, 0.96}. */
    public static double[][] fig2bRuns() {
        return new double[][] {{10, 650}, {25, 650}, {50, 650}, {10, 750}, {25, 750}, {50, 750}};
    }

    /** The full-setting recipe of Fig 2B: the final memories of {@link #fig2bRuns} of the full Fig 2 sweep on the UMAP of the MNIST digits. */
    public static Waddington.Fig2B fig2bRecipe(Waddington.Fig2 fig2, Sweep.Options sweep, long seed) {
        return Waddington.fig2b(fig2, Waddington.gridParameters(Set200.set(), fig2Ns(), fig2Temperatures(), FIG2_EPOCHS, seed),
                fig2bRuns(), true, () -> Waddington.umap(Set200.set(), true, seed, org.hopscape.util.Progress.NONE), seed, sweep);
    }

    /** Fig 2B: six runs of the full Fig 2 grid on the UMAP of the MNIST digits (sweep "02-fig2b"; needs the Fig 2 table only to compute it). */
    public Lookup<Waddington.Fig2B> fig2b() {
        return find("Fig 2B", "environment/kit sweep fig2b", s -> fig2bRecipe(new Waddington.Fig2(List.of(), Set200.source(),
                FIG2_EPOCHS, (n, t) -> { throw new IllegalStateException("Fig 2B is read, not computed, here"); }), s, SEED));
    }

    /** The full-setting recipe of Fig 8A: the final classifier at T = 800 of the full Fig 8 sweep ({@code fig8}). */
    public static TemperatureSweep fig8aRecipe(TemperatureSweep fig8, Sweep.Options sweep) {
        return TemperatureSweep.withShippedState(fig8, FIG8A_TEMPERATURE, sweep);
    }

    /** Temperature of the memory samples of Fig 8A (T_r 1.02, where 1s, 4s, 7s and 9s remain). */
    public static final double FIG8A_TEMPERATURE = 800;

    /** Fig 8A: the full Fig 8 sweep with its final state at T = 800 (sweeps "03-fig8-temperature" and "03-fig8a"). */
    public Lookup<TemperatureSweep> fig8a() {
        Lookup<TemperatureSweep> f8 = fig8();
        if (!f8.present()) return new Lookup<>("Fig 8A", "environment/kit sweep fig8a", null, f8.missing(), f8.reason());
        return find("Fig 8A", "environment/kit sweep fig8a", s -> fig8aRecipe(f8.get(), s));
    }

    /** Fig 6 C/E/G: intra-digit transition on the 29 × 25 grid (sweep "03-fig6-intra"). */
    public Lookup<PrototypeTransition> fig6Intra() {
        return find("Fig 6 intra-digit", "environment/kit sweep fig6",
                s -> PrototypeTransition.intra(PrototypeTransition.Options.paper(SEED, s)));
    }

    /** Fig 6 D/F/H: inter-digit transition on the 29 × 25 grid (sweep "03-fig6-inter"). */
    public Lookup<PrototypeTransition> fig6Inter() {
        return find("Fig 6 inter-digit", "environment/kit sweep fig6",
                s -> PrototypeTransition.inter(PrototypeTransition.Options.paper(SEED, s)));
    }

    /** Fig 7 middle column: saddles over 3 T × 58 n × 2 starts (sweep "03-fig7-saddles"). */
    public Lookup<SaddleProportions.Saddles> fig7Saddles() {
        return find("Fig 7 saddles", "environment/kit sweep fig7",
                s -> SaddleProportions.saddles(SaddleProportions.Options.paper(SEED, s)));
    }

    /** Fig 7 right column: populations over 3 T × 58 n × 2 starts × 10 runs (sweep "03-fig7-populations"). */
    public Lookup<SaddleProportions.Populations> fig7Populations() {
        return find("Fig 7 proportions", "environment/kit sweep fig7",
                s -> SaddleProportions.populations(SaddleProportions.Options.paper(SEED, s)));
    }

    /** Fig 8: the temperature sweep at n = 25, T = 650, 653, …, 896 (sweep "03-fig8-temperature"). */
    public Lookup<TemperatureSweep> fig8() {
        return find("Fig 8", "environment/kit sweep fig8", s -> TemperatureSweep.run(TemperatureSweep.Options.paper(SEED, s)));
    }

    /** The lookups of the full setting, in figure order. */
    public List<Lookup<?>> all() {
        return List.of(fig1(), fig2(), fig2b(), fig3(), fig4(), fig6Intra(), fig6Inter(), fig7Saddles(), fig7Populations(), fig8(), fig8a());
    }

    /** One row per full-setting sweep: figure, shipped or not, and the reason when not. */
    public Table status() {
        Table t = Table.create("Paper 000 full setting — " + FOLDER, StringColumn.create("figure"), StringColumn.create("shipped"),
                StringColumn.create("note"));
        for (Lookup<?> l : all()) {
            t.stringColumn("figure").append(l.figure());
            t.stringColumn("shipped").append(l.present() ? "yes" : "not yet");
            t.stringColumn("note").append(l.present() ? LABEL : l.reason());
        }
        return t;
    }

    /**
     * Every table in the folder, each verified ({@link ResultTables#load}: end line, checksum, cells): file, sweep,
     * algorithm, seed, rows, kit version and commit, size in bytes.
     *
     * @throws IllegalStateException naming the file when one fails verification
     */
    public Table manifest() {
        Table t = Table.create("Shipped tables — " + FOLDER, StringColumn.create("file"), StringColumn.create("sweep"),
                StringColumn.create("algorithm"), StringColumn.create("seed"), IntColumn.create("rows"),
                StringColumn.create("kit"), StringColumn.create("commit"), IntColumn.create("bytes"));
        for (Path f : files()) {
            ResultTables.Saved s;
            try {
                s = ResultTables.load(f);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("shipped table " + f + " rejected: " + e.getMessage(), e);
            }
            var p = s.provenance();
            t.stringColumn("file").append(f.getFileName().toString());
            t.stringColumn("sweep").append(String.valueOf(p.parameters().get("sweep")));
            t.stringColumn("algorithm").append(String.valueOf(p.parameters().get(Sweep.ALGORITHM)));
            t.stringColumn("seed").append(Long.toString(p.seed()));
            t.intColumn("rows").append(s.table().rowCount());
            t.stringColumn("kit").append(p.version());
            t.stringColumn("commit").append(p.commit().length() > 7 ? p.commit().substring(0, 7) : p.commit());
            try {
                t.intColumn("bytes").append((int) Files.size(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return t;
    }

    /** The CSV tables in the folder, sorted by name (none when the folder does not exist). */
    public List<Path> files() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ comparison

    /**
     * Largest |computed − shipped| of every numeric column the two tables share (rows matched by the {@code point}
     * column), e.g. a {@code reproduce --full} recomputation against the shipped table. Integer columns count as
     * numbers. Rows of {@code computed} whose point the shipped table lacks are an error.
     *
     * @return one row per column: column, max |Δ|, the point where it occurs, rows compared
     */
    public static Table compare(Table computed, Table shipped) {
        return compare(computed, shipped, Sweep.POINT);
    }

    /**
     * As {@link #compare(Table, Table)}, rows matched by the values of the {@code keys} columns (e.g. "n", "T" for
     * {@link Waddington.Fig2#toTable}); the "at" column holds the first key's value of the worst row.
     */
    public static Table compare(Table computed, Table shipped, String... keys) {
        Check.notNull("computed", computed);
        Check.notNull("shipped", shipped);
        if (keys == null || keys.length == 0) throw new IllegalArgumentException("keys must name at least one column");
        for (Table x : List.of(computed, shipped))
            for (String k : keys)
                if (!x.columnNames().contains(k)) throw new IllegalArgumentException("table " + x.name() + " has no '" + k + "' column");
        java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
        for (int r = 0; r < shipped.rowCount(); r++) rowOf.putIfAbsent(key(shipped, r, keys), r);
        Table out = Table.create("computed vs shipped — " + computed.name(), StringColumn.create("column"),
                DoubleColumn.create("max |Δ|"), DoubleColumn.create("at " + keys[0]), IntColumn.create("rows"));
        List<String> keyList = List.of(keys);
        for (String c : computed.columnNames()) {
            if (keyList.contains(c) || !shipped.columnNames().contains(c)) continue;
            if (!(computed.column(c) instanceof NumericColumn<?> a) || !(shipped.column(c) instanceof NumericColumn<?> b)) continue;
            double worst = 0, at = Double.NaN;
            for (int r = 0; r < computed.rowCount(); r++) {
                Integer rs = rowOf.get(key(computed, r, keys));
                if (rs == null)
                    throw new IllegalArgumentException("row " + key(computed, r, keys) + " is not in the shipped table " + shipped.name());
                double d = Math.abs(a.getDouble(r) - b.getDouble(rs));
                if (Double.isNaN(d)) d = Double.isNaN(a.getDouble(r)) == Double.isNaN(b.getDouble(rs)) ? 0 : Double.POSITIVE_INFINITY;
                if (Double.isNaN(at) || d > worst) {
                    worst = d;
                    at = ((NumericColumn<?>) computed.column(keys[0])).getDouble(r);
                }
            }
            out.stringColumn("column").append(c);
            out.doubleColumn("max |Δ|").append(worst);
            out.doubleColumn(2).append(at);
            out.intColumn("rows").append(computed.rowCount());
        }
        return out;
    }

    private static String key(Table t, int r, String[] keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(t.column(k).getUnformattedString(r));
        return sb.toString();
    }

    /** The largest max |Δ| of {@link #compare}. */
    public static double maxDifference(Table computed, Table shipped) {
        return compare(computed, shipped).doubleColumn("max |Δ|").asList().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The shipped tables' sizes in bytes, summed. */
    public long totalBytes() {
        long s = 0;
        for (Path f : files())
            try {
                s += Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        return s;
    }

    /** Lists of figures shipped and not shipped, for prose: e.g. "Fig 6 intra-digit, Fig 8". */
    public static String names(List<? extends Lookup<?>> ls, boolean present) {
        List<String> out = new ArrayList<>();
        for (Lookup<?> l : ls) if (l.present() == present) out.add(l.figure());
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
