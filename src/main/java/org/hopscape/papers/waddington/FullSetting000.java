package org.hopscape.papers.waddington;

import org.hopscape.analysis.FewMemoryTraining;
import org.hopscape.table.ReproductionCheck;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The full-setting claims of paper 000 (spec 000 §6 checks and prototype references) asserted on the shipped tables
 * ({@link ShippedResults}), the sentences notebooks 02 and 03 print about them (generated from the values), and the
 * {@code reproduce --full} comparison of a live recomputation with the shipped table.
 *
 * <p>A claim whose table is not shipped is still listed, marked "not measured — not asserted" with the file it needs (it does not fail the
 * notebook); it is asserted as soon as the file is in {@code data/results/000}.
 */
public final class FullSetting000 {
    private FullSetting000() {}

    /** First n of the Fig 2 grid at which mean max|α| exceeds this (the prototype threshold the prose reports). */
    public static final double FIG2_THRESHOLD = 0.3;

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static String n(double x) {
        return Double.isNaN(x) ? "none" : x == Math.rint(x) ? Long.toString((long) x) : f(x);
    }

    /** Adds the claims with {@code rows} when the table is shipped; else one unmeasured row per claim saying what is missing. */
    private static <T> void claims(ReproductionCheck check, ShippedResults.Lookup<T> l, String[] claims, Consumer<T> rows) {
        if (l.present()) {
            check.given("the shipped full-setting table (" + ShippedResults.FOLDER + ")", true);
            rows.accept(l.get());
        } else {
            check.given("the shipped full-setting table " + (l.missing() == null ? "" : l.missing().getFileName() + " ")
                    + "(" + l.reason() + ")", false);
            for (String c : claims) check.unmeasured(c, "full setting", "on the shipped table", "not shipped yet");
        }
        check.always();
    }

    // ------------------------------------------------------------------------------------------------ Fig 2

    /** The first n at temperature T where mean max|α| exceeds {@code threshold} (NaN if none). */
    public static double fig2Threshold(Waddington.Fig2 f, double t, double threshold) {
        return f.points().stream().filter(p -> p.temperature() == t && p.meanMaxAlpha() > threshold)
                .mapToDouble(Waddington.Fig2Point::n).min().orElse(Double.NaN);
    }

    /** Spec 000 §6 Fig 2 checks and prototype reference on the full 59 × 4 grid. */
    public static ReproductionCheck fig2Claims(ReproductionCheck check, ShippedResults.Lookup<Waddington.Fig2> l) {
        String[] names = {"Fig 2 full: T_r 0.96 max|α| at n = 50", "Fig 2 full: T_r 0.96 max|α| at n = 20",
                "Fig 2 full: T_r 0.83 max|α|(n = 40) − max|α|(n = 10)", "Fig 2 full: T_r 0.96 reconstruction at n = 30",
                "Fig 2 full: T_r 0.96 reconstruction at n = 50", "Fig 2 full: n = 3, largest max|α| over the four T",
                "Fig 2 full: T_r 0.83, n = 30 max|α|", "Fig 2 full: T_r 0.83, n = 30 reconstruction",
                "Fig 2 full: the threshold in n moves up with T"};
        claims(check, l, names, f -> {
            double t1 = fig2Threshold(f, 450, FIG2_THRESHOLD), t2 = fig2Threshold(f, 650, FIG2_THRESHOLD),
                    t3 = fig2Threshold(f, 750, FIG2_THRESHOLD);
            double n3 = Arrays.stream(ShippedResults.fig2Temperatures()).map(t -> f.at(3, t).meanMaxAlpha()).max().orElseThrow();
            check.atLeast(names[0], "spec §6 Fig 2 (> 0.5; ref 0.774)", 0.5, f.at(50, 750).meanMaxAlpha())
                    .atMost(names[1], "spec §6 Fig 2 (< 0.2; ref 0.066)", 0.2, f.at(20, 750).meanMaxAlpha())
                    .atLeast(names[2], "spec §6 Fig 2 (> 0.2)", 0.2, f.at(40, 650).meanMaxAlpha() - f.at(10, 650).meanMaxAlpha())
                    .atLeast(names[3], "spec §6 Fig 2 (> 40; ref 81)", 40, f.at(30, 750).meanReconstruction())
                    .atMost(names[4], "spec §6 Fig 2 (< 20; ref 4.5)", 20, f.at(50, 750).meanReconstruction())
                    .atMost(names[5], "spec §6 Fig 2 (< 0.15 for every T)", 0.15, n3)
                    .close(names[6], "spec §6 Fig 2 ref 0.492", 0.492, f.at(30, 650).meanMaxAlpha(), 0.12)
                    .close(names[7], "spec §6 Fig 2 ref 5.6", 5.6, f.at(30, 650).meanReconstruction(), 5)
                    .holds(names[8], "000 Fig 2A; spec §6 (thresholds ≈ 15 / 25 / 40)", "n(T_r 0.57) < n(0.83) < n(0.96)",
                            "first n with max|α| > " + FIG2_THRESHOLD + ": " + n(t1) + " / " + n(t2) + " / " + n(t3),
                            t1 < t2 && t2 < t3);
        });
        return check;
    }

