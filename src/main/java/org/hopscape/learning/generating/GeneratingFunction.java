package org.hopscape.learning.generating;

import org.hopscape.util.Check;

/**
 * A convex generating function L(x) (003 §3): its value, its gradient (the activation, e.g. g = ∇L_v) and
 * its Hessian H (positive semi-definite). Vectors are {@code double[]}; the Hessian is written row-major n × n.
 *
 * <p>For implementers: {@link #value}, {@link #activation} and {@link #hessian}; {@link #dimension()} returns
 * the fixed size, or −1 if any size works.
 */
public sealed interface GeneratingFunction {

    /** x non-null and out long enough for a gradient (power 1: n) or a Hessian (power 2: n²) of x. */
    private static void checkOut(double[] x, double[] out, int power) {
        Check.notNull("x", x);
        Check.notNull("out", out);
        long need = power == 1 ? x.length : (long) x.length * x.length;
        if (out.length < need)
            throw new IllegalArgumentException("out must hold " + (power == 1 ? "x.length" : "x.length²") + " = " + need
                    + " values (got " + out.length + ")");
    }

    /** Fixed input dimension, or −1 for any. */
    int dimension();

    /** L(x). */
    double value(double[] x);

    /** ∇L(x) (written into {@code out}, length n; must not alias x). */
    void activation(double[] x, double[] out);

    /** ∇²L(x) (written into {@code out}, length n², row-major). */
    void hessian(double[] x, double[] out);

    /** L = ½ Σ x_i²: identity activation, H = 1 (003 §5.4, Eq. 26). */
    static GeneratingFunction quadratic() {
        return new Quadratic();
    }

    /** L = Σ ln cosh x_i: tanh activation, H = diag(1 − tanh² x) (003 Eq. 21, 27). */
    static GeneratingFunction logCosh() {
        return new LogCosh();
    }

    /** L = β⁻¹ ln Σ exp(β x_i): softmax(βx) activation, H = β(diag s − s sᵀ) (β scale as in 002). */
    static GeneratingFunction logSumExp(double beta) {
        return new LogSumExp(beta);
    }

    /** L = (β̃/2)|Ξx|²: activation β̃ ΞᵀΞ x, H = β̃ ΞᵀΞ (003 §5.2, memory-dependent). */
    static GeneratingFunction memoryQuadratic(double[][] memories, double betaTilde) {
        return new MemoryQuadratic(memories, betaTilde);
    }

    record Quadratic() implements GeneratingFunction {
        public int dimension() { return -1; }

        public double value(double[] x) {
            Check.finite("x", x);
            double s = 0;
            for (double xi : x) s += xi * xi;
            return 0.5 * s;
        }

        public void activation(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 1);
            System.arraycopy(x, 0, out, 0, x.length);
        }

        public void hessian(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 2);
            int n = x.length;
            java.util.Arrays.fill(out, 0, n * n, 0);
            for (int i = 0; i < n; i++) out[i * n + i] = 1;
        }
    }

    record LogCosh() implements GeneratingFunction {
        public int dimension() { return -1; }

        /** ln cosh x = |x| + ln(1 + e^{−2|x|}) − ln 2, exact for large |x|. */
        public double value(double[] x) {
            Check.finite("x", x);
            double s = 0;
            for (double xi : x) {
                double a = Math.abs(xi);
                s += a + Math.log1p(Math.exp(-2 * a)) - Math.log(2);
            }
            return s;
        }

        public void activation(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 1);
            for (int i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
        }

        public void hessian(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 2);
            int n = x.length;
            java.util.Arrays.fill(out, 0, n * n, 0);
            for (int i = 0; i < n; i++) {
                double t = Math.tanh(x[i]);
                out[i * n + i] = 1 - t * t;
            }
        }
    }

    /** @param beta inverse temperature, > 0 */
    record LogSumExp(double beta) implements GeneratingFunction {
        public LogSumExp {
            Check.positive("beta", beta);
        }

        public int dimension() { return -1; }

        public double value(double[] x) {
            Check.finite("x", x);
            double max = Double.NEGATIVE_INFINITY;
            for (double xi : x) max = Math.max(max, xi);
            double s = 0;
            for (double xi : x) s += Math.exp(beta * (xi - max));
            return max + Math.log(s) / beta;
        }

        public void activation(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 1);
            double max = Double.NEGATIVE_INFINITY;
            for (double xi : x) max = Math.max(max, xi);
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                out[i] = Math.exp(beta * (x[i] - max));
                s += out[i];
            }
            for (int i = 0; i < x.length; i++) out[i] /= s;
        }

        public void hessian(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 2);
            int n = x.length;
            double[] sm = new double[n];
            activation(x, sm);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) out[i * n + j] = beta * ((i == j ? sm[i] : 0) - sm[i] * sm[j]);
        }
    }

    /**
     * @param memories  Ξ (rows = memories, columns = the input dimension)
     * @param betaTilde β̃ > 0
     */
    record MemoryQuadratic(double[][] memories, double betaTilde) implements GeneratingFunction {
        public MemoryQuadratic {
            Check.finite("memories", memories);
            Check.positive("betaTilde", betaTilde);
            double[][] c = new double[memories.length][];
            for (int i = 0; i < c.length; i++) c[i] = memories[i].clone();
            memories = c;
        }

        public int dimension() { return memories[0].length; }

        public double value(double[] x) {
            Check.finite("x", x);
            check(x);
            double s = 0;
            for (double[] row : memories) {
                double d = 0;
                for (int i = 0; i < x.length; i++) d += row[i] * x[i];
                s += d * d;
            }
            return 0.5 * betaTilde * s;
        }

        public void activation(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 1);
            check(x);
            java.util.Arrays.fill(out, 0, x.length, 0);
            for (double[] row : memories) {
                double d = 0;
                for (int i = 0; i < x.length; i++) d += row[i] * x[i];
                for (int i = 0; i < x.length; i++) out[i] += betaTilde * d * row[i];
            }
        }

        public void hessian(double[] x, double[] out) {
            GeneratingFunction.checkOut(x, out, 2);
            check(x);
            int n = x.length;
            java.util.Arrays.fill(out, 0, n * n, 0);
            for (double[] row : memories)
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) out[i * n + j] += betaTilde * row[i] * row[j];
        }

        private void check(double[] x) {
            Check.sameSize("x.length", x.length, "memory length", memories[0].length);
        }
    }
}
