package org.hopscape.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read-only run settings from system properties and environment: the quick/full tier, where the kit lives,
 * where reports go. Nothing here is mutable.
 */
public final class Settings {
    private Settings() {}

    /** True when the full (paper-scale) setting is selected: {@code -Dhopscape.full=true} or {@code HOPSCAPE_FULL=1}. */
    public static boolean full() {
        String p = System.getProperty("hopscape.full");
        if (p != null && !p.isBlank()) return Boolean.parseBoolean(p.trim());
        String e = System.getenv("HOPSCAPE_FULL");
        return e != null && (e.equals("1") || e.equalsIgnoreCase("true"));
    }

    /** "full" or "quick". */
    public static String tier() {
        return full() ? "full" : "quick";
    }

    /** Pick the value for the current tier. */
    public static <T> T pick(T quick, T full) {
        return full() ? full : quick;
    }

    public static int pick(int quick, int full) {
        return full() ? full : quick;
    }

    /** Project root: {@code -Dhopscape.home}, {@code HOPSCAPE_HOME}, else the nearest ancestor of cwd with a pom.xml. */
    public static Path home() {
        String p = firstNonBlank(System.getProperty("hopscape.home"), System.getenv("HOPSCAPE_HOME"));
        if (p != null) return Path.of(p).toAbsolutePath().normalize();
        Path d = Path.of("").toAbsolutePath();
        for (Path x = d; x != null; x = x.getParent())
            if (Files.isRegularFile(x.resolve("pom.xml")) && Files.isDirectory(x.resolve("notebooks"))) return x;
        return d;
    }

    /**
     * Where reports and figures go: {@code -Dhopscape.reports} or {@code HOPSCAPE_REPORTS} (the headless runner sets
     * it), else {@code HOPSCAPE_SCRATCH} (the kit's kernel sets it: notebooks run by hand in JupyterLab write to
     * {@code <home>/scratch}, never over the reports), else {@code <home>/reports}.
     */
    public static Path reports() {
        String p = firstNonBlank(System.getProperty("hopscape.reports"), System.getenv("HOPSCAPE_REPORTS"),
                System.getenv("HOPSCAPE_SCRATCH"));
        return p != null ? Path.of(p).toAbsolutePath() : home().resolve("reports");
    }

    /**
     * The Spark master that sweeps run on ({@code org.hopscape.analysis.Sweep.Options}): {@code -Dhopscape.spark.master}
     * or {@code HOPSCAPE_SPARK_MASTER}, e.g. {@code local[*]}, {@code local[2]} or {@code spark://host:7077}; null when
     * neither is set (sweeps run on local threads). The words {@code threads} and {@code local-threads} also mean
     * local threads, so that a setting can be overridden back to the default.
     */
    public static String sparkMaster() {
        String m = firstNonBlank(System.getProperty("hopscape.spark.master"), System.getenv("HOPSCAPE_SPARK_MASTER"));
        return m == null || m.equals("threads") || m.equals("local-threads") ? null : m;
    }

    static String firstNonBlank(String... xs) {
        for (String x : xs) if (x != null && !x.isBlank()) return x.trim();
        return null;
    }
}
