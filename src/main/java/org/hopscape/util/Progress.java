package org.hopscape.util;

/**
 * Progress of a long library call: the loop reports how far it is; the notebook or CLI decides how to show it.
 * Library code never prints (style.md #8). Implementations must be thread-safe when a call runs in parallel.
 */
@FunctionalInterface
public interface Progress {
    /** Listener that ignores every report. */
    Progress NONE = (task, done, total) -> {};

    /**
     * Called after each unit of work.
     *
     * @param task  short name of what runs, e.g. "krotov epochs"
     * @param done  units finished so far, 0 ≤ done ≤ total
     * @param total units in all
     */
    void report(String task, long done, long total);

    /** A text bar on stderr, redrawn at most every 200 ms (and at the end). */
    static Progress stderrBar() {
        return new ProgressBar(System.err);
    }
}
