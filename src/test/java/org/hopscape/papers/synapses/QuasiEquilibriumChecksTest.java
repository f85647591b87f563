package org.hopscape.papers.synapses;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class QuasiEquilibriumChecksTest {
    @Test
    void seededInstancesMeetTheSpecTolerances() {
        for (long seed : new long[] {42, 7}) {
            var r = QuasiEquilibriumChecks.run(seed);
            assertTrue(r.eq21Residual() <= 1e-14, "Eq. 21 " + r.eq21Residual());
            assertTrue(r.rotationError() <= 1e-12, "rotation " + r.rotationError());
            assertTrue(r.hebbMaxIncrement() <= 1e-12, "Eq. 21 energy " + r.hebbMaxIncrement());
            assertTrue(r.tanhMaxIncrement() <= 1e-8, "Eq. 27 energy " + r.tanhMaxIncrement());
            assertTrue(r.energyRateError() <= 1e-6, "dE/dt " + r.energyRateError());
            assertTrue(r.jacobianError() <= 1e-7, "Jacobian " + r.jacobianError());
            assertTrue(r.jacobianMaxImaginary() <= 1e-8);
            assertTrue(r.jacobianMinReal() >= -1 - 1e-10);
            assertEquals(-1, r.jacobianMinReal(), 1e-10, "N_v − N_h eigenvalues are exactly −1");
            assertEquals(QuasiEquilibriumChecks.TANH_STEPS + 1, r.tanhEnergies().length);
            assertEquals(8, r.toTable().rowCount());
        }
        assertEquals(QuasiEquilibriumChecks.run(3).jacobianError(), QuasiEquilibriumChecks.run(3).jacobianError(), 0);
    }
}
