package org.hopscape.dynamics;

import java.util.Arrays;
import java.util.Locale;

/**
 * A critical point ∇V(p) = 0 with its classification (spec 004 §1.2).
 *
 * @param position           p
 * @param energy             V(p)
 * @param residual           |X(p)| = |G⁻¹∇V(p)| after polishing (= |∇V(p)| for the Euclidean metric)
 * @param hessianEigenvalues eigenvalues of H = ∇²V(p), ascending
 * @param jacobianEigenvalues eigenvalues of the linearisation J = −G(p)⁻¹H(p), ascending
 * @param jacobianEigenvectors unit eigenvectors of J (row k belongs to eigenvalue k): stable directions for
 *                           negative, unstable for positive eigenvalues — metric-dependent (spec §1.1)
 * @param morseIndex         number of unstable directions = number of negative Hessian eigenvalues = dim Wᵘ
 *                           (0 sink / attractor / memory, 1 saddle, n source)
 * @param hyperbolic         Morse condition: min|λ_J| ≥ 1e-8·max|λ_J|
 */
public record CriticalPoint(double[] position, double energy, double residual, double[] hessianEigenvalues,
                            double[] jacobianEigenvalues, double[][] jacobianEigenvectors, int morseIndex,
                            boolean hyperbolic) {

    /** Relative threshold of the non-degeneracy (Morse) test. */
    public static final double MORSE_TOLERANCE = 1e-8;

    public int dimension() {
        return position.length;
    }

    public boolean isSink() {
        return morseIndex == 0;
    }

    public boolean isSaddle() {
        return morseIndex > 0 && morseIndex < position.length;
    }

    public boolean isSource() {
        return morseIndex == position.length;
    }

    /** "sink", "saddle" or "source". */
    public String kind() {
        return isSink() ? "sink" : isSource() ? "source" : "saddle";
    }

    /** Unit eigenvector of J with the largest eigenvalue (the unstable direction of an index-1 saddle). */
    public double[] unstableDirection() {
        return jacobianEigenvectors[jacobianEigenvectors.length - 1].clone();
    }

    /** Unit eigenvector of J with the smallest eigenvalue (the stable direction of a 2-D saddle). */
    public double[] stableDirection() {
        return jacobianEigenvectors[0].clone();
    }

    /** Hessian eigenvalue of smallest magnitude (→ 0 at a fold). */
    public double smallestHessianMagnitude() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : hessianEigenvalues) m = Math.min(m, Math.abs(v));
        return m;
    }

    public double x(int i) {
        return position[i];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at %s, V = %.6f, index %d, H eig %s%s", kind(),
                Arrays.toString(Arrays.stream(position).map(v -> Math.round(v * 1e6) / 1e6).toArray()), energy,
                morseIndex, Arrays.toString(Arrays.stream(hessianEigenvalues).map(v -> Math.round(v * 1e6) / 1e6).toArray()),
                hyperbolic ? "" : " (non-hyperbolic)");
    }

    /** Classifies a point p (assumed critical) of {@code system}. */
    public static CriticalPoint classify(GradientSystem system, double[] p) {
        org.hopscape.util.Check.notNull("system", system);
        int n = system.dimension();
        org.hopscape.util.Check.vector("p", p, "system.dimension()", n);
        double[] h = new double[n * n], gi = new double[n * n], v = new double[n];
        system.hessian(p, h);
        system.metricInverse(p, gi);
        system.velocity(p, v);
        double[] j = Linear.multiply(n, gi, h);
        for (int k = 0; k < j.length; k++) j[k] = -j[k];
        double[] hev = Linear.symmetricEigenvalues(n, h);
        Linear.Eigen je = Linear.realEigen(n, j);
        int index = 0;
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (double l : je.values()) {
            if (l > 0) index++;
            min = Math.min(min, Math.abs(l));
            max = Math.max(max, Math.abs(l));
        }
        boolean hyperbolic = max > 0 && min >= MORSE_TOLERANCE * max;
        return new CriticalPoint(p.clone(), system.energy(p), Linear.norm(v), hev, je.values(), je.vectors(), index,
                hyperbolic);
    }
}
