package org.hopscape.embed;

import org.hopscape.util.Check;
import org.hopscape.util.Parallel;

import java.util.stream.IntStream;

/** Checks of a low-dimensional embedding against the labels of its points. */
public final class EmbeddingQuality {
    private EmbeddingQuality() {}

    /**
     * Fraction of points whose label wins the vote of their {@code k} nearest neighbours in the embedding
     * (Euclidean, the point itself excluded, ties to the smallest label). 0.1 for chance on ten balanced classes;
     * near 1 when classes form separate islands.
     */
    public static double knnLabelAgreement(double[][] embedding, int[] labels, int k) {
        Check.finite("embedding", embedding);
        Check.notNull("labels", labels);
        Check.sameSize("labels.length", labels.length, "embedding rows", embedding.length);
        for (int i = 0; i < labels.length; i++)
            if (labels[i] < 0) throw new IllegalArgumentException("labels[" + i + "] must be >= 0 (got " + labels[i] + ")");
        Check.inRange("k", k, 1, embedding.length - 1);
        int maxLabel = IntStream.of(labels).max().orElse(0);
        Check.arraySize("largest label + 1 (vote counters)", maxLabel + 1L);
        boolean[] agrees = new boolean[embedding.length];
        Parallel.forEach("k-NN label agreement", embedding.length, Parallel.defaultThreads(), i -> {
            double[] best = new double[k];
            int[] who = new int[k];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int j = 0; j < embedding.length; j++) {
                if (j == i) continue;
                double d = 0;
                for (int c = 0; c < embedding[i].length; c++) {
                    double t = embedding[i][c] - embedding[j][c];
                    d += t * t;
                }
                if (d >= best[k - 1]) continue;
                int p = k - 1; // insertion into the sorted buffer
                while (p > 0 && best[p - 1] > d) { best[p] = best[p - 1]; who[p] = who[p - 1]; p--; }
                best[p] = d;
                who[p] = j;
            }
            int[] votes = new int[maxLabel + 1];
            for (int w : who) votes[labels[w]]++;
            int winner = 0;
            for (int l = 1; l < votes.length; l++) if (votes[l] > votes[winner]) winner = l;
            agrees[i] = winner == labels[i];
        });
        int agree = 0;
        for (boolean a : agrees) if (a) agree++;
        return (double) agree / embedding.length;
    }

    /** True when every coordinate is finite. */
    public static boolean allFinite(double[][] embedding) {
        Check.notNull("embedding", embedding);
        for (int i = 0; i < embedding.length; i++) {
            Check.notNull("embedding[" + i + "]", embedding[i]);
            for (double v : embedding[i]) if (!Double.isFinite(v)) return false;
        }
        return true;
    }
}
