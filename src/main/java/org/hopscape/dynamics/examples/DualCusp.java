package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.GradientSystem;

/**
 * The "dual cusp" of 004 Fig. 2 (bottom): V = (1/10)(v₁⁴ + v₂⁴ − 3v₂³ + 7v₂v₁² + (1/10)v₂² − 2v₂), Euclidean
 * metric. Three sinks, two saddles, no source (spec 004 Fig. 2).
 */
public record DualCusp() implements GradientSystem {
    @Override public int dimension() { return 2; }

    @Override public double energy(double[] v) {
        double a = v[0], b = v[1];
        return 0.1 * (a * a * a * a + b * b * b * b - 3 * b * b * b + 7 * b * a * a + 0.1 * b * b - 2 * b);
    }

    @Override public void gradient(double[] v, double[] out) {
        double a = v[0], b = v[1];
        out[0] = 0.1 * (4 * a * a * a + 14 * a * b);
        out[1] = 0.1 * (4 * b * b * b - 9 * b * b + 7 * a * a + 0.2 * b - 2);
    }

    @Override public void hessian(double[] v, double[] out) {
        double a = v[0], b = v[1];
        out[0] = 0.1 * (12 * a * a + 14 * b);
        out[1] = 0.1 * 14 * a;
        out[2] = out[1];
        out[3] = 0.1 * (12 * b * b - 18 * b + 0.2);
    }
}
