package org.hopscape.dynamics;

import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The Boltzmann–Gibbs density of dx = −∇V dt + ε dW on a 2-D grid: p_ε(x) = exp(−2V(x)/ε²)/Z, Z by the
 * trapezoid rule over the box (spec 004 §1.6). The paper prints exp(−V/ε²) (Eq. 1.2.6), which is the invariant
 * density of dx = −∇V dt + √2 ε dW; {@code paperConvention} switches to it (spec §7 item 2). As ε → 0 the mass
 * concentrates on the global minima (004 Prop. 9).
 *
 * @param x1      grid along x₁
 * @param x2      grid along x₂
 * @param density density[j][i] at (x1[i], x2[j]), normalised so the trapezoid integral over the box is 1
 * @param epsilon noise level
 */
public record Gibbs(double[] x1, double[] x2, double[][] density, double epsilon) {

    /** p_ε = exp(−2V/ε²)/Z (or exp(−V/ε²)/Z with {@code paperConvention}) on [lo₁, hi₁]×[lo₂, hi₂]. */
    public static Gibbs of(GradientSystem system, double epsilon, double lo1, double hi1, double lo2, double hi2,
                           int resolution, boolean paperConvention) {
        Check.notNull("system", system);
        Check.positive("epsilon", epsilon);
        Check.interval("lo1", lo1, "hi1", hi1);
        Check.interval("lo2", lo2, "hi2", hi2);
        Check.inRange("resolution", resolution, 3, 5001);
        Check.sameSize("system.dimension()", system.dimension(), "2", 2);
        double[] xs = new double[resolution], ys = new double[resolution];
        for (int i = 0; i < resolution; i++) {
            xs[i] = lo1 + (hi1 - lo1) * i / (resolution - 1);
            ys[i] = lo2 + (hi2 - lo2) * i / (resolution - 1);
        }
        double factor = (paperConvention ? 1.0 : 2.0) / (epsilon * epsilon);
        double[][] e = new double[resolution][resolution];
        double min = Double.POSITIVE_INFINITY;
        double[] x = new double[2];
        for (int j = 0; j < resolution; j++)
            for (int i = 0; i < resolution; i++) {
                x[0] = xs[i];
                x[1] = ys[j];
                e[j][i] = system.energy(x);
                if (!Double.isFinite(e[j][i]))
                    throw new IllegalArgumentException("the system's energy is not finite at (" + xs[i] + ", " + ys[j]
                            + ") inside the box [lo1, hi1] × [lo2, hi2]: " + e[j][i]);
                min = Math.min(min, e[j][i]);
            }
        double[][] p = new double[resolution][resolution];
        double z = 0, w1 = (hi1 - lo1) / (resolution - 1), w2 = (hi2 - lo2) / (resolution - 1);
        for (int j = 0; j < resolution; j++)
            for (int i = 0; i < resolution; i++) {
                // shift by the minimum: exp(−2(V − V_min)/ε²) does not underflow at small ε
                p[j][i] = Math.exp(-factor * (e[j][i] - min));
                z += p[j][i] * trap(i, resolution) * trap(j, resolution) * w1 * w2;
            }
        for (double[] row : p) for (int i = 0; i < row.length; i++) row[i] /= z;
        return new Gibbs(xs, ys, p, epsilon);
    }

    private static double trap(int i, int n) {
        return i == 0 || i == n - 1 ? 0.5 : 1;
    }

    /** Probability of the disc |x − c| < r (trapezoid weights of the grid points inside). */
    public double massNear(double[] c, double r) {
        Check.vector("c", c, "2 (the plane)", 2);
        Check.nonNegative("r", r);
        return mass(x -> (x[0] - c[0]) * (x[0] - c[0]) + (x[1] - c[1]) * (x[1] - c[1]) < r * r);
    }

    /**
     * Probability P_ε(R) of the region R = {x : region.test(x)} inside the box: the trapezoid weights of the grid
     * points in R. The array passed to {@code region} is reused between calls (read it, do not keep it).
     */
    public double mass(Predicate<double[]> region) {
        Check.notNull("region", region);
        return integrate(x -> 1, region);
    }

    /**
     * Conditional expectation E_ε[f(x) | x ∈ R] = ∫_R f p_ε / P_ε(R) over the grid (trapezoid weights); R of zero
     * mass on the grid is refused. Arrays passed to {@code f} and {@code region} are reused (read them only).
     */
    public double expectation(ToDoubleFunction<double[]> f, Predicate<double[]> region) {
        Check.notNull("f", f);
        double m = mass(region);
        if (!(m > 0))
            throw new IllegalArgumentException("region has no probability on the grid (mass " + m + "): the conditional"
                    + " expectation is undefined; enlarge the region or refine the grid");
        return integrate(f, region) / m;
    }

    /** E_ε[f(x)] over the whole box. */
    public double expectation(ToDoubleFunction<double[]> f) {
        return expectation(f, x -> true);
    }

