package org.hopscape;

import org.hopscape.table.Provenance;
import org.hopscape.table.ReproductionCheck;
import org.hopscape.util.Settings;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook's setup cell returns: its name, the tier (quick/full), the seed and the provenance of the run.
 * The kernel's startup script displays it as the provenance table.
 *
 * @param name notebook name, e.g. "00-tour"
 * @param seed the seed every random draw of the notebook derives from
 */
public record Notebook(String name, long seed, boolean full) {

    /** Setup for a notebook; the tier comes from {@code HOPSCAPE_FULL} / {@code -Dhopscape.full}. */
    public static Notebook setup(String name, long seed) {
        return new Notebook(name, seed, Settings.full());
    }

    /** Pick the quick or the full value of a parameter. */
    public int pick(int quick, int full) {
        return this.full ? full : quick;
    }

    public <T> T pick(T quick, T full) {
        return this.full ? full : quick;
    }

    public String tier() {
        return full ? "full" : "quick";
    }

    /** A fresh reproduction check for this notebook. */
    public ReproductionCheck check() {
        return new ReproductionCheck(name);
    }

    public Provenance provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("notebook", name);
        p.put("tier", tier());
        return Provenance.of(p, seed);
    }

    /** Provenance as a two-column table (shown by the setup cell). */
    public Table toTable() {
        Provenance p = provenance();
        Table t = Table.create("Run", StringColumn.create("item"), StringColumn.create("value"));
        Map<String, String> m = new LinkedHashMap<>();
        m.put("notebook", name);
        m.put("tier", tier());
        m.put("seed", Long.toString(seed));
        m.put("hopscape", p.version());
        m.put("commit", p.commit());
        m.put("java", Runtime.version().toString());
        m.put("threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.forEach((k, v) -> { t.stringColumn("item").append(k); t.stringColumn("value").append(v); });
        return t;
    }
}