    /** What the full Fig 2 grid shows, in words generated from the table. */
    public static String fig2Text(ShippedResults.Lookup<Waddington.Fig2> l) {
        if (!l.present()) return l.describe();
        Waddington.Fig2 f = l.get();
        List<String> parts = new ArrayList<>();
        for (double t : ShippedResults.fig2Temperatures())
            parts.add(String.format(Locale.ROOT, "T_r %.2f: n = %s (max|α| %s at n = 60, reconstruction %s → %s)", t / 784,
                    n(fig2Threshold(f, t, FIG2_THRESHOLD)), f(f.at(60, t).meanMaxAlpha()),
                    String.format(Locale.ROOT, "%.0f", f.at(2, t).meanReconstruction()),
                    String.format(Locale.ROOT, "%.1f", f.at(60, t).meanReconstruction())));
        return "Full grid (" + f.points().size() + " runs, " + ShippedResults.LABEL + "): first n with mean max|α| > "
                + FIG2_THRESHOLD + " — " + String.join("; ", parts) + ".";
    }

    // ------------------------------------------------------------------------------------------------ Fig 1

    /** Shown memories of a run that are 4-prototypes with max|α| above {@code minAlpha} (spec 000 §6 Fig 1 check). */
    static int cleanFours(Waddington.Fig1Run r, double minAlpha) {
        int k = 0;
        for (int q = 0; q < r.shown().length; q++)
            if (r.labelsAbove(q, 0.9) == 1 && r.argMaxSample(q) / Set200.PER_DIGIT == 4 && r.maxAlpha(q) > minAlpha) k++;
        return k;
    }

    /** Spec 000 §6 Fig 1 checks and prototype reference on the full 3 × 3 grid (5000 epochs). */
    public static ReproductionCheck fig1Claims(ReproductionCheck check, ShippedResults.Lookup<Waddington.Fig1> l) {
        String[] names = {"Fig 1 full: memories and labels stay in [−1, 1]", "Fig 1 full: n = 30, T_r 0.855 — mean max|α|",
                "Fig 1 full: n = 30, T_r 0.855 — shown memories that are clean 4s (one label > 0.9, arg-max sample a 4, max|α| > 0.25)",
                "Fig 1 full: n = 3, T_r 0.51 — mean max|α|", "Fig 1 full: n = 3, T_r 0.51 — shown memories with ≥ 3 labels > 0.9",
                "Fig 1 full: n = 15, T_r 0.70 — mean max|α|", "Fig 1 full: n = 3, T_r 0.855 — mean max|α|",
                "Fig 1 full: n = 30, T_r 0.51 — mean max|α|"};
        claims(check, l, names, f -> {
            var p = f.run(30, 670);
            check.atMost(names[0], "spec §6 Fig 1 (exactly)", 1.0, f.largestEntry())
                    .atLeast(names[1], "spec §6 Fig 1 (> 0.3; ref 0.403)", 0.3, p.meanMaxAlpha())
                    .close(names[2], "spec §6 Fig 1 (every one; ref 4 of 4)", p.shown().length, cleanFours(p, 0.25), 0)
                    .atMost(names[3], "spec §6 Fig 1 (< 0.2; ref 0.124)", 0.2, f.run(3, 400).meanMaxAlpha())
                    .atLeast(names[4], "spec §6 Fig 1 (≥ 3 of 4; ref 4)", 3, Waddington.multiLabelMemories(f.run(3, 400), 3))
                    .close(names[5], "spec §6 Fig 1 ref 0.138", 0.138, f.run(15, 550).meanMaxAlpha(), 0.1)
                    .close(names[6], "spec §6 Fig 1 ref 0.061", 0.061, f.run(3, 670).meanMaxAlpha(), 0.1)
                    .close(names[7], "spec §6 Fig 1 ref 0.352", 0.352, f.run(30, 400).meanMaxAlpha(), 0.1);
        });
        return check;
    }

