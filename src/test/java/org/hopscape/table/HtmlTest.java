package org.hopscape.table;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

/** Tables as a reader sees them (issue 16 item 8): captioned, text left, numbers right and short. */
class HtmlTest {

    @Test
    void numbersAreShortAndExactWhereWhole() {
        // 4 significant digits, no trailing zeros (issue 13: T_r = 400/784 was shown as 0.5102040816326531)
        assertEquals("0.5102", Html.number(400.0 / 784));
        assertEquals("0.8291", Html.number(650.0 / 784));
        assertEquals("1.02", Html.number(800.0 / 784));
        assertEquals("0.3333", Html.number(1.0 / 3));
        assertEquals("0.985", Html.number(0.985));
        assertEquals("1235", Html.number(1234.567));
        assertEquals("12346", Html.number(12345.678), "integer digits are never rounded away");
        assertEquals("12", Html.number(12.0));
        assertEquals("3480", Html.number(3480.0), "whole numbers as integers");
        assertEquals("-0.25", Html.number(-0.25));
        assertEquals("0.0001235", Html.number(1.23456e-4));
        assertEquals("1.5e-7", Html.number(1.5e-7));
        assertEquals("1e-7", Html.number(1e-7));
        assertEquals("8.882e-16", Html.number(8.881784197001252e-16));
        assertEquals("1.235e20", Html.number(1.23456789e20));
        assertEquals("1.5e6", Html.number(1.5e6 + 0.5), "scientific from 1e6 on");
        assertEquals("NaN", Html.number(Double.NaN));
        assertEquals("∞", Html.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void textLeftNumbersRightCaptionFromTheName() {
        Table t = Table.create("Run <1>", StringColumn.create("item", new String[] {"a&b", "c"}),
                DoubleColumn.create("v", new double[] {1.0 / 3, Double.NaN}), IntColumn.create("n", new int[] {1, 2}));
        String html = Html.table(t);
        assertTrue(html.contains("<caption style=\"text-align:left;font-weight:bold\">Run &lt;1&gt;</caption>"), html);
        assertTrue(html.contains("<th style=\"text-align:left\">item</th><th style=\"text-align:right\">v</th>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">a&amp;b</td><td style=\"text-align:right\">0.3333</td>"
                + "<td style=\"text-align:right\">1</td>"), html);
        assertFalse(html.contains("0.3333333333"), "no 16-digit floats");
    }

    @Test
    void longTablesShowHeadAndTail() {
        Table t = Table.create("long", IntColumn.create("i", java.util.stream.IntStream.range(0, 100).toArray()));
        String html = Html.table(t);
        assertEquals(Html.MAX_ROWS, html.split("<tr>", -1).length - 2, "rows shown (plus the header)");
        assertTrue(html.contains(">99</td>") && !html.contains(">50</td>"));
        assertTrue(html.contains("100 rows; showing the first and last 20"));
    }

    @Test
    void shownDigitsAreOnlyTheDisplay() {
        double tr = 400.0 / 784;
        Table t = Table.create("03-fig8-temperature", DoubleColumn.create("T_r", new double[] {tr}));
        assertTrue(Html.table(t).contains(">0.5102</td>"));
        assertEquals(tr, t.doubleColumn("T_r").get(0), 0.0, "the table keeps every digit");
    }
}
