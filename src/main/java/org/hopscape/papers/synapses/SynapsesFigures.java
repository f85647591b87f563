package org.hopscape.papers.synapses;

import org.hopscape.analysis.Hyperbolicity;
import org.hopscape.analysis.MarchenkoPastur;
import org.hopscape.analysis.MarchenkoPasturSpectra;
import org.hopscape.learning.Clamping;
import org.hopscape.learning.SoftmaxSynapses;
import org.hopscape.plot.Figures;
import org.hopscape.plot.Keys;
import org.hopscape.plot.Numbers;
import org.hopscape.plot.PlotlyFigure;
import org.hopscape.plot.RawTrace;
import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of notebook 05 (paper 003, Lotito) in the paper's notation: subscripts as {@code <sub>}, primes as ′,
 * every panel's parameters in its title, a key for every mark (solid simulation, dashed theory), few averaged points
 * as markers with their sampling error, log axes in powers of ten.
 */
public final class SynapsesFigures {
    private SynapsesFigures() {}

    /** One colour per memory or per run (plotly's first four, as in the paper's figure). */
    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    static final String NV = "N<sub>v</sub>", NH = "N<sub>h</sub>", TAU_XI = "τ<sub>Ξ</sub>",
            LAMBDA_MIN = "λ<sub>min</sub>";
    /** The random-matrix ensemble of §5.4 and the fixed point it is about (Eq. 29). */
    static final String ENSEMBLE = "ξ<sub>i</sub><sup>μ</sup> ~ N(0, 1/" + NH + "), v* = 0 with b = I = 0 (Eq. 29)";

    // ---- App. B Fig. 1 -----------------------------------------------------------------------------------------

    /**
     * 003 App. B Fig. 1: sim<sub>μ</sub>(t) = cos(Ξ<sub>μ</sub>(t), ξ′<sub>μ</sub>) of each memory (solid) and Eq. 40
     * with the run's α<sub>μ</sub> and τ<sub>μ</sub> (dashed, same colour); the run's parameters under the title.
     */
    public static Figure appendixB1(SoftmaxSynapses.Run run) {
        Check.notNull("run", run);
        double[] t = run.times(), alpha = run.patterns().initialOverlaps();
        double[][] sim = run.similarity(), eq = run.eq40();
        List<Trace> traces = new ArrayList<>();
        for (int m = 0; m < sim.length; m++) {
            String c = COLOURS[m % COLOURS.length];
            traces.add(line(t, sim[m], "memory μ = " + (m + 1) + " (α<sub>" + (m + 1) + "</sub> = " + Numbers.format(alpha[m]) + ")",
                    c, "solid", true, "m" + m));
            traces.add(line(t, eq[m], "Eq. 40, memory " + (m + 1), c, "dash", false, "m" + m));
        }
        traces.add(keyLine("simulation (Eq. 12–14)", "solid"));
        traces.add(keyLine("Eq. 40 (closed form)", "dash"));
        SoftmaxSynapses.Options o = run.options();
        String title = "App. B Fig. 1 — cos(Ξ<sub>μ</sub>(t), ξ′<sub>μ</sub>), " + clamping(o.clamping(), o.memories())
                + "<br>" + parameters(o) + ", seed " + run.seed();
        return figure(title, "time t (Euler steps, dt = " + Numbers.format(o.dt()) + ")", "cosine similarity", traces,
                traces.size(), false);
    }

    /** The clamping schedule in words: "cyclic clamping", "i.i.d. clamping, p = (0.4, 0.3, 0.2, 0.1)". */
    public static String clamping(Clamping c, int memories) {
        Check.notNull("clamping", c);
        if (c instanceof Clamping.Iid iid) {
            double[] p = iid.p();
            return p == null ? "i.i.d. clamping, p<sub>μ</sub> = 1/" + memories
                    : "i.i.d. clamping, p = (" + Numbers.list(p) + ")";
        }
        return c + " clamping";
    }

    static String parameters(SoftmaxSynapses.Options o) {
        return NV + " = " + o.visible() + ", " + NH + " = " + o.memories() + ", " + TAU_XI + " = " + Numbers.format(o.tau())
                + ", σ = " + Numbers.format(o.sigma()) + ", β = " + Numbers.format(o.beta()) + ", T = " + o.steps();
    }