    /** What the full Fig 1 grid shows, in words generated from the table. */
    public static String fig1Text(ShippedResults.Lookup<Waddington.Fig1> l) {
        if (!l.present()) return l.describe();
        Waddington.Fig1 f = l.get();
        List<String> parts = new ArrayList<>();
        for (Waddington.Fig1Run r : f.runs()) {
            int labels = 0;
            for (int q = 0; q < r.shown().length; q++) labels += r.labelsAbove(q, 0.9);
            parts.add(String.format(Locale.ROOT, "n = %s, T_r %.2f: mean max|α| %s, %d memories with l_4 ≥ 0.99, %.1f labels > 0.9 per shown memory",
                    n(r.n()), r.temperature() / 784, f(r.meanMaxAlpha()), r.fours(), labels / (double) r.shown().length));
        }
        return "Full grid (" + f.runs().size() + " runs × " + f.epochs() + " epochs, " + ShippedResults.LABEL + "): "
                + String.join("; ", parts) + ".";
    }

    // ------------------------------------------------------------------------------------------------ Figs 3, 4

    /** Spec 000 §6 Fig 3 checks on the shipped n = 30 and n = 3 runs. */
    public static ReproductionCheck fig3Claims(ReproductionCheck check, ShippedResults.Lookup<List<Waddington.Fig3>> l) {
        String[] names = {"Fig 3 full: n = 30 learns 1 first (rank of digit 1)", "Fig 3 full: n = 30 learns 0 and 2 among the last three",
                "Fig 3 full: n = 30 max E_d − min E_d", "Fig 3 full: n = 30 final accuracy",
                "Fig 3 full: n = 30 clusters (tol 0.05) at epoch 400", "Fig 3 full: n = 30 clusters (tol 0.2) at epoch 900",
                "Fig 3 full: n = 30 clusters (tol 0.2) at epoch 3500", "Fig 3 full: n = 3 last learning epoch",
                "Fig 3 full: n = 3 accuracy at epoch 1000", "Fig 3 full: n = 3 clusters (tol 0.2) at epoch 400"};
        claims(check, l, names, runs -> {
            var p = runs.get(0);
            var q = runs.get(1);
            check.close(names[0], "paper Fig 3F; spec §6", 0, p.learningRank(1), 0)
                    .holds(names[1], "paper Fig 3 ('lastly 0 and 2')", "ranks ≥ 7", p.learningRank(0) + ", " + p.learningRank(2),
                            p.learningRank(0) >= 7 && p.learningRank(2) >= 7)
                    .atLeast(names[2], "spec §6 Fig 3 (> 1500; ref 3060)", 1500, p.learningSpread(-1))
                    .atLeast(names[3], "spec §6 Fig 3 (≥ 0.9; ref 0.93)", 0.9, p.finalAccuracy())
                    .close(names[4], "spec §6 Fig 3 (exactly 1)", 1, p.clustersAt(400, true), 0)
                    .atMost(names[5], "spec §6 Fig 3 (≤ 10; ref 6)", 10, p.clustersAt(900, false))
                    .atLeast(names[6], "spec §6 Fig 3 (≥ 50; ref 87)", 50, p.clustersAt(3500, false))
                    .atMost(names[7], "spec §6 Fig 3 (≤ 800; ref 510)", 800, q.lastLearningEpoch())
                    .atLeast(names[8], "spec §6 Fig 3 (≥ 0.85)", 0.85, q.accuracyAt1000())
                    .atLeast(names[9], "spec §6 Fig 3 (≥ 40; ref 64)", 40, q.clustersAt(400, false));
        });
        return check;
    }