    /** ∫_R f p_ε dx by the trapezoid weights of the grid points in R. */
    private double integrate(ToDoubleFunction<double[]> f, Predicate<double[]> region) {
        int n1 = x1.length, n2 = x2.length;
        double w1 = (x1[n1 - 1] - x1[0]) / (n1 - 1), w2 = (x2[n2 - 1] - x2[0]) / (n2 - 1), m = 0;
        double[] x = new double[2];
        for (int j = 0; j < n2; j++)
            for (int i = 0; i < n1; i++) {
                x[0] = x1[i];
                x[1] = x2[j];
                if (region.test(x)) m += f.applyAsDouble(x) * density[j][i] * trap(i, n1) * trap(j, n2) * w1 * w2;
            }
        return m;
    }

    /**
     * The zero-noise limit in numbers (004 Prop. 9): for each ε the Gibbs mass within {@code radius} of the sinks of
     * {@code points}, of the global minima among them (V within 1e-9·max(1, |V|) of the lowest sink) and the
     * expected energy E_ε[V]. As ε → 0 the mass near the global minima tends to 1 and E_ε[V] to their energy.
     */
    public static Table concentration(GradientSystem system, CriticalSet points, double[] epsilons, double lo1,
                                      double hi1, double lo2, double hi2, int resolution, double radius) {
        Check.notNull("points", points);
        Check.nonEmpty("epsilons", epsilons);
        Check.positive("radius", radius);
        List<CriticalPoint> sinks = points.ofIndex(0);
        if (sinks.isEmpty()) throw new IllegalArgumentException("points has no sink: nothing to concentrate on");
        double vMin = sinks.stream().mapToDouble(CriticalPoint::energy).min().orElseThrow();
        double tol = 1e-9 * Math.max(1, Math.abs(vMin));
        List<CriticalPoint> global = sinks.stream().filter(s -> s.energy() <= vMin + tol).toList();
        Table t = Table.create("Gibbs concentration", DoubleColumn.create("epsilon"), DoubleColumn.create("mass near sinks"),
                DoubleColumn.create("mass near global minima"), DoubleColumn.create("E[V]"));
        for (double e : epsilons) {
            Gibbs g = of(system, e, lo1, hi1, lo2, hi2, resolution, false);
            double all = 0, low = 0;
            for (CriticalPoint s : sinks) all += g.massNear(s.position(), radius);
            for (CriticalPoint s : global) low += g.massNear(s.position(), radius);
            t.doubleColumn(0).append(e);
            t.doubleColumn(1).append(all);
            t.doubleColumn(2).append(low);
            t.doubleColumn(3).append(g.expectation(system::energy));
        }
        return t;
    }

    /** Total probability of the discs of radius r around the sinks of {@code points}. */
    public double massNearSinks(CriticalSet points, double r) {
        Check.notNull("points", points);
        Check.nonNegative("r", r);
        double m = 0;
        for (CriticalPoint p : points.points()) if (p.isSink()) m += massNear(p.position(), r);
        return m;
    }

    /**
     * L1 distance Σ_bins |P̂(bin) − P(bin)| between the histogram of {@code samples} on a bins×bins grid over the
     * box and the bin probabilities of this density (bins integrated with the trapezoid grid).
     */
    public double l1ToHistogram(double[][] samples, int bins) {
        Check.rows("samples", samples, "2 (the plane)", 2);
        Check.positive("bins", bins);
        Check.matrixFits("bins × bins histogram", bins, bins);
        Check.matrixFits("bins × bins model", bins, 2L * bins);
        double lo1 = x1[0], hi1 = x1[x1.length - 1], lo2 = x2[0], hi2 = x2[x2.length - 1];
        double[][] hist = new double[bins][bins], model = new double[bins][bins];
        for (double[] s : samples) {
            int i = (int) Math.floor((s[0] - lo1) / (hi1 - lo1) * bins), j = (int) Math.floor((s[1] - lo2) / (hi2 - lo2) * bins);
            if (i >= 0 && i < bins && j >= 0 && j < bins) hist[j][i] += 1.0 / samples.length;
        }
        int n1 = x1.length, n2 = x2.length;
        double w1 = (hi1 - lo1) / (n1 - 1), w2 = (hi2 - lo2) / (n2 - 1);
        for (int j = 0; j < n2; j++)
            for (int i = 0; i < n1; i++) {
                int bi = Math.min(bins - 1, (int) Math.floor((x1[i] - lo1) / (hi1 - lo1) * bins));
                int bj = Math.min(bins - 1, (int) Math.floor((x2[j] - lo2) / (hi2 - lo2) * bins));
                model[bj][bi] += density[j][i] * trap(i, n1) * trap(j, n2) * w1 * w2;
            }
        double l1 = 0;
        for (int j = 0; j < bins; j++) for (int i = 0; i < bins; i++) l1 += Math.abs(hist[j][i] - model[j][i]);
        return l1;
    }
}
