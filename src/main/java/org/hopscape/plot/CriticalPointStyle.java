package org.hopscape.plot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One look for critical points and invariant manifolds in every phase portrait, after 004 Fig. 1a: sinks (memories)
 * black discs, saddles white crosses with a black outline, sources hollow white circles, unstable branches of the
 * saddles blue, saddle–saddle connections red, stable branches (basin boundaries) dashed white, trajectories light
 * grey with direction marks. Labels sit on translucent white boxes ({@link PanelGrid#label}) so they read on dark and
 * light colour maps alike. {@link #key(PanelGrid, boolean, boolean)} draws the symbol key once per figure.
 */
public final class CriticalPointStyle {
    private CriticalPointStyle() {}

    /** The kind of a nondegenerate critical point by its Morse index (number of negative Hessian eigenvalues). */
    public enum Kind {
        SINK("sink (memory)"), SADDLE("saddle"), SOURCE("source");

        private final String label;

        Kind(String label) { this.label = label; }

        /** Name in the key. */
        public String label() { return label; }

        /** Kind of a point of Morse index {@code index} in dimension {@code dimension}. */
        public static Kind of(int index, int dimension) {
            if (index < 0 || index > dimension)
                throw new IllegalArgumentException("index must be in [0, " + dimension + "] (got " + index + ")");
            return index == 0 ? SINK : index == dimension ? SOURCE : SADDLE;
        }
    }

    /** Colour of unstable branches. */
    public static final String UNSTABLE_BRANCH = "rgb(40,120,255)";
    /** Colour of the casing drawn under branches (1 px on either side), so blue branches read on blue maps. */
    public static final String BRANCH_CASING = "rgba(255,255,255,0.85)";
    /** Colour of a saddle–saddle connection (non-generic, the flip). */
    public static final String CONNECTION = "rgb(230,20,20)";
    /** Colour of stable branches drawn as basin boundaries. */
    public static final String STABLE_BRANCH = "white";
    /** Colour of trajectories (and of their direction marks). */
    public static final String TRAJECTORY = "rgba(235,235,235,0.75)";

    /** Plotly marker attributes for a kind at full size (phase portraits). */
    public static Map<String, Object> marker(Kind kind) {
        return marker(kind, 1);
    }

    /** Plotly marker attributes for a kind, scaled by {@code scale} (insets use about 0.8). */
    public static Map<String, Object> marker(Kind kind, double scale) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case SINK -> {
                m.put("symbol", "circle");
                m.put("color", "black");
                m.put("size", 10 * scale);
                m.put("line", Attrs.of("color", "white", "width", 1.5));
            }
            case SADDLE -> {
                m.put("symbol", "x-thin");
                m.put("color", "white");
                m.put("size", 11 * scale);
                m.put("line", Attrs.of("color", "white", "width", 3));
            }
            case SOURCE -> {
                m.put("symbol", "circle-open");
                m.put("color", "white");
                m.put("size", 11 * scale);
                m.put("line", Attrs.of("color", "white", "width", 2.5));
            }
        }
        return m;
    }

    /** Outline drawn under a saddle's cross so that it shows on light backgrounds too. */
    public static Map<String, Object> saddleOutline(double scale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", "x-thin");
        m.put("color", "black");
        m.put("size", 11 * scale);
        m.put("line", Attrs.of("color", "black", "width", 5.5));
        return m;
    }

    /** Node colours of a directed graph: fill and text colour per kind. */
    public static String nodeFill(Kind kind) {
        return switch (kind) { case SINK -> "black"; case SADDLE -> "white"; case SOURCE -> "rgb(200,200,200)"; };
    }

    public static String nodeText(Kind kind) {
        return kind == Kind.SINK ? "white" : "black";
    }

    /** Plotly marker symbol of a graph node per kind. */
    public static String nodeSymbol(Kind kind) {
        return switch (kind) { case SINK -> "circle"; case SADDLE -> "square"; case SOURCE -> "diamond"; };
    }

    /**
     * The symbol key above the grid: sink, saddle, source, unstable branch, (with {@code connection}) saddle
     * connection, (with {@code trajectories}) trajectories. The key shows the saddle as a black cross (its outline).
     */
    public static void key(PanelGrid g, boolean connection, boolean trajectories) {
        key(g, true, connection, trajectories);
    }

    /** The key; without {@code branches} no branch entry (figures that draw critical points only). */
    public static void key(PanelGrid g, boolean branches, boolean connection, boolean trajectories) {
        Map<String, Object> sink = marker(Kind.SINK);
        sink.put("line", Attrs.of("color", "black", "width", 1));
        g.key(Kind.SINK.label(), "markers", sink, null);
        g.key(Kind.SADDLE.label(), "markers", saddleOutline(0.9), null);
        Map<String, Object> source = marker(Kind.SOURCE);
        source.put("color", "black");
        source.put("line", Attrs.of("color", "black", "width", 2));
        g.key(Kind.SOURCE.label(), "markers", source, null);
        if (branches) g.key("unstable branch", "lines", null, Attrs.of("color", UNSTABLE_BRANCH, "width", 2.5));
        if (connection) g.key("saddle connection", "lines", null, Attrs.of("color", CONNECTION, "width", 3));
        if (trajectories) g.key("trajectory", "lines", null, Attrs.of("color", "rgb(150,150,150)", "width", 1.5));
    }
}
