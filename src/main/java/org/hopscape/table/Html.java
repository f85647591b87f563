package org.hopscape.table;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Locale;

/**
 * Tables as HTML for notebooks and reports: the table's name as caption, text columns aligned left and number
 * columns right, numbers shown for reading with {@value #DIGITS} significant digits and no trailing zeros, whole
 * numbers as integers (only the display: the table and its saved CSV keep every digit), long tables cut to head and
 * tail. {@link PlainText} is the same table as text (the notebook's text/plain).
 */
public final class Html {
    private Html() {}

    public static final int MAX_ROWS = 40;

    /** Significant digits of a shown number (issue 13: numbers for reading, 3–4 significant digits). */
    public static final int DIGITS = 4;

    public static String table(Table t) {
        if (t.rowCount() <= MAX_ROWS) return write(t, "");
        return write(shown(t), "<p><em>" + cutNote(t) + "</em></p>");
    }

    /** The rows shown of a table longer than {@value #MAX_ROWS}: its first and last {@value #MAX_ROWS}/2. */
    static Table shown(Table t) {
        if (t.rowCount() <= MAX_ROWS) return t;
        int half = MAX_ROWS / 2;
        Table cut = t.first(half).append(t.last(half));
        cut.setName(t.name());
        return cut;
    }

    static String cutNote(Table t) {
        return t.rowCount() + " rows; showing the first and last " + MAX_ROWS / 2;
    }

    private static String write(Table t, String note) {
        StringBuilder sb = new StringBuilder("<table class=\"hopscape-table\">\n");
        if (t.name() != null && !t.name().isBlank())
            sb.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(t.name())).append("</caption>\n");
        int n = t.columnCount();
        String[] align = new String[n];
        sb.append("<thead><tr>");
        for (int c = 0; c < n; c++) {
            align[c] = t.column(c) instanceof NumericColumn<?> ? "right" : "left";
            sb.append("<th style=\"text-align:").append(align[c]).append("\">").append(escape(t.column(c).name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append("<tr>");
            for (int c = 0; c < n; c++)
                sb.append("<td style=\"text-align:").append(align[c]).append("\">").append(escape(cell(t.column(c), r))).append("</td>");
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").append(note).toString();
    }

    /** A cell as shown: doubles and floats by {@link #number}, everything else as the column writes it, missing empty. */
    static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) return "";
        Object v = column.get(row);
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f);
        return column.getString(row);
    }

    /**
     * A number for reading: whole numbers as integers; others with {@value #DIGITS} significant digits and no trailing
     * zeros (0.5102040816326531 → 0.5102), but never fewer than their integer digits (12345.678 → 12346); scientific
     * notation outside [1e-4, 1e6) (1.5e-7).
     */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            d = a >= Math.pow(10, DIGITS - 1) ? d.setScale(0, java.math.RoundingMode.HALF_EVEN)
                    : d.round(new java.math.MathContext(DIGITS, java.math.RoundingMode.HALF_EVEN));
            return d.stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (DIGITS - 1) + "e", v).replaceFirst("\\.?0+e", "e")
                .replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
