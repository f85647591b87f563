package org.hopscape.learning;

import org.hopscape.util.RecordMaps;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Rng;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Softmax synapses: the memory-matrix dynamics of 003 Eq. 12–14,
 * τ_Ξ dΞ_μ/dt = w_μ (−Ξ_μ + Λ_μ + v), w = softmax(β Ξ v),
 * with the visible state clamped to noisy targets ξ'_μ = Ξ⁰_μ + η_μ (Eq. 41), integrated by explicit Euler
 * (spec 003 §1). Overlaps Ξ v are raw dot products (scale N_v), as in the paper and the author's code: β = 2
 * acts like an inverse temperature β·N_v = 100 (spec 003 §1.1); do not normalise them.
 *
 * <p>{@link #run(Options, long)} reproduces 003 App. B Fig. 1 (cosine similarity of each row to its target,
 * Eq. 36) and records the distance of ΞᵀΞ(t) to the traditional Hebb matrix Ξ'ᵀΞ' (Eq. 25) and to the
 * generalised one N_h Ξ'ᵀ diag(p) Ξ' (Eq. 23).
 */
public final class SoftmaxSynapses {
    private SoftmaxSynapses() {}

    /**
     * Parameters of a run (003 App. B.2).
     *
     * @param visible     N_v, number of visible neurons (paper 50)
     * @param memories    N_h, number of memory rows, 1 ≤ N_h ≤ N_v (paper 4)
     * @param steps       number of Euler steps T (paper 2000)
     * @param dt          Euler step in the units of τ_Ξ (author's code 1)
     * @param tau         τ_Ξ, synaptic time scale (paper 250)
     * @param sigma       σ, standard deviation of the target noise η (paper 0.4)
     * @param beta        β, softmax inverse temperature on raw overlaps (paper 2)
     * @param clamping    schedule of the clamped patterns (author's figure: cyclic)
     * @param recordEvery record the Hebb distances every this many steps (and at the last step); each record costs
     *                    O(N_h N_v²), about N_v/2 Euler steps, so {@link #paper()} records every 10 steps (201
     *                    records for T = 2000); Ξ(t) itself is recorded on demand by a {@link Recorder}
     */
    public record Options(int visible, int memories, int steps, double dt, double tau, double sigma, double beta,
                          Clamping clamping, int recordEvery) {
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            Options o = RecordMaps.of(map, paper());
            return map.containsKey("clamping") ? o.withClamping(Clamping.parse(String.valueOf(map.get("clamping")))) : o;
        }

        public Options {
            Check.positive("visible", visible);
            Check.positive("memories", memories);
            if (memories > visible)
                throw new IllegalArgumentException("memories = " + memories + " exceed visible = " + visible
                        + ": orthogonal initial memories need N_h <= N_v");
            Check.positive("steps", steps);
            Check.positive("dt", dt);
            Check.positive("tau", tau);
            if (dt > tau) throw new IllegalArgumentException("dt must be <= tau (got dt = " + dt + ", tau = " + tau + ")");
            Check.nonNegative("sigma", sigma);
            Check.positive("beta", beta);
            if (clamping == null) throw new IllegalArgumentException("clamping must not be null");
            clamping.probabilities(memories); // validates p against N_h
            Check.positive("recordEvery", recordEvery);
        }

        /**
         * 003 App. B: N_v = 50, N_h = 4, T = 2000, dt = 1, τ_Ξ = 250, σ = 0.4, β = 2, cyclic clamping; Hebb distances
         * every 10 steps (the similarities, the figure's curves, are recorded at every step regardless).
         */
        public static Options paper() {
            return new Options(50, 4, 2000, 1, 250, 0.4, 2, new Clamping.Cyclic(), 10);
        }

        /** The figure costs microseconds: quick = paper. */
        public static Options quick() {
            return paper();
        }

        public Options withVisible(int visible) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withMemories(int memories) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withDt(double dt) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withTau(double tau) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withSigma(double sigma) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withSteps(int steps) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withBeta(double beta) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withClamping(Clamping clamping) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        public Options withRecordEvery(int recordEvery) {
            return new Options(visible, memories, steps, dt, tau, sigma, beta, clamping, recordEvery);
        }

