package org.hopscape.table;

import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Check;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Result tables on disk: CSV with a provenance header ({@code # key: value} lines: parameters, seed, library
 * version, git commit, column types), written atomically, and closed by an end line
 * {@code # end: rows=<n>, crc32=<hex>} over everything above it. Doubles are written with {@link Double#toString}
 * so that a save/load round trip is exact; strings are always quoted, so {@code ""} and {@code " x "} come back as
 * they were; a missing value is an empty, unquoted cell.
 *
 * <p>{@link #load} refuses, with the file in the message, a table that is not complete: no end line (truncated, or
 * written by a kit older than the end line), a row count or checksum that does not match (edited or damaged), a row
 * with too few or too many cells, a cell that does not parse as its column's type, or a provenance without version
 * or seed. Header keys and values escape {@code \}, {@code :} (keys), line breaks and tabs with a backslash.
 */
public final class ResultTables {
    private ResultTables() {}

    /** A table read back with the provenance it was saved with. */
    public record Saved(Table table, Provenance provenance) {}

    private static final String TYPES_KEY = "columns";
    private static final String END = "# end: ";

    /** Write {@code table} to {@code file} (temp file, then rename). Returns the absolute path. */
    public static Path save(Table table, Path file, Provenance provenance) {
        Check.notNull("table", table);
        Check.notNull("file", file);
        Check.notNull("provenance", provenance);
        StringBuilder sb = new StringBuilder();
        provenance.asMap().forEach((k, v) -> sb.append("# ").append(escape(k, true)).append(": ").append(escape(v, false))
                .append('\n'));
        List<String> types = new ArrayList<>();
        for (Column<?> c : table.columns()) types.add(c.type().name());
        sb.append("# ").append(TYPES_KEY).append(": ").append(String.join(",", types)).append('\n');
        List<String> names = new ArrayList<>();
        for (Column<?> c : table.columns()) names.add(quote(c.name()));
        sb.append(String.join(",", names)).append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnCount(); c++) {
                if (c > 0) sb.append(',');
                Column<?> col = table.column(c);
                if (col.isMissing(r)) continue;
                if (col instanceof DoubleColumn d) sb.append(Double.toString(d.getDouble(r)));
                else if (col instanceof FloatColumn f) sb.append(Float.toString(f.getFloat(r)));
                else if (col.type() == ColumnType.STRING) sb.append(quote(col.getUnformattedString(r), true));
                else sb.append(quote(col.getUnformattedString(r)));
            }
            sb.append('\n');
        }
        String crc = crc(sb);
        sb.append(END).append("rows=").append(table.rowCount()).append(", crc32=").append(crc).append('\n');
        return AtomicFiles.write(file, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Read a table saved by {@link #save}; column types come from the header. */
    public static Saved load(Path file) {
        Check.notNull("file", file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read result table " + file + ": " + e, e);
        }
        int endAt = text.lastIndexOf("\n" + END);
        if (endAt < 0 || !text.endsWith("\n"))
            throw new IllegalArgumentException(file + " has no '" + END.trim() + "' line: the table is truncated, or was"
                    + " not written by this kit's ResultTables.save");
        String content = text.substring(0, endAt + 1);
        String end = text.substring(endAt + 1 + END.length(), text.length() - 1);
        long rows;
        String crc;
        try {
            String[] parts = end.split(", ");
            if (parts.length != 2 || !parts[0].startsWith("rows=") || !parts[1].startsWith("crc32="))
                throw new NumberFormatException(end);
            rows = Long.parseLong(parts[0].substring(5));
            crc = parts[1].substring(6);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": malformed end line '" + END + end + "'");
        }
        if (!crc.equals(crc(content)))
            throw new IllegalArgumentException(file + ": checksum mismatch (crc32 " + crc(content) + ", end line says " + crc
                    + "): the file was edited or damaged after it was written");
        List<String> lines = content.lines().toList();
        Map<String, String> header = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("# ")) {
            String[] kv = splitHeader(lines.get(i).substring(2), file, i + 1);
            header.put(kv[0], kv[1]);
            i++;
        }
        String typeList = header.remove(TYPES_KEY);
        if (typeList == null) throw new IllegalArgumentException(file + " has no '# columns:' header: not a hopscape result table");
        String[] typeNames = typeList.isEmpty() ? new String[0] : typeList.split(",");
        ColumnType[] types = new ColumnType[typeNames.length];
        for (int k = 0; k < types.length; k++) {
            try {
                types[k] = ColumnType.valueOf(typeNames[k]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": unknown column type '" + typeNames[k] + "' in the '# columns:' header");
            }
        }
        Provenance provenance;
        try {
            provenance = Provenance.fromMap(header);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (i >= lines.size()) throw new IllegalArgumentException(file + ": no column-name line after the header");
        List<String> names = cells(lines.get(i), file, i + 1);
        if (names.size() != types.length)
            throw new IllegalArgumentException(file + ": " + names.size() + " column names but " + types.length + " column types");
        Table t = Table.create(file.getFileName().toString().replaceFirst("\\.csv$", ""));
        List<Column<?>> columns = new ArrayList<>();
        for (int k = 0; k < types.length; k++) {
            Column<?> c = types[k].create(names.get(k));
            columns.add(c);
            t.addColumns(c);
        }
        long read = 0;
        for (int r = i + 1; r < lines.size(); r++, read++) {
            List<String> cells = cells(lines.get(r), file, r + 1);
            if (cells.size() != types.length)
                throw new IllegalArgumentException(file + ", line " + (r + 1) + ": " + cells.size() + " cells, the table has "
                        + types.length + " columns");
            for (int k = 0; k < types.length; k++) append(columns.get(k), types[k], cells.get(k), file, r + 1);
        }
        if (read != rows)
            throw new IllegalArgumentException(file + ": " + read + " rows, the end line says " + rows);
        return new Saved(t, provenance);
    }

    // ------------------------------------------------------------------------------------------------ cells

    /** A cell as written by {@link #save}: null for a missing (empty, unquoted) cell, else the unquoted text. */
    private static List<String> cells(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) throw new IllegalArgumentException(file + ", line " + lineNo + ": unterminated quoted cell");
                    char c = line.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && line.charAt(j + 1) == '"') { sb.append('"'); j += 2; continue; }
                        j++;
                        break;
                    }
                    if (c == '\\' && j + 1 < n) { sb.append(unescapeChar(line.charAt(j + 1))); j += 2; continue; }
                    sb.append(c);
                    j++;
                }
                out.add(sb.toString());
                i = j;
            } else {
                int j = line.indexOf(',', i);
                if (j < 0) j = n;
                String raw = line.substring(i, j);
                out.add(raw.isEmpty() ? null : raw);
                i = j;
            }
            if (i >= n) return out;
            if (line.charAt(i) != ',')
                throw new IllegalArgumentException(file + ", line " + lineNo + ": ',' expected after a quoted cell at column " + (i + 1));
            i++;
        }
    }

    private static void append(Column<?> column, ColumnType type, String cell, Path file, int lineNo) {
        if (cell == null) {
            column.appendMissing();
            return;
        }
        try {
            if (column instanceof DoubleColumn d) d.append(Double.parseDouble(cell));
            else if (column instanceof FloatColumn f) f.append(Float.parseFloat(cell));
            else if (column instanceof StringColumn s) s.append(cell);
            else column.appendCell(cell);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ", line " + lineNo + ", column '" + column.name() + "': '" + cell
                    + "' is not a " + type.name().toLowerCase(Locale.ROOT), e);
        }
    }

    private static String quote(String s) {
        return quote(s, false);
    }

    /** Quoted (always when {@code always}, else only when needed); line breaks escaped as \n, backslashes doubled. */
    private static String quote(String s, boolean always) {
        boolean special = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.indexOf('\\') >= 0 || s.isEmpty() || !s.equals(s.strip());
        if (!always && !special) return s;
        return '"' + s.replace("\\", "\\\\").replace("\"", "\"\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    // ------------------------------------------------------------------------------------------------ header

    /** Backslash escapes: \\, \n, \r, \t, and (in keys) \: so that "key: value" splits at the first unescaped ": ". */
    static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case ':' -> sb.append(key ? "\\:" : ":");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static char unescapeChar(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        };
    }

    /** Key and value of a header line, unescaped. */
    private static String[] splitHeader(String line, Path file, int lineNo) {
        StringBuilder key = new StringBuilder();
        int i = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) { key.append(unescapeChar(line.charAt(++i))); continue; }
            if (c == ':' && i + 1 < line.length() && line.charAt(i + 1) == ' ') break;
            key.append(c);
        }
        if (i >= line.length() || key.isEmpty())
            throw new IllegalArgumentException(file + ", line " + lineNo + ": header line '# " + line + "' is not '# key: value'");
        StringBuilder value = new StringBuilder();
        for (int j = i + 2; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\' && j + 1 < line.length()) { value.append(unescapeChar(line.charAt(++j))); continue; }
            value.append(c);
        }
        return new String[] {key.toString(), value.toString()};
    }

    private static String crc(CharSequence content) {
        CRC32 c = new CRC32();
        c.update(content.toString().getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", c.getValue());
    }
}
