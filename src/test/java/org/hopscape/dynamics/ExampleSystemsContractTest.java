package org.hopscape.dynamics;

import org.hopscape.dynamics.examples.*;
import org.junit.jupiter.api.Nested;

/** The contract for every example system of 004 (each nested class only supplies a factory). */
class ExampleSystemsContractTest {
    /** A model defined in a few lines through {@link GradientSystem#of} (notebook 07's tilted wells). */
    static GradientSystem tiltedWells(double eta) {
        return GradientSystem.of(2,
                x -> Math.pow(x[0] * x[0] - 1, 2) + Math.pow(x[1] * x[1] - 1, 2) + 0.5 * x[0] * x[1] + eta * x[0],
                (x, g) -> {
                    g[0] = 4 * x[0] * (x[0] * x[0] - 1) + 0.5 * x[1] + eta;
                    g[1] = 4 * x[1] * (x[1] * x[1] - 1) + 0.5 * x[0];
                });
    }

    @Nested class LambdaSystemContract extends GradientSystemContract {
        GradientSystem system() { return tiltedWells(0.3); }
        double halfWidth() { return 2; }
    }

    @Nested class DualWellContract extends GradientSystemContract {
        GradientSystem system() { return new DualWell(); }
        double halfWidth() { return 2.5; }
    }

    @Nested class DualCuspContract extends GradientSystemContract {
        GradientSystem system() { return new DualCusp(); }
        double halfWidth() { return 3; }
    }

    @Nested class FoldContract extends GradientSystemContract {
        GradientSystem system() { return new FoldFamily().at(0.3); }
        double halfWidth() { return 2; }
    }

    @Nested class MetricContract extends GradientSystemContract {
        GradientSystem system() { return new MetricFlipFamily().at(0.7); }
        double halfWidth() { return 3; }
    }

    @Nested class HopfieldContract extends GradientSystemContract {
        GradientSystem system() { return new ContinuousHopfield(new double[]{1, -1, -1, 1}, 0.85); }
        double halfWidth() { return 2; }
    }

    @Nested class HopfieldThreeContract extends GradientSystemContract {
        GradientSystem system() { return new ContinuousHopfield(new double[]{0.5, 0.2, -0.1, 0.2, 1.0, 0.3, -0.1, 0.3, 0.8}, 0.3); }
        double halfWidth() { return 1.5; }
    }

    @Nested class ModernHopfieldContract extends GradientSystemContract {
        GradientSystem system() { return new ModernHopfieldFamily().at(1.2); }
        double halfWidth() { return 1.5; }
    }

    @Nested class DefaultHessianContract extends GradientSystemContract {
        GradientSystem system() {
            DualCusp c = new DualCusp();
            return new GradientSystem() {
                public int dimension() { return 2; }
                public double energy(double[] x) { return c.energy(x); }
                public void gradient(double[] x, double[] out) { c.gradient(x, out); }
            };
        }
        double halfWidth() { return 3; }
    }
}
