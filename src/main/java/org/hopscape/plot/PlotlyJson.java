package org.hopscape.plot;

import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A jsplot figure as plotly's own figure JSON, {@code {"data": […], "layout": {…}, "config": {…}}}: what the
 * {@code application/vnd.plotly.v1+json} MIME type carries and what {@code Plotly.newPlot} takes. Built by reading
 * the figure's script ({@link JsLiteral}), then:
 * <ul>
 * <li>titles in plotly's object form ({@code title: 'x'} → {@code title: {text: 'x'}}, {@code titlefont} → its
 * {@code font}), which plotly.js 2 and 3+ both draw (3+ ignores the string form jsplot writes);</li>
 * <li>numbers that jsplot quotes in x/y/z arrays as numbers, {@code "NaN"} as {@code null} (a gap); long number
 * arrays as plotly's typed arrays ({@link TypedArray}), so that notebooks do not store them one number per line;</li>
 * <li>responsive: no fixed width ({@code autosize}, the width of the container), the height kept — it is chosen per
 * panel grid by the figure's builder; the fixed design size is {@link #designSize} (PNG pages use it).</li>
 * </ul>
 */
final class PlotlyJson {
    private PlotlyJson() {}

    /** plotly's default page size, where a layout sets none. */
    static final int DEFAULT_WIDTH = 700, DEFAULT_HEIGHT = 450;

    record Parsed(List<Object> data, Map<String, Object> layout, Map<String, Object> config) {}

    /** The figure as plotly JSON (responsive). */
    static Map<String, Object> of(Figure figure) {
        Parsed p = parse(figure);
        Map<String, Object> layout = new LinkedHashMap<>(p.layout());
        layout.remove("width");
        layout.put("autosize", true);
        Map<String, Object> config = new LinkedHashMap<>(p.config());
        config.putIfAbsent("responsive", true);
        config.putIfAbsent("displaylogo", false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", p.data());
        out.put("layout", layout);
        out.put("config", config);
        // an animation's frames (Plotly.newPlot(div, figure) and JupyterLab's renderer add them)
        if (figure instanceof Animation.Animated a) out.put("frames", a.frames());
        return out;
    }

    /** Width and height the figure was designed for (its layout's, plotly's defaults where unset). */
    static int[] designSize(Figure figure) {
        Map<String, Object> layout = parse(figure).layout();
        return new int[] {pixels(layout.get("width"), DEFAULT_WIDTH), pixels(layout.get("height"), DEFAULT_HEIGHT)};
    }

    static int pixels(Object v, int otherwise) {
        return v instanceof Number n && n.doubleValue() > 0 ? (int) Math.round(n.doubleValue()) : otherwise;
    }

    static Parsed parse(Figure figure) {
        String script = figure instanceof PlotlyFigure pf ? pf.jsplotJavascript("hsfigure") : figure.asJavascript("hsfigure");
        Map<String, Object> vars = new LinkedHashMap<>();
        JsLiteral.Call plot = null;
        for (Object st : JsLiteral.statements(script)) {
            if (st instanceof JsLiteral.Var v) vars.put(v.name(), resolve(v.value(), vars));
            else if (st instanceof JsLiteral.Call c && (c.callee().equals("Plotly.newPlot") || c.callee().equals("Plotly.react")))
                plot = c;
            else throw new IllegalStateException("figure script: cannot read the statement " + st);
        }
        if (plot == null || plot.args().size() < 2)
            throw new IllegalStateException("figure script: no Plotly.newPlot(target, data, layout) call");
        Object data = resolve(plot.args().get(1), vars);
        Object layout = plot.args().size() > 2 ? resolve(plot.args().get(2), vars) : Map.of();
        Object config = plot.args().size() > 3 ? resolve(plot.args().get(3), vars) : Map.of();
        if (!(data instanceof List<?> traces)) throw new IllegalStateException("figure script: data is not an array: " + data);
        if (!(layout instanceof Map<?, ?>)) throw new IllegalStateException("figure script: layout is not an object: " + layout);
        if (!(config instanceof Map<?, ?>)) throw new IllegalStateException("figure script: config is not an object: " + config);
        Map<String, Object> lay = copy(layout);
        unescapeTags(lay);
        if (figure instanceof PlotlyFigure pf) merge(lay, pf.layoutExtra());
        normalizeTitles(lay);
        List<Object> out = new ArrayList<>();
        for (Object t : traces) {
            if (!(t instanceof Map<?, ?>)) throw new IllegalStateException("figure script: a trace is not an object: " + t);
            Map<String, Object> trace = copy(t);
            unescapeTags(trace);
            normalizeTitles(trace);
            for (String k : new String[] {"x", "y", "z"})
                if (trace.get(k) instanceof List<?> a) trace.put(k, TypedArray.ifLong(numeric(a)));
            out.add(trace);
        }
        return new Parsed(out, lay, copy(config));
    }

    private static Object resolve(Object v, Map<String, Object> vars) {
        if (v instanceof JsLiteral.Ref r) {
            if (!vars.containsKey(r.name())) throw new IllegalStateException("figure script: unknown name " + r.name());
            return vars.get(r.name());
        }
        if (v instanceof List<?> a) {
            List<Object> out = new ArrayList<>(a.size());
            for (Object x : a) out.add(resolve(x, vars));
            return out;
        }
        return v;
    }

    /**
     * Deep copy of nested maps and lists (so normalizing never touches a shared value). Maps without an order of
     * their own ({@code Map.of}, hash maps) are copied in key order, so the JSON is the same in every run.
     */
    static Map<String, Object> copy(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ordered(map)) out.put(e.getKey(), copyValue(e.getValue()));
        return out;
    }

