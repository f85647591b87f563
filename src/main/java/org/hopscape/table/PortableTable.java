package org.hopscape.table;

import org.hopscape.util.Check;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A Tablesaw {@link Table} in a serialisable form (a Table is not {@link Serializable}): its name, column names, column
 * types and values, a missing value as null. {@link #toTable()} gives back a table equal to the original cell by cell
 * and type by type, so the rows of a sweep point are the same whether they were made in this JVM or sent from another
 * one (an engine's worker).
 *
 * @param name    the table's name
 * @param columns column names, in order
 * @param types   Tablesaw column type names ({@link ColumnType#name()}), one per column
 * @param values  per column, its cells (boxed: Double, Integer, String, …; null = missing)
 */
public record PortableTable(String name, String[] columns, String[] types, Object[][] values) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public PortableTable {
        Check.notNull("columns", columns);
        Check.notNull("types", types);
        Check.notNull("values", values);
        if (types.length != columns.length || values.length != columns.length)
            throw new IllegalArgumentException("columns, types and values must have one entry per column (got "
                    + columns.length + ", " + types.length + ", " + values.length + ")");
        for (int c = 1; c < values.length; c++)
            if (values[c].length != values[0].length)
                throw new IllegalArgumentException("values: column " + columns[c] + " has " + values[c].length
                        + " cells but column " + columns[0] + " has " + values[0].length);
    }

    /** The table's content, copied. */
    public static PortableTable of(Table t) {
        Check.notNull("t", t);
        List<Column<?>> cols = t.columns();
        String[] names = new String[cols.size()], types = new String[cols.size()];
        Object[][] values = new Object[cols.size()][];
        for (int c = 0; c < cols.size(); c++) {
            Column<?> col = cols.get(c);
            names[c] = col.name();
            types[c] = col.type().name();
            Object[] v = new Object[col.size()];
            for (int r = 0; r < v.length; r++) v[r] = col.isMissing(r) ? null : col.get(r);
            values[c] = v;
        }
        return new PortableTable(t.name(), names, types, values);
    }

    /** The table again: same name, columns, types and cells. */
    public Table toTable() {
        Table t = Table.create(name);
        for (int c = 0; c < columns.length; c++) {
            Column<?> col = ColumnType.valueOf(types[c]).create(columns[c]);
            for (Object v : values[c]) {
                if (v == null) col.appendMissing();
                else col.appendObj(v);
            }
            t.addColumns(col);
        }
        return t;
    }

    /** Rows in the table. */
    public int rowCount() {
        return values.length == 0 ? 0 : values[0].length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortableTable p && java.util.Objects.equals(name, p.name) && Arrays.equals(columns, p.columns)
                && Arrays.equals(types, p.types) && Arrays.deepEquals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(columns) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "PortableTable[" + name + ", " + Arrays.toString(columns) + ", " + rowCount() + " rows]";
    }
}
