package org.hopscape.analysis;

import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures of the learning dynamics of paper 000 (spec 000 §6 Figs 3–4) on plain arrays of memories (rows):
 * greedy clusters (canalisation), group means and their max-pixel distance (split epochs), learning epochs of digits,
 * and the symmetric ordering of α profiles (Fig. 1C).
 */
public final class Splits {
    private Splits() {}

    /** Distance threshold of a split: group means more than 0.5 apart in max-pixel distance (spec 000 §6 Fig 4). */
    public static final double SPLIT_DISTANCE = 0.5;

    /** max_i |a_i − b_i|. */
    public static double maxPixelDistance(double[] a, double[] b) {
        Check.finite("a", a);
        Check.vector("b", b, "a.length", a.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /**
     * Greedy clusters: a memory joins the first cluster whose representative (its first member) is within
     * max-pixel distance {@code tol}, else it opens a new cluster (spec 000 §6 Fig 3).
     *
     * @return the cluster index of each memory
     */
    public static int[] greedyClusters(double[][] memories, double tol) {
        Check.finite("memories", memories);
        Check.nonNegative("tol", tol);
        List<double[]> reps = new ArrayList<>();
        int[] id = new int[memories.length];
        for (int mu = 0; mu < memories.length; mu++) {
            int found = -1;
            for (int c = 0; c < reps.size() && found < 0; c++)
                if (maxPixelDistance(reps.get(c), memories[mu]) <= tol) found = c;
            if (found < 0) {
                reps.add(memories[mu]);
                found = reps.size() - 1;
            }
            id[mu] = found;
        }
        return id;
    }

    /** Number of greedy clusters at tolerance {@code tol}. */
    public static int clusterCount(double[][] memories, double tol) {
        return Arrays.stream(greedyClusters(memories, tol)).max().orElse(-1) + 1;
    }

    /** Mean of the rows with the given indices of a row-major K×N array. */
    public static double[] groupMean(double[] flat, int n, int[] members) {
        Check.finite("flat", flat);
        Check.positive("n", n);
        Check.notNull("members", members);
        if (members.length == 0) throw new IllegalArgumentException("members must not be empty");
        if (flat.length % n != 0)
            throw new IllegalArgumentException("flat.length = " + flat.length + " must be a multiple of n = " + n);
        for (int k = 0; k < members.length; k++) Check.inRange("members[" + k + "]", members[k], 0, flat.length / n - 1);
        double[] m = new double[n];
        for (int mu : members) for (int i = 0; i < n; i++) m[i] += flat[mu * n + i];
        for (int i = 0; i < n; i++) m[i] /= members.length;
        return m;
    }

    /** Indices of the memories whose group is one of {@code groups}. */
    public static int[] members(int[] groupOf, int... groups) {
        Check.notNull("groupOf", groupOf);
        Check.notNull("groups", groups);
        return java.util.stream.IntStream.range(0, groupOf.length)
                .filter(mu -> Arrays.stream(groups).anyMatch(g -> g == groupOf[mu])).toArray();
    }

    /** First index at which {@code values[i] > threshold}, as the matching entry of {@code epochs}; −1 if never. */
    public static int firstEpochAbove(int[] epochs, double[] values, double threshold) {
        Check.notNull("epochs", epochs);
        Check.vector("values", values, "epochs.length", epochs.length);
        Check.finite("threshold", threshold);
        for (int i = 0; i < values.length; i++) if (values[i] > threshold) return epochs[i];
        return -1;
    }

    /**
     * Learning epoch of each class (spec 000 §6 Fig 3): the first stored epoch e at which at least {@code minCorrect}
     * samples of the class are recognised at e and at every stored epoch up to e + {@code sustain}; −1 if never.
     *
     * @param epochs  stored epochs (increasing)
     * @param correct correct[t][d] = recognised samples of class d at epochs[t]
     */
    public static int[] learningEpochs(int[] epochs, int[][] correct, int minCorrect, int sustain) {
        Check.notNull("epochs", epochs);
        Check.notNull("correct", correct);
        if (epochs.length == 0) throw new IllegalArgumentException("epochs must not be empty");
        Check.sameSize("correct.length", correct.length, "epochs.length", epochs.length);
        for (int t = 0; t < correct.length; t++) {
            Check.notNull("correct[" + t + "]", correct[t]);
            Check.sameSize("correct[" + t + "].length", correct[t].length, "correct[0].length", correct[0].length);
        }
        Check.nonNegative("sustain", sustain);
        int classes = correct[0].length;
        int[] e = new int[classes];
        for (int d = 0; d < classes; d++) {
            e[d] = -1;
            for (int t = 0; t < epochs.length && e[d] < 0; t++) {
                boolean ok = true;
                for (int u = t; u < epochs.length && epochs[u] <= epochs[t] + sustain && ok; u++)
                    ok = correct[u][d] >= minCorrect;
                // the sustain window must be fully observed
                if (ok && epochs[epochs.length - 1] >= epochs[t] + sustain) e[d] = epochs[t];
            }
        }
        return e;
    }

    /**
     * Symmetric order of 000 Fig. 1C within blocks of {@code block} coefficients: each block sorted by |α| descending,
     * rank 0 at the block centre, odd ranks going left, even ranks going right.
     */
    public static double[] symmetricOrder(double[] alpha, int block) {
        Check.finite("alpha", alpha);
        Check.positive("block", block);
        if (alpha.length % block != 0)
            throw new IllegalArgumentException("alpha length " + alpha.length + " is not a multiple of block " + block);
        double[] out = new double[alpha.length];
        int centre = block / 2;
        for (int b0 = 0; b0 < alpha.length; b0 += block) {
            final int base = b0;
            Integer[] order = new Integer[block];
            for (int i = 0; i < block; i++) order[i] = base + i;
            Arrays.sort(order, (x, y) -> Double.compare(Math.abs(alpha[y]), Math.abs(alpha[x])));
            for (int rank = 0; rank < block; rank++) {
                int pos = rank == 0 ? centre : (rank % 2 == 1 ? centre - (rank + 1) / 2 : centre + rank / 2);
                out[base + pos] = alpha[order[rank]];
            }
        }
        return out;
    }
}
