package org.hopscape.analysis;

import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AGS phase diagram of the Hebbian Hopfield network (001 Fig 2C top): the curves α_M(T) (T_M line, retrieval
 * states exist below/left of it), α_c(T) (T_c line, retrieval states are the global minima) and T_g(α) = 1 + √α,
 * from the replica-symmetric theory in {@link AgsMeanField}, plus T_M, T_c, T_g at selected α.
 *
 * @param boundaries one entry per temperature (ascending)
 * @param atAlpha    T_M(α), T_c(α) (upper crossing) and T_g(α) at selected α
 */
public record PhaseDiagram(List<AgsMeanField.Boundaries> boundaries, List<AgsMeanField.Temperatures> atAlpha) {

    /** The α of spec 001's reference table. */
    public static final double[] SPEC_ALPHAS = {0.0005, 0.001, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08,
            0.10, 0.12, 0.13, 0.135, 0.1375};

    /** T = 0, step, 2·step, … below 1 (plus points near T = 1 where the curves end at α = 0). */
    public static double[] temperatureGrid(double step) {
        Check.inRange("step", step, 1e-4, 0.5);
        List<Double> t = new ArrayList<>();
        for (int k = 0; k * step < 0.999; k++) t.add(k * step);
        for (double extra : new double[]{0.97, 0.985, 0.995}) if (extra > t.get(t.size() - 1) + 1e-9) t.add(extra);
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@link #compute(AgsMeanField, double[], double[], int, Progress)} on all available processors. */
    public static PhaseDiagram compute(AgsMeanField theory, double[] temperatures, double[] alphas, Progress progress) {
        return compute(theory, temperatures, alphas, Runs.defaultThreads(), progress);
    }

    /** Computes the curves on {@code temperatures} and the T-values at {@code alphas}, work items in parallel. */
    public static PhaseDiagram compute(AgsMeanField theory, double[] temperatures, double[] alphas, int threads,
                                       Progress progress) {
        Check.finite("temperatures", temperatures);
        Check.finite("alphas", alphas);
        double[] ts = temperatures.clone();
        Arrays.sort(ts);
        AgsMeanField.Boundaries[] b = new AgsMeanField.Boundaries[ts.length];
        AgsMeanField.Temperatures[] a = new AgsMeanField.Temperatures[alphas.length];
        AtomicLong done = new AtomicLong();
        int total = ts.length + alphas.length;
        Runs.forEach(total, threads, k -> {
            if (k < ts.length) b[k] = theory.boundaries(ts[k]);
            else a[k - ts.length] = theory.temperatures(alphas[k - ts.length]);
            progress.report("AGS phase diagram", done.incrementAndGet(), total);
        });
        return new PhaseDiagram(List.of(b), List.of(a));
    }

    /** Curves as columns: T, α_M(T), α_c(T). */
    public Table curves() {
        DoubleColumn t = DoubleColumn.create("T"), am = DoubleColumn.create("alpha_M"), ac = DoubleColumn.create("alpha_c");
        for (AgsMeanField.Boundaries x : boundaries) { t.append(x.temperature()); am.append(x.alphaM()); ac.append(x.alphaC()); }
        return Table.create("AGS phase boundaries α(T)", t, am, ac);
    }

    /** T_M, T_c, T_g at the selected α. */
    public Table toTable() {
        DoubleColumn al = DoubleColumn.create("alpha"), tm = DoubleColumn.create("T_M"), tc = DoubleColumn.create("T_c"),
                tg = DoubleColumn.create("T_g");
        for (AgsMeanField.Temperatures x : atAlpha) { al.append(x.alpha()); tm.append(x.tM()); tc.append(x.tC()); tg.append(x.tG()); }
        return Table.create("AGS transition temperatures", al, tm, tc, tg);
    }

    /** α_M at T = 0 (the storage capacity, ≈ 0.138) if T = 0 is on the grid, else NaN. */
    public double capacityAtZeroTemperature() {
        return boundaries.stream().filter(x -> x.temperature() == 0).mapToDouble(AgsMeanField.Boundaries::alphaM)
                .findFirst().orElse(Double.NaN);
    }

    /** The maximum of α_c(T) over the grid. */
    public double maxAlphaC() {
        return boundaries.stream().mapToDouble(AgsMeanField.Boundaries::alphaC).max().orElse(Double.NaN);
    }

    /** The T-values at one of the selected α (exact match), or null. */
    public AgsMeanField.Temperatures at(double alpha) {
        return atAlpha.stream().filter(x -> x.alpha() == alpha).findFirst().orElse(null);
    }

    /** Largest |T − reference| over the spec's reference table for the α that were computed (T_M and T_c). */
    public double maxDeviationFromSpecTable() {
        double max = 0;
        for (int k = 0; k < SPEC_ALPHAS.length; k++) {
            AgsMeanField.Temperatures x = at(SPEC_ALPHAS[k]);
            if (x == null) continue;
            max = Math.max(max, Math.max(Math.abs(x.tM() - SPEC_TM[k]), Math.abs(x.tC() - SPEC_TC[k])));
        }
        return max;
    }

    /** Spec 001 reference T_M and T_c at {@link #SPEC_ALPHAS}. */
    public static final double[] SPEC_TM = {0.9561, 0.9378, 0.8600, 0.8010, 0.7165, 0.6504, 0.5936, 0.5423, 0.4945,
            0.4046, 0.3154, 0.2151, 0.1489, 0.1006, 0.0587};
    public static final double[] SPEC_TC = {0.9411, 0.9162, 0.8074, 0.7216, 0.5913, 0.4788, 0.3652, 0.2164, 0, 0, 0,
            0, 0, 0, 0};
}