    // ---- Eq. 24–25 ---------------------------------------------------------------------------------------------

    /**
     * 003 Eq. 24–25: relative Frobenius distance of ΞᵀΞ(t) to Ξ′ᵀΞ′ (solid) and to the generalised matrix
     * N<sub>h</sub> Ξ′ᵀdiag(p)Ξ′ of Eq. 23 (dashed), with Eq. 24 as markers, one colour per run, log scale.
     */
    public static Figure hebb(SoftmaxSynapses.Run... runs) {
        if (runs == null || runs.length == 0) throw new IllegalArgumentException("runs must hold at least one run");
        List<Trace> traces = new ArrayList<>();
        for (int k = 0; k < runs.length; k++) {
            SoftmaxSynapses.Run r = runs[k];
            String c = COLOURS[k % COLOURS.length], label = clamping(r.options().clamping(), r.options().memories());
            double[] t = new double[r.recordSteps().length];
            for (int i = 0; i < t.length; i++) t[i] = r.recordSteps()[i] * r.options().dt();
            traces.add(line(t, floor(r.hebbDistance()), "to Ξ′ᵀΞ′ (Eq. 25), " + label, c, "solid", true, "r" + k));
            traces.add(line(t, floor(r.generalisedDistance()), "to " + NH + " Ξ′ᵀdiag(p)Ξ′ (Eq. 23), " + label, c, "dash",
                    true, "r" + k));
            int every = Math.max(1, t.length / 25); // about 25 markers per run, so that the lines stay visible
            double[] e24 = r.eq24HebbDistance();
            int n = (t.length + every - 1) / every;
            double[] mt = new double[n], me = new double[n];
            for (int i = 0; i < n; i++) { mt[i] = t[i * every]; me[i] = e24[i * every]; }
            traces.add(RawTrace.of("scatter", Map.of("x", mt, "y", floor(me), "mode", "markers", "name", "Eq. 24, " + label,
                    "legendgroup", "r" + k, "marker", Map.of("color", c, "size", 7, "symbol", "circle-open",
                            "line", Map.of("width", 2, "color", c)))));
        }
        String params = parameters(runs[0].options()).replaceAll(", T = \\d+$", "");
        return figure("Eq. 24–25 — ΞᵀΞ(t) → Ξ′ᵀΞ′ (relative Frobenius distance)<br>" + params,
                "time t (Euler steps)", "relative distance", traces, traces.size(), true);
    }

    /** The relative distance of ΞᵀΞ to Ξ′ᵀΞ′ at the recorded step nearest to {@code step}. */
    public static double hebbDistanceAt(SoftmaxSynapses.Run run, int step) {
        int[] s = run.recordSteps();
        int best = 0;
        for (int i = 1; i < s.length; i++) if (Math.abs(s[i] - step) < Math.abs(s[best] - step)) best = i;
        return run.hebbDistance()[best];
    }

    // ---- §5.4: Marchenko–Pastur ----------------------------------------------------------------------------------

