package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.GradientSystem;
import org.hopscape.dynamics.Ode;
import org.hopscape.util.Check;

import java.util.Map;

/**
 * Continuous Hopfield network of 004 Eq. 5.3.10 (f = tanh, bias 0, one leak r = R⁻¹) in hidden-state coordinates:
 * u̇ = W tanh(u) − r u. It is the gradient flow of Ṽ(u) = V(tanh u),
 * V(v) = −½vᵀWv + r Σᵢ [vᵢ artanh vᵢ + ½ ln(1 − vᵢ²)], in the metric g = diag(f′(uᵢ)) (spec 004 §4.1), so
 * X = −g⁻¹∇ᵤṼ; its critical points solve W tanh(u) = r u and their index is the number of negative eigenvalues
 * of the feature Hessian −W + r·diag(1/(1 − v²)).
 *
 * @param weights W, row-major n×n, symmetric
 * @param leak    r = R⁻¹ ≥ 0
 */
public record ContinuousHopfield(double[] weights, double leak) implements GradientSystem {
    public ContinuousHopfield {
        Check.nonEmpty("weights", weights);
        int n = (int) Math.round(Math.sqrt(weights.length));
        Check.sameSize("weights.length", weights.length, "n²", n * n);
        Check.nonNegative("leak", leak);
        weights = weights.clone();
    }

    /** The network for W given as rows (n×n, symmetric). */
    public static ContinuousHopfield of(double[][] weights, double leak) {
        return new ContinuousHopfield(org.hopscape.dynamics.Linear.flat(weights), leak);
    }

    @Override public int dimension() {
        return (int) Math.round(Math.sqrt(weights.length));
    }

    private static double logCosh(double u) {
        double a = Math.abs(u);
        return a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
    }

    /** Ṽ(u): with v = tanh u, v·artanh v + ½ln(1 − v²) = v·u − ln cosh u. */
    @Override public double energy(double[] u) {
        int n = dimension();
        Check.length("u", u, "n", n);
        double e = 0;
        for (int i = 0; i < n; i++) {
            double vi = Math.tanh(u[i]), s = 0;
            for (int j = 0; j < n; j++) s += weights[i * n + j] * Math.tanh(u[j]);
            e += -0.5 * vi * s + leak * (vi * u[i] - logCosh(u[i]));
        }
        return e;
    }

    /** ∂Ṽ/∂uᵢ = f′(uᵢ)(r uᵢ − (W tanh u)ᵢ). */
    @Override public void gradient(double[] u, double[] out) {
        int n = dimension();
        Check.length("u", u, "n", n);
        Check.length("out", out, "n", n);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += weights[i * n + j] * Math.tanh(u[j]);
            double vi = Math.tanh(u[i]);
            out[i] = (1 - vi * vi) * (leak * u[i] - s);
        }
    }

    /** ∂²Ṽ = −f′ᵢWᵢⱼf′ⱼ + δᵢⱼ(r f′ᵢ + f″ᵢ(r uᵢ − (W tanh u)ᵢ)), f″ = −2v(1 − v²). */
    @Override public void hessian(double[] u, double[] out) {
        int n = dimension();
        Check.length("u", u, "n", n);
        Check.length("out", out, "n²", n * n);
        double[] v = new double[n], fp = new double[n];
        for (int i = 0; i < n; i++) { v[i] = Math.tanh(u[i]); fp[i] = 1 - v[i] * v[i]; }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += weights[i * n + j] * v[j];
                out[i * n + j] = -fp[i] * weights[i * n + j] * fp[j];
            }
            out[i * n + i] += leak * fp[i] - 2 * v[i] * fp[i] * (leak * u[i] - s);
        }
    }

    @Override public boolean hasMetric() {
        return true;
    }

    /** g⁻¹ = diag(1/f′(uᵢ)) = diag(cosh² uᵢ). */
    @Override public void metricInverse(double[] u, double[] out) {
        int n = dimension();
        Check.length("u", u, "n", n);
        Check.length("out", out, "n²", n * n);
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) { double c = Math.cosh(u[i]); out[i * n + i] = c * c; }
    }

    /** 004 Eq. 5.3.10: u̇ = W tanh(u) − r u (exact, without forming g⁻¹∇Ṽ). */
    @Override public void velocity(double[] u, double[] out) {
        int n = dimension();
        Check.length("u", u, "n", n);
        Check.length("out", out, "n", n);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += weights[i * n + j] * Math.tanh(u[j]);
            out[i] = s - leak * u[i];
        }
    }

    /** The 2-D slice on coordinates (i, j) with all other neurons at 0 (tanh 0 = 0): the 2×2 sub-network. */
    public ContinuousHopfield slice(int i, int j) {
        int n = dimension();
        Check.inRange("i", i, 0, n - 1);
        Check.inRange("j", j, 0, n - 1);
        return new ContinuousHopfield(new double[]{weights[i * n + i], weights[i * n + j], weights[j * n + i],
                weights[j * n + j]}, leak);
    }

    /** Recall: integrate u̇ = W tanh u − r u from u0 for time T (RK45) and return sign(tanh u) = sign(u). */
    public double[] recall(double[] u0, double time) {
        Check.vector("u0", u0, "n", dimension());
        Check.positive("time", time);
        Ode.Orbit o = Ode.dopri(Ode.Field.of(this), 0, u0, new Ode.Options(1e-8, 1e-10, 0.5, time, 0), null);
        double[] s = o.end().clone();
        for (int i = 0; i < s.length; i++) s[i] = Math.signum(s[i]);
        return s;
    }

    /**
     * Fraction of {@code trials} noisy starts u₀ = ξ + noise·N(0, I) (trial k draws from Rng.stream(seed, k)) whose
     * recall equals ξ exactly (overlap sign(tanh u)·ξ/n = 1) — 004 Fig. 10b.
     */
    public double recallRate(double[] pattern, double noise, int trials, double time, long seed) {
        Check.vector("pattern", pattern, "n", dimension());
        Check.nonNegative("noise", noise);
        Check.positive("trials", trials);
        Check.positive("time", time);
        int ok = 0;
        for (int k = 0; k < trials; k++) {
            java.util.SplittableRandom rng = org.hopscape.util.Rng.stream(seed, k);
            double[] u0 = pattern.clone();
            for (int i = 0; i < u0.length; i++) u0[i] += noise * rng.nextGaussian();
            double[] s = recall(u0, time);
            boolean same = true;
            for (int i = 0; i < u0.length; i++) same &= s[i] == Math.signum(pattern[i]);
            if (same) ok++;
        }
        return (double) ok / trials;
    }

    @Override public Map<String, Object> parameters() {
        return Map.of("n", dimension(), "leak", leak);
    }
}
