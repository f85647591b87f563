package org.hopscape.papers.waddington;

import org.hopscape.table.ReproductionCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The full-setting claims and prose of notebooks 02/03 on the shipped tables, and their n/a rows when a table is missing. */
class FullSetting000Test {

    @TempDir
    Path empty;

    @Test
    void shippedTablesPassTheirFullSettingClaims() {
        assumeTrue(Set200.available(), "the shipped tables were computed on the authors' 200-set");
        ShippedResults s = ShippedResults.paper000();
        ReproductionCheck c = new ReproductionCheck("test");
        FullSetting000.fig6Claims(c, s.fig6Intra(), s.fig6Inter());
        FullSetting000.fig8Claims(c, s.fig8());
        FullSetting000.fig2Claims(c, s.fig2());
        FullSetting000.fig7Claims(c, s.fig7Saddles(), s.fig7Populations());
        System.out.println(c.toTable().print(200));
        assertTrue(c.allPass(), c.toTable().print(200));
        long asserted = c.rows().stream().filter(ReproductionCheck.Row::applies).count();
        assertTrue(asserted >= 22, "Fig 6 (12) and Fig 8 (10) claims asserted: " + asserted);
        // the numbers: T = 880, n = 30 intra 0.998 / 0.002
        var intra = s.fig6Intra().get();
        assertEquals(0.998, intra.at(intra.dominantColumn(), 30, 880), 0.001);
        String text = FullSetting000.fig6Text(s.fig6Intra(), s.fig6Inter()) + "\n" + FullSetting000.fig8Text(s.fig8());
        System.out.println(text);
        assertTrue(text.contains("0.998") && text.contains(ShippedResults.LABEL), text);
    }

    @Test
    void missingTablesGiveLabelledNotApplicableRowsNotErrors() {
        ShippedResults none = new ShippedResults(empty);
        ReproductionCheck c = new ReproductionCheck("test");
        c.atLeast("a claim that applies", "test", 0, 1);
        FullSetting000.fig2Claims(c, none.fig2());
        FullSetting000.fig6Claims(c, none.fig6Intra(), none.fig6Inter());
        FullSetting000.fig7Claims(c, none.fig7Saddles(), none.fig7Populations());
        FullSetting000.fig8Claims(c, none.fig8());
        assertTrue(c.allPass());
        var rows = c.rows().stream().filter(r -> !r.applies()).toList();
        assertEquals(9 + 12 + 16 + 10, rows.size());
        for (var r : rows) {
            assertEquals("not shipped yet", r.measured());
            assertTrue(r.verdict().startsWith("n/a (needs the shipped full-setting table ") && r.verdict().contains(".csv"), r.verdict());
        }
        assertTrue(FullSetting000.fig8Text(none.fig8()).contains("not shipped yet"));
        assertEquals("Fig 8: quick setting — the full grid is drawn from the shipped table, not recomputed "
                + "(environment/kit reproduce --full recomputes it into reports/sweeps/ and compares it here).",
                FullSetting000.comparison(false, null, none.fig8(), TemperatureSweep::table));
        assertTrue(FullSetting000.comparison(true, null, none.fig8(), TemperatureSweep::table).toString().contains("nothing shipped"));
    }

    @Test
    void rangesCompressConsecutiveGridValues() {
        double[] grid = {2, 3, 4, 5, 6, 10};
        assertEquals("n = 3–5, 10", FullSetting000.ranges(grid, java.util.List.of("3", "4", "5", "10")));
    }
}