    /** A map's entries in its own order, or in key order if it has none ({@code Map.of}, hash maps): {@link Json#entries}. */
    static List<Map.Entry<String, Object>> ordered(Object map) {
        return Json.entries((Map<?, ?>) map);
    }

    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) return copy(m);
        if (v instanceof List<?> a) {
            List<Object> out = new ArrayList<>(a.size());
            for (Object x : a) out.add(copyValue(x));
            return out;
        }
        return v;
    }

    /** {@code extra} into {@code target}: maps merged key by key, everything else replaced. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, ?> extra) {
        for (Map.Entry<String, Object> e : ordered(extra)) {
            String k = e.getKey();
            Object old = target.get(k), v = e.getValue();
            if (old instanceof Map<?, ?> o && v instanceof Map<?, ?> n) {
                Map<String, Object> m = copy(o);
                merge(m, (Map<String, ?>) n);
                target.put(k, m);
            } else target.put(k, copyValue(v));
        }
    }

    /** plotly's text tags as jsplot's template escapes them ({@code &lt;sub&gt;}), back to tags plotly draws. */
    private static final java.util.regex.Pattern ESCAPED_TAG =
            java.util.regex.Pattern.compile("&lt;(/?(?:sub|sup|b|i|em|br|span)\\b[^&<>]*?/?)&gt;");

    /**
     * Every string in a jsplot-written map with plotly's formatting tags ({@code <sub>}, {@code <sup>}, {@code <b>},
     * {@code <i>}, {@code <br>}, {@code <span>}) unescaped: jsplot's HTML template escapes them, so "T<sub>M</sub>"
     * would be drawn literally. Other entities stay (plotly decodes them for display).
     */
    @SuppressWarnings("unchecked")
    static void unescapeTags(Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) e.setValue(unescapeValue(e.getValue()));
    }

    @SuppressWarnings("unchecked")
    private static Object unescapeValue(Object v) {
        if (v instanceof String s) return s.contains("&lt;") ? ESCAPED_TAG.matcher(s).replaceAll("<$1>") : s;
        if (v instanceof Map<?, ?> sub) {
            unescapeTags((Map<String, Object>) sub);
            return sub;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) out.add(unescapeValue(x));
            return out;
        }
        return v;
    }

    /** {@code title: 'x'} → {@code title: {text: 'x'}}, {@code titlefont} → {@code title.font}, at every depth. */
    @SuppressWarnings("unchecked")
    static void normalizeTitles(Map<String, Object> m) {
        Object title = m.get("title");
        if (title instanceof String s) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("text", s);
            m.put("title", t);
        }
        Object font = m.remove("titlefont");
        if (font instanceof Map<?, ?> f) {
            Object t = m.get("title");
            if (t instanceof Map<?, ?>) ((Map<String, Object>) t).putIfAbsent("font", f);
            else m.put("title", new LinkedHashMap<>(Attrs.of("font", f)));
        }
        for (Object v : m.values()) {
            if (v instanceof Map<?, ?> sub) normalizeTitles((Map<String, Object>) sub);
            else if (v instanceof List<?> list)
                for (Object x : list) if (x instanceof Map<?, ?> sub) normalizeTitles((Map<String, Object>) sub);
        }
    }

    /**
     * jsplot writes double columns as quoted strings ({@code ["1.0","NaN"]}); plotly reads such strings as numbers.
     * A list of only numeric strings (or nested lists of them) becomes numbers, "NaN" a gap; any other list stays.
     */
    static List<?> numeric(List<?> a) {
        List<Object> out = new ArrayList<>(a.size());
        for (Object x : a) {
            if (x instanceof List<?> inner) {
                List<?> n = numeric(inner);
                if (n == inner) return a;
                out.add(n);
            } else if (x instanceof String s) {
                Double d = parse(s);
                if (d == null) return a;
                out.add(d);
            } else out.add(x);
        }
        return out;
    }

    private static Double parse(String s) {
        String t = s.strip();
        if (t.equals("NaN")) return Double.NaN;
        if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) return null;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
