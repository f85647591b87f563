package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.GradientSystem;

import java.util.Map;

/**
 * Example 6 of 004 (Fig. 3, saddle-node): V(v, η) = (1/6)v₁⁴ + (1/6)v₂⁴ − ½v₂v₁² − ½v₂ + (6/10)ηv₁, η ∈ [−1, 1].
 * The printed formula repeats its tail (extraction artefact); the repetition is dropped (spec 004 §7 item 3).
 * Folds at η* = ±0.861430.
 */
public record FoldFamily() implements Family {
    @Override public GradientSystem at(double eta) {
        return new System(eta);
    }

    /** The system at one η. */
    public record System(double eta) implements GradientSystem {
        @Override public int dimension() { return 2; }

        @Override public double energy(double[] v) {
            double a = v[0], b = v[1];
            return a * a * a * a / 6 + b * b * b * b / 6 - 0.5 * b * a * a - 0.5 * b + 0.6 * eta * a;
        }

        @Override public void gradient(double[] v, double[] out) {
            double a = v[0], b = v[1];
            out[0] = 2.0 / 3 * a * a * a - a * b + 0.6 * eta;
            out[1] = 2.0 / 3 * b * b * b - 0.5 * a * a - 0.5;
        }

        @Override public void hessian(double[] v, double[] out) {
            double a = v[0], b = v[1];
            out[0] = 2 * a * a - b;
            out[1] = -a;
            out[2] = -a;
            out[3] = 2 * b * b;
        }

        @Override public Map<String, Object> parameters() { return Map.of("eta", eta); }
    }
}
