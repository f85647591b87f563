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
}
