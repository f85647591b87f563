package org.hopscape.plot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/**
 * A long number array (1-D, or a rectangular 2-D one with {@code "shape": "rows,cols"}) in plotly's typed-array
 * form, {@code {"dtype": "f4", "bdata": "<base64, little-endian>"}},
 * which plotly.js (2.28 and later; the reports use 2.35, JupyterLab's renderer a later one) reads like a plain array.
 * In a notebook it is one string instead of one line per number (nbformat indents every array element). Values go
 * as float32 (relative error below 6e-8, finer than the 7 significant digits of the decimal form) unless one is out
 * of float32's range, then as float64; NaN stays NaN, which plotly draws as a gap, like {@code null}.
 */
record TypedArray(double[] values, int rows, int cols) {
    /** Arrays with fewer numbers than this stay plain JSON, readable in the notebook file. */
    static final int MIN_LENGTH = 100;

    /** A 1-D array. */
    TypedArray(double[] values) {
        this(values, 0, values.length);
    }

    /**
     * {@code list} as a typed array if it holds at least {@value #MIN_LENGTH} numbers: a list of numbers, or a
     * rectangular list of rows of numbers (a heat map's z, sent with {@code shape "rows,cols"}); else unchanged.
     */
    static Object ifLong(List<?> list) {
        if (!list.isEmpty() && list.getFirst() instanceof List<?> first) {
            int rows = list.size(), cols = first.size();
            if ((long) rows * cols < MIN_LENGTH) return list;
            double[] v = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                if (!(list.get(r) instanceof List<?> row) || row.size() != cols || !fill(row, v, r * cols)) return list;
            }
            return new TypedArray(v, rows, cols);
        }
        if (list.size() < MIN_LENGTH) return list;
        double[] v = new double[list.size()];
        return fill(list, v, 0) ? new TypedArray(v) : list;
    }

    private static boolean fill(List<?> from, double[] to, int at) {
        for (int i = 0; i < from.size(); i++) {
            Object x = from.get(i);
            if (x == null) to[at + i] = Double.NaN; // a gap either way
            else if (x instanceof Number n) to[at + i] = n.doubleValue();
            else return false;
        }
        return true;
    }

    /** plotly's shape string, rows first; null for a 1-D array. */
    String shape() {
        return rows == 0 ? null : rows + "," + cols;
    }

    /** float32 holds every value to 7 significant digits (and in range); NaN and ±∞ pass as such. */
    boolean fitsFloat32() {
        for (double d : values) {
            if (!Double.isFinite(d) || d == 0) continue;
            double a = Math.abs(d);
            if (a > 3e38 || a < 1e-37) return false;
            if (Math.abs((float) d - d) > 5e-7 * a) return false; // the decimal form's 7 digits allow 5e-7
        }
        return true;
    }

    String dtype() {
        return fitsFloat32() ? "f4" : "f8";
    }

    String bdata() {
        boolean f4 = fitsFloat32();
        ByteBuffer b = ByteBuffer.allocate(values.length * (f4 ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : values) {
            if (f4) b.putFloat((float) d);
            else b.putDouble(d);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }
}
