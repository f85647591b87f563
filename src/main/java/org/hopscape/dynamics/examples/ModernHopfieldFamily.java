package org.hopscape.dynamics.examples;

import org.hopscape.dynamics.Family;
import org.hopscape.dynamics.GradientSystem;
import smile.math.special.Erf;

/**
 * The Fig. 7 family of 004: a modern Hopfield network with patterns ξ¹ = (0.95, δ(η)), ξ² = (−0.7, √3/2),
 * ξ³ = (−0.7, −√3/2), β(η) = 1 + 1.5·Φ((η − 0.5)/0.15), δ(η) = 0.1 − 0.2·Φ((η − 1.5)/0.15), Φ the standard normal
 * CDF (spec 004 §4.3: the "Gaussian-CDF steps" are our choice). The caption's third pattern (0.7, √3/2) gives no
 * flip; {@code literalCaption} selects it for the negative check (spec §7 item 6).
 */
public record ModernHopfieldFamily(boolean literalCaption) implements Family {
    public ModernHopfieldFamily() {
        this(false);
    }

    /** Standard normal CDF Φ(x) = ½ erfc(−x/√2). */
    public static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    public static double beta(double eta) {
        return 1 + 1.5 * phi((eta - 0.5) / 0.15);
    }

    /** δ(η) = 0.1 − 0.2Φ(z) = −0.1·erf(z/√2), z = (η − 1.5)/0.15, written odd in z so that δ(1.5) = 0 exactly. */
    public static double delta(double eta) {
        double z = (eta - 1.5) / 0.15;
        if (z == 0) return 0;
        return -0.1 * Math.signum(z) * (1 - Erf.erfc(Math.abs(z) / Math.sqrt(2)));
    }

    public double[][] patterns(double eta) {
        double h = Math.sqrt(3) / 2;
        return new double[][]{{0.95, delta(eta)}, {-0.7, h}, literalCaption ? new double[]{0.7, h} : new double[]{-0.7, -h}};
    }

    @Override public GradientSystem at(double eta) {
        return new ModernHopfieldEnergy(patterns(eta), beta(eta));
    }
}
