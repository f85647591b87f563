package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.BasinMap;
import org.hopscape.dynamics.ConnectionGraph;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.Gibbs;
import org.hopscape.dynamics.GradientSystem;
import org.hopscape.dynamics.HebbianPgd;
import org.hopscape.dynamics.MorsePlots;
import org.hopscape.dynamics.MorseSmale;
import org.hopscape.dynamics.ModelFigures;
import org.hopscape.dynamics.Ode;
import org.hopscape.dynamics.Sde;
import org.hopscape.plot.Panels;
import org.hopscape.dynamics.examples.ContinuousHopfield;
import org.hopscape.dynamics.examples.DualCusp;
import org.hopscape.dynamics.examples.DualWell;
import org.hopscape.dynamics.examples.FoldFamily;
import org.hopscape.dynamics.examples.MetricFlipFamily;
import org.hopscape.dynamics.examples.ModernHopfieldFamily;
import org.hopscape.dynamics.examples.VpDiffusion;
import org.hopscape.util.Progress;
import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of 004 (Hess & Morris 2025, arXiv 2506.05178) as one call each, for notebook 06. Each method
 * computes what its panels show with the dynamics toolkit (critical points, graphs, basins, SDE paths, Gibbs
 * densities) and returns a multi-panel figure; the numbers a notebook checks come from the same library calls.
 */
public final class Paper004 {
    private Paper004() {}

    /** Example 1 starts ("corrupted patterns") of spec 004 Fig. 1. */
    public static final double[][] FIG1_STARTS = {{0.3, 1.5}, {-0.3, 1.5}, {1.0, -1.2}, {-1.0, -1.2}, {0.1, 0.2}, {-0.1, 0.2}};

