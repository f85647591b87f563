package org.hopscape.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arrowheads on stream lines, so a phase portrait shows which way the flow goes (plotly has no stream plot and its
 * lines carry no direction). Each line {xs, ys}, ordered along the flow, gets one triangle at a given arc length from
 * its start, turned along the local direction. The angle is computed in data units: exact on panels with equal aspect
 * ({@link PanelLayout#equalAspect}, {@link PanelGrid#equalAspect}).
 */
public final class StreamArrows {
    private StreamArrows() {}

    /**
     * Arrow marks {x[], y[], angle[]} at arc length {@code at} from the start of every line that gets that far;
     * angle in degrees clockwise from "up", as plotly's {@code marker.angle} takes it (0 = up, 90 = right). Lines
     * that wander there (chord from the start shorter than {@link #STRAIGHT} × {@code at}, e.g. jitter at a fixed
     * point) get no mark, since their direction means nothing. Seeds on a grid of spacing h with {@code at} ≈ h/2
     * give evenly spread arrows.
     */
    public static double[][] marks(List<double[][]> lines, double at) {
        if (!(at > 0) || !Double.isFinite(at)) throw new IllegalArgumentException("at must be > 0 and finite, got " + at);
        List<double[]> out = new ArrayList<>();
        for (double[][] l : lines) {
            double[] xs = l[0], ys = l[1];
            if (xs.length != ys.length) throw new IllegalArgumentException("a line's xs and ys differ in length: " + xs.length + " vs " + ys.length);
            double run = 0;
            for (int i = 1; i < xs.length; i++) {
                double dx = xs[i] - xs[i - 1], dy = ys[i] - ys[i - 1], d = Math.hypot(dx, dy);
                if (d == 0) continue;
                if (run + d >= at) {
                    double u = (at - run) / d, x = xs[i - 1] + u * dx, y = ys[i - 1] + u * dy;
                    if (Math.hypot(x - xs[0], y - ys[0]) >= STRAIGHT * at)
                        out.add(new double[] {x, y, Math.toDegrees(Math.atan2(dx, dy))});
                    break;
                }
                run += d;
            }
        }
        double[][] m = new double[3][out.size()];
        for (int i = 0; i < out.size(); i++) for (int j = 0; j < 3; j++) m[j][i] = out.get(i)[j];
        return m;
    }

    /** Smallest chord / arc-length ratio of the stretch before a mark. */
    public static final double STRAIGHT = 0.7;

    /**
     * The arrowheads of {@link #marks} (at arc length {@code at}) as one scatter trace of turned triangles on the axes
     * {@code xaxis}/{@code yaxis} ("x", "y2" …), out of the legend.
     */
    public static RawTrace trace(List<double[][]> lines, double at, String xaxis, String yaxis, String color, double size) {
        double[][] m = marks(lines, at);
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("symbol", "triangle-up");
        marker.put("size", size);
        marker.put("color", color);
        marker.put("angle", m[2]);
        marker.put("line", Attrs.of("width", 0));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("mode", "markers");
        t.put("x", m[0]);
        t.put("y", m[1]);
        t.put("marker", marker);
        t.put("name", "flow direction");
        t.put("showlegend", false);
        t.put("hoverinfo", "skip");
        t.put("xaxis", xaxis);
        t.put("yaxis", yaxis);
        return RawTrace.of("scatter", t);
    }
}
