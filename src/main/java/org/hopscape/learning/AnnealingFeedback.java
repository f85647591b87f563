package org.hopscape.learning;

import org.hopscape.util.RecordMaps;
import org.hopscape.util.Check;
import org.hopscape.util.Progress;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proportional feedback control of the enhancer weights w (002 App. F.3 Eq. 36): after each round of n freshly
 * annealed cells with fate fractions ρ, err = 1 − Kρ and w ← w + G_p err. The paper runs 100 rounds at
 * G_p = 0.1, then 100 at 0.01, then 100 at 0.001, with 1000 cells per round. Σ err = 0, so Σ w stays 0 from
 * w = 0. Round r draws its cells from {@code Rng.stream(seed, r)}.
 */
public final class AnnealingFeedback {
    private AnnealingFeedback() {}

    /**
     * @param cellsPerRound n (paper 1000)
     * @param gains         G_p per stage (paper 0.1, 0.01, 0.001)
     * @param rounds        rounds per stage (paper 100, 100, 100)
     * @param progress      listener (rounds)
     */
    public record Options(int cellsPerRound, double[] gains, int[] rounds, Progress progress) {
        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            Check.positive("cellsPerRound", cellsPerRound);
            if (gains == null || rounds == null || gains.length == 0)
                throw new IllegalArgumentException("gains and rounds must be non-empty");
            Check.sameSize("rounds.length", rounds.length, "gains.length", gains.length);
            for (double g : gains) Check.positive("gain", g);
            for (int r : rounds) Check.nonNegative("rounds", r);
            gains = gains.clone();
            rounds = rounds.clone();
            if (progress == null) progress = Progress.NONE;
        }

        /** 002 App. F.3: 1000 cells, 100 × 0.1, 100 × 0.01, 100 × 0.001. */
        public static Options paper() {
            return new Options(1000, new double[] {0.1, 0.01, 0.001}, new int[] {100, 100, 100}, Progress.NONE);
        }

        /** Spec 002 §3 quick setting: 200 cells, 20 × 0.1, 10 × 0.01, 5 × 0.001. */
        public static Options quick() {
            return new Options(200, new double[] {0.1, 0.01, 0.001}, new int[] {20, 10, 5}, Progress.NONE);
        }

        public Options withProgress(Progress progress) {
            return new Options(cellsPerRound, gains, rounds, progress);
        }

        public int totalRounds() {
            return Arrays.stream(rounds).sum();
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cellsPerRound", cellsPerRound);
            m.put("gains", Arrays.toString(gains));
            m.put("rounds", Arrays.toString(rounds));
            return m;
        }

        public Options withCellsPerRound(int cellsPerRound) {
            return new Options(cellsPerRound, gains, rounds, progress);
        }

        public Options withGains(double... gains) {
            return new Options(cellsPerRound, gains, rounds, progress);
        }

        public Options withRounds(int... rounds) {
            return new Options(cellsPerRound, gains, rounds, progress);
        }
    }

    /**
     * @param weights  w after the last round (w_bal)
     * @param history  w before each round and after the last: [round + 1][K]
     * @param fractions ρ of each round: [round][K]
     */
    public record Result(double[] weights, double[][] history, double[][] fractions, List<String> names) {
        public double weightSum() { return Arrays.stream(weights).sum(); }

        /** Name of the lineage with the largest weight. */
        public String largestWeight() {
            int best = 0;
            for (int i = 1; i < weights.length; i++) if (weights[i] > weights[best]) best = i;
            return names.get(best);
        }

        /** One row per round: round, gain stage, w_i and ρ_i per lineage. */
        public Table toTable() {
            Table t = Table.create("feedback history");
            IntColumn round = IntColumn.create("round");
            for (int i = 0; i < fractions.length; i++) round.append(i);
            t.addColumns(round);
            for (int i = 0; i < weights.length; i++) {
                DoubleColumn w = DoubleColumn.create("w " + names.get(i));
                DoubleColumn rho = DoubleColumn.create("rho " + names.get(i));
                for (int r = 0; r < fractions.length; r++) { w.append(history[r][i]); rho.append(fractions[r][i]); }
                t.addColumns(w, rho);
            }
            return t;
        }
    }

    /** Run the feedback loop from w = w0. */
    public static Result balance(Annealing annealing, double[] w0, Options options, long seed, List<String> names) {
        Check.notNull("annealing", annealing);
        Check.notNull("options", options);
        Check.notNull("names", names);
        int k = annealing.patterns();
        Check.vector("w0", w0, "K (patterns)", k);
        Check.sameSize("names", names.size(), "K", k);
        int total = options.totalRounds();
        double[] w = w0.clone();
        double[][] history = new double[total + 1][];
        double[][] fractions = new double[total][];
        int round = 0;
        for (int stage = 0; stage < options.gains().length; stage++) {
            double gain = options.gains()[stage];
            for (int it = 0; it < options.rounds()[stage]; it++, round++) {
                history[round] = w.clone();
                long roundSeed = Rng.stream(seed, round).nextLong();
                double[] rho = annealing.run(w, options.cellsPerRound(), roundSeed, Annealing.Recording.NONE).fractions();
                fractions[round] = rho;
                // 002 Eq. 36: err = 1 − Kρ; w ← w + G_p err
                for (int i = 0; i < k; i++) w[i] += gain * (1 - k * rho[i]);
                options.progress().report("feedback rounds", round + 1, total);
            }
        }
        history[total] = w.clone();
        return new Result(w, history, fractions, List.copyOf(names));
    }
}
