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
        a.remove("title");
        b.remove("title");
        assertEquals(a, b, "layout unchanged but for the title");
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
