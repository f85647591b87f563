package org.hopscape.util;

/** Argument validation with messages that name the parameter, its value and the allowed range (style.md #4–5). */
public final class Check {
    private Check() {}

    public static int positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
        return value;
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value))
            throw new IllegalArgumentException(name + " must be finite and > 0 (got " + value + ")");
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value))
            throw new IllegalArgumentException(name + " must be finite and >= 0 (got " + value + ")");
        return value;
    }

    public static int nonNegative(String name, int value) {
        if (value < 0) throw new IllegalArgumentException(name + " must be >= 0 (got " + value + ")");
        return value;
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(name + " must be finite (got " + value + ")");
        return value;
    }

    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi))
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "] (got " + value + ")");
        return value;
    }

    public static int inRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi)
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "] (got " + value + ")");
        return value;
    }

    /** Every entry finite; the message names the first bad (row, column). */
    public static double[][] finite(String name, double[][] matrix) {
        rectangular(name, matrix);
        for (int i = 0; i < matrix.length; i++)
            for (int j = 0; j < matrix[i].length; j++)
                if (!Double.isFinite(matrix[i][j]))
                    throw new IllegalArgumentException(
                            name + "[" + i + "][" + j + "] must be finite (got " + matrix[i][j] + ")");
        return matrix;
    }

    public static double[] finite(String name, double[] vector) {
        if (vector == null) throw new IllegalArgumentException(name + " must not be null");
        for (int i = 0; i < vector.length; i++)
            if (!Double.isFinite(vector[i]))
                throw new IllegalArgumentException(name + "[" + i + "] must be finite (got " + vector[i] + ")");
        return vector;
    }

    /** Non-null, non-empty, and every row as long as the first; the message names the ragged row. */
    public static double[][] rectangular(String name, double[][] matrix) {
        if (matrix == null || matrix.length == 0 || matrix[0] == null || matrix[0].length == 0)
            throw new IllegalArgumentException(name + " must be a non-empty matrix");
        int cols = matrix[0].length;
        for (int i = 1; i < matrix.length; i++)
            if (matrix[i] == null || matrix[i].length != cols)
                throw new IllegalArgumentException(name + " is ragged: row " + i + " has "
                        + (matrix[i] == null ? "no" : matrix[i].length) + " columns, row 0 has " + cols);
        return matrix;
    }

    /** Two sizes that must agree, e.g. {@code sameSize("x.length", x.length, "N", n)}. */
    public static void sameSize(String name, int value, String otherName, int other) {
        if (value != other)
            throw new IllegalArgumentException(name + " = " + value + " must equal " + otherName + " = " + other);
    }
}
