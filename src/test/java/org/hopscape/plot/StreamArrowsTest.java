package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StreamArrowsTest {

    @Test
    void marksSitAtTheArcLengthAndPointAlongTheFlow() {
        // right along y = 0, up along x = 1, then an L: 0.5 right, then up (mark at arc length 0.8 is on the up leg)
        List<double[][]> lines = List.of(
                new double[][] {{0, 0.5, 1}, {0, 0, 0}},
                new double[][] {{1, 1, 1}, {0, -1, -2}},
                new double[][] {{0, 0.5, 0.5}, {0, 0, 1}});
        double[][] m = StreamArrows.marks(lines, 0.8);
        assertEquals(3, m[0].length);
        assertArrayEquals(new double[] {0.8, 1, 0.5}, m[0], 1e-12);
        assertArrayEquals(new double[] {0, -0.8, 0.3}, m[1], 1e-12);
        // plotly marker angles: clockwise from up — right 90°, down 180°, up 0°
        assertArrayEquals(new double[] {90, 180, 0}, m[2], 1e-12);
    }

    @Test
    void shortOrWanderingLinesGetNoMark() {
        double[][] tooShort = {{0, 0.1}, {0, 0}};
        // jitter around a fixed point: arc length 0.8 reached, but the chord from the start is 0
        double[][] jitter = {{0, 0.2, 0, 0.2, 0, 0.2}, {0, 0, 0, 0, 0, 0}};
        double[][] m = StreamArrows.marks(List.<double[][]>of(tooShort, jitter), 0.8);
        assertEquals(0, m[0].length);
        assertThrows(IllegalArgumentException.class, () -> StreamArrows.marks(List.<double[][]>of(tooShort), 0));
        assertThrows(IllegalArgumentException.class, () -> StreamArrows.marks(List.<double[][]>of(new double[][] {{0, 1}, {0}}), 0.5));
    }

    @Test
    void traceIsTurnedTrianglesOnTheGivenAxes() {
        String js = StreamArrows.trace(List.<double[][]>of(new double[][] {{0, 0, 0}, {0, 1, 2}}), 0.5, "x3", "y3", "grey", 7).asJavascript(0);
        assertTrue(js.contains("\"symbol\":\"triangle-up\""), js);
        assertTrue(js.contains("\"angle\":[0"), js);
        assertTrue(js.contains("\"xaxis\":\"x3\"") && js.contains("\"yaxis\":\"y3\""), js);
        assertTrue(js.contains("\"showlegend\":false"), js);
    }
}
