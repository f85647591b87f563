package org.hopscape.dynamics;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The critical points of one system, sorted by index then x₁ then x₂, with labels: sinks A, B, C…, saddles
 * a, b, c…, sources R1, R2… (spec 004 §1.3 labelling).
 *
 * @param points the critical points in label order
 * @param labels one label per point
 */
public record CriticalSet(List<CriticalPoint> points, List<String> labels) {

    public CriticalSet {
        points = List.copyOf(points);
        labels = List.copyOf(labels);
    }

    /** Sorts and labels. */
    public static CriticalSet of(List<CriticalPoint> found) {
        org.hopscape.util.Check.notNull("found", found);
        for (int i = 0; i < found.size(); i++) org.hopscape.util.Check.notNull("found[" + i + "]", found.get(i));
        List<CriticalPoint> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(CriticalPoint::morseIndex)
                .thenComparingDouble(p -> Math.round(p.x(0) * 1e8) / 1e8)
                .thenComparingDouble(p -> p.dimension() > 1 ? p.x(1) : 0));
        List<String> labels = new ArrayList<>();
        int sinks = 0, saddles = 0, sources = 0;
        for (CriticalPoint p : sorted) {
            if (p.isSink()) labels.add(letter('A', sinks++));
            else if (p.isSource()) labels.add("R" + (++sources));
            else labels.add(letter('a', saddles++));
        }
        return new CriticalSet(sorted, labels);
    }

    private static String letter(char base, int k) {
        return k < 26 ? String.valueOf((char) (base + k)) : String.valueOf((char) (base + k % 26)) + (k / 26);
    }

    public int size() {
        return points.size();
    }

    public CriticalPoint get(int i) {
        org.hopscape.util.Check.index("i", i, points.size());
        return points.get(i);
    }

    /** Number of points of Morse index k. */
    public int count(int index) {
        return (int) points.stream().filter(p -> p.morseIndex() == index).count();
    }

    public int sinks() {
        return count(0);
    }

    public int saddles() {
        return (int) points.stream().filter(CriticalPoint::isSaddle).count();
    }

    public int sources() {
        return points.isEmpty() ? 0 : count(points.get(0).dimension());
    }

    /** Σ (−1)^index — the Poincaré–Hopf count, = 1 on a disc with inward flow (spec §1.2). */
    public int eulerCount() {
        int s = 0;
        for (CriticalPoint p : points) s += (p.morseIndex() % 2 == 0) ? 1 : -1;
        return s;
    }

    /** "(sinks, saddles, sources)" — the panel signature used in spec tables. */
    public String signature() {
        return sinks() + "," + saddles() + "," + sources();
    }

    /** True when every point is non-degenerate. */
    public boolean morse() {
        return points.stream().allMatch(CriticalPoint::hyperbolic);
    }

    public List<CriticalPoint> ofIndex(int index) {
        return points.stream().filter(p -> p.morseIndex() == index).toList();
    }

    /** Index of the point nearest to x within {@code radius} (≥ 0, may be +∞), or −1. */
    public int nearest(double[] x, double radius) {
        org.hopscape.util.Check.finite("x", x);
        if (!points.isEmpty()) org.hopscape.util.Check.sameSize("x.length", x.length, "point dimension", points.get(0).dimension());
        if (!(radius >= 0)) throw new IllegalArgumentException("radius must be >= 0 (got " + radius + ")");
        int best = -1;
        double bd = radius;
        for (int i = 0; i < points.size(); i++) {
            double d = Linear.distance(points.get(i).position(), x);
            if (d <= bd) { bd = d; best = i; }
        }
        return best;
    }

    public String label(int i) {
        org.hopscape.util.Check.index("i", i, labels.size());
        return labels.get(i);
    }

    public int indexOf(String label) {
        return labels.indexOf(label);
    }

    /** One row per point: label, kind, index, coordinates, V, Hessian eigenvalues, residual, hyperbolic. */
    public Table toTable() {
        Table t = Table.create("Critical points", StringColumn.create("label"), StringColumn.create("kind"),
                IntColumn.create("index"));
        int n = points.isEmpty() ? 2 : points.get(0).dimension();
        for (int i = 0; i < n; i++) t.addColumns(DoubleColumn.create("x" + (i + 1)));
        t.addColumns(DoubleColumn.create("V"), StringColumn.create("hessian eigenvalues"),
                DoubleColumn.create("residual"), StringColumn.create("hyperbolic"));
        for (int k = 0; k < points.size(); k++) {
            CriticalPoint p = points.get(k);
            t.stringColumn("label").append(labels.get(k));
            t.stringColumn("kind").append(p.kind());
            t.intColumn("index").append(p.morseIndex());
            for (int i = 0; i < n; i++) t.doubleColumn("x" + (i + 1)).append(p.x(i));
            t.doubleColumn("V").append(p.energy());
            StringBuilder sb = new StringBuilder();
            for (double e : p.hessianEigenvalues()) sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", e));
            t.stringColumn("hessian eigenvalues").append(sb.toString());
            t.doubleColumn("residual").append(p.residual());
            t.stringColumn("hyperbolic").append(p.hyperbolic() ? "yes" : "no");
        }
        return t;
    }
}
