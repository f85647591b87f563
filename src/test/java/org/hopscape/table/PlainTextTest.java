package org.hopscape.table;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

/** The text/plain of a table in a notebook (issue 13): numbers for reading, columns aligned, the table unchanged. */
class PlainTextTest {

    @Test
    void numbersForReadingInAlignedColumns() {
        // 000 Fig 8 quick rows: T = 650, 800 → T_r = T/784
        Table t = Table.create("03-fig8-temperature", IntColumn.create("T", new int[] {650, 800}),
                DoubleColumn.create("T_r", new double[] {650.0 / 784, 800.0 / 784}),
                DoubleColumn.create("total", new double[] {125, 40}), StringColumn.create("kind", new String[] {"saddle-node", "other"}));
        String text = PlainText.table(t);
        assertEquals("""
                03-fig8-temperature
                  T     T_r  total  kind
                -------------------------------
                650  0.8291    125  saddle-node
                800    1.02     40  other
                """, text);
        assertFalse(text.contains("0.8290816326530612"), "no 16-digit floats");
        assertEquals(650.0 / 784, t.doubleColumn("T_r").get(0), 0.0, "the table keeps every digit");
    }

    @Test
    void missingValuesEmptyAndLongTablesCut() {
        Table t = Table.create("", DoubleColumn.create("v", new double[] {Double.NaN, 2.5}));
        assertEquals("  v\n---\n   \n2.5\n", PlainText.table(t), "a missing double shows as empty, no caption line");
        Table longT = Table.create("long", IntColumn.create("i", java.util.stream.IntStream.range(0, 100).toArray()));
        String text = PlainText.table(longT);
        assertEquals(1 + 2 + Html.MAX_ROWS + 1, text.split("\n").length, "caption, header, rule, 40 rows, note");
        assertTrue(text.contains("\n19\n80\n") && !text.contains("\n50\n"), text);
        assertTrue(text.endsWith("100 rows; showing the first and last 20\n"));
    }
}
