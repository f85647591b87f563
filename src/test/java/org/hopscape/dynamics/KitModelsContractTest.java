package org.hopscape.dynamics;

import org.hopscape.hopfield.GeneralizedHopfield;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.hopfield.Patterns;
import org.junit.jupiter.api.Nested;

/**
 * The {@link GradientSystem} contract for the kit's models that expose themselves as gradient systems (issue 8).
 * Test code only: main {@code dynamics} never depends on a model (style.md anti-pattern 1).
 */
class KitModelsContractTest {
    @Nested class ModernHopfieldOrthonormalContract extends GradientSystemContract {
        GradientSystem system() { return ModernHopfield.of(new double[][]{{1, 0}, {0, 1}}, 5).asGradientSystem(); }
        double halfWidth() { return 1.5; }
    }

    @Nested class ModernHopfieldSkewedContract extends GradientSystemContract {
        GradientSystem system() {
            return ModernHopfield.of(new double[][]{{1.0, 0.2}, {-0.3, 0.9}}, 8).asGradientSystem();
        }
        double halfWidth() { return 1.5; }
    }

    @Nested class ModernHopfieldPerpendicularContract extends GradientSystemContract {
        // P = 2 < N = 3: the perpendicular direction decays, the metric is ΞᵀΞ + I − P
        GradientSystem system() {
            return ModernHopfield.of(new double[][]{{0.8, 0.5, -0.2}, {0.1, -0.7, 0.6}}, 4).asGradientSystem();
        }
        double halfWidth() { return 1.2; }
    }

    @Nested class ModernHopfieldBinaryContract extends GradientSystemContract {
        // ±1 patterns in N = 12 (001 setting, smaller): large metric eigenvalues in the pattern span
        GradientSystem system() { return ModernHopfield.of(Patterns.random(3, 12, 31), 2).asGradientSystem(); }
        double halfWidth() { return 0.2; }
    }

    @Nested class GeneralizedHopfieldFig1Contract extends GradientSystemContract {
        // spec 002 Fig 1 patterns (K = 3 > N = 2) with biases
        GradientSystem system() {
            double c = Math.cos(Math.toRadians(15)), s = Math.sin(Math.toRadians(15));
            return GeneralizedHopfield.symmetric(new double[][]{{c, s}, {c, -s}, {-1, 0}}, new double[]{0.3, 0, -0.5}, 10)
                    .asGradientSystem();
        }
        double halfWidth() { return 1.3; }
    }

    @Nested class GeneralizedHopfieldThreeDContract extends GradientSystemContract {
        GradientSystem system() {
            return GeneralizedHopfield.symmetric(new double[][]{{0.3, -0.8, 0.5}, {0.9, 0.1, -0.2}, {-0.4, 0.4, 0.7},
                    {0.1, 0.2, 0.3}}, new double[]{1, 0, -1, 0.5}, 4).asGradientSystem();
        }
        double halfWidth() { return 1; }
    }

    @Nested class GeneralizedHopfieldZeroBetaContract extends GradientSystemContract {
        // β = 0: the model's limit V = −softmax(w)·Ξx + ½|x|² (the multipotent state is the only critical point)
        GradientSystem system() {
            return GeneralizedHopfield.symmetric(new double[][]{{1, 0}, {0, 1}, {-0.7, -0.7}}, new double[]{1, 0, 0}, 0)
                    .asGradientSystem();
        }
        double halfWidth() { return 1.5; }
    }
}
