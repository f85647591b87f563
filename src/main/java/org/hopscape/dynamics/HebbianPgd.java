package org.hopscape.dynamics;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Algorithm 1 of 004 (§5.3.3, App. C.2): Hebbian learning as projected gradient descent of
 * L(W) = −½ Σ_m ξᵐᵀWξᵐ = −½⟨H, W⟩_F on the Frobenius ball ‖W‖_F ≤ c, H = Σ_m ξᵐξᵐᵀ. The objective is linear,
 * so the unique minimiser is W* = c·H/‖H‖_F; with c = ‖W_Hebb‖_F, W_Hebb = H/M, the limit is W_Hebb (spec 004
 * §4.2). The iterates W_η define the one-parameter family of continuous Hopfield networks u̇ = W_η tanh u − r u.
 */
public final class HebbianPgd {
    private HebbianPgd() {}

    /**
     * @param learningRate  step lr (Fig. 6: 0.1; Fig. 10: 1e-3)
     * @param tolerance     stop when ‖W − W_prev‖_F < tolerance (1e-12)
     * @param maxIterations safety limit
     * @param radius        c; NaN selects c = ‖(1/M)Σξξᵀ‖_F (reproduces the paper's iteration counts)
     */
    public record Options(double learningRate, double tolerance, int maxIterations, double radius) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code figure6()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, figure6());
        }

        public Options {
            Check.positive("learningRate", learningRate);
            Check.positive("tolerance", tolerance);
            Check.positive("maxIterations", maxIterations);
            if (!Double.isNaN(radius)) Check.positive("radius", radius);
        }

        public static Options figure6() {
            return new Options(0.1, 1e-12, 100_000, Double.NaN);
        }

        public static Options figure10() {
            return new Options(1e-3, 1e-12, 100_000, Double.NaN);
        }

        public Options withLearningRate(double learningRate) {
            return new Options(learningRate, tolerance, maxIterations, radius);
        }

        public Options withTolerance(double tolerance) {
            return new Options(learningRate, tolerance, maxIterations, radius);
        }

        public Options withMaxIterations(int maxIterations) {
            return new Options(learningRate, tolerance, maxIterations, radius);
        }

        public Options withRadius(double radius) {
            return new Options(learningRate, tolerance, maxIterations, radius);
        }
    }

    /**
     * Result of Algorithm 1.
     *
     * @param iterates   W_0 (symmetrised, projected), W_1, …, W_K (row-major n×n)
     * @param hebbian    H = Σ_m ξᵐξᵐᵀ
     * @param radius     c
     */
    public record Result(List<double[]> iterates, double[] hebbian, double radius, int n) {
        public int iterations() {
            return iterates.size() - 1;
        }

        public double[] last() {
            return iterates.get(iterates.size() - 1).clone();
        }

        /** W* = c·H/‖H‖_F, the exact minimiser. */
        public double[] limit() {
            double h = frobenius(hebbian);
            double[] w = hebbian.clone();
            for (int i = 0; i < w.length; i++) w[i] *= radius / h;
            return w;
        }

        /** ‖W_K − c·H/‖H‖_F‖_F. */
        public double limitError() {
            return distance(last(), limit());
        }

        /** W(η) linearly interpolated between iterates (η ∈ [0, K]). */
        public double[] weightsAt(double eta) {
            Check.inRange("eta", eta, 0, iterations());
            int k = (int) Math.min(Math.floor(eta), iterations() - 1);
            double w = eta - k;
            double[] a = iterates.get(k), b = iterates.get(k + 1), out = new double[a.length];
            for (int i = 0; i < a.length; i++) out[i] = (1 - w) * a[i] + w * b[i];
            return out;
        }

        /** η ↦ continuous Hopfield network with W(η) and leak r (004 Fig. 6). */
        public Family family(double leak) {
            return new Family() {
                @Override public GradientSystem at(double eta) { return new ContinuousHopfield(weightsAt(eta), leak); }
                @Override public String parameterName() { return "eta"; }
            };
        }

        /** η ↦ 2-D slice (i, j) of the network (004 Fig. 10c). */
        public Family sliceFamily(double leak, int i, int j) {
            return eta -> new ContinuousHopfield(weightsAt(eta), leak).slice(i, j);
        }

        /** Per iterate: ‖W_k‖_F, ‖W_k − W*‖_F, largest eigenvalue of W_k. */
        public Table toTable() {
            Table t = Table.create("Algorithm 1", IntColumn.create("iteration"), DoubleColumn.create("norm"),
                    DoubleColumn.create("distance to limit"), DoubleColumn.create("lambda max"));
            double[] lim = limit();
            for (int k = 0; k < iterates.size(); k++) {
                double[] w = iterates.get(k);
                t.intColumn("iteration").append(k);
                t.doubleColumn("norm").append(frobenius(w));
                t.doubleColumn("distance to limit").append(distance(w, lim));
                double[] ev = Linear.symmetricEigenvalues(n, w);
                t.doubleColumn("lambda max").append(ev[ev.length - 1]);
            }
            return t;
        }
    }

    /** Runs Algorithm 1 from {@code w0} (row-major n×n) on the ±1 (or real) patterns (rows). */
    public static Result run(double[][] patterns, double[] w0, Options o, Progress progress) {
        Check.finite("patterns", patterns);
        Check.notNull("o", o);
        Check.notNull("progress", progress);
        int n = patterns[0].length, m = patterns.length;
        Check.vector("w0", w0, "n² (n = pattern length " + n + ")", Check.arraySize("n² (n = pattern length)", n, n));
        Check.fitsInMemory("HebbianPgd iterates ((maxIterations + 1) × n² doubles)",
                Check.product("iterates", o.maxIterations() + 1L, (long) n * n, Double.BYTES));
        double[] h = hebbian(patterns);
        double c = Double.isNaN(o.radius()) ? frobenius(h) / m : o.radius();
        double[] w = new double[n * n];
        // step 1: symmetrise, project
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) w[i * n + j] = 0.5 * (w0[i * n + j] + w0[j * n + i]);
        project(w, c);
        List<double[]> iterates = new ArrayList<>();
        iterates.add(w.clone());
        for (int it = 1; it <= o.maxIterations(); it++) {
            Interrupts.check("Hebbian PGD");
            double[] prev = w.clone();
            // 004 Alg. 1: W ← W + lr Σ_m ξᵐξᵐᵀ (descent on L, ∂L/∂W = −½H up to the paper's factor), then project
            for (int i = 0; i < w.length; i++) w[i] += o.learningRate() * h[i];
            project(w, c);
            iterates.add(w.clone());
            double step = distance(w, prev);
            progress.report("Algorithm 1", it, o.maxIterations());
            if (step < o.tolerance()) break;
        }
        return new Result(iterates, h, c, n);
    }

    /** H = Σ_m ξᵐξᵐᵀ. */
    public static double[] hebbian(double[][] patterns) {
        Check.finite("patterns", patterns);
        int n = patterns[0].length;
        double[] h = new double[Check.arraySize("n² (n = pattern length)", n, n)];
        for (double[] p : patterns) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h[i * n + j] += p[i] * p[j];
        return h;
    }

    private static void project(double[] w, double c) {
        double f = frobenius(w);
        if (f > c) for (int i = 0; i < w.length; i++) w[i] *= c / f;
    }

    static double frobenius(double[] w) {
        return Linear.norm(w);
    }

    static double distance(double[] a, double[] b) {
        return Linear.distance(a, b);
    }

    /** Spec 004 §4.2 deterministic W₀ of Fig. 6: [[−1, −0.5], [−0.5, −1.5]]. */
    public static double[] figure6Init() {
        return new double[]{-1.0, -0.5, -0.5, -1.5};
    }

    /** Spec 004 §4.2 deterministic W₀ of Fig. 10: A_ij = sin(N·i + j + 1), W₀ = (A + Aᵀ)/2. */
    public static double[] figure10Init(int n) {
        Check.positive("n", n);
        Check.fitsInMemory("two n × n matrices", Check.product("n²", n, n, 2L * Double.BYTES));
        double[] a = new double[Check.arraySize("n²", n, n)];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] = Math.sin(n * i + j + 1);
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) w[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
        return w;
    }
}
