package org.hopscape.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress shown as one line per task that is updated in place (a Jupyter display updated by its id), so an
 * executed notebook and its HTML report keep one final line per bar, not hundreds of redrawn stderr lines. Each
 * task's clock starts with its first report. Redraws are throttled; the final state of every task is always drawn.
 * Thread-safe. The notebook kernel supplies the {@link Sink} (its display and update-display calls).
 */
public final class ProgressDisplay implements Progress {
    /** Where lines go: {@code show} creates the display {@code id}, {@code update} replaces its text. */
    public interface Sink {
        void show(String id, String line);

        void update(String id, String line);
    }

    private static final long MIN_INTERVAL_NANOS = 500_000_000L;
    private final Sink sink;
    private final Clock clock;
    private final String prefix;
    private final Map<String, State> tasks = new LinkedHashMap<>();

    /** Nanosecond time source (tests pass their own). */
    public interface Clock {
        long nanoTime();
    }

    private static final class State {
        final String id;
        final long started;
        long lastDraw;
        boolean finished;

        State(String id, long started) {
            this.id = id;
            this.started = started;
        }
    }

    public ProgressDisplay(Sink sink) {
        this(sink, System::nanoTime);
    }

    public ProgressDisplay(Sink sink, Clock clock) {
        if (sink == null) throw new IllegalArgumentException("sink must not be null");
        if (clock == null) throw new IllegalArgumentException("clock must not be null");
        this.sink = sink;
        this.clock = clock;
        this.prefix = "hsprogress-" + Long.toString(System.identityHashCode(this), 36) + "-"
                + Long.toString(clock.nanoTime() & 0xffffffL, 36) + "-";
    }

    @Override
    public synchronized void report(String task, long done, long total) {
        long now = clock.nanoTime();
        State s = tasks.get(task);
        boolean finished = done >= total;
        if (s == null || (s.finished && !finished)) { // a new task, or the same name run again: a new bar and clock
            s = new State(prefix + tasks.size() + "-" + task.hashCode(), now);
            tasks.put(task, s);
            s.lastDraw = now;
            s.finished = finished;
            sink.show(s.id, ProgressBar.line(task, done, total, 0));
            return;
        }
        if (!finished && now - s.lastDraw < MIN_INTERVAL_NANOS) return;
        if (s.finished && finished) return;
        s.lastDraw = now;
        s.finished = finished;
        sink.update(s.id, ProgressBar.line(task, done, total, (now - s.started) / 1e9));
    }
}
