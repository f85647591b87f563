package org.hopscape.analysis;

import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.table.PortableTable;
import org.hopscape.table.ResultTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Sweep engines without Spark: the engine choice, portable rows, and an engine that serialises every task. */
class SweepEngineTest {

    @Test
    void portableTableRoundTripsTypesValuesAndMissingCells() {
        DoubleColumn x = DoubleColumn.create("x", new double[] {1.5, -0.0, Double.MIN_VALUE, 1e300});
        x.setMissing(2);
        IntColumn k = IntColumn.create("k", new int[] {1, -2, Integer.MAX_VALUE, 0});
        k.setMissing(3);
        Table t = Table.create("t", x, k, LongColumn.create("l", new long[] {1L << 40, 2, 3, 4}),
                StringColumn.create("s", new String[] {"a", "", "b,c", "é"}),
                BooleanColumn.create("b", new boolean[] {true, false, true, false}));
        PortableTable p = (PortableTable) SerialEngineProvider.roundTrip(PortableTable.of(t));
        Table back = p.toTable();
        assertEquals(t.name(), back.name());
        assertEquals(t.columnNames(), back.columnNames());
        assertArrayEquals(t.typeArray(), back.typeArray());
        for (int c = 0; c < t.columnCount(); c++)
            for (int r = 0; r < t.rowCount(); r++) {
                assertEquals(t.column(c).isMissing(r), back.column(c).isMissing(r), "missing " + c + "," + r);
                if (!t.column(c).isMissing(r)) assertEquals(t.column(c).get(r), back.column(c).get(r));
            }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.doubleColumn("x").getDouble(1)));
        assertEquals(PortableTable.of(t), p);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new PortableTable("t", new String[] {"a"}, new String[] {"DOUBLE", "INTEGER"}, new Object[][] {{}}));
        assertTrue(e.getMessage().contains("one entry per column"), e.getMessage());
    }

    @Test
    void masterChoosesTheEngine() {
        assertSame(SweepEngines.localThreads(), SweepEngines.forMaster(null));
        assertSame(SweepEngines.localThreads(), SweepEngines.forMaster(" "));
        assertEquals(SerialEngineProvider.MASTER, SweepEngines.forMaster(SerialEngineProvider.MASTER).describe());
        var e = assertThrows(IllegalArgumentException.class, () -> SweepEngines.forMaster("mesos://h:5050"));
        assertTrue(e.getMessage().contains("mesos://h:5050") && e.getMessage().contains("HOPSCAPE_SPARK_MASTER"), e.getMessage());
        assertNull(new Sweep.Options(1, 1, null, null, "  ").master(), "a blank master means local threads");
    }

    static Table point(int i) {
        if (i == 4 && Boolean.getBoolean("sweepEngineTest.fail")) throw new IllegalArgumentException("bad point");
        return Table.create("p", DoubleColumn.create("y", new double[] {Math.sin(i), i / 3.0}), IntColumn.create("i", new int[] {i, i * i}));
    }

    @Test
    void rowsOrderAndCheckpointDoNotDependOnTheEngine(@TempDir Path threads, @TempDir Path serial) throws Exception {
        Map<String, Object> params = Map.of("grid", List.of(1, 2, 3));
        Table a = Sweep.run("toy", "toy/1", 7, SweepEngineTest::point, params, 3, new Sweep.Options(2, 2, threads, null, null));
        Table b = Sweep.run("toy", "toy/1", 7, SweepEngineTest::point, params, 3,
                new Sweep.Options(2, 2, serial, null, SerialEngineProvider.MASTER));
        assertEquals(PortableTable.of(a), PortableTable.of(b));
        assertEquals(content(csv(threads)), content(csv(serial)));
        // resume on the other engine: a complete checkpoint is read, nothing is computed
        int before = SerialEngineProvider.batchesRun;
        Table c = Sweep.run("toy", "toy/1", 7, SweepEngineTest::point, params, 3,
                new Sweep.Options(2, 2, threads, null, SerialEngineProvider.MASTER));
        assertEquals(before, SerialEngineProvider.batchesRun);
        assertEquals(PortableTable.of(a), PortableTable.of(c));
    }

    @Test
    void aFailingPointKeepsTheOthersOnAnotherEngineAndTheRerunComputesOnlyIt(@TempDir Path dir) {
        Map<String, Object> params = Map.of("grid", "fail");
        System.setProperty("sweepEngineTest.fail", "true");
        Sweep.Options o = new Sweep.Options(1, 1, dir, null, SerialEngineProvider.MASTER);
        try {
            var e = assertThrows(IllegalArgumentException.class, () -> Sweep.run("toyf", "toy/1", 6, SweepEngineTest::point, params, 3, o));
            assertTrue(e.getMessage().contains("sweep toyf, point 4"), e.getMessage());
        } finally {
            System.clearProperty("sweepEngineTest.fail");
        }
        assertEquals(10, ResultTables.load(csv(dir)).table().rowCount(), "5 points × 2 rows kept");
        int before = SerialEngineProvider.batchesRun;
        Table all = Sweep.run("toyf", "toy/1", 6, SweepEngineTest::point, params, 3, o);
        assertEquals(before + 1, SerialEngineProvider.batchesRun, "only point 4 is computed again");
        assertEquals(12, all.rowCount());
    }

    @Test
    void fig7PopulationTaskTravelsAndGivesTheSameRows(@TempDir Path threads, @TempDir Path serial) {
        Table a = SaddleProportions.populations(fig7(Sweep.Options.of(threads).withMaster(null))).table();
        Table b = SaddleProportions.populations(fig7(Sweep.Options.of(serial).withMaster(SerialEngineProvider.MASTER))).table();
        assertEquals(4, b.rowCount());
        assertEquals(PortableTable.of(a), PortableTable.of(b));
        assertEquals(content(csv(threads)), content(csv(serial)));
    }

    @Test
    void optionsTravelWithoutTheirLocalParts() {
        Sweep.Options o = Sweep.Options.of(Path.of("x")).withThreads(3).withCheckpointEvery(7).withMaster("local[2]");
        assertEquals(new Sweep.Options(3, 7, null, null, null), SerialEngineProvider.roundTrip(o));
    }

    static SaddleProportions.Options fig7(Sweep.Options sweep) {
        return new SaddleProportions.Options(new int[] {1, 7, 8}, new int[] {1, 7}, new double[] {550}, new double[] {5},
                new double[] {550}, new double[] {5, 20}, 0.01, 10, 5, 1, 100, 42, sweep);
    }

    static List<String> content(Path f) {
        try {
            return Files.readAllLines(f).stream().filter(l -> !l.startsWith("# written") && !l.startsWith("# end")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path csv(Path dir) {
        try (var s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".csv")).toList();
            assertEquals(1, l.size(), "one checkpoint in " + dir);
            return l.getFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
