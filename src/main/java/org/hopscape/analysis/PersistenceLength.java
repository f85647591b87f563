package org.hopscape.analysis;

import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Persistence lengths ℓ_L = 1/μ_L² of all progenitor subsets L (μ_L = largest pairwise angle in L; 002 Fig 3F
 * caption), the heuristic progenitor sequence of Fig 3E, and the radial layout of Fig 3F. Subsets are bit masks
 * over the K ≤ 30 patterns.
 */
public final class PersistenceLength {
    /** Floating-point tolerance when comparing ℓ values (spec 002 Fig 3E: ties). */
    public static final double TIE = 1e-9;

    private final int k;
    private final double[][] angles;
    private final List<String> names;

    /** @param memories K×N patterns; @param names one label per pattern */
    public PersistenceLength(double[][] memories, List<String> names) {
        Check.finite("memories", memories);
        Check.sameSize("names", names.size(), "K", memories.length);
        Check.inRange("K", memories.length, 1, 30);
        this.k = memories.length;
        this.names = List.copyOf(names);
        angles = new double[k][k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) angles[i][j] = i == j ? 0 : CoarseGraining.angle(memories[i], memories[j]);
    }

    /** The pattern labels, in pattern order (the order of every composition). */
    public List<String> names() {
        return names;
    }

    /** μ_L for a bit mask. */
    public double maxAngle(int mask) {
        double mu = 0;
        for (int i = 0; i < k; i++) if ((mask >> i & 1) != 0)
            for (int j = i + 1; j < k; j++) if ((mask >> j & 1) != 0) mu = Math.max(mu, angles[i][j]);
        return mu;
    }

    /** ℓ_L = 1/μ_L² (+∞ for a single pattern). */
    public double length(int mask) {
        double mu = maxAngle(mask);
        return 1 / (mu * mu);
    }

    /** Bit mask of the named patterns. */
    public int mask(String... members) {
        int m = 0;
        for (String s : members) {
            int i = names.indexOf(s);
            if (i < 0) throw new IllegalArgumentException("unknown pattern name '" + s + "' (known: " + names + ")");
            m |= 1 << i;
        }
        return m;
    }

    public String label(int mask) {
        List<String> in = new ArrayList<>();
        for (int i = 0; i < k; i++) if ((mask >> i & 1) != 0) in.add(names.get(i));
        return String.join("+", in);
    }

    /** All subsets with |L| ≥ 2: 2^K − 1 − K masks in increasing order. */
    public int[] progenitorSubsets() {
        int[] out = new int[(1 << k) - 1 - k];
        int c = 0;
        for (int m = 1; m < (1 << k); m++) if (Integer.bitCount(m) >= 2) out[c++] = m;
        return out;
    }

    /** Fraction of subsets of the same size whose ℓ is smaller than ℓ_L (spec 002 Fig 3F check). */
    public double percentile(int mask) {
        int size = Integer.bitCount(mask), below = 0, all = 0;
        double l = length(mask);
        for (int m = 1; m < (1 << k); m++) {
            if (Integer.bitCount(m) != size) continue;
            all++;
            if (length(m) < l - TIE) below++;
        }
        return (double) below / all;
    }