    /** Short number label: at most 6 significant digits, no trailing zeros ("1", "0.6", "3.93990"→"3.9399"). */
    static String f(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    static String dagTitle(ConnectionGraph g) {
        return String.join(", ", g.edgeStrings());
    }

    /** Fig. 1: SDE paths for each ε (ε = 0: the ODE) over V, and the Gibbs densities exp(−2V/ε²)/Z. */
    public static Figure figure1(double[] epsilons, double time, int densityResolution, long seed) {
        DualWell w = new DualWell();
        Panels p = new Panels("004 Fig. 1 — dual well: SDE paths dx = −∇V dt + ε dW (top), Gibbs densities exp(−2V/ε²)/Z (bottom)",
                2, epsilons.length);
        MorsePlots.Box box = MorsePlots.Box.square(3);
        CriticalSet pts = CriticalPoints.find(w, CriticalPoints.Options.box(2, 3, 21));
        for (int c = 0; c < epsilons.length; c++) {
            double e = epsilons[c];
            List<Ode.Orbit> paths = Sde.paths(w, FIG1_STARTS, new Sde.Options(e, 1e-3, time, 10), seed);
            MorsePlots.paths(p, c, w, box, paths, "ε = " + f(e));
            int k = epsilons.length + c;
            if (e > 0) MorsePlots.density(p, k, Gibbs.of(w, e, -3, 3, -3, 3, densityResolution, false), "p_ε, ε = " + f(e));
            else {
                MorsePlots.phasePortrait(p, k, w, box, pts, null, 0, false, "ε → 0: ½δ_A + ½δ_B");
            }
        }
        return p.build();
    }

    /** Fig. 2: dual well (top) and dual cusp (bottom): landscape + branches, basins, graph. */
    public static Figure figure2(int seeds, int basinResolution, int starts) {
        Panels p = new Panels("004 Fig. 2 — phase portrait and unstable branches (left), stable-manifold partition (middle), graph of connections (right)", 2, 3);
        GradientSystem[] systems = {new DualWell(), new DualCusp()};
        double[] half = {2.5, 4};
        String[] names = {"dual well", "dual cusp"};
        for (int r = 0; r < 2; r++) {
            GradientSystem s = systems[r];
            CriticalSet pts = CriticalPoints.find(s, CriticalPoints.Options.box(2, half[r], seeds));
            ConnectionGraph g = MorseSmale.graph(s, pts, MorseSmale.Options.paper(1.5 * half[r]));
            MorsePlots.phasePortrait(p, 3 * r, s, MorsePlots.Box.square(half[r]), pts, g, starts, false, names[r]);
            BasinMap m = MorseSmale.basins(s, pts, MorseSmale.BasinOptions.square(half[r], basinResolution, half[r]), Progress.NONE);
            MorsePlots.basins(p, 3 * r + 1, m, g, "basins");
            MorsePlots.dag(p, 3 * r + 2, g, dagTitle(g));
        }
        return p.build();
    }

    /** Panels of a family: one phase portrait (with graph) per parameter value, optional Gibbs row at ε = 1. */
    public static Figure familyPanels(String title, Family family, double[] etas, CriticalPoints.Options points,
                                      MorsePlots.Box box, int starts, boolean swap, boolean gibbsRow) {
        return familyPanels(title, family, etas, points, box, starts, swap, gibbsRow, "x₁", "x₂");
    }

    /** As above with the names of the state coordinates ({@link ModelFigures#familyPanels}). */
    public static Figure familyPanels(String title, Family family, double[] etas, CriticalPoints.Options points,
                                      MorsePlots.Box box, int starts, boolean swap, boolean gibbsRow, String name1,
                                      String name2) {
        return ModelFigures.familyPanels(title, family, etas, points, box, starts, swap, gibbsRow, name1, name2);
    }

    /** Fig. 3: Example 6 at η ∈ {−1, 0, 1} with Gibbs densities at ε = 1. */
    public static Figure figure3(int seeds, int starts) {
        return familyPanels("004 Fig. 3 — saddle-node family (Example 6); sinks (sinks, saddles, sources) per panel",
                new FoldFamily(), new double[]{-1, 0, 1}, CriticalPoints.Options.box(2, 3, seeds), MorsePlots.Box.square(2.5),
                starts, false, true);
    }

    /**
     * Fig. 4: Example 7 (metric g_η) at η ∈ {−1, 0, 1}, v₂ horizontal and v₁ vertical as in the paper; bottom row:
     * exp(−2V/ε²)/Z at ε = 1 (the metric's √det g factor, within [0.88, 1], is left out — spec 004 Fig. 4).
     */
    public static Figure figure4(int seeds, int starts) {
        return familyPanels("004 Fig. 4 — heteroclinic flip with a metric (Example 7); red = saddle connection at η = 0",
                new MetricFlipFamily(), new double[]{-1, 0, 1}, CriticalPoints.Options.box(2, 5, seeds),
                new MorsePlots.Box(-3, 5, -3, 3), starts, true, true);
    }

    /** Fig. 5: the closed-form EBM at training steps {@code steps}. */
    public static Figure figure5(GmmEbmTraining.Run run, double[] steps, int seeds, int starts) {
        return familyPanels("004 Fig. 5 — Gaussian-mixture EBM along training (closed-form stand-in for the paper's MLP)",
                run.family(), steps, CriticalPoints.Options.box(2, 2, seeds), MorsePlots.Box.square(1.8), starts, false, false);
    }

    /** Fig. 6: continuous Hopfield network u̇ = W_η tanh u − 0.85u along Algorithm 1. */
    public static Figure figure6(HebbianPgd.Result run, double[] etas, int seeds, int starts) {
        return familyPanels("004 Fig. 6 — 2-neuron Hopfield network along Algorithm 1 (R⁻¹ = 0.85): memories created by a pitchfork",
                run.family(0.85), etas, CriticalPoints.Options.box(2, 3, seeds), MorsePlots.Box.square(3), starts, false, false,
                "u₁", "u₂");
    }

    /** Fig. 7: modern Hopfield family (three patterns in ℝ²). */
    public static Figure figure7(double[] etas, int seeds, int starts) {
        return familyPanels("004 Fig. 7 — modern Hopfield network, three patterns: two folds then a heteroclinic flip (red at η = 1.5)",
                new ModernHopfieldFamily(), etas, CriticalPoints.Options.box(2, 1.6, seeds), MorsePlots.Box.square(1.6),
                starts, false, false);
    }

    /** Fig. 8: frozen generation field of the VP diffusion in the rescaled coordinate y = α(1 − s²)x. */
    public static Figure figure8(VpDiffusion model, double[] taus, int seeds, int starts) {
        return familyPanels("004 Fig. 8 — probability-flow field of a VP diffusion (exact score), y = α(1−s²)x, τ = −t",
                model.generationFamily(), taus, CriticalPoints.Options.box(2, 1.5, seeds), MorsePlots.Box.square(1.5),
                starts, false, false, "y₁", "y₂");
    }

    /** Fig. 10a: W_Hebb and the Algorithm-1 limit as heat maps. */
    public static Figure figure10Weights(HebbianPgd.Result run) {
        int n = run.n();
        Panels p = new Panels("004 Fig. 10a — W_Hebb = (1/M)Σξξᵀ (left) and Algorithm 1's W (right)", 1, 2, 360, 340);
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        double[][][] mats = {toGrid(run.limit(), n), toGrid(run.last(), n)};
        double lim = 0;
        for (double v : run.limit()) lim = Math.max(lim, Math.abs(v));
        for (int k = 0; k < 2; k++) {
            p.heatmap(k, idx, idx, mats[k], "RdBu", -lim, lim);
            p.panelTitle(k, k == 0 ? "W_Hebb" : "W after " + run.iterations() + " iterations");
            p.axes(k, "j", "i", -0.5, n - 0.5, n - 0.5, -0.5);
        }
        return p.build();
    }

    private static double[][] toGrid(double[] w, int n) {
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(w, i * n, z[i], 0, n);
        return z;
    }

    /** Fig. 10c: 2-D slices (axes pairs) of the 36-neuron network at iterations {@code ks}. */
    public static Figure figure10Slices(HebbianPgd.Result run, int[][] axes, int[] ks, int seeds, int starts) {
        Panels p = new Panels("004 Fig. 10c — 2-D slices u̇_S = W_SS tanh u_S − 0.125u_S along Algorithm 1", axes.length, ks.length);
        for (int r = 0; r < axes.length; r++)
            for (int c = 0; c < ks.length; c++) {
                ContinuousHopfield s = new ContinuousHopfield(run.iterates().get(ks[c]), 0.125).slice(axes[r][0], axes[r][1]);
                CriticalSet pts = CriticalPoints.find(s, CriticalPoints.Options.box(2, 13, seeds));
                ConnectionGraph g = MorseSmale.graph(s, pts, MorseSmale.Options.paper(20));
                MorsePlots.phasePortrait(p, r * ks.length + c, s, MorsePlots.Box.square(13), pts, g, starts, false,
                        "axes (" + axes[r][0] + "," + axes[r][1] + "), k = " + ks[c] + " (" + pts.signature() + ")",
                        "u_" + axes[r][0], "u_" + axes[r][1]);
            }
        return p.build();
    }

    /** Fig. 11: the U_t^η landscapes (in y) for training steps × generation times; trajectories only. */
    public static Figure figure11(GmmEbmTraining.Run run, double[] steps, double[] times, int starts) {
        Panels p = new Panels("004 Fig. 11 — generation field U_t of the model after η training steps (rows: η, columns: t)",
                steps.length, times.length, 220, 200);
        MorsePlots.Box box = MorsePlots.Box.square(1.6);
        for (int r = 0; r < steps.length; r++)
            for (int c = 0; c < times.length; c++) {
                VpDiffusion model = new VpDiffusion(run.meansAt(steps[r]), GmmEbmTraining.MODEL_SD);
                GradientSystem s = model.hopfield(times[c]);
                MorsePlots.phasePortrait(p, r * times.length + c, s, box, null, null, starts, false,
                        "η = " + f(steps[r]) + ", t = " + f(times[c]), "y₁", "y₂");
            }
        return p.build();
    }

    /** Fig. 11's table: (sinks, saddles, sources) per (η, t), found in the y-box [−1.6, 1.6]². */
    public static tech.tablesaw.api.Table figure11Table(GmmEbmTraining.Run run, double[] steps, double[] times, int seeds) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Fig. 11 signatures (sinks,saddles,sources)",
                tech.tablesaw.api.DoubleColumn.create("eta"));
        for (double time : times) t.addColumns(tech.tablesaw.api.StringColumn.create("t=" + f(time)));
        for (double step : steps) {
            t.doubleColumn("eta").append(step);
            VpDiffusion model = new VpDiffusion(run.meansAt(step), GmmEbmTraining.MODEL_SD);
            for (double time : times)
                t.stringColumn("t=" + f(time)).append(CriticalPoints.find(model.hopfield(time),
                        CriticalPoints.Options.box(2, 1.6, seeds)).signature());
        }
        return t;
    }

    /** Per-panel critical-point summary of a family: parameter, signature, Poincaré–Hopf count, edges. */
    public static tech.tablesaw.api.Table panelTable(Family family, double[] etas, CriticalPoints.Options points) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Panels", tech.tablesaw.api.DoubleColumn.create(family.parameterName()),
                tech.tablesaw.api.StringColumn.create("sinks,saddles,sources"), tech.tablesaw.api.IntColumn.create("euler"),
                tech.tablesaw.api.StringColumn.create("graph"));
        for (double e : etas) {
            GradientSystem s = family.at(e);
            CriticalSet pts = CriticalPoints.find(s, points);
            ConnectionGraph g = MorseSmale.graph(s, pts, MorseSmale.Options.paper(1.5 * points.width()));
            t.doubleColumn(family.parameterName()).append(e);
            t.stringColumn("sinks,saddles,sources").append(pts.signature());
            t.intColumn("euler").append(pts.eulerCount());
            t.stringColumn("graph").append(dagTitle(g));
        }
        return t;
    }

    /** Fig. 1 check: Gibbs mass within r of each sink of the dual well and in total, per ε (spec 004 Fig. 1). */
    public static tech.tablesaw.api.Table figure1Masses(double[] epsilons, double radius, int resolution) {
        DualWell w = new DualWell();
        CriticalSet pts = CriticalPoints.find(w, CriticalPoints.Options.box(2, 3, 21));
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Gibbs mass near the attractors (r = " + f(radius) + ")",
                tech.tablesaw.api.DoubleColumn.create("epsilon"), tech.tablesaw.api.DoubleColumn.create("mass A"),
                tech.tablesaw.api.DoubleColumn.create("mass B"), tech.tablesaw.api.DoubleColumn.create("total"));
        for (double e : epsilons) {
            Gibbs g = Gibbs.of(w, e, -3, 3, -3, 3, resolution, false);
            t.doubleColumn("epsilon").append(e);
            t.doubleColumn("mass A").append(g.massNear(pts.get(pts.indexOf("A")).position(), radius));
            t.doubleColumn("mass B").append(g.massNear(pts.get(pts.indexOf("B")).position(), radius));
            t.doubleColumn("total").append(g.massNearSinks(pts, radius));
        }
        return t;
    }

    /**
     * Summary of generated samples: fraction nearest to each centroid, median and 95 % quantile of the distance to
     * the nearest centroid (spec 004 §5.2 PF-ODE check).
     */
    public record SampleStats(double[] fractions, double median, double q95) {
        public static SampleStats of(double[][] samples, double[][] centroids) {
            double[] frac = new double[centroids.length], d = new double[samples.length];
            for (int i = 0; i < samples.length; i++) {
                int best = 0;
                for (int k = 1; k < centroids.length; k++)
                    if (distance(samples[i], centroids[k]) < distance(samples[i], centroids[best])) best = k;
                frac[best] += 1.0 / samples.length;
                d[i] = distance(samples[i], centroids[best]);
            }
            java.util.Arrays.sort(d);
            return new SampleStats(frac, d[(int) (0.5 * (d.length - 1))], d[(int) (0.95 * (d.length - 1))]);
        }

        public tech.tablesaw.api.Table toTable() {
            tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("PF-ODE samples",
                    tech.tablesaw.api.StringColumn.create("statistic"), tech.tablesaw.api.DoubleColumn.create("value"));
            for (int k = 0; k < fractions.length; k++) {
                t.stringColumn("statistic").append("fraction nearest m" + k);
                t.doubleColumn("value").append(fractions[k]);
            }
            t.stringColumn("statistic").append("median distance to nearest centroid");
            t.doubleColumn("value").append(median);
            t.stringColumn("statistic").append("95% quantile of the distance");
            t.doubleColumn("value").append(q95);
            return t;
        }
    }

    /** Fig. 10b: perfect-recall rate per pattern from ξ + noise·N(0, I), with W_Hebb and with Algorithm 1's W. */
    public static tech.tablesaw.api.Table recallTable(HebbianPgd.Result run, double[][] patterns, String[] names,
                                                      double noise, int trials, long seed) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Recall (u̇ = W tanh u − 0.125u, t = 50, noise " + f(noise) + ")",
                tech.tablesaw.api.StringColumn.create("pattern"), tech.tablesaw.api.DoubleColumn.create("W_Hebb"),
                tech.tablesaw.api.DoubleColumn.create("Algorithm 1"));
        ContinuousHopfield hebb = new ContinuousHopfield(run.limit(), 0.125), alg = new ContinuousHopfield(run.last(), 0.125);
        for (int m = 0; m < patterns.length; m++) {
            t.stringColumn("pattern").append(names[m]);
            t.doubleColumn("W_Hebb").append(hebb.recallRate(patterns[m], noise, trials, 50, seed));
            t.doubleColumn("Algorithm 1").append(alg.recallRate(patterns[m], noise, trials, 50, seed));
        }
        return t;
    }

    /**
     * Fig. 9 / Prop. 23: max over the circle |x| = R of ⟨X(x), x⟩ for each radius (negative = inward flow, the disc
     * boundary is transverse) for {@code system}.
     */
    public static tech.tablesaw.api.Table boundaryTable(GradientSystem system, double[] radii) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Inward flow on circles",
                tech.tablesaw.api.DoubleColumn.create("R"), tech.tablesaw.api.DoubleColumn.create("max <X, x>"));
        for (double r : radii) {
            t.doubleColumn("R").append(r);
            t.doubleColumn("max <X, x>").append(MorseSmale.maxRadialVelocity(system, r, 3600));
        }
        return t;
    }

    /**
     * Fig. 4, how the metric bends a branch: where the lower unstable branch of the upper saddle s̃ of Example 7
     * crosses v₂ = −0.5 (its v₁ coordinate), with the metric g_η and with G = I (spec 004 Fig. 4: 0.403887 vs
     * 0.324564 at η = −0.5).
     */
    public static double[] figure4Bending(double eta) {
        double[] out = new double[2];
        for (int m = 0; m < 2; m++) {
            GradientSystem s = new MetricFlipFamily(m == 1).at(eta);
            CriticalSet p = CriticalPoints.find(s, CriticalPoints.Options.box(2, 5, 21));
            int k = -1;
            for (int i = 0; i < p.size(); i++) if (p.get(i).isSaddle() && (k < 0 || p.get(i).x(1) > p.get(k).x(1))) k = i;
            int sign = p.get(k).unstableDirection()[1] < 0 ? 1 : -1;
            double[][] path = MorseSmale.branch(s, p, k, true, sign, MorseSmale.Options.paper(7.5)).orbit().path();
            out[m] = Double.NaN;
            for (int i = 1; i < path.length; i++)
                if (path[i - 1][1] > -0.5 && path[i][1] <= -0.5) {
                    double w = (-0.5 - path[i - 1][1]) / (path[i][1] - path[i - 1][1]);
                    out[m] = path[i - 1][0] + w * (path[i][0] - path[i - 1][0]);
                    break;
                }
        }
        return out;
    }

    /** Helper for notebooks: list of signatures of the panels (for checks). */
    public static List<String> signatures(Family family, double[] etas, CriticalPoints.Options points) {
        List<String> out = new ArrayList<>();
        for (double e : etas) out.add(CriticalPoints.find(family.at(e), points).signature());
        return out;
    }

    /** Euclidean distance |a − b| (the same sum order as the dynamics package's helper). */
    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) { double d = a[i] - b[i]; s += d * d; }
        return Math.sqrt(s);
    }
}
