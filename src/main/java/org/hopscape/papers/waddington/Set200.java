package org.hopscape.papers.waddington;

import org.hopscape.data.TrainingSet200;

/**
 * The 200-image training set of 000 (spec §2.1) for the part-2 analyses: the authors' set when it is on the data
 * path, else the seeded re-draw ({@link TrainingSet200#load()}). Loaded once. Public: the digit means, rows and
 * classes a user needs to build their own Fig 7 starts ({@link SaddleProportions#initialMemory}).
 */
public final class Set200 {
    private Set200() {}

    public static final int PER_DIGIT = TrainingSet200.PER_DIGIT, PIXELS = 784;

    private static volatile TrainingSet200 cache;

    /** True when the authors' file is on the data path (reference numbers assume it). */
    public static boolean available() {
        return TrainingSet200.authors().isPresent();
    }

    static TrainingSet200 set() {
        TrainingSet200 c = cache;
        if (c == null) cache = c = TrainingSet200.load();
        return c;
    }

    /** "authors' 200-set" or "re-drawn 200-set". */
    public static String source() {
        return set().source();
    }

    /** The 200 images (200 × 784); rows 20d … 20d+19 are digit d. Shared array: callers must not write. */
    static double[][] images() {
        return set().images();
    }

    /** Copy of row i. */
    public static double[] row(int i) {
        return images()[i].clone();
    }

    /** Class of row i. */
    public static int digitOf(int row) {
        return set().classes()[row];
    }

    /** Rows of the digits, each digit's block in the given order. */
    public static int[] rowsOf(int... digits) {
        int[] out = new int[digits.length * PER_DIGIT];
        int k = 0;
        for (int d : digits)
            for (int i = 0; i < images().length; i++) if (digitOf(i) == d) out[k++] = i;
        return java.util.Arrays.copyOf(out, k);
    }

    /** Mean image of the 20 rows of a digit, a new array ({@link TrainingSet200#mean(int)}). */
    public static double[] mean(int digit) {
        return set().mean(digit);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
