package org.hopscape.table;

import tech.tablesaw.api.Table;

/** Tables as HTML for notebooks and reports (tablesaw-html), long tables cut to head and tail. */
public final class Html {
    private Html() {}

    public static final int MAX_ROWS = 40;

    public static String table(Table t) {
        if (t.rowCount() <= MAX_ROWS) return t.write().toString("html");
        int half = MAX_ROWS / 2;
        Table cut = t.first(half).append(t.last(half));
        cut.setName(t.name());
        return cut.write().toString("html")
                + "<p><em>" + t.rowCount() + " rows; showing the first and last " + half + "</em></p>";
    }
}
