package org.hopscape.analysis;

import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The (ℓ, α) phase plane of the reduced two-memory system on the upper half of the diamond, β = 1 − α,
 * α ∈ [0, 1], ℓ ∈ [−1, 1] (000 Fig 5B; spec §7.2): the fields dα/dt (memory nullcline = its zero set) and ∇_ℓ
 * (label nullcline) on a grid, the normalisation drive N (the reduced flow holds where N > 0), stream lines of
 * the flow where N > 0, and the fixed points in the plane.
 *
 * @param system       the system
 * @param ell          grid ℓ values (columns)
 * @param alpha        grid α values (rows)
 * @param memoryField  dα/dt[row][column]
 * @param labelField   ∇_ℓ[row][column]
 * @param drive        N[row][column]
 * @param streamEll    stream lines, ℓ coordinates, one line after another separated by NaN
 * @param streamAlpha  stream lines, α coordinates (same layout)
 * @param fixedPoints  the fixed points with β ≥ 0 and α ∈ [0, 1]
 */
public record PhasePlane(TwoMemorySystem system, double[] ell, double[] alpha, double[][] memoryField,
                         double[][] labelField, double[][] drive, double[] streamEll, double[] streamAlpha,
                         List<TwoMemorySystem.FixedPoint> fixedPoints) {

    /** Default grid resolution per axis (the authors contour a 1000 × 1000 grid). */
    public static final int DEFAULT_RESOLUTION = 300;
    /** Stream-line seeds per axis, integration step (time units) and maximum steps. */
    static final int SEEDS = 9, STREAM_STEPS = 400;
    static final double STREAM_DT = 0.004;

    /** The phase plane on a {@link #DEFAULT_RESOLUTION}² grid. */
    public static PhasePlane of(TwoMemorySystem system) {
        return of(system, DEFAULT_RESOLUTION);
    }

    public static PhasePlane of(TwoMemorySystem system, int resolution) {
        Check.inRange("resolution", resolution, 10, 5000);
        double[] ell = new double[resolution], alpha = new double[resolution];
        for (int i = 0; i < resolution; i++) {
            ell[i] = -1 + 2.0 * i / (resolution - 1);
            alpha[i] = (i + 0.5) / resolution; // avoid the corners α = 0, β = 0
        }
        double[][] mem = new double[resolution][resolution], lab = new double[resolution][resolution],
                drv = new double[resolution][resolution];
        double[] g = new double[4], f = new double[3];
        for (int i = 0; i < resolution; i++)
            for (int j = 0; j < resolution; j++) {
                double a = alpha[i], b = 1 - a;
                system.gradients(a, b, ell[j], g);
                TwoMemorySystem.flowFromGradients(a, b, ell[j], g, f);
                mem[i][j] = f[0];
                lab[i][j] = g[2];
                drv[i][j] = f[2];
            }
        List<Double> se = new ArrayList<>(), sa = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++)
            for (int j = 0; j < SEEDS; j++)
                streamLine(system, -0.95 + 1.9 * j / (SEEDS - 1), 0.05 + 0.9 * i / (SEEDS - 1), se, sa);
        List<TwoMemorySystem.FixedPoint> fps = system.fixedPoints().stream()
                .filter(p -> p.beta() >= 0 && p.alpha() >= 0).toList();
        return new PhasePlane(system, ell, alpha, mem, lab, drv, unbox(se), unbox(sa), fps);
    }

    /** Forward RK2 stream line of (dℓ/dt, dα/dt) from (ℓ, α) while N > 0 and inside the plane. */
    static void streamLine(TwoMemorySystem s, double l, double a, List<Double> outEll, List<Double> outAlpha) {
        double[] k1 = new double[3], k2 = new double[3];
        int start = outEll.size();
        for (int step = 0; step < STREAM_STEPS; step++) {
            s.flow(a, l, TwoMemorySystem.Branch.UPPER, k1);
            if (!(k1[2] > 0)) break;
            outEll.add(l);
            outAlpha.add(a);
            double speed = Math.hypot(k1[0], k1[1]);
            if (speed < 1e-6) break;
            double am = a + 0.5 * STREAM_DT * k1[0], lm = Math.max(-1, Math.min(1, l + 0.5 * STREAM_DT * k1[1]));
            s.flow(am, lm, TwoMemorySystem.Branch.UPPER, k2);
            a += STREAM_DT * k2[0];
            l = Math.max(-1, Math.min(1, l + STREAM_DT * k2[1]));
            if (a <= 0 || a >= 1) break;
        }
        if (outEll.size() - start < 2) { // a single point is no line
            while (outEll.size() > start) { outEll.removeLast(); outAlpha.removeLast(); }
            return;
        }
        outEll.add(Double.NaN);
        outAlpha.add(Double.NaN);
    }

    private static double[] unbox(List<Double> l) {
        double[] r = new double[l.size()];
        for (int i = 0; i < r.length; i++) r[i] = l.get(i);
        return r;
    }

    /** Points where a field crosses zero between neighbouring grid nodes (linear interpolation): {ℓ[], α[]}. */
    public double[][] zeroCrossings(double[][] field) {
        List<Double> le = new ArrayList<>(), al = new ArrayList<>();
        for (int i = 0; i < alpha.length; i++)
            for (int j = 0; j < ell.length; j++) {
                double v = field[i][j];
                if (j + 1 < ell.length && v * field[i][j + 1] < 0) {
                    double t = v / (v - field[i][j + 1]);
                    le.add(ell[j] + t * (ell[j + 1] - ell[j]));
                    al.add(alpha[i]);
                }
                if (i + 1 < alpha.length && v * field[i + 1][j] < 0) {
                    double t = v / (v - field[i + 1][j]);
                    le.add(ell[j]);
                    al.add(alpha[i] + t * (alpha[i + 1] - alpha[i]));
                }
            }
        return new double[][] {unbox(le), unbox(al)};
    }

    @Override
    public String toString() {
        return "PhasePlane[" + system + ", " + alpha.length + "² grid, fixed points " + fixedPoints + "]";
    }

    @Override
    public double[] ell() { return Arrays.copyOf(ell, ell.length); }

    @Override
    public double[] alpha() { return Arrays.copyOf(alpha, alpha.length); }
}
