package org.hopscape.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Independent work items (runs, trajectories, cells, grid points) on a fixed number of worker threads that stop when
 * the caller is interrupted. Item i must write only its own output slots and draw from its own
 * {@code Rng.stream(seed, i)}, so results do not depend on the thread count or the order items run in.
 *
 * <p>Interruption (issue 16 item 1): when the calling thread is interrupted while it waits, the pool is shut down
 * with {@code shutdownNow} (every worker is interrupted), the call waits for the workers to end — every long loop
 * in the kit checks {@link Interrupts} — and throws {@link Interrupted} with the caller's interrupt status set. No
 * worker is left running. A failing item stops the others the same way and its exception is rethrown.
 *
 * <p>Workers are daemon platform threads named {@value #THREAD_PREFIX}…; the pool is created per call and shut
 * down before the call returns.
 */
public final class Parallel {
    private Parallel() {}

    /** Name prefix of every worker thread (tests look for leftovers by it). */
    public static final String THREAD_PREFIX = "hopscape-worker-";

    /** How long an interrupted or failed call waits for its workers to notice and end. */
    static final long STOP_WAIT_SECONDS = 30;

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Default worker count: the available processors (never a hard-coded number). */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code body.accept(i)} for i in [0, n) on up to {@code threads} workers (1: on the calling thread).
     *
     * @param what names the work in the {@link Interrupted} message, e.g. "glauber runs"
     * @throws Interrupted when the calling thread is interrupted (workers stopped, interrupt status kept)
     */
    public static void forEach(String what, int n, int threads, IntConsumer body) {
        Check.nonNegative("n", n);
        Check.positive("threads", threads);
        Check.notNull("body", body);
        if (n == 0) return;
        if (threads == 1 || n == 1) {
            for (int i = 0; i < n; i++) {
                Interrupts.check(what);
                body.accept(i);
            }
            return;
        }
        int workers = Math.min(threads, n);
        Pool ex = new Pool(workers);
        AtomicInteger next = new AtomicInteger();
        try {
            CompletionService<Void> cs = new ExecutorCompletionService<>(ex);
            List<Future<Void>> futures = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++)
                futures.add(cs.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < n; ) {
                        Interrupts.check(what);
                        body.accept(i);
                    }
                    return null;
                }));
            for (int w = 0; w < workers; w++) {
                Future<Void> f;
                try {
                    f = cs.take();
                } catch (InterruptedException e) {
                    stop(ex);
                    Thread.currentThread().interrupt();
                    throw new Interrupted(what);
                }
                try {
                    f.get();
                } catch (ExecutionException e) {
                    next.set(n);
                    stop(ex);
                    Throwable cause = e.getCause();
                    if (cause instanceof Interrupted && Thread.currentThread().isInterrupted()) throw new Interrupted(what);
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(what + ": worker failed", cause);
                } catch (InterruptedException e) {
                    stop(ex);
                    Thread.currentThread().interrupt();
                    throw new Interrupted(what);
                }
            }
        } finally {
            ex.shutdownNow();
        }
        awaitQuietly(ex);
    }

    /** Receives finished items on the calling thread, in the order they finish. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(int index, T result);
    }

    /**
     * Computes {@code body.apply(i)} for i in [0, n) on up to {@code threads} workers and hands each result to
     * {@code sink} on the calling thread as soon as it is finished (e.g. to checkpoint it). A failing item does not
     * stop the others: every item that finishes is handed over, then the first failure is rethrown. When the
     * calling thread is interrupted, the workers are stopped, every item finished by then is still handed to the
     * sink (with the interrupt status cleared for the sink's file writes, then restored), and {@link Interrupted}
     * is thrown.
     *
     * @param what names the work in messages, e.g. "sweep 03-fig7-saddles"
     */
    public static <T> void forEachCompleted(String what, int n, int threads, java.util.function.IntFunction<T> body,
                                            Sink<T> sink) {
        Check.nonNegative("n", n);
        Check.positive("threads", threads);
        Check.notNull("body", body);
        Check.notNull("sink", sink);
        if (n == 0) return;
        int workers = Math.min(threads, n);
        Pool ex = new Pool(workers);
        CompletionService<Done<T>> cs = new ExecutorCompletionService<>(ex);
        Throwable failure = null;
        int handed = 0;
        try {
            for (int i = 0; i < n; i++) {
                final int index = i;
                cs.submit(() -> {
                    Interrupts.check(what);
                    return new Done<>(index, body.apply(index));
                });
            }
            for (int k = 0; k < n; k++) {
                Future<Done<T>> f;
                try {
                    f = cs.take();
                } catch (InterruptedException e) {
                    stop(ex);
                    drain(cs, sink);
                    Thread.currentThread().interrupt();
                    throw new Interrupted(what);
                }
                Done<T> d;
                try {
                    d = f.get();
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    continue;
                } catch (InterruptedException e) {
                    stop(ex);
                    drain(cs, sink);
                    Thread.currentThread().interrupt();
                    throw new Interrupted(what);
                }
                sink.accept(d.index(), d.result());
                handed++;
                if (Thread.currentThread().isInterrupted()) {
                    stop(ex);
                    drain(cs, sink);
                    Thread.currentThread().interrupt();
                    throw new Interrupted(what);
                }
            }
        } finally {
            ex.shutdownNow();
            awaitQuietly(ex);
        }
        if (failure != null) {
            if (failure instanceof Interrupted && Thread.currentThread().isInterrupted()) throw new Interrupted(what);
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error err) throw err;
            throw new IllegalStateException(what + ": " + (n - handed) + " of " + n + " items failed", failure);
        }
    }

    private record Done<T>(int index, T result) {}

    /** Hand the items that finished before the pool stopped to the sink, the interrupt status cleared meanwhile. */
    private static <T> void drain(CompletionService<Done<T>> cs, Sink<T> sink) {
        boolean interrupted = Thread.interrupted();
        try {
            for (Future<Done<T>> f; (f = cs.poll()) != null; ) {
                try {
                    Done<T> d = f.get();
                    sink.accept(d.index(), d.result());
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    // an item stopped by the interrupt, or failed: nothing to keep
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Shut the pool down now (workers interrupted) and wait for the workers to end. */
    private static void stop(Pool ex) {
        ex.shutdownNow();
        awaitQuietly(ex);
    }

    /** Wait for the workers to end, without giving up the caller's interrupt status. */
    private static void awaitQuietly(Pool ex) {
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            while (!ex.isTerminated()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    ex.awaitTermination(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            // a terminated pool's threads may still be tearing down: join them, so none is alive when a call returns
            for (Thread t : ex.threads) {
                long left = deadline - System.nanoTime();
                while (t.isAlive() && left > 0) {
                    try {
                        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                    left = deadline - System.nanoTime();
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** A fixed pool of named daemon worker threads that remembers its threads (to join them). */
    private static final class Pool extends java.util.concurrent.ThreadPoolExecutor {
        final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

        Pool(int workers) {
            super(workers, workers, 0L, TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<>());
            String name = THREAD_PREFIX + POOLS.incrementAndGet() + "-";
            AtomicInteger count = new AtomicInteger();
            setThreadFactory(r -> {
                Thread t = new Thread(r, name + count.incrementAndGet());
                t.setDaemon(true);
                threads.add(t);
                return t;
            });
        }
    }
}
