package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.examples.GaussianMixtureEnergy;
import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.GradientSystem;
import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * Fig. 5 of 004 without a neural network (spec 004 §5.1): a four-component Gaussian-mixture energy
 * V_μ = −log p_μ (σ_m = 0.3, equal fixed weights) trained by exact, deterministic gradient ascent of the
 * log-likelihood of a weighted "data set" (5×5 Gauss–Hermite nodes around each of four centroids, s = 0.1):
 * μ_k ← μ_k + lr Σ_n w_n r_nk(x_n − μ_k)/σ_m². The training step η indexes a one-parameter family (μ(η)
 * interpolated linearly between steps). The paper's MLP trained by contrastive divergence is not recoverable; the
 * closed form reproduces the kind of events (folds creating memories), not the paper's η values.
 */
public final class GmmEbmTraining {
    private GmmEbmTraining() {}

    /** The four data centroids of spec §5.1 (already centred). */
    public static double[][] centroids() {
        double[][] raw = {{1.0, 0.4}, {0.95, -0.4}, {-1.1, 1.0}, {-0.8, -1.1}};
        double[] mean = new double[2];
        for (double[] c : raw) { mean[0] += c[0] / 4; mean[1] += c[1] / 4; }
        for (double[] c : raw) { c[0] -= mean[0]; c[1] -= mean[1]; }
        return raw;
    }

    /** Data spread s = 0.1; model width σ_m = 0.3; learning rate 0.002; 3 000 steps (spec §5.1). */
    public static final double DATA_SD = 0.1, MODEL_SD = 0.3, LEARNING_RATE = 0.002;
    public static final int STEPS = 3000;

    /** Probabilists' Gauss–Hermite rule with 5 nodes: nodes 0, ±√(5 ∓ √10); weights n!/(n² He₄(x)²), sum 1. */
    public static double[][] gaussHermite5() {
        double a = Math.sqrt(5 - Math.sqrt(10)), b = Math.sqrt(5 + Math.sqrt(10));
        double[] x = {-b, -a, 0, a, b}, w = new double[5];
        for (int i = 0; i < 5; i++) {
            double t = x[i] * x[i], he4 = t * t - 6 * t + 3;
            w[i] = 120.0 / (25 * he4 * he4);
        }
        return new double[][]{x, w};
    }

    /** The weighted data set: 100 points m_k + s(a_i, a_j) with weights ¼ w_i w_j; rows (x₁, x₂, weight). */
    public static double[][] data() {
        double[][] gh = gaussHermite5();
        List<double[]> out = new ArrayList<>();
        for (double[] m : centroids())
            for (int i = 0; i < 5; i++)
                for (int j = 0; j < 5; j++)
                    out.add(new double[]{m[0] + DATA_SD * gh[0][i], m[1] + DATA_SD * gh[0][j], 0.25 * gh[1][i] * gh[1][j]});
        return out.toArray(new double[0][]);
    }

    /** Initial means "pretrained at the origin": 0.05·{(1, 0.2), (0.3, −0.9), (−0.8, 0.5), (−0.4, −0.6)}. */
    public static double[][] initialMeans() {
        return new double[][]{{0.05, 0.01}, {0.015, -0.045}, {-0.04, 0.025}, {-0.02, -0.03}};
    }

    /**
     * The training run: means after every step (index 0 = initial).
     *
     * @param means means[k] = the four means after k steps
     */
    public record Run(List<double[][]> means) {
        public int steps() {
            return means.size() - 1;
        }

        /** μ(η), linearly interpolated. */
        public double[][] meansAt(double eta) {
            Check.inRange("eta", eta, 0, steps());
            int k = (int) Math.min(Math.floor(eta), steps() - 1);
            double w = eta - k;
            double[][] a = means.get(k), b = means.get(k + 1), out = new double[a.length][a[0].length];
            for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) out[i][j] = (1 - w) * a[i][j] + w * b[i][j];
            return out;
        }

        /** η ↦ V_μ(η) (Fig. 5). */
        public Family family() {
            return new Family() {
                @Override public GradientSystem at(double eta) { return new GaussianMixtureEnergy(meansAt(eta), MODEL_SD); }
                @Override public String parameterName() { return "step"; }
            };
        }
    }

    /** Runs {@code steps} steps of exact gradient ascent from {@link #initialMeans()}. */
    public static Run train(int steps) {
        Check.positive("steps", steps);
        double[][] data = data(), mu = initialMeans();
        List<double[][]> out = new ArrayList<>();
        out.add(copy(mu));
        int k = mu.length;
        double s2 = MODEL_SD * MODEL_SD;
        double[] r = new double[k];
        for (int step = 0; step < steps; step++) {
            double[][] grad = new double[k][2];
            for (double[] x : data) {
                double max = Double.NEGATIVE_INFINITY;
                for (int m = 0; m < k; m++) {
                    double d0 = x[0] - mu[m][0], d1 = x[1] - mu[m][1];
                    r[m] = -(d0 * d0 + d1 * d1) / (2 * s2);
                    max = Math.max(max, r[m]);
                }
                double z = 0;
                for (int m = 0; m < k; m++) { r[m] = Math.exp(r[m] - max); z += r[m]; }
                for (int m = 0; m < k; m++) {
                    double c = x[2] * r[m] / z / s2;
                    grad[m][0] += c * (x[0] - mu[m][0]);
                    grad[m][1] += c * (x[1] - mu[m][1]);
                }
            }
            // spec 004 §5.1: μ_k ← μ_k + lr Σ_n w_n r_nk (x_n − μ_k)/σ_m²
            for (int m = 0; m < k; m++) { mu[m][0] += LEARNING_RATE * grad[m][0]; mu[m][1] += LEARNING_RATE * grad[m][1]; }
            out.add(copy(mu));
        }
        return new Run(out);
    }

    private static double[][] copy(double[][] a) {
        return java.util.Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
