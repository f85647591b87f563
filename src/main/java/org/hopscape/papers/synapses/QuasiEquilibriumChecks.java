package org.hopscape.papers.synapses;

import org.hopscape.learning.generating.QuasiEquilibriumNetwork;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.hopscape.learning.HebbianRecovery;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The numerical claims of 003 §3, §5.2 and §5.4 on seeded random instances (spec 003 §3.1, §4.1), in one call
 * for the notebook:
 * <ul>
 *   <li>Eq. 21 (J = 1, L_v = (β̃/2)|Ξv|², L_h = Σ ln cosh) equals the Pavlov/Hebb model −v + tanh(βJv + βu)
 *       with J = ΞᵀΞ/N_h, β̃ = β/N_h, b = βu (n = 8, β = 1.5), and J is invariant under Ξ → UΞ;</li>
 *   <li>the energy Eq. 3 never increases along RK4 trajectories of Eq. 21 and Eq. 27 (Eq. 6, 8), and
 *       dE/dt = −τ_v v̇ᵀH_v v̇ against a finite difference;</li>
 *   <li>the Jacobian Eq. 28 of Eq. 27 (N_v = 30, N_h = 12, Ξ ~ N(0, 1/N_h)) against central differences, with real
 *       eigenvalues ≥ −1.</li>
 * </ul>
 */
public final class QuasiEquilibriumChecks {
    private QuasiEquilibriumChecks() {}

    /** Spec 003 §3.1: n = 8, β = 1.5. */
    public static final int HEBB_SIZE = 8;
    public static final double HEBB_BETA = 1.5;
    /** Spec 003 §4.1: N_v = 30, N_h = 12. */
    public static final int VISIBLE = 30, HIDDEN = 12;
    /** RK4 step and lengths (spec 003 §3.1, §4.1). */
    public static final double DT = 0.01;
    public static final int HEBB_STEPS = 3000, TANH_STEPS = 2000;

    /**
     * @param eq21Residual        max |ψ_Eq.21 − ψ_Pavlov| at a random v
     * @param rotationError       ‖J(UΞ) − J(Ξ)‖/‖J(Ξ)‖ for a random orthogonal U
     * @param hebbMaxIncrement    largest energy step along the RK4 trajectory of Eq. 21
     * @param tanhMaxIncrement    largest energy step along the RK4 trajectory of Eq. 27
     * @param energyRateError     relative error of −τ_v v̇ᵀH_v v̇ against a central difference of E (Eq. 27)
     * @param jacobianError       max |Eq. 28 − central difference of ψ| (h = 1e-6)
     * @param jacobianMaxImaginary largest |Im| of the Jacobian eigenvalues from a general solver
     * @param jacobianMinReal     smallest real part of the Jacobian eigenvalues (≥ −1)
     * @param tanhEnergies        E(t) along the Eq. 27 trajectory, times t = k·DT
     */
    public record Result(double eq21Residual, double rotationError, double hebbMaxIncrement, double tanhMaxIncrement,
                         double energyRateError, double jacobianError, double jacobianMaxImaginary,
                         double jacobianMinReal, double[] tanhEnergies) {

        public Table toTable() {
            StringColumn claim = StringColumn.create("claim"), source = StringColumn.create("source");
            DoubleColumn value = DoubleColumn.create("measured");
            String[][] rows = {
                    {"Eq. 21 = Pavlov/Hebb rhs, max abs difference", "003 §5.2 Eq. 21-22"},
                    {"J(UΞ) = J(Ξ), relative error", "003 footnote 4"},
                    {"max energy step, RK4 of Eq. 21", "003 Eq. 6, 8"},
                    {"max energy step, RK4 of Eq. 27", "003 Eq. 6, 8"},
                    {"dE/dt = -τ v̇ᵀH_v v̇, relative error", "003 Eq. 6"},
                    {"Jacobian Eq. 28 vs finite differences", "003 Eq. 28"},
                    {"max |Im| of Jacobian eigenvalues", "spec 003 §4.1"},
                    {"min Re of Jacobian eigenvalues", "spec 003 §4.1"}};
            double[] v = {eq21Residual, rotationError, hebbMaxIncrement, tanhMaxIncrement, energyRateError,
                    jacobianError, jacobianMaxImaginary, jacobianMinReal};
            for (int i = 0; i < v.length; i++) {
                claim.append(rows[i][0]);
                source.append(rows[i][1]);
                value.append(v[i]);
            }
            return Table.create("Quasi-equilibrium energy, Hebbian generating function, Jacobian", claim, source, value);
        }

        /** E(t) along the RK4 trajectory of Eq. 27. */
        public Figure energyFigure() {
            double[] t = new double[tanhEnergies.length];
            for (int i = 0; i < t.length; i++) t[i] = i * DT;
            List<tech.tablesaw.plotly.traces.Trace> traces = List.of(SynapsesFigures.line(t, tanhEnergies,
                    "E(v(t)), RK4 with dt = " + org.hopscape.plot.Numbers.format(DT) + " τ<sub>v</sub>", "#1f77b4", "solid", true, null));
            return SynapsesFigures.figure("Eq. 3, 8 — quasi-equilibrium energy along Eq. 27<br>" + SynapsesFigures.NV + " = "
                    + VISIBLE + ", " + SynapsesFigures.NH + " = " + HIDDEN + ", RK4 from v(0) ~ 3·N(0, 1)",
                    "time t/τ<sub>v</sub>", "energy E(v(t)) (Eq. 3)", traces, 1, false);
        }
    }

