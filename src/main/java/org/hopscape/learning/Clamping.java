package org.hopscape.learning;

import org.hopscape.util.Check;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which target pattern the visible neurons are clamped to at each step of the synaptic dynamics (003 §4).
 * Both schedules show pattern μ with long-run frequency p_μ.
 */
public sealed interface Clamping {

    /** The probabilities p_μ (long-run frequencies), one per memory. */
    double[] probabilities(int memories);

    /**
     * The pattern index shown at each step 0..steps−1 (written into a new array).
     *
     * @param rng stream for the random schedule; ignored by {@link Cyclic}
     */
    int[] sequence(int memories, int steps, SplittableRandom rng);

    /**
     * The schedule a {@code toString()} names: {@code cyclic}, {@code iid(uniform)} or {@code iid[p_1, p_2, …]}
     * (inverse of {@code toString}, for options read back from provenance).
     */
    static Clamping parse(String text) {
        Check.notNull("clamping", text);
        String t = text.trim();
        if (t.equals("cyclic")) return new Cyclic();
        if (t.equals("iid(uniform)")) return Iid.uniform();
        if (t.startsWith("iid[") && t.endsWith("]")) {
            String[] parts = t.substring(4, t.length() - 1).split("\\s*,\\s*");
            double[] p = new double[parts.length];
            try {
                for (int i = 0; i < p.length; i++) p[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("clamping must be cyclic, iid(uniform) or iid[p, …] (got '" + text + "')");
            }
            return new Iid(p);
        }
        throw new IllegalArgumentException("clamping must be cyclic, iid(uniform) or iid[p, …] (got '" + text + "')");
    }

    /** Round robin t mod N_h: the author's code for App. B Fig. 1 (spec 003 §1.3, §7 item 1). */
    record Cyclic() implements Clamping {
        @Override
        public double[] probabilities(int memories) {
            Check.positive("memories", memories);
            double[] p = new double[memories];
            Arrays.fill(p, 1.0 / memories);
            return p;
        }

        @Override
        public int[] sequence(int memories, int steps, SplittableRandom rng) {
            Check.positive("memories", memories);
            Check.nonNegative("steps", steps);
            int[] s = new int[steps];
            for (int t = 0; t < steps; t++) s[t] = t % memories;
            return s;
        }

        @Override
        public String toString() {
            return "cyclic";
        }
    }

    /**
     * Independent clamping events, v(t) = ξ'_μ with probability p_μ (003 §4 items 1–2).
     *
     * @param p probabilities, p_μ ≥ 0 and Σ p_μ = 1 (to 1e-9); null means uniform 1/N_h
     */
    record Iid(double[] p) implements Clamping {
        public Iid {
            if (p != null) {
                double sum = 0;
                for (int i = 0; i < p.length; i++) sum += Check.nonNegative("p[" + i + "]", p[i]);
                if (p.length == 0 || Math.abs(sum - 1) > 1e-9)
                    throw new IllegalArgumentException("p must sum to 1 (got " + sum + ")");
                p = p.clone();
            }
        }

        /** Uniform p_μ = 1/N_h. */
        public static Iid uniform() {
            return new Iid(null);
        }

        @Override
        public double[] p() {
            return p == null ? null : p.clone();
        }

        @Override
        public double[] probabilities(int memories) {
            Check.positive("memories", memories);
            if (p == null) return new Cyclic().probabilities(memories);
            Check.sameSize("p.length", p.length, "memories", memories);
            return p.clone();
        }

        @Override
        public int[] sequence(int memories, int steps, SplittableRandom rng) {
            Check.positive("memories", memories);
            Check.nonNegative("steps", steps);
            Check.notNull("rng", rng);
            double[] cum = probabilities(memories);
            for (int i = 1; i < cum.length; i++) cum[i] += cum[i - 1];
            int[] s = new int[steps];
            for (int t = 0; t < steps; t++) {
                double u = rng.nextDouble() * cum[cum.length - 1];
                int k = 0;
                while (k < cum.length - 1 && u >= cum[k]) k++;
                s[t] = k;
            }
            return s;
        }

        @Override
        public String toString() {
            return p == null ? "iid(uniform)" : "iid" + Arrays.toString(p);
        }
    }
}
