package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.GradientSystem;

/**
 * Example 1 of 004 (Eq. 1.3.7, n = 2): V = ¼v₁⁴ + ¼v₂⁴ − v₁² + v₂², Euclidean metric. Sinks (±√2, 0) with
 * V = −1 and H = diag(4, 2); saddle at the origin (H = diag(−2, 2)). Resonant: both minima have equal energy.
 */
public record DualWell() implements GradientSystem {
    @Override public int dimension() { return 2; }

    @Override public double energy(double[] v) {
        double a = v[0], b = v[1];
        return 0.25 * a * a * a * a + 0.25 * b * b * b * b - a * a + b * b;
    }

    @Override public void gradient(double[] v, double[] out) {
        out[0] = v[0] * v[0] * v[0] - 2 * v[0];
        out[1] = v[1] * v[1] * v[1] + 2 * v[1];
    }

    @Override public void hessian(double[] v, double[] out) {
        out[0] = 3 * v[0] * v[0] - 2;
        out[1] = 0;
        out[2] = 0;
        out[3] = 3 * v[1] * v[1] + 2;
    }
}
