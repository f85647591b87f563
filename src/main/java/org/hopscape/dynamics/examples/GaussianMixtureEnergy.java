package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.GradientSystem;
import org.hopscape.util.Check;

import java.util.Map;

/**
 * Energy of an isotropic Gaussian mixture with equal weights, V(x) = −log p(x), p = (1/K) Σ_k N(x; μ_k, σ²I)
 * (spec 004 §5.1, the closed-form stand-in for the Fig. 5 EBM): ∇V = (x − Σ r_k μ_k)/σ², ∇²V = I/σ² − Cov_r(μ)/σ⁴,
 * r = the responsibilities at x.
 *
 * @param means μ_k as rows
 * @param sigma component standard deviation σ
 */
public record GaussianMixtureEnergy(double[][] means, double sigma) implements GradientSystem {
    public GaussianMixtureEnergy {
        Check.finite("means", means);
        Check.positive("sigma", sigma);
        means = java.util.Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
    }

    @Override public int dimension() {
        return means[0].length;
    }

    /** Responsibilities r_k(x) into r; returns log Σ exp(−|x − μ_k|²/(2σ²)). */
    double responsibilities(double[] x, double[] r) {
        int k = means.length, d = dimension();
        Check.length("x", x, "dimension", d);
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < k; m++) {
            double s = 0;
            for (int i = 0; i < d; i++) { double e = x[i] - means[m][i]; s += e * e; }
            r[m] = -s / (2 * sigma * sigma);
            max = Math.max(max, r[m]);
        }
        double z = 0;
        for (int m = 0; m < k; m++) { r[m] = Math.exp(r[m] - max); z += r[m]; }
        for (int m = 0; m < k; m++) r[m] /= z;
        return max + Math.log(z);
    }

    @Override public double energy(double[] x) {
        int d = dimension();
        double lse = responsibilities(x, new double[means.length]);
        return -(lse - Math.log(means.length) - 0.5 * d * Math.log(2 * Math.PI * sigma * sigma));
    }

    @Override public void gradient(double[] x, double[] out) {
        int d = dimension();
        Check.length("out", out, "dimension", d);
        double[] r = new double[means.length];
        responsibilities(x, r);
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int m = 0; m < means.length; m++) s += r[m] * means[m][i];
            out[i] = (x[i] - s) / (sigma * sigma);
        }
    }

    @Override public void hessian(double[] x, double[] out) {
        int d = dimension();
        double[] r = new double[means.length], mean = new double[d];
        responsibilities(x, r);
        for (int m = 0; m < means.length; m++) for (int i = 0; i < d; i++) mean[i] += r[m] * means[m][i];
        double s2 = sigma * sigma, s4 = s2 * s2;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) {
                double c = -mean[i] * mean[j];
                for (int m = 0; m < means.length; m++) c += r[m] * means[m][i] * means[m][j];
                out[i * d + j] = (i == j ? 1 / s2 : 0) - c / s4;
            }
    }

    @Override public Map<String, Object> parameters() {
        return Map.of("components", means.length, "sigma", sigma);
    }
}
