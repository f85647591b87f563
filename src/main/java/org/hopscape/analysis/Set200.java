package org.hopscape.analysis;

import org.hopscape.data.DataFiles;
import org.hopscape.data.Npy;

import java.nio.file.Path;

/**
 * The authors' 200-image training set (spec §2.1): 20 MNIST training images per digit in digit order, pixels
 * (p/255)·2 − 1. Package-private stand-in until the shared loader (data.TrainingSet200) is used here.
 */
final class Set200 {
    private Set200() {}

    static final String FILE = "000-boukacem-200set.npy";
    static final int PER_DIGIT = 20, SIZE = 200, PIXELS = 784;

    private static volatile double[][] cache;

    static boolean available() {
        return DataFiles.find(FILE).isPresent();
    }

    /** The 200 images (200 × 784); rows 20d … 20d+19 are digit d. Shared array: callers must not write. */
    static double[][] images() {
        double[][] c = cache;
        if (c != null) return c;
        Path f = DataFiles.require(FILE, "Download defaults/miniBatchs_images.npy from the authors' repository "
                + "nacer-eb/KrotovHopfieldWaddington and save it as " + FILE + " in a data directory.");
        Npy npy = Npy.read(f);
        if (npy.data().length != SIZE * PIXELS)
            throw new IllegalArgumentException(f + ": expected 200 × 784 values, got " + npy.data().length);
        c = new double[SIZE][PIXELS];
        for (int i = 0; i < SIZE; i++) System.arraycopy(npy.data(), i * PIXELS, c[i], 0, PIXELS);
        cache = c;
        return c;
    }

    /** Copy of row i. */
    static double[] row(int i) {
        return images()[i].clone();
    }

    /** Class of row i. */
    static int digitOf(int row) {
        return row / PER_DIGIT;
    }

    /** Mean image of the 20 rows of a digit. */
    static double[] mean(int digit) {
        double[] m = new double[PIXELS];
        for (int r = digit * PER_DIGIT; r < (digit + 1) * PER_DIGIT; r++)
            for (int i = 0; i < PIXELS; i++) m[i] += images()[r][i] / PER_DIGIT;
        return m;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
