package org.hopscape;

import org.hopscape.papers.waddington.Fig5System;
import org.hopscape.analysis.FixedPointContinuation;
import org.hopscape.analysis.Hyperbolicity;
import org.hopscape.analysis.MarchenkoPastur;
import org.hopscape.analysis.MarchenkoPasturSpectra;
import org.hopscape.analysis.PseudoInverseDecomposition;
import org.hopscape.analysis.SampleBasis;
import org.hopscape.analysis.Sweep;
import org.hopscape.analysis.Splits;
import org.hopscape.analysis.TrajectoryPca;
import org.hopscape.analysis.TwoMemorySystem;
import org.hopscape.data.BloodLineages;
import org.hopscape.data.Digits;
import org.hopscape.data.Mnist;
import org.hopscape.data.Npy;
import org.hopscape.data.TrainingSet200;
import org.hopscape.dynamics.CriticalPoint;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.Families;
import org.hopscape.dynamics.Gibbs;
import org.hopscape.dynamics.GradientSystem;
import org.hopscape.dynamics.HebbianPgd;
import org.hopscape.dynamics.MorseSmale;
import org.hopscape.dynamics.Ode;
import org.hopscape.dynamics.Sde;
import org.hopscape.dynamics.StructuralStability;
import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.hopscape.dynamics.examples.DualWell;
import org.hopscape.dynamics.examples.FoldFamily;
import org.hopscape.dynamics.examples.GaussianMixtureEnergy;
import org.hopscape.dynamics.examples.ModernHopfieldEnergy;
import org.hopscape.dynamics.examples.VpDiffusion;
import org.hopscape.embed.EmbeddingQuality;
import org.hopscape.embed.NearestNeighbors;
import org.hopscape.embed.Pca;
import org.hopscape.embed.Umap;
import org.hopscape.hopfield.ClassicHopfield;
import org.hopscape.hopfield.DenseClassifier;
import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.hopfield.PatternSpace;
import org.hopscape.hopfield.Patterns;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.hopfield.kernel.SoftmaxKernels;
import org.hopscape.learning.Annealing;
import org.hopscape.learning.AnnealingFeedback;
import org.hopscape.learning.Clamping;
import org.hopscape.learning.HebbianRecovery;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.learning.MemoryConvergence;
import org.hopscape.learning.SoftmaxSynapses;
import org.hopscape.learning.generating.GeneratingFunction;
import org.hopscape.learning.generating.QuasiEquilibriumNetwork;
import org.hopscape.table.Provenance;
import org.hopscape.table.ReproductionCheck;
import org.hopscape.table.ResultTables;
import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Blas;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: a table of bad inputs fed to the public entry points of the reusable packages. Classes: NaN, ±∞,
 * zero and negative sizes, empty and ragged arrays, mismatched dimensions, null, 1e308, one-element inputs, values
 * outside a documented domain, malformed files. Every case must end in a clear {@link IllegalArgumentException}
 * that names the parameter (or file), or in the documented, sensible result the case states. Outcomes:
 * <ul>
 *   <li>CLEAR — IllegalArgumentException whose message names the parameter (for files: the file);</li>
 *   <li>DOCUMENTED — a normal return that satisfies the case's documented result;</li>
 *   <li>UNCLEAR — any other exception, or an IllegalArgumentException that does not name the parameter;</li>
 *   <li>SILENT — a normal return where an error was due, or a result that breaks the documented one;</li>
 *   <li>HANG — no answer within {@link #HANG_SECONDS} (the call is then interrupted and abandoned).</li>
 * </ul>
 * The outcome of every case is written to {@code target/bad-input/outcomes.tsv} with the counts by outcome.
 */
class BadInputPropertyTest {
    /** A call that has not answered by then counts as a hang (a liveness bound, not a timing test). */
    static final long HANG_SECONDS = 10;

    enum Kind { NAN, INFINITE, ZERO_SIZE, NEGATIVE_SIZE, EMPTY, RAGGED, MISMATCH, NULL, HUGE, ONE_ELEMENT, DOMAIN, FILE }

    enum Outcome { CLEAR, DOCUMENTED, UNCLEAR, SILENT, HANG }

    @FunctionalInterface
    interface Call {
        Object run() throws Exception;
    }

    /**
     * One bad input.
     *
     * @param entry    the public entry point
     * @param kind     the bad-input class
     * @param what     the input in words
     * @param param    the name a clear error message must contain (a parameter, or a file name)
     * @param call     the call
     * @param sensible the documented result when a normal return is correct (null: an error is due)
     * @param io       an {@link UncheckedIOException} naming {@code param} also counts as clear (missing files)
     */
    record Case(String entry, Kind kind, String what, String param, Call call, Predicate<Object> sensible,
                String documented, boolean io) {}

    record Result(Case c, Outcome outcome, String detail) {}

    @TempDir
    static Path dir;

    private final List<Case> cases = new ArrayList<>();

    // ------------------------------------------------------------------------------------------------ fixtures

    static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY, HUGE = 1e308;
    /** Two linearly independent ±1 patterns of length 4. */
    static final double[][] PM = {{1, 1, -1, -1}, {1, -1, 1, -1}};
    static final double[][] RAGGED2 = {{1, 0, 1}, {0, 1}};
    static final double[][] I2 = {{1, 0}, {0, 1}};

    static double[][] withNan(double[][] m) {
        double[][] c = copy(m);
        c[c.length - 1][c[0].length - 1] = NAN;
        return c;
    }

    static double[][] with(double[][] m, double v) {
        double[][] c = copy(m);
        c[0][0] = v;
        return c;
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    static boolean finite(Object r) {
        if (r instanceof Double d) return Double.isFinite(d);
        if (r instanceof double[] v) { for (double x : v) if (!Double.isFinite(x)) return false; return true; }
        if (r instanceof double[][] m) { for (double[] v : m) if (v == null || !finite(v)) return false; return true; }
        return r != null;
    }

    // ------------------------------------------------------------------------------------------------ DSL

    /** An error naming {@code param} is due. */
    void bad(String entry, Kind kind, String what, String param, Call call) {
        cases.add(new Case(entry, kind, what, param, call, null, null, false));
    }

    /** A missing or unreadable file: an IllegalArgumentException or UncheckedIOException naming the file is due. */
    void badFile(String entry, String what, String fileName, Call call) {
        cases.add(new Case(entry, Kind.FILE, what, fileName, call, null, null, true));
    }

    /** A clear error naming {@code param}, or the documented result. */
    void either(String entry, Kind kind, String what, String param, String documented, Call call, Predicate<Object> ok) {
        cases.add(new Case(entry, kind, what, param, call, ok, documented, false));
    }

    // ------------------------------------------------------------------------------------------------ the test

    @Test
    void everyPublicEntryPointRejectsBadInputClearly() throws IOException {
        hopfield();
        dynamics();
        embed();
        data();
        table();
        util();
        learning();
        analysis();
        List<Result> results = new ArrayList<>();
        for (Case c : cases) results.add(run(c));
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) counts.put(o, 0);
        Set<String> entries = new LinkedHashSet<>();
        StringBuilder tsv = new StringBuilder("entry\tkind\tinput\toutcome\tdetail\n");
        StringBuilder failures = new StringBuilder();
        for (Result r : results) {
            counts.merge(r.outcome(), 1, Integer::sum);
            entries.add(r.c().entry());
            String line = r.c().entry() + "\t" + r.c().kind() + "\t" + r.c().what() + "\t" + r.outcome() + "\t"
                    + r.detail().replace('\t', ' ').replace('\n', ' ');
            tsv.append(line).append('\n');
            if (r.outcome() != Outcome.CLEAR && r.outcome() != Outcome.DOCUMENTED) failures.append("\n  ").append(line);
        }
        String summary = results.size() + " cases over " + entries.size() + " entry points: " + counts;
        Path out = Path.of("target", "bad-input");
        Files.createDirectories(out);
        Files.writeString(out.resolve("outcomes.tsv"), "# " + summary + "\n" + tsv);
        assertTrue(failures.isEmpty(), summary + failures);
    }

    static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]");

    /** True when {@code message} contains {@code name} not glued to other identifier characters. */
    static boolean names(String message, String name) {
        if (message == null) return false;
        String m = message.toLowerCase(), n = name.toLowerCase();
        for (int at = m.indexOf(n); at >= 0; at = m.indexOf(n, at + 1)) {
            boolean before = at == 0 || !WORD.matcher(m.substring(at - 1, at)).matches()
                    || !WORD.matcher(n.substring(0, 1)).matches();
            int end = at + n.length();
            boolean after = end == m.length() || !WORD.matcher(m.substring(end, end + 1)).matches()
                    || !WORD.matcher(n.substring(n.length() - 1)).matches();
            if (before && after) return true;
        }
        return false;
    }

    static Result run(Case c) {
        Object[] result = new Object[1];
        Throwable[] error = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = c.call().run();
            } catch (Throwable e) {
                error[0] = e;
            }
        }, "bad-input " + c.entry());
        t.setDaemon(true);
        t.start();
        try {
            t.join(TimeUnit.SECONDS.toMillis(HANG_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (t.isAlive()) {
            t.interrupt();
            return new Result(c, Outcome.HANG, "no answer within " + HANG_SECONDS + " s");
        }
        Throwable e = error[0];
        if (e == null) {
            if (c.sensible() != null && c.sensible().test(result[0]))
                return new Result(c, Outcome.DOCUMENTED, c.documented());
            return new Result(c, Outcome.SILENT, "returned " + show(result[0]));
        }
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean clear = (e instanceof IllegalArgumentException || (c.io() && e instanceof UncheckedIOException))
                && !(e instanceof NumberFormatException && !names(e.getMessage(), c.param()))
                && names(e.getMessage(), c.param());
        return new Result(c, clear ? Outcome.CLEAR : Outcome.UNCLEAR, detail);
    }

    static String show(Object r) {
        if (r instanceof double[] v) return java.util.Arrays.toString(v);
        if (r instanceof int[] v) return java.util.Arrays.toString(v);
        if (r instanceof double[][] m) return java.util.Arrays.deepToString(m);
        String s = String.valueOf(r);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    // ================================================================================================ hopfield

    void hopfield() {
        // Patterns
        bad("Patterns.random", Kind.ZERO_SIZE, "p = 0", "p", () -> Patterns.random(0, 4, 1));
        bad("Patterns.random", Kind.NEGATIVE_SIZE, "n = -1", "n", () -> Patterns.random(2, -1, 1));
        bad("Patterns.random", Kind.HUGE, "p·n = 10¹⁰ entries", "p", () -> Patterns.random(100_000, 100_000, 1));
        bad("Patterns.correlated", Kind.NAN, "copyProbability NaN", "copyProbability", () -> Patterns.correlated(2, 4, NAN, 1));
        bad("Patterns.correlated", Kind.DOMAIN, "copyProbability 1.5", "copyProbability", () -> Patterns.correlated(2, 4, 1.5, 1));
        bad("Patterns.flipped", Kind.NULL, "x null", "x", () -> Patterns.flipped(null, 0.1, 1));
        bad("Patterns.flipped", Kind.NAN, "x with NaN", "x", () -> Patterns.flipped(new double[] {1, NAN}, 0.1, 1));
        bad("Patterns.flipped", Kind.NAN, "probability NaN", "probability", () -> Patterns.flipped(new double[] {1, -1}, NAN, 1));
        either("Patterns.flipped", Kind.EMPTY, "x empty", "x", "empty vector in, empty vector out",
                () -> Patterns.flipped(new double[0], 0.5, 1), r -> r instanceof double[] v && v.length == 0);
        bad("Patterns.randomStates", Kind.ZERO_SIZE, "count 0", "count", () -> Patterns.randomStates(0, 4, 1));
        bad("Patterns.copies", Kind.NULL, "x null", "x", () -> Patterns.copies(null, 2));
        bad("Patterns.copies", Kind.NAN, "x with NaN", "x", () -> Patterns.copies(new double[] {NAN}, 2));
        bad("Patterns.meanPairwiseOverlap", Kind.RAGGED, "ragged", "patterns", () -> Patterns.meanPairwiseOverlap(RAGGED2));
        bad("Patterns.meanPairwiseOverlap", Kind.NAN, "NaN entry", "patterns", () -> Patterns.meanPairwiseOverlap(withNan(PM)));
        bad("Patterns.meanPairwiseOverlap", Kind.ONE_ELEMENT, "one pattern (no pair)", "patterns",
                () -> Patterns.meanPairwiseOverlap(new double[][] {{1, -1}}));

        // PatternSpace
        bad("PatternSpace.of", Kind.NULL, "null", "patterns", () -> PatternSpace.of(null));
        bad("PatternSpace.of", Kind.EMPTY, "no rows", "patterns", () -> PatternSpace.of(new double[0][]));
        bad("PatternSpace.of", Kind.RAGGED, "ragged", "patterns", () -> PatternSpace.of(RAGGED2));
        bad("PatternSpace.of", Kind.INFINITE, "+∞ entry", "patterns", () -> PatternSpace.of(with(PM, INF)));
        bad("PatternSpace.of", Kind.MISMATCH, "3 patterns of length 2", "p", () -> PatternSpace.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        bad("PatternSpace.of", Kind.HUGE, "entries 1e308 (g overflows)", "patterns", () -> PatternSpace.of(new double[][] {{HUGE, HUGE}, {HUGE, -HUGE}}));
        either("PatternSpace.of", Kind.ONE_ELEMENT, "one pattern of one neuron", "patterns", "P = N = 1, g = [[1]]",
                () -> PatternSpace.of(new double[][] {{1}}).overlapMatrix(), r -> r instanceof double[][] g && g[0][0] == 1);
        PatternSpace space = PatternSpace.of(PM);
        bad("PatternSpace.magnetizations", Kind.NULL, "x null", "x", () -> space.magnetizations(null));
        bad("PatternSpace.magnetizations", Kind.MISMATCH, "x of length 3", "x", () -> space.magnetizations(new double[3]));
        bad("PatternSpace.magnetizations", Kind.NAN, "x with NaN", "x", () -> space.magnetizations(new double[] {1, NAN, 1, 1}));
        bad("PatternSpace.orderParameters", Kind.NAN, "x with NaN", "x", () -> space.orderParameters(new double[] {1, NAN, 1, 1}));
        bad("PatternSpace.project", Kind.MISMATCH, "x of length 5", "x", () -> space.project(new double[5]));
        bad("PatternSpace.quadraticEnergy", Kind.INFINITE, "x with ∞", "x", () -> space.quadraticEnergy(new double[] {INF, 1, 1, 1}));

        // ClassicHopfield
        bad("ClassicHopfield.hebbian", Kind.NAN, "NaN pattern entry", "patterns", () -> ClassicHopfield.hebbian(withNan(PM)));
        bad("ClassicHopfield.hebbian", Kind.NULL, "null", "patterns", () -> ClassicHopfield.hebbian(null));
        bad("ClassicHopfield.projection", Kind.RAGGED, "ragged", "patterns", () -> ClassicHopfield.projection(RAGGED2, true));
        ClassicHopfield classic = ClassicHopfield.hebbian(PM);
        bad("ClassicHopfield.energy", Kind.NAN, "x with NaN", "x", () -> classic.energy(new double[] {1, NAN, 1, 1}));
        bad("ClassicHopfield.energy", Kind.MISMATCH, "x of length 3", "x", () -> classic.energy(new double[3]));
        bad("ClassicHopfield.localField", Kind.NULL, "x null", "x", () -> classic.localField(null));
        bad("ClassicHopfield.isFixedPoint", Kind.NAN, "x with NaN", "x", () -> classic.isFixedPoint(new double[] {NAN, 1, 1, 1}));
        bad("ClassicHopfield.relax", Kind.NAN, "x with NaN", "x", () -> classic.relax(new double[] {NAN, 1, 1, 1}, 10, 1));
        bad("ClassicHopfield.relax", Kind.DOMAIN, "x not a ±1 state", "x", () -> classic.relax(new double[] {0.3, 1, 1, 1}, 10, 1));
        bad("ClassicHopfield.relax", Kind.ZERO_SIZE, "maxSweeps 0", "maxSweeps", () -> classic.relax(PM[0], 0, 1));
        bad("ClassicHopfield.retrievalFraction", Kind.NAN, "flipProbability NaN", "flipProbability", () -> classic.retrievalFraction(NAN, 1));
        bad("ClassicHopfield.patternStability", Kind.NULL, "options null", "options", () -> classic.patternStability(null, 1, 1));
        bad("ClassicHopfield.patternStability", Kind.ZERO_SIZE, "count 0", "count", () -> classic.patternStability(ClassicHopfield.Glauber.fig1d(4), 0, 1));
        bad("ClassicHopfield.Glauber", Kind.NAN, "temperature NaN", "temperature", () -> new ClassicHopfield.Glauber(NAN, 1, 1, false, 1));
        bad("ClassicHopfield.Glauber", Kind.ZERO_SIZE, "threads 0", "threads", () -> new ClassicHopfield.Glauber(0.1, 1, 1, false, 0));
        bad("ClassicHopfield.glauber", Kind.EMPTY, "no starts", "starts", () -> classic.glauber(new double[0][], ClassicHopfield.Glauber.fig1d(4), 1, Progress.NONE));
        bad("ClassicHopfield.glauber", Kind.MISMATCH, "starts of length 2", "starts", () -> classic.glauber(I2, ClassicHopfield.Glauber.fig1d(4), 1, Progress.NONE));
        bad("ClassicHopfield.glauber", Kind.NAN, "start with NaN", "starts", () -> classic.glauber(withNan(PM), ClassicHopfield.Glauber.fig1d(4), 1, Progress.NONE));
        bad("ClassicHopfield.glauber", Kind.NULL, "options null", "options", () -> classic.glauber(PM, null, 1, Progress.NONE));
        bad("ClassicHopfield.glauber", Kind.NULL, "progress null", "progress", () -> classic.glauber(PM, ClassicHopfield.Glauber.fig1d(4), 1, null));
        bad("ClassicHopfield.glauber", Kind.HUGE, "2³¹ sweeps recorded every update", "sweeps",
                () -> classic.glauber(PM, new ClassicHopfield.Glauber(0.1, Integer.MAX_VALUE, 1, false, 1), 1, Progress.NONE));

        // ModernHopfield
        bad("ModernHopfield.of", Kind.NAN, "beta NaN", "beta", () -> ModernHopfield.of(PM, NAN));
        bad("ModernHopfield.of", Kind.ZERO_SIZE, "beta 0", "beta", () -> ModernHopfield.of(PM, 0));
        bad("ModernHopfield.of", Kind.RAGGED, "ragged patterns", "patterns", () -> ModernHopfield.of(RAGGED2, 1));
        bad("ModernHopfield.paperBeta", Kind.ONE_ELEMENT, "p = 1", "p", () -> ModernHopfield.paperBeta(1));
        ModernHopfield modern = ModernHopfield.of(PM, 4);
        bad("ModernHopfield.softmax", Kind.NAN, "m with NaN", "m", () -> modern.softmax(new double[] {NAN, 0}));
        bad("ModernHopfield.softmax", Kind.NULL, "m null", "m", () -> modern.softmax(null));
        bad("ModernHopfield.lyapunov", Kind.NAN, "beta NaN", "beta", () -> ModernHopfield.lyapunov(NAN, new double[] {1, 0}));
        bad("ModernHopfield.lyapunov", Kind.EMPTY, "mHat empty", "mHat", () -> ModernHopfield.lyapunov(1, new double[0]));
        bad("ModernHopfield.lyapunov", Kind.NAN, "mHat with NaN", "mHat", () -> modern.lyapunov(new double[] {NAN, 0}));
        bad("ModernHopfield.update", Kind.NAN, "x with NaN", "x", () -> modern.update(new double[] {NAN, 1, 1, 1}));
        either("ModernHopfield.update", Kind.HUGE, "x entries 1e308", "x", "finite update (softmax saturates)",
                () -> modern.update(new double[] {HUGE, HUGE, -HUGE, -HUGE}), BadInputPropertyTest::finite);
        bad("ModernHopfield.velocity", Kind.MISMATCH, "x of length 2", "x", () -> modern.velocity(new double[2]));
        bad("ModernHopfield.quadraticEnergyPerNeuron", Kind.NAN, "x with NaN", "x", () -> modern.quadraticEnergyPerNeuron(new double[] {NAN, 1, 1, 1}));
        bad("ModernHopfield.Flow", Kind.NAN, "dt NaN", "dt", () -> new ModernHopfield.Flow(NAN, 10, 1, false, 1));
        bad("ModernHopfield.Flow", Kind.HUGE, "duration 1e308 (steps beyond int)", "duration", () -> new ModernHopfield.Flow(1e-3, HUGE, 1, false, 1));
        bad("ModernHopfield.flow", Kind.HUGE, "duration/dt = 10¹² steps", "duration",
                () -> modern.flow(PM, new ModernHopfield.Flow(1e-6, 1e6, 1_000_000, false, 1), Progress.NONE));
        bad("ModernHopfield.flow", Kind.NAN, "start with NaN", "starts", () -> modern.flow(withNan(PM), ModernHopfield.Flow.quick(), Progress.NONE));
        bad("ModernHopfield.flow", Kind.NULL, "options null", "options", () -> modern.flow(PM, null, Progress.NONE));
        bad("ModernHopfield.flow", Kind.NULL, "progress null", "progress", () -> modern.flow(PM, ModernHopfield.Flow.quick(), null));

        // GeneralizedHopfield
        bad("GeneralizedHopfield.symmetric", Kind.NAN, "memories with NaN", "memories", () -> GeneralizedHopfield.symmetric(withNan(I2), new double[2], 1));
        bad("GeneralizedHopfield.symmetric", Kind.MISMATCH, "w of length 3", "w", () -> GeneralizedHopfield.symmetric(I2, new double[3], 1));
        bad("GeneralizedHopfield.symmetric", Kind.NULL, "w null", "w", () -> GeneralizedHopfield.symmetric(I2, null, 1));
        bad("GeneralizedHopfield.symmetric", Kind.INFINITE, "beta ∞", "beta", () -> GeneralizedHopfield.symmetric(I2, new double[2], INF));
        bad("GeneralizedHopfield.symmetric", Kind.EMPTY, "no memories", "memories", () -> GeneralizedHopfield.symmetric(new double[0][], new double[0], 1));
        bad("GeneralizedHopfield.general", Kind.MISMATCH, "q with 1 row", "q", () -> GeneralizedHopfield.general(new double[][] {{1, 0}}, I2, new double[2], 1));
        GeneralizedHopfield gh = GeneralizedHopfield.symmetric(I2, new double[] {0, 0.1}, 3);
        bad("GeneralizedHopfield.withBeta", Kind.NAN, "beta NaN", "beta", () -> gh.withBeta(NAN));
        bad("GeneralizedHopfield.withWeights", Kind.MISMATCH, "w of length 1", "w", () -> gh.withWeights(new double[1]));
        bad("GeneralizedHopfield.memory", Kind.DOMAIN, "i = 2 of 2 patterns", "i", () -> gh.memory(2));
        bad("GeneralizedHopfield.softmax", Kind.NAN, "x with NaN", "x", () -> gh.softmax(new double[] {NAN, 0}));
        bad("GeneralizedHopfield.velocity", Kind.NAN, "x with NaN", "x", () -> gh.velocity(new double[] {NAN, 0}));
        bad("GeneralizedHopfield.velocity", Kind.NULL, "x null", "x", () -> gh.velocity(null));
        either("GeneralizedHopfield.velocity", Kind.HUGE, "x = (1e308, −1e308)", "x", "finite velocity (softmax saturates)",
                () -> gh.velocity(new double[] {HUGE, -HUGE}), BadInputPropertyTest::finite);
        bad("GeneralizedHopfield.energy", Kind.NAN, "x with NaN", "x", () -> gh.energy(new double[] {NAN, 0}));
        bad("GeneralizedHopfield.jacobian", Kind.INFINITE, "x with ∞", "x", () -> gh.jacobian(new double[] {INF, 0}));
        bad("GeneralizedHopfield.relax", Kind.HUGE, "time/dt = 10³⁰⁸ steps", "time", () -> gh.relax(new double[2], 1e-3, HUGE));
        bad("GeneralizedHopfield.relax", Kind.NAN, "x0 with NaN", "x0", () -> gh.relax(new double[] {NAN, 0}, 0.1, 1));
        bad("GeneralizedHopfield.relax", Kind.ZERO_SIZE, "dt 0", "dt", () -> gh.relax(new double[2], 0, 1));
        bad("GeneralizedHopfield.stableFixedPoints", Kind.NULL, "starts null", "starts", () -> gh.stableFixedPoints(null, 0.01, 1, 1e-6, 1e-3));
        bad("GeneralizedHopfield.stableFixedPoints", Kind.MISMATCH, "start of length 3", "starts", () -> gh.stableFixedPoints(new double[][] {{0, 0, 0}}, 0.01, 1, 1e-6, 1e-3));
        bad("GeneralizedHopfield.stableFixedPoints", Kind.NAN, "stabilityMargin NaN", "stabilityMargin", () -> gh.stableFixedPoints(I2, 0.01, 1, NAN, 1e-3));
        bad("GeneralizedHopfield.stableFixedPoints", Kind.DOMAIN, "mergeTol −1", "mergeTol", () -> gh.stableFixedPoints(I2, 0.01, 1, 1e-6, -1));
        GeneralizedHopfield.Reduction red = gh.reduce();
        bad("GeneralizedHopfield.Reduction.project", Kind.MISMATCH, "x of length 3", "x", () -> red.project(new double[3]));
        bad("GeneralizedHopfield.Reduction.lift", Kind.MISMATCH, "y of length 5", "y", () -> red.lift(new double[5]));

        // DenseClassifier
        DenseClassifier dc = DenseClassifier.gaussian(3, 4, 3, 2, 4, 7);
        double[][] samples = {{0.5, -0.5, 0.2, 0.1}, {-0.3, 0.4, 0.9, -1}};
        bad("DenseClassifier.new", Kind.NAN, "labels with NaN", "labels", () -> new DenseClassifier(copy(PM), new double[][] {{1, NAN}, {0, 1}}, 2, 4));
        bad("DenseClassifier.new", Kind.MISMATCH, "labels with 1 row for 2 memories", "labels", () -> new DenseClassifier(copy(PM), new double[][] {{1, 0}}, 2, 4));
        bad("DenseClassifier.new", Kind.HUGE, "temperature 1e-300 (M/T overflows)", "temperature",
                () -> new DenseClassifier(copy(PM), new double[][] {{1, 0}, {0, 1}}, 2, 1e-300).scores(new double[][] {{1, 1, -1, -1}}));
        bad("DenseClassifier.ofFlat", Kind.MISMATCH, "memories shorter than K·N", "memories", () -> DenseClassifier.ofFlat(2, 4, 2, new double[7], new double[4], 2, 1));
        bad("DenseClassifier.gaussian", Kind.HUGE, "K·N = 2³⁴ (beyond int)", "memoryCount", () -> DenseClassifier.gaussian(1 << 17, 1 << 17, 10, 2, 1, 1));
        bad("DenseClassifier.gaussian", Kind.ZERO_SIZE, "0 memories", "memoryCount", () -> DenseClassifier.gaussian(0, 4, 3, 2, 1, 1));
        bad("DenseClassifier.gaussian", Kind.NAN, "sd NaN", "sd", () -> DenseClassifier.gaussian(2, 4, 3, 2, 1, 0, NAN, 1));
        bad("DenseClassifier.scores", Kind.NAN, "sample with NaN", "samples", () -> dc.scores(new double[][] {{NAN, 0, 0, 0}}));
        bad("DenseClassifier.scores", Kind.NAN, "one sample with NaN", "sample", () -> dc.scores(new double[] {NAN, 0, 0, 0}));
        bad("DenseClassifier.scores", Kind.RAGGED, "ragged samples", "samples", () -> dc.scores(new double[][] {{0, 0, 0, 0}, {0}}));
        bad("DenseClassifier.scores", Kind.MISMATCH, "samples of 3 pixels", "samples", () -> dc.scores(new double[][] {{0, 0, 0}}));
        bad("DenseClassifier.scores", Kind.NULL, "samples null", "samples", () -> dc.scores((double[][]) null));
        bad("DenseClassifier.predict", Kind.NAN, "sample with NaN", "samples", () -> dc.predict(new double[][] {{NAN, 0, 0, 0}}));
        bad("DenseClassifier.predict", Kind.INFINITE, "sample with +∞", "samples", () -> dc.predict(new double[][] {{INF, 0, 0, 0}}));
        bad("DenseClassifier.recognised", Kind.DOMAIN, "class 3 of 3 classes", "classes", () -> dc.recognised(samples, new int[] {0, 3}));
        bad("DenseClassifier.recognised", Kind.NULL, "classes null", "classes", () -> dc.recognised(samples, null));
        bad("DenseClassifier.accuracy", Kind.DOMAIN, "class −1", "classes", () -> dc.accuracy(samples, new int[] {-1, 0}));
        bad("DenseClassifier.accuracy", Kind.DOMAIN, "class 7 of 3 classes", "classes", () -> dc.accuracy(samples, new int[] {7, 0}));
        bad("DenseClassifier.recognisedPerClass", Kind.DOMAIN, "class 5 of 3 classes", "classes", () -> dc.recognisedPerClass(samples, new int[] {5, 0}));
        bad("DenseClassifier.recognisedPerClass", Kind.MISMATCH, "1 class for 2 samples", "classes", () -> dc.recognisedPerClass(samples, new int[] {0}));
        bad("DenseClassifier.cost", Kind.NAN, "m NaN", "m", () -> dc.cost(samples, new int[] {0, 1}, NAN));
        bad("DenseClassifier.cost", Kind.DOMAIN, "class 9 of 3 classes", "classes", () -> dc.cost(samples, new int[] {9, 1}, 1));
        bad("DenseClassifier.label", Kind.DOMAIN, "d = 3 of 3 classes", "d", () -> dc.label(0, 3));
        bad("DenseClassifier.memoriesWithLabel", Kind.NAN, "threshold NaN", "threshold", () -> dc.memoriesWithLabel(0, NAN));
        bad("DenseClassifier.withTemperature", Kind.NAN, "temperature NaN", "temperature", () -> dc.withTemperature(NAN));
        bad("DenseClassifier.unflatten", Kind.NEGATIVE_SIZE, "rows −1", "rows", () -> DenseClassifier.unflatten(new double[4], -1, 2));
        bad("DenseClassifier.unflatten", Kind.MISMATCH, "4 values as 3×2", "f", () -> DenseClassifier.unflatten(new double[4], 3, 2));

        // kernel tier entry points used from notebooks and the analyses
        bad("SoftmaxKernels.softmaxInPlace", Kind.ZERO_SIZE, "k 0", "k", () -> SoftmaxKernels.softmaxInPlace(new double[2], 0));
        bad("SoftmaxKernels.logits", Kind.MISMATCH, "x shorter than n", "x", () -> { SoftmaxKernels.logits(new double[4], 2, 2, 1, new double[2], new double[1], new double[2]); return null; });
        bad("SoftmaxKernels.drift", Kind.NULL, "out null", "out", () -> { SoftmaxKernels.drift(new double[4], 2, 2, new double[2], new double[2], null); return null; });
        bad("Blas.gemm", Kind.NEGATIVE_SIZE, "m −1", "m", () -> { Blas.gemm(false, false, -1, 2, 2, 1, new double[4], new double[4], 0, new double[4]); return null; });
        bad("Blas.gemm", Kind.MISMATCH, "a too short", "m", () -> { Blas.gemm(false, false, 2, 2, 2, 1, new double[3], new double[4], 0, new double[4]); return null; });
        bad("Runs.forEach", Kind.ZERO_SIZE, "threads 0", "threads", () -> { Runs.forEach(3, 0, i -> {}); return null; });
        bad("Runs.forEach", Kind.NEGATIVE_SIZE, "n −1", "n", () -> { Runs.forEach(-1, 1, i -> {}); return null; });
        bad("Runs.forEach", Kind.NULL, "body null", "body", () -> { Runs.forEach(3, 1, null); return null; });
    }

    // ================================================================================================ dynamics

    void dynamics() {
        GradientSystem well = new DualWell();
        CriticalPoints.Options box = CriticalPoints.Options.box(2, 2, 11);
        bad("CriticalPoints.Options.box", Kind.ZERO_SIZE, "n = 0", "n", () -> CriticalPoints.Options.box(0, 1, 11));
        bad("CriticalPoints.Options.box", Kind.NAN, "a NaN", "a", () -> CriticalPoints.Options.box(2, NAN, 11));
        bad("CriticalPoints.Options", Kind.HUGE, "box ±1e308 (width overflows)", "lower",
                () -> CriticalPoints.find(well, CriticalPoints.Options.box(2, HUGE, 11).withRefinement(false)));
        bad("CriticalPoints.Options", Kind.HUGE, "2001⁴ grid seeds", "seedsPerAxis", () -> CriticalPoints.Options.box(4, 1, 2001));
        bad("CriticalPoints.find", Kind.NULL, "system null", "system", () -> CriticalPoints.find(null, box));
        bad("CriticalPoints.find", Kind.NULL, "options null", "options", () -> CriticalPoints.find(well, null));
        bad("CriticalPoints.find", Kind.MISMATCH, "3-D box for a 2-D system", "options", () -> CriticalPoints.find(well, CriticalPoints.Options.box(3, 2, 5)));
        bad("CriticalPoints.find", Kind.MISMATCH, "extra seed of length 3", "extraSeeds", () -> CriticalPoints.find(well, box, List.of(new double[3])));
        bad("CriticalPoints.find", Kind.NAN, "extra seed with NaN", "extraSeeds", () -> CriticalPoints.find(well, box, List.of(new double[] {NAN, 0})));
        bad("CriticalPoints.refine", Kind.MISMATCH, "seed of length 1", "seed", () -> CriticalPoints.refine(well, new double[1], box));
        bad("CriticalPoints.refine", Kind.NULL, "seed null", "seed", () -> CriticalPoints.refine(well, null, box));
        bad("CriticalPoint.classify", Kind.MISMATCH, "p of length 3", "p", () -> CriticalPoint.classify(well, new double[3]));
        bad("CriticalPoint.classify", Kind.NAN, "p with NaN", "p", () -> CriticalPoint.classify(well, new double[] {NAN, 0}));
        CriticalSet set = CriticalPoints.find(well, box);
        bad("CriticalSet.of", Kind.NULL, "null list", "found", () -> CriticalSet.of(null));
        bad("CriticalSet.nearest", Kind.MISMATCH, "x of length 3", "x", () -> set.nearest(new double[3], 1));
        bad("CriticalSet.nearest", Kind.NAN, "radius NaN", "radius", () -> set.nearest(new double[2], NAN));
        bad("CriticalSet.label", Kind.DOMAIN, "i = size", "i", () -> set.label(set.size()));

        bad("Families.grid", Kind.NAN, "lo NaN", "lo", () -> Families.grid(NAN, 1, 0.1));
        bad("Families.grid", Kind.DOMAIN, "hi < lo", "hi", () -> Families.grid(1, 0, 0.1));
        bad("Families.grid", Kind.HUGE, "[0, 1e308] in steps of 1", "step", () -> Families.grid(0, HUGE, 1));
        either("Families.grid", Kind.ONE_ELEMENT, "lo = hi", "hi", "the single value [lo]",
                () -> Families.grid(0.5, 0.5, 0.1), r -> r instanceof double[] g && g.length == 1 && g[0] == 0.5);
        Families.Options fo = Families.Options.of(box, false);
        bad("Families.track", Kind.NULL, "family null", "family", () -> Families.track(null, new double[] {0, 1}, fo, Progress.NONE));
        bad("Families.track", Kind.NULL, "etas null", "etas", () -> Families.track(new FoldFamily(), null, fo, Progress.NONE));
        bad("Families.track", Kind.NULL, "options null", "o", () -> Families.track(new FoldFamily(), new double[] {0, 1}, null, Progress.NONE));
        bad("Families.track", Kind.EMPTY, "no etas", "etas", () -> Families.track(new FoldFamily(), new double[0], fo, Progress.NONE));
        bad("Families.track", Kind.NAN, "eta NaN", "etas", () -> Families.track(new FoldFamily(), new double[] {0, NAN}, fo, Progress.NONE));
        bad("Families.brent", Kind.NAN, "tol NaN", "tol", () -> Families.brent(x -> x, -1, 1, NAN));
        bad("Families.brent", Kind.NAN, "a NaN", "a", () -> Families.brent(x -> x, NAN, 1, 1e-9));
        bad("Families.refineFold", Kind.NAN, "x0 with NaN", "x0", () -> Families.refineFold(new FoldFamily(), new double[] {NAN, 0}, 0));

        bad("Gibbs.of", Kind.DOMAIN, "reversed box hi1 < lo1", "hi1", () -> Gibbs.of(well, 0.5, 2, -2, -2, 2, 21, false));
        bad("Gibbs.of", Kind.NAN, "lo2 NaN", "lo2", () -> Gibbs.of(well, 0.5, -2, 2, NAN, 2, 21, false));
        bad("Gibbs.of", Kind.NULL, "system null", "system", () -> Gibbs.of(null, 0.5, -2, 2, -2, 2, 21, false));
        Gibbs gibbs = Gibbs.of(well, 0.5, -2, 2, -2, 2, 21, false);
        bad("Gibbs.massNear", Kind.DOMAIN, "r −1", "r", () -> gibbs.massNear(new double[2], -1));
        bad("Gibbs.massNear", Kind.MISMATCH, "c of length 3", "c", () -> gibbs.massNear(new double[3], 1));
        bad("Gibbs.massNear", Kind.NAN, "c with NaN", "c", () -> gibbs.massNear(new double[] {NAN, 0}, 1));
        bad("Gibbs.massNearSinks", Kind.NAN, "r NaN", "r", () -> gibbs.massNearSinks(set, NAN));
        bad("Gibbs.l1ToHistogram", Kind.EMPTY, "no samples", "samples", () -> gibbs.l1ToHistogram(new double[0][], 10));
        bad("Gibbs.l1ToHistogram", Kind.MISMATCH, "samples of length 1", "samples", () -> gibbs.l1ToHistogram(new double[][] {{0}}, 10));
        bad("Gibbs.l1ToHistogram", Kind.HUGE, "bins² beyond int", "bins", () -> gibbs.l1ToHistogram(new double[][] {{0, 0}}, 100_000));

        bad("Sde.Options", Kind.HUGE, "time/dt = 10³⁰⁷ steps", "time", () -> new Sde.Options(0.1, 1e-3, 1e304, 0));
        bad("Sde.paths", Kind.HUGE, "time/dt beyond int", "time", () -> Sde.paths(well, new double[][] {{0, 0}}, new Sde.Options(0.1, 1e-9, 1e3, 0), 1));
        bad("Sde.paths", Kind.MISMATCH, "start of length 3", "starts", () -> Sde.paths(well, new double[][] {{0.1, 0.2, 5}}, Sde.Options.paper(0.1), 1));
        bad("Sde.paths", Kind.NAN, "start with NaN", "starts", () -> Sde.paths(well, new double[][] {{NAN, 0}}, Sde.Options.paper(0.1), 1));
        bad("Sde.paths", Kind.NULL, "system null", "system", () -> Sde.paths(null, new double[][] {{0, 0}}, Sde.Options.paper(0.1), 1));
        either("Sde.paths", Kind.EMPTY, "no starts", "starts", "no paths", () -> Sde.paths(well, new double[0][], Sde.Options.paper(0.1), 1),
                r -> r instanceof List<?> l && l.isEmpty());
        bad("Sde.stationarySamples", Kind.ZERO_SIZE, "dt 0", "dt", () -> Sde.stationarySamples(well, new double[2], 2, 0.5, 0, 1, 2, 0.5, 1));
        bad("Sde.stationarySamples", Kind.DOMAIN, "sampleEvery < dt", "sampleEvery", () -> Sde.stationarySamples(well, new double[2], 2, 0.5, 0.1, 1, 2, 0.01, 1));
        bad("Sde.stationarySamples", Kind.MISMATCH, "start of length 1", "start", () -> Sde.stationarySamples(well, new double[1], 2, 0.5, 0.01, 1, 2, 0.5, 1));
        bad("Sde.stationarySamples", Kind.NAN, "tBurn NaN", "tBurn", () -> Sde.stationarySamples(well, new double[2], 2, 0.5, 0.01, NAN, 2, 0.5, 1));

        Ode.Field f = Ode.Field.of(well);
        bad("Ode.dopri", Kind.NULL, "x0 null", "x0", () -> Ode.dopri(f, 0, null, Ode.Options.paper(), null));
        bad("Ode.dopri", Kind.NAN, "x0 with NaN", "x0", () -> Ode.dopri(f, 0, new double[] {NAN, 0}, Ode.Options.paper(), null));
        bad("Ode.dopri", Kind.EMPTY, "x0 empty", "x0", () -> Ode.dopri(f, 0, new double[0], Ode.Options.paper(), null));
        bad("Ode.dopri", Kind.NAN, "t0 NaN", "t0", () -> Ode.dopri(f, NAN, new double[2], Ode.Options.paper(), null));
        bad("Ode.dopri", Kind.NULL, "field null", "f", () -> Ode.dopri(null, 0, new double[2], Ode.Options.paper(), null));
        bad("Ode.rk4", Kind.NEGATIVE_SIZE, "steps −1", "steps", () -> Ode.rk4(f, 0, new double[2], 0.1, -1, 0, null));
        bad("Ode.rk4", Kind.NAN, "dt NaN", "dt", () -> Ode.rk4(f, 0, new double[2], NAN, 10, 0, null));
        bad("Ode.rk4", Kind.NEGATIVE_SIZE, "keepEvery −1", "keepEvery", () -> Ode.rk4(f, 0, new double[2], 0.1, 10, -1, null));

        MorseSmale.Options mo = MorseSmale.Options.paper(3);
        bad("MorseSmale.graph", Kind.NULL, "points null", "points", () -> MorseSmale.graph(well, null, mo));
        bad("MorseSmale.graph", Kind.MISMATCH, "points of a 1-D system", "points",
                () -> MorseSmale.graph(well, CriticalSet.of(List.of(CriticalPoint.classify(new GaussianMixtureEnergy(new double[][] {{0}}, 1), new double[1]))), mo));
        bad("MorseSmale.branch", Kind.DOMAIN, "s out of range", "s", () -> MorseSmale.branch(well, set, set.size(), true, 1, mo));
        bad("MorseSmale.branch", Kind.DOMAIN, "sign 0", "sign", () -> MorseSmale.branch(well, set, set.indexOf("a"), true, 0, mo));
        bad("MorseSmale.signedMiss", Kind.DOMAIN, "rho −1", "rho", () -> MorseSmale.signedMiss(well, new double[2], new double[] {1, 0}, new double[] {1, 0}, new double[] {0, 1}, -1, mo));
        bad("MorseSmale.signedMiss", Kind.MISMATCH, "other of length 3", "other", () -> MorseSmale.signedMiss(well, new double[2], new double[] {1, 0}, new double[3], new double[] {0, 1}, 0.1, mo));
        bad("MorseSmale.BasinOptions", Kind.NAN, "lower1 NaN", "lower1", () -> new MorseSmale.BasinOptions(NAN, 1, -1, 1, 11, 0.02, 10, 1e-3, 0));
        bad("MorseSmale.BasinOptions", Kind.HUGE, "tMax/dt beyond int", "tMax", () -> new MorseSmale.BasinOptions(-1, 1, -1, 1, 11, 1e-9, 1e3, 1e-3, 0));
        bad("MorseSmale.basins", Kind.NULL, "progress null", "progress", () -> MorseSmale.basins(well, set, MorseSmale.BasinOptions.square(2, 5, 0), null));
        bad("MorseSmale.maxRadialVelocity", Kind.ZERO_SIZE, "samples 0", "samples", () -> MorseSmale.maxRadialVelocity(well, 2, 0));
        bad("MorseSmale.maxRadialVelocity", Kind.NAN, "radius NaN", "radius", () -> MorseSmale.maxRadialVelocity(well, NAN, 10));

        bad("HebbianPgd.run", Kind.NAN, "w0 with NaN", "w0", () -> HebbianPgd.run(new double[][] {{1, -1}}, new double[] {NAN, 0, 0, 1}, HebbianPgd.Options.figure6(), Progress.NONE));
        bad("HebbianPgd.run", Kind.MISMATCH, "w0 of length 3", "w0", () -> HebbianPgd.run(new double[][] {{1, -1}}, new double[3], HebbianPgd.Options.figure6(), Progress.NONE));
        bad("HebbianPgd.run", Kind.NULL, "w0 null", "w0", () -> HebbianPgd.run(new double[][] {{1, -1}}, null, HebbianPgd.Options.figure6(), Progress.NONE));
        bad("HebbianPgd.hebbian", Kind.RAGGED, "ragged patterns", "patterns", () -> HebbianPgd.hebbian(RAGGED2));
        bad("HebbianPgd.hebbian", Kind.EMPTY, "no patterns", "patterns", () -> HebbianPgd.hebbian(new double[0][]));
        bad("HebbianPgd.figure10Init", Kind.ZERO_SIZE, "n 0", "n", () -> HebbianPgd.figure10Init(0));
        bad("HebbianPgd.figure10Init", Kind.HUGE, "n² beyond int", "n", () -> HebbianPgd.figure10Init(100_000));

        bad("StructuralStability.floorEigenvalues", Kind.NAN, "matrix with NaN", "symmetric", () -> StructuralStability.floorEigenvalues(new double[] {1, NAN, NAN, 1}, 2, 0.1));
        bad("StructuralStability.floorEigenvalues", Kind.ZERO_SIZE, "n 0", "n", () -> StructuralStability.floorEigenvalues(new double[0], 0, 0.1));
        bad("StructuralStability.softmaxJacobianRank", Kind.NAN, "p with NaN", "p", () -> StructuralStability.softmaxJacobianRank(new double[] {NAN, 0.5}));
        bad("StructuralStability.softmaxJacobianRank", Kind.EMPTY, "p empty", "p", () -> StructuralStability.softmaxJacobianRank(new double[0]));
        bad("StructuralStability.modernHopfield", Kind.MISMATCH, "v of length 3", "v", () -> StructuralStability.modernHopfield(new ModernHopfieldEnergy(I2, 2), new double[3]));
        bad("StructuralStability.hopfieldOrigin", Kind.MISMATCH, "weights of length 3", "weights", () -> StructuralStability.hopfieldOrigin(new double[3], 1));

        bad("ContinuousHopfield.new", Kind.EMPTY, "no weights", "weights", () -> new ContinuousHopfield(new double[0], 1));
        ContinuousHopfield ch = new ContinuousHopfield(new double[] {0, 1, 1, 0}, 0.5);
        bad("ContinuousHopfield.recall", Kind.NAN, "u0 with NaN", "u0", () -> ch.recall(new double[] {NAN, 0}, 1));
        bad("ContinuousHopfield.recall", Kind.NAN, "time NaN", "time", () -> ch.recall(new double[] {1, 0}, NAN));
        bad("ContinuousHopfield.recallRate", Kind.NAN, "noise NaN", "noise", () -> ch.recallRate(new double[] {1, -1}, NAN, 2, 1, 1));
        bad("ContinuousHopfield.energy", Kind.MISMATCH, "u of length 3", "u", () -> ch.energy(new double[3]));
        bad("GaussianMixtureEnergy.new", Kind.RAGGED, "ragged means", "means", () -> new GaussianMixtureEnergy(RAGGED2, 1));
        bad("GaussianMixtureEnergy.gradient", Kind.MISMATCH, "x of length 1", "x", () -> { new GaussianMixtureEnergy(I2, 1).gradient(new double[1], new double[2]); return null; });
        bad("ModernHopfieldEnergy.new", Kind.NAN, "beta NaN", "beta", () -> new ModernHopfieldEnergy(I2, NAN));
        bad("ModernHopfieldEnergy.weightsAt", Kind.NAN, "v with NaN", "v", () -> new ModernHopfieldEnergy(I2, 2).weightsAt(new double[] {NAN, 0}));
        bad("VpDiffusion.new", Kind.NAN, "sd NaN", "sd", () -> new VpDiffusion(I2, NAN));
        VpDiffusion vp = new VpDiffusion(I2, 0.1);
        bad("VpDiffusion.sample", Kind.NAN, "tEnd NaN", "tEnd", () -> vp.sample(2, 10, NAN, 1));
        bad("VpDiffusion.sample", Kind.DOMAIN, "tEnd 2 (after t = 1)", "tEnd", () -> vp.sample(2, 10, 2, 1));
        bad("VpDiffusion.score", Kind.MISMATCH, "x of length 3", "x", () -> vp.score(0.5, new double[3], new double[3]));
    }

    // ================================================================================================ embed

    void embed() {
        double[][] data = new double[12][];
        for (int i = 0; i < data.length; i++) data[i] = new double[] {i % 3, i / 3.0, (i * 7) % 5};
        bad("NearestNeighbors.of", Kind.NULL, "metric null", "metric", () -> NearestNeighbors.of(data, 3, null));
        bad("NearestNeighbors.of", Kind.NAN, "data with NaN", "data", () -> NearestNeighbors.of(withNan(data), 3, NearestNeighbors.Metric.EUCLIDEAN));
        bad("NearestNeighbors.of", Kind.ZERO_SIZE, "k 0", "k", () -> NearestNeighbors.of(data, 0, NearestNeighbors.Metric.EUCLIDEAN));
        bad("NearestNeighbors.of", Kind.ONE_ELEMENT, "one row (no neighbour)", "data", () -> NearestNeighbors.of(new double[][] {{1, 2}}, 1, NearestNeighbors.Metric.EUCLIDEAN));
        bad("NearestNeighbors.of", Kind.RAGGED, "ragged data", "data", () -> NearestNeighbors.of(RAGGED2, 1, NearestNeighbors.Metric.EUCLIDEAN));
        bad("NearestNeighbors.query", Kind.MISMATCH, "queries of 2 columns", "queries", () -> NearestNeighbors.query(data, I2, 2, NearestNeighbors.Metric.EUCLIDEAN));
        bad("NearestNeighbors.query", Kind.NULL, "metric null", "metric", () -> NearestNeighbors.query(data, data, 2, null));
        bad("NearestNeighbors.distance", Kind.MISMATCH, "vectors of lengths 2 and 3", "y", () -> NearestNeighbors.distance(new double[2], new double[3], NearestNeighbors.Metric.EUCLIDEAN));
        bad("NearestNeighbors.distance", Kind.NULL, "metric null", "metric", () -> NearestNeighbors.distance(new double[2], new double[2], null));
        bad("NearestNeighbors.distance", Kind.NAN, "x with NaN", "x", () -> NearestNeighbors.distance(new double[] {NAN, 0}, new double[2], NearestNeighbors.Metric.CORRELATION));
        bad("NearestNeighbors.distance", Kind.EMPTY, "empty vectors", "x", () -> NearestNeighbors.distance(new double[0], new double[0], NearestNeighbors.Metric.CORRELATION));

        bad("Pca.fit", Kind.HUGE, "values ±1e308", "x", () -> Pca.fit(new double[][] {{HUGE, 0}, {-HUGE, 1}, {0, 2}}, Pca.Options.twoD()));
        bad("Pca.fit", Kind.NAN, "x with NaN", "x", () -> Pca.fit(withNan(data), Pca.Options.twoD()));
        bad("Pca.fit", Kind.ONE_ELEMENT, "one row", "x", () -> Pca.fit(new double[][] {{1, 2}}, Pca.Options.twoD()));
        bad("Pca.fit", Kind.NULL, "options null", "options", () -> Pca.fit(data, null));
        bad("Pca.fit", Kind.MISMATCH, "3 components of 2 columns", "components", () -> Pca.fit(I2, new Pca.Options(3)));
        Pca pca = Pca.fit(data, Pca.Options.twoD());
        bad("Pca.project", Kind.MISMATCH, "x of 2 columns", "x", () -> pca.project(I2));
        bad("Pca.scores", Kind.DOMAIN, "c = 2 of 2 components", "c", () -> pca.scores(2));

        bad("Umap.Options.of", Kind.DOMAIN, "neighbors = 'many'", "neighbors", () -> Umap.Options.of(Map.of("neighbors", "many")));
        bad("Umap.Options.of", Kind.DOMAIN, "metric = 'cosine'", "metric", () -> Umap.Options.of(Map.of("metric", "cosine")));
        bad("Umap.Options.of", Kind.NULL, "map null", "m", () -> Umap.Options.of(null));
        Umap.Options uo = Umap.Options.quick().withNeighbors(4).withEpochs(10);
        bad("Umap.fit", Kind.NAN, "x with NaN", "x", () -> Umap.fit(withNan(data), uo));
        bad("Umap.fit", Kind.DOMAIN, "neighbors ≥ points", "neighbors", () -> Umap.fit(I2, uo));
        bad("Umap.fit", Kind.NULL, "options null", "options", () -> Umap.fit(data, null));
        NearestNeighbors knn = Umap.neighbors(data, uo);
        double[][] infDist = new double[data.length][];
        for (int i = 0; i < infDist.length; i++) { infDist[i] = knn.distances()[i].clone(); infDist[i][0] = INF; }
        bad("Umap.fit", Kind.INFINITE, "k-NN graph with ∞ distances", "knn", () -> Umap.fit(data, new NearestNeighbors(knn.neighbors(), infDist), uo));
        int[][] badIdx = new int[data.length][];
        for (int i = 0; i < badIdx.length; i++) { badIdx[i] = knn.neighbors()[i].clone(); badIdx[i][0] = 99; }
        bad("Umap.fit", Kind.DOMAIN, "k-NN graph with index 99 of 12 points", "knn", () -> Umap.fit(data, new NearestNeighbors(badIdx, knn.distances()), uo));
        bad("Umap.fit", Kind.NULL, "knn null", "knn", () -> Umap.fit(data, null, uo));
        Umap umap = Umap.fit(data, uo);
        bad("Umap.transform", Kind.NAN, "points with NaN", "points", () -> umap.transform(new double[][] {{NAN, 0, 0}}));
        bad("Umap.transform", Kind.MISMATCH, "points of 2 columns", "points", () -> umap.transform(I2));
        bad("Umap.toTable", Kind.MISMATCH, "3 labels for 12 points", "labels", () -> umap.toTable(new int[3]));

        bad("EmbeddingQuality.knnLabelAgreement", Kind.DOMAIN, "label −1", "labels", () -> EmbeddingQuality.knnLabelAgreement(data, new int[] {-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 3));
        bad("EmbeddingQuality.knnLabelAgreement", Kind.NULL, "labels null", "labels", () -> EmbeddingQuality.knnLabelAgreement(data, null, 3));
        bad("EmbeddingQuality.allFinite", Kind.NULL, "embedding null", "embedding", () -> EmbeddingQuality.allFinite(null));
    }

    // ================================================================================================ data

    static Path npy(String name, String header, int dataBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) h.length).array());
        out.write(h);
        out.write(new byte[dataBytes]);
        Path f = dir.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    void data() {
        try {
            Path overflow = npy("overflow.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (65536, 65536, 65536), }", 0);
            Path badDim = npy("baddim.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, x), }", 16);
            Path negative = npy("negative.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (-2, -4), }", 64);
            Path huge = npy("hugedim.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", 8);
            bad("Npy.read", Kind.HUGE, "shape whose product overflows", "overflow.npy", () -> Npy.read(overflow));
            bad("Npy.read", Kind.DOMAIN, "shape (2, x)", "baddim.npy", () -> Npy.read(badDim));
            bad("Npy.read", Kind.NEGATIVE_SIZE, "shape (−2, −4)", "negative.npy", () -> Npy.read(negative));
            bad("Npy.read", Kind.HUGE, "dimension beyond int", "hugedim.npy", () -> Npy.read(huge));
            bad("Npy.read", Kind.NULL, "file null", "file", () -> Npy.read(null));
            badFile("Npy.read", "missing file", "missing.npy", () -> Npy.read(dir.resolve("missing.npy")));
            bad("Npy.rows", Kind.ZERO_SIZE, "0-d array", "shape", () -> new Npy(new int[0], new double[] {1}).rows());
            bad("Npy.rows", Kind.ZERO_SIZE, "shape (2, 0)", "shape", () -> new Npy(new int[] {2, 0}, new double[0]).rows());
            bad("Npy.new", Kind.MISMATCH, "shape (2, 2) with 3 values", "data", () -> new Npy(new int[] {2, 2}, new double[3]));

            Path idxImages = dir.resolve("huge-images-idx3-ubyte");
            Files.write(idxImages, ByteBuffer.allocate(16).putInt(0x803).putInt(100_000).putInt(200).putInt(200).array());
            Path idxLabels = dir.resolve("labels-idx1-ubyte");
            Files.write(idxLabels, ByteBuffer.allocate(8).putInt(0x801).putInt(100_000).array());
            bad("Mnist.readIdx", Kind.HUGE, "header 100000×200×200 beyond int", "huge-images-idx3-ubyte", () -> Mnist.readIdx(idxImages, idxLabels, "test"));
            bad("Mnist.readIdx", Kind.NULL, "imagesFile null", "imagesFile", () -> Mnist.readIdx(null, idxLabels, "test"));
            badFile("Mnist.readNpmJson", "missing directory", "nowhere", () -> Mnist.readNpmJson(dir.resolve("nowhere")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Digits digits = new Digits(new byte[8], new int[] {1, 2}, 2, 2, "test");
        bad("Digits.new", Kind.NULL, "pixels null", "pixels", () -> new Digits(null, new int[] {1}, 2, 2, "t"));
        bad("Digits.first", Kind.NEGATIVE_SIZE, "n −1", "n", () -> digits.first(-1));
        bad("Digits.subset", Kind.NULL, "indices null", "indices", () -> digits.subset(null));
        bad("Digits.image01", Kind.DOMAIN, "i = 2 of 2 images", "i", () -> digits.image01(2));
        bad("Digits.raw", Kind.DOMAIN, "j = 4 of 4 pixels", "j", () -> digits.raw(0, 4));
        bad("TrainingSet200.new", Kind.DOMAIN, "class 10", "classes", () -> new TrainingSet200(new double[][] {{0, 1}}, new int[] {10}, "t"));
        bad("TrainingSet200.redrawn", Kind.NULL, "digits null", "digits", () -> TrainingSet200.redrawn(null, 1));
        bad("TrainingSet200.image", Kind.DOMAIN, "i = 1 of 1 image", "i", () -> new TrainingSet200(new double[][] {{0, 1}}, new int[] {1}, "t").image(1));
        try {
            Path csv = dir.resolve("lineages.csv");
            StringBuilder sb = new StringBuilder("lineage,g1\n");
            for (String s : BloodLineages.SHORT) sb.append(s).append(",").append(s.equals("Mk") ? "oops" : "1").append('\n');
            Files.writeString(csv, sb.toString());
            bad("BloodLineages.load", Kind.FILE, "a cell that is not a number", "lineages.csv", () -> BloodLineages.load(csv));
            Path zero = dir.resolve("zero-lineages.csv");
            Files.writeString(zero, sb.toString().replace("oops", "0").replace(",1\n", ",0\n"));
            bad("BloodLineages.load", Kind.DOMAIN, "all-zero lineage rows (cannot be normalised)", "zero-lineages.csv", () -> BloodLineages.load(zero));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        badFile("BloodLineages.load", "missing file", "no-lineages.csv", () -> BloodLineages.load(dir.resolve("no-lineages.csv")));
        bad("BloodLineages.new", Kind.NULL, "names null", "names", () -> new BloodLineages(null, I2, List.of("a", "b"), "t", true));
    }

    // ================================================================================================ table

    static Table smallTable() {
        return Table.create("t", DoubleColumn.create("x", new double[] {1.0 / 3, 0.370370367}),
                StringColumn.create("s", new String[] {"", " x "}));
    }

    void table() {
        Provenance prov = new Provenance(Map.of("a", "1"), 1, "0.1.0", "abc");
        bad("ResultTables.save", Kind.NULL, "table null", "table", () -> ResultTables.save(null, dir.resolve("t.csv"), prov));
        bad("ResultTables.save", Kind.NULL, "file null", "file", () -> ResultTables.save(smallTable(), null, prov));
        bad("ResultTables.save", Kind.NULL, "provenance null", "provenance", () -> ResultTables.save(smallTable(), dir.resolve("t.csv"), null));
        either("ResultTables.save/load", Kind.EMPTY, "strings \"\" and \" x \"", "s", "exact round trip of \"\" and \" x \"",
                () -> ResultTables.load(ResultTables.save(smallTable(), dir.resolve("strings.csv"), prov)).table(),
                r -> r instanceof Table t && t.stringColumn("s").get(0).equals("") && t.stringColumn("s").get(1).equals(" x ")
                        && t.doubleColumn("x").get(1) == 0.370370367);
        Map<String, String> colon = new LinkedHashMap<>();
        colon.put("time: unit", "s: seconds");
        either("ResultTables.save/load", Kind.DOMAIN, "provenance key \"time: unit\"", "time: unit", "the key and value round-trip",
                () -> ResultTables.load(ResultTables.save(smallTable(), dir.resolve("colon.csv"), new Provenance(colon, 1, "0.1.0", "abc"))).provenance(),
                r -> r instanceof Provenance p && "s: seconds".equals(p.parameters().get("time: unit")));
        bad("ResultTables.load", Kind.FILE, "provenance lines removed", "stripped.csv", () -> {
            Path f = ResultTables.save(smallTable(), dir.resolve("stripped.csv"), prov);
            List<String> lines = new ArrayList<>(Files.readAllLines(f));
            lines.removeIf(l -> l.startsWith("# ") && !l.startsWith("# columns"));
            Files.write(f, lines);
            return ResultTables.load(f);
        });
        bad("ResultTables.load", Kind.FILE, "last number truncated (0.37 for 0.370370367)", "truncated.csv", () -> {
            Path f = ResultTables.save(smallTable(), dir.resolve("truncated.csv"), prov);
            String s = Files.readString(f);
            int cut = s.lastIndexOf("0.370370367") + 4;
            Files.writeString(f, s.substring(0, cut));
            return ResultTables.load(f);
        });
        bad("ResultTables.load", Kind.FILE, "a row with a missing cell", "short-row.csv", () -> {
            Path f = ResultTables.save(smallTable(), dir.resolve("short-row.csv"), prov);
            String s = Files.readString(f).replace("0.3333333333333333,", "");
            Files.writeString(f, s);
            return ResultTables.load(f);
        });
        badFile("ResultTables.load", "missing file", "nothing.csv", () -> ResultTables.load(dir.resolve("nothing.csv")));
        bad("ResultTables.load", Kind.NULL, "file null", "file", () -> ResultTables.load(null));
        bad("Provenance.new", Kind.NULL, "parameters null", "parameters", () -> new Provenance(null, 1, "0.1", "abc"));
        bad("Provenance.new", Kind.DOMAIN, "a key with a line break", "parameters", () -> new Provenance(Map.of("a\nb", "1"), 1, "0.1", "abc"));
        bad("Provenance.of", Kind.NULL, "parameters null", "parameters", () -> Provenance.of(null, 1));
        bad("Provenance.fromMap", Kind.DOMAIN, "no version", "hopscape.version", () -> Provenance.fromMap(Map.of("seed", "1", "hopscape.commit", "abc")));
        bad("Provenance.fromMap", Kind.DOMAIN, "seed 'x'", "seed", () -> Provenance.fromMap(Map.of("seed", "x", "hopscape.version", "0.1")));
        bad("ReproductionCheck.close", Kind.DOMAIN, "tolerance −1", "tolerance", () -> new ReproductionCheck("nb").close("c", "s", 1, 1, -1));
        bad("ReproductionCheck.close", Kind.NAN, "tolerance NaN", "tolerance", () -> new ReproductionCheck("nb").close("c", "s", 1, 1, NAN));
        bad("ReproductionCheck.add", Kind.NULL, "claim null", "claim", () -> new ReproductionCheck("nb").add(null, "s", "e", "m", true));
    }

    // ================================================================================================ util

    void util() {
        either("Rng.sampleWithoutReplacement", Kind.HUGE, "2 of n = 2³¹ − 1", "n", "two distinct sorted indices, no n-sized array",
                () -> Rng.sampleWithoutReplacement(Integer.MAX_VALUE, 2, 1), r -> r instanceof int[] a && a.length == 2 && a[0] < a[1]);
        bad("Rng.sampleWithoutReplacement", Kind.NEGATIVE_SIZE, "n −1", "n", () -> Rng.sampleWithoutReplacement(-1, 0, 1));
        bad("Rng.gaussians", Kind.NEGATIVE_SIZE, "n −1", "n", () -> Rng.gaussians(Rng.of(1), -1, 1));
        bad("Rng.gaussians", Kind.NAN, "sd NaN", "sd", () -> Rng.gaussians(Rng.of(1), 2, NAN));
        bad("Rng.gaussians", Kind.NULL, "r null", "r", () -> Rng.gaussians(null, 2, 1));
        bad("Rng.gaussians", Kind.HUGE, "rows·cols = 10¹⁰", "rows", () -> Rng.gaussians(Rng.of(1), 100_000, 100_000, 1));
        bad("AtomicFiles.write", Kind.NULL, "target null", "target", () -> AtomicFiles.write(null, o -> {}));
        bad("AtomicFiles.write", Kind.NULL, "body null", "body", () -> AtomicFiles.write(dir.resolve("w.txt"), null));
        bad("AtomicFiles.writeString", Kind.NULL, "text null", "text", () -> AtomicFiles.writeString(dir.resolve("w.txt"), null));
        bad("AtomicFiles.write", Kind.FILE, "target is a directory", "adir", () -> {
            Files.createDirectories(dir.resolve("adir"));
            return AtomicFiles.writeString(dir.resolve("adir"), "x");
        });
    }

    // ================================================================================================ learning

    void learning() {
        double[][] mem = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        Annealing.Options ao = Annealing.Options.paper().withThreads(1);
        bad("Annealing.Options", Kind.HUGE, "rampTime/dt beyond int", "rampTime", () -> new Annealing.Options(0.05, 50, 1e300, 0, 1e-3, 0.1, 1, Progress.NONE));
        bad("Annealing.Options", Kind.HUGE, "holdTime/dt beyond int", "holdTime", () -> new Annealing.Options(0.05, 50, 1, 1e300, 1e-3, 0.1, 1, Progress.NONE));
        bad("Annealing.new", Kind.NULL, "options null", "options", () -> new Annealing(mem, null));
        bad("Annealing.new", Kind.NAN, "memories with NaN", "memories", () -> new Annealing(withNan(mem), ao));
        Annealing ann = new Annealing(mem, ao);
        bad("Annealing.run", Kind.NULL, "rec null", "rec", () -> ann.run(new double[3], 4, 1, null));
        bad("Annealing.run", Kind.NAN, "w with NaN", "w", () -> ann.run(new double[] {NAN, 0, 0}, 4, 1, Annealing.Recording.NONE));
        bad("Annealing.run", Kind.HUGE, "10⁹ cells × 2001 stored states", "rec", () -> ann.run(new double[3], 1_000_000_000, 1, new Annealing.Recording(1_000_000_000, 0.01, 0)));
        bad("Annealing.project", Kind.MISMATCH, "x of length 2", "x", () -> ann.project(new double[2]));
        bad("Annealing.boost", Kind.NULL, "mode null", "mode", () -> Annealing.boost(new double[3], 0, null, 0.2));
        bad("Annealing.boost", Kind.NULL, "w null", "w", () -> Annealing.boost(null, 0, Annealing.Boost.ADD, 0.2));
        bad("Annealing.path", Kind.NAN, "x0 with NaN", "x0", () -> Annealing.path(GeneralizedHopfield.symmetric(mem, new double[3], 1), new double[] {NAN, 0, 0}, ao, 1, 1));
        bad("Annealing.path", Kind.NAN, "every NaN", "every", () -> Annealing.path(GeneralizedHopfield.symmetric(mem, new double[3], 1), new double[3], ao, NAN, 1));
        bad("Annealing.path", Kind.NULL, "model null", "model", () -> Annealing.path(null, new double[3], ao, 1, 1));
        Annealing.Run run = ann.run(new double[3], 8, 1, new Annealing.Recording(2, 1, 1));
        bad("Annealing.Run.shareAt", Kind.DOMAIN, "fate 3 of 3", "fate", () -> run.shareAt(3, 0, 1));
        bad("Annealing.Run.dropoutBetas", Kind.NAN, "threshold NaN", "threshold", () -> run.dropoutBetas(0, NAN));
        bad("Annealing.Run.fractionsTable", Kind.NULL, "names null", "names", () -> run.fractionsTable(null, "t"));
        bad("AnnealingFeedback.balance", Kind.NAN, "w0 with NaN", "w0", () -> AnnealingFeedback.balance(ann, new double[] {NAN, 0, 0}, AnnealingFeedback.Options.quick(), 1, List.of("a", "b", "c")));
        bad("AnnealingFeedback.balance", Kind.NULL, "annealing null", "annealing", () -> AnnealingFeedback.balance(null, new double[3], AnnealingFeedback.Options.quick(), 1, List.of("a", "b", "c")));
        bad("AnnealingFeedback.Options", Kind.NULL, "gains null", "gains", () -> new AnnealingFeedback.Options(10, null, new int[] {1}, Progress.NONE));

        bad("Clamping.Cyclic.probabilities", Kind.ZERO_SIZE, "0 memories", "memories", () -> new Clamping.Cyclic().probabilities(0));
        bad("Clamping.Cyclic.sequence", Kind.ZERO_SIZE, "0 memories", "memories", () -> new Clamping.Cyclic().sequence(0, 5, Rng.of(1)));
        bad("Clamping.Iid.sequence", Kind.NEGATIVE_SIZE, "steps −1", "steps", () -> Clamping.Iid.uniform().sequence(2, -1, Rng.of(1)));
        bad("Clamping.Iid", Kind.NAN, "p with NaN", "p", () -> new Clamping.Iid(new double[] {NAN, 1}));

        bad("HebbianRecovery.gram", Kind.NAN, "memories with NaN", "memories", () -> HebbianRecovery.gram(withNan(mem)));
        bad("HebbianRecovery.couplings", Kind.EMPTY, "no memories", "memories", () -> HebbianRecovery.couplings(new double[0][]));
        bad("HebbianRecovery.eq24", Kind.NAN, "a with NaN", "a", () -> HebbianRecovery.eq24(mem, mem, new double[] {NAN, 0, 0}));
        bad("HebbianRecovery.relativeDistance", Kind.DOMAIN, "b = 0 (‖b‖ = 0)", "b", () -> HebbianRecovery.relativeDistance(I2, new double[2][2]));
        bad("HebbianRecovery.relativeDistance", Kind.NULL, "a null", "a", () -> HebbianRecovery.relativeDistance(null, I2));
        bad("HebbianRecovery.pavlovRhs", Kind.NAN, "beta NaN", "beta", () -> { HebbianRecovery.pavlovRhs(I2, NAN, new double[2], new double[2], new double[2]); return null; });
        bad("HebbianRecovery.pavlovRhs", Kind.RAGGED, "ragged couplings", "couplings", () -> { HebbianRecovery.pavlovRhs(new double[][] {{1, 0}, {1}}, 1, new double[2], new double[2], new double[2]); return null; });
        bad("HebbianRecovery.rotate", Kind.NAN, "u with NaN", "u", () -> HebbianRecovery.rotate(withNan(I2), I2));

        bad("MemoryConvergence.decay", Kind.NAN, "t NaN", "t", () -> MemoryConvergence.decay(NAN, 1));
        bad("MemoryConvergence.discreteDecay", Kind.NEGATIVE_SIZE, "presentations −1", "presentations", () -> MemoryConvergence.discreteDecay(-1, 1, 10));
        bad("MemoryConvergence.discreteDecay", Kind.DOMAIN, "dt > tau", "dt", () -> MemoryConvergence.discreteDecay(3, 5, 1));
        bad("MemoryConvergence.eq40", Kind.DOMAIN, "initialOverlap 2", "initialOverlap", () -> MemoryConvergence.eq40(2, 0.5));
        bad("MemoryConvergence.eq40", Kind.NAN, "a NaN", "a", () -> MemoryConvergence.eq40(0.5, NAN));
        bad("MemoryConvergence.cosine", Kind.DOMAIN, "normRatio −1", "normRatio", () -> MemoryConvergence.cosine(0.5, -1, 0.5));
        bad("MemoryConvergence.largeN", Kind.NAN, "sigma NaN", "sigma", () -> MemoryConvergence.largeN(NAN, 0.5));

        SoftmaxSynapses.Options so = SoftmaxSynapses.Options.paper().withSteps(20);
        bad("SoftmaxSynapses.patterns", Kind.ZERO_SIZE, "0 memories", "memories", () -> SoftmaxSynapses.patterns(0, 5, 0.1, 1));
        bad("SoftmaxSynapses.patterns", Kind.HUGE, "memories·visible beyond int", "visible", () -> SoftmaxSynapses.patterns(100_000, 100_000, 0.1, 1));
        bad("SoftmaxSynapses.Options", Kind.HUGE, "2³¹ − 1 steps recorded at every step", "steps", () -> SoftmaxSynapses.run(so.withSteps(Integer.MAX_VALUE), 1));
        SoftmaxSynapses.Patterns sp = SoftmaxSynapses.patterns(4, 50, 0.4, 1);
        bad("SoftmaxSynapses.run", Kind.NULL, "sequence null", "sequence", () -> SoftmaxSynapses.run(so, sp, null, 1));
        bad("SoftmaxSynapses.run", Kind.NULL, "options null", "o", () -> SoftmaxSynapses.run(null, sp, new int[20], 1));
        bad("SoftmaxSynapses.Patterns", Kind.NAN, "initial with NaN", "initial", () -> {
            double[] init = new double[4];
            init[0] = NAN;
            return new SoftmaxSynapses.Patterns(2, 2, init, new double[4]);
        });
        bad("SoftmaxSynapses.softmaxWeights", Kind.MISMATCH, "xi shorter than nh·nv", "xi", () -> { SoftmaxSynapses.softmaxWeights(new double[3], new double[2], 0, 2, 2, 1, new double[2]); return null; });
        bad("SoftmaxSynapses.betaSweep", Kind.NAN, "beta NaN", "betas", () -> SoftmaxSynapses.betaSweep(so, new double[] {1, NAN}, 2));
        bad("SoftmaxSynapses.betaSweep", Kind.ZERO_SIZE, "0 seeds", "seeds", () -> SoftmaxSynapses.betaSweep(so, new double[] {1, 2}, 0));
        bad("SoftmaxSynapses.betaSweep", Kind.EMPTY, "no betas", "betas", () -> SoftmaxSynapses.betaSweep(so, new double[0], 2));

        bad("GeneratingFunction.LogSumExp", Kind.NAN, "beta NaN", "beta", () -> new GeneratingFunction.LogSumExp(NAN));
        bad("GeneratingFunction.value", Kind.NULL, "x null", "x", () -> GeneratingFunction.logCosh().value(null));
        bad("GeneratingFunction.value", Kind.NAN, "x with NaN", "x", () -> GeneratingFunction.logCosh().value(new double[] {NAN}));
        bad("QuasiEquilibriumNetwork.tanh", Kind.NULL, "memories null", "memories", () -> QuasiEquilibriumNetwork.tanh(null, null, null));
        bad("QuasiEquilibriumNetwork.linear", Kind.EMPTY, "no memories", "memories", () -> QuasiEquilibriumNetwork.linear(new double[0][]));
        bad("QuasiEquilibriumNetwork.hebbian", Kind.NAN, "betaTilde NaN", "betaTilde", () -> QuasiEquilibriumNetwork.hebbian(I2, NAN, null));
        QuasiEquilibriumNetwork qn = QuasiEquilibriumNetwork.tanh(I2, null, null);
        bad("QuasiEquilibriumNetwork.energy", Kind.NAN, "v with NaN", "v", () -> qn.energy(new double[] {NAN, 0}));
        bad("QuasiEquilibriumNetwork.integrate", Kind.HUGE, "2³¹ − 1 steps (arrays of steps + 1)", "steps", () -> qn.integrate(new double[2], 0.1, Integer.MAX_VALUE));
        bad("QuasiEquilibriumNetwork.jacobianFiniteDifferenceError", Kind.NAN, "h NaN", "h", () -> qn.jacobianFiniteDifferenceError(new double[2], NAN));
        bad("QuasiEquilibriumNetwork.relaxationStep", Kind.NAN, "dt NaN", "dt", () -> QuasiEquilibriumNetwork.relaxationStep(new double[2], new double[2], NAN, 1));
        bad("QuasiEquilibriumNetwork.relaxationStep", Kind.NULL, "x null", "x", () -> QuasiEquilibriumNetwork.relaxationStep(null, new double[2], 1, 1));
    }

    // ================================================================================================ analysis

    void analysis() {
        PseudoInverseDecomposition pid = PseudoInverseDecomposition.of(new double[][] {{1, 0, 0}, {0, 1, 1}}, new int[] {0, 1});
        bad("PseudoInverseDecomposition.alpha", Kind.NAN, "memory with NaN", "memory", () -> pid.alpha(new double[] {NAN, 0, 0}));
        bad("PseudoInverseDecomposition.alpha", Kind.NULL, "memory null", "memory", () -> pid.alpha(null));
        bad("PseudoInverseDecomposition.of", Kind.DOMAIN, "class −1", "classes", () -> PseudoInverseDecomposition.of(I2, new int[] {-1, 0}));
        bad("PseudoInverseDecomposition.aggregated", Kind.ZERO_SIZE, "classCount 0", "classCount", () -> pid.aggregated(new double[2], 0));
        bad("PseudoInverseDecomposition.reconstruct", Kind.MISMATCH, "alpha of length 3", "alpha", () -> pid.reconstruct(new double[3]));
        bad("PseudoInverseDecomposition.reconstructionCount", Kind.NAN, "tolerance NaN", "tolerance", () -> pid.reconstructionCount(new double[3], new double[2], NAN));
        bad("PseudoInverseDecomposition.maxAbs", Kind.NAN, "alpha with NaN", "alpha", () -> PseudoInverseDecomposition.maxAbs(new double[] {NAN, 1}));
        bad("PseudoInverseDecomposition.sample", Kind.DOMAIN, "i = 2 of 2 samples", "i", () -> pid.sample(2));
        MarchenkoPastur mp = MarchenkoPastur.of(50, 100);
        bad("MarchenkoPastur.of", Kind.ZERO_SIZE, "0 memories", "nHidden", () -> MarchenkoPastur.of(0, 10));
        bad("MarchenkoPastur.density", Kind.NAN, "lambda NaN", "lambda", () -> mp.density(NAN));
        bad("MarchenkoPastur.ksDistance", Kind.NAN, "an eigenvalue NaN", "eigenvalues", () -> mp.ksDistance(new double[] {1, NAN}));
        bad("MarchenkoPastur.empiricalBinFractions", Kind.ZERO_SIZE, "0 bins", "bins", () -> mp.empiricalBinFractions(new double[] {1}, 0));
        bad("MarchenkoPastur.outsideFraction", Kind.EMPTY, "no eigenvalues", "eigenvalues", () -> mp.outsideFraction(new double[0]));
        bad("MarchenkoPastur.expectedSmallest", Kind.ZERO_SIZE, "nHidden 0", "nHidden", () -> MarchenkoPastur.expectedSmallest(10, 0));
        bad("Splits.maxPixelDistance", Kind.MISMATCH, "lengths 2 and 3", "b", () -> Splits.maxPixelDistance(new double[2], new double[3]));
        bad("Splits.groupMean", Kind.DOMAIN, "member 5 of 2 rows", "members", () -> Splits.groupMean(new double[4], 2, new int[] {5}));
        bad("Splits.learningEpochs", Kind.EMPTY, "no epochs", "epochs", () -> Splits.learningEpochs(new int[0], new int[0][], 1, 0));
        bad("Splits.greedyClusters", Kind.NAN, "memory with NaN", "memories", () -> Splits.greedyClusters(withNan(I2), 0.1));
        TrajectoryPca tp = TrajectoryPca.fit(new double[][] {{0, 0, 1}, {1, 2, 0}, {2, 1, 1}}, 2);
        bad("TrajectoryPca.project", Kind.NAN, "x with NaN", "x", () -> tp.project(new double[] {NAN, 0, 0}));
        bad("TrajectoryPca.projectAll", Kind.RAGGED, "ragged xs", "xs", () -> tp.projectAll(new double[][] {{0, 0, 0}, {0}}));
        bad("TrajectoryPca.fit", Kind.ONE_ELEMENT, "one state", "states", () -> TrajectoryPca.fit(new double[][] {{1, 2}}, 1));
        bad("TwoMemorySystem.new", Kind.DOMAIN, "gramAB 900 with gramAA 753, gramBB 719 (no Gram matrix)", "gramAB",
                () -> new TwoMemorySystem(753, 900, 719, 700, 2, 10));
        bad("TwoMemorySystem.new", Kind.NAN, "temperature NaN", "temperature", () -> new TwoMemorySystem(753, 494, 719, NAN, 2, 10));
        TwoMemorySystem two = Fig5System.at(10);
        bad("TwoMemorySystem.iterate", Kind.NAN, "alpha NaN", "alpha", () -> two.iterate(NAN, 0.5, 0, 0.01, 10));
        bad("TwoMemorySystem.iterate", Kind.DOMAIN, "(alpha, beta) outside the diamond", "alpha", () -> two.iterate(0.9, 0.9, 0, 0.01, 10));
        bad("TwoMemorySystem.iterate", Kind.HUGE, "2³¹ − 1 epochs (epochs + 1 rows)", "epochs", () -> two.iterate(0.5, 0.5, 0, 0.01, Integer.MAX_VALUE));
        bad("TwoMemorySystem.gradients", Kind.NAN, "ell NaN", "ell", () -> { two.gradients(0.5, 0.5, NAN, new double[4]); return null; });
        bad("FixedPointContinuation.track", Kind.NULL, "system null", "system", () -> FixedPointContinuation.track(null, FixedPointContinuation.Options.quick()));
        bad("FixedPointContinuation.Options", Kind.HUGE, "nStep 1e-300 (n grid beyond an array)", "nStep",
                () -> new FixedPointContinuation.Options(1.2, 71.9, 1e-300, 4000, 1e-3, 1, Progress.NONE));
        bad("Hyperbolicity.Options", Kind.NULL, "gapDraws null", "gapDraws", () -> new Hyperbolicity.Options(new int[] {10}, new double[] {0.2}, null, new int[] {1}, 1));
        bad("Hyperbolicity.Options", Kind.HUGE, "N_v = 10⁶ at α = 0.5 (N_h × N_v beyond an array)", "memories",
                () -> new Hyperbolicity.Options(new int[] {1_000_000}, new double[] {0.5}, new int[] {1}, new int[] {1}, 1));
        bad("Hyperbolicity.distanceFromOne", Kind.EMPTY, "no eigenvalues", "eigenvalues", () -> Hyperbolicity.distanceFromOne(new double[0]));
        bad("MarchenkoPasturSpectra.run", Kind.HUGE, "loads × draws beyond an array", "draws",
                () -> MarchenkoPasturSpectra.run(new MarchenkoPasturSpectra.Options(10, new double[] {0.5, 0.6}, Integer.MAX_VALUE, 1, 10, 1), 1));
        DenseClassifier start = DenseClassifier.gaussian(2, 4, 3, 2, 4, 5);
        double[][] xs = {{1, 0, 0, 1}, {0, 1, 1, 0}};
        KrotovTrainer.Options ko = KrotovTrainer.Options.paper(3);
        bad("KrotovTrainer.train", Kind.NULL, "initial null", "initial", () -> KrotovTrainer.train(null, xs, new int[] {0, 1}, ko));
        bad("KrotovTrainer.train", Kind.NULL, "options null", "options", () -> KrotovTrainer.train(start, xs, new int[] {0, 1}, null));
        bad("KrotovTrainer.train", Kind.NAN, "sample with NaN", "samples", () -> KrotovTrainer.train(start, withNan(xs), new int[] {0, 1}, ko));
        bad("KrotovTrainer.train", Kind.MISMATCH, "samples of 3 pixels", "samples", () -> KrotovTrainer.train(start, new double[][] {{1, 0, 0}}, new int[] {0}, ko));
        bad("KrotovTrainer.train", Kind.DOMAIN, "class 3 of 3", "classes", () -> KrotovTrainer.train(start, xs, new int[] {0, 3}, ko));
        bad("KrotovTrainer.train", Kind.HUGE, "temperature 1e-300 (training overflows)", "temperature",
                () -> KrotovTrainer.train(new DenseClassifier(new double[][] {{0.5, 0.5, -0.5, -0.5}, {0.1, 0.2, 0.3, 0.4}},
                        new double[][] {{1, -1, 0}, {0, 1, -1}}, 2, 1e-300), new double[][] {{1, 1, -1, -1}, {1, -1, 1, -1}},
                        new int[] {0, 1}, ko));
        bad("KrotovTrainer.trainAll", Kind.NULL, "runs null", "runs", () -> KrotovTrainer.trainAll(null, 1, Progress.NONE));
        bad("KrotovTrainer.Run", Kind.DOMAIN, "class −1", "classes", () -> new KrotovTrainer.Run(start, xs, new int[] {-1, 0}, ko));
        bad("KrotovTrainer.Options.of", Kind.DOMAIN, "epochs 'ten'", "epochs", () -> KrotovTrainer.Options.of(Map.of("epochs", "ten")));
        bad("KrotovTrainer.trainBatched", Kind.ZERO_SIZE, "runsPerBatch 0", "runsPerBatch", () -> KrotovTrainer.trainBatched(List.of(), 1, 0, Progress.NONE));
        java.util.function.IntFunction<Table> rows = i -> Table.create("r", DoubleColumn.create("x", new double[] {i}));
        bad("Sweep.run", Kind.NULL, "task null", "task", () -> Sweep.run("s", "s/1", 2, null, Map.of(), 1, Sweep.Options.inMemory()));
        bad("Sweep.run", Kind.NULL, "parameters null", "parameters", () -> Sweep.run("s", "s/1", 2, rows, null, 1, Sweep.Options.inMemory()));
        bad("Sweep.run", Kind.NULL, "options null", "options", () -> Sweep.run("s", "s/1", 2, rows, Map.of(), 1, null));
        bad("Sweep.run", Kind.ZERO_SIZE, "0 points", "points", () -> Sweep.run("s", "s/1", 0, rows, Map.of(), 1, Sweep.Options.inMemory()));
        bad("Sweep.run", Kind.DOMAIN, "a point that throws names the sweep and the point", "point 1",
                () -> Sweep.run("s", "s/1", 3, i -> {
                    if (i == 1) throw new IllegalArgumentException("bad value");
                    return rows.apply(i);
                }, Map.of(), 1, Sweep.Options.inMemory().withThreads(1)));
        bad("Sweep.run", Kind.NULL, "a parameter without a stable text form", "p", () -> Sweep.run("s", "s/1", 1, rows,
                Map.of("p", new Object()), 1, Sweep.Options.inMemory()));
        SampleBasis sb = new SampleBasis(new double[][] {{1, 0, 0}, {0, 1, 1}});
        bad("SampleBasis.coefficients", Kind.NAN, "memory with NaN", "memory", () -> sb.coefficients(new double[] {NAN, 0, 0}));
        bad("SampleBasis.gram", Kind.DOMAIN, "j = 2 of 2 samples", "j", () -> sb.gram(0, 2));
    }
}
