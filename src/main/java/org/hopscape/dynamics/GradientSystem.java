package org.hopscape.dynamics;

import java.util.Map;

/**
 * A gradient system with a metric: the flow ẋ = X(x) = −G(x)⁻¹ ∇V(x) on ℝⁿ (004 §1.1, §2.2; spec 004 §1.1).
 * Every model of the kit that is a gradient flow exposes itself through this interface, and every analysis in
 * {@code dynamics} (critical points, Morse–Smale graph, basins, families, SDE paths, Gibbs measures) takes it.
 *
 * <h2>For implementers</h2>
 * Implement these three methods and every analysis works:
 * <ol>
 *   <li>{@link #dimension()} — n, the length of every state vector;</li>
 *   <li>{@link #energy(double[])} — the potential V(x);</li>
 *   <li>{@link #gradient(double[], double[])} — ∇V(x), written into a caller-owned array.</li>
 * </ol>
 * Override when you can do better than the defaults:
 * <ol start="4">
 *   <li>{@link #hessian(double[], double[])} — ∇²V(x), row-major n×n (default: central differences of the
 *       gradient, h = 1e-5·max(1, |x|), symmetrised; give the analytic one where the model has it);</li>
 *   <li>{@link #metricInverse(double[], double[])} — G(x)⁻¹, row-major n×n, symmetric positive definite
 *       (default: identity, i.e. the Euclidean gradient flow) together with {@link #hasMetric()} = true;</li>
 *   <li>{@link #parameters()} — the model's parameters for provenance tables.</li>
 * </ol>
 * Contract (checked by {@code GradientSystemContract} in the tests): the gradient is the derivative of the
 * energy, the Hessian is symmetric and the derivative of the gradient, the energy does not increase along the
 * flow, and methods are pure (no state, thread-safe), so analyses may call them from several threads.
 * Arrays passed as {@code x} are read, arrays passed as {@code out} are written; they must not alias.
 */
public interface GradientSystem {

    /** n, the dimension of the state space. */
    int dimension();

    /** The potential V(x). {@code x} is read. */
    double energy(double[] x);

    /** ∇V(x) into {@code out} (length n). {@code x} is read, {@code out} written. */
    void gradient(double[] x, double[] out);

    /**
     * ∇²V(x) into {@code out} (length n², row-major). Default: central differences of {@link #gradient},
     * step h = 1e-5·max(1, |x|∞), then symmetrised (spec 004 §1.1).
     */
    default void hessian(double[] x, double[] out) {
        int n = dimension();
        double scale = 1;
        for (double v : x) scale = Math.max(scale, Math.abs(v));
        double h = FD_STEP * scale;
        double[] xp = x.clone(), gp = new double[n], gm = new double[n];
        for (int j = 0; j < n; j++) {
            xp[j] = x[j] + h;
            gradient(xp, gp);
            xp[j] = x[j] - h;
            gradient(xp, gm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) out[i * n + j] = (gp[i] - gm[i]) / (2 * h);
        }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (out[i * n + j] + out[j * n + i]);
                out[i * n + j] = s;
                out[j * n + i] = s;
            }
    }

    /** True when {@link #metricInverse} is not the identity. */
    default boolean hasMetric() {
        return false;
    }

    /** G(x)⁻¹ into {@code out} (length n², row-major). Default: the identity (Euclidean metric). */
    default void metricInverse(double[] x, double[] out) {
        int n = dimension();
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) out[i * n + i] = 1;
    }

    /**
     * The vector field X(x) = −G(x)⁻¹∇V(x) into {@code out} (004 §1.1: ẋⁱ = −Σⱼ gⁱʲ ∂V/∂xʲ).
     * {@code x} is read, {@code out} written.
     */
    default void velocity(double[] x, double[] out) {
        gradient(x, out);
        int n = dimension();
        if (!hasMetric()) {
            for (int i = 0; i < n; i++) out[i] = -out[i];
            return;
        }
        double[] g = new double[n * n], grad = out.clone();
        metricInverse(x, g);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += g[i * n + j] * grad[j];
            out[i] = -s;
        }
    }

    /** The model's parameters (names in the paper's language), for provenance. Default: none. */
    default Map<String, Object> parameters() {
        return Map.of();
    }

    /**
     * A gradient system from two functions, for models defined in a few lines (a notebook cell, a test):
     * {@code GradientSystem.of(2, x -> V(x), (x, g) -> { g[0] = ∂V/∂x₁; g[1] = ∂V/∂x₂; })}. The Hessian is the
     * default finite difference of {@code gradient}, the metric Euclidean. The two functions must be pure.
     *
     * @param dimension n ≥ 1
     * @param energy    V(x); x is read
     * @param gradient  writes ∇V(x) into its second argument (length n); x is read
     */
    static GradientSystem of(int dimension, java.util.function.ToDoubleFunction<double[]> energy,
                             java.util.function.BiConsumer<double[], double[]> gradient) {
        org.hopscape.util.Check.positive("dimension", dimension);
        org.hopscape.util.Check.notNull("energy", energy);
        org.hopscape.util.Check.notNull("gradient", gradient);
        return new GradientSystem() {
            @Override public int dimension() { return dimension; }

            @Override public double energy(double[] x) { return energy.applyAsDouble(x); }

            @Override public void gradient(double[] x, double[] out) { gradient.accept(x, out); }
        };
    }

    /** Relative finite-difference step of the default Hessian. */
    double FD_STEP = 1e-5;
}
