package org.hopscape.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FigureNotesTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> layout(Figure f) {
        return (Map<String, Object>) PlotlyJson.of(f).get("layout");
    }

    @Test
    void theNoteGoesUnderTheTitleAndNothingElseChanges() {
        Figure f = Figures.lines("Fig X — a title", "n", "y", List.of(new Figures.Series("a", new double[] {1, 2}, new double[] {3, 4})));
        String before = Plots.json(f);
        Figure g = FigureNotes.titled(f, "full setting (precomputed, data/results/000)");
        assertEquals(before, Plots.json(f), "the argument is not changed");
        Map<String, Object> title = (Map<String, Object>) layout(g).get("title");
        assertEquals("Fig X — a title<br>full setting (precomputed, data/results/000)", title.get("text"));
        assertEquals(PlotlyJson.of(f).get("data"), PlotlyJson.of(g).get("data"), "traces unchanged");
        Map<String, Object> a = new java.util.HashMap<>(layout(f)), b = new java.util.HashMap<>(layout(g));
        // the added title line gets room: top margin and height grow by one line, the plotting area keeps its size
        Map<String, Object> ma = (Map<String, Object>) a.remove("margin"), mb = (Map<String, Object>) b.remove("margin");
        double top = ma != null && ma.get("t") instanceof Number n ? n.doubleValue() : FigureNotes.PLOTLY_DEFAULT_TOP;
        assertEquals(top + FigureNotes.EXTRA_LINE, ((Number) mb.get("t")).doubleValue(), 1e-9);
        if (a.get("height") instanceof Number h)
            assertEquals(h.doubleValue() + FigureNotes.EXTRA_LINE, ((Number) b.remove("height")).doubleValue(), 1e-9);
        a.remove("height");
        a.remove("title");
        b.remove("title");
        if (ma != null) for (String k : List.of("l", "r", "b")) assertEquals(ma.get(k), mb.get(k), "margin " + k);
        assertEquals(a, b, "layout unchanged but for the title, top margin and height");
    }

    @Test
    void aTitlePinnedToTheTopMovesDownByTheAddedLine() {
        Figure f = new PanelGrid("Fig — a grid", 1, 2, 0.6).build();
        Map<String, Object> before = layout(f), after = layout(FigureNotes.titled(f, "full setting"));
        double h0 = ((Number) before.get("height")).doubleValue(), h1 = ((Number) after.get("height")).doubleValue();
        double y0 = ((Number) ((Map<String, Object>) before.get("title")).get("y")).doubleValue();
        double y1 = ((Number) ((Map<String, Object>) after.get("title")).get("y")).doubleValue();
        assertEquals(h0 + FigureNotes.EXTRA_LINE, h1, 1e-9);
        // pixels from the top edge to the title: one added line further down
        assertEquals((1 - y0) * h0 + FigureNotes.EXTRA_LINE, (1 - y1) * h1, 1e-9);
    }

    @Test
    void titleAttributesOfAPlotlyFigureAreKeptAndAnUntitledFigureGetsTheNote() {
        PlotlyFigure f = new PlotlyFigure(Layout.builder().build(), Map.of("title", Map.of("text", "T", "font", Map.of("size", 13))),
                ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
        Map<String, Object> t = (Map<String, Object>) layout(FigureNotes.titled(f, "note")).get("title");
        assertEquals("T<br>note", t.get("text"));
        assertEquals(Map.of("size", 13), t.get("font"));
        Figure plain = new Figure(ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
        assertEquals("note", ((Map<String, Object>) layout(FigureNotes.titled(plain, "note")).get("title")).get("text"));
        assertThrows(IllegalArgumentException.class, () -> FigureNotes.titled(plain, " "));
    }
}
