package org.hopscape.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressDisplayTest {
    static final class Recorder implements ProgressDisplay.Sink {
        final List<String[]> events = new ArrayList<>();

        @Override public void show(String id, String line) { events.add(new String[] {"show", id, line}); }

        @Override public void update(String id, String line) { events.add(new String[] {"update", id, line}); }
    }

    @Test
    void oneDisplayPerTaskUpdatedInPlaceWithItsOwnClock() {
        long[] now = {0};
        Recorder r = new Recorder();
        ProgressDisplay p = new ProgressDisplay(r, () -> now[0]);
        now[0] = 5_000_000_000L; // 5 s after the display was made: the first task's clock starts here
        for (int i = 0; i <= 100; i++) {
            p.report("epochs", i, 100);
            now[0] += 10_000_000L; // 10 ms per step: throttled to one redraw per 0.5 s
        }
        p.report("umap", 0, 10);
        now[0] += 2_000_000_000L;
        p.report("umap", 10, 10);
        List<String[]> e = r.events;
        assertEquals("show", e.get(0)[0]);
        long shows = e.stream().filter(x -> x[0].equals("show")).count();
        assertEquals(2, shows);
        assertTrue(e.size() < 10, "throttled: " + e.size() + " events for 103 reports");
        String[] lastEpochs = e.stream().filter(x -> x[2].startsWith("epochs")).reduce((a, b) -> b).orElseThrow();
        assertTrue(lastEpochs[2].contains("100/100 1.0 s"), lastEpochs[2]); // 100 steps × 10 ms, not 5 s + 1 s
        String[] lastUmap = e.get(e.size() - 1);
        assertTrue(lastUmap[2].contains("10/10 2.0 s"), lastUmap[2]); // its own clock, not the epochs' time
        assertNotEquals(e.get(0)[1], lastUmap[1]);
        assertTrue(e.stream().filter(x -> x[2].startsWith("epochs")).allMatch(x -> x[1].equals(e.get(0)[1])));
    }
}
