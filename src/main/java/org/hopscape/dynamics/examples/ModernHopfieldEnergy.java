package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.GradientSystem;
import org.hopscape.util.Check;

import java.util.Map;

/**
 * Modern Hopfield energy as a gradient system (004 §5.4): V(v) = −lse(β, ξᵀv) + ½vᵀv, lse(β, z) = β⁻¹ log Σ
 * exp(βz_m) (the constants β⁻¹ log M + ½C² are dropped); ∇V = v − ξ p, p = softmax(βξᵀv); Hessian
 * I − βξ(diag p − ppᵀ)ξᵀ. Flow v̇ = ξ softmax(βξᵀv) − v. Used for Fig. 7 (three patterns in ℝ²); the kit's 001
 * model lives elsewhere (dynamics never depends on it).
 *
 * @param patterns ξ as rows: patterns[m] is the m-th pattern in ℝᵈ
 * @param beta     inverse temperature β > 0
 * @param biases   b_m added to βξ_m·v inside the softmax (zeros for the plain network; the diffusion reduction
 *                 of spec §5.2 uses b_m = log π_m − α²|m_k|²/(2v_t))
 */
public record ModernHopfieldEnergy(double[][] patterns, double beta, double[] biases) implements GradientSystem {
    public ModernHopfieldEnergy {
        Check.finite("patterns", patterns);
        Check.positive("beta", beta);
        if (biases == null) biases = new double[patterns.length];
        Check.sameSize("biases.length", biases.length, "patterns", patterns.length);
        Check.finite("biases", biases);
        patterns = java.util.Arrays.stream(patterns).map(double[]::clone).toArray(double[][]::new);
        biases = biases.clone();
    }

    public ModernHopfieldEnergy(double[][] patterns, double beta) {
        this(patterns, beta, null);
    }

    @Override public int dimension() {
        return patterns[0].length;
    }

    /** Softmax weights p_m = exp(βξ_m·v + b_m)/Σ; returns log Σ exp(·) (stable). */
    double softmax(double[] v, double[] p) {
        int m = patterns.length, d = dimension();
        Check.length("v", v, "dimension", d);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int i = 0; i < d; i++) s += patterns[k][i] * v[i];
            p[k] = beta * s + biases[k];
            max = Math.max(max, p[k]);
        }
        double z = 0;
        for (int k = 0; k < m; k++) { p[k] = Math.exp(p[k] - max); z += p[k]; }
        for (int k = 0; k < m; k++) p[k] /= z;
        return max + Math.log(z);
    }

    /** p = softmax(βξᵀv + b). */
    public double[] weightsAt(double[] v) {
        Check.vector("v", v, "dimension", dimension());
        double[] p = new double[patterns.length];
        softmax(v, p);
        return p;
    }

    @Override public double energy(double[] v) {
        double[] p = new double[patterns.length];
        double lse = softmax(v, p) / beta, sq = 0;
        for (double x : v) sq += x * x;
        return -lse + 0.5 * sq;
    }

    @Override public void gradient(double[] v, double[] out) {
        int d = dimension();
        double[] p = new double[patterns.length];
        softmax(v, p);
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k < patterns.length; k++) s += patterns[k][i] * p[k];
            out[i] = v[i] - s;
        }
    }

    @Override public void hessian(double[] v, double[] out) {
        int d = dimension();
        double[] dm = updateJacobian(v);
        for (int i = 0; i < d * d; i++) out[i] = -dm[i];
        for (int i = 0; i < d; i++) out[i * d + i] += 1;
    }

    /** D = βξ(diag p − ppᵀ)ξᵀ, the Jacobian of the update map v ↦ ξ softmax(βξᵀv) (004 §5.4), row-major d×d. */
    public double[] updateJacobian(double[] v) {
        int d = dimension(), m = patterns.length;
        double[] p = new double[m];
        softmax(v, p);
        double[] mean = new double[d];
        for (int k = 0; k < m; k++) for (int i = 0; i < d; i++) mean[i] += p[k] * patterns[k][i];
        double[] out = new double[d * d];
        for (int k = 0; k < m; k++)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) out[i * d + j] += beta * p[k] * patterns[k][i] * patterns[k][j];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i * d + j] -= beta * mean[i] * mean[j];
        return out;
    }

    @Override public Map<String, Object> parameters() {
        return Map.of("beta", beta, "patterns", patterns.length, "d", dimension());
    }
}
