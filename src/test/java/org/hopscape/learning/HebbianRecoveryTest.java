package org.hopscape.learning;

import org.hopscape.util.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.hopscape.learning.generating.QuasiEquilibriumNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class HebbianRecoveryTest {
    static final int N = 8;
    static final double BETA = 1.5;


    @Test
    void eq21IsThePavlovHebbModel() {
        var r = new SplittableRandom(11);
        double[][] xi = Rng.gaussians(r, N, N, 1);
        double[] u = new double[N], v = new double[N];
        for (int i = 0; i < N; i++) { u[i] = 0.1 * r.nextGaussian(); v[i] = r.nextGaussian(); }
        double[] b = new double[N];
        for (int i = 0; i < N; i++) b[i] = BETA * u[i];
        // β̃ = β/N_h, b = βu, J = ΞᵀΞ/N_h (003 §5.2)
        var net = QuasiEquilibriumNetwork.hebbian(xi, BETA / N, b);
        double[] lhs = new double[N], rhs = new double[N];
        net.psi(v, lhs);
        HebbianRecovery.pavlovRhs(HebbianRecovery.couplings(xi), BETA, u, v, rhs);
        assertArrayEquals(rhs, lhs, 1e-14);
        // and it is not the graded-response Hopfield model −v + J tanh(βv + βu)
        double diff = 0;
        double[][] j = HebbianRecovery.couplings(xi);
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int k = 0; k < N; k++) s += j[i][k] * Math.tanh(BETA * v[k] + BETA * u[k]);
            diff = Math.max(diff, Math.abs(-v[i] + s - lhs[i]));
        }
        assertTrue(diff > 1e-3);
    }

    @Test
    void hebbCouplingsAreInvariantUnderRotationOfTheMemories() {
        var r = new SplittableRandom(12);
        double[][] xi = Rng.gaussians(r, N, N, 1);
        DMatrixRMaj g = new DMatrixRMaj(Rng.gaussians(r, N, N, 1));
        var qr = DecompositionFactory_DDRM.qr(N, N);
        assertTrue(qr.decompose(g));
        DMatrixRMaj q = qr.getQ(null, false);
        double[][] u = new double[N][N];
        for (int i = 0; i < N; i++) for (int k = 0; k < N; k++) u[i][k] = q.get(i, k);
        double[][] rotated = HebbianRecovery.rotate(u, xi);
        assertTrue(HebbianRecovery.relativeDistance(HebbianRecovery.couplings(rotated), HebbianRecovery.couplings(xi)) < 1e-12);
        // the rotation does change the memories themselves
        assertTrue(Math.abs(rotated[0][0] - xi[0][0]) > 1e-6);
    }

    @Test
    void eq21EnergyDecreasesAlongTheFlow() {
        var r = new SplittableRandom(13);
        double[][] xi = Rng.gaussians(r, N, N, 1);
        double[] b = new double[N], v0 = new double[N];
        for (int i = 0; i < N; i++) { b[i] = 0.1 * r.nextGaussian(); v0[i] = r.nextGaussian(); }
        var net = QuasiEquilibriumNetwork.hebbian(xi, BETA / N, b);
        var traj = net.integrate(v0, 0.01, 3000);
        assertTrue(traj.maxEnergyIncrement() <= 1e-12, "max increment " + traj.maxEnergyIncrement());
        assertTrue(traj.energies()[3000] < traj.energies()[0] - 1e-3);
        // dE/dt = −τ_v v̇ᵀ H_v v̇ (Eq. 6) against a central difference along the flow
        double[] psi = new double[N], plus = new double[N], minus = new double[N];
        net.psi(v0, psi);
        double h = 1e-5;
        for (int i = 0; i < N; i++) { plus[i] = v0[i] + h * psi[i]; minus[i] = v0[i] - h * psi[i]; }
        double fd = (net.energy(plus) - net.energy(minus)) / (2 * h);
        assertEquals(fd, net.energyRate(v0), 1e-6 * Math.abs(fd));
    }

    @Test
    void eq24EndpointsAndGeneralisedHebb() {
        var r = new SplittableRandom(14);
        double[][] x0 = Rng.gaussians(r, 4, 10, 1), xp = Rng.gaussians(r, 4, 10, 1);
        double[][] g0 = HebbianRecovery.eq24(x0, xp, new double[] {1, 1, 1, 1});
        double[][] g1 = HebbianRecovery.eq24(x0, xp, new double[] {0, 0, 0, 0});
        assertTrue(HebbianRecovery.relativeDistance(g0, HebbianRecovery.gram(x0)) < 1e-15);
        assertTrue(HebbianRecovery.relativeDistance(g1, HebbianRecovery.gram(xp)) < 1e-15);
        double[][] uniform = HebbianRecovery.generalised(xp, new double[] {0.25, 0.25, 0.25, 0.25});
        assertTrue(HebbianRecovery.relativeDistance(uniform, HebbianRecovery.gram(xp)) < 1e-14);
        double[][] skew = HebbianRecovery.generalised(xp, new double[] {0.4, 0.3, 0.2, 0.1});
        assertTrue(HebbianRecovery.relativeDistance(skew, HebbianRecovery.gram(xp)) > 0.05);
        // J = ΞᵀΞ/N_h entry by entry (Eq. 22)
        double[][] j = HebbianRecovery.couplings(xp);
        double s = 0;
        for (int m = 0; m < 4; m++) s += xp[m][2] * xp[m][7];
        assertEquals(s / 4, j[2][7], 1e-15);
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> HebbianRecovery.generalised(new double[][] {{1, 2}, {3, 4}}, new double[] {1}));
        assertTrue(e.getMessage().contains("p.length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> HebbianRecovery.gram(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("memories"), e.getMessage());
    }
}
