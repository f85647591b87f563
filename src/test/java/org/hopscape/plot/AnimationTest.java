package org.hopscape.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Plotly animations (issue 13, beyond the papers): frames, a slider over them and a play / pause button. */
class AnimationTest {

    /** A figure with a static trace 0 and a moving trace 1 of two points. */
    private static Figure base() {
        return Figures.lines("moving", "x", "y", List.of(
                new Figures.Series("reference", new double[] {0, 1}, new double[] {0, 1}),
                new Figures.Series("points", new double[] {0, 0}, new double[] {0, 0})));
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Object map, String key) {
        return (T) ((Map<String, Object>) map).get(key);
    }

    @Test
    void framesMoveTheirTraceAndTheSliderAndPlayButtonAnimateThem() {
        List<Animation.Frame> frames = List.of(
                Animation.Frame.moving("epoch 0", 1, new double[] {0, 0}, new double[] {0, 0}),
                Animation.Frame.moving("epoch 10", 1, new double[] {0.5, 1}, new double[] {0.25, 2}),
                Animation.Frame.moving("epoch 20", 1, new double[] {1, 2}, new double[] {1, 3}));
        Animation.Animated fig = Animation.of(base(), frames, "", 250, 100, false);
        Map<String, Object> json = PlotlyJson.of(fig);
        assertEquals(List.of("data", "layout", "config", "frames"), List.copyOf(json.keySet()));

        List<Object> fr = get(json, "frames");
        assertEquals(3, fr.size());
        assertEquals(List.of(1), get(fr.get(2), "traces"), "only the moving trace is in a frame");
        List<Object> data = get(fr.get(2), "data");
        assertArrayEquals(new double[] {1, 2}, get(data.get(0), "x"));
        assertArrayEquals(new double[] {1, 3}, get(data.get(0), "y"));
        assertNull(get(fr.get(1), "layout"), "no annotations given: the layout is left alone");

        Map<String, Object> layout = get(json, "layout");
        List<Object> sliders = get(layout, "sliders");
        List<Object> steps = get(sliders.get(0), "steps");
        assertEquals(3, steps.size());
        for (int k = 0; k < 3; k++) {
            assertEquals("animate", get(steps.get(k), "method"));
            assertEquals(frames.get(k).label(), get(steps.get(k), "label"));
            List<Object> args = get(steps.get(k), "args");
            assertEquals(List.of((String) get(fr.get(k), "name")), args.get(0), "step " + k + " animates to frame " + k);
        }
        List<Object> menus = get(layout, "updatemenus");
        assertEquals(1, menus.size());
        assertEquals("buttons", get(menus.get(0), "type"));
        List<Object> buttons = get(menus.get(0), "buttons");
        assertEquals(2, buttons.size());
        List<Object> play = get(buttons.get(0), "args"), pause = get(buttons.get(1), "args");
        assertEquals("animate", get(buttons.get(0), "method"));
        assertNull(play.get(0), "play runs through all frames");
        assertEquals(Boolean.TRUE, get(play.get(1), "fromcurrent"));
        assertEquals(250, ((Number) get(get(play.get(1), "frame"), "duration")).intValue());
        assertEquals(100, ((Number) get(get(play.get(1), "transition"), "duration")).intValue());
        assertEquals(java.util.Collections.singletonList(null), pause.get(0), "pause: animate to [null] stops");

        // room for the controls: the figure grows by the controls' band, the plot keeps its height
        assertEquals(Figures.HEIGHT + Animation.CONTROLS_HEIGHT, Plots.designSize(fig)[1]);
        assertTrue(Plots.json(fig).contains("\"frames\":["), "the MIME JSON carries the frames");
        assertTrue(Plots.figureHtml(fig).contains("Plotly.newPlot(d,f)"), "the whole figure, frames included, is drawn");
    }

    @Test
    void badFramesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Animation.of(base(), List.of(), "", 100, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Animation.of(base(),
                List.of(Animation.Frame.moving("a", 2, new double[] {0}, new double[] {0})), "", 100, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Animation.Frame.moving("a", 0, new double[] {0, 1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Animation.of(base(),
                List.of(Animation.Frame.moving("a", 1, new double[] {0}, new double[] {0})), "", 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Animation.playable(base(), 100), "no slider to play");
    }

    @Test
    void aVisibilitySliderBecomesPlayableFrames() {
        PanelGrid g = new PanelGrid("t", 1, 1, 1);
        g.lines(0, List.<double[][]>of(new double[][] {{0, 1}, {0, 1}}), "black", 1, "always");
        for (int f = 0; f < 3; f++) {
            g.frame("η = " + f);
            g.markers(0, new double[] {f}, new double[] {f}, Map.of("color", "black"), "m", null);
            for (int a = 0; a <= f; a++) g.label(0, f, a, "label " + f + "." + a); // frames hold 1, 2, 3 labels
        }
        g.sliderPrefix("η = ");
        g.activeFrame(1);
        Figure slider = g.build();
        Map<String, Object> json = PlotlyJson.of(Animation.playable(slider, 400));
        List<Object> fr = get(json, "frames");
        assertEquals(3, fr.size());
        for (int f = 0; f < 3; f++) {
            List<Object> data = get(fr.get(f), "data");
            assertEquals(List.of(0, 1, 2, 3), get(fr.get(f), "traces"));
            assertEquals(true, get(data.get(0), "visible"), "the trace before the first frame stays");
            for (int i = 1; i <= 3; i++) assertEquals(i - 1 == f, get(data.get(i), "visible"), "frame " + f + ", trace " + i);
            List<Object> notes = get(get(fr.get(f), "layout"), "annotations");
            assertEquals(3, notes.size(), "padded to the largest frame: plotly merges annotations by index");
            for (int a = 0; a < 3; a++) {
                assertEquals(a <= f, get(notes.get(a), "visible"), "frame " + f + ", annotation " + a);
                if (a <= f) assertEquals("label " + f + "." + a, get(notes.get(a), "text"));
            }
        }
        Map<String, Object> layout = get(json, "layout");
        Map<String, Object> s = (Map<String, Object>) ((List<?>) get(layout, "sliders")).get(0);
        assertEquals(1, ((Number) s.get("active")).intValue(), "the active step is kept");
        assertEquals("η = ", ((Map<?, ?>) s.get("currentvalue")).get("prefix"));
        List<Object> steps = get(s, "steps");
        for (int f = 0; f < 3; f++) {
            assertEquals("animate", get(steps.get(f), "method"));
            assertEquals(List.of((String) get(fr.get(f), "name")), ((List<?>) get(steps.get(f), "args")).get(0));
        }
        List<Object> menus = get(layout, "updatemenus");
        List<Object> buttons = get(menus.get(0), "buttons");
        assertEquals(Boolean.TRUE, get(get(((List<?>) get(buttons.get(0), "args")).get(1), "frame"), "redraw"),
                "visibility needs a redraw");
        assertTrue(((Number) s.get("x")).doubleValue() > ((Number) get(menus.get(0), "x")).doubleValue(),
                "the slider starts right of the buttons");
    }
}
