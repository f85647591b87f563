package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.BasinMap;
import org.hopscape.dynamics.ConnectionGraph;
import org.hopscape.dynamics.CriticalPoint;
import org.hopscape.dynamics.CriticalSet;
import org.hopscape.dynamics.Families;
import org.hopscape.dynamics.MorseSmaleCheck;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences for notebook 06 generated from measured values: what a figure shows is stated from the numbers that were
 * computed, never typed by hand (issue 13). Each method returns one short paragraph of plain text.
 */
public final class Findings {
    private Findings() {}

    /** 4 significant digits, true minus sign. */
    public static String n4(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Paper004.num(v);
        if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6) { // 3.192×10⁻¹⁶
            String[] m = String.format(Locale.ROOT, "%.3e", v).split("e");
            String mant = new java.math.BigDecimal(m[0]).stripTrailingZeros().toPlainString().replace("-", "−");
            StringBuilder exp = new StringBuilder();
            for (char c : Integer.toString(Integer.parseInt(m[1])).toCharArray())
                exp.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
            return mant + "×10" + exp;
        }
        String t = new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
        return t.startsWith("-") ? "−" + t.substring(1) : t;
    }

    /**
     * The events of a tracked family and the counts between them: "Along η from −1 to 1 the counts (sinks, saddles,
     * sources) go 1,0,0 → 2,1,0 → 1,0,0; events: fold at η* = −0.8614, fold at η* = 0.8614."
     *
     * @param symbol the name printed for the parameter (e.g. "η", "t")
     * @param sign   +1, or −1 to print −η (e.g. t = −τ for the generation family)
     */
    public static String events(Families.Track track, String symbol, double sign) {
        double[] e = track.etas();
        StringBuilder sb = new StringBuilder("Along ").append(symbol).append(" from ").append(n4(sign * e[0])).append(" to ")
                .append(n4(sign * e[e.length - 1])).append(" the counts (sinks, saddles, sources) go ")
                .append(String.join(" → ", track.signatureSequence()));
        if (track.events().isEmpty()) return sb.append("; no bifurcation on this grid.").toString();
        sb.append("; ").append(track.events().size()).append(track.events().size() == 1 ? " event: " : " events: ");
        List<String> parts = new ArrayList<>();
        for (Families.Event ev : track.events()) parts.add(ev.kind() + " at " + symbol + "* = " + n4(sign * ev.eta()));
        sb.append(String.join(", ", parts)).append('.');
        sb.append(track.eulerEverywhere() ? " The Poincaré–Hopf count is 1 at every grid point."
                : " The Poincaré–Hopf count differs from 1 somewhere: a critical point was missed or left the box.");
        return sb.toString();
    }

    /** Fig. 1: the Gibbs mass near the sinks per ε and whether it rises to 1. */
    public static String gibbsMasses(Table masses, double radius) {
        List<String> parts = new ArrayList<>();
        double first = masses.doubleColumn("total").get(0), last = masses.doubleColumn("total").get(masses.rowCount() - 1);
        boolean rising = true;
        for (int i = 0; i < masses.rowCount(); i++) {
            parts.add(n4(masses.doubleColumn("total").get(i)) + " at ε = " + n4(masses.doubleColumn("epsilon").get(i)));
            if (i > 0) rising &= masses.doubleColumn("total").get(i) >= masses.doubleColumn("total").get(i - 1);
        }
        return "Gibbs mass within " + n4(radius) + " of the two sinks: " + String.join(", ", parts) + ". "
                + (rising && last > 0.999 ? "It rises monotonically to 1: the measure concentrates on the memories (Prop 9)."
                : "It does not rise monotonically to 1 (from " + n4(first) + " to " + n4(last) + ").");
    }

    /** Fig. 1: which stationary density the simulated SDE matches. */
    public static String stationary(double l1Ours, double l1Paper) {
        return "L1 distance of the SDE histogram to exp(−2V/ε²)/Z: " + n4(l1Ours) + "; to the printed exp(−V/ε²)/Z: "
                + n4(l1Paper) + ". " + (l1Ours < l1Paper
                ? "The simulated SDE follows exp(−2V/ε²); the printed density is the law of dx = −∇V dt + √2 ε dW."
                : "The printed density fits at least as well here.");
    }

    /** Fig. 2: basin fractions, the graph and the Morse–Smale verdict for the dual cusp. */
    public static String basins(BasinMap m, ConnectionGraph g, MorseSmaleCheck c) {
        CriticalSet pts = m.points();
        List<String> parts = new ArrayList<>();
        String largest = null;
        double best = -1;
        for (int i = 0; i < pts.size(); i++)
            if (pts.get(i).isSink()) {
                double f = m.fraction(i);
                parts.add(pts.label(i) + " " + n4(f));
                if (f > best) { best = f; largest = pts.label(i); }
            }
        return parts.size() + " basins on the disc r = " + n4(m.discRadius()) + " (area fractions " + String.join(", ", parts)
                + "; largest " + largest + "); graph " + String.join(", ", g.edgeStrings()) + "; "
                + (c.morseSmale() ? "a Morse–Smale system (Morse, no saddle connection, inward boundary)."
                : "not Morse–Smale (Morse " + c.morse() + ", no saddle connection " + c.noSaddleConnection()
                + ", inward boundary " + c.inwardBoundary() + ").");
    }

    /** Fig. 4: where the branch crosses v₂ = −0.5 with and without the metric. */
    public static String bending(double[] crossing, double eta) {
        return "At η = " + n4(eta) + " the lower branch of the upper saddle crosses v₂ = −0.5 at v₁ = " + n4(crossing[0])
                + " with the metric g_η and at v₁ = " + n4(crossing[1]) + " with G = I: the metric "
                + (Math.abs(crossing[0] - crossing[1]) > 1e-3 ? "bends the branch" : "leaves the branch where it is") + ".";
    }

    /** §5.3–5.4: Prop 26, Remark 27 and the modern-Hopfield criterion in one paragraph. */
    public static String structuralStability(CriticalPoint prop26, org.hopscape.dynamics.StructuralStability.Flooring floor,
                                             org.hopscape.dynamics.StructuralStability.ModernCriterion modern) {
        List<String> eig = new ArrayList<>();
        for (double v : modern.updateEigenvalues()) eig.add(n4(v));
        return "Prop 26 (R⁻¹ = 0, singular W): the origin is " + (prop26.hyperbolic() ? "hyperbolic" : "non-hyperbolic") + ". Remark 27: flooring moves W by " + n4(floor.distance())
                + " (predicted " + n4(floor.predicted()) + "). Modern Hopfield with two patterns in ℝ²: the update Jacobian D at a sink has eigenvalues "
                + String.join(", ", eig) + " (rank " + modern.updateRank() + ").";
    }

    /** Sinks of a critical set as "(x₁, x₂)" pairs, 3 significant digits. */
    public static String sinks(CriticalSet pts) {
        List<String> parts = new ArrayList<>();
        for (CriticalPoint p : pts.points())
            if (p.isSink()) parts.add("(" + n3(p.x(0)) + ", " + n3(p.x(1)) + ")");
        return String.join(", ", parts);
    }

    private static String n3(double v) {
        String t = new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
        return t.startsWith("-") ? "−" + t.substring(1) : t;
    }

    /**
     * Fig. 11: whether the number of critical points never decreases along generation (left to right in each row) and
     * along training (down each column), from the table of signatures.
     */
    public static String growth(Table signatures) {
        int rows = signatures.rowCount(), cols = signatures.columnCount() - 1;
        int[][] total = new int[rows][cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                int s = 0;
                for (String part : signatures.stringColumn(c + 1).get(r).split(",")) s += Integer.parseInt(part.trim());
                total[r][c] = s;
            }
        List<String> along = new ArrayList<>(), down = new ArrayList<>();
        for (int r = 0; r < rows; r++)
            for (int c = 1; c < cols; c++)
                if (total[r][c] < total[r][c - 1]) along.add("row " + n4(signatures.doubleColumn(0).get(r)) + " at "
                        + signatures.column(c + 1).name());
        for (int c = 0; c < cols; c++)
            for (int r = 1; r < rows; r++)
                if (total[r][c] < total[r - 1][c]) down.add(signatures.column(c + 1).name() + " from η = "
                        + n4(signatures.doubleColumn(0).get(r - 1)) + " to " + n4(signatures.doubleColumn(0).get(r)));
        String a = along.isEmpty() ? "never decreases along generation (left to right)"
                : "decreases along generation at " + String.join("; ", along);
        String b = down.isEmpty() ? "never decreases along training (down)"
                : "decreases along training for " + String.join("; ", down);
        return "The number of critical points " + a + " and " + b + ".";
    }
}
