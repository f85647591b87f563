package org.hopscape.dynamics;

/**
 * A one-parameter family η ↦ (V_η, G_η) of gradient systems (004 §4.2, Thm 22). Learning (η = training step)
 * and generation (η = diffusion time) are both read as such families.
 *
 * <h2>For implementers</h2>
 * Implement {@link #at(double)} (return the system at parameter η; cheap, pure) and, optionally,
 * {@link #parameterName()} for tables and plots.
 */
@FunctionalInterface
public interface Family {
    /** The gradient system at parameter value η. */
    GradientSystem at(double eta);

    /** Name of the parameter in tables ("eta" by default). */
    default String parameterName() {
        return "eta";
    }
}
