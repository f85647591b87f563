package org.hopscape.spark;

import org.hopscape.analysis.Sweep;
import org.hopscape.data.TrainingSet200;
import org.hopscape.papers.waddington.PrototypeTransition;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.papers.waddington.TemperatureSweep;
import org.hopscape.papers.waddington.Waddington;
import org.hopscape.table.PortableTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every sweep of paper 000 (Figs 2, 6 intra and inter, 7 saddles, 8) on Spark local[2] gives the rows and the checkpoint
 * file of a local-threads run, on small grids and few epochs (the full settings are the same code on more points); so do
 * paper 003's Marchenko–Pastur spectra and paper 002's annealing of cells.
 */
class PaperSweepsOnSparkTest {
    @AfterAll
    static void stop() {
        SparkSweepEngine.closeCurrent();
    }

    /** The sweep on threads (2) and on local[2], each into its own folder: same rows, same checkpoint content. */
    private static Table same(Path threads, Path spark, Function<Sweep.Options, Table> sweep) {
        Table a = sweep.apply(Sweep.Options.of(threads).withMaster(null).withThreads(2));
        Table b = sweep.apply(Sweep.Options.of(spark).withMaster(SparkSweepTest.LOCAL2));
        assertEquals(PortableTable.of(a), PortableTable.of(b), "rows on threads and on Spark");
        assertEquals(SparkSweeps.content(SparkSweeps.csv(threads)), SparkSweeps.content(SparkSweeps.csv(spark)));
        return b;
    }

    @Test
    void fig2(@TempDir Path threads, @TempDir Path spark) {
        TrainingSet200 set = TrainingSet200.load();
        Table t = same(threads, spark, s -> {
            var r = Waddington.fig2(set, new double[] {3, 30}, new double[] {650}, 30, 42, s);
            // the classifiers behind the rows stay with the runs computed on local threads (Spark returns rows only)
            boolean local = s.master() == null;
            for (var p : r.points()) assertEquals(local, p.last() != null, "classifier kept on " + s.engine());
            return table(r.points().stream().mapToDouble(Waddington.Fig2Point::meanMaxAlpha).toArray());
        });
        assertEquals(2, t.rowCount());
    }

    private static Table table(double[] v) {
        return Table.create("values", tech.tablesaw.api.DoubleColumn.create("v", v));
    }

    @Test
    void fig6IntraAndInter(@TempDir Path threads, @TempDir Path spark) {
        Function<Sweep.Options, PrototypeTransition.Options> o = s ->
                new PrototypeTransition.Options(new double[] {2, 20}, new double[] {400, 800}, 0.001, 30, 42, s);
        assertEquals(4, same(threads.resolve("intra"), spark.resolve("intra"), s -> PrototypeTransition.intra(o.apply(s)).table()).rowCount());
        assertEquals(4, same(threads.resolve("inter"), spark.resolve("inter"), s -> PrototypeTransition.inter(o.apply(s)).table()).rowCount());
    }

    @Test
    void fig7Saddles(@TempDir Path threads, @TempDir Path spark) {
        Table t = same(threads, spark, s -> SaddleProportions.saddles(SparkSweeps.fig7(2, 20, s)).table());
        assertTrue(t.rowCount() > 0);
    }

    @Test
    void marchenkoPasturSpectra(@TempDir Path threads, @TempDir Path spark) {
        var o = new org.hopscape.analysis.MarchenkoPasturSpectra.Options(60, new double[] {0.25, 0.6}, 5, 2, 10, 2);
        Table t = same(threads, spark, s -> {
            var r = org.hopscape.analysis.MarchenkoPasturSpectra.run(o, 7, s);
            var s0 = r.at(0.25);
            // N_h = 15 < N_v: 15 nonzero eigenvalues per pooled draw, λ_min ≤ λ_max in every draw
            assertEquals(2 * 15, s0.pooledEigenvalues().length);
            for (int d = 0; d < 5; d++) assertTrue(s0.smallest()[d] <= s0.largest()[d]);
            return r.toTable();
        });
        assertEquals(2, t.rowCount());
        // run(o, seed) without sweep options (local threads: HOPSCAPE_SPARK_MASTER is not set in the tests) gives the same
        var direct = org.hopscape.analysis.MarchenkoPasturSpectra.run(o, 7);
        assertEquals(PortableTable.of(direct.toTable()), PortableTable.of(t));
    }

    @Test
    void annealingOfCells() {
        // three patterns in 6 dimensions, the 002 protocol shortened (β ramp over t = 2, dt 0.01): 150 cells in 3 chunks
        double[][] memories = {{1, 0, 0, 1, 0, 0}, {0, 1, 0, 0.5, 1, 0}, {0, 0, 1, 0, 0.5, 1}};
        var o = org.hopscape.learning.Annealing.Options.paper().withRampTime(2).withThreads(2);
        var annealing = new org.hopscape.learning.Annealing(memories, o);
        var rec = new org.hopscape.learning.Annealing.Recording(70, 0.5, 0.1); // trajectories span two chunks
        double[] w = {0.2, 0, -0.1};
        var onThreads = annealing.run(w, 150, 5, rec, Sweep.Options.inMemory().withMaster(null).withThreads(2));
        var onSpark = annealing.run(w, 150, 5, rec, Sweep.Options.inMemory().withMaster(SparkSweepTest.LOCAL2));
        assertArrayEquals(onThreads.fates(), onSpark.fates());
        assertArrayEquals(onThreads.fractions(), onSpark.fractions(), 0.0);
        assertEquals(onThreads.committed(), onSpark.committed(), 0.0);
        assertTrue(java.util.Arrays.deepEquals(onThreads.meanSoftmax(), onSpark.meanSoftmax()), "mean softmax per fate");
        assertTrue(java.util.Arrays.deepEquals(onThreads.trajectories(), onSpark.trajectories()), "recorded trajectories");
        assertEquals(70, onSpark.trajectories().length);
        assertEquals(150, java.util.Arrays.stream(onSpark.fateCounts()).sum());
        // the default call (no engine named, the setting unset in the tests) is the local run
        var direct = annealing.run(w, 150, 5, rec);
        assertArrayEquals(onThreads.fates(), direct.fates());
    }

    @Test
    void fig8(@TempDir Path threads, @TempDir Path spark) {
        Table t = same(threads, spark, s -> TemperatureSweep.run(
                new TemperatureSweep.Options(25, new double[] {650, 800}, 30, 0.005, 100, 42, s)).table());
        assertEquals(2, t.rowCount());
        // populations count the K = 100 memories
        for (int r = 0; r < t.rowCount(); r++) assertTrue(t.intColumn("total").getInt(r) <= 100);
    }
}
