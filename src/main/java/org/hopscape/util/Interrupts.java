package org.hopscape.util;

/**
 * Cooperative interruption of long library loops (issue 16 item 1, issue 18). A loop calls {@link #check(String)}
 * every few milliseconds of work — per time step, epoch, sweep or work item; the call is a field read — and stops
 * with {@link Interrupted} once its thread has been interrupted. Worker pools ({@link Parallel}) interrupt their
 * workers when the calling thread is interrupted, so the same check stops them too.
 */
public final class Interrupts {
    private Interrupts() {}

    /** Throws {@link Interrupted} ("{@code what} interrupted") when the current thread has been interrupted. */
    public static void check(String what) {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted(what);
    }

    /**
     * The same check every {@code 2^k}-th iteration of a tight loop: {@code checkEvery(step, 255, "…")} reads the flag
     * when {@code (step & 255) == 0}.
     */
    public static void checkEvery(long step, long mask, String what) {
        if ((step & mask) == 0 && Thread.currentThread().isInterrupted()) throw new Interrupted(what);
    }
}
