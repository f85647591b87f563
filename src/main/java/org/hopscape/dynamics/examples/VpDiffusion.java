package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.GradientSystem;
import org.hopscape.dynamics.Ode;
import org.hopscape.util.Check;
import org.hopscape.util.Parallel;
import org.hopscape.util.Rng;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Variance-preserving diffusion of an isotropic Gaussian-mixture data set with its exact score (spec 004 §5.2,
 * the closed-form stand-in for Figs. 8 and 11): β(t) = 0.1 + 19.9t, α(t) = exp(−0.05t − 4.975t²),
 * p_t = Σ_k π_k N(α m_k, v_t I) (mixture weights π_k, 1/K by default), v_t = 1 − α²(1 − s²). The frozen generation field (probability-flow ODE run
 * backwards at fixed t) is the gradient flow of U_t(x) = −½β(t)[½|x|² + log p_t(x)] (004 Eq. 5.5.16 with the
 * sign fixed for generation, spec §7 item 10). With y = α(1 − s²)x it equals ½ββ_eff E_t(y) + const, E_t a modern
 * Hopfield energy with patterns m_k, β_eff = 1/(v_t(1 − s²)) and biases b_k = log π_k − α²|m_k|²/(2v_t):
 * generation is an annealed associative memory.
 *
 * @param means   data (or model) component means m_k as rows
 * @param weights mixture weights π_k &gt; 0 (normalised to sum 1; copied)
 * @param sd      component standard deviation s
 */
public record VpDiffusion(double[][] means, double[] weights, double sd) {
    public VpDiffusion {
        Check.finite("means", means);
        Check.vector("weights", weights, "means rows", means.length);
        double total = 0;
        for (int k = 0; k < weights.length; k++) total += Check.positive("weights[" + k + "]", weights[k]);
        Check.inRange("sd", sd, 1e-12, 1 - 1e-12);
        means = java.util.Arrays.stream(means).map(double[]::clone).toArray(double[][]::new);
        double[] w = new double[weights.length];
        for (int k = 0; k < w.length; k++) w[k] = weights[k] / total;
        weights = w;
    }

    /** Equal weights π_k = 1/K. */
    public VpDiffusion(double[][] means, double sd) {
        this(means, equal(Check.finite("means", means).length), sd);
    }

    private static double[] equal(int k) {
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        return w;
    }

    @Override public double[] weights() {
        return weights.clone();
    }

    /** β(t) = 0.1 + 19.9t (Song et al. VP defaults). */
    public static double beta(double t) {
        return 0.1 + 19.9 * t;
    }

    /** α(t) = exp(−∫₀ᵗ β/2) = exp(−0.05t − 4.975t²). */
    public static double alpha(double t) {
        return Math.exp(-0.05 * t - 4.975 * t * t);
    }

    /** v_t = 1 − α²(1 − s²), the component variance of p_t. */
    public double variance(double t) {
        double a = alpha(t);
        return 1 - a * a * (1 - sd * sd);
    }

    /** β_eff(t) = 1/(v_t(1 − s²)). */
    public double betaEff(double t) {
        return 1 / (variance(t) * (1 - sd * sd));
    }

    /** y = α(1 − s²)x ⇒ x = y/(α(1 − s²)). */
    public double scale(double t) {
        return alpha(t) * (1 - sd * sd);
    }

