package org.hopscape.plot;

import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pie charts placed at data coordinates of a panel (compositions drawn where they belong: a progenitor at its
 * persistence length, a state at its position). Plotly's own pies live in paper coordinates and cannot be put on
 * axes, so each pie is drawn as filled wedge polygons; on a panel with equal aspect
 * ({@link PanelGrid#equalAspect}) they are round at any width. One category (e.g. a lineage) has one colour in every
 * pie and one trace for all its wedges, so a key of the categories ({@link #keys}) names them all once.
 *
 * <p>Wedges start at 12 o'clock and go clockwise in category order, as plotly's pies do. A rim (black, red …)
 * marks a kind of pie; hovering a pie's centre shows its label and shares.
 */
public final class Pies {
    /** Polygon points per full turn (a wedge of share p gets at least 2 arc points). */
    public static final int SEGMENTS = 96;

    private final String[] names, colors;
    private final List<Pie> pies = new ArrayList<>();

    private record Pie(double cx, double cy, double r, double[] shares, String rim, double rimWidth, String label) {}

    /**
     * @param names  category names (legend and hover), one per share
     * @param colors one plotly colour per category
     */
    public Pies(List<String> names, String[] colors) {
        if (names.isEmpty()) throw new IllegalArgumentException("names must not be empty");
        Check.sameSize("colors.length", colors.length, "names.size()", names.size());
        this.names = names.toArray(new String[0]);
        this.colors = colors.clone();
    }

    /**
     * A pie at (cx, cy) of radius r (data units) with the given shares (≥ 0, not all 0; normalised here), a rim in
     * {@code rim} ({@code null}: none) and a hover label.
     */
    public Pies add(double cx, double cy, double r, double[] shares, String rim, double rimWidth, String label) {
        Check.sameSize("shares.length", shares.length, "categories", names.length);
        if (!(r > 0) || !Double.isFinite(r)) throw new IllegalArgumentException("r must be > 0 and finite, got " + r);
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) throw new IllegalArgumentException("centre must be finite, got (" + cx + ", " + cy + ")");
        pies.add(new Pie(cx, cy, r, normalised(shares), rim, rimWidth, label));
        return this;
    }

    /** Number of pies added. */
    public int size() {
        return pies.size();
    }

    /** Shares divided by their sum; IllegalArgumentException for a negative or non-finite share or a zero sum. */
    static double[] normalised(double[] shares) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] >= 0) || !Double.isFinite(shares[i]))
                throw new IllegalArgumentException("shares must be finite and ≥ 0, got shares[" + i + "] = " + shares[i]);
            sum += shares[i];
        }
        if (!(sum > 0)) throw new IllegalArgumentException("shares must not all be 0");
        double[] p = new double[shares.length];
        for (int i = 0; i < p.length; i++) p[i] = shares[i] / sum;
        return p;
    }

    /**
     * The wedges of one pie as closed polygons {xs, ys}, one per category ({@code null} for a zero share): centre,
     * arc from angle a₀ to a₁ (clockwise from 12 o'clock), centre. A share of 1 is the full circle without the centre.
     */
    public static double[][][] wedges(double cx, double cy, double r, double[] shares) {
        double[] p = normalised(shares);
        double[][][] out = new double[p.length][][];
        double start = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) continue;
            double end = start + p[i];
            int n = Math.max(2, (int) Math.ceil(p[i] * SEGMENTS) + 1);
            boolean full = p[i] > 1 - 1e-12;
            int m = full ? n : n + 2;
            double[] xs = new double[m], ys = new double[m];
            int j = 0;
            if (!full) { xs[j] = cx; ys[j++] = cy; }
            for (int s = 0; s < n; s++) {
                double a = 2 * Math.PI * (start + (end - start) * s / (n - 1)); // clockwise from 12 o'clock
                xs[j] = cx + r * Math.sin(a);
                ys[j++] = cy + r * Math.cos(a);
            }
            if (!full) { xs[j] = cx; ys[j] = cy; }
            out[i] = new double[][] {xs, ys};
            start = end;
        }
        return out;
    }

    /** A circle of radius r around (cx, cy) as a closed polygon {xs, ys}. */
    public static double[][] circle(double cx, double cy, double r) {
        double[] xs = new double[SEGMENTS + 1], ys = new double[SEGMENTS + 1];
        for (int s = 0; s <= SEGMENTS; s++) {
            double a = 2 * Math.PI * s / SEGMENTS;
            xs[s] = cx + r * Math.sin(a);
            ys[s] = cy + r * Math.cos(a);
        }
        return new double[][] {xs, ys};
    }

    /**
     * Draws every pie into panel {@code k}: per category one filled trace holding its wedges of all pies (white
     * separators), then the rims (one trace per rim colour and width), then invisible centre markers carrying the
     * hover text.
     */
    public void draw(PanelGrid g, int k) {
        List<double[][][]> w = new ArrayList<>();
        for (Pie p : pies) w.add(wedges(p.cx, p.cy, p.r, p.shares));
        for (int c = 0; c < names.length; c++) {
            List<double[][]> paths = new ArrayList<>();
            for (double[][][] pie : w) if (pie[c] != null) paths.add(pie[c]);
            if (paths.isEmpty()) continue;
            double[][] joined = join(paths);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("mode", "lines");
            t.put("x", joined[0]);
            t.put("y", joined[1]);
            t.put("fill", "toself"); // each gap-separated segment is filled on its own
            t.put("fillcolor", colors[c]);
            t.put("line", Attrs.of("color", "white", "width", 0.6));
            t.put("name", names[c]);
            t.put("hoverinfo", "skip");
            t.put("connectgaps", false);
            g.trace(k, "scatter", t);
        }
        Map<String, List<double[][]>> rims = new LinkedHashMap<>();
        for (Pie p : pies)
            if (p.rim != null) rims.computeIfAbsent(p.rim + "|" + p.rimWidth, key -> new ArrayList<>()).add(circle(p.cx, p.cy, p.r));
        for (Map.Entry<String, List<double[][]>> e : rims.entrySet()) {
            String[] key = e.getKey().split("\\|");
            g.lines(k, e.getValue(), Attrs.of("color", key[0], "width", Double.parseDouble(key[1])), "rim");
        }
        double[] x = new double[pies.size()], y = new double[pies.size()];
        String[] hover = new String[pies.size()];
        for (int i = 0; i < pies.size(); i++) {
            Pie p = pies.get(i);
            x[i] = p.cx;
            y[i] = p.cy;
            StringBuilder sb = new StringBuilder(p.label == null ? "" : p.label);
            for (int c = 0; c < names.length; c++)
                if (p.shares[c] > 0) sb.append(sb.isEmpty() ? "" : "<br>").append(names[c]).append(": ").append(Numbers.format(p.shares[c]));
            hover[i] = sb.toString();
        }
        g.markers(k, x, y, Attrs.of("size", 14, "opacity", 0), "pie", hover);
    }

    /** Key entries (square markers in the category colours), one per category, in order. */
    public void keys(PanelGrid g) {
        for (int c = 0; c < names.length; c++)
            g.key(names[c], "markers", Attrs.of("symbol", "square", "size", 11, "color", colors[c]), null);
    }

    private static double[][] join(List<double[][]> paths) {
        int n = 0;
        for (double[][] p : paths) n += p[0].length + 1;
        double[] xs = new double[n - 1], ys = new double[n - 1];
        int i = 0;
        for (int q = 0; q < paths.size(); q++) {
            double[][] p = paths.get(q);
            for (int j = 0; j < p[0].length; j++, i++) { xs[i] = p[0][j]; ys[i] = p[1][j]; }
            if (q < paths.size() - 1) { xs[i] = Double.NaN; ys[i++] = Double.NaN; }
        }
        return new double[][] {xs, ys};
    }
}
