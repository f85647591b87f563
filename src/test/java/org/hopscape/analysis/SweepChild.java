package org.hopscape.analysis;

import org.hopscape.util.Interrupts;
import org.hopscape.util.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test helper process for {@code SweepProcessTest}: runs (or resumes) the sweep {@link #table} describes with its
 * checkpoint in the directory given as the first argument, prints "done <rows>" and exits 0; a refused lock prints
 * "refused: <message>" and exits 3.
 */
public final class SweepChild {
    private SweepChild() {}

    static final String NAME = "process-test", ALGORITHM = "process-test/1";
    static final int POINTS = 24, ROWS = 8000;

    /** Point i: ROWS deterministic rows drawn from Rng.stream(seed, i), after about {@code millis} of work. */
    static Table point(int i, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        double sink = 0;
        for (long k = 0; System.nanoTime() < end; k++) {
            Interrupts.checkEvery(k, 1023, "test point");
            sink += Math.sqrt(k);
        }
        SplittableRandom r = Rng.stream(77, i);
        double[] x = new double[ROWS];
        int[] j = new int[ROWS];
        for (int k = 0; k < ROWS; k++) { x[k] = r.nextGaussian() + (sink < 0 ? 1 : 0); j[k] = k; }
        return Table.create("p", IntColumn.create("row", j), DoubleColumn.create("x", x));
    }

    /** Map.of (its order differs between JVMs) with an array value: the checkpoint key must not depend on either. */
    static final Map<String, Object> PARAMETERS = Map.of("rows", ROWS, "grid", new double[] {1, 2, 3}, "seed", 77L);

    static Table table(Path dir, long millis, int threads) {
        return Sweep.run(NAME, ALGORITHM, POINTS, i -> point(i, millis), PARAMETERS, 77, new Sweep.Options(threads, 1, dir, null));
    }

    public static void main(String[] args) {
        try {
            Table t = table(Path.of(args[0]), Long.parseLong(args[1]), 2);
            System.out.println("done " + t.rowCount());
            System.exit(0);
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(3);
        }
    }
}
