package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.BasinMap;
import org.hopscape.dynamics.ConnectionGraph;
import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.Gibbs;
import org.hopscape.dynamics.GradientSystem;
import org.hopscape.dynamics.HebbianPgd;
import org.hopscape.dynamics.ModelFigures;
import org.hopscape.dynamics.MorsePlots;
import org.hopscape.dynamics.MorseSmale;
import org.hopscape.dynamics.Ode;
import org.hopscape.dynamics.Sde;
import org.hopscape.plot.CriticalPointStyle;
import org.hopscape.plot.DivergingAxes;
import org.hopscape.plot.PanelGrid;
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
import java.util.Map;

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

    /** A number for labels: as {@link #f} with a true minus sign (−0.45). */
    static String num(double v) {
        String t = f(v);
        return t.startsWith("-") ? "−" + t.substring(1) : t;
    }

    static String dagTitle(ConnectionGraph g) {
        return String.join(", ", g.edgeStrings());
    }

    /** Unicode subscript digits: 11 → "₁₁". */
    static String sub(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) sb.append(c == '-' ? '₋' : (char) ('₀' + (c - '0')));
        return sb.toString();
    }

    private static final int RES = MorsePlots.LANDSCAPE_RESOLUTION;

    /** Fig. 1: SDE paths for each ε (ε = 0: the ODE) over V, and the Gibbs densities exp(−2V/ε²)/Z. */
    public static Figure figure1(double[] epsilons, double time, int densityResolution, long seed) {
        DualWell w = new DualWell();
        int n = epsilons.length;
        PanelGrid g = new PanelGrid("Fig. 1 — dual well: paths of dx = −∇V dt + ε dW and invariant measures as ε → 0", 2, n, 1)
                .shareAxes(false, true);
        MorsePlots.Box box = MorsePlots.Box.square(3);
        CriticalSet pts = CriticalPoints.find(w, CriticalPoints.Options.box(2, 3, 21));
        MorsePlots.Landscape l = MorsePlots.landscape(w, box, RES, false, false);
        PanelGrid.ColorAxis vAxis = MorsePlots.energyAxis(g, List.of(l), "V", 0);
        PanelGrid.ColorAxis pAxis = g.colorAxis("p<sub>ε</sub> / max p<sub>ε</sub>", MorsePlots.DENSITY_SCALE, 0, 1, 1);
        g.key("sink (memory)", "markers", CriticalPointStyle.marker(CriticalPointStyle.Kind.SINK), null);
        g.key("saddle", "markers", CriticalPointStyle.saddleOutline(0.9), null);
        g.key("start (corrupted pattern)", "markers", Map.of("symbol", "circle", "color", "white", "size", 8,
                "line", Map.of("color", "black", "width", 1)), null);
        g.key("path", "lines", null, Map.of("color", "rgb(150,150,150)", "width", 1.5));
        g.rowLabel(0, "paths over V");
        g.rowLabel(1, "invariant measure");
        for (int c = 0; c < n; c++) {
            double e = epsilons[c];
            List<Ode.Orbit> paths = Sde.paths(w, FIG1_STARTS, new Sde.Options(e, 1e-3, time, 10), seed);
            MorsePlots.paths(g, c, l, vAxis, box, paths, pts);
            g.columnLabel(c, e > 0 ? "ε = " + num(e) : "ε = 0 (gradient flow)");
            int k = n + c;
            if (e > 0) {
                MorsePlots.density(g, k, Gibbs.of(w, e, -3, 3, -3, 3, densityResolution, false), pAxis, true, false);
                g.panelTitle(k, "p<sub>ε</sub> ∝ exp(−2V/ε²)");
            } else {
                double[] grid = {-3, 3};
                g.heatmap(k, grid, grid, new double[][]{{0, 0}, {0, 0}}, pAxis);
                for (String s : List.of("A", "B")) {
                    double[] x = pts.get(pts.indexOf(s)).position();
                    g.markers(k, new double[]{x[0]}, new double[]{x[1]}, Map.of("symbol", "circle", "color", "white", "size", 14),
                            "point mass", null);
                    g.label(k, x[0], x[1], "½ δ<sub>" + s + "</sub>");
                }
                g.axes(k, "x₁", "x₂", -3, 3, -3, 3).equalAspect(k);
                g.panelTitle(k, "zero-noise limit ½δ<sub>A</sub> + ½δ<sub>B</sub>");
            }
        }
        return g.build();
    }

    /** Fig. 2: dual well (top) and dual cusp (bottom): landscape + branches, basins, graph of connections. */
    public static Figure figure2(int seeds, int basinResolution, int starts) {
        PanelGrid g = new PanelGrid("Fig. 2 — phase portraits, decomposition into stable manifolds, graph of connections", 2, 3, 1);
        GradientSystem[] systems = {new DualWell(), new DualCusp()};
        double[] half = {2.5, 4};
        String[] names = {"dual well (Example 1)", "dual cusp"};
        CriticalPointStyle.key(g, false, true);
        g.columnLabel(0, "phase portrait over V").columnLabel(1, "basins W<sup>s</sup> of the sinks").columnLabel(2, "graph of connections");
        for (int r = 0; r < 2; r++) {
            GradientSystem s = systems[r];
            MorsePlots.Box box = MorsePlots.Box.square(half[r]);
            CriticalSet pts = CriticalPoints.find(s, CriticalPoints.Options.box(2, half[r], seeds));
            ConnectionGraph graph = MorseSmale.graph(s, pts, MorseSmale.Options.paper(1.5 * half[r]));
            MorsePlots.Landscape l = MorsePlots.landscape(s, box, RES, false, false);
            MorsePlots.phasePortrait(g, 3 * r, s, box, l, MorsePlots.energyAxis(g, List.of(l), "V (" + names[r].split(" \\(")[0] + ")", r),
                    pts, graph, starts, false, "x₁", "x₂");
            g.panelTitle(3 * r, MorsePlots.counts(pts));
            BasinMap m = MorseSmale.basins(s, pts, MorseSmale.BasinOptions.square(half[r], basinResolution, half[r]), Progress.NONE);
            MorsePlots.basins(g, 3 * r + 1, m, graph);
            g.panelTitle(3 * r + 1, "dotted: stable branches of the saddles");
            MorsePlots.dag(g, 3 * r + 2, graph);
            g.panelTitle(3 * r + 2, dagTitle(graph));
            g.rowLabel(r, names[r]);
        }
        return g.build();
    }

    /** Fig. 3: Example 6 at η ∈ {−1, 0, 1} with Gibbs densities at ε = 1. */
    public static Figure figure3(int seeds, int starts) {
        return ModelFigures.familyFigure("Fig. 3 — saddle-node (fold) family, Example 6", new FoldFamily(), new double[]{-1, 0, 1},
                CriticalPoints.Options.box(2, 3, seeds), ModelFigures.FamilyView.plain("η", MorsePlots.Box.square(2.5)).withGibbsRow(), starts);
    }

    /**
     * Fig. 4: Example 7 (metric g_η) at η ∈ {−1, 0, 1}, v₂ horizontal and v₁ vertical as in the paper; bottom row:
     * exp(−2V/ε²)/Z at ε = 1 (the metric's √det g factor, within [0.88, 1], is left out — spec 004 Fig. 4).
     */
    public static Figure figure4(int seeds, int starts) {
        return ModelFigures.familyFigure("Fig. 4 — heteroclinic flip with a metric g<sub>η</sub>, Example 7", new MetricFlipFamily(),
                new double[]{-1, 0, 1}, CriticalPoints.Options.box(2, 5, seeds),
                ModelFigures.FamilyView.plain("η", new MorsePlots.Box(-3, 5, -3, 3)).withNames("v₁", "v₂", true).withGibbsRow(), starts);
    }

    /** Fig. 5: the closed-form EBM at training steps {@code steps}, DAG insets. */
    public static Figure figure5(GmmEbmTraining.Run run, double[] steps, int seeds, int starts) {
        return ModelFigures.familyFigure("Fig. 5 — Gaussian-mixture energy along training (closed-form stand-in for the paper's MLP)",
                run.family(), steps, CriticalPoints.Options.box(2, 2, seeds),
                ModelFigures.FamilyView.plain("η", MorsePlots.Box.square(1.8)).withDagInsets(), starts);
    }

    /** Fig. 6: continuous Hopfield network u̇ = W_η tanh u − 0.85u along Algorithm 1, DAG insets. */
    public static Figure figure6(HebbianPgd.Result run, double[] etas, int seeds, int starts) {
        return ModelFigures.familyFigure("Fig. 6 — 2-neuron Hopfield network along Algorithm 1 (R⁻¹ = 0.85)", run.family(0.85), etas,
                CriticalPoints.Options.box(2, 3, seeds),
                ModelFigures.FamilyView.plain("η", MorsePlots.Box.square(3)).withNames("u₁", "u₂", false).withDagInsets(), starts);
    }

    /** Fig. 7: modern Hopfield family (three patterns in ℝ²), DAG insets. */
    public static Figure figure7(double[] etas, int seeds, int starts) {
        return ModelFigures.familyFigure("Fig. 7 — modern Hopfield network with three patterns: two folds, then a heteroclinic flip",
                new ModernHopfieldFamily(), etas, CriticalPoints.Options.box(2, 1.6, seeds),
                ModelFigures.FamilyView.plain("η", MorsePlots.Box.square(1.6)).withDagInsets(), starts);
    }

    /** Fig. 8: frozen generation field of the VP diffusion in y = α(1 − s²)x; columns by diffusion time t = −τ. */
    public static Figure figure8(VpDiffusion model, double[] taus, int seeds, int starts) {
        double[] ts = new double[taus.length];
        for (int i = 0; i < ts.length; i++) ts[i] = taus[i];
        return ModelFigures.familyFigure("Fig. 8 — probability-flow field of a VP diffusion (exact score), τ = −t runs from −1 to 0",
                model.generationFamily(), ts, CriticalPoints.Options.box(2, 1.5, seeds),
                ModelFigures.FamilyView.plain("τ", MorsePlots.Box.square(1.5)).withNames("y₁", "y₂", false).withDagInsets().withRelativeEnergy(),
                starts);
    }

    /**
     * Fig. 9 / Prop. 23: the phase portrait with the circles |x| = R (left) and ⟨X(x), x⟩ along each circle against the
     * polar angle (right): negative everywhere = the flow crosses the circle inwards, the disc boundary is transverse.
     */
    public static Figure figure9(GradientSystem system, double[] radii, int seeds, int starts) {
        double half = 1.1 * java.util.Arrays.stream(radii).max().orElse(1);
        MorsePlots.Box box = MorsePlots.Box.square(half);
        PanelGrid g = new PanelGrid("Fig. 9 — a disc whose boundary the flow crosses inwards (Prop. 23), dual cusp", 1, 2, 1);
        g.aspect(1, 0.8);
        CriticalSet pts = CriticalPoints.find(system, CriticalPoints.Options.box(2, half, seeds));
        ConnectionGraph graph = MorseSmale.graph(system, pts, MorseSmale.Options.paper(1.5 * half));
        MorsePlots.Landscape l = MorsePlots.landscape(system, box, RES, false, false);
        MorsePlots.phasePortrait(g, 0, system, box, l, MorsePlots.energyAxis(g, List.of(l), "V (left panel)", -1), pts, graph, starts,
                false, "x₁", "x₂");
        CriticalPointStyle.key(g, false, starts > 0);
        String[] colors = {"rgb(255,60,200)", "rgb(255,160,0)", "rgb(0,215,215)", "rgb(255,255,255)"};
        int m = 720;
        double lo = 0, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < radii.length; i++) {
            double r = radii[i];
            double[][] circle = new double[2][m + 1], profile = new double[2][m + 1];
            double[] x = new double[2], v = new double[2];
            for (int j = 0; j <= m; j++) {
                double a = 2 * Math.PI * j / m;
                x[0] = r * Math.cos(a);
                x[1] = r * Math.sin(a);
                circle[0][j] = x[0];
                circle[1][j] = x[1];
                system.velocity(x, v);
                profile[0][j] = Math.toDegrees(a);
                profile[1][j] = v[0] * x[0] + v[1] * x[1]; // 004 Prop. 23: ⟨X, x⟩ < 0 on ∂D
                lo = Math.min(lo, profile[1][j]);
                hi = Math.max(hi, profile[1][j]);
            }
            String color = colors[i % colors.length];
            g.lines(0, List.<double[][]>of(circle), Map.of("color", color, "width", 2, "dash", "dash"), "R = " + f(r));
            g.lines(1, List.<double[][]>of(profile), Map.of("color", color, "width", 2), "R = " + f(r));
            g.key("|x| = " + num(r), "lines", null, Map.of("color", color, "width", 2));
        }
        g.lines(1, List.<double[][]>of(new double[][]{{0, 360}, {0, 0}}), Map.of("color", "black", "width", 1, "dash", "dot"), "zero");
        g.panelTitle(0, "circles |x| = R around all critical points");
        g.panelTitle(1, hi < 0 ? "⟨X, x⟩ < 0 on every circle (largest " + num(Math.round(hi * 100) / 100.0) + ")"
                : "⟨X, x⟩ ≥ 0 somewhere (largest " + num(Math.round(hi * 100) / 100.0) + "): not transverse");
        g.axes(1, "polar angle θ (degrees)", "⟨X(x), x⟩ on |x| = R", 0, 360, 1.05 * lo, Math.max(-0.08 * lo, 1.1 * hi));
        return g.build();
    }

    /** Fig. 10a: W_Hebb and the Algorithm-1 limit as heat maps on one diverging scale. */
    public static Figure figure10Weights(HebbianPgd.Result run) {
        int n = run.n();
        PanelGrid g = new PanelGrid("Fig. 10a — Hebbian weights and Algorithm 1's limit (36 neurons, 6 patterns)", 1, 2, 1)
                .panelWidth(380);
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        double[][][] mats = {toGrid(run.limit(), n), toGrid(run.last(), n)};
        double lim = 0;
        for (double[] w : List.of(run.limit(), run.last())) for (double v : w) lim = Math.max(lim, Math.abs(v));
        PanelGrid.ColorAxis axis = g.colorAxis("W<sub>ij</sub>", "RdBu", -lim, lim, -1);
        for (int k = 0; k < 2; k++) {
            g.heatmap(k, idx, idx, mats[k], axis);
            g.axes(k, "neuron j", "neuron i", -0.5, n - 0.5, n - 0.5, -0.5).equalAspect(k);
        }
        g.panelTitle(0, "Hebbian rule W<sub>Hebb</sub> (scaled to ‖W‖<sub>F</sub> = c)");
        g.panelTitle(1, "Algorithm 1 after " + run.iterations() + " iterations");
        return g.build();
    }

    /** Frame drawn around each Fig. 10b image. */
    static final String IMAGE_FRAME_COLOUR = "#888888";

    /**
     * Fig. 10b: recall from corrupted patterns: for each pattern (rows) the pattern ξ, the start u₀ = ξ + noise·N(0, I)
     * of trial 0 of {@link ContinuousHopfield#recallRate} (drawn as tanh u₀), and sign(u) after time 50 with W_Hebb and
     * with Algorithm 1's W; panel titles give the recall rates over {@code trials} starts.
     */
    public static Figure figure10Recall(HebbianPgd.Result run, double[][] patterns, String[] names, int[] which,
                                        double noise, int trials, long seed) {
        int side = (int) Math.round(Math.sqrt(run.n()));
        if (side * side != run.n()) throw new IllegalArgumentException("n must be a square for images (got " + run.n() + ")");
        PanelGrid g = new PanelGrid("Fig. 10b — recall from patterns corrupted by noise " + num(noise)
                + "·N(0, I), R⁻¹ = 0.125", which.length, 4, 1).panelWidth(170).shareAxes(true, true);
        ContinuousHopfield hebb = new ContinuousHopfield(run.limit(), 0.125), alg = new ContinuousHopfield(run.last(), 0.125);
        PanelGrid.ColorAxis axis = g.colorAxis("state (tanh u for the start)", "Greys", -1, 1, -1);
        double[] idx = new double[side];
        for (int i = 0; i < side; i++) idx[i] = i;
        String[] heads = {"pattern ξ", "start ξ + noise", "recalled, W<sub>Hebb</sub>", "recalled, Algorithm 1"};
        for (int c = 0; c < 4; c++) g.columnLabel(c, heads[c]);
        for (int r = 0; r < which.length; r++) {
            double[] xi = patterns[which[r]];
            java.util.SplittableRandom rng = org.hopscape.util.Rng.stream(seed, 0);
            double[] u0 = xi.clone();
            for (int i = 0; i < u0.length; i++) u0[i] += noise * rng.nextGaussian();
            double[] start = u0.clone();
            for (int i = 0; i < start.length; i++) start[i] = Math.tanh(start[i]);
            double[][] states = {xi, start, hebb.recall(u0, 50), alg.recall(u0, 50)};
            double[] rates = {Double.NaN, Double.NaN, hebb.recallRate(xi, noise, trials, 50, seed), alg.recallRate(xi, noise, trials, 50, seed)};
            for (int c = 0; c < 4; c++) {
                int k = r * 4 + c;
                // images: plotly's Greys runs black → white, so −1 is black and +1 white
                double[][] z = new double[side][side];
                for (int i = 0; i < run.n(); i++) z[i / side][i % side] = states[c][i];
                g.heatmap(k, idx, idx, z, axis);
                // a thin mid-grey frame, so white pixels at the edge do not merge into the page; it lies on the
                // panel's edge, where plotly clips a line to its inner half: width 2 shows 1 px
                double e = side - 0.5;
                g.lines(k, List.<double[][]>of(new double[][] {{-0.5, e, e, -0.5, -0.5}, {-0.5, -0.5, e, e, -0.5}}), IMAGE_FRAME_COLOUR, 2, "frame");
                g.axes(k, "", "", -0.5, side - 0.5, side - 0.5, -0.5).equalAspect(k).hideAxes(k);
                if (c >= 2) g.panelTitle(k, "recall rate " + num(rates[c]) + " (" + trials + " starts)");
            }
            g.rowLabel(r, "pattern " + names[which[r]]);
        }
        return g.build();
    }

    private static double[][] toGrid(double[] w, int n) {
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(w, i * n, z[i], 0, n);
        return z;
    }

    /** Fig. 10c: 2-D slices (axes pairs, rows) of the 36-neuron network at iterations {@code ks} (columns). */
    public static Figure figure10Slices(HebbianPgd.Result run, int[][] axes, int[] ks, int seeds, int starts) {
        PanelGrid g = new PanelGrid("Fig. 10c — 2-D slices u̇ = W<sub>SS</sub> tanh u − 0.125 u (other neurons at 0) along Algorithm 1",
                axes.length, ks.length, 1).shareAxes(false, false);
        MorsePlots.Box box = MorsePlots.Box.square(13);
        List<MorsePlots.Landscape> ls = new ArrayList<>();
        List<GradientSystem> systems = new ArrayList<>();
        for (int[] a : axes)
            for (int k : ks) {
                GradientSystem s = new ContinuousHopfield(run.iterates().get(k), 0.125).slice(a[0], a[1]);
                systems.add(s);
                ls.add(MorsePlots.landscape(s, box, RES, false, false));
            }
        // Ṽ(0) = 0 in every slice and u = 0 is a critical point of each: the sign of Ṽ says whether a state lies below
        // the origin, so Ṽ is drawn on the diverging map centred at 0, from the lowest value to the highest panel cap
        // (as MorsePlots.energyAxis, which would put it on a sequential map)
        double lo = 0, hi = 0;
        for (MorsePlots.Landscape l : ls) { lo = Math.min(lo, l.min()); hi = Math.max(hi, l.cap()); }
        PanelGrid.ColorAxis vAxis = DivergingAxes.centred(g, "Ṽ(u), Ṽ(0) = 0", lo, hi, -1);
        CriticalPointStyle.key(g, false, starts > 0);
        for (int r = 0; r < axes.length; r++) {
            g.rowLabel(r, "neurons " + axes[r][0] + " and " + axes[r][1]);
            for (int c = 0; c < ks.length; c++) {
                int p = r * ks.length + c;
                GradientSystem s = systems.get(p);
                CriticalSet pts = CriticalPoints.find(s, CriticalPoints.Options.box(2, 13, seeds));
                ConnectionGraph graph = MorseSmale.graph(s, pts, MorseSmale.Options.paper(20));
                MorsePlots.phasePortrait(g, p, s, box, ls.get(p), vAxis, pts, graph, starts, false,
                        "u" + sub(axes[r][0]), "u" + sub(axes[r][1]));
                g.panelTitle(p, MorsePlots.counts(pts));
                if (r == 0) g.columnLabel(c, "iteration k = " + ks[c]);
            }
        }
        return g.build();
    }

    /** Fig. 11: the U_t^η landscapes (in y) for training steps (rows) × generation times (columns), with critical points. */
    public static Figure figure11(GmmEbmTraining.Run run, double[] steps, double[] times, int starts) {
        return figure11(run, steps, times, 41, starts);
    }

    /** As above with {@code seeds}² Newton seeds per panel (as {@link #figure11Table}). */
    public static Figure figure11(GmmEbmTraining.Run run, double[] steps, double[] times, int seeds, int starts) {
        PanelGrid g = new PanelGrid("Fig. 11 — training (rows, step η) × generation (columns, time t): landscapes U<sub>t</sub> in y; titles: sinks · saddles · sources",
                steps.length, times.length, 1).panelWidth(230).shareAxes(true, true);
        MorsePlots.Box box = MorsePlots.Box.square(1.6);
        List<MorsePlots.Landscape> ls = new ArrayList<>();
        List<GradientSystem> systems = new ArrayList<>();
        for (double step : steps)
            for (double time : times) {
                GradientSystem s = new VpDiffusion(run.meansAt(step), GmmEbmTraining.MODEL_SD).hopfield(time);
                systems.add(s);
                ls.add(MorsePlots.landscape(s, box, 61, false, true));
            }
        PanelGrid.ColorAxis vAxis = MorsePlots.energyAxis(g, ls, "U<sub>t</sub> − min U<sub>t</sub>", -1);
        CriticalPointStyle.key(g, false, false, starts > 0);
        for (int r = 0; r < steps.length; r++) {
            g.rowLabel(r, "η = " + num(steps[r]));
            for (int c = 0; c < times.length; c++) {
                int k = r * times.length + c;
                CriticalSet pts = CriticalPoints.find(systems.get(k), CriticalPoints.Options.box(2, 1.6, seeds));
                MorsePlots.contours(g, k, ls.get(k), vAxis);
                if (starts > 0) MorsePlots.streamlines(g, k, MorsePlots.trajectories(systems.get(k), box, starts, 20, false), box,
                        CriticalPointStyle.TRAJECTORY, 0.8);
                MorsePlots.criticalPoints(g, k, pts, false, false);
                g.axes(k, "y₁", "y₂", -1.6, 1.6, -1.6, 1.6).equalAspect(k);
                g.panelTitle(k, pts.sinks() + " · " + pts.saddles() + " · " + pts.sources());
                if (r == 0) g.columnLabel(c, "t = " + num(times[c]));
            }
        }
        return g.build();
    }

    /**
     * Beyond the paper: a slider over the family parameter showing, at each value, the phase portrait (V, unstable
     * branches, critical points) and the graph of connections — folds and flips as they happen. It opens (and its
     * PNG shows) the first value with a saddle connection, else the last. Offline plotly
     * (slider steps switch traces), in the HTML reports and in JupyterLab.
     */
    public static Figure bifurcationSlider(String title, Family family, double[] etas, CriticalPoints.Options points,
                                           ModelFigures.FamilyView view) {
        MorsePlots.Box drawn = view.drawn();
        PanelGrid g = new PanelGrid(title, 1, 2, drawn.aspect()).panelWidth(380);
        List<GradientSystem> systems = new ArrayList<>();
        List<MorsePlots.Landscape> ls = new ArrayList<>();
        for (double e : etas) {
            GradientSystem s = family.at(e);
            systems.add(s);
            ls.add(MorsePlots.landscape(s, drawn, 41, view.swap(), view.relativeEnergy()));
        }
        PanelGrid.ColorAxis vAxis = MorsePlots.energyAxis(g, ls, view.relativeEnergy() ? "V − min V" : "V", -1);
        CriticalPointStyle.key(g, true, false);
        g.panelTitle(0, "phase portrait").panelTitle(1, "graph of connections");
        g.sliderPrefix(view.parameter() + " = ");
        String x = view.swap() ? view.name2() : view.name1(), y = view.swap() ? view.name1() : view.name2();
        int opening = etas.length - 1; // the figure opens at the first saddle connection, else at the end
        for (int i = 0; i < etas.length; i++) {
            g.frame(num(etas[i]));
            GradientSystem s = systems.get(i);
            CriticalSet pts = CriticalPoints.find(s, points);
            ConnectionGraph graph = MorseSmale.graph(s, pts, MorseSmale.Options.paper(1.5 * points.width()));
            MorsePlots.phasePortrait(g, 0, s, drawn, ls.get(i), vAxis, pts, graph, 0, view.swap(), x, y);
            MorsePlots.graph(graph, view.swap()).draw(g, 1, false, s.dimension());
            g.note(1, 0.5, 1.0, view.parameter() + " = " + num(etas[i]) + ": " + MorsePlots.counts(pts)
                    + (graph.hasSaddleConnection() ? ", saddle connection" : ""));
            if (graph.hasSaddleConnection() && opening == etas.length - 1) opening = i;
        }
        g.activeFrame(opening);
        g.panelTitle(1, null);
        // the slider's frames as plotly frames, with a play button that runs η through the grid
        return org.hopscape.plot.Animation.playable(g.build(), org.hopscape.plot.Animation.FRAME_MS);
    }

    /** Fig. 11's table: (sinks, saddles, sources) per (η, t), found in the y-box [−1.6, 1.6]². */
    public static tech.tablesaw.api.Table figure11Table(GmmEbmTraining.Run run, double[] steps, double[] times, int seeds) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Fig. 11 signatures (sinks,saddles,sources)",
                tech.tablesaw.api.DoubleColumn.create("η"));
        for (double time : times) t.addColumns(tech.tablesaw.api.StringColumn.create("t=" + f(time)));
        for (double step : steps) {
            t.doubleColumn("η").append(step);
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
