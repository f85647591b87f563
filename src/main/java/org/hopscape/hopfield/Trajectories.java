package org.hopscape.hopfield;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Recorded trajectories of many runs of one network. Row r = run·records + k holds record k of a run.
 *
 * @param runs            number of runs
 * @param times           record times (sweeps for spin dynamics, t for continuous dynamics), one per record
 * @param states          recorded states x (rows), or null when states were not kept
 * @param magnetizations  raw overlaps m_μ = ξ_μ·x/N (001 Eq. 4), one row of length P per record
 * @param orderParameters decorrelated order parameters m^ (001 Eq. 9), one row of length P per record
 * @param energy          the model's own Lyapunov function per record: E/N = −xᵀJx/(2N) (classic) or
 *                        Ẽ(m^) = −β⁻¹ log Σ exp(βm^) + ½|m^|² (modern, spec 001 §1(e))
 * @param quadraticEnergy E^quad/N = −½ Σ_μ m_μ m^μ (001 Eq. 18) per record
 */
public record Trajectories(int runs, double[] times, double[][] states, double[][] magnetizations,
                           double[][] orderParameters,
                           double[] energy, double[] quadraticEnergy) {

    public Trajectories {
        int rows = runs * times.length;
        if (orderParameters.length != rows || magnetizations.length != rows || energy.length != rows || quadraticEnergy.length != rows
                || (states != null && states.length != rows))
            throw new IllegalArgumentException("trajectory arrays must have runs × records = " + rows + " rows");
    }

    public int records() { return times.length; }

    public int patternCount() { return orderParameters[0].length; }

    /** Row index of record k of a run. */
    public int row(int run, int k) { return run * times.length + k; }

    /** m^ at the last record of a run. */
    public double[] finalOrderParameters(int run) { return orderParameters[row(run, records() - 1)]; }

    /** Mean over runs of m^μ at each record: [record][μ]. */
    public double[][] meanOrderParameters() {
        int k = records(), p = patternCount();
        double[][] mean = new double[k][p];
        for (int r = 0; r < runs; r++)
            for (int t = 0; t < k; t++)
                for (int mu = 0; mu < p; mu++) mean[t][mu] += orderParameters[row(r, t)][mu] / runs;
        return mean;
    }

    /** Standard deviation over runs of m^μ at each record: [record][μ]. */
    public double[][] sdOrderParameters() {
        double[][] mean = meanOrderParameters();
        int k = records(), p = patternCount();
        double[][] sd = new double[k][p];
        if (runs < 2) return sd;
        for (int r = 0; r < runs; r++)
            for (int t = 0; t < k; t++)
                for (int mu = 0; mu < p; mu++) {
                    double d = orderParameters[row(r, t)][mu] - mean[t][mu];
                    sd[t][mu] += d * d / (runs - 1);
                }
        for (double[] s : sd) for (int mu = 0; mu < p; mu++) s[mu] = Math.sqrt(s[mu]);
        return sd;
    }

    /** m_μ at the last record of a run. */
    public double[] finalMagnetizations(int run) { return magnetizations[row(run, records() - 1)]; }

    /** Mean over runs of the final max_μ |m_μ| (how close each run ends to some ±pattern). */
    public double meanFinalMaxAbsMagnetization() {
        double s = 0;
        for (int r = 0; r < runs; r++) {
            double m = 0;
            for (double v : finalMagnetizations(r)) m = Math.max(m, Math.abs(v));
            s += m;
        }
        return s / runs;
    }

    /** Mean over runs of the final m_μ for one pattern μ (e.g. the pattern each run started from). */
    public double meanFinalMagnetization(int mu) {
        double s = 0;
        for (int r = 0; r < runs; r++) s += finalMagnetizations(r)[mu];
        return s / runs;
    }

    /** Mean over runs of the final max_μ m^μ (the retrieved pattern's order parameter). */
    public double meanFinalMaxOrderParameter() {
        double s = 0;
        for (int r = 0; r < runs; r++) s += max(finalOrderParameters(r));
        return s / runs;
    }

    /** Fraction of runs whose final max_μ m^μ exceeds {@code threshold}. */
    public double fractionRetrieved(double threshold) {
        int c = 0;
        for (int r = 0; r < runs; r++) if (max(finalOrderParameters(r)) > threshold) c++;
        return (double) c / runs;
    }

    /** Fraction of runs along which {@link #energy()} never rises by more than {@code tolerance} between records. */
    public double fractionEnergyMonotone(double tolerance) {
        return fractionMonotone(energy, tolerance);
    }

    /** Same for {@link #quadraticEnergy()}. */
    public double fractionQuadraticEnergyMonotone(double tolerance) {
        return fractionMonotone(quadraticEnergy, tolerance);
    }

    private double fractionMonotone(double[] e, double tolerance) {
        int c = 0;
        for (int r = 0; r < runs; r++) {
            boolean ok = true;
            for (int t = 1; t < records() && ok; t++) ok = e[row(r, t)] <= e[row(r, t - 1)] + tolerance;
            if (ok) c++;
        }
        return (double) c / runs;
    }

    /** Mean over runs of a per-record quantity at record k. */
    public double meanAt(double[] perRecord, int k) {
        double s = 0;
        for (int r = 0; r < runs; r++) s += perRecord[row(r, k)];
        return s / runs;
    }

    /** Mean order parameters vs time: time, then m^μ mean and sd for every μ. */
    public Table meanTable() {
        double[][] mean = meanOrderParameters(), sd = sdOrderParameters();
        Table t = Table.create("mean order parameters", DoubleColumn.create("time", times));
        for (int mu = 0; mu < patternCount(); mu++) {
            DoubleColumn m = DoubleColumn.create("m^" + mu), s = DoubleColumn.create("sd m^" + mu);
            for (int k = 0; k < records(); k++) { m.append(mean[k][mu]); s.append(sd[k][mu]); }
            t.addColumns(m, s);
        }
        return t;
    }

    /** One row per record: run, time, energies and m^ (states omitted). */
    public Table toTable() {
        IntColumn run = IntColumn.create("run");
        DoubleColumn time = DoubleColumn.create("time"), e = DoubleColumn.create("energy"),
                eq = DoubleColumn.create("E^quad/N");
        DoubleColumn[] m = new DoubleColumn[patternCount()];
        for (int mu = 0; mu < m.length; mu++) m[mu] = DoubleColumn.create("m^" + mu);
        for (int r = 0; r < runs; r++)
            for (int k = 0; k < records(); k++) {
                int i = row(r, k);
                run.append(r);
                time.append(times[k]);
                e.append(energy[i]);
                eq.append(quadraticEnergy[i]);
                for (int mu = 0; mu < m.length; mu++) m[mu].append(orderParameters[i][mu]);
            }
        Table t = Table.create("trajectories", run, time, e, eq);
        t.addColumns(m);
        return t;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) m = Math.max(m, d);
        return m;
    }
}
