package org.hopscape.table;

import org.hopscape.util.Check;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named numeric arrays as the rows of a result table: columns {@code array} (the name), {@code row} (0, 1, …) and
 * {@code values} (the row's numbers, space-separated). A figure's data that is not a flat statistic (the memory
 * images a panel shows, 2-D positions, a profile over 200 samples) travels this way through a {@link ResultTables}
 * file or a sweep checkpoint, with the file's provenance and checksum.
 *
 * <p>Numbers are written with a chosen number of significant digits (rounding half-even; {@code 0} keeps
 * {@link Double#toString}, exact, NaN included for a value not measured); integers exactly; text as a one-row array of its own. Reading back gives the
 * rounded values: choose the digits for what the figure draws (4 for pixel values in [−1, 1], 6 for positions),
 * and store what a claim asserts exactly.
 */
public final class ArrayRows {
    private ArrayRows() {}

    /** Column names. */
    public static final String ARRAY = "array", ROW = "row", VALUES = "values";

    /** An empty table with the three columns. */
    public static Table empty(String name) {
        return Table.create(name, StringColumn.create(ARRAY), IntColumn.create(ROW), StringColumn.create(VALUES));
    }

    /** Builds the rows of one table. */
    public static final class Writer {
        private final Table table;

        public Writer(String name) {
            table = empty(name);
        }

        private Writer row(String array, int row, String values) {
            Check.notNull("array", array);
            if (array.isBlank() || array.contains(" ")) throw new IllegalArgumentException("array name must be one word (got '" + array + "')");
            table.stringColumn(ARRAY).append(array);
            table.intColumn(ROW).append(row);
            table.stringColumn(VALUES).append(values);
            return this;
        }

        /** One row of numbers, {@code digits} significant digits (0 = exact). */
        public Writer add(String array, int row, double[] values, int digits) {
            Check.notNull("values", values);
            Check.inRange("digits", digits, 0, 17);
            StringBuilder sb = new StringBuilder(values.length * 8);
            for (int i = 0; i < values.length; i++) {
                if (digits > 0 && !Double.isFinite(values[i]))
                    throw new IllegalArgumentException(array + "[" + row + "][" + i + "] = " + values[i]
                            + " must be finite when rounded to " + digits + " digits (only exact rows keep NaN, e.g. 'not measured')");
                if (i > 0) sb.append(' ');
                sb.append(format(values[i], digits));
            }
            return row(array, row, sb.toString());
        }

        /** Every row of a matrix (rows 0 … m − 1). */
        public Writer addAll(String array, double[][] rows, int digits) {
            Check.notNull("rows", rows);
            for (int r = 0; r < rows.length; r++) add(array, r, rows[r], digits);
            return this;
        }

        /** One row of integers (exact). */
        public Writer add(String array, int row, int[] values) {
            Check.notNull("values", values);
            StringBuilder sb = new StringBuilder(values.length * 4);
            for (int i = 0; i < values.length; i++) sb.append(i > 0 ? " " : "").append(values[i]);
            return row(array, row, sb.toString());
        }

        /** Every row of an integer matrix. */
        public Writer addAll(String array, int[][] rows) {
            Check.notNull("rows", rows);
            for (int r = 0; r < rows.length; r++) add(array, r, rows[r]);
            return this;
        }

        /** Numbers kept exactly (parameters, measured statistics). */
        public Writer exact(String array, double... values) {
            return add(array, 0, values, 0);
        }

        /** A line of text. */
        public Writer text(String array, String text) {
            Check.notNull("text", text);
            return row(array, 0, text);
        }

        public Table table() {
            return table;
        }
    }

    public static Writer writer(String name) {
        return new Writer(name);
    }

    /** {@code v} rounded to {@code digits} significant digits (0: {@link Double#toString}), shortest plain form. */
    static String format(double v, int digits) {
        if (digits == 0) return Double.toString(v);
        if (v == 0) return "0";
        BigDecimal b = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        return Math.abs(b.scale()) > 12 ? b.toString() : b.toPlainString();
    }

    /** The arrays of a table written by {@link Writer} (any other columns, e.g. a sweep's {@code point}, are ignored). */
    public static Reader read(Table table) {
        return new Reader(table, null);
    }

    /** As {@link #read(Table)}, only the rows whose {@code column} holds {@code value} (e.g. one point of a sweep). */
    public static Reader read(Table table, String column, int value) {
        Check.notNull("column", column);
        if (!table.columnNames().contains(column)) throw new IllegalArgumentException("table " + table.name() + " has no column '" + column + "'");
        return new Reader(table, r -> table.intColumn(column).getInt(r) == value);
    }

    /** Read side: arrays by name. */
    public static final class Reader {
        private final Map<String, TreeMap<Integer, String>> arrays = new LinkedHashMap<>();
        private final String name;

        Reader(Table table, java.util.function.IntPredicate rows) {
            Check.notNull("table", table);
            for (String c : List.of(ARRAY, ROW, VALUES))
                if (!table.columnNames().contains(c)) throw new IllegalArgumentException("table " + table.name() + " has no column '" + c + "'");
            name = table.name();
            for (int r = 0; r < table.rowCount(); r++) {
                if (rows != null && !rows.test(r)) continue;
                String a = table.stringColumn(ARRAY).get(r);
                int row = table.intColumn(ROW).getInt(r);
                if (arrays.computeIfAbsent(a, k -> new TreeMap<>()).put(row, table.stringColumn(VALUES).get(r)) != null)
                    throw new IllegalArgumentException("table " + name + ": array '" + a + "' has row " + row + " twice");
            }
        }

        public boolean has(String array) {
            return arrays.containsKey(array);
        }

        private TreeMap<Integer, String> rows(String array) {
            TreeMap<Integer, String> m = arrays.get(array);
            if (m == null) throw new IllegalArgumentException("table " + name + " has no array '" + array + "' (has " + arrays.keySet() + ")");
            return m;
        }

        /** Number of rows of an array (its rows must be 0 … m − 1). */
        public int rowCount(String array) {
            TreeMap<Integer, String> m = rows(array);
            if (m.firstKey() != 0 || m.lastKey() != m.size() - 1)
                throw new IllegalArgumentException("table " + name + ": array '" + array + "' rows are not 0 … " + (m.size() - 1));
            return m.size();
        }

        public double[] doubles(String array, int row) {
            String s = rows(array).get(row);
            if (s == null) throw new IllegalArgumentException("table " + name + ": array '" + array + "' has no row " + row);
            if (s.isEmpty()) return new double[0];
            String[] p = s.split(" ");
            double[] v = new double[p.length];
            for (int i = 0; i < p.length; i++) v[i] = Double.parseDouble(p[i]);
            return v;
        }

        public double[] doubles(String array) {
            return doubles(array, 0);
        }

        public double[][] matrix(String array) {
            int m = rowCount(array);
            double[][] out = new double[m][];
            for (int r = 0; r < m; r++) out[r] = doubles(array, r);
            return out;
        }

        public int[] ints(String array, int row) {
            double[] d = doubles(array, row);
            int[] v = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                v[i] = (int) d[i];
                if (v[i] != d[i]) throw new IllegalArgumentException("table " + name + ": " + array + "[" + row + "][" + i + "] = " + d[i] + " is not an integer");
            }
            return v;
        }

        public int[] ints(String array) {
            return ints(array, 0);
        }

        public int[][] intMatrix(String array) {
            int m = rowCount(array);
            int[][] out = new int[m][];
            for (int r = 0; r < m; r++) out[r] = ints(array, r);
            return out;
        }

        public String text(String array) {
            return rows(array).get(0);
        }

        /** The array names, in order of first appearance. */
        public List<String> names() {
            return new ArrayList<>(arrays.keySet());
        }
    }
}
