package org.hopscape.util;

import java.io.PrintStream;

/**
 * A one-line text progress bar; thread-safe, throttled so that tight loops do not flood the output. Each task's
 * clock starts with its own first report (a bar shared by several tasks does not carry the time of the earlier ones).
 */
public final class ProgressBar implements Progress {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 30;
    private final PrintStream out;
    private long started = System.nanoTime();
    private long lastDraw;
    private String lastTask = "";
    private boolean lastFinished;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void report(String task, long done, long total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!task.equals(lastTask) || lastFinished) started = now; // a new task (or a rerun): its own clock
        lastFinished = finished;
        if (!finished && task.equals(lastTask) && now - lastDraw < MIN_INTERVAL_NANOS) return;
        lastDraw = now;
        lastTask = task;
        out.print(line(task, done, total, (now - started) / 1e9));
        out.print(finished ? "\n" : "\r");
        out.flush();
    }

    /** The text of one bar, e.g. {@code "epochs [#####.....]  50/100  1.2 s"}. */
    static String line(String task, long done, long total, double seconds) {
        double f = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        return String.format("%s [%s%s] %d/%d %.1f s", task, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, seconds);
    }
}
