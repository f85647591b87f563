package org.hopscape.table;

import org.hopscape.util.Check;
import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Settings;
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
    /**
     * One claim. {@code requirement} is null for a claim that always applies; otherwise it names what the claim
     * needs (e.g. the authors' data set) and {@code applies} says whether the run had it. {@code measuredHere} is
     * false when the run could not even measure the quantity (e.g. a result table that is not shipped).
     */
    public record Row(String claim, String source, String expected, String measured, boolean pass,
                      String requirement, boolean applies, boolean measuredHere) {
        public Row(String claim, String source, String expected, String measured, boolean pass) {
            this(claim, source, expected, measured, pass, null, true, true);
        }

        public Row(String claim, String source, String expected, String measured, boolean pass,
                   String requirement, boolean applies) {
            this(claim, source, expected, measured, pass, requirement, applies, true);
        }

        /**
         * "pass" or "FAIL" for an asserted claim. A claim whose requirement the run did not meet still says what its
         * measured value would give: "would pass — not asserted (needs …)" or "fails on the data at hand — not
         * asserted (needs …)"; "not measured — not asserted (needs …)" only when nothing could be measured.
         */
        public String verdict() {
            if (applies) return pass ? "pass" : "FAIL";
            String outcome = !measuredHere ? "not measured" : pass ? "would pass" : "fails on the data at hand";
            return outcome + " — not asserted (needs " + requirement + ")";
        }
    }

    private final String notebook;
    private final List<Row> rows = new ArrayList<>();
    private String requirement;
    private boolean requirementMet = true;

    public ReproductionCheck(String notebook) {
        if (notebook == null || notebook.isBlank()) throw new IllegalArgumentException("notebook name must not be blank");
        this.notebook = notebook;
    }

    /** |measured − expected| ≤ tolerance. */
    public ReproductionCheck close(String claim, String source, double expected, double measured, double tolerance) {
        Check.nonNegative("tolerance", tolerance);
        boolean ok = Math.abs(measured - expected) <= tolerance;
        return add(claim, source, fmt(expected) + " ± " + fmt(tolerance), fmt(measured), ok);
    }

    /** |measured − expected| ≤ relTol·|expected|. */
    public ReproductionCheck relative(String claim, String source, double expected, double measured, double relTol) {
        Check.nonNegative("relTol", relTol);
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
        Check.notNull("claim", claim);
        Check.notNull("source", source);
        Check.notNull("expected", expected);
        Check.notNull("measured", measured);
        rows.add(new Row(claim, source, expected, measured, pass, requirement, requirementMet, true));
        return this;
    }

    /**
     * A claim the run could not measure at all ({@code why}, e.g. "not shipped yet"): listed with its verdict
     * "not measured — not asserted (needs …)". Only allowed after {@link #given} with an unmet requirement, since an
     * always-applying claim must be measured.
     */
    public ReproductionCheck unmeasured(String claim, String source, String expected, String why) {
        Check.notNull("claim", claim);
        Check.notNull("source", source);
        Check.notNull("expected", expected);
        Check.notNull("why", why);
        if (requirementMet)
            throw new IllegalStateException("unmeasured claim '" + claim + "' needs an unmet given(requirement, false) before it");
        rows.add(new Row(claim, source, expected, why, false, requirement, false, false));
        return this;
    }

    /**
     * The claims added from here on hold only for runs that have {@code requirement} — e.g. reference numbers
     * computed on the authors' exact data set. When {@code met} is false they are still measured and shown, marked
     * "would pass — not asserted (needs …)" or "fails on the data at hand — not asserted (needs …)", and do not fail the notebook; when true they are asserted like any other claim.
     */
    public ReproductionCheck given(String requirement, boolean met) {
        if (requirement == null || requirement.isBlank()) throw new IllegalArgumentException("requirement must not be blank");
        this.requirement = requirement;
        this.requirementMet = met;
        return this;
    }

    /** The claims added from here on apply to every run again. */
    public ReproductionCheck always() {
        this.requirement = null;
        this.requirementMet = true;
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** At least one claim was asserted, and every asserted claim holds. */
    public boolean allPass() {
        return rows.stream().anyMatch(Row::applies) && rows.stream().filter(Row::applies).allMatch(Row::pass);
    }

    public Table toTable() {
        Table t = Table.create("Reproduction check — " + notebook,
                StringColumn.create("claim"), StringColumn.create("source"), StringColumn.create("expected"),
                StringColumn.create("measured"), StringColumn.create("pass"));
        for (Row r : rows) {
            t.stringColumn("claim").append(r.claim());
            t.stringColumn("source").append(r.source());
            t.stringColumn("expected").append(r.expected());
            t.stringColumn("measured").append(r.measured());
            t.stringColumn("pass").append(r.verdict());
        }
        return t;
    }

    /** Save the rows for the report, then throw if any claim fails (or there is none). */
    public Table assertAllPass() {
        save(Settings.reports().resolve("checks").resolve(notebook + ".csv"));
        if (rows.stream().noneMatch(Row::applies))
            throw new IllegalStateException("reproduction check of " + notebook + " asserts no claim");
        List<String> failed = rows.stream().filter(r -> r.applies() && !r.pass()).map(r -> r.claim() + " (expected " + r.expected()
                + ", measured " + r.measured() + ")").toList();
        if (!failed.isEmpty())
            throw new IllegalStateException(failed.size() + " claim(s) failed in " + notebook + ": " + String.join("; ", failed));
        return toTable();
    }

    /** Save as a provenance CSV (tier recorded as a parameter). */
    public Path save(Path file) {
        java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();   // notebook, then tier, in every run
        parameters.put("notebook", notebook);
        parameters.put("tier", Settings.tier());
        return ResultTables.save(toTable(), file, Provenance.of(parameters, -1));
    }

    static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) return String.format(Locale.ROOT, "%d", (long) x);
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3g", x);
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
