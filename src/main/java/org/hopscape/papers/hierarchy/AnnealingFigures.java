package org.hopscape.papers.hierarchy;

import org.hopscape.learning.Annealing;
import org.hopscape.learning.AnnealingEmbedding;
import org.hopscape.learning.AnnealingFeedback;
import org.hopscape.analysis.PersistenceLength;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures of 002 Fig 3: embedded annealing trajectories coloured by fate (A/C), mean softmax contributions of
 * erythrocyte-bound cells over time (B/D), feedback history, the progenitor sequence by persistence length (E)
 * and the persistence-length map of all progenitor subsets (F). Titles carry the data label ("synthetic …").
 */
public final class AnnealingFigures {
    private AnnealingFigures() {}

    /** One colour per lineage (Ery, Mk, Baso, Mast, Eos, Neut, Mac, DC, B, T, NK). */
    public static final String[] COLORS = {"#d62728", "#ff7f0e", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
            "#2ca02c", "#9467bd", "#1f77b4", "#393b79", "#7f7f7f"};

    static String color(int i) { return COLORS[i % COLORS.length]; }

    /** Fig 3A/C: embedded trajectory points coloured by terminal type. */
    public static Figure embedding(AnnealingEmbedding e, List<String> names, String title) {
        List<Trace> t = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            int ff = f;
            int[] idx = java.util.stream.IntStream.range(0, e.fate().length).filter(i -> e.fate()[i] == ff).toArray();
            if (idx.length == 0) continue;
            double[] x = new double[idx.length], y = new double[idx.length];
            for (int a = 0; a < idx.length; a++) { x[a] = e.coordinates()[idx[a]][0]; y[a] = e.coordinates()[idx[a]][1]; }
            t.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name(names.get(f))
                    .marker(Marker.builder().size(3).color(color(f)).opacity(0.6).build()).build());
        }
        Layout layout = Layout.builder().title(title).width(760).height(600)
                .xAxis(Axis.builder().title(e.method() + " 1").build()).yAxis(Axis.builder().title(e.method() + " 2").build()).build();
        return new Figure(layout, t.toArray(new Trace[0]));
    }

    /** Fig 3B/D: stacked mean softmax shares of cells of type {@code fate} versus β (= 2.5 t). */
    public static Figure shares(Annealing.Run run, int fate, List<String> names, String title) {
        double[][] m = run.meanSoftmax(fate);
        double[] beta = run.snapshotBetas();
        double[] cum = new double[beta.length];
        List<Trace> t = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] y = new double[beta.length];
            for (int s = 0; s < beta.length; s++) { cum[s] += m[s][i]; y[s] = cum[s]; }
            t.add(ScatterTrace.builder(beta, y).mode(ScatterTrace.Mode.LINE).name(names.get(i))
                    .fill(i == 0 ? ScatterTrace.Fill.TO_ZERO_Y : ScatterTrace.Fill.TO_NEXT_Y).fillColor(color(i))
                    .line(Line.builder().color(color(i)).width(0.5).build()).build());
        }
        Layout layout = Layout.builder().title(title + " (n = " + run.fateCounts()[fate] + " cells)").width(760).height(460)
                .xAxis(Axis.builder().title("β = 2.5 t").build())
                .yAxis(Axis.builder().title("mean softmax share").range(0, 1).build()).build();
        return new Figure(layout, t.toArray(new Trace[0]));
    }

    /** Feedback history: w_i per round. */
    public static Figure feedback(AnnealingFeedback.Result r, String title) {
        double[] rounds = new double[r.history().length];
        for (int i = 0; i < rounds.length; i++) rounds[i] = i;
        List<Trace> t = new ArrayList<>();
        for (int i = 0; i < r.weights().length; i++) {
            double[] w = new double[rounds.length];
            for (int s = 0; s < rounds.length; s++) w[s] = r.history()[s][i];
            t.add(ScatterTrace.builder(rounds, w).mode(ScatterTrace.Mode.LINE).name(r.names().get(i))
                    .line(Line.builder().color(color(i)).width(1.5).build()).build());
        }
        Layout layout = Layout.builder().title(title).width(760).height(420)
                .xAxis(Axis.builder().title("feedback round").build()).yAxis(Axis.builder().title("w_i").build()).build();
        return new Figure(layout, t.toArray(new Trace[0]));
    }

    /** Fig 3E: compositions of the selected progenitors (stacked bars) per persistence-length step, two panels. */
    public static Figure progenitorSequence(List<PersistenceLength.Step> left, List<PersistenceLength.Step> right,
                                            List<String> names, String leftTitle, String rightTitle, String title) {
        List<Trace> t = new ArrayList<>();
        for (int panel = 0; panel < 2; panel++) {
            List<PersistenceLength.Step> seq = panel == 0 ? left : right;
            String prefix = panel == 0 ? leftTitle : rightTitle;
            Object[] x = new Object[seq.size()];
            for (int s = 0; s < seq.size(); s++)
                x[s] = prefix + ": ℓ ≤ " + (Double.isInfinite(seq.get(s).upTo()) ? "∞" : String.format(java.util.Locale.ROOT, "%.2f", seq.get(s).upTo()));
            for (int i = 0; i < names.size(); i++) {
                double[] y = new double[seq.size()];
                for (int s = 0; s < seq.size(); s++) y[s] = seq.get(s).composition()[i];
                t.add(BarTrace.builder(x, y).name(names.get(i)).showLegend(panel == 0)
                        .marker(Marker.builder().color(color(i)).build())
                        .xAxis(panel == 0 ? "x" : "x2").yAxis(panel == 0 ? "y" : "y2").build());
            }
        }
        Layout layout = Layout.builder().title(title).width(1100).height(460).barMode(Layout.BarMode.STACK)
                .grid(Grid.builder().rows(1).columns(2).pattern(Grid.Pattern.INDEPENDENT).build()).build();
        return new Figure(layout, t.toArray(new Trace[0]));
    }

    /**
     * Fig 3F: every progenitor subset at radius ℓ_L and the angle of its composition (grey); observed sets larger
     * with a black rim, newly described ones with a red rim; lineage labels on the outer ring.
     */
    public static Figure persistenceMap(PersistenceLength pl, double[] w, List<String> order, List<List<String>> observed,
                                        List<List<String>> newlyDescribed, String title) {
        int[] masks = pl.progenitorSubsets();
        double[] x = new double[masks.length], y = new double[masks.length];
        String[] labels = new String[masks.length];
        for (int a = 0; a < masks.length; a++) {
            double[] p = pl.position(masks[a], w, order);
            x[a] = p[0]; y[a] = p[1];
            labels[a] = pl.label(masks[a]);
        }
        List<Trace> t = new ArrayList<>();
        t.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name("all subsets").text(labels)
                .marker(Marker.builder().size(4).color("rgba(150,150,150,0.5)").build()).build());
        t.add(sets(pl, w, order, observed, "observed progenitors", "black"));
        t.add(sets(pl, w, order, newlyDescribed, "newly described (red)", "red"));
        double rMax = 0;
        for (int a = 0; a < masks.length; a++) rMax = Math.max(rMax, Math.hypot(x[a], y[a]));
        double[] lx = new double[order.size()], ly = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            double th = 2 * Math.PI * i / order.size();
            lx[i] = 1.1 * rMax * Math.cos(th);
            ly[i] = 1.1 * rMax * Math.sin(th);
        }
        t.add(ScatterTrace.builder(lx, ly).mode(ScatterTrace.Mode.TEXT).text(order.toArray(new String[0])).name("lineages").build());
        Layout layout = Layout.builder().title(title).width(720).height(720)
                .xAxis(Axis.builder().title("radius = persistence length 1/μ²").build())
                .yAxis(Axis.builder().scaleRatio(1).build()).build();
        return new Figure(layout, t.toArray(new Trace[0]));
    }

    private static Trace sets(PersistenceLength pl, double[] w, List<String> order, List<List<String>> sets, String name,
                              String rim) {
        double[] x = new double[sets.size()], y = new double[sets.size()];
        String[] labels = new String[sets.size()];
        for (int a = 0; a < sets.size(); a++) {
            int m = pl.mask(sets.get(a).toArray(new String[0]));
            double[] p = pl.position(m, w, order);
            x[a] = p[0]; y[a] = p[1];
            labels[a] = pl.label(m) + String.format(java.util.Locale.ROOT, " (ℓ = %.2f)", pl.length(m));
        }
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.MARKERS).name(name).text(labels)
                .marker(Marker.builder().size(14).color("rgba(255,255,255,0.6)")
                        .line(Line.builder().color(rim).width(2.5).build()).build()).build();
    }
}
