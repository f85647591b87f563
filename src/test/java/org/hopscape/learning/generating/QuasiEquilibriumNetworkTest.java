package org.hopscape.learning.generating;

import org.hopscape.util.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class QuasiEquilibriumNetworkTest {
    static final int NV = 30, NH = 12;



    /** Spec 003 §4.1 instance: Ξ ~ N(0, 1/N_h), b ~ 0.3 N(0,1), I ~ 0.2 N(0,1). */
    static QuasiEquilibriumNetwork tanhNetwork(SplittableRandom r) {
        return QuasiEquilibriumNetwork.tanh(Rng.gaussians(r, NH, NV, 1 / Math.sqrt(NH)), Rng.gaussians(r, NH, 0.3), Rng.gaussians(r, NV, 0.2));
    }

    @Test
    void generatingFunctionsActivationAndHessianAreDerivatives() {
        var r = new SplittableRandom(1);
        double[][] xi = Rng.gaussians(r, 5, 7, 1);
        List<GeneratingFunction> fs = List.of(GeneratingFunction.quadratic(), GeneratingFunction.logCosh(),
                GeneratingFunction.logSumExp(1.7), GeneratingFunction.memoryQuadratic(xi, 0.3));
        for (GeneratingFunction f : fs) {
            int n = 7;
            double[] x = Rng.gaussians(r, n, 1.5), g = new double[n], hess = new double[n * n];
            f.activation(x, g);
            f.hessian(x, hess);
            double h = 1e-5;
            for (int i = 0; i < n; i++) {
                double[] p = x.clone(), m = x.clone();
                p[i] += h;
                m[i] -= h;
                assertEquals((f.value(p) - f.value(m)) / (2 * h), g[i], 1e-7, f + " gradient " + i);
                double[] gp = new double[n], gm = new double[n];
                f.activation(p, gp);
                f.activation(m, gm);
                for (int j = 0; j < n; j++)
                    assertEquals((gp[j] - gm[j]) / (2 * h), hess[j * n + i], 1e-7, f + " hessian " + j + "," + i);
            }
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) assertEquals(hess[i * n + j], hess[j * n + i], 1e-15, "symmetric");
        }
        // log-cosh stays finite where cosh overflows
        assertEquals(1000 - Math.log(2), GeneratingFunction.logCosh().value(new double[] {1000}), 1e-9);
    }

    @Test
    void jacobianEq28MatchesFiniteDifferences() {
        var r = new SplittableRandom(2);
        var net = tanhNetwork(r);
        double[] v = Rng.gaussians(r, NV, 1);
        double max = net.jacobianFiniteDifferenceError(v, 1e-6);
        assertTrue(max < 1e-7, "max FD error " + max);
    }

    @Test
    void jacobianEigenvaluesAreRealAndAtLeastMinusOne() {
        var r = new SplittableRandom(3);
        var net = tanhNetwork(r);
        double[] v = Rng.gaussians(r, NV, 1);
        double[] jac = new double[NV * NV];
        net.jacobian(v, jac);
        var eig = DecompositionFactory_DDRM.eig(NV, false, false);
        assertTrue(eig.decompose(DMatrixRMaj.wrap(NV, NV, jac.clone())));
        double[] re = new double[NV];
        for (int i = 0; i < NV; i++) {
            assertEquals(0, eig.getEigenvalue(i).imaginary, 1e-8, "imaginary part");
            re[i] = eig.getEigenvalue(i).real;
            assertTrue(re[i] >= -1 - 1e-10, "eigenvalue " + re[i]);
        }
        Arrays.sort(re);
        assertArrayEquals(re, net.jacobianEigenvalues(v), 1e-8);
        // N_v − N_h eigenvalues are exactly −1
        double[] sym = net.jacobianEigenvalues(v);
        for (int i = 0; i < NV - NH; i++) assertEquals(-1, sym[i], 1e-10);
        assertTrue(sym[NV - NH] > -1 + 1e-6);
    }

    @Test
    void energyGradientIsMinusHvPsiAndTheFiniteDifferenceOfEnergy() {
        var r = new SplittableRandom(4);
        var net = tanhNetwork(r);
        double[] v = Rng.gaussians(r, NV, 1), grad = new double[NV];
        net.energyGradient(v, grad);
        double h = 1e-6;
        for (int i = 0; i < NV; i++) {
            double[] p = v.clone(), m = v.clone();
            p[i] += h;
            m[i] -= h;
            assertEquals((net.energy(p) - net.energy(m)) / (2 * h), grad[i], 1e-7, "dE/dv_" + i);
        }
        // Eq. 6 along the flow
        double[] psi = new double[NV], p = new double[NV], m = new double[NV];
        net.psi(v, psi);
        double e = 1e-5;
        for (int i = 0; i < NV; i++) { p[i] = v[i] + e * psi[i]; m[i] = v[i] - e * psi[i]; }
        double fd = (net.energy(p) - net.energy(m)) / (2 * e);
        assertEquals(fd, net.energyRate(v), 1e-6 * Math.abs(fd));
        assertTrue(net.energyRate(v) < 0);
    }

    @Test
    void energyNeverIncreasesAlongRk4() {
        var r = new SplittableRandom(5);
        var net = tanhNetwork(r);
        var traj = net.integrate(Rng.gaussians(r, NV, 3), 0.01, 2000);
        assertTrue(traj.maxEnergyIncrement() <= 1e-8, "max increment " + traj.maxEnergyIncrement());
        assertTrue(traj.energies()[2000] < traj.energies()[0]);
        assertEquals(2001, traj.times().length);
    }

    @Test
    void linearCaseAndTheOriginOfEq27() {
        var r = new SplittableRandom(6);
        double[][] xi = Rng.gaussians(r, NH, NV, 1 / Math.sqrt(NH));
        double[] v = Rng.gaussians(r, NV, 1), psi = new double[NV];
        QuasiEquilibriumNetwork.linear(xi).psi(v, psi);
        // (ΞᵀΞ − 1) v (Eq. 26, sign corrected)
        for (int i = 0; i < NV; i++) {
            double s = -v[i];
            for (int m = 0; m < NH; m++) for (int k = 0; k < NV; k++) s += xi[m][i] * xi[m][k] * v[k];
            assertEquals(s, psi[i], 1e-13);
        }
        // Eq. 29: Jacobian of Eq. 27 at 0 with b = I = 0 is −1 + ΞᵀΞ
        double[] jac = new double[NV * NV], lin = new double[NV * NV];
        QuasiEquilibriumNetwork.tanh(xi, null, null).jacobian(new double[NV], jac);
        QuasiEquilibriumNetwork.linear(xi).jacobian(v, lin);
        assertArrayEquals(lin, jac, 1e-14);
        double[] zero = new double[NV];
        QuasiEquilibriumNetwork.tanh(xi, null, null).psi(new double[NV], zero);
        assertArrayEquals(new double[NV], zero, 0, "v* = 0 is a fixed point");
    }

    @Test
    void singleEulerStepWithDtEqualTauReachesTheTarget() {
        double[] x = {1, -2, 3}, b = {0.5, 0.25, -1};
        assertArrayEquals(b, QuasiEquilibriumNetwork.relaxationStep(x, b, 2.0, 2.0), 0);
        assertArrayEquals(new double[] {0.75, -0.875, 1}, QuasiEquilibriumNetwork.relaxationStep(x, b, 1, 2), 1e-15);
    }

    @Test
    void badInputNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new QuasiEquilibriumNetwork(
                GeneratingFunction.logCosh(), GeneratingFunction.logCosh(), new double[][] {{1, 2}}, new double[2], null, 2, 1));
        assertTrue(e.getMessage().contains("bias.length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GeneratingFunction.logSumExp(0));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        var net = QuasiEquilibriumNetwork.linear(new double[][] {{1, 2}});
        e = assertThrows(IllegalArgumentException.class, () -> net.energy(new double[3]));
        assertTrue(e.getMessage().contains("v.length"), e.getMessage());
    }
}
