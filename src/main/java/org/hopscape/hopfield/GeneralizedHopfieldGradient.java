package org.hopscape.hopfield;

import org.hopscape.dynamics.GradientSystem;

import java.util.Map;

/**
 * The symmetric 002 generalized Hopfield flow ẋ = Ξᵀ softmax(βΞx + w) − x (002 Eq. 2) as a {@link GradientSystem}
 * (issue 8): it is the Euclidean gradient flow ẋ = −∇V of
 * <pre>
 *   V(x) = −β⁻¹ log Σ_i exp(βΞ_i·x + w_i) + ½|x|²   (002 Eq. 3),
 *   ∇V = x − Ξᵀs,   ∇²V = I − βΞᵀ(diag s − ssᵀ)Ξ   (002 App. D Eq. 14),   s = softmax(βΞx + w).
 * </pre>
 * Obtain it from {@link GeneralizedHopfield#asGradientSystem()}. The general model Q ≠ Ξ (002 Eq. 1) is refused
 * there: its Jacobian βQᵀ(diag s − ssᵀ)Ξ − I is not symmetric, so it is not a gradient flow. At β = 0 V is the
 * model's limit −softmax(w)·Ξx + ½|x|² (the divergent constant dropped), still with ∇V = −ẋ.
 *
 * <p>Pure and thread-safe: the model is immutable and every call allocates its own work arrays.
 */
public final class GeneralizedHopfieldGradient implements GradientSystem {
    private final GeneralizedHopfield model;

    GeneralizedHopfieldGradient(GeneralizedHopfield model) {
        if (!model.isSymmetric())
            throw new UnsupportedOperationException("the generalized Hopfield model with Q ≠ Ξ is not a gradient flow:"
                    + " its Jacobian βQᵀ(diag s − ssᵀ)Ξ − I is not symmetric (002 Eq. 1); only the symmetric model"
                    + " Q = Ξ (GeneralizedHopfield.symmetric, 002 Eq. 2–3) has the energy V");
        this.model = model;
    }

    /** The model this system adapts. */
    public GeneralizedHopfield model() { return model; }

    @Override public int dimension() { return model.dimension(); }

    /** V(x) = −β⁻¹ log Σ_i exp(βΞ_i·x + w_i) + ½|x|² (002 Eq. 3). */
    @Override public double energy(double[] x) { return model.energy(x); }

    /** ∇V = x − Ξᵀ softmax(βΞx + w) = −ẋ. {@code x} read, {@code out} written (must not alias x). */
    @Override public void gradient(double[] x, double[] out) {
        model.velocity(x, out);
        for (int i = 0; i < out.length; i++) out[i] = -out[i];
    }

    /** ∇²V = I − βΞᵀ(diag s − ssᵀ)Ξ = −J (002 App. D Eq. 14), row-major N×N, exactly symmetric. */
    @Override public void hessian(double[] x, double[] out) {
        double[][] j = model.jacobian(x);
        int n = j.length;
        for (int r = 0; r < n; r++)
            for (int c = r; c < n; c++) {
                double v = -0.5 * (j[r][c] + j[c][r]);
                out[r * n + c] = v;
                out[c * n + r] = v;
            }
    }

    /** ẋ = Ξᵀ softmax(βΞx + w) − x, the model's own drift. */
    @Override public void velocity(double[] x, double[] out) { model.velocity(x, out); }

    @Override public Map<String, Object> parameters() {
        return Map.of("model", "002 generalized Hopfield (Q = Ξ)", "beta", model.beta(), "K", model.patterns(),
                "N", model.dimension(), "w", java.util.Arrays.toString(model.weights()));
    }
}
