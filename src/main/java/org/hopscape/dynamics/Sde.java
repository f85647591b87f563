package org.hopscape.dynamics;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;
import org.hopscape.util.Parallel;
import org.hopscape.util.Rng;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random perturbations of a gradient flow (004 Eq. 1.2.5): dx = X(x) dt + ε dW, by Euler–Maruyama
 * x_{k+1} = x_k + X(x_k)Δt + ε√Δt ξ_k, ξ_k ~ N(0, I). The noise is isotropic (σ = I) also for systems with a
 * metric (spec 004 §1.6: every SDE panel uses G = I). Path k draws from {@code Rng.stream(seed, k)}, so results do
 * not depend on the number of threads. Paths run on {@link Parallel#defaultThreads()} workers and stop with
 * {@link org.hopscape.util.Interrupted} when the calling thread is interrupted.
 */
public final class Sde {
    private Sde() {}

    /**
     * @param epsilon   noise level ε (0 = the deterministic flow, integrated by the same Euler scheme)
     * @param dt        step Δt (spec: 1e-3)
     * @param time      horizon T
     * @param keepEvery record every k-th step of each path (0: end points only)
     */
    public record Options(double epsilon, double dt, double time, int keepEvery) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper(1)}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper(1));
        }

        public Options {
            Check.nonNegative("epsilon", epsilon);
            Check.positive("dt", dt);
            Check.positive("time", time);
            Check.steps("time", time, "dt", dt);
            Check.nonNegative("keepEvery", keepEvery);
        }

        /** Euler–Maruyama steps round(time/dt) of each path. */
        public int steps() {
            return (int) Math.rint(time / dt);
        }

        /** Spec 004 Fig. 1: Δt = 1e-3, T = 10, a point every 10 steps. */
        public static Options paper(double epsilon) {
            return new Options(epsilon, 1e-3, 10, 10);
        }

        public Options withEpsilon(double epsilon) {
            return new Options(epsilon, dt, time, keepEvery);
        }

        public Options withDt(double dt) {
            return new Options(epsilon, dt, time, keepEvery);
        }

        public Options withTime(double time) {
            return new Options(epsilon, dt, time, keepEvery);
        }

        public Options withKeepEvery(int keepEvery) {
            return new Options(epsilon, dt, time, keepEvery);
        }
    }

    /** One Euler–Maruyama path per start (no starts: no paths). */
    public static List<Ode.Orbit> paths(GradientSystem system, double[][] starts, Options o, long seed) {
        Check.notNull("system", system);
        Check.notNull("o", o);
        Check.notNull("starts", starts);
        if (starts.length == 0) return List.of();
        Check.rows("starts", starts, "system.dimension()", system.dimension());
        long kept = o.keepEvery() > 0 ? o.steps() / o.keepEvery() + 2 : 2;
        Check.fitsInMemory("recorded path points (starts × (time/dt/keepEvery + 2))",
                Check.product("recorded path points", starts.length, kept, 8L * starts[0].length + 48));
        Ode.Orbit[] out = new Ode.Orbit[starts.length];
        Parallel.forEach("SDE paths", starts.length, Parallel.defaultThreads(),
                k -> out[k] = path(system, starts[k], o, Rng.stream(seed, k)));
        return List.of(out);
    }

    static Ode.Orbit path(GradientSystem system, double[] start, Options o, SplittableRandom rng) {
        int n = start.length, steps = o.steps();
        double[] x = start.clone(), v = new double[n];
        double sd = o.epsilon() * Math.sqrt(o.dt());
        List<double[]> path = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        path.add(x.clone());
        times.add(0.0);
        for (int s = 1; s <= steps; s++) {
            Interrupts.checkEvery(s, 1023, "SDE paths");
            system.velocity(x, v);
            // 004 Eq. 1.2.5, Euler–Maruyama
            for (int i = 0; i < n; i++) x[i] += v[i] * o.dt() + (sd > 0 ? sd * rng.nextGaussian() : 0);
            if ((o.keepEvery() > 0 && s % o.keepEvery() == 0) || s == steps) {
                path.add(x.clone());
                times.add(s * o.dt());
            }
        }
        double[] ts = times.stream().mapToDouble(Double::doubleValue).toArray();
        return new Ode.Orbit(ts, path.toArray(new double[0][]), false);
    }

    /**
     * Samples of the stationary law: {@code chains} independent chains from {@code start}, each sampled every
     * {@code sampleEvery} time units on [tBurn, tEnd] (spec 004 Fig. 1 stationarity check).
     */
    public static double[][] stationarySamples(GradientSystem system, double[] start, int chains, double epsilon,
                                               double dt, double tBurn, double tEnd, double sampleEvery, long seed) {
        Check.notNull("system", system);
        Check.vector("start", start, "system.dimension()", system.dimension());
        Check.positive("chains", chains);
        Check.positive("epsilon", epsilon);
        Check.positive("dt", dt);
        Check.nonNegative("tBurn", tBurn);
        Check.positive("sampleEvery", sampleEvery);
        if (!(tEnd > tBurn)) throw new IllegalArgumentException("tEnd must be > tBurn (got " + tEnd + " ≤ " + tBurn + ")");
        int total = Check.steps("tEnd", tEnd, "dt", dt), burn = (int) Math.rint(tBurn / dt);
        int every = (int) Math.rint(sampleEvery / dt);
        if (every < 1)
            throw new IllegalArgumentException("sampleEvery must be >= dt (got sampleEvery = " + sampleEvery + ", dt = " + dt + ")");
        int perChain = (total - burn) / every;
        if (perChain < 1)
            throw new IllegalArgumentException("tEnd − tBurn = " + (tEnd - tBurn) + " must be >= sampleEvery = " + sampleEvery
                    + " to take a sample");
        int n = start.length;
        double[][] out = new double[Check.arraySize("samples (chains × (tEnd − tBurn)/sampleEvery)", chains, perChain)][];
        Check.fitsInMemory("stationary samples", Check.product("samples", out.length, 8L * n + 16));
        Parallel.forEach("stationary chains", chains, Parallel.defaultThreads(), c -> {
            SplittableRandom rng = Rng.stream(seed, c);
            double[] x = start.clone(), v = new double[n];
            double sd = epsilon * Math.sqrt(dt);
            int k = 0;
            for (int s = 1; s <= total; s++) {
                Interrupts.checkEvery(s, 1023, "stationary chains");
                system.velocity(x, v);
                for (int i = 0; i < n; i++) x[i] += v[i] * dt + sd * rng.nextGaussian();
                if (s > burn && (s - burn) % every == 0 && k < perChain) out[c * perChain + k++] = x.clone();
            }
        });
        return out;
    }
}
