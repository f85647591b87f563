package org.hopscape.papers.waddington;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.analysis.FewMemoryTraining;
import org.hopscape.analysis.SampleBasis;
import org.hopscape.analysis.TwoMemorySystem;
import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;

/**
 * The split of two memories trained on two digits (000 Fig 5C/D; spec §6 Fig 5, §7.4): the full 784-pixel
 * update rule ({@link FewMemoryTraining}) with K = 2 memories on the samples {A, B}, started a 1e−8 asymmetry
 * apart near (α, ℓ) = (0.8, 0.5), tracked in the reduced coordinates α^μ (coefficient of A in the basis {A, B})
 * and ℓ^μ = (l^μ_a − l^μ_b)/2, next to the reduced identical-memory map ({@link TwoMemorySystem#iterate}) from
 * the same start with the exact Gram values. Before the split both memories follow the reduced map; the
 * stable fixed points of the reduced system are saddles of the two-memory dynamics.
 *
 * @param options     the run
 * @param gram        {⟨A|A⟩, ⟨A|B⟩, ⟨B|B⟩} of the two samples
 * @param alpha       α^μ per memory (2 × (epochs + 1))
 * @param ell         ℓ^μ per memory (2 × (epochs + 1))
 * @param reduced     reduced map {α, β, ℓ} per epoch ((epochs + 1) × 3)
 * @param snapshots   memory images every {@link Options#snapshotEvery} epochs: [snapshot][memory][pixel]
 */