    /** softmax(w restricted to L): the composition of Ξ*_L (002 Eq. 4), zeros outside L. */
    public double[] composition(int mask, double[] w) {
        Check.sameSize("w.length", w.length, "K", k);
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int i = 0; i < k; i++) if ((mask >> i & 1) != 0) max = Math.max(max, w[i]);
        double[] p = new double[k];
        for (int i = 0; i < k; i++) if ((mask >> i & 1) != 0) { p[i] = Math.exp(w[i] - max); sum += p[i]; }
        for (int i = 0; i < k; i++) p[i] /= sum;
        return p;
    }

    /**
     * One step of the Fig 3E sequence: for levels ℓ in (from, upTo] the selected progenitor is {@code mask}.
     */
    public record Step(int mask, String label, double from, double upTo, double length, double[] composition) {}

    /**
     * Fig 3E heuristic progenitor sequence towards pattern {@code target} (002 Fig 3 caption): for every level ℓ
     * (distinct ℓ_L of subsets containing target, ascending), the largest subset L ∋ target with ℓ_L ≥ ℓ
     * (ties → larger ℓ_L, then smaller mask); consecutive equal choices merge into one step. The last step is
     * {target} alone (ℓ = ∞).
     */
    public List<Step> progenitorSequence(int target, double[] w) {
        Check.inRange("target", target, 0, k - 1);
        List<Integer> masks = new ArrayList<>();
        for (int m = 1; m < (1 << k); m++) if ((m >> target & 1) != 0) masks.add(m);
        double[] lengths = masks.stream().mapToDouble(this::length).toArray();
        double[] levels = Arrays.stream(lengths).filter(Double::isFinite).sorted().toArray();
        List<Double> distinct = new ArrayList<>();
        for (double l : levels) if (distinct.isEmpty() || l > distinct.getLast() + TIE) distinct.add(l);
        distinct.add(Double.POSITIVE_INFINITY);
        List<Step> steps = new ArrayList<>();
        double from = 0;
        int current = -1;
        double prevLevel = 0;
        for (double level : distinct) {
            int best = -1;
            double bestL = -1;
            for (int a = 0; a < masks.size(); a++) {
                double l = lengths[a];
                if (!(l >= level - TIE)) continue;
                int m = masks.get(a);
                if (best < 0 || Integer.bitCount(m) > Integer.bitCount(best)
                        || (Integer.bitCount(m) == Integer.bitCount(best) && l > bestL + TIE)) { best = m; bestL = l; }
            }
            if (best != current) {
                if (current >= 0) steps.add(step(current, from, prevLevel, w));
                current = best;
                from = prevLevel;
            }
            prevLevel = level;
        }
        steps.add(step(current, from, Double.POSITIVE_INFINITY, w));
        return steps;
    }

    private Step step(int mask, double from, double upTo, double[] w) {
        return new Step(mask, label(mask), from, upTo, length(mask), composition(mask, w));
    }

    /** Per pattern: the largest level ℓ at which it is still in the Fig 3E sequence (∞ for the target). */
    public double[] leaveLevels(List<Step> sequence) {
        double[] out = new double[k];
        for (Step s : sequence)
            for (int i = 0; i < k; i++) if ((s.mask() >> i & 1) != 0) out[i] = Math.max(out[i], s.upTo());
        return out;
    }

    /** Sequence as a table: step, members, ℓ range, ℓ_L and composition per pattern. */
    public Table sequenceTable(List<Step> sequence, String title) {
        Table t = Table.create(title);
        StringColumn members = StringColumn.create("progenitor");
        DoubleColumn from = DoubleColumn.create("from l"), upTo = DoubleColumn.create("up to l"), len = DoubleColumn.create("l_L");
        List<DoubleColumn> comp = new ArrayList<>();
        for (String n : names) comp.add(DoubleColumn.create(n));
        for (Step s : sequence) {
            members.append(s.label());
            from.append(s.from());
            upTo.append(s.upTo());
            len.append(s.length());
            for (int i = 0; i < k; i++) comp.get(i).append(Math.round(s.composition()[i] * 1000) / 1000.0);
        }
        t.addColumns(members, from, upTo, len);
        comp.forEach(t::addColumns);
        return t;
    }

    /**
     * Fig 3F layout: patterns at equally spaced angles in {@code order}; subset angle = arg Σ_{i∈L} p_i e^{iθ_i},
     * p = softmax(w_L); radius = ℓ_L. Returns [x, y] per mask.
     */
    public double[] position(int mask, double[] w, List<String> order) {
        double[] p = composition(mask, w);
        double cx = 0, cy = 0;
        for (int i = 0; i < k; i++) {
            if (p[i] == 0) continue;
            double th = 2 * Math.PI * order.indexOf(names.get(i)) / k;
            cx += p[i] * Math.cos(th);
            cy += p[i] * Math.sin(th);
        }
        double ang = Math.atan2(cy, cx), l = length(mask);
        return new double[] {l * Math.cos(ang), l * Math.sin(ang)};
    }

    /** A table of all progenitor subsets: members, size, μ_L (degrees), ℓ_L, percentile among same-size subsets. */
    public Table subsetsTable(String title) {
        int[] masks = progenitorSubsets();
        IntColumn size = IntColumn.create("size");
        StringColumn mem = StringColumn.create("members");
        DoubleColumn mu = DoubleColumn.create("mu_L deg"), len = DoubleColumn.create("l_L");
        for (int m : masks) {
            size.append(Integer.bitCount(m));
            mem.append(label(m));
            mu.append(Math.toDegrees(maxAngle(m)));
            len.append(length(m));
        }
        return Table.create(title, mem, size, mu, len);
    }

    /** Named sets with ℓ_L and percentile among same-size subsets (Fig 3F check). */
    public Table setsTable(List<List<String>> sets, String title) {
        StringColumn mem = StringColumn.create("progenitor");
        DoubleColumn len = DoubleColumn.create("l_L"), pct = DoubleColumn.create("percentile among same size");
        for (List<String> s : sets) {
            int m = mask(s.toArray(new String[0]));
            mem.append(label(m));
            len.append(length(m));
            pct.append(percentile(m));
        }
        return Table.create(title, mem, len, pct);
    }

    /** Spearman rank correlation with average ranks for ties (+∞ ranks last). */
    public static double spearman(double[] a, double[] b) {
        Check.sameSize("a.length", a.length, "b.length", b.length);
        double[] ra = ranks(a), rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0), mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && Math.abs(v[idx[j + 1]] - v[idx[i]]) <= TIE
                    || j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) j++;
            for (int m = i; m <= j; m++) r[idx[m]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return r;
    }
}
