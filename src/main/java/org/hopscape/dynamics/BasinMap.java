package org.hopscape.dynamics;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Partition of a 2-D grid into stable manifolds of the sinks (004 §2.3.2, Fig. 2b).
 *
 * @param points     the critical points the labels refer to
 * @param x1         grid coordinates along x₁
 * @param x2         grid coordinates along x₂
 * @param labels     labels[j][i] = node index of the sink reached from (x1[i], x2[j]); −1 = not captured
 * @param discRadius fractions are over |x| ≤ R when R > 0, else over the whole grid
 */
public record BasinMap(CriticalSet points, double[] x1, double[] x2, int[][] labels, double discRadius) {

    private boolean inside(int i, int j) {
        return discRadius <= 0 || x1[i] * x1[i] + x2[j] * x2[j] <= discRadius * discRadius;
    }

    /** Fraction of the (disc) grid points captured by the sink with node index k (−1: not captured). */
    public double fraction(int node) {
        long in = 0, hit = 0;
        for (int j = 0; j < x2.length; j++)
            for (int i = 0; i < x1.length; i++)
                if (inside(i, j)) { in++; if (labels[j][i] == node) hit++; }
        return (double) hit / in;
    }

    /** Fraction of the sink labelled {@code label} (e.g. "A"). */
    public double fraction(String label) {
        int k = points.indexOf(label);
        if (k < 0) throw new IllegalArgumentException("label '" + label + "' is not a node (nodes " + points.labels() + ")");
        return fraction(k);
    }

    public double unconverged() {
        return fraction(-1);
    }

    /** Labels as doubles (NaN for −1) for a heat map. */
    public double[][] grid() {
        double[][] z = new double[x2.length][x1.length];
        for (int j = 0; j < x2.length; j++)
            for (int i = 0; i < x1.length; i++) z[j][i] = labels[j][i] < 0 ? Double.NaN : labels[j][i];
        return z;
    }

    /** sink label → area fraction. */
    public Table toTable() {
        Table t = Table.create("Basin fractions", StringColumn.create("sink"), DoubleColumn.create("fraction"));
        for (int k = 0; k < points.size(); k++)
            if (points.get(k).isSink()) {
                t.stringColumn("sink").append(points.label(k));
                t.doubleColumn("fraction").append(fraction(k));
            }
        t.stringColumn("sink").append("not captured");
        t.doubleColumn("fraction").append(unconverged());
        return t;
    }
}