    /** ∇log p_t(x) = (Σ r_k α m_k − x)/v_t into out; returns log p_t(x). */
    public double score(double t, double[] x, double[] out) {
        Check.finite("t", t);
        Check.length("x", x, "dimension", means[0].length);
        Check.length("out", out, "dimension", means[0].length);
        int k = means.length, d = x.length;
        double a = alpha(t), v = variance(t);
        double[] r = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < k; m++) {
            double s = 0;
            for (int i = 0; i < d; i++) { double e = x[i] - a * means[m][i]; s += e * e; }
            r[m] = -s / (2 * v);
            max = Math.max(max, r[m]);
        }
        double z = 0;
        // r_k ∝ π_k N(x; α m_k, v I): the responsibilities (004 §5.2 with weights)
        for (int m = 0; m < k; m++) { r[m] = weights[m] * Math.exp(r[m] - max); z += r[m]; }
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int m = 0; m < k; m++) s += r[m] / z * a * means[m][i];
            out[i] = (s - x[i]) / v;
        }
        return max + Math.log(z) - 0.5 * d * Math.log(2 * Math.PI * v);
    }

    /** The frozen generation potential U_t in x (Fig. 8 trajectories). */
    public GradientSystem generation(double t) {
        return new Generation(this, t);
    }

    /** U_t(x) = −½β(t)[½|x|² + log p_t(x)]; ∇U = −½β[x + ∇log p_t]. */
    public record Generation(VpDiffusion model, double t) implements GradientSystem {
        @Override public int dimension() { return model.means[0].length; }

        @Override public double energy(double[] x) {
            double[] g = new double[x.length];
            double lp = model.score(t, x, g), sq = 0;
            for (double v : x) sq += v * v;
            return -0.5 * beta(t) * (0.5 * sq + lp);
        }

        @Override public void gradient(double[] x, double[] out) {
            model.score(t, x, out);
            double b = beta(t);
            for (int i = 0; i < x.length; i++) out[i] = -0.5 * b * (x[i] + out[i]);
        }

        @Override public void hessian(double[] x, double[] out) {
            // ∇²U = −½β[I − I/v + α²Cov_r(m)/v²]; via the Hopfield form: ∇²ₓU = ½ββ_eff·(α(1−s²))²·∇²_y E
            int d = dimension();
            double c = model.scale(t);
            double[] y = x.clone();
            for (int i = 0; i < d; i++) y[i] *= c;
            model.hopfield(t).hessian(y, out);
            double f = 0.5 * beta(t) * model.betaEff(t) * c * c;
            for (int i = 0; i < d * d; i++) out[i] *= f;
        }

        @Override public Map<String, Object> parameters() {
            return Map.of("t", t, "sd", model.sd, "weights", java.util.Arrays.toString(model.weights));
        }
    }

    /** E_t(y) = −β_eff⁻¹ log Σ exp(β_eff m_k·y + b_k) + ½|y|² (the modern Hopfield form, spec §5.2). */
    public ModernHopfieldEnergy hopfield(double t) {
        double a = alpha(t), v = variance(t);
        double[] b = new double[means.length];
        for (int m = 0; m < means.length; m++) {
            double sq = 0;
            for (double c : means[m]) sq += c * c;
            b[m] = Math.log(weights[m]) - a * a * sq / (2 * v);
        }
        return new ModernHopfieldEnergy(means, betaEff(t), b);
    }

    /**
     * The generation family in the paper's parameter τ = −t ∈ [−1, 0] (004 Fig. 8): τ ↦ E_{−τ} in the rescaled
     * coordinate y (same critical points, indices and events as U_t).
     */
    public Family generationFamily() {
        return new Family() {
            @Override public GradientSystem at(double tau) { return hopfield(-tau); }
            @Override public String parameterName() { return "tau"; }
        };
    }

    /** The component whose cumulative weight first exceeds u ∈ [0, 1). */
    private int component(double u) {
        double c = 0;
        for (int k = 0; k < weights.length - 1; k++) if (u < (c += weights[k])) return k;
        return weights.length - 1;
    }

    /**
     * PF-ODE samples: x(1) ~ p_1 (component k with probability π_k), then dx/dt = −½β(t)(x + ∇log p_t(x)) integrated from t = 1 down to
     * {@code tEnd} by RK4 with {@code steps} uniform steps. Sample i draws from Rng.stream(seed, i).
     */
    public double[][] sample(int count, int steps, double tEnd, long seed) {
        Check.positive("count", count);
        Check.positive("steps", steps);
        if (!(tEnd >= 0 && tEnd < 1)) throw new IllegalArgumentException("tEnd must be in [0, 1) (got " + tEnd + ")");
        int d = means[0].length;
        Check.matrixFits("count × dimension samples", count, d);
        double dt = -(1 - tEnd) / steps;
        Ode.Field f = (t, x, out) -> {
            score(t, x, out);
            double b = beta(t);
            for (int i = 0; i < x.length; i++) out[i] = -0.5 * b * (x[i] + out[i]);
        };
        double[][] out = new double[count][];
        // equal weights draw the component uniformly (the stream of the unweighted model, kept for reproducibility)
        boolean uniform = java.util.Arrays.stream(weights).allMatch(w -> w == weights[0]);
        Parallel.forEach("diffusion samples", count, Parallel.defaultThreads(), i -> {
            SplittableRandom r = Rng.stream(seed, i);
            int k = uniform ? r.nextInt(means.length) : component(r.nextDouble());
            double a = alpha(1), sdv = Math.sqrt(variance(1));
            double[] x0 = new double[d];
            for (int j = 0; j < d; j++) x0[j] = a * means[k][j] + sdv * r.nextGaussian();
            out[i] = Ode.rk4(f, 1, x0, dt, steps, 0, null).end();
        });
        return out;
    }
}
