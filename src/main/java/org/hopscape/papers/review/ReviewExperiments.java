package org.hopscape.papers.review;

import org.hopscape.analysis.TrajectoryPca;
import org.hopscape.hopfield.ClassicHopfield;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.hopfield.PatternSpace;
import org.hopscape.hopfield.Patterns;
import org.hopscape.hopfield.Trajectories;
import org.hopscape.util.Blas;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The experiments behind the figures of paper 001 that combine a network, its dynamics and PCA, so that notebook
 * cells stay one call each (spec 001 §2–3). Every random draw derives from the given seed.
 */
public final class ReviewExperiments {
    private ReviewExperiments() {}

    /** PCA components kept for the landscape panels. */
    public static final int PCA_COMPONENTS = 2;

    /**
     * One landscape panel: the trajectories of many random starts, the PCA fitted on all recorded states and the
     * stored patterns (001 Figs 2C bottom, 3D–F).
     *
     * @param stability for classic panels, mean final overlap of heat-bath runs started at the patterns
     *                  (spec 001 Fig 2C validation); NaN for modern panels
     */
    public record Panel(String label, int p, int n, Trajectories trajectories, TrajectoryPca pca, double[][] patterns,
                        boolean classic, double stability) {

        /** PC1–PC2 scatter coloured by the model's energy (classic: E/N) or E^quad/N (modern), with ±ξ_μ. */
        public tech.tablesaw.plotly.components.Figure figure(String title) {
            return HopfieldReviewFigures.pcaLandscape(title, trajectories, pca, patterns, classic,
                    classic ? trajectories.energy() : trajectories.quadraticEnergy(), classic ? "E/N" : "E^quad/N");
        }

        /** The energy this panel is coloured by: E/N (classic) or E^quad/N (modern), one value per recorded state. */
        public double[] colourValues() {
            return classic ? trajectories.energy() : trajectories.quadraticEnergy();
        }

        /**
         * {@link #figure(String)} with the colour scale fixed to {@code range} = {cmin, cmax}, e.g. {@link #energyRange}
         * of all panels of a figure, so that the panels share one scale (001 Fig 2C bottom).
         */
        public tech.tablesaw.plotly.components.Figure figure(String title, double[] range) {
            if (range == null || range.length != 2) throw new IllegalArgumentException("range must be {cmin, cmax}");
            return HopfieldReviewFigures.pcaLandscape(title, trajectories, pca, patterns, classic, colourValues(),
                    classic ? "E/N" : "E^quad/N", range[0], range[1]);
        }
    }

    /**
     * One colour range {cmin, cmax} covering the energies of all {@code panels}, widened outward to multiples of 0.05
     * so that the shared colour bar's ends are round numbers.
     */
    public static double[] energyRange(List<Panel> panels) {
        if (panels == null || panels.isEmpty()) throw new IllegalArgumentException("panels must not be empty");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Panel p : panels)
            for (double v : p.colourValues()) {
                if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        if (!(lo <= hi)) throw new IllegalArgumentException("panels have no finite energies");
        double step = 0.05;
        double cmin = Math.floor(lo / step - 1e-9) * step, cmax = Math.ceil(hi / step + 1e-9) * step;
        if (cmax <= cmin) cmax = cmin + step;
        return new double[]{cmin, cmax};
    }

    /**
     * Heat-bath trajectories of a Hebbian network with P = round(αN) random patterns from {@code runs} random
     * starts, PCA of all recorded states, and the stability of the patterns themselves (runs from ξ_0 … ξ_{k−1},
     * k = min(P, 30), {@code stabilitySweeps} sweeps at the same temperature).
     */
    public static Panel glauberPanel(double alpha, int n, int runs, ClassicHopfield.Glauber options, int stabilitySweeps,
                                     long seed, Progress progress) {
        int p = (int) Math.round(alpha * n);
        Check.inRange("p = round(alpha·n)", p, 1, n);
        double[][] xi = Patterns.random(p, n, seed);
        ClassicHopfield net = ClassicHopfield.hebbian(xi);
        Trajectories t = net.glauber(Patterns.randomStates(runs, n, seed + 1), options.withKeepStates(true), seed + 2,
                progress);
        TrajectoryPca pca = TrajectoryPca.fit(t.states(), PCA_COMPONENTS);
        var check = new ClassicHopfield.Glauber(options.temperature(), stabilitySweeps, n, false, options.threads());
        double stability = net.patternStability(check, Math.min(p, 30), seed + 3);
        return new Panel(String.format("α = %.2f, T = %.2f", alpha, options.temperature()), p, n, t, pca, xi, true,
                stability);
    }

