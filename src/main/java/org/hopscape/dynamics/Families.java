package org.hopscape.dynamics;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * One-parameter families η ↦ (V_η, G_η): critical points tracked over η by continuation, and the two generic
 * codimension-one events of a gradient family (004 Thm 22, §4.2.2; spec 004 §2): the saddle-node (fold) — a
 * pair of index k and k+1 is born or dies — and the heteroclinic flip — a saddle's unstable branch changes its
 * target through a saddle–saddle connection. In odd (Z₂-symmetric) families a fixed point changes index while a
 * symmetric pair is born: a pitchfork, reported separately (spec §2.1).
 */
public final class Families {
    private Families() {}

    /**
     * Tracking settings.
     *
     * @param points      critical-point search (box, seeds)
     * @param withGraphs  compute the connection graph at every η (needed to detect flips)
     * @param graph       branch settings for the graphs and the flip refinement
     * @param refine      refine each event (fold: augmented Newton; pitchfork: det H = 0; flip: signed miss)
     * @param flipRadius  ρ of the signed miss (0.05)
     */
    public record Options(CriticalPoints.Options points, boolean withGraphs, MorseSmale.Options graph, boolean refine,
                          double flipRadius) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code of(box(2, 2, 21), false)}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, of(CriticalPoints.Options.box(2, 2, 21), false));
        }

        public Options {
            if (points == null) throw new IllegalArgumentException("points options must not be null");
            if (graph == null) throw new IllegalArgumentException("graph options must not be null");
            Check.positive("flipRadius", flipRadius);
        }

        public static Options of(CriticalPoints.Options points, boolean withGraphs) {
            double w = points.width();
            return new Options(points, withGraphs, MorseSmale.Options.paper(1.5 * w), true, 0.05);
        }

        public Options withPoints(CriticalPoints.Options points) {
            return new Options(points, withGraphs, graph, refine, flipRadius);
        }

        public Options withWithGraphs(boolean withGraphs) {
            return new Options(points, withGraphs, graph, refine, flipRadius);
        }

        public Options withGraph(MorseSmale.Options graph) {
            return new Options(points, withGraphs, graph, refine, flipRadius);
        }

        public Options withRefine(boolean refine) {
            return new Options(points, withGraphs, graph, refine, flipRadius);
        }

        public Options withFlipRadius(double flipRadius) {
            return new Options(points, withGraphs, graph, refine, flipRadius);
        }
    }

    /**
     * A bifurcation event.
     *
     * @param bifurcation        what happens ({@link Bifurcation#FOLD}, {@link Bifurcation#PITCHFORK} or
     *                           {@link Bifurcation#FLIP})
     * @param eta                the parameter value η* (refined when {@link Options#refine()})
     * @param position           where: the fold point, the symmetric point of a pitchfork, the flipping saddle
     * @param hessianEigenvalues eigenvalues of ∇²V at (position, η*), ascending (one is ≈ 0 at a fold or pitchfork)
     * @param points             the critical points involved, as found at the grid value on the side where they exist:
     *                           a fold's pair, a pitchfork's symmetric point and pair; for a flip the source saddle,
     *                           its old target, its new target and the saddle it connects to at η* (a target outside
     *                           the box is absent)
     * @param flip               a flip's source saddle and its two targets; null for other kinds
     * @param detail             the same in words, for tables
     */
    public record Event(Bifurcation bifurcation, double eta, double[] position, double[] hessianEigenvalues,
                        List<CriticalPoint> points, Flip flip, String detail) {
        public Event {
            Check.notNull("bifurcation", bifurcation);
            position = position.clone();
            hessianEigenvalues = hessianEigenvalues.clone();
            points = List.copyOf(points);
        }

        /** The kind's label: "fold", "pitchfork" or "flip". */
        public String kind() {
            return bifurcation.label();
        }

        @Override public double[] position() { return position.clone(); }

        @Override public double[] hessianEigenvalues() { return hessianEigenvalues.clone(); }

        @Override public String toString() {
            return String.format(Locale.ROOT, "%s at %s = %.6f, x = %s: %s", kind(), "η", eta,
                    Arrays.toString(Arrays.stream(position).map(v -> Math.round(v * 1e6) / 1e6).toArray()), detail);
        }
    }

    /**
     * A heteroclinic flip: the unstable branch of {@code saddle} runs to {@code before} on one side of η* and to
     * {@code after} on the other, through a connection to {@code connection} at η*. A target that is the boundary
     * of the box is null. Points are as found at the grid value before the flip ({@code after} at the one after).
     */
    public record Flip(CriticalPoint saddle, CriticalPoint before, CriticalPoint after, CriticalPoint connection) {}

    /**
     * The tracked family.
     *
     * @param parameter name of η
     * @param etas      the grid of η
     * @param sets      critical points at each η
     * @param graphs    connection graphs at each η (empty when not requested)
     * @param events    detected (and refined) events in η order
     */
    public record Track(String parameter, double[] etas, List<CriticalSet> sets, List<ConnectionGraph> graphs,
                        List<Event> events) {
        /** Sequence of panel signatures "(sinks,saddles,sources)" with consecutive duplicates removed. */
        public List<String> signatureSequence() {
            List<String> out = new ArrayList<>();
            for (CriticalSet s : sets) {
                String g = s.signature();
                if (out.isEmpty() || !out.get(out.size() - 1).equals(g)) out.add(g);
            }
            return out;
        }

        /** Kinds of the events in order, e.g. [fold, fold, flip]. */
        public List<String> eventKinds() {
            return events.stream().map(Event::kind).toList();
        }

        /** The events of one kind, by its label ("fold", "pitchfork", "flip"). */
        public List<Event> events(String kind) {
            return events.stream().filter(e -> e.kind().equals(kind)).toList();
        }

        /** The events of one kind. */
        public List<Event> events(Bifurcation kind) {
            return events.stream().filter(e -> e.bifurcation() == kind).toList();
        }

        /**
         * True when each change of the counts between consecutive η removes or creates exactly one pair of critical
         * points of adjacent indices (sink + saddle, or saddle + source): what a sequence of generic saddle-nodes
         * does (004 Thm 22). Planar counts (sinks, saddles, sources) only.
         */
        public boolean countChangesArePairs() {
            for (int k = 1; k < sets.size(); k++) {
                CriticalSet a = sets.get(k - 1), b = sets.get(k);
                int d0 = b.sinks() - a.sinks(), d1 = b.saddles() - a.saddles(), d2 = b.sources() - a.sources();
                if (d0 == 0 && d1 == 0 && d2 == 0) continue;
                boolean pair = Math.abs(d1) == 1 && (d0 == d1 && d2 == 0 || d2 == d1 && d0 == 0);
                if (!pair) return false;
            }
            return true;
        }

        /** True when the Poincaré–Hopf count is 1 at every η. */
        public boolean eulerEverywhere() {
            return sets.stream().allMatch(s -> s.eulerCount() == 1);
        }

        /** Per η: counts by index, Poincaré–Hopf count, Morse, saddle connection. */
        public Table toTable() {
            Table t = Table.create("Family", DoubleColumn.create(parameter), IntColumn.create("sinks"),
                    IntColumn.create("saddles"), IntColumn.create("sources"), IntColumn.create("euler"),
                    StringColumn.create("edges"));
            for (int k = 0; k < etas.length; k++) {
                CriticalSet s = sets.get(k);
                t.doubleColumn(parameter).append(etas[k]);
                t.intColumn("sinks").append(s.sinks());
                t.intColumn("saddles").append(s.saddles());
                t.intColumn("sources").append(s.sources());
                t.intColumn("euler").append(s.eulerCount());
                t.stringColumn("edges").append(graphs.isEmpty() ? "" : graphs.get(k).toString());
            }
            return t;
        }

        /** The event table: kind, η*, position, detail. */
        public Table eventTable() {
            Table t = Table.create("Events", StringColumn.create("kind"), DoubleColumn.create(parameter + "*"),
                    DoubleColumn.create("x1"), DoubleColumn.create("x2"), StringColumn.create("detail"));
            for (Event e : events) {
                t.stringColumn("kind").append(e.kind());
                t.doubleColumn(parameter + "*").append(e.eta());
                t.doubleColumn("x1").append(e.position()[0]);
                t.doubleColumn("x2").append(e.position().length > 1 ? e.position()[1] : Double.NaN);
                t.stringColumn("detail").append(e.detail());
            }
            return t;
        }
    }

    /** Tracks {@code family} over {@code etas} (ascending or descending), detects and refines events. */
    public static Track track(Family family, double[] etas, Options o, Progress progress) {
        Check.notNull("family", family);
        Check.nonEmpty("etas", etas);
        Check.notNull("o", o);
        Check.notNull("progress", progress);
        List<CriticalSet> sets = new ArrayList<>();
        List<ConnectionGraph> graphs = new ArrayList<>();
        List<double[]> previous = List.of();
        for (int k = 0; k < etas.length; k++) {
            Interrupts.check("family tracking");
            GradientSystem sys = family.at(etas[k]);
            if (sys == null) throw new IllegalArgumentException("family.at(" + etas[k] + ") returned null");
            CriticalSet s = CriticalPoints.find(sys, o.points(), previous);
            sets.add(s);
            if (o.withGraphs()) graphs.add(MorseSmale.graph(sys, s, o.graph()));
            previous = s.points().stream().map(CriticalPoint::position).toList();
            progress.report("family " + family.parameterName(), k + 1, etas.length);
        }
        List<Event> events = new ArrayList<>();
        // flips are looked for between consecutive graphs without a saddle connection (a grid value may hit η*)
        int lastRegular = o.withGraphs() && graphs.get(0).hasSaddleConnection() ? -1 : 0;
        for (int k = 1; k < etas.length; k++) {
            List<Event> local = localEvents(family, etas[k - 1], etas[k], sets.get(k - 1), sets.get(k), o);
            events.addAll(local);
            if (!local.isEmpty()) { lastRegular = -1; }
            if (!o.withGraphs()) continue;
            if (graphs.get(k).hasSaddleConnection()) continue;
            if (lastRegular >= 0 && local.isEmpty())
                events.addAll(flipEvents(family, etas[lastRegular], etas[k], graphs.get(lastRegular), graphs.get(k), o));
            lastRegular = k;
        }
        return new Track(family.parameterName(), etas.clone(), sets, graphs, events);
    }

    /** η grid lo, lo+step, …, hi (inclusive within rounding); lo = hi gives the single value lo. */
    public static double[] grid(double lo, double hi, double step) {
        Check.finite("lo", lo);
        Check.finite("hi", hi);
        Check.positive("step", step);
        if (hi < lo) throw new IllegalArgumentException("hi must be >= lo (got hi = " + hi + ", lo = " + lo + ")");
        double count = Math.floor((hi - lo) / step + 1e-9) + 1;
        if (!(count <= Check.MAX_ARRAY))
            throw new IllegalArgumentException("(hi − lo) / step = " + (hi - lo) / step + " grid values exceed the largest"
                    + " array; enlarge step");
        int n = (int) count;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = lo + i * step;
        return g;
    }

    // ---------------------------------------------------------------------------------------------- folds

    /** Continue each point of {@code from} into {@code to}: match[i] = index in {@code to} or −1. */
    private static int[] match(GradientSystem target, CriticalSet from, CriticalSet to, CriticalPoints.Options o) {
        int[] m = new int[from.size()];
        double[] dist = new double[from.size()];
        double tol = Math.max(1e-6 * o.width(), 1e-9);
        for (int i = 0; i < from.size(); i++) {
            double[] r = CriticalPoints.newton(target, from.get(i).position(), o);
            m[i] = r == null ? -1 : to.nearest(r, 100 * tol);
            dist[i] = m[i] < 0 ? Double.POSITIVE_INFINITY : Linear.distance(from.get(i).position(), to.get(m[i]).position());
        }
        // a target hit twice keeps only the nearer source point
        for (int i = 0; i < m.length; i++)
            for (int j = 0; j < m.length; j++)
                if (i != j && m[i] >= 0 && m[i] == m[j] && dist[j] < dist[i]) m[i] = -1;
        return m;
    }

    static List<Event> localEvents(Family family, double etaA, double etaB, CriticalSet a, CriticalSet b, Options o) {
        List<Event> out = new ArrayList<>();
        if (a.signature().equals(b.signature()) && a.size() == b.size()) {
            // same counts: a pitchfork-like index exchange cannot hide here; check index changes under continuation
            int[] ab = match(family.at(etaB), a, b, o.points());
            boolean same = true;
            for (int i = 0; i < ab.length; i++) if (ab[i] < 0 || a.get(i).morseIndex() != b.get(ab[i]).morseIndex()) same = false;
            if (same) return out;
        }
        int[] ab = match(family.at(etaB), a, b, o.points());
        int[] ba = match(family.at(etaA), b, a, o.points());
        boolean[] hitB = new boolean[b.size()], hitA = new boolean[a.size()];
        for (int i : ab) if (i >= 0) hitB[i] = true;
        for (int i : ba) if (i >= 0) hitA[i] = true;
        List<Integer> born = new ArrayList<>(), died = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) if (!hitB[i]) born.add(i);
        for (int i = 0; i < a.size(); i++) if (!hitA[i]) died.add(i);
        // points that are new or changed index on each side: the event sits among them
        List<Integer> changedB = new ArrayList<>(born), changedA = new ArrayList<>(died);
        for (int i = 0; i < a.size(); i++)
            if (ab[i] >= 0 && a.get(i).morseIndex() != b.get(ab[i]).morseIndex()) {
                if (!changedB.contains(ab[i])) changedB.add(ab[i]);
                if (!changedA.contains(i)) changedA.add(i);
            }
        for (boolean birth : new boolean[]{true, false}) {
            CriticalSet s = birth ? b : a;
            List<Integer> pool = new ArrayList<>(birth ? changedB : changedA);
            while (pool.size() >= 2) {
                int bi = -1, bj = -1;
                double bd = Double.POSITIVE_INFINITY;
                for (int i : pool)
                    for (int j : pool)
                        if (s.get(j).morseIndex() == s.get(i).morseIndex() + 1) {
                            double d = Linear.distance(s.get(i).position(), s.get(j).position());
                            if (d < bd) { bd = d; bi = i; bj = j; }
                        }
                if (bi < 0) break;
                pool.remove(Integer.valueOf(bi));
                pool.remove(Integer.valueOf(bj));
                double[] mid = s.get(bi).position().clone();
                for (int k = 0; k < mid.length; k++) mid[k] = 0.5 * (mid[k] + s.get(bj).position()[k]);
                double eta = birth ? etaB : etaA;
                double[] pos = mid;
                boolean refined = false;
                if (o.refine()) {
                    double[] r = refineFold(family, mid, eta);
                    if (r != null && Math.abs(r[0] - 0.5 * (etaA + etaB)) <= Math.abs(etaB - etaA)) {
                        eta = r[0];
                        pos = Arrays.copyOfRange(r, 1, r.length);
                        refined = true;
                    }
                }
                // transversality of the unfolding (spec §2.1): v₀·∂η∇V ≠ 0 at a fold, = 0 at a symmetric pitchfork
                boolean pitchfork = refined ? unfolding(family, pos, eta) < 1e-6
                        : (birth ? changedB.size() - born.size() : changedA.size() - died.size()) > 0;
                if (pitchfork && o.refine()) {
                    // sharpen on the symmetric branch itself: det H(x(η), η) = 0 by bisection along the continuation
                    int best = -1;
                    for (int i = 0; i < a.size(); i++)
                        if (ab[i] >= 0 && a.get(i).morseIndex() != b.get(ab[i]).morseIndex()
                                && (best < 0 || Linear.distance(a.get(i).position(), pos) < Linear.distance(a.get(best).position(), pos)))
                            best = i;
                    double[] r = best < 0 ? null : refinePitchfork(family, a.get(best).position(), etaA, etaB, o.points());
                    if (r != null) { eta = r[0]; pos = Arrays.copyOfRange(r, 1, r.length); }
                }
                final double e0 = eta;
                final double[] p0 = pos;
                if (out.stream().anyMatch(ev -> Math.abs(ev.eta() - e0) < 1e-8 && Linear.distance(ev.position(), p0) < 1e-6))
                    continue;
                double[] hev = hessianEigenvalues(family.at(eta), pos);
                String what = pitchfork
                        ? "symmetric point changes index, a pair of " + (birth ? born : died).stream()
                                .map(k -> s.get(k).kind()).distinct().toList() + "s " + (birth == (etaB > etaA) ? "born" : "dies")
                        : s.get(bi).kind() + " + " + s.get(bj).kind() + " " + (birth == (etaB > etaA) ? "born" : "die");
                List<CriticalPoint> involved = new ArrayList<>(List.of(s.get(bi), s.get(bj)));
                if (pitchfork)
                    for (int i = 0; i < a.size(); i++)
                        if (ab[i] >= 0 && a.get(i).morseIndex() != b.get(ab[i]).morseIndex()) involved.add(0, a.get(i));
                out.add(new Event(pitchfork ? Bifurcation.PITCHFORK : Bifurcation.FOLD, eta, pos, hev, involved, null,
                        String.format(Locale.ROOT, "%s (along increasing %s); H eig %s", what, family.parameterName(),
                        Arrays.toString(Arrays.stream(hev).map(v -> Math.round(v * 1e6) / 1e6).toArray()))));
            }
        }
        out.sort((p, q) -> Double.compare(p.eta(), q.eta()));
        return out;
    }

    /** |v₀·∂η∇V(x, η)| / (1 + |∂η∇V|), v₀ the Hessian's null direction (≈ 0 at a pitchfork of a symmetric family). */
    static double unfolding(Family family, double[] x, double eta) {
        int n = x.length;
        double h = 1e-6 * Math.max(1, Math.abs(eta));
        double[] gp = new double[n], gm = new double[n], hs = new double[n * n];
        family.at(eta + h).gradient(x, gp);
        family.at(eta - h).gradient(x, gm);
        family.at(eta).hessian(x, hs);
        Linear.Eigen e = Linear.realEigen(n, hs);
        int k = 0;
        for (int i = 1; i < n; i++) if (Math.abs(e.values()[i]) < Math.abs(e.values()[k])) k = i;
        double c = 0, d = 0;
        for (int i = 0; i < n; i++) {
            double di = (gp[i] - gm[i]) / (2 * h);
            c += e.vectors()[k][i] * di;
            d += di * di;
        }
        return Math.abs(c) / (1 + Math.sqrt(d));
    }

    private static String kinds(CriticalSet s, List<Integer> idx) {
        return idx.stream().map(i -> s.get(i).kind()).toList().toString();
    }

    private static double[] hessianEigenvalues(GradientSystem s, double[] x) {
        int n = s.dimension();
        double[] h = new double[n * n];
        s.hessian(x, h);
        return Linear.symmetricEigenvalues(n, h);
    }

    /**
     * Fold point: Newton on F(x, η) = (∇ₓV(x, η), det ∇²ₓV(x, η)) = 0 with a finite-difference Jacobian
     * (h = 1e-7), from (x0, η0) (spec 004 §2.1). Returns (η*, x*) or null when Newton fails.
     */
    public static double[] refineFold(Family family, double[] x0, double eta0) {
        Check.notNull("family", family);
        Check.nonEmpty("x0", x0);
        Check.finite("eta0", eta0);
        int n = x0.length, m = n + 1;
        double[] z = new double[m];
        z[0] = eta0;
        System.arraycopy(x0, 0, z, 1, n);
        double[] f = foldResidual(family, z), jac = new double[m * m];
        for (int it = 0; it < 60; it++) {
            if (Linear.norm(f) < 1e-13) break;
            for (int j = 0; j < m; j++) {
                double h = 1e-7 * Math.max(1, Math.abs(z[j]));
                double[] zp = z.clone(), zm = z.clone();
                zp[j] += h;
                zm[j] -= h;
                double[] fp = foldResidual(family, zp), fm = foldResidual(family, zm);
                for (int i = 0; i < m; i++) jac[i * m + j] = (fp[i] - fm[i]) / (2 * h);
            }
            double[] step = Linear.solve(m, jac, f);
            if (step == null) return null;
            double len = Linear.norm(step), cap = 0.1 * (1 + Linear.norm(z));
            double sc = len > cap ? cap / len : 1;
            for (int i = 0; i < m; i++) z[i] -= sc * step[i];
            f = foldResidual(family, z);
            if (!Double.isFinite(Linear.norm(f))) return null;
        }
        return Linear.norm(f) < 1e-9 ? z : null;
    }

    private static double[] foldResidual(Family family, double[] z) {
        int n = z.length - 1;
        GradientSystem s = family.at(z[0]);
        double[] x = Arrays.copyOfRange(z, 1, z.length), g = new double[n], h = new double[n * n];
        s.gradient(x, g);
        s.hessian(x, h);
        double[] f = new double[n + 1];
        System.arraycopy(g, 0, f, 0, n);
        f[n] = Linear.det(n, h);
        return f;
    }

    /**
     * Pitchfork at a persisting point: det H(x(η), η) = 0 on [etaA, etaB] by bisection, x(η) Newton-continued
     * from x0. Returns (η*, x*) or null.
     */
    public static double[] refinePitchfork(Family family, double[] x0, double etaA, double etaB, CriticalPoints.Options o) {
        Check.notNull("family", family);
        Check.nonEmpty("x0", x0);
        Check.finite("etaA", etaA);
        Check.finite("etaB", etaB);
        Check.notNull("o", o);
        double[][] xs = {x0.clone()};
        DoubleUnaryOperator det = eta -> {
            GradientSystem s = family.at(eta);
            double[] r = CriticalPoints.newton(s, xs[0], o);
            if (r == null) return Double.NaN;
            xs[0] = r;
            int n = r.length;
            double[] h = new double[n * n];
            s.hessian(r, h);
            return Linear.det(n, h);
        };
        double lo = etaA, hi = etaB, flo = det.applyAsDouble(lo);
        xs[0] = x0.clone();
        double fhi = det.applyAsDouble(hi);
        if (!(flo * fhi <= 0)) return null;
        xs[0] = x0.clone();
        det.applyAsDouble(lo);
        for (int it = 0; it < 80 && Math.abs(hi - lo) > 1e-13 * Math.max(1, Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi), fm = det.applyAsDouble(mid);
            if (Double.isNaN(fm)) return null;
            if (fm * flo <= 0) hi = mid;
            else { lo = mid; flo = fm; }
        }
        double[] out = new double[x0.length + 1];
        out[0] = 0.5 * (lo + hi);
        System.arraycopy(xs[0], 0, out, 1, x0.length);
        return out;
    }

    // ---------------------------------------------------------------------------------------------- flips

    private static List<Event> flipEvents(Family family, double etaA, double etaB, ConnectionGraph ga,
                                          ConnectionGraph gb, Options o) {
        List<Event> out = new ArrayList<>();
        CriticalSet a = ga.points(), b = gb.points();
        if (a.size() != b.size()) return out;
        int[] ab = match(family.at(etaB), a, b, o.points());
        for (int v : ab) if (v < 0) return out;
        for (ConnectionGraph.Branch br : ga.branches()) {
            if (!br.unstable()) continue;
            ConnectionGraph.Branch other = null;
            for (ConnectionGraph.Branch q : gb.branches())
                if (q.unstable() && q.saddle() == ab[br.saddle()]
                        && dot(a.get(br.saddle()).unstableDirection(), b.get(q.saddle()).unstableDirection()) * br.sign() * q.sign() > 0)
                    other = q;
            if (other == null) continue;
            int endA = br.end() < 0 ? -1 : ab[br.end()];
            if (endA == other.end()) continue;
            // the branch changed its target: refine by the signed miss at the nearer other saddle
            int tilde = br.closestSaddle() >= 0 ? br.closestSaddle() : -1;
            if (tilde < 0) continue;
            double eta = 0.5 * (etaA + etaB);
            if (o.refine()) {
                Double r = refineFlip(family, etaA, etaB, a.get(br.saddle()).position(),
                        scale(a.get(br.saddle()).unstableDirection(), br.sign()), a.get(tilde).position(), o);
                if (r != null) eta = r;
            }
            // name the new target with the labels of the first graph (labels may reorder across η)
            String newTarget = "∂";
            for (int i = 0; i < ab.length; i++) if (other.end() >= 0 && ab[i] == other.end()) newTarget = a.label(i);
            CriticalPoint source = a.get(br.saddle()), before = br.end() < 0 ? null : a.get(br.end()),
                    after = other.end() < 0 ? null : b.get(other.end()), connection = a.get(tilde);
            List<CriticalPoint> involved = new ArrayList<>(List.of(source));
            if (before != null) involved.add(before);
            if (after != null) involved.add(after);
            involved.add(connection);
            out.add(new Event(Bifurcation.FLIP, eta, source.position(),
                    hessianEigenvalues(family.at(eta), source.position()), involved,
                    new Flip(source, before, after, connection), String.format(Locale.ROOT,
                    "branch of saddle %s: %s → %s (connection to saddle %s; labels at %s = %s)", a.label(br.saddle()),
                    br.end() < 0 ? "∂" : a.label(br.end()), newTarget, a.label(tilde), family.parameterName(),
                    new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", etaA)).stripTrailingZeros().toPlainString())));
        }
        return out;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) s += u[i] * v[i];
        return s;
    }

    private static double[] scale(double[] u, double c) {
        double[] r = u.clone();
        for (int i = 0; i < r.length; i++) r[i] *= c;
        return r;
    }

    /**
     * The signed miss m(η) of the unstable branch of the saddle continued from {@code saddleSeed} (side chosen
     * by {@code branchDirection}) at the saddle s̃ continued from {@code otherSeed} (spec 004 §2.2); the section
     * is along the unstable direction of s̃ at this η, signed to agree with {@code orientation}.
     */
    public static double signedMiss(Family family, double eta, double[] saddleSeed, double[] branchDirection,
                                    double[] otherSeed, double[] orientation, Options o) {
        Check.notNull("family", family);
        Check.finite("eta", eta);
        Check.notNull("o", o);
        Check.nonEmpty("saddleSeed", saddleSeed);
        Check.vector("branchDirection", branchDirection, "saddleSeed.length", saddleSeed.length);
        Check.vector("otherSeed", otherSeed, "saddleSeed.length", saddleSeed.length);
        Check.vector("orientation", orientation, "saddleSeed.length", saddleSeed.length);
        GradientSystem sys = family.at(eta);
        CriticalPoint s = CriticalPoints.refine(sys, saddleSeed, o.points());
        CriticalPoint t = CriticalPoints.refine(sys, otherSeed, o.points());
        if (s == null || t == null) return Double.NaN;
        double[] eu = s.unstableDirection();
        if (dot(eu, branchDirection) < 0) eu = scale(eu, -1);
        // the section direction is the current unstable direction of s̃, its sign fixed by {@code orientation}
        double[] et = t.unstableDirection();
        if (dot(et, orientation) < 0) et = scale(et, -1);
        return MorseSmale.signedMiss(sys, s.position(), eu, t.position(), et, o.flipRadius(), o.graph());
    }

    /**
     * Heteroclinic flip parameter: Brent root of the signed miss on [etaA, etaB] (tolerance 1e-12); null when
     * the miss does not change sign.
     */
    public static Double refineFlip(Family family, double etaA, double etaB, double[] saddleSeed,
                                    double[] branchDirection, double[] otherSeed, Options o) {
        Check.notNull("family", family);
        Check.notNull("o", o);
        Check.finite("etaA", etaA);
        Check.finite("etaB", etaB);
        CriticalPoint t = CriticalPoints.refine(family.at(etaA), otherSeed, o.points());
        if (t == null) return null;
        double[] orientation = t.unstableDirection();
        DoubleUnaryOperator m = eta -> signedMiss(family, eta, saddleSeed, branchDirection, otherSeed, orientation, o);
        return brent(m, etaA, etaB, 1e-12);
    }

    /** Brent–Dekker root on [a, b]; null if f(a), f(b) have the same sign. */
    public static Double brent(DoubleUnaryOperator f, double a, double b, double tol) {
        Check.notNull("f", f);
        Check.finite("a", a);
        Check.finite("b", b);
        Check.positive("tol", tol);
        double fa = f.applyAsDouble(a), fb = f.applyAsDouble(b);
        if (Double.isNaN(fa) || Double.isNaN(fb) || fa * fb > 0) return null;
        if (fa == 0) return a;
        if (fb == 0) return b;
        double c = a, fc = fa, d = b - a, e = d;
        for (int it = 0; it < 200; it++) {
            if (fb * fc > 0) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.abs(fc) < Math.abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol1 = 2 * Math.ulp(b) + 0.5 * tol, xm = 0.5 * (c - b);
            if (Math.abs(xm) <= tol1 || fb == 0) return b;
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa, p, q;
                if (a == c) { p = 2 * xm * s; q = 1 - s; }
                else {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q;
                p = Math.abs(p);
                if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) { e = d; d = p / q; }
                else { d = xm; e = d; }
            } else { d = xm; e = d; }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
            fb = f.applyAsDouble(b);
            if (Double.isNaN(fb)) return null;
        }
        return b;
    }
}