    /** Spec 000 §6 Fig 4 checks on the shipped n = 30 and n = 3 runs. */
    public static ReproductionCheck fig4Claims(ReproductionCheck check, ShippedResults.Lookup<List<Waddington.Fig4>> l) {
        String[] names = {"Fig 4 full: n = 30 S(G4|G7) − S(G1|G4∪G7)", "Fig 4 full: n = 30 group spread of ᾱ at epoch 900",
                "Fig 4 full: n = 30 ᾱ_1 at epoch 900", "Fig 4 full: n = 30 final accuracy on the 60 samples",
                "Fig 4 full: n = 3 |S(G1|G4) − S(G4|G7)|"};
        claims(check, l, names, runs -> {
            var p = runs.get(0);
            var q = runs.get(1);
            check.atLeast(names[0], "spec §6 Fig 4 (> 200; ref 2360 − 1660)", 201, p.split("G4 | G7") - p.split("G1 | G4∪G7"))
                    .atMost(names[1], "spec §6 Fig 4 (0.02)", 0.02, p.groupSpread(900))
                    .close(names[2], "spec §6 Fig 4 ([0.4, 0.65]; ref 0.54)", 0.525, p.meanAlphaBar(900, 1), 0.125)
                    .atLeast(names[3], "spec §6 Fig 4 (≥ 0.9; ref 57/60)", 0.9, p.accuracy())
                    .atMost(names[4], "spec §6 Fig 4 (< 200; ref 270 vs 220)", 199, Math.abs(q.split("G1 | G4") - q.split("G4 | G7")));
        });
        return check;
    }

    // ------------------------------------------------------------------------------------------------ Fig 6

    /** Spec 000 §6 Fig 6 checks and the reference values on the full 29 × 25 grids. */
    public static ReproductionCheck fig6Claims(ReproductionCheck check, ShippedResults.Lookup<PrototypeTransition> intra,
                                               ShippedResults.Lookup<PrototypeTransition> inter) {
        String[] a = {"Fig 6 full intra: T_r 1.12, n = 30 dominant α", "Fig 6 full intra: T_r 1.12, n = 30 minor α",
                "Fig 6 full intra: T_r 1.12, n = 3 largest |α − 0.5|", "Fig 6 full intra: T_r 0.92 largest |α − 0.5| over n = 2 … 30",
                "Fig 6 full intra: departure n_dep − n_line at T = 800, 840, 880", "Fig 6 full intra: departure moves to larger n as T falls (T = 880 → 800)"};
        claims(check, intra, a, p -> {
            String dom = p.dominantColumn(), minor = dom.equals("alpha_a") ? "alpha_b" : "alpha_a";
            double mix3 = Math.max(Math.abs(p.at("alpha_a", 3, 880) - 0.5), Math.abs(p.at("alpha_b", 3, 880) - 0.5));
            double mix720 = 0;
            for (double nn : p.options().ns())
                for (String c : new String[] {"alpha_a", "alpha_b"}) mix720 = Math.max(mix720, Math.abs(p.at(c, nn, 720) - 0.5));
            double[] ts = {800, 840, 880};
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            StringBuilder gaps = new StringBuilder();
            double[] dep = new double[ts.length];
            for (int k = 0; k < ts.length; k++) {
                dep[k] = p.departure(ts[k], 0.55);
                double g = dep[k] - p.lineOrder(1, ts[k]);
                lo = Math.min(lo, g);
                hi = Math.max(hi, g);
                gaps.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", g));
            }
            List<String> deps = new ArrayList<>();
            for (int k = 0; k < ts.length; k++) deps.add(n(ts[k]) + ":" + n(dep[k]));
            boolean monotone = dep[0] > dep[1] && dep[1] > dep[2];
            check.close(a[0], "issue 12 / spec §6 Fig 6 ref 0.998 (> 0.9)", 0.998, p.at(dom, 30, 880), 0.01)
                    .close(a[1], "issue 12 / spec §6 Fig 6 ref 0.002 (< 0.1)", 0.002, p.at(minor, 30, 880), 0.01)
                    .atMost(a[2], "spec §6 Fig 6 (both within 0.1 of 0.5)", 0.1, mix3)
                    .atMost(a[3], "spec §6 Fig 6 (mixture for every n ≤ 30)", 0.1, mix720)
                    .holds(a[4], "spec §6 Fig 6 (between −1 and +4)", "each in [−1, 4]", gaps.toString(), lo >= -1 && hi <= 4)
                    .holds(a[5], "spec §6 Fig 6 (n_dep increases as T decreases)", "n_dep(800) > n_dep(840) > n_dep(880)",
                            "T:n_dep " + String.join(" ", deps), monotone);
        });
        String[] b = {"Fig 6 full inter: largest minor α at n = 2 over all T", "Fig 6 full inter: smallest minor α at n = 30, T ∈ {720, 800, 880}",
                "Fig 6 full inter: sign change at smaller n for larger T", "Fig 6 full inter: largest |minor α| at n = 30, T ∈ {720, 800, 880}",
                "Fig 6 full inter: T_r 1.12, n = 30 memory 1 α_9", "Fig 6 full inter: T_r 1.12, n = 30 memory 2 α_4"};
        claims(check, inter, b, p -> {
            double neg = Double.NEGATIVE_INFINITY, big = 0;
            for (double t : p.options().temperatures())
                neg = Math.max(neg, Math.max(p.at("m1_alpha_b", 2, t), p.at("m2_alpha_a", 2, t)));
            double pos = Double.POSITIVE_INFINITY;
            double[] ts = {720, 800, 880};
            double[] change = new double[ts.length];
            for (int k = 0; k < ts.length; k++) {
                pos = Math.min(pos, Math.min(p.at("m1_alpha_b", 30, ts[k]), p.at("m2_alpha_a", 30, ts[k])));
                // spec: at these T (its own reference has |α_4| = 0.499 at T = 400, n = 30, where the minor α is still negative)
                big = Math.max(big, Math.max(Math.abs(p.at("m1_alpha_b", 30, ts[k])), Math.abs(p.at("m2_alpha_a", 30, ts[k]))));
                change[k] = firstPositive(p, ts[k]);
            }
            check.atMost(b[0], "spec §6 Fig 6 (negative at n = 2 for every T)", 0, neg)
                    .atLeast(b[1], "spec §6 Fig 6 (positive at n = 30)", 0, pos)
                    .holds(b[2], "spec §6 Fig 6", "n(720) > n(800) > n(880)",
                            "first n with both minor α > 0: " + n(change[0]) + " / " + n(change[1]) + " / " + n(change[2]),
                            change[0] > change[1] && change[1] > change[2])
                    .atMost(b[3], "spec §6 Fig 6 (never a pure prototype: ≤ 0.45)", 0.45, big)
                    .close(b[4], "spec §6 Fig 6 inter reference 0.188", 0.188, p.at("m1_alpha_b", 30, 880), 0.01)
                    .close(b[5], "spec §6 Fig 6 inter reference 0.391", 0.391, p.at("m2_alpha_a", 30, 880), 0.01);
        });
        return check;
    }

