package org.hopscape.papers.waddington;

import org.hopscape.plot.Animation;
import org.hopscape.plot.Plots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** 000 Figs. 3–4 in motion (issue 13, beyond the papers): one frame per trail epoch moving the memories. */
class UmapAnimationTest {

    @Test
    void trailEpochsFollowTheStoredTrails() {
        // every 50 from 200 to the last panel, plus the panel epochs; earlier panels (100) are not on the last trail
        assertArrayEquals(new int[] {200, 250, 270, 300, 350, 370, 400}, WaddingtonFigures.trailEpochs(new int[] {100, 270, 370, 400}, 50));
        assertArrayEquals(new int[] {150}, WaddingtonFigures.trailEpochs(new int[] {150}, 50), "a last panel before 200 is its own trail");
        assertThrows(IllegalArgumentException.class, () -> WaddingtonFigures.trailEpochs(new int[] {400}, 0));
    }

    @Test
    void eachFrameHoldsTheMemoriesAtItsEpoch() {
        double[][] reference = {{0, 0}, {1, 0}, {0, 1}};
        int[] labels = {0, 1, 1};
        int[] epochs = {200, 250, 300};
        // two memories moving on straight lines
        double[][][] trails = new double[2][3][];
        for (int t = 0; t < 3; t++) {
            trails[0][t] = new double[] {0.1 * t, 0.5};
            trails[1][t] = new double[] {1 - 0.2 * t, -0.3 * t};
        }
        Animation.Animated fig = (Animation.Animated) WaddingtonFigures.umapAnimation("t", reference, labels, epochs, trails);
        List<Map<String, Object>> frames = fig.frames();
        assertEquals(3, frames.size());
        int memories = fig.getTraces().length - 1;
        assertEquals("memories (2)", fig.getTraces()[memories].name());
        for (int t = 0; t < 3; t++) {
            assertEquals(List.of(memories), frames.get(t).get("traces"));
            Map<?, ?> d = (Map<?, ?>) ((List<?>) frames.get(t).get("data")).get(0);
            assertArrayEquals(new double[] {trails[0][t][0], trails[1][t][0]}, (double[]) d.get("x"), 0);
            assertArrayEquals(new double[] {trails[0][t][1], trails[1][t][1]}, (double[]) d.get("y"), 0);
        }
        String json = Plots.json(fig);
        assertTrue(json.contains("\"label\":\"epoch 250\""), "slider steps named by epoch");
        assertTrue(json.contains("\"updatemenus\""), "play button");
        assertThrows(IllegalArgumentException.class, () -> WaddingtonFigures.umapAnimation("t", reference, labels, new int[] {200, 250},
                trails), "one position per epoch");
    }
}