    /**
     * 003 §5.4: density histogram of the pooled nonzero eigenvalues of ΞᵀΞ at one load, the Marchenko–Pastur density
     * ρ(λ) and the edges λ<sub>±</sub> = (1 ± √(1/α))² (dashed).
     */
    public static Figure spectrum(MarchenkoPasturSpectra.Result result, double load) {
        MarchenkoPasturSpectra.LoadSpectrum s = result.at(load);
        MarchenkoPastur law = s.law();
        double lo = law.lowerEdge(), hi = law.upperEdge();
        int n = 400;
        double[] x = new double[n + 1], y = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = lo + (hi - lo) * i / n;
            y[i] = law.nonzeroDensity(x[i]);
        }
        double top = 0;
        for (int i = n / 50; i <= n; i++) top = Math.max(top, y[i]);
        top *= 1.3;
        List<Trace> traces = new ArrayList<>();
        traces.add(RawTrace.of("histogram", Map.of("x", s.pooledEigenvalues(), "histnorm", "probability density",
                "xbins", Map.of("start", lo, "end", hi, "size", (hi - lo) / result.options().bins()),
                "name", "nonzero eigenvalues (" + result.options().pooled() + " draws pooled)",
                "marker", Map.of("color", "#9ecae1", "line", Map.of("color", "#3182bd", "width", 0.5)))));
        traces.add(line(x, y, "Marchenko–Pastur ρ(λ)", "#d62728", "solid", true, null));
        traces.add(RawTrace.of("scatter", Map.of("x", new double[] {lo, lo, Double.NaN, hi, hi},
                "y", new double[] {0, top, Double.NaN, 0, top}, "mode", "lines", "connectgaps", false,
                "name", "edges λ<sub>±</sub> = (1 ± √(1/α))²", "line", Map.of("color", "black", "dash", "dash", "width", 1.5))));
        String title = "§5.4 — spectrum of ΞᵀΞ, ξ<sub>i</sub><sup>μ</sup> ~ N(0, 1/" + NH + ")<br>α = " + Numbers.format(s.load())
                + " (" + NV + " = " + s.nVisible() + ", " + NH + " = " + s.nHidden() + ")";
        Map<String, Object> extra = baseExtra(traces.size(), false);
        extra.put("yaxis", axis(Map.of("range", List.of(0, top), "rangemode", "tozero")));
        // the x axis starts a little left of 0 so that the "0" tick labels of x and y do not meet in the corner
        extra.put("xaxis", axis(Map.of("range", List.of(-0.04 * (hi + 0.05 * hi), hi * 1.05))));
        return new PlotlyFigure(layout(title, "eigenvalue λ of ΞᵀΞ", "density"), extra, traces.toArray(new Trace[0]));
    }

    // ---- §5.4: hyperbolicity -------------------------------------------------------------------------------------

    /** One marker trace per N<sub>v</sub>: value and error bar of each load's point, the draws in the legend. */
    private static List<Trace> perSize(Hyperbolicity.Result result, java.util.function.ToDoubleFunction<Hyperbolicity.Point> value,
                                       java.util.function.ToDoubleFunction<Hyperbolicity.Point> error,
                                       java.util.function.ToIntFunction<Hyperbolicity.Point> draws) {
        List<Trace> traces = new ArrayList<>();
        int[] visibles = result.options().visibles();
        for (int k = 0; k < visibles.length; k++) {
            List<Hyperbolicity.Point> ps = points(result, visibles[k]);
            double[] x = new double[ps.size()], y = new double[ps.size()], e = new double[ps.size()];
            for (int i = 0; i < x.length; i++) {
                Hyperbolicity.Point p = ps.get(i);
                x[i] = p.load();
                y[i] = value.applyAsDouble(p);
                e[i] = error.applyAsDouble(p);
            }
            traces.add(markers(x, y, e, NV + " = " + visibles[k] + " (" + draws.applyAsInt(ps.get(0)) + " draws)",
                    COLOURS[k % COLOURS.length]));
        }
        return traces;
    }

    /**
     * P(λ<sub>min</sub> > 1) against the load, one colour per N<sub>v</sub>, as markers with their binomial standard
     * error (each point is a fraction of draws), the boundary α = 1/4 dotted.
     */
    public static Figure gap(Hyperbolicity.Result result) {
        // binomial standard error of a fraction of draws
        List<Trace> traces = perSize(result, Hyperbolicity.Point::gapProbability,
                p -> Math.sqrt(p.gapProbability() * (1 - p.gapProbability()) / p.gapDraws()), Hyperbolicity.Point::gapDraws);
        traces.add(RawTrace.of("scatter", Map.of("x", new double[] {0.25, 0.25}, "y", new double[] {0, 1.05}, "mode", "lines",
                "name", "α = 1/4 (λ<sub>−</sub> = 1)", "line", Map.of("color", "grey", "dash", "dot"))));
        Map<String, Object> extra = baseExtra(traces.size(), false);
        extra.put("yaxis", axis(Map.of("range", List.of(-0.05, 1.08))));
        return new PlotlyFigure(layout("§5.4 — probability that the smallest nonzero eigenvalue of ΞᵀΞ exceeds 1<br>" + ENSEMBLE,
                "load α = " + NH + "/" + NV, "P(" + LAMBDA_MIN + " > 1)"), extra, traces.toArray(new Trace[0]));
    }

    /**
     * The mean distance min<sub>k</sub>|λ<sub>k</sub> − 1| of the nonzero spectrum from 1 against the load (log scale),
     * markers with the standard error of the mean, and the limit max(1/α − 2/√α, 0) where it is positive.
     */
    public static Figure distance(Hyperbolicity.Result result) {
        // standard error of the mean over draws
        List<Trace> traces = perSize(result, Hyperbolicity.Point::meanDistance,
                p -> p.sdDistance() / Math.sqrt(p.distanceDraws()), Hyperbolicity.Point::distanceDraws);
        double[] loads = result.options().loads();
        double lo = Arrays.stream(loads).min().orElseThrow(),
                hi = Math.min(Arrays.stream(loads).max().orElseThrow(), Hyperbolicity.CRITICAL_LOAD - 1e-3);
        if (lo < hi) {
            int n = 200;
            double[] x = new double[n + 1], y = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                x[i] = lo + (hi - lo) * i / n;
                y[i] = Hyperbolicity.limitDistance(x[i]);
            }
            traces.add(line(x, y, "limit max(1/α − 2/√α, 0)", "black", "dash", true, null));
        }
        Map<String, Object> extra = baseExtra(traces.size(), true);
        return new PlotlyFigure(layout("§5.4 — distance of the nonzero spectrum of ΞᵀΞ from 1<br>" + ENSEMBLE, "load α = " + NH + "/" + NV,
                "mean min<sub>k</sub> |λ<sub>k</sub> − 1|"), extra, traces.toArray(new Trace[0]));
    }

    static List<Hyperbolicity.Point> points(Hyperbolicity.Result result, int visible) {
        return result.points().stream().filter(p -> p.visible() == visible).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static Figure figure(String title, String xTitle, String yTitle, List<Trace> traces, int legendEntries, boolean logY) {
        return new PlotlyFigure(layout(title, xTitle, yTitle), baseExtra(legendEntries, logY), traces.toArray(new Trace[0]));
    }

    static Layout layout(String title, String xTitle, String yTitle) {
        return Layout.builder().title(title).width(Figures.WIDTH + 180).height(Figures.HEIGHT)
                .xAxis(Axis.builder().title(xTitle).build()).yAxis(Axis.builder().title(yTitle).build()).build();
    }

    /** Ticks outside (the corner labels of x and y stay apart), a legend without scroll bar, log y in powers of ten. */
    static Map<String, Object> baseExtra(int legendEntries, boolean logY) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("xaxis", axis(Map.of("separatethousands", true)));
        Map<String, Object> y = new LinkedHashMap<>(axis(Map.of()));
        if (logY) {
            y.put("type", "log");
            y.put("exponentformat", "power");
            y.put("dtick", 2); // every second power of ten
        }
        extra.put("yaxis", y);
        extra.put("legend", Keys.legend(legendEntries, 12));
        extra.put("margin", Map.of("t", 90));
        return extra;
    }

    static Map<String, Object> axis(Map<String, Object> more) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("ticks", "outside");
        a.put("ticklen", 5);
        a.put("zeroline", false);
        a.putAll(more);
        return a;
    }

    static Trace line(double[] x, double[] y, String name, String colour, String dash, boolean legend, String group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("y", y);
        m.put("mode", "lines");
        m.put("name", name);
        m.put("showlegend", legend);
        if (group != null) m.put("legendgroup", group);
        m.put("line", Map.of("color", colour, "width", 2, "dash", dash));
        return RawTrace.of("scatter", m);
    }

    /** A legend entry only (no data drawn): the line style of a kind of curve. */
    static Trace keyLine(String name, String dash) {
        return RawTrace.of("scatter", Map.of("x", new double[] {Double.NaN}, "y", new double[] {Double.NaN}, "mode", "lines",
                "name", name, "line", Map.of("color", "#444", "width", 2, "dash", dash)));
    }

    static Trace markers(double[] x, double[] y, double[] error, String name, String colour) {
        return RawTrace.of("scatter", Map.of("x", x, "y", y, "mode", "markers+lines", "name", name,
                "line", Map.of("color", colour, "width", 1, "dash", "dot"),
                "marker", Map.of("color", colour, "size", 8),
                "error_y", Map.of("type", "data", "array", error, "color", colour, "thickness", 1.5, "width", 4)));
    }

    /** Values below 1e-16 drawn at 1e-16 on log axes. */
    static double[] floor(double[] x) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] = Math.max(y[i], 1e-16);
        return y;
    }
}
