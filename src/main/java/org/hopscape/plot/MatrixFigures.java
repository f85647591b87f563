package org.hopscape.plot;

import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;

/** A matrix as a heat map on its row and column indices (e.g. α: memories × training samples). */
public final class MatrixFigures {
    private MatrixFigures() {}

    /** Heat map of z[row][column] with x = column index 0…C−1 and y = row index 0…R−1. */
    public static Figure matrix(String title, String columnTitle, String rowTitle, double[][] z) {
        Check.finite("z", z);
        double[] x = new double[z[0].length], y = new double[z.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        for (int i = 0; i < y.length; i++) y[i] = i;
        return Figures.heatmap(title, columnTitle, rowTitle, x, y, z);
    }

    /**
     * Heat map of a signed matrix (e.g. α coefficients): diverging map centred on 0 over a range symmetric about 0
     * (the largest |z|), with a colour bar titled {@code quantity}; same map as {@link MemoryImages} (blue negative,
     * red positive).
     */
    public static Figure signed(String title, String columnTitle, String rowTitle, String quantity, double[][] z) {
        Check.finite("z", z);
        Check.notNull("quantity", quantity);
        double[] x = new double[z[0].length], y = new double[z.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        for (int i = 0; i < y.length; i++) y[i] = i;
        double m = 0;
        for (double[] r : z) for (double v : r) m = Math.max(m, Math.abs(v));
        if (m == 0) m = 1;
        java.util.Map<String, Object> heat = new java.util.LinkedHashMap<>();
        heat.put("x", x);
        heat.put("y", y);
        heat.put("z", z);
        heat.put("colorscale", MemoryImages.COLORSCALE);
        heat.put("zmin", -m);
        heat.put("zmax", m);
        heat.put("zmid", 0.0);
        heat.put("colorbar", Keys.colorBar(quantity));
        return new Figure(Figures.layout(title, columnTitle, rowTitle), RawTrace.of("heatmap", heat));
    }
}
