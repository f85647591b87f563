package org.hopscape.table;

import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Settings;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The claim / expected / measured / pass table that ends every notebook. Build it with the {@code close},
 * {@code atMost}, {@code atLeast} and {@code holds} verbs, display {@link #toTable()}, then call
 * {@link #assertAllPass()}: it saves the rows to {@code reports/checks/<notebook>.csv} (the main job collects
 * them into reports/reproduction.md) and throws when a claim fails, so the notebook run fails.
 */
public final class ReproductionCheck {
    /** One claim. */
    public record Row(String claim, String source, String expected, String measured, boolean pass) {}

    private final String notebook;
    private final List<Row> rows = new ArrayList<>();

    public ReproductionCheck(String notebook) {
        if (notebook == null || notebook.isBlank()) throw new IllegalArgumentException("notebook name must not be blank");
        this.notebook = notebook;
    }

    /** |measured − expected| ≤ tolerance. */
    public ReproductionCheck close(String claim, String source, double expected, double measured, double tolerance) {
        boolean ok = Math.abs(measured - expected) <= tolerance;
        return add(claim, source, fmt(expected) + " ± " + fmt(tolerance), fmt(measured), ok);
    }

    /** |measured − expected| ≤ relTol·|expected|. */
    public ReproductionCheck relative(String claim, String source, double expected, double measured, double relTol) {
        boolean ok = Math.abs(measured - expected) <= relTol * Math.abs(expected);
        return add(claim, source, fmt(expected) + " ± " + fmt(100 * relTol) + "%", fmt(measured), ok);
    }

    /** measured ≤ bound. */
    public ReproductionCheck atMost(String claim, String source, double bound, double measured) {
        return add(claim, source, "≤ " + fmt(bound), fmt(measured), measured <= bound);
    }

    /** measured ≥ bound. */
    public ReproductionCheck atLeast(String claim, String source, double bound, double measured) {
        return add(claim, source, "≥ " + fmt(bound), fmt(measured), measured >= bound);
    }

    /** A claim that holds or not, with what was measured in words. */
    public ReproductionCheck holds(String claim, String source, String expected, String measured, boolean pass) {
        return add(claim, source, expected, measured, pass);
    }

    public ReproductionCheck add(String claim, String source, String expected, String measured, boolean pass) {
        rows.add(new Row(claim, source, expected, measured, pass));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public boolean allPass() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::pass);
    }

    public Table toTable() {
        Table t = Table.create("Reproduction check — " + notebook,
                StringColumn.create("claim"), StringColumn.create("source"), StringColumn.create("expected"),
                StringColumn.create("measured"), BooleanColumn.create("pass"));
        for (Row r : rows) {
            t.stringColumn("claim").append(r.claim());
            t.stringColumn("source").append(r.source());
            t.stringColumn("expected").append(r.expected());
            t.stringColumn("measured").append(r.measured());
            t.booleanColumn("pass").append(r.pass());
        }
        return t;
    }

    /** Save the rows for the report, then throw if any claim fails (or there is none). */
    public Table assertAllPass() {
        save(Settings.reports().resolve("checks").resolve(notebook + ".csv"));
        if (rows.isEmpty()) throw new IllegalStateException("reproduction check of " + notebook + " has no claims");
        List<String> failed = rows.stream().filter(r -> !r.pass()).map(r -> r.claim() + " (expected " + r.expected()
                + ", measured " + r.measured() + ")").toList();
        if (!failed.isEmpty())
            throw new IllegalStateException(failed.size() + " claim(s) failed in " + notebook + ": " + String.join("; ", failed));
        return toTable();
    }

    /** Save as a provenance CSV (tier recorded as a parameter). */
    public Path save(Path file) {
        return ResultTables.save(toTable(), file,
                Provenance.of(java.util.Map.of("notebook", notebook, "tier", Settings.tier()), -1));
    }

    static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) return String.format(Locale.ROOT, "%d", (long) x);
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3g", x);
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
