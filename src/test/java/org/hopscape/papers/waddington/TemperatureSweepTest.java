package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TemperatureSweepTest {

    /** A sweep table with given populations per temperature (rows) and digit (columns). */
    static TemperatureSweep fake(double[] ts, int[][] pops) {
        Table t = Table.create("fake", DoubleColumn.create("T", ts));
        for (int d = 0; d < 10; d++) {
            int[] col = new int[ts.length];
            for (int i = 0; i < ts.length; i++) col[i] = pops[i][d];
            t.addColumns(IntColumn.create("pop_" + d, col));
        }
        return new TemperatureSweep(TemperatureSweep.Options.quick(1, null).withTemperatures(ts), t, Map.of());
    }

    @Test
    void paperOrderOfDisappearance() {
        double[] ts = {650, 750, 800, 850};
        // spec §6 Fig 8 prototype reference populations
        TemperatureSweep s = fake(ts, new int[][] {{7, 12, 7, 9, 13, 9, 8, 33, 6, 25}, {0, 23, 0, 7, 13, 11, 3, 9, 1, 14},
                {0, 21, 0, 0, 6, 0, 0, 5, 0, 9}, {0, 23, 0, 0, 0, 0, 0, 0, 0, 0}});
        assertEquals(650, s.lastTemperature(0));
        assertEquals(800, s.lastTemperature(4));
        assertEquals(850, s.lastTemperature(1));
        assertTrue(s.vanishInPaperOrder());
        assertEquals(21, s.population(1, 800));
        TemperatureSweep wrong = fake(ts, new int[][] {{7, 12, 7, 9, 13, 9, 8, 33, 6, 25}, {5, 0, 0, 7, 13, 11, 3, 9, 1, 14},
                {0, 0, 0, 0, 6, 0, 0, 5, 0, 9}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}});
        assertFalse(wrong.vanishInPaperOrder(), "1 vanishing first is not the paper's order");
    }

    @Test
    void shortRunsCountPopulationsAndResumeFromTheCheckpoint(@TempDir Path dir) {
        assumeTrue(Set200.available(), "the authors' 200-set is not on the data path");
        TemperatureSweep.Options o = new TemperatureSweep.Options(25, new double[] {650, 800}, 300, 0.005, 8, 3,
                new Sweep.Options(2, 1, dir, null));
        TemperatureSweep s = TemperatureSweep.run(o);
        assertEquals(2, s.table().rowCount());
        for (double t : new double[] {650, 800})
            for (int d = 0; d < 10; d++)
                assertEquals(TemperatureSweep.population(s.finalStates().get(t), d), s.population(d, t));
        TemperatureSweep again = TemperatureSweep.run(o); // read back, nothing trained
        assertTrue(again.finalStates().isEmpty());
        assertEquals(s.table().print(), again.table().print());
        // a final state not kept in this session is retrained with its batch: the very run the table came from
        assertArrayEquals(s.finalStates().get(800.0).flatMemories(), again.finalState(800).flatMemories(), 0.0);
        assertArrayEquals(s.finalStates().get(650.0).flatLabels(), again.finalState(650).flatLabels(), 0.0);
    }
}
