package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.GradientSystem;

import java.util.Map;

/**
 * Example 7 of 004 (Fig. 4, heteroclinic flip with a non-Euclidean metric):
 * V = (1/5)(½v₁⁴ + ¼v₂⁴ − v₂³ + 2v₂v₁² − 2v₂² + (3/2)v₂ + ½ηv₁),
 * g_η = [[1, m], [m, 1]], m = −6η·N(v₁; −1, 1)·N(v₂; 0, 2) (N the normal density with mean and s.d.),
 * X = −g_η⁻¹∇V. Flip at η* = 0 (V₀ even in v₁, g₀ = I). With {@code euclidean} the metric is dropped (G = I),
 * for comparing how the metric bends the branches.
 */
public record MetricFlipFamily(boolean euclidean) implements Family {
    public MetricFlipFamily() {
        this(false);
    }

    @Override public GradientSystem at(double eta) {
        return new System(eta, euclidean);
    }

    public record System(double eta, boolean euclidean) implements GradientSystem {
        @Override public int dimension() { return 2; }

        @Override public double energy(double[] v) {
            double a = v[0], b = v[1];
            return 0.2 * (0.5 * a * a * a * a + 0.25 * b * b * b * b - b * b * b + 2 * b * a * a - 2 * b * b
                    + 1.5 * b + 0.5 * eta * a);
        }

        @Override public void gradient(double[] v, double[] out) {
            double a = v[0], b = v[1];
            out[0] = 0.2 * (2 * a * a * a + 4 * a * b + 0.5 * eta);
            out[1] = 0.2 * (b * b * b - 3 * b * b + 2 * a * a - 4 * b + 1.5);
        }

        @Override public void hessian(double[] v, double[] out) {
            double a = v[0], b = v[1];
            out[0] = 0.2 * (6 * a * a + 4 * b);
            out[1] = 0.2 * 4 * a;
            out[2] = out[1];
            out[3] = 0.2 * (3 * b * b - 6 * b - 4);
        }

        @Override public boolean hasMetric() { return !euclidean && eta != 0; }

        /** Off-diagonal metric entry m(v) = −6η·N(v₁; −1, 1)·N(v₂; 0, 2). */
        public double offDiagonal(double[] v) {
            double g1 = Math.exp(-0.5 * (v[0] + 1) * (v[0] + 1)) / Math.sqrt(2 * Math.PI);
            double g2 = Math.exp(-v[1] * v[1] / 8) / Math.sqrt(8 * Math.PI);
            return -6 * eta * g1 * g2;
        }

        @Override public void metricInverse(double[] v, double[] out) {
            double m = hasMetric() ? offDiagonal(v) : 0, d = 1 - m * m;
            out[0] = 1 / d;
            out[1] = -m / d;
            out[2] = -m / d;
            out[3] = 1 / d;
        }

        @Override public Map<String, Object> parameters() { return Map.of("eta", eta, "euclidean", euclidean); }
    }
}
