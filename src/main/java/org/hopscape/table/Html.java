package org.hopscape.table;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.Locale;

/**
 * Tables as HTML for notebooks and reports: the table's name as caption, text columns aligned left and number
 * columns right, numbers shown with at most {@value #DIGITS} significant digits (saved tables keep every digit),
 * long tables cut to head and tail.
 */
public final class Html {
    private Html() {}

    public static final int MAX_ROWS = 40;

    /** Significant digits of a shown number. */
    public static final int DIGITS = 6;

    public static String table(Table t) {
        if (t.rowCount() <= MAX_ROWS) return write(t, "");
        int half = MAX_ROWS / 2;
        Table cut = t.first(half).append(t.last(half));
        cut.setName(t.name());
        return write(cut, "<p><em>" + t.rowCount() + " rows; showing the first and last " + half + "</em></p>");
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

    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) return "";
        Object v = column.get(row);
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f);
        return column.getString(row);
    }

    /**
     * A number for reading: whole numbers without decimals, others with at most {@value #DIGITS} significant digits
     * and no trailing zeros, scientific notation outside [1e-4, 1e6).
     */
    public static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        String s = a >= 1e-4 && a < 1e6
                ? new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%." + (DIGITS - 1) + "e", v).replaceFirst("\\.?0+e", "e").replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
        return s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
