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
        PlotlyFigure out = new PlotlyFigure(figure.getLayout(), extra, figure.getTraces());
        if (figure.getConfig() != null) out.setConfig(figure.getConfig());
        return out;
    }
}
