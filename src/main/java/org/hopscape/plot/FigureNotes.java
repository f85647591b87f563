package org.hopscape.plot;

import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A note appended to a figure's title — e.g. where its data come from ("full setting (precomputed, …)") — leaving its
 * traces, axes and styling as they are.
 */
public final class FigureNotes {
    private FigureNotes() {}

    /**
     * The figure with {@code note} on a line of its own under its title (the note alone for an untitled figure), so
     * that a long title is not pushed out of view. A new figure; the argument is not changed.
     */
    /** Height of the added title line in pixels, and plotly's top margin when a figure sets none. */
    static final double EXTRA_LINE = 22, PLOTLY_DEFAULT_TOP = 100;

    public static Figure titled(Figure figure, String note) {
        Check.notNull("figure", figure);
        if (note == null || note.isBlank()) throw new IllegalArgumentException("note must not be blank");
        Map<String, Object> layout = PlotlyJson.parse(figure).layout();
        String title = layout.get("title") instanceof Map<?, ?> t && t.get("text") instanceof String s ? s
                : layout.get("title") instanceof String s ? s : "";
        Map<String, Object> extra = new LinkedHashMap<>();
        if (figure instanceof PlotlyFigure pf) extra.putAll(pf.layoutExtra());
        Map<String, Object> t = new LinkedHashMap<>();
        if (extra.get("title") instanceof Map<?, ?> old) old.forEach((k, v) -> t.put(String.valueOf(k), v));
        t.put("text", title.isBlank() ? note : title + "<br>" + note);
        extra.put("title", t);
        if (!title.isBlank()) {
            // one more title line: a taller top margin (and figure), so the title does not run into subplot titles
            Object m = layout.get("margin");
            Object top = m instanceof Map<?, ?> mm ? mm.get("t") : null;
            Map<String, Object> margin = new LinkedHashMap<>();
            if (extra.get("margin") instanceof Map<?, ?> old) old.forEach((k, v) -> margin.put(String.valueOf(k), v));
            margin.put("t", (top instanceof Number n ? n.doubleValue() : PLOTLY_DEFAULT_TOP) + EXTRA_LINE);
            extra.put("margin", margin);
            if (layout.get("height") instanceof Number h) {
                extra.put("height", h.doubleValue() + EXTRA_LINE);
                // a title pinned below the top edge (yanchor top, as PanelGrid draws it): plotly lifts a two-line
                // title by its extra line, so move it down by one line to keep it on the canvas
                if (t.get("y") instanceof Number y && "top".equals(t.get("yanchor"))) {
                    double offset = (1 - y.doubleValue()) * h.doubleValue() + EXTRA_LINE;
                    t.put("y", 1 - offset / (h.doubleValue() + EXTRA_LINE));
                }
            }
        }
        PlotlyFigure out = new PlotlyFigure(figure.getLayout(), extra, figure.getTraces());
        if (figure.getConfig() != null) out.setConfig(figure.getConfig());
        return out;
    }
}
