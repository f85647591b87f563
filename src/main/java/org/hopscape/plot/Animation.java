package org.hopscape.plot;

import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plotly animations that work offline, in the HTML reports and in JupyterLab: a figure with plotly {@code frames},
 * a slider whose steps animate to them and a play / pause button ({@code updatemenus}). Two ways in:
 * <ul>
 * <li>{@link #of}: a figure whose traces are the first frame, plus the frames — for each, the changed attributes of
 *     some traces (e.g. the x, y of moving points); plotly moves the points smoothly from frame to frame;</li>
 * <li>{@link #playable}: a figure with a visibility slider (e.g. {@link PanelGrid#frame}: plotly {@code update}
 *     steps switching traces and annotations) becomes the same slider over frames, with a play button.</li>
 * </ul>
 * The figure's JSON ({@link Plots#json}) then carries {@code frames}; every renderer of the kit passes the whole figure
 * to plotly ({@code Plotly.newPlot(div, figure)}), JupyterLab's plotly renderer adds the frames itself.
 */
public final class Animation {
    private Animation() {}

    /** Milliseconds per frame when playing. */
    public static final int FRAME_MS = 300;
    /** Height (px) added under the plot for the slider and the buttons. */
    public static final int CONTROLS_HEIGHT = 90;

    /**
     * One frame: its slider label and, per animated trace (index into the figure's traces), the attributes it takes
     * at this frame ({@code x}, {@code y}, {@code visible}, {@code marker} …); optionally the layout annotations shown
     * at this frame (null: unchanged).
     */
    public record Frame(String label, Map<Integer, Map<String, Object>> traces, List<Map<String, Object>> annotations) {
        public Frame {
            if (label == null || label.isBlank()) throw new IllegalArgumentException("frame label must not be blank");
            Check.notNull("traces", traces);
            traces = Map.copyOf(traces);
            annotations = annotations == null ? null : List.copyOf(annotations);
        }

        /** A frame moving the points of one trace to (x, y). */
        public static Frame moving(String label, int trace, double[] x, double[] y) {
            Check.sameSize("x.length", x.length, "y.length", y.length);
            return new Frame(label, Map.of(trace, Attrs.of("x", x.clone(), "y", y.clone())), null);
        }
    }

    /**
     * A jsplot figure plus plotly frames. Its JSON ({@link Plots#json}) has {@code frames} next to {@code data} and
     * {@code layout}.
     */
    public static final class Animated extends PlotlyFigure {
        private final List<Map<String, Object>> frames;

        Animated(Figure base, Map<String, Object> layoutExtra, List<Map<String, Object>> frames) {
            super(base.getLayout(), layoutExtra, base.getTraces());
            if (base.getConfig() != null) setConfig(base.getConfig());
            this.frames = List.copyOf(frames);
        }

        /** plotly's frames: {@code {name, data, traces[, layout]}} each. */
        public List<Map<String, Object>> frames() {
            return frames;
        }
    }

    /**
     * The figure animated over {@code frames}: a slider with one step per frame (its label) and ▶ / ❚❚ buttons at
     * its left. Traces named in a frame move smoothly ({@code transitionMs}) when played; the figure's own traces are
     * the state shown before any frame is chosen, normally the first frame's.
     *
     * @param prefix text before the slider's current label, e.g. "epoch " (may be empty)
     * @param redraw true if frames change what plotly cannot tween (visibility, annotations, colours)
     */
    public static Animated of(Figure figure, List<Frame> frames, String prefix, int frameMs, int transitionMs, boolean redraw) {
        Check.notNull("figure", figure);
        if (frames == null || frames.isEmpty()) throw new IllegalArgumentException("frames must hold at least one frame");
        Check.positive("frameMs", frameMs);
        Check.nonNegative("transitionMs", transitionMs);
        int traceCount = figure.getTraces().length;
        int annotationSlots = 0;
        for (Frame f : frames) {
            for (int t : f.traces().keySet())
                if (t < 0 || t >= traceCount)
                    throw new IllegalArgumentException("frame '" + f.label() + "': trace " + t + " outside 0…" + (traceCount - 1));
            if (f.annotations() != null) annotationSlots = Math.max(annotationSlots, f.annotations().size());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            List<Integer> idx = new ArrayList<>(new java.util.TreeSet<>(f.traces().keySet()));
            List<Object> data = new ArrayList<>();
            for (int t : idx) data.add(f.traces().get(t));
            Map<String, Object> fr = new LinkedHashMap<>();
            fr.put("name", name(k, f));
            fr.put("data", data);
            fr.put("traces", idx);
            if (f.annotations() != null) fr.put("layout", Attrs.of("annotations", padded(f.annotations(), annotationSlots)));
            out.add(fr);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (figure instanceof PlotlyFigure pf) extra.putAll(pf.layoutExtra());
        Map<String, Object> parsed = PlotlyJson.parse(figure).layout();
        double height = parsed.get("height") instanceof Number n ? n.doubleValue() : PlotlyJson.DEFAULT_HEIGHT;
        Map<String, Object> margin = margin(parsed.get("margin"));
        double top = ((Number) margin.get("t")).doubleValue(), bottom = ((Number) margin.get("b")).doubleValue();
        // the controls go in a band under the figure's own bottom margin; the plot keeps its size
        double plot = Math.max(50, height - top - bottom), y = -(bottom + 10) / plot;
        margin.put("b", bottom + CONTROLS_HEIGHT);
        extra.put("margin", margin);
        extra.put("height", height + CONTROLS_HEIGHT);
        extra.put("sliders", List.of(slider(frames, prefix, redraw, y, buttonFraction(parsed, margin))));
        Map<String, Object> menu = buttons(frameMs, transitionMs, redraw);
        menu.put("y", y);
        extra.put("updatemenus", List.of(menu));
        return new Animated(figure, extra, out);
    }

    /**
     * A figure with an {@code update} slider (PanelGrid frames: steps switching {@code visible} and
     * {@code annotations}) as the same slider over plotly frames, with a play button; the slider's prefix, position
     * and active step are kept.
     *
     * @throws IllegalArgumentException if the figure has no such slider
     */
    public static Animated playable(Figure figure, int frameMs) {
        Check.notNull("figure", figure);
        Check.positive("frameMs", frameMs);
        Map<String, Object> layout = PlotlyJson.parse(figure).layout();
        if (!(layout.get("sliders") instanceof List<?> sliders) || sliders.isEmpty() || !(sliders.get(0) instanceof Map<?, ?> slider)
                || !(slider.get("steps") instanceof List<?> steps) || steps.isEmpty())
            throw new IllegalArgumentException("figure has no slider to play");
        List<Map<String, Object>> frames = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int slots = 0;
        List<List<Map<String, Object>>> annotations = new ArrayList<>();
        for (Object s : steps) {
            Map<?, ?> step = (Map<?, ?>) s;
            if (!"update".equals(step.get("method")) || !(step.get("args") instanceof List<?> args) || args.isEmpty()
                    || !(args.get(0) instanceof Map<?, ?> restyle) || list(restyle.get("visible")) == null)
                throw new IllegalArgumentException("slider step " + step.get("label") + " is not an update of trace visibility");
            List<?> visible = list(restyle.get("visible"));
            List<Map<String, Object>> ann = new ArrayList<>();
            if (args.size() > 1 && args.get(1) instanceof Map<?, ?> relayout && list(relayout.get("annotations")) != null)
                for (Object o : list(relayout.get("annotations"))) ann.add(copy(o));
            slots = Math.max(slots, ann.size());
            annotations.add(ann);
            labels.add(String.valueOf(step.get("label")));
            Map<String, Object> fr = new LinkedHashMap<>();
            List<Object> data = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < visible.size(); i++) { data.add(Attrs.of("visible", visible.get(i))); idx.add(i); }
            fr.put("data", data);
            fr.put("traces", idx);
            frames.add(fr);
        }
        for (int k = 0; k < frames.size(); k++) {
            frames.get(k).put("name", uniqueName(labels, k));
            frames.get(k).put("layout", Attrs.of("annotations", padded(annotations.get(k), slots)));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (figure instanceof PlotlyFigure pf) extra.putAll(pf.layoutExtra());
        Map<String, Object> newSlider = copy(slider);
        List<Object> newSteps = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) newSteps.add(step(labels.get(k), uniqueName(labels, k), true));
        newSlider.put("steps", newSteps);
        // room for the buttons at the slider's left
        double x = slider.get("x") instanceof Number n ? n.doubleValue() : 0, len = slider.get("len") instanceof Number n ? n.doubleValue() : 1;
        double buttons = buttonFraction(layout, margin(layout.get("margin")));
        newSlider.put("x", x + buttons * len);
        newSlider.put("len", len * (1 - buttons));
        extra.put("sliders", List.of(newSlider));
        Map<String, Object> menu = buttons(frameMs, 0, true);
        menu.put("x", x);
        menu.put("y", slider.get("y") instanceof Number n ? n.doubleValue() : 0);
        menu.put("yanchor", slider.get("yanchor") instanceof String a ? a : "top");
        extra.put("updatemenus", List.of(menu));
        // the first frame's visibility is the figure's own: the traces are those of the jsplot figure
        return new Animated(figure, extra, frames);
    }

    /** Width (px) of the play and pause buttons side by side. */
    static final int BUTTONS_WIDTH = 190;

    /** The fraction of the plot's width (at the design width) that the buttons take at the left of the slider. */
    static double buttonFraction(Map<String, Object> layout, Map<String, Object> margin) {
        double width = layout.get("width") instanceof Number n ? n.doubleValue() : PlotlyJson.DEFAULT_WIDTH;
        double l = margin.get("l") instanceof Number n ? n.doubleValue() : 80, r = margin.get("r") instanceof Number n ? n.doubleValue() : 80;
        return Math.min(0.4, BUTTONS_WIDTH / Math.max(1, width - l - r));
    }

    static Map<String, Object> slider(List<Frame> frames, String prefix, boolean redraw, double y, double buttons) {
        List<Object> steps = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) steps.add(step(frames.get(k).label(), name(k, frames.get(k)), redraw));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("active", 0);
        s.put("steps", steps);
        s.put("x", buttons);
        s.put("len", 1 - buttons);
        s.put("xanchor", "left");
        s.put("y", y);
        s.put("yanchor", "top");
        s.put("pad", Attrs.of("t", 0, "b", 0));
        s.put("currentvalue", Attrs.of("prefix", prefix == null ? "" : prefix, "font", Attrs.of("size", 13)));
        s.put("font", Attrs.of("size", 11));
        return s;
    }

    static Map<String, Object> step(String label, String frameName, boolean redraw) {
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("label", label);
        st.put("method", "animate");
        st.put("args", List.of(List.of(frameName), Attrs.of("mode", "immediate",
                "frame", Attrs.of("duration", 0, "redraw", redraw), "transition", Attrs.of("duration", 0))));
        return st;
    }

    /** ▶ plays from the current frame, ❚❚ stops (plotly's own animate calls). */
    static Map<String, Object> buttons(int frameMs, int transitionMs, boolean redraw) {
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("label", "▶ play");
        play.put("method", "animate");
        List<Object> playArgs = new ArrayList<>();
        playArgs.add(null);
        playArgs.add(Attrs.of("mode", "immediate", "fromcurrent", true, "frame", Attrs.of("duration", frameMs, "redraw", redraw),
                "transition", Attrs.of("duration", transitionMs, "easing", "linear")));
        play.put("args", playArgs);
        Map<String, Object> pause = new LinkedHashMap<>();
        pause.put("label", "❚❚ pause");
        pause.put("method", "animate");
        List<Object> none = new ArrayList<>();
        none.add(null);
        pause.put("args", List.of(none, Attrs.of("mode", "immediate", "frame", Attrs.of("duration", 0, "redraw", redraw),
                "transition", Attrs.of("duration", 0))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "buttons");
        m.put("direction", "left");
        m.put("showactive", false);
        m.put("buttons", List.of(play, pause));
        m.put("x", 0);
        m.put("xanchor", "left");
        m.put("y", 0);
        m.put("yanchor", "top");
        m.put("pad", Attrs.of("t", 22, "r", 10));
        m.put("font", Attrs.of("size", 11));
        return m;
    }

    /** Annotations of one frame, each shown explicitly, padded with hidden ones to the largest frame's count (plotly
     * merges a frame's annotations into the current ones by index, so a shorter list would leave old ones behind). */
    static List<Object> padded(List<Map<String, Object>> annotations, int slots) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> a : annotations) {
            Map<String, Object> c = new LinkedHashMap<>(a);
            c.putIfAbsent("visible", true);
            out.add(c);
        }
        while (out.size() < slots) out.add(Attrs.of("visible", false));
        return out;
    }

    /** The figure's margins with plotly's defaults (t 100, b 80) where unset. */
    static Map<String, Object> margin(Object parsedMargin) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (parsedMargin instanceof Map<?, ?> p) p.forEach((k, v) -> m.put(String.valueOf(k), v));
        if (!(m.get("t") instanceof Number)) m.put("t", 100);
        if (!(m.get("b") instanceof Number)) m.put("b", 80);
        return m;
    }

    private static String name(int k, Frame f) {
        return "f" + k + " " + f.label();
    }

    private static String uniqueName(List<String> labels, int k) {
        return "f" + k + " " + labels.get(k);
    }

    /** A JSON array as the builders hold it (a list or an Object[]), else null. */
    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o instanceof Object[] a ? java.util.Arrays.asList(a) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Object o) {
        Map<String, Object> m = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }
}