public record SplittingDynamics(Options options, double[] gram, double[][] alpha, double[][] ell, double[][] reduced,
                                double[][][] snapshots) {

    /**
     * @param n             order n (= m)
     * @param temperature   T of the two real memories (no 2^{1/n} correction; spec §6 Fig 5)
     * @param rate          η
     * @param epochs        epochs to run
     * @param classA        class of A (Fig 5: 1)
     * @param classB        class of B (Fig 5: 4)
     * @param alpha0        initial α of both memories
     * @param ell0          initial ℓ
     * @param asymmetry     ± offset between the memories that breaks the symmetry (spec: 1e−8)
     * @param snapshotEvery store memory images every this many epochs
     */
    public record Options(double n, double temperature, double rate, int epochs, int classA, int classB,
                          double alpha0, double ell0, double asymmetry, int snapshotEvery) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code fig5c()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, fig5c());
        }

        public Options {
            Check.inRange("n", n, 1, 1000);
            Check.positive("temperature", temperature);
            Check.positive("rate", rate);
            Check.nonNegative("epochs", epochs);
            Check.inRange("classA", classA, 0, 9);
            Check.inRange("classB", classB, 0, 9);
            if (classA == classB) throw new IllegalArgumentException("classB must differ from classA (got " + classB + ")");
            Check.inRange("alpha0", alpha0, -1, 1);
            Check.inRange("ell0", ell0, -1, 1);
            Check.nonNegative("asymmetry", asymmetry);
            Check.positive("snapshotEvery", snapshotEvery);
        }

        /** Fig 5C: n = 39, η = 0.0008, 3500 epochs, T = 700, digits 1 and 4. */
        public static Options fig5c() {
            return new Options(39, 700, 0.0008, 3500, 1, 4, 0.8, 0.5, 1e-8, 1000);
        }

        /** Fig 5D: n = 15, η = 0.0004, 3500 epochs. */
        public static Options fig5d() {
            return new Options(15, 700, 0.0004, 3500, 1, 4, 0.8, 0.5, 1e-8, 1000);
        }

        public Options withEpochs(int e) {
            return new Options(n, temperature, rate, e, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withN(double n) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withTemperature(double temperature) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withRate(double rate) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withClassA(int classA) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withClassB(int classB) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withAlpha0(double alpha0) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withEll0(double ell0) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withAsymmetry(double asymmetry) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }

        public Options withSnapshotEvery(int snapshotEvery) {
            return new Options(n, temperature, rate, epochs, classA, classB, alpha0, ell0, asymmetry, snapshotEvery);
        }
    }

    /** Rows of the 200-set used as A (a "1") and B (a "4") in Fig 5 (spec §6 Fig 5). */
    public static final int FIG5_ROW_A = 21, FIG5_ROW_B = 81;

    /** Run on the Fig 5 samples (200-set rows 21 and 81). */
    public static SplittingDynamics fig5(Options options) {
        return run(Set200.row(FIG5_ROW_A), Set200.row(FIG5_ROW_B), options);
    }

    /** Run on two samples A (class a) and B (class b). */
    public static SplittingDynamics run(double[] a, double[] b, Options o) {
        Check.finite("a", a);
        Check.finite("b", b);
        Check.sameSize("b.length", b.length, "a.length", a.length);
        double[][] x = {a, b};
        SampleBasis basis = new SampleBasis(x);
        double eps = o.asymmetry(), a0 = o.alpha0(), b0 = 1 - a0, l0 = o.ell0();
        int p = a.length;
        double[][] mem = new double[2][p];
        double[] c1 = {a0 + eps, b0 - eps}, c2 = {a0 - eps, b0 + eps};
        for (int i = 0; i < p; i++) {
            mem[0][i] = c1[0] * a[i] + c1[1] * b[i];
            mem[1][i] = c2[0] * a[i] + c2[1] * b[i];
        }
        double[][] lab = new double[2][FewMemoryTraining.CLASSES];
        for (double[] r : lab) Arrays.fill(r, -1);
        lab[0][o.classA()] = l0 + eps;
        lab[0][o.classB()] = -(l0 - eps);
        lab[1][o.classA()] = l0 - eps;
        lab[1][o.classB()] = -(l0 + eps);
        FewMemoryTraining t = new FewMemoryTraining(x, new int[] {o.classA(), o.classB()}, mem, lab, o.n(), o.temperature());
        double[][] alpha = new double[2][o.epochs() + 1], ell = new double[2][o.epochs() + 1];
        int nSnap = o.epochs() / o.snapshotEvery() + 1;
        double[][][] snaps = new double[nSnap][][];
        for (int e = 0; e <= o.epochs(); e++) {
            if (e > 0) t.step(o.rate());
            for (int mu = 0; mu < 2; mu++) {
                alpha[mu][e] = basis.coefficients(t.memory(mu))[0];
                double[] l = t.labels(mu);
                ell[mu][e] = (l[o.classA()] - l[o.classB()]) / 2;
            }
            if (e % o.snapshotEvery() == 0) snaps[e / o.snapshotEvery()] = t.memories();
        }
        double[] gram = {basis.gram(0, 0), basis.gram(0, 1), basis.gram(1, 1)};
        TwoMemorySystem reducedSystem = new TwoMemorySystem(gram[0], gram[1], gram[2], o.temperature(), 2, o.n());
        double[][] reduced = reducedSystem.iterate(a0, b0, l0, o.rate(), o.epochs());
        return new SplittingDynamics(o, gram, alpha, ell, reduced, snaps);
    }

    /** The identical-memory reduced system these runs are compared with (exact Gram values, K = 2). */
    public TwoMemorySystem reducedSystem() {
        return new TwoMemorySystem(gram[0], gram[1], gram[2], options.temperature(), 2, options.n());
    }

    /** max over memories of |α^μ − α_reduced| and |ℓ^μ − ℓ_reduced| at an epoch. */
    public double deviationFromReduced(int epoch) {
        double d = 0;
        for (int mu = 0; mu < 2; mu++)
            d = Math.max(d, Math.max(Math.abs(alpha[mu][epoch] - reduced[epoch][0]), Math.abs(ell[mu][epoch] - reduced[epoch][2])));
        return d;
    }

    /** |α¹ − α²| at an epoch: the split. */
    public double separation(int epoch) {
        return Math.abs(alpha[0][epoch] - alpha[1][epoch]);
    }

    /** First epoch with |α¹ − α²| > threshold, or −1. */
    public int splitEpoch(double threshold) {
        for (int e = 0; e < alpha[0].length; e++) if (separation(e) > threshold) return e;
        return -1;
    }

    /** One row per (epoch, memory): epoch, memory, alpha, ell, reduced_alpha, reduced_ell. */
    public Table toTable() {
        Table t = Table.create("two-memory splitting dynamics, n=" + options.n(), IntColumn.create("epoch"),
                IntColumn.create("memory"), DoubleColumn.create("alpha"), DoubleColumn.create("ell"),
                DoubleColumn.create("reduced_alpha"), DoubleColumn.create("reduced_ell"));
        for (int e = 0; e < alpha[0].length; e++)
            for (int mu = 0; mu < 2; mu++) {
                t.intColumn("epoch").append(e);
                t.intColumn("memory").append(mu + 1);
                t.doubleColumn("alpha").append(alpha[mu][e]);
                t.doubleColumn("ell").append(ell[mu][e]);
                t.doubleColumn("reduced_alpha").append(reduced[e][0]);
                t.doubleColumn("reduced_ell").append(reduced[e][2]);
            }
        return t;
    }
}
