package org.hopscape.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class ParallelTest {
    /** True when every pool thread has ended within one second (a returning pool may still be tearing down). */
    static boolean noWorkers() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith(Parallel.THREAD_PREFIX) && t.isAlive())) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    @Test
    void everyFinishedItemReachesTheSinkOnTheCallingThreadWhateverTheThreads() throws InterruptedException {
        for (int threads : new int[] {1, 2, 3}) {
            TreeMap<Integer, Double> got = new TreeMap<>();
            Thread caller = Thread.currentThread();
            Parallel.forEachCompleted("items", 50, threads, i -> Rng.stream(4, i).nextGaussian(), (i, v) -> {
                assertSame(caller, Thread.currentThread());
                assertNull(got.put(i, v), "item " + i + " handed over twice");
            });
            assertEquals(50, got.size());
            for (int i = 0; i < 50; i++) assertEquals(Rng.stream(4, i).nextGaussian(), got.get(i), 0.0);
            assertTrue(noWorkers());
        }
    }

    @Test
    void aFailingItemLetsTheOthersFinishAndIsRethrown() {
        List<Integer> got = new ArrayList<>();
        var e = assertThrows(IllegalArgumentException.class, () -> Parallel.forEachCompleted("items", 20, 2, i -> {
            if (i == 7) throw new IllegalArgumentException("item 7 is bad");
            return i;
        }, (i, v) -> got.add(i)));
        assertEquals("item 7 is bad", e.getMessage());
        assertEquals(19, got.size(), "every other item is handed over");
        assertFalse(got.contains(7));
    }

    @Test
    void anInterruptStopsTheWorkersAndKeepsWhatFinished() throws InterruptedException {
        Set<Integer> got = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Parallel.forEachCompleted("items", 100, 2, i -> {
                    if (i >= 4) for (long k = 0; ; k++) Interrupts.checkEvery(k, 1023, "item");  // items 4… never end
                    return i;
                }, (i, v) -> got.add(i));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (got.size() < 4 && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(Set.of(0, 1, 2, 3), got, "the quick items finished first");
        t.interrupt();
        t.join(1000);
        assertFalse(t.isAlive());
        assertInstanceOf(Interrupted.class, thrown.get());
        assertEquals(Set.of(0, 1, 2, 3), got);
        assertTrue(noWorkers(), "workers stopped");
    }
}
