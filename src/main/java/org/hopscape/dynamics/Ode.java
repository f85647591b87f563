package org.hopscape.dynamics;

import org.hopscape.util.RecordMaps;
import java.util.Map;
import org.hopscape.util.Check;
import org.hopscape.util.Interrupts;

import java.util.ArrayList;
import java.util.List;

/**
 * Integrators for ẋ = F(t, x): adaptive Dormand–Prince RK5(4) with an event test after every accepted step, and
 * classical fixed-step RK4 (spec 004 §1.3: rtol 1e-10, atol 1e-12, max step 0.5; §1.4: RK4).
 */
public final class Ode {
    private Ode() {}

    /** A (possibly time-dependent) vector field; {@code x} is read, {@code out} written. */
    @FunctionalInterface
    public interface Field {
        void eval(double t, double[] x, double[] out);

        /** The autonomous flow X(x) = −G⁻¹∇V of a gradient system. */
        static Field of(GradientSystem system) {
            return (t, x, out) -> system.velocity(x, out);
        }

        /** The time-reversed flow −X(x) (for stable manifolds). */
        static Field backward(GradientSystem system) {
            return (t, x, out) -> {
                system.velocity(x, out);
                for (int i = 0; i < out.length; i++) out[i] = -out[i];
            };
        }
    }

    /** Stop test evaluated after each accepted step: true ends the integration. */
    @FunctionalInterface
    public interface Stop {
        boolean test(double t, double[] x);
    }

    /**
     * Adaptive step control.
     *
     * @param rtol      relative tolerance (default 1e-10)
     * @param atol      absolute tolerance (default 1e-12)
     * @param maxStep   largest step (default 0.5)
     * @param tMax      integration horizon (default 2 000)
     * @param keepEvery record every k-th accepted step in the path (0 = keep only the end point)
     */
    public record Options(double rtol, double atol, double maxStep, double tMax, int keepEvery) {
        /** Provenance map (round-trips through {@link #of(Map)}; listeners are left out). */
        public Map<String, String> toMap() {
            return RecordMaps.toMap(this);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code paper()}. */
        public static Options of(Map<String, ?> map) {
            return RecordMaps.of(map, paper());
        }

        public Options {
            Check.positive("rtol", rtol);
            Check.positive("atol", atol);
            Check.positive("maxStep", maxStep);
            Check.positive("tMax", tMax);
            Check.nonNegative("keepEvery", keepEvery);
        }

        /** Spec 004 §1.3 values. */
        public static Options paper() {
            return new Options(1e-10, 1e-12, 0.5, 2000, 1);
        }

        public Options withTMax(double t) {
            return new Options(rtol, atol, maxStep, t, keepEvery);
        }

        public Options withTolerances(double r, double a) {
            return new Options(r, a, maxStep, tMax, keepEvery);
        }

        public Options withMaxStep(double h) {
            return new Options(rtol, atol, h, tMax, keepEvery);
        }

        public Options withRtol(double rtol) {
            return new Options(rtol, atol, maxStep, tMax, keepEvery);
        }

        public Options withAtol(double atol) {
            return new Options(rtol, atol, maxStep, tMax, keepEvery);
        }

        public Options withKeepEvery(int keepEvery) {
            return new Options(rtol, atol, maxStep, tMax, keepEvery);
        }
    }

    /**
     * A computed orbit.
     *
     * @param times   times of the recorded points
     * @param path    recorded states (first = start, last = end)
     * @param stopped true when the stop test ended the integration (false: horizon reached or step underflow)
     */
    public record Orbit(double[] times, double[][] path, boolean stopped) {
        public double[] end() {
            return path[path.length - 1];
        }

        public double endTime() {
            return times[times.length - 1];
        }

        /** Coordinate {@code i} of the recorded path (for plotting). */
        public double[] coordinate(int i) {
            double[] c = new double[path.length];
            for (int k = 0; k < path.length; k++) c[k] = path[k][i];
            return c;
        }
    }

    // Dormand–Prince 5(4) tableau
    private static final double A21 = 1.0 / 5, A31 = 3.0 / 40, A32 = 9.0 / 40, A41 = 44.0 / 45, A42 = -56.0 / 15,
            A43 = 32.0 / 9, A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729,
            A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656,
            B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84,
            E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525,
            E7 = -1.0 / 40;

