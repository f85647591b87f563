package org.hopscape.papers.morsesmale;

import org.hopscape.dynamics.CriticalPoints;
import org.hopscape.dynamics.Families;
import org.hopscape.dynamics.examples.FoldFamily;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

class FindingsTest {

    @Test
    void eventSentenceStatesTheMeasuredFoldsOfExample6() {
        Families.Track t = Families.track(new FoldFamily(), Families.grid(-1, 1, 0.1),
                Families.Options.of(CriticalPoints.Options.box(2, 3, 15), false), Progress.NONE);
        String s = Findings.events(t, "η", 1);
        // spec 004 Fig. 3: folds at η* = ∓0.861430
        assertTrue(s.contains("1,0,0 → 2,1,0 → 1,0,0"), s);
        assertTrue(s.contains("fold at η* = −0.8614, fold at η* = 0.8614"), s);
        assertTrue(s.contains("Poincaré–Hopf count is 1"), s);
        String reversed = Findings.events(t, "t", -1);
        assertTrue(reversed.startsWith("Along t from 1 to −1"), reversed);
        assertTrue(reversed.contains("fold at t* = 0.8614, fold at t* = −0.8614"), reversed);
    }

    private static Table signatures(String... rows) {
        Table t = Table.create("s", DoubleColumn.create("η"), StringColumn.create("t=1"), StringColumn.create("t=0"));
        for (int r = 0; r < rows.length; r++) {
            String[] cells = rows[r].split(" ");
            t.doubleColumn(0).append(r * 100);
            t.stringColumn(1).append(cells[0]);
            t.stringColumn(2).append(cells[1]);
        }
        return t;
    }

    @Test
    void growthNamesWhereTheCountDecreases() {
        assertEquals("The number of critical points never decreases along generation (left to right) and never decreases along training (down).",
                Findings.growth(signatures("1,0,0 2,1,0", "2,1,0 3,2,0")));
        String s = Findings.growth(signatures("2,1,0 1,0,0", "1,0,0 3,2,0"));
        assertTrue(s.contains("decreases along generation at row 0 at t=0"), s);
        assertTrue(s.contains("decreases along training for t=1 from η = 0 to 100"), s);
    }

    @Test
    void stationaryPicksTheCloserDensity() {
        assertTrue(Findings.stationary(0.04, 0.45).contains("follows exp(−2V/ε²)"));
        assertTrue(Findings.stationary(0.5, 0.1).contains("printed density fits at least as well"));
    }

    @Test
    void numbersHaveFourSignificantDigitsAndATrueMinus() {
        assertEquals("−0.8614", Findings.n4(-0.861430));
        assertEquals("1203", Findings.n4(1203.0));
        assertEquals("0.0001235", Findings.n4(1.2345e-4));
        assertEquals("3", Findings.n4(3));
        assertEquals("3.192×10⁻¹⁶", Findings.n4(3.1920e-16));
        assertEquals("−1.66×10⁻¹⁰", Findings.n4(-1.6595e-10));
    }
}