    /** First n (grid order) at temperature T where both minor coefficients are positive (NaN if none). */
    static double firstPositive(PrototypeTransition p, double t) {
        for (double nn : p.options().ns())
            if (p.at("m1_alpha_b", nn, t) > 0 && p.at("m2_alpha_a", nn, t) > 0) return nn;
        return Double.NaN;
    }

    /** What the full Fig 6 grids show, in words generated from the tables. */
    public static String fig6Text(ShippedResults.Lookup<PrototypeTransition> intra, ShippedResults.Lookup<PrototypeTransition> inter) {
        List<String> out = new ArrayList<>();
        if (intra.present()) {
            PrototypeTransition p = intra.get();
            String dom = p.dominantColumn();
            List<String> deps = new ArrayList<>();
            for (double t : new double[] {800, 840, 880})
                deps.add(String.format(Locale.ROOT, "T_r %.2f: n_dep %s vs line %.1f", t / 784, n(p.departure(t, 0.55)), p.lineOrder(1, t)));
            double top = p.at(dom, 30, 880), mix = maxMix(p, 720);
            out.add(String.format(Locale.ROOT, "Intra-digit (%d grid points, %s): at n = 30, T_r 1.12 the dominant α is %s and the other %s"
                            + " (%s); at T_r 0.92 %s (α within %s of 0.5); the dominant α first exceeds 0.55 at %s.",
                    p.table().rowCount(), ShippedResults.LABEL, f(top), f(p.at(dom.equals("alpha_a") ? "alpha_b" : "alpha_a", 30, 880)),
                    top > 0.9 ? "a pure prototype" : "not a pure prototype", mix <= 0.1 ? "every n stays a mixture" : "not every n is a mixture",
                    f(mix), String.join("; ", deps)));
        } else out.add(intra.describe());
        if (inter.present()) {
            PrototypeTransition p = inter.get();
            double big = 0;
            for (double t : new double[] {720, 800, 880})
                big = Math.max(big, Math.max(Math.abs(p.at("m1_alpha_b", 30, t)), Math.abs(p.at("m2_alpha_a", 30, t))));
            out.add(String.format(Locale.ROOT, "Inter-digit: the minor coefficients turn positive at n = %s, %s, %s for T_r 0.92, 1.02, 1.12"
                            + " and are %s / %s at n = 30, T_r 1.12 (largest |minor α| at n = 30 for T_r 0.92–1.12: %s) — %s.",
                    n(firstPositive(p, 720)), n(firstPositive(p, 800)), n(firstPositive(p, 880)), f(p.at("m1_alpha_b", 30, 880)),
                    f(p.at("m2_alpha_a", 30, 880)), f(big), big <= 0.45 ? "a smooth change, never a pure prototype"
                            : "larger than the paper's \"never a pure prototype\" suggests"));
        } else out.add(inter.describe());
        return String.join("\n", out);
    }