    /** {@link #glauberPanel} for several α (seeds seed, seed + 100, …). */
    public static List<Panel> glauberPanels(double[] alphas, int n, int runs, ClassicHopfield.Glauber options,
                                            int stabilitySweeps, long seed, Progress progress) {
        List<Panel> out = new ArrayList<>();
        for (int k = 0; k < alphas.length; k++)
            out.add(glauberPanel(alphas[k], n, runs, options, stabilitySweeps, seed + 100L * k, progress));
        return out;
    }

    /**
     * Continuous exponential network (β = 100 ln P) with P random ±1 patterns of length N, {@code runs} random ±1
     * starts, PCA of all recorded x(t) (001 Figs 3B–F).
     */
    public static Panel modernPanel(int p, int n, int runs, ModernHopfield.Flow options, long seed, Progress progress) {
        double[][] xi = Patterns.random(p, n, seed);
        ModernHopfield net = ModernHopfield.of(xi, ModernHopfield.paperBeta(p));
        Trajectories t = net.flow(Patterns.randomStates(runs, n, seed + 1), options, progress);
        TrajectoryPca pca = TrajectoryPca.fit(t.states(), PCA_COMPONENTS);
        return new Panel(String.format("P = %d, N = %d, β = 100 ln P = %.1f", p, n, net.beta()), p, n, t, pca, xi,
                false, Double.NaN);
    }

    /** {@link #modernPanel} for several P (seeds seed, seed + 100, …). */
    public static List<Panel> modernPanels(int[] ps, int n, int runs, ModernHopfield.Flow options, long seed,
                                           Progress progress) {
        List<Panel> out = new ArrayList<>();
        for (int k = 0; k < ps.length; k++) out.add(modernPanel(ps[k], n, runs, options, seed + 100L * k, progress));
        return out;
    }

    /** Retrieval summary of modern panels: P, fraction retrieved, mean final E^quad/N, fraction with Ẽ monotone. */
    public static Table modernSummary(List<Panel> panels) {
        DoubleColumn p = DoubleColumn.create("P"), ret = DoubleColumn.create("fraction retrieved (max m^ > 0.99)"),
                e0 = DoubleColumn.create("mean start E^quad/N"), e1 = DoubleColumn.create("mean final E^quad/N"),
                mono = DoubleColumn.create("fraction Ẽ non-increasing"),
                monoQ = DoubleColumn.create("fraction E^quad non-increasing");
        for (Panel x : panels) {
            Trajectories t = x.trajectories();
            p.append(x.p());
            ret.append(t.fractionRetrieved(0.99));
            e0.append(t.meanAt(t.quadraticEnergy(), 0));
            e1.append(t.meanAt(t.quadraticEnergy(), t.records() - 1));
            mono.append(t.fractionEnergyMonotone(1e-12));
            monoQ.append(t.fractionQuadraticEnergyMonotone(1e-12));
        }
        return Table.create("modern Hopfield trajectories", p, ret, e0, e1, mono, monoQ);
    }

    /** Largest |final E^quad/N + ½| over all runs of all panels. */
    public static double maxFinalQuadraticEnergyError(List<Panel> panels) {
        double max = 0;
        for (Panel x : panels) {
            Trajectories t = x.trajectories();
            for (int r = 0; r < t.runs(); r++) max = Math.max(max, Math.abs(t.quadraticEnergy()[t.row(r, t.records() - 1)] + 0.5));
        }
        return max;
    }

    /** Stability / panel summary of classic panels. */
    public static Table glauberSummary(List<Panel> panels) {
        StringColumn label = StringColumn.create("panel");
        DoubleColumn p = DoubleColumn.create("P"), st = DoubleColumn.create("overlap after runs from patterns"),
                mx = DoubleColumn.create("final max|m_μ| from random starts"), ev = DoubleColumn.create("PC1+PC2 variance ratio");
        for (Panel x : panels) {
            label.append(x.label());
            p.append(x.p());
            st.append(x.stability());
            mx.append(x.trajectories().meanFinalMaxAbsMagnetization());
            double[] r = x.pca().explainedVarianceRatio();
            ev.append(r[0] + r[1]);
        }
        return Table.create("Glauber landscapes", label, p, st, mx, ev);
    }