    public static Result run(long seed) {
        // --- Eq. 21 vs Pavlov/Hebb (spec 003 §3.1)
        SplittableRandom r = Rng.stream(seed, 0);
        int n = HEBB_SIZE;
        double[][] xi = Rng.gaussians(r, n, n, 1);
        double[] u = Rng.gaussians(r, n, 0.1), v = Rng.gaussians(r, n, 1), b = new double[n];
        for (int i = 0; i < n; i++) b[i] = HEBB_BETA * u[i];
        QuasiEquilibriumNetwork hebb = QuasiEquilibriumNetwork.hebbian(xi, HEBB_BETA / n, b);
        double[] lhs = new double[n], rhs = new double[n];
        hebb.psi(v, lhs);
        HebbianRecovery.pavlovRhs(HebbianRecovery.couplings(xi), HEBB_BETA, u, v, rhs);
        double residual = 0;
        for (int i = 0; i < n; i++) residual = Math.max(residual, Math.abs(lhs[i] - rhs[i]));
        var qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(new DMatrixRMaj(Rng.gaussians(r, n, n, 1)))) throw new IllegalStateException("QR failed");
        DMatrixRMaj q = qr.getQ(null, false);
        double[][] rot = new double[n][n];
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) rot[i][k] = q.get(i, k);
        double rotation = HebbianRecovery.relativeDistance(HebbianRecovery.couplings(HebbianRecovery.rotate(rot, xi)),
                HebbianRecovery.couplings(xi));
        double hebbInc = hebb.integrate(v, DT, HEBB_STEPS).maxEnergyIncrement();

        // --- Eq. 27 (spec 003 §4.1)
        SplittableRandom s = Rng.stream(seed, 1);
        double[][] m = Rng.gaussians(s, HIDDEN, VISIBLE, 1 / Math.sqrt(HIDDEN));
        QuasiEquilibriumNetwork tanh = QuasiEquilibriumNetwork.tanh(m, Rng.gaussians(s, HIDDEN, 0.3), Rng.gaussians(s, VISIBLE, 0.2));
        double[] w = Rng.gaussians(s, VISIBLE, 1);
        double[] jac = new double[VISIBLE * VISIBLE];
        tanh.jacobian(w, jac);
        double jacErr = tanh.jacobianFiniteDifferenceError(w, 1e-6);
        var eig = DecompositionFactory_DDRM.eig(VISIBLE, false, false);
        if (!eig.decompose(DMatrixRMaj.wrap(VISIBLE, VISIBLE, jac.clone()))) throw new IllegalStateException("eig failed");
        double maxIm = 0, minRe = Double.POSITIVE_INFINITY;
        for (int i = 0; i < VISIBLE; i++) {
            maxIm = Math.max(maxIm, Math.abs(eig.getEigenvalue(i).imaginary));
            minRe = Math.min(minRe, eig.getEigenvalue(i).real);
        }
        double[] psi = new double[VISIBLE], plus = new double[VISIBLE], minus = new double[VISIBLE];
        tanh.psi(w, psi);
        double e = 1e-5;
        for (int i = 0; i < VISIBLE; i++) { plus[i] = w[i] + e * psi[i]; minus[i] = w[i] - e * psi[i]; }
        double fd = (tanh.energy(plus) - tanh.energy(minus)) / (2 * e);
        double rateErr = Math.abs(tanh.energyRate(w) - fd) / Math.abs(fd);
        var traj = tanh.integrate(Rng.gaussians(s, VISIBLE, 3), DT, TANH_STEPS);
        return new Result(residual, rotation, hebbInc, traj.maxEnergyIncrement(), rateErr, jacErr, maxIm, minRe,
                traj.energies());
    }


}