    private static double maxMix(PrototypeTransition p, double t) {
        double m = 0;
        for (double nn : p.options().ns())
            for (String c : new String[] {"alpha_a", "alpha_b"}) m = Math.max(m, Math.abs(p.at(c, nn, t) - 0.5));
        return m;
    }

    // ------------------------------------------------------------------------------------------------ Fig 7

    /** Spec 000 §6 Fig 7 checks (saddles) and prototype references (proportions, 10-run means) on the full grids. */
    public static ReproductionCheck fig7Claims(ReproductionCheck check, ShippedResults.Lookup<SaddleProportions.Saddles> saddles,
                                               ShippedResults.Lookup<SaddleProportions.Populations> populations) {
        String[] a = {"Fig 7 full: T_r 0.70 smallest saddle gap over n ∈ {5, 20, 40}", "Fig 7 full: T_r 0.96 largest gap over n ∈ {15, 20, 30, 40}",
                "Fig 7 full: T_r 0.96 gap at n = 5", "Fig 7 full: T_r 1.02 largest gap over n ∈ {12, 20, 30, 40}",
                "Fig 7 full: T_r 1.02 smallest gap over n ∈ {5, 58}", "Fig 7 full: T_r 0.96 n of the smallest shared-saddle ᾱ_1",
                "Fig 7 full: T_r 0.96 smallest shared-saddle ᾱ_1", "Fig 7 full: T_r 0.96 saddle ᾱ_1 at n = 58"};
        claims(check, saddles, a, s -> {
            double nMin = Double.NaN, min = Double.POSITIVE_INFINITY;
            for (double nn : s.options().saddleNs()) {
                if (s.gap(nn, 750) >= 0.01) continue;
                double v = s.alphaBar(1, nn, 750, 1);
                if (v < min) { min = v; nMin = nn; }
            }
            check.atLeast(a[0], "spec §6 Fig 7 (> 0.5)", 0.5, minOf(s, 550, 5, 20, 40))
                    .atMost(a[1], "spec §6 Fig 7 (< 0.01)", 0.01, maxOf(s, 750, 15, 20, 30, 40))
                    .atLeast(a[2], "spec §6 Fig 7 (> 0.5)", 0.5, s.gap(5, 750))
                    .atMost(a[3], "spec §6 Fig 7 (< 0.01)", 0.01, maxOf(s, 800, 12, 20, 30, 40))
                    .atLeast(a[4], "spec §6 Fig 7 (> 0.5: second bistable region)", 0.5, minOf(s, 800, 5, 58))
                    .close(a[5], "spec §6 Fig 7 (minimum between n = 20 and 30)", 25, nMin, 5)
                    .close(a[6], "spec §6 Fig 7 reference 0.309", 0.31, min, 0.05)
                    .atLeast(a[7], "spec §6 Fig 7 (> 0.85)", 0.85, s.alphaBar(1, 58, 750, 1));
        });
        double[][] refs = {{550, 5, 1, 0.62}, {550, 5, 7, 0.28}, {550, 20, 1, 0.84}, {550, 20, 7, 0.04},
                {750, 5, 1, 0.64}, {750, 5, 7, 0.27}, {750, 20, 1, 0.83}, {750, 20, 7, 0.30}};
        String[] b = new String[refs.length];
        for (int k = 0; k < refs.length; k++)
            b[k] = String.format(Locale.ROOT, "Fig 7 full: proportion of 1s, T_r %.2f, n = %s, started near %d (10 runs)",
                    refs[k][0] / 784, n(refs[k][1]), (int) refs[k][2]);
        claims(check, populations, b, p -> {
            for (int k = 0; k < refs.length; k++)
                check.close(b[k], "spec §6 Fig 7 reference " + refs[k][3] + " (± 0.15)", refs[k][3],
                        p.proportion(refs[k][1], refs[k][0], (int) refs[k][2]), 0.15);
        });
        return check;
    }

    private static double minOf(SaddleProportions.Saddles s, double t, double... ns) {
        return Arrays.stream(ns).map(nn -> s.gap(nn, t)).min().orElseThrow();
    }

    private static double maxOf(SaddleProportions.Saddles s, double t, double... ns) {
        return Arrays.stream(ns).map(nn -> s.gap(nn, t)).max().orElseThrow();
    }

