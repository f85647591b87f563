package org.hopscape.table;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Tables as plain text (the notebook's text/plain, what a viewer without HTML shows): the table's name on the first
 * line, columns padded to their widest cell, text left and numbers right, numbers as in {@link Html#number} (4
 * significant digits, whole numbers as integers — only the display, the table keeps every digit), long tables cut
 * to head and tail like {@link Html#table}.
 */
public final class PlainText {
    private PlainText() {}

    public static String table(Table t) {
        Table s = Html.shown(t);
        int n = s.columnCount(), rows = s.rowCount();
        String[][] cells = new String[rows + 1][n];
        boolean[] right = new boolean[n];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            right[c] = s.column(c) instanceof NumericColumn<?>;
            cells[0][c] = s.column(c).name();
            for (int r = 0; r < rows; r++) cells[r + 1][c] = Html.cell(s.column(c), r);
            for (int r = 0; r <= rows; r++) width[c] = Math.max(width[c], cells[r][c].codePointCount(0, cells[r][c].length()));
        }
        StringBuilder sb = new StringBuilder();
        if (t.name() != null && !t.name().isBlank()) sb.append(t.name()).append('\n');
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c < n; c++) {
                if (c > 0) sb.append("  ");
                String v = cells[r][c];
                String pad = " ".repeat(width[c] - v.codePointCount(0, v.length()));
                sb.append(right[c] ? pad + v : c == n - 1 ? v : v + pad);
            }
            sb.append('\n');
            if (r == 0) {   // a rule under the header
                int total = 0;
                for (int c = 0; c < n; c++) total += width[c] + (c > 0 ? 2 : 0);
                sb.append("-".repeat(total)).append('\n');
            }
        }
        if (t.rowCount() > rows) sb.append(Html.cutNote(t)).append('\n');
        return sb.toString();
    }
}