        /** p_μ of the schedule. */
        public double[] probabilities() {
            return clamping.probabilities(memories);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("visible", visible);
            m.put("memories", memories);
            m.put("steps", steps);
            m.put("dt", dt);
            m.put("tau", tau);
            m.put("sigma", sigma);
            m.put("beta", beta);
            m.put("clamping", clamping.toString());
            m.put("recordEvery", recordEvery);
            return m;
        }
    }

    /**
     * Initial memories Ξ⁰ and targets Ξ', both N_h × N_v row-major.
     *
     * @param initial Ξ⁰: orthogonal rows of squared norm N_v (003 Eq. 42)
     * @param targets Ξ' = Ξ⁰ + η, η_{μi} ~ N(0, σ²) (003 Eq. 41)
     */
    public record Patterns(int memories, int visible, double[] initial, double[] targets) {
        public Patterns {
            Check.positive("memories", memories);
            Check.positive("visible", visible);
            int size = Check.arraySize("memories × visible", memories, visible);
            Check.finite("initial", initial);
            Check.finite("targets", targets);
            Check.sameSize("initial.length", initial.length, "memories × visible", size);
            Check.sameSize("targets.length", targets.length, "memories × visible", size);
            initial = initial.clone();
            targets = targets.clone();
        }

        @Override
        public double[] initial() {
            return initial.clone();
        }

        @Override
        public double[] targets() {
            return targets.clone();
        }

        public double[][] initialRows() {
            return rows(initial, memories, visible);
        }

        public double[][] targetRows() {
            return rows(targets, memories, visible);
        }

        /** α_μ = cos(Ξ⁰_μ, ξ'_μ) (003 Eq. 37). */
        public double[] initialOverlaps() {
            double[] a = new double[memories];
            for (int m = 0; m < memories; m++) a[m] = cos(initial, targets, m * visible, visible);
            return a;
        }

        /** r_μ = |ξ'_μ| / |Ξ⁰_μ| (spec 003 §2.2). */
        public double[] normRatios() {
            double[] r = new double[memories];
            for (int m = 0; m < memories; m++)
                r[m] = Math.sqrt(dot(targets, m * visible, targets, m * visible, visible)
                        / dot(initial, m * visible, initial, m * visible, visible));
            return r;
        }
    }

    /**
     * Draw Ξ⁰ (modified Gram–Schmidt on N(0, 1) rows in row order, each row scaled to norm √N_v) and then
     * Ξ' = Ξ⁰ + σ N(0, 1) row by row, from one seeded stream (spec 003 §1.2).
     */
    public static Patterns patterns(int memories, int visible, double sigma, long seed) {
        Check.positive("memories", memories);
        Check.positive("visible", visible);
        if (memories > visible)
            throw new IllegalArgumentException("memories = " + memories + " exceed visible = " + visible);
        Check.nonNegative("sigma", sigma);
        Check.fitsInMemory("two memories × visible matrices",
                Check.product("memories × visible", Check.arraySize("memories × visible", memories, visible), 2L * Double.BYTES));
        SplittableRandom r = Rng.stream(seed, 0);
        double[] x = new double[memories * visible];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        gramSchmidtInPlace(x, memories, visible);
        double scale = Math.sqrt(visible);
        for (int m = 0; m < memories; m++) {
            double norm = Math.sqrt(dot(x, m * visible, x, m * visible, visible));
            for (int i = 0; i < visible; i++) x[m * visible + i] *= scale / norm;
        }
        double[] t = x.clone();
        for (int i = 0; i < t.length; i++) t[i] += sigma * r.nextGaussian();
        return new Patterns(memories, visible, x, t);
    }

    /** The per-step records of a run (similarities and presentation counts for steps 0..T) must fit in memory. */
    private static void checkRecords(Options o) {
        long perRow = Check.arraySize("steps + 1 records", o.steps() + 1L);
        Check.fitsInMemory("similarity and presentation records (memories × (steps + 1))",
                Check.product("records", o.memories(), perRow, Double.BYTES + Integer.BYTES));
    }

    /** Modified Gram–Schmidt on the rows (read and written), unit-norm output rows. */
    static void gramSchmidtInPlace(double[] x, int rows, int cols) {
        for (int m = 0; m < rows; m++) {
            for (int k = 0; k < m; k++) {
                double c = dot(x, m * cols, x, k * cols, cols);
                for (int i = 0; i < cols; i++) x[m * cols + i] -= c * x[k * cols + i];
            }
            double norm = Math.sqrt(dot(x, m * cols, x, m * cols, cols));
            if (!(norm > 1e-12)) throw new IllegalStateException("Gram–Schmidt: row " + m + " is linearly dependent");
            for (int i = 0; i < cols; i++) x[m * cols + i] /= norm;
        }
    }

    /**
     * Watches a run: called at step 0 and after every Euler step with the memories Ξ(t) as a row-major N_h × N_v
     * view that is valid only during the call (copy what you keep; do not write). Library code never prints.
     */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (step, memories) -> {};

        void onStep(int step, double[] memoriesView);
    }

    /** Run with patterns and schedule drawn from {@code seed} (patterns: stream 0; schedule: stream 1). */
    public static Run run(Options o, long seed) {
        return run(o, seed, Observer.NONE);
    }

    /** As {@link #run(Options, long)}, calling {@code observer} with Ξ(t) at every step. */
    public static Run run(Options o, long seed, Observer observer) {
        Check.notNull("o", o);
        checkRecords(o);
        Patterns p = patterns(o.memories(), o.visible(), o.sigma(), seed);
        int[] seq = o.clamping().sequence(o.memories(), o.steps(), Rng.stream(seed, 1));
        return run(o, p, seq, seed, observer);
    }

    /**
     * Ξ(t) at the recorded steps: memories[record] is N_h × N_v.
     *
     * @param steps    recorded steps, increasing
     * @param memories Ξ at each recorded step, [record][μ][i]
     */
    public record Trajectory(int[] steps, double[][][] memories) {
        public Trajectory {
            Check.notNull("steps", steps);
            Check.notNull("memories", memories);
            Check.sameSize("memories.length", memories.length, "steps.length", steps.length);
        }

        /** Times t = step · dt of the records. */
        public double[] times(double dt) {
            double[] t = new double[steps.length];
            for (int k = 0; k < t.length; k++) t[k] = steps[k] * dt;
            return t;
        }

        /** Ξ at a recorded step (a copy); IllegalArgumentException naming the recorded steps if it was not recorded. */
        public double[][] at(int step) {
            int k = java.util.Arrays.binarySearch(steps, step);
            if (k < 0) throw new IllegalArgumentException("step " + step + " was not recorded (recorded: "
                    + (steps.length <= 8 ? java.util.Arrays.toString(steps) : steps[0] + ", " + steps[1] + ", …, " + steps[steps.length - 1]) + ")");
            double[][] out = new double[memories[k].length][];
            for (int m = 0; m < out.length; m++) out[m] = memories[k][m].clone();
            return out;
        }
    }

    /**
     * An {@link Observer} that keeps Ξ(t) every {@code every} steps and at the last step: pass it to
     * {@link #run(Options, long, Observer)} and read {@link #trajectory()} beside the {@link Run}. Copies N_h × N_v
     * values per record and nothing on the other steps.
     */
    public static final class Recorder implements Observer {
        private final int every, last, memories, visible;
        private final java.util.List<Integer> steps = new java.util.ArrayList<>();
        private final java.util.List<double[][]> states = new java.util.ArrayList<>();

        /** Records for a run with options {@code o}: steps 0, every, 2·every, … and T. */
        public Recorder(Options o, int every) {
            Check.notNull("o", o);
            Check.positive("every", every);
            int records = o.steps() / every + (o.steps() % every == 0 ? 1 : 2);
            Check.fitsInMemory("trajectory (records × memories × visible)",
                    Check.product("trajectory", records, (long) o.memories() * o.visible(), Double.BYTES));
            this.every = every;
            this.last = o.steps();
            this.memories = o.memories();
            this.visible = o.visible();
        }

        @Override
        public void onStep(int step, double[] memoriesView) {
            if (step % every != 0 && step != last) return;
            steps.add(step);
            states.add(org.hopscape.hopfield.DenseClassifier.unflatten(memoriesView, memories, visible));
        }

        /** The records so far. */
        public Trajectory trajectory() {
            return new Trajectory(steps.stream().mapToInt(Integer::intValue).toArray(), states.toArray(new double[0][][]));
        }
    }

    /** The recorded trajectory: Ξ(t) every {@code every} steps and at the last step (a {@link Recorder}). */
    public static Trajectory trajectory(Options o, long seed, int every) {
        Recorder r = new Recorder(o, every);
        run(o, seed, r);
        return r.trajectory();
    }

    /**
     * Run from given patterns and clamping sequence (one pattern index per step).
     *
     * @param seed only recorded in the result
     */
    public static Run run(Options o, Patterns patterns, int[] sequence, long seed) {
        return run(o, patterns, sequence, seed, Observer.NONE);
    }

    /** As {@link #run(Options, Patterns, int[], long)}, calling {@code observer} with Ξ(t) at every step. */
    public static Run run(Options o, Patterns patterns, int[] sequence, long seed, Observer observer) {
        Check.notNull("o", o);
        Check.notNull("observer", observer);
        Check.notNull("patterns", patterns);
        Check.notNull("sequence", sequence);
        checkRecords(o);
        int nh = o.memories(), nv = o.visible(), steps = o.steps();
        Check.sameSize("patterns.memories", patterns.memories(), "memories", nh);
        Check.sameSize("patterns.visible", patterns.visible(), "visible", nv);
        Check.sameSize("sequence.length", sequence.length, "steps", steps);
        double[] targets = patterns.targets;
        double[] xi = patterns.initial.clone();
        double[] w = new double[nh];
        double[] p = o.probabilities();
        double[] targetNorms = new double[nh];
        for (int m = 0; m < nh; m++) targetNorms[m] = Math.sqrt(dot(targets, m * nv, targets, m * nv, nv));

        double[][] sim = new double[nh][steps + 1];
        int[][] shown = new int[nh][steps + 1];
        int records = steps / o.recordEvery() + (steps % o.recordEvery() == 0 ? 1 : 2);
        int[] recordSteps = new int[records];
        double[] hebbDist = new double[records];
        double[] generalisedDist = new double[records];
        double[] hebb = gram(targets, nh, nv, null);
        double[] generalised = gram(targets, nh, nv, scaled(p, nh));
        double hebbNorm = norm(hebb), generalisedNorm = norm(generalised);
        double[] columns = new double[nv * nh], distances = new double[2];
        int rec = 0;
        double maxOff = 0;
        double rate = o.dt() / o.tau();
        for (int t = 0; ; t++) {
            observer.onStep(t, xi);
            for (int m = 0; m < nh; m++)
                sim[m][t] = dot(xi, m * nv, targets, m * nv, nv)
                        / (Math.sqrt(dot(xi, m * nv, xi, m * nv, nv)) * targetNorms[m]);
            if (t % o.recordEvery() == 0 || t == steps) {
                gramDistances(xi, nh, nv, hebb, generalised, columns, distances);
                recordSteps[rec] = t;
                hebbDist[rec] = distances[0] / hebbNorm;
                generalisedDist[rec] = distances[1] / generalisedNorm;
                rec++;
            }
            if (t == steps) break;
            Interrupts.checkEvery(t, 255, "softmax synapses");
            int mu = sequence[t];
            if (mu < 0 || mu >= nh)
                throw new IllegalArgumentException("sequence[" + t + "] must be in [0, " + (nh - 1) + "] (got " + mu + ")");
            stepInPlace(xi, null, targets, mu * nv, nh, nv, o.beta(), rate, w);
            for (int m = 0; m < nh; m++) {
                shown[m][t + 1] = shown[m][t] + (m == mu ? 1 : 0);
                if (m != mu) maxOff = Math.max(maxOff, w[m]);
            }
        }
        return new Run(o, seed, patterns, sequence.clone(), sim, shown, recordSteps, hebbDist, generalisedDist,
                maxOff, xi);
    }

    /**
     * One Euler step of 003 Eq. 12–14 in place: w = softmax(β Ξ v),
     * Ξ_μ ← Ξ_μ + rate · w_μ (v − Ξ_μ + Λ_μ) with rate = dt/τ_Ξ, all rows from the pre-step Ξ.
     *
     * @param xi      Ξ, N_h × N_v row-major (read and written)
     * @param bias    Λ, same shape (read), or null for Λ = 0
     * @param v       array holding the visible state (read), starting at {@code vOffset}; must not alias xi
     * @param weights softmax weights w (written), length N_h
     */
    public static void stepInPlace(double[] xi, double[] bias, double[] v, int vOffset, int nh, int nv, double beta,
                                   double rate, double[] weights) {
        if (v == xi) throw new IllegalArgumentException("v must not alias xi");
        if (bias != null) Check.sameSize("bias.length", bias.length, "xi.length", xi.length);
        softmaxWeights(xi, v, vOffset, nh, nv, beta, weights);
        for (int m = 0; m < nh; m++) {
            double c = rate * weights[m];
            if (c == 0) continue;
            int row = m * nv;
            // 003 Eq. 14: τ_Ξ dΞ_μi/dt = w_μ (−Ξ_μi + Λ_μi + v_i)
            if (bias == null) for (int i = 0; i < nv; i++) xi[row + i] += c * (v[vOffset + i] - xi[row + i]);
            else for (int i = 0; i < nv; i++) xi[row + i] += c * (v[vOffset + i] - xi[row + i] + bias[row + i]);
        }
    }

    /** 003 Eq. 13: w_μ = exp(β S_μ) / Σ_ν exp(β S_ν), S = Ξ v (raw overlaps), computed with max S subtracted. */
    public static void softmaxWeights(double[] xi, double[] v, int vOffset, int nh, int nv, double beta, double[] out) {
        Check.positive("nh", nh);
        Check.positive("nv", nv);
        Check.notNull("xi", xi);
        Check.notNull("v", v);
        Check.notNull("out", out);
        if (xi.length < (long) nh * nv)
            throw new IllegalArgumentException("xi must hold nh × nv = " + (long) nh * nv + " values (got " + xi.length + ")");
        if (vOffset < 0 || (long) vOffset + nv > v.length)
            throw new IllegalArgumentException("v must hold nv = " + nv + " values from vOffset = " + vOffset + " (got length "
                    + v.length + ")");
        if (out.length < nh) throw new IllegalArgumentException("out must hold nh = " + nh + " weights (got " + out.length + ")");
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < nh; m++) {
            out[m] = dot(xi, m * nv, v, vOffset, nv);
            max = Math.max(max, out[m]);
        }
        double sum = 0;
        for (int m = 0; m < nh; m++) {
            out[m] = Math.exp(beta * (out[m] - max));
            sum += out[m];
        }
        for (int m = 0; m < nh; m++) out[m] /= sum;
    }

    /**
     * One run: cosine similarities over time, presentation counts, Hebb distances, final memories.
     *
     * @param similarity          sim_μ(t) = cos(Ξ_μ(t), ξ'_μ) (003 Eq. 36), [μ][step], steps 0..T (step 0 = Ξ⁰)
     * @param presentations       n_μ(t): times row μ was shown in steps 0..t−1, [μ][step]
     * @param recordSteps         steps at which the Hebb distances were recorded
     * @param hebbDistance        ‖ΞᵀΞ − Ξ'ᵀΞ'‖_F / ‖Ξ'ᵀΞ'‖_F (Eq. 25 limit)
     * @param generalisedDistance ‖ΞᵀΞ − N_h Ξ'ᵀdiag(p)Ξ'‖_F / ‖N_h Ξ'ᵀdiag(p)Ξ'‖_F (Eq. 23 fixed point)
     * @param maxOffWeight        largest softmax weight of a row other than the shown one, over the run
     * @param finalMemories       Ξ(T), row-major
     */
    public record Run(Options options, long seed, Patterns patterns, int[] sequence, double[][] similarity,
                      int[][] presentations, int[] recordSteps, double[] hebbDistance, double[] generalisedDistance,
                      double maxOffWeight, double[] finalMemories) {

        /** Times t = step · dt, steps 0..T. */
        public double[] times() {
            double[] t = new double[options.steps() + 1];
            for (int i = 0; i < t.length; i++) t[i] = i * options.dt();
            return t;
        }

        /** τ_μ = τ_Ξ / p_μ (003 Eq. 35). */
        public double[] timeScales() {
            double[] p = options.probabilities();
            double[] tau = new double[p.length];
            for (int m = 0; m < p.length; m++) tau[m] = options.tau() / p[m];
            return tau;
        }

        /** 003 Eq. 40 with the run's own α_μ and τ_μ = τ_Ξ/p_μ, [μ][step]. */
        public double[][] eq40() {
            double[] alpha = patterns.initialOverlaps(), tau = timeScales(), t = times();
            double[][] out = new double[alpha.length][t.length];
            for (int m = 0; m < alpha.length; m++)
                for (int k = 0; k < t.length; k++) out[m][k] = MemoryConvergence.eq40AtTime(alpha[m], t[k], tau[m]);
            return out;
        }

        /** Spec 003 §2.2: exact cosine with the measured norm ratio r_μ and a = e^{−t/τ_μ}, [μ][step]. */
        public double[][] exactContinuous() {
            double[] alpha = patterns.initialOverlaps(), r = patterns.normRatios(), tau = timeScales(), t = times();
            double[][] out = new double[alpha.length][t.length];
            for (int m = 0; m < alpha.length; m++)
                for (int k = 0; k < t.length; k++)
                    out[m][k] = MemoryConvergence.cosine(alpha[m], r[m], MemoryConvergence.decay(t[k], tau[m]));
            return out;
        }

        /** Spec 003 §2.3: exact cosine with a = (1 − dt/τ_Ξ)^{n_μ(t)}; equals the run for one-hot weights. */
        public double[][] exactDiscrete() {
            double[] alpha = patterns.initialOverlaps(), r = patterns.normRatios();
            double[][] out = new double[alpha.length][options.steps() + 1];
            for (int m = 0; m < alpha.length; m++)
                for (int k = 0; k <= options.steps(); k++)
                    out[m][k] = MemoryConvergence.cosine(alpha[m], r[m],
                            MemoryConvergence.discreteDecay(presentations[m][k], options.dt(), options.tau()));
            return out;
        }

        /** max over μ and steps of |similarity − prediction|. */
        public double maxDeviation(double[][] prediction) {
            double d = 0;
            for (int m = 0; m < similarity.length; m++)
                for (int k = 0; k < similarity[m].length; k++)
                    d = Math.max(d, Math.abs(similarity[m][k] - prediction[m][k]));
            return d;
        }

        /** Smallest increment sim_μ(t+1) − sim_μ(t) over μ and t (≥ 0 means monotone). */
        public double minIncrement() {
            double d = Double.POSITIVE_INFINITY;
            for (double[] s : similarity)
                for (int k = 1; k < s.length; k++) d = Math.min(d, s[k] - s[k - 1]);
            return d;
        }

        /** sim_μ(T) per row. */
        public double[] finalSimilarity() {
            double[] f = new double[similarity.length];
            for (int m = 0; m < f.length; m++) f[m] = similarity[m][similarity[m].length - 1];
            return f;
        }

        /**
         * Relative Frobenius error of Eq. 24 against the simulated ΞᵀΞ at the final step:
         * ΣΣ y_μ y_μᵀ with y_μ = a_μ Ξ⁰_μ + (1 − a_μ) ξ'_μ.
         *
         * @param discrete a_μ = (1 − dt/τ_Ξ)^{n_μ(T)} if true, else e^{−T p_μ dt/τ_Ξ}
         */
        public double eq24Error(boolean discrete) {
            int nh = options.memories(), nv = options.visible(), steps = options.steps();
            double[] tau = timeScales();
            double[] a = new double[nh];
            for (int m = 0; m < nh; m++)
                a[m] = discrete ? MemoryConvergence.discreteDecay(presentations[m][steps], options.dt(), options.tau())
                        : MemoryConvergence.decay(steps * options.dt(), tau[m]);
            double[][] predicted = HebbianRecovery.eq24(patterns.initialRows(), patterns.targetRows(), a);
            double[][] simulated = HebbianRecovery.gram(rows(finalMemories, nh, nv));
            return HebbianRecovery.relativeDistance(simulated, predicted);
        }

        /** Hebb distance at the last step. */
        public double finalHebbDistance() {
            return hebbDistance[hebbDistance.length - 1];
        }

        public double finalGeneralisedDistance() {
            return generalisedDistance[generalisedDistance.length - 1];
        }

        /**
         * Eq. 24 with a_μ = e^{−t/τ_μ}: its relative Frobenius distance to Ξ'ᵀΞ' at each recorded step
         * (the prediction of {@link #hebbDistance()}).
         */
        public double[] eq24HebbDistance() {
            int nh = options.memories();
            double[][] x0 = patterns.initialRows(), xp = patterns.targetRows();
            double[][] hebb = HebbianRecovery.gram(xp);
            double[] tau = timeScales(), out = new double[recordSteps.length];
            double[] a = new double[nh];
            for (int k = 0; k < recordSteps.length; k++) {
                for (int m = 0; m < nh; m++) a[m] = MemoryConvergence.decay(recordSteps[k] * options.dt(), tau[m]);
                out[k] = HebbianRecovery.relativeDistance(HebbianRecovery.eq24(x0, xp, a), hebb);
            }
            return out;
        }

        /** Per memory: α_μ, r_μ, τ_μ, sim_μ(T), Eq. 40 at T, max deviations from Eq. 40, §2.2 and §2.3. */
        public tech.tablesaw.api.Table summaryTable() {
            double[] alpha = patterns.initialOverlaps(), r = patterns.normRatios(), tau = timeScales(),
                    fin = finalSimilarity();
            double[][] e40 = eq40(), ec = exactContinuous(), ed = exactDiscrete();
            var mc = tech.tablesaw.api.IntColumn.create("memory");
            var cols = new tech.tablesaw.api.DoubleColumn[] {
                    tech.tablesaw.api.DoubleColumn.create("alpha_mu (Eq. 37)"),
                    tech.tablesaw.api.DoubleColumn.create("r_mu = |xi'|/|Xi0|"),
                    tech.tablesaw.api.DoubleColumn.create("tau_mu (Eq. 35)"),
                    tech.tablesaw.api.DoubleColumn.create("sim(T)"),
                    tech.tablesaw.api.DoubleColumn.create("Eq. 40 at T"),
                    tech.tablesaw.api.DoubleColumn.create("max |sim - Eq. 40|"),
                    tech.tablesaw.api.DoubleColumn.create("max |sim - exact cont.|"),
                    tech.tablesaw.api.DoubleColumn.create("max |sim - exact discrete|")};
            int last = options.steps();
            for (int m = 0; m < alpha.length; m++) {
                mc.append(m + 1);
                double[] row = {alpha[m], r[m], tau[m], fin[m], e40[m][last], maxAbs(similarity[m], e40[m]),
                        maxAbs(similarity[m], ec[m]), maxAbs(similarity[m], ed[m])};
                for (int c = 0; c < cols.length; c++) cols[c].append(row[c]);
            }
            var t = tech.tablesaw.api.Table.create("Memories, " + options.clamping() + " clamping, seed " + seed, mc);
            t.addColumns(cols);
            return t;
        }

        /** Long table: t, memory, similarity, eq40. */
        public tech.tablesaw.api.Table toTable() {
            double[][] eq = eq40();
            double[] t = times();
            var tc = tech.tablesaw.api.DoubleColumn.create("t");
            var mc = tech.tablesaw.api.IntColumn.create("memory");
            var sc = tech.tablesaw.api.DoubleColumn.create("similarity");
            var ec = tech.tablesaw.api.DoubleColumn.create("eq40");
            for (int m = 0; m < similarity.length; m++)
                for (int k = 0; k < t.length; k++) {
                    tc.append(t[k]);
                    mc.append(m + 1);
                    sc.append(similarity[m][k]);
                    ec.append(eq[m][k]);
                }
            return tech.tablesaw.api.Table.create("softmax synapses " + options.clamping(), tc, mc, sc, ec);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "SoftmaxSynapses.Run[%s, seed %d, alpha %s, final %s, max|sim−Eq.40| %.2e, max off weight %.1e]",
                    options.clamping(), seed, java.util.Arrays.toString(round(patterns.initialOverlaps())),
                    java.util.Arrays.toString(round(finalSimilarity())), maxDeviation(eq40()), maxOffWeight);
        }

        private static double[] round(double[] x) {
            double[] r = new double[x.length];
            for (int i = 0; i < x.length; i++) r[i] = Math.round(x[i] * 1e5) / 1e5;
            return r;
        }
    }

    // ---- small dense helpers (row-major) ----

    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    static double cos(double[] a, double[] b, int off, int n) {
        return dot(a, off, b, off, n) / Math.sqrt(dot(a, off, a, off, n) * dot(b, off, b, off, n));
    }

    static double[][] rows(double[] x, int r, int c) {
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(x, i * c, out[i], 0, c);
        return out;
    }

    /** N_h p_μ, the row weights of the generalised Hebb matrix (Eq. 23). */
    private static double[] scaled(double[] p, int nh) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) s[i] = nh * p[i];
        return s;
    }

    /** Σ_μ c_μ x_μ x_μᵀ (c = 1 if null), N_v × N_v row-major. */
    static double[] gram(double[] x, int nh, int nv, double[] c) {
        double[] g = new double[nv * nv];
        for (int m = 0; m < nh; m++) {
            double cm = c == null ? 1 : c[m];
            for (int i = 0; i < nv; i++) {
                double xi = cm * x[m * nv + i];
                for (int j = 0; j < nv; j++) g[i * nv + j] += xi * x[m * nv + j];
            }
        }
        return g;
    }

    /**
     * ‖XᵀX − A‖_F and ‖XᵀX − B‖_F for symmetric N_v × N_v matrices A, B (read), X = Ξ N_h × N_v row-major (read),
     * from the upper triangle of XᵀX without forming it: N_h N_v²/2 multiply-adds, no N_v × N_v array.
     *
     * @param columns scratch of N_v · N_h values (written: Xᵀ row-major, so each entry's sum over μ is contiguous)
     * @param out     the two distances (written)
     */
    static void gramDistances(double[] x, int nh, int nv, double[] a, double[] b, double[] columns, double[] out) {
        for (int m = 0; m < nh; m++) for (int i = 0; i < nv; i++) columns[i * nh + m] = x[m * nv + i];
        double sa = 0, sb = 0;
        for (int i = 0; i < nv; i++) {
            int ci = i * nh;
            for (int j = i; j < nv; j++) {
                int cj = j * nh;
                double g = 0;
                for (int m = 0; m < nh; m++) g += columns[ci + m] * columns[cj + m];
                double da = g - a[i * nv + j], db = g - b[i * nv + j], f = i == j ? 1 : 2;
                sa += f * da * da;
                sb += f * db * db;
            }
        }
        out[0] = Math.sqrt(sa);
        out[1] = Math.sqrt(sb);
    }

    /** Reference for {@link #gramDistances}: the full XᵀX (N_v × N_v, written into g). */
    static void gramInto(double[] x, int nh, int nv, double[] g) {
        java.util.Arrays.fill(g, 0);
        for (int m = 0; m < nh; m++)
            for (int i = 0; i < nv; i++) {
                double xi = x[m * nv + i];
                for (int j = 0; j < nv; j++) g[i * nv + j] += xi * x[m * nv + j];
            }
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, 0, a, 0, a.length));
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};

    static double maxAbs(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    /** Values below 1e-16 drawn at 1e-16 on log axes. */
    private static double[] floor(double[] x) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] = Math.max(y[i], 1e-16);
        return y;
    }

    /**
     * Robustness of Eq. 40 to β (spec 003 §6.1 check 7): for each β, the max deviation |sim − Eq. 40| of
     * {@code seeds} runs (seeds 1..seeds).
     *
     * @param deviations [β index][seed index]
     */
    public record BetaSweep(Options options, double[] betas, double[][] deviations) {
        public double mean(int b) {
            double s = 0;
            for (double d : deviations[b]) s += d;
            return s / deviations[b].length;
        }

        public double max(int b) {
            double s = 0;
            for (double d : deviations[b]) s = Math.max(s, d);
            return s;
        }

        /** Largest deviation over all seeds and all β ≥ {@code minBeta}. */
        public double maxAbove(double minBeta) {
            double s = 0;
            for (int b = 0; b < betas.length; b++) if (betas[b] >= minBeta) s = Math.max(s, max(b));
            return s;
        }

        /** Smallest seed-mean deviation over β ≤ {@code maxBeta}. */
        public double minMeanBelow(double maxBeta) {
            double s = Double.POSITIVE_INFINITY;
            for (int b = 0; b < betas.length; b++) if (betas[b] <= maxBeta) s = Math.min(s, mean(b));
            return s;
        }

        public tech.tablesaw.api.Table toTable() {
            var bc = tech.tablesaw.api.DoubleColumn.create("beta");
            var be = tech.tablesaw.api.DoubleColumn.create("beta * N_v");
            var mc = tech.tablesaw.api.DoubleColumn.create("mean max|sim - Eq. 40|");
            var xc = tech.tablesaw.api.DoubleColumn.create("max over seeds");
            for (int b = 0; b < betas.length; b++) {
                bc.append(betas[b]);
                be.append(betas[b] * options.visible());
                mc.append(mean(b));
                xc.append(max(b));
            }
            return tech.tablesaw.api.Table.create("Eq. 40 vs beta, " + deviations[0].length + " seeds", bc, be, mc, xc);
        }
    }

    /** Run {@code seeds} seeds (1..seeds) at each β and record max |sim − Eq. 40|. */
    public static BetaSweep betaSweep(Options o, double[] betas, int seeds) {
        Check.notNull("o", o);
        Check.positive("seeds", seeds);
        Check.nonEmpty("betas", betas);
        for (int b = 0; b < betas.length; b++) Check.positive("betas[" + b + "]", betas[b]);
        Options light = o.withRecordEvery(o.steps()); // Hebb distances are not needed here
        double[][] dev = new double[betas.length][seeds];
        for (int b = 0; b < betas.length; b++)
            for (int s = 0; s < seeds; s++) {
                Run r = run(light.withBeta(betas[b]), s + 1);
                dev[b][s] = r.maxDeviation(r.eq40());
            }
        return new BetaSweep(o, betas.clone(), dev);
    }
}