    /**
     * Integrates from (t0, x0) with Dormand–Prince until {@code stop} holds or t0 + tMax is reached ({@code stop}
     * may be null). Stops with {@link org.hopscape.util.Interrupted} when the thread is interrupted.
     */
    public static Orbit dopri(Field f, double t0, double[] x0, Options o, Stop stop) {
        Check.notNull("f", f);
        Check.finite("t0", t0);
        Check.nonEmpty("x0", x0);
        Check.notNull("o", o);
        int n = x0.length;
        double[] x = x0.clone(), xn = new double[n], tmp = new double[n];
        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n], k5 = new double[n],
                k6 = new double[n], k7 = new double[n];
        List<double[]> path = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        path.add(x.clone());
        times.add(t0);
        double t = t0, tEnd = t0 + o.tMax();
        f.eval(t, x, k1);
        double h = Math.min(o.maxStep(), 1e-3);
        int accepted = 0;
        boolean stopped = stop != null && stop.test(t, x);
        for (long iteration = 0; !stopped && t < tEnd; iteration++) {
            Interrupts.checkEvery(iteration, 255, "ODE integration");
            if (t + h > tEnd) h = tEnd - t;
            for (int i = 0; i < n; i++) tmp[i] = x[i] + h * A21 * k1[i];
            f.eval(t + h / 5, tmp, k2);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + h * (A31 * k1[i] + A32 * k2[i]);
            f.eval(t + 0.3 * h, tmp, k3);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            f.eval(t + 0.8 * h, tmp, k4);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            f.eval(t + 8.0 / 9 * h, tmp, k5);
            for (int i = 0; i < n; i++)
                tmp[i] = x[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            f.eval(t + h, tmp, k6);
            for (int i = 0; i < n; i++)
                xn[i] = x[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            f.eval(t + h, xn, k7);
            double err = 0;
            for (int i = 0; i < n; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sc = o.atol() + o.rtol() * Math.max(Math.abs(x[i]), Math.abs(xn[i]));
                err += (e / sc) * (e / sc);
            }
            err = Math.sqrt(err / n);
            if (!Double.isFinite(err)) { h *= 0.2; if (h < 1e-14) break; continue; }
            if (err <= 1) {
                t += h;
                System.arraycopy(xn, 0, x, 0, n);
                System.arraycopy(k7, 0, k1, 0, n); // FSAL
                accepted++;
                stopped = stop != null && stop.test(t, x);
                if (o.keepEvery() > 0 && (accepted % o.keepEvery() == 0 || stopped)) {
                    path.add(x.clone());
                    times.add(t);
                }
            }
            double fac = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            h = Math.min(o.maxStep(), h * fac);
            if (h < 1e-14 * Math.max(1, Math.abs(t))) break;
        }
        if (o.keepEvery() == 0 || times.get(times.size() - 1) != t) {
            path.add(x.clone());
            times.add(t);
        }
        double[] ts = new double[times.size()];
        for (int i = 0; i < ts.length; i++) ts[i] = times.get(i);
        return new Orbit(ts, path.toArray(new double[0][]), stopped);
    }

    /**
     * Classical RK4 with fixed step dt from t0 for {@code steps} steps (dt may be negative); records every
     * {@code keepEvery}-th state (0 = end only) and stops early when {@code stop} holds.
     */
    public static Orbit rk4(Field f, double t0, double[] x0, double dt, int steps, int keepEvery, Stop stop) {
        Check.notNull("f", f);
        Check.finite("t0", t0);
        Check.nonEmpty("x0", x0);
        Check.finite("dt", dt);
        if (dt == 0) throw new IllegalArgumentException("dt must be nonzero (got 0)");
        Check.nonNegative("steps", steps);
        Check.nonNegative("keepEvery", keepEvery);
        int n = x0.length;
        long kept = keepEvery > 0 ? steps / keepEvery + 2 : 2;
        Check.fitsInMemory("recorded RK4 states (steps / keepEvery + 2)", Check.product("recorded states", kept, 8L * n + 48));
        double[] x = x0.clone(), k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n],
                tmp = new double[n];
        List<double[]> path = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        path.add(x.clone());
        times.add(t0);
        double t = t0;
        boolean stopped = false;
        for (int s = 1; s <= steps && !stopped; s++) {
            Interrupts.checkEvery(s, 255, "RK4 integration");
            f.eval(t, x, k1);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + 0.5 * dt * k1[i];
            f.eval(t + 0.5 * dt, tmp, k2);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + 0.5 * dt * k2[i];
            f.eval(t + 0.5 * dt, tmp, k3);
            for (int i = 0; i < n; i++) tmp[i] = x[i] + dt * k3[i];
            f.eval(t + dt, tmp, k4);
            for (int i = 0; i < n; i++) x[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            t = t0 + s * dt;
            stopped = stop != null && stop.test(t, x);
            if ((keepEvery > 0 && s % keepEvery == 0) || stopped || s == steps) {
                path.add(x.clone());
                times.add(t);
            }
        }
        double[] ts = new double[times.size()];
        for (int i = 0; i < ts.length; i++) ts[i] = times.get(i);
        return new Orbit(ts, path.toArray(new double[0][]), stopped);
    }
}
