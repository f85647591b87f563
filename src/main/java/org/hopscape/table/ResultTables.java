package org.hopscape.table;

import org.hopscape.util.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result tables on disk: CSV with a provenance header ({@code # key: value} lines: parameters, seed, library
 * version, git commit, column types), written atomically. Doubles are written with {@link Double#toString} so
 * that a save/load round trip is exact.
 */
public final class ResultTables {
    private ResultTables() {}

    /** A table read back with the provenance it was saved with. */
    public record Saved(Table table, Provenance provenance) {}

    private static final String TYPES_KEY = "columns";

    /** Write {@code table} to {@code file} (temp file, then rename). Returns the absolute path. */
    public static Path save(Table table, Path file, Provenance provenance) {
        StringBuilder sb = new StringBuilder();
        provenance.asMap().forEach((k, v) -> sb.append("# ").append(k).append(": ").append(oneLine(v)).append('\n'));
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
                else sb.append(quote(col.getUnformattedString(r)));
            }
            sb.append('\n');
        }
        return AtomicFiles.write(file, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Read a table saved by {@link #save}; column types come from the header. */
    public static Saved load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read result table " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> header = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size() && lines.get(i).startsWith("# ")) {
            String l = lines.get(i++).substring(2);
            int colon = l.indexOf(": ");
            if (colon > 0) header.put(l.substring(0, colon), l.substring(colon + 2));
        }
        String typeList = header.remove(TYPES_KEY);
        if (typeList == null) throw new IllegalArgumentException(file + " has no '# columns:' header: not a hopscape result table");
        String[] typeNames = typeList.isEmpty() ? new String[0] : typeList.split(",");
        ColumnType[] types = new ColumnType[typeNames.length];
        for (int k = 0; k < types.length; k++) types[k] = ColumnType.valueOf(typeNames[k]);
        String body = String.join("\n", lines.subList(i, lines.size()));
        try {
            Table t = Table.read().csv(CsvReadOptions.builder(new StringReader(body))
                    .tableName(file.getFileName().toString().replaceFirst("\\.csv$", ""))
                    .columnTypes(types).missingValueIndicator("").build());
            return new Saved(t, Provenance.fromMap(header));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed result table " + file + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(String v) {
        return v.replace('\n', ' ').replace('\r', ' ');
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
