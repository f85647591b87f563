package org.hopscape.util;

/**
 * Argument validation with messages that name the parameter, its value and the allowed range (style.md #4–5).
 * Every public entry point of the kit checks its arguments with these before it computes anything, so bad input
 * ends in an {@link IllegalArgumentException} that says which parameter was wrong and what was expected — never in a
 * {@code NullPointerException}, an index error or a silent NaN (issue 18).
 */
public final class Check {
    private Check() {}

    /** Largest length of a Java array (the VM refuses a few entries below {@code Integer.MAX_VALUE}). */
    public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** {@code value}, or an exception naming it when it is null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
        return value;
    }

    /** A non-null vector of exactly {@code n} finite entries; {@code nName} says what n is (e.g. "N (neurons)"). */
    public static double[] vector(String name, double[] x, String nName, int n) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length != n)
            throw new IllegalArgumentException(name + ".length = " + x.length + " must equal " + nName + " = " + n);
        return finite(name, x);
    }

    /**
     * A non-null vector of length {@code n} (no scan of the entries: for hot methods such as a gradient system's
     * {@code gradient(x, out)}, whose callers have checked the values).
     */
    public static double[] length(String name, double[] x, String nName, int n) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length != n)
            throw new IllegalArgumentException(name + ".length = " + x.length + " must equal " + nName + " = " + n);
        return x;
    }

    /** A non-null, non-empty vector of finite entries. */
    public static double[] nonEmpty(String name, double[] x) {
        finite(name, x);
        if (x.length == 0) throw new IllegalArgumentException(name + " must not be empty");
        return x;
    }

    /** A rectangular, non-empty, finite matrix with exactly {@code cols} columns. */
    public static double[][] rows(String name, double[][] m, String colsName, int cols) {
        finite(name, m);
        if (m[0].length != cols)
            throw new IllegalArgumentException(name + " columns = " + m[0].length + " must equal " + colsName + " = " + cols);
        return m;
    }

    /** Class labels: non-null, one per sample, each in [0, classes). */
    public static int[] labels(String name, int[] labels, String countName, int count, int classes) {
        if (labels == null) throw new IllegalArgumentException(name + " must not be null");
        if (labels.length != count)
            throw new IllegalArgumentException(name + " must have one entry per " + countName + ": length " + count
                    + " (got " + labels.length + ")");
        for (int i = 0; i < labels.length; i++)
            if (labels[i] < 0 || labels[i] >= classes)
                throw new IllegalArgumentException(name + "[" + i + "] must be a class in [0, " + (classes - 1)
                        + "] (got " + labels[i] + ")");
        return labels;
    }

    /** An index into something of {@code size} elements: 0 ≤ i &lt; size. */
    public static int index(String name, int i, int size) {
        if (i < 0 || i >= size)
            throw new IllegalArgumentException(name + " must be an index in [0, " + (size - 1) + "] (got " + i + ")");
        return i;
    }

    /** lo &lt; hi, both finite: an interval such as a box side. */
    public static void interval(String loName, double lo, String hiName, double hi) {
        finite(loName, lo);
        finite(hiName, hi);
        if (!(hi > lo))
            throw new IllegalArgumentException(hiName + " must be > " + loName + " (got " + hiName + " = " + hi + ", "
                    + loName + " = " + lo + ")");
        if (!Double.isFinite(hi - lo))
            throw new IllegalArgumentException(loName + ", " + hiName + ": the width " + hiName + " − " + loName
                    + " overflows (got [" + lo + ", " + hi + "])");
    }

    /**
     * The length of an array built from these factors (e.g. runs × records), computed without overflow.
     *
     * @param what names the size in words, e.g. "runs × records (starts × duration/dt)"
     * @throws IllegalArgumentException when the product is negative or exceeds a Java array's {@link #MAX_ARRAY}
     */
    public static int arraySize(String what, long... factors) {
        long p = product(what, factors);
        if (p > MAX_ARRAY)
            throw new IllegalArgumentException(what + " = " + p + " entries exceeds the largest Java array ("
                    + MAX_ARRAY + "); use fewer or smaller inputs");
        return (int) p;
    }

    /** Product of non-negative factors, or an exception naming {@code what} when it overflows a long. */
    public static long product(String what, long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) throw new IllegalArgumentException(what + ": a factor is negative (" + f + ")");
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(what + " overflows a 64-bit count (factors "
                        + java.util.Arrays.toString(factors) + ")");
            }
        }
        return p;
    }

    /**
     * Refuses an allocation of {@code bytes} that cannot fit in this JVM's heap ({@code -Xmx}), with a message that
     * says how big it would be.
     */
    public static void fitsInMemory(String what, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max)
            throw new IllegalArgumentException(what + " needs " + gigabytes(bytes) + " but the JVM's heap is at most "
                    + gigabytes(max) + " (-Xmx); use fewer or smaller inputs");
    }

    /** {@code rows × cols} doubles as a {@code double[rows][cols]}: each row a Java array, the total within the heap. */
    public static void matrixFits(String what, long rows, long cols) {
        arraySize(what + " (rows)", rows);
        arraySize(what + " (columns)", cols);
        fitsInMemory(what + " (" + rows + " × " + cols + " doubles)", product(what, rows, cols, Double.BYTES));
    }

    /**
     * The number of steps {@code duration / dt} of a fixed-step integration, rounded: finite and at most
     * {@link Integer#MAX_VALUE}, else an exception naming both parameters and the step count they imply.
     */
    public static int steps(String durationName, double duration, String dtName, double dt) {
        double s = Math.rint(duration / dt);
        if (!(s <= Integer.MAX_VALUE))
            throw new IllegalArgumentException(durationName + " / " + dtName + " = " + duration + " / " + dt + " = "
                    + String.format(java.util.Locale.ROOT, "%.3g", duration / dt)
                    + " steps exceeds 2³¹ − 1: shorten " + durationName + " or enlarge " + dtName);
        return (int) s;
    }

    static String gigabytes(long bytes) {
        double gb = bytes / 1e9;
        return String.format(java.util.Locale.ROOT, gb >= 100 ? "%.0f GB" : "%.3g GB", gb);
    }

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
        if (matrix == null) throw new IllegalArgumentException(name + " must not be null");
        if (matrix.length == 0 || matrix[0] == null || matrix[0].length == 0)
            throw new IllegalArgumentException(name + " must be a non-empty matrix (got "
                    + (matrix.length == 0 ? "no rows" : matrix[0] == null ? "row 0 null" : "rows of length 0") + ")");
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