    /** What the full Fig 7 grids show, in words generated from the tables. */
    public static String fig7Text(ShippedResults.Lookup<SaddleProportions.Saddles> saddles,
                                  ShippedResults.Lookup<SaddleProportions.Populations> populations) {
        List<String> out = new ArrayList<>();
        if (saddles.present()) {
            SaddleProportions.Saddles s = saddles.get();
            List<String> parts = new ArrayList<>();
            for (double t : s.options().saddleTemperatures()) {
                List<String> shared = new ArrayList<>();
                for (double nn : s.options().saddleNs()) if (s.gap(nn, t) < 0.01) shared.add(n(nn));
                parts.add(String.format(Locale.ROOT, "T_r %.2f: one shared saddle at %s", t / 784,
                        shared.isEmpty() ? "no n (two saddles everywhere)" : ranges(s.options().saddleNs(), shared)));
            }
            out.add("Saddles (" + s.table().rowCount() + " runs, " + ShippedResults.LABEL + "): " + String.join("; ", parts) + ".");
        } else out.add(saddles.describe());
        if (populations.present()) {
            SaddleProportions.Populations p = populations.get();
            List<String> parts = new ArrayList<>();
            for (double t : p.options().populationTemperatures()) {
                double[] diff = Arrays.stream(p.options().populationNs()).map(nn -> p.proportion(nn, t, 1) - p.proportion(nn, t, 7))
                        .filter(d -> !Double.isNaN(d)).toArray();
                parts.add(String.format(Locale.ROOT, "T_r %.2f: proportion of 1s started near 1 minus started near 7 = %s on average"
                        + " over n (largest %s)", t / 784, f(Arrays.stream(diff).average().orElse(Double.NaN)),
                        f(Arrays.stream(diff).max().orElse(Double.NaN))));
            }
            out.add("Proportions (" + p.table().rowCount() + " runs): " + String.join("; ", parts) + ".");
        } else out.add(populations.describe());
        return String.join("\n", out);
    }