    /**
     * Projection-matrix identities on correlated patterns (spec 001 §1(b), (d), Eq. 10): max |P² − P|,
     * max |P − Pᵀ|, max |Pξ − ξ|, |tr P − P|, max |E(x) + (N/2)Σ m_μ m^μ| over random states with J = P.
     */
    public record ProjectionIdentities(double idempotency, double symmetry, double patternsFixed, double trace,
                                       double energyIdentity) {
        public double max() {
            return Math.max(Math.max(idempotency, symmetry), Math.max(Math.max(patternsFixed, trace), energyIdentity));
        }

        public Table toTable() {
            return Table.create("projection identities",
                    StringColumn.create("identity", new String[]{"P² = P", "Pᵀ = P", "P ξ_μ = ξ_μ", "tr P = #patterns",
                            "E = −(N/2) Σ m_μ m^μ (J = P)"}),
                    DoubleColumn.create("max error", new double[]{idempotency, symmetry, patternsFixed, trace, energyIdentity}));
        }
    }

    public static ProjectionIdentities projectionIdentities(int p, int n, double copyProbability, long seed) {
        double[][] xi = Patterns.correlated(p, n, copyProbability, seed);
        PatternSpace s = PatternSpace.of(xi);
        double[] proj = s.projectionFlat(), sq = new double[n * n];
        Blas.gemm(false, false, n, n, n, 1, proj, proj, 0, sq);
        double idem = 0, sym = 0, tr = 0, fix = 0, en = 0;
        for (int i = 0; i < n; i++) {
            tr += proj[i * n + i];
            for (int j = 0; j < n; j++) {
                idem = Math.max(idem, Math.abs(sq[i * n + j] - proj[i * n + j]));
                sym = Math.max(sym, Math.abs(proj[i * n + j] - proj[j * n + i]));
            }
        }
        for (double[] x : xi) {
            double[] px = s.project(x);
            for (int i = 0; i < n; i++) fix = Math.max(fix, Math.abs(px[i] - x[i]));
        }
        ClassicHopfield net = ClassicHopfield.projection(xi, false);
        for (double[] x : Patterns.randomStates(20, n, seed + 1)) {
            double[] m = s.magnetizations(x), mh = s.orderParameters(x);
            double dot = 0;
            for (int mu = 0; mu < p; mu++) dot += m[mu] * mh[mu];
            en = Math.max(en, Math.abs(net.energy(x) + 0.5 * n * dot));
        }
        return new ProjectionIdentities(idem, sym, fix, Math.abs(tr - p), en);
    }

    /** Hebbian vs projection rule on correlated patterns (spec 001 §3). */
    public record CorrelatedStorage(double meanOverlap, double hebbFixed, double projectionFixed,
                                    double hebbRetrieved, double projectionRetrieved) {
        public Table toTable() {
            return Table.create(String.format("correlated patterns (mean pairwise overlap %.3f)", meanOverlap),
                    StringColumn.create("rule", new String[]{"Hebb (Eq. 2)", "projection (Eq. 8), J_ii = 0"}),
                    DoubleColumn.create("fraction of patterns that are fixed points", new double[]{hebbFixed, projectionFixed}),
                    DoubleColumn.create("fraction retrieved from 10% flipped bits", new double[]{hebbRetrieved, projectionRetrieved}));
        }
    }

    public static CorrelatedStorage correlatedStorage(int p, int n, double copyProbability, double flipProbability,
                                                      long seed) {
        double[][] xi = Patterns.correlated(p, n, copyProbability, seed);
        ClassicHopfield hebb = ClassicHopfield.hebbian(xi), proj = ClassicHopfield.projection(xi, true);
        return new CorrelatedStorage(Patterns.meanPairwiseOverlap(xi), hebb.fractionPatternsFixed(),
                proj.fractionPatternsFixed(), hebb.retrievalFraction(flipProbability, seed + 1),
                proj.retrievalFraction(flipProbability, seed + 1));
    }
}