    /** "12–40, 52" style runs of consecutive grid values. */
    static String ranges(double[] grid, List<String> values) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < grid.length) {
            if (!values.contains(n(grid[i]))) { i++; continue; }
            int j = i;
            while (j + 1 < grid.length && values.contains(n(grid[j + 1]))) j++;
            out.add(i == j ? n(grid[i]) : n(grid[i]) + "–" + n(grid[j]));
            i = j + 1;
        }
        return "n = " + String.join(", ", out);
    }

    // ------------------------------------------------------------------------------------------------ Fig 8

    /** The grid temperature nearest to T. */
    public static double nearest(TemperatureSweep s, double t) {
        return Arrays.stream(s.options().temperatures()).boxed().min(Comparator.comparingDouble(x -> Math.abs(x - t))).orElseThrow();
    }

    /** Spec 000 §6 Fig 8 checks on the full temperature sweep (the grid temperature nearest each checked T). */
    public static ReproductionCheck fig8Claims(ReproductionCheck check, ShippedResults.Lookup<TemperatureSweep> l) {
        String[] a = {"Fig 8 full: T_r 0.83 every digit has memories (min_d pop_d)", "Fig 8 full: T_r 0.83 Σ_d pop_d",
                "Fig 8 full: T ≈ 750 pop_0 + pop_2", "Fig 8 full: T ≈ 750 smallest of pop_1, pop_4, pop_7, pop_9",
                "Fig 8 full: T_r 1.02 pop_1", "Fig 8 full: T_r 1.02 pop_0 + pop_2 + pop_3 + pop_5 + pop_6 + pop_8",
                "Fig 8 full: T ≈ 850 memories of digits other than 1", "Fig 8 full: T ≈ 850 pop_1",
                "Fig 8 full: only 1s from T_r 1.04 on (largest other pop_d)", "Fig 8 full: classes vanish in the paper's order"};
        claims(check, l, a, s -> {
            double t750 = nearest(s, 750), t850 = nearest(s, 850);
            int others = 0;
            for (double t : s.options().temperatures())
                if (t / 784 >= 1.04)
                    for (int d = 0; d < FewMemoryTraining.CLASSES; d++) if (d != 1) others = Math.max(others, s.population(d, t));
            check.atLeast(a[0], "spec §6 Fig 8 (all > 0)", 1, s.minPopulation(650))
                    .atLeast(a[1], "spec §6 Fig 8 (> 100; published ≈ 125–135)", 101, s.totalPopulation(650))
                    .atMost(a[2] + " (T = " + n(t750) + ")", "spec §6 Fig 8 (= 0)", 0, s.population(0, t750) + s.population(2, t750))
                    .atLeast(a[3] + " (T = " + n(t750) + ")", "spec §6 Fig 8 (all > 0)", 1,
                            Math.min(Math.min(s.population(1, t750), s.population(4, t750)), Math.min(s.population(7, t750), s.population(9, t750))))
                    .atLeast(a[4], "spec §6 Fig 8 (≥ 10)", 10, s.population(1, 800))
                    .atMost(a[5], "spec §6 Fig 8 (= 0: only 4, 7, 9, 1 survive)", 0, s.population(0, 800) + s.population(2, 800)
                            + s.population(3, 800) + s.population(5, 800) + s.population(6, 800) + s.population(8, 800))
                    .atMost(a[6] + " (T = " + n(t850) + ")", "spec §6 Fig 8 (only pop_1 > 0)", 0, s.totalPopulation(t850) - s.population(1, t850))
                    .atLeast(a[7] + " (T = " + n(t850) + ")", "spec §6 Fig 8 (≥ 10)", 10, s.population(1, t850))
                    .atMost(a[8], "000 text: only 1s for T_r ≳ 1.03", 0, others)
                    .holds(a[9], "000 Fig 8: 0, 2 first … 1 last", "T_last(0), T_last(2) < T_last(4, 7, 9) ≤ T_last(1)",
                            s.lastTemperatureSummary(), s.vanishInPaperOrder());
        });
        return check;
    }

    /** The order in which digits lose their last memory on the full sweep, generated from the table. */
    public static String fig8Text(ShippedResults.Lookup<TemperatureSweep> l) {
        if (!l.present()) return l.describe();
        TemperatureSweep s = l.get();
        Integer[] digits = new Integer[FewMemoryTraining.CLASSES];
        for (int d = 0; d < digits.length; d++) digits[d] = d;
        Arrays.sort(digits, Comparator.comparingDouble(d -> Double.isNaN(s.lastTemperature(d)) ? -1 : s.lastTemperature(d)));
        double top = Arrays.stream(s.options().temperatures()).max().orElseThrow();
        List<String> order = new ArrayList<>();
        for (int d : digits) {
            double t = s.lastTemperature(d);
            order.add(d + (Double.isNaN(t) ? " (never)" : t == top ? " (still at T_r " + f(top / 784) + ")" : " (last at T_r " + f(t / 784) + ")"));
        }
        return String.format(Locale.ROOT, "Full sweep (%d temperatures, %s): every digit has memories up to T_r %s; digits lose"
                        + " their last memory in the order %s. The paper's order: 0, 2 → 3, 8 → 5, 6 → 4, 7, 9, with only 1s left"
                        + " for T_r ≳ 1.03.", s.table().rowCount(), ShippedResults.LABEL, f(allPopulatedUpTo(s) / 784),
                String.join(", ", order));
    }

    private static double allPopulatedUpTo(TemperatureSweep s) {
        double last = Double.NaN;
        for (double t : Arrays.stream(s.options().temperatures()).sorted().toArray()) {
            if (s.minPopulation(t) <= 0) break;
            last = t;
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------ --full

    /**
     * {@code reproduce --full}: the live full-setting result against the shipped one (largest difference per column,
     * {@link ShippedResults#compare}, rows matched by {@code keys}, default the sweep's {@code point}); in the quick
     * setting, or when nothing is shipped, a line saying so.
     *
     * @param full     whether this run computed the full setting
     * @param computed the result computed in this run
     * @param table    its table, e.g. {@code PrototypeTransition::table}
     */
    public static <T> Object comparison(boolean full, T computed, ShippedResults.Lookup<T> l, java.util.function.Function<T, Table> table,
                                        String... keys) {
        if (!full) return l.figure() + ": quick setting — " + (l.present() ? "the full grid is drawn from the shipped table, not recomputed"
                : "the full table is not shipped yet, so nothing is compared") + " (environment/kit reproduce --full recomputes the"
                + " full grid into reports/sweeps/ and compares it here with the shipped table).";
        if (!l.present()) return l.figure() + ": recomputed at full scale; nothing shipped to compare with (" + l.reason() + ").";
        String[] k = keys == null || keys.length == 0 ? new String[] {org.hopscape.analysis.Sweep.POINT} : keys;
        return ShippedResults.compare(table.apply(computed), table.apply(l.get()), k);
    }
}
