package org.hopscape.plot;

import org.hopscape.util.Check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered drawing of a directed acyclic graph (a Hasse diagram): nodes in horizontal layers by level (for a
 * Morse–Smale graph the Morse index, sinks at the bottom as in 004 Fig. 2c), ordered inside a layer by a key (e.g. the
 * x₁ coordinate so the layers read like the phase portrait), edges as arrows from the higher to the lower node, one
 * edge class highlighted (saddle connections, red). Layers are labelled "index k" on the axis — no numeric axes,
 * no fractional ticks. Drawn into a {@link PanelGrid} panel or inset.
 */
public final class DirectedGraph {
    /** A node: its label, level (layer), order key inside the layer and kind (symbol). */
    public record Node(String label, int level, double order, CriticalPointStyle.Kind kind) {}

    /** An edge from → to (node indices); {@code highlight} draws it red. */
    public record Edge(int from, int to, boolean highlight) {}

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    public DirectedGraph node(String label, int level, double order, CriticalPointStyle.Kind kind) {
        Check.inRange("level", level, 0, 1000);
        nodes.add(new Node(label, level, order, kind));
        return this;
    }

    public DirectedGraph edge(int from, int to, boolean highlight) {
        Check.inRange("from", from, 0, nodes.size() - 1);
        Check.inRange("to", to, 0, nodes.size() - 1);
        edges.add(new Edge(from, to, highlight));
        return this;
    }

    public List<Node> nodes() { return List.copyOf(nodes); }

    public List<Edge> edges() { return List.copyOf(edges); }

    /** Highest level present (0 for an empty graph). */
    public int maxLevel() {
        int m = 0;
        for (Node n : nodes) m = Math.max(m, n.level());
        return m;
    }

    /**
     * Node positions: x in (0, 1), spread evenly inside each layer in order of the key; y = level.
     *
     * @return positions[i] = {x, y} of node i
     */
    public double[][] positions() {
        double[][] pos = new double[nodes.size()][2];
        Map<Integer, List<Integer>> layers = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) layers.computeIfAbsent(nodes.get(i).level(), k -> new ArrayList<>()).add(i);
        for (List<Integer> layer : layers.values()) {
            layer.sort(Comparator.comparingDouble(i -> nodes.get(i).order()));
            for (int r = 0; r < layer.size(); r++) {
                pos[layer.get(r)][0] = (r + 1.0) / (layer.size() + 1);
                pos[layer.get(r)][1] = nodes.get(layer.get(r)).level();
            }
        }
        return pos;
    }

    /**
     * Draws the graph into panel {@code k}: arrows, then nodes with their labels on them.
     *
     * @param compact insets: smaller nodes, no layer names
     */
    public void draw(PanelGrid g, int k, boolean compact) {
        draw(g, k, compact, Math.max(1, maxLevel()));
    }

    /** As {@link #draw(PanelGrid, int, boolean)} with layers 0..{@code top} reserved (one scale for every frame of a slider). */
    public void draw(PanelGrid g, int k, boolean compact, int top) {
        Check.inRange("top", top, maxLevel(), 1000);
        double[][] pos = positions();
        double node = compact ? 11 : 22;
        for (Edge e : edges) {
            double[] a = pos[e.from()], b = pos[e.to()];
            g.arrow(k, a[0], a[1], b[0], b[1], e.highlight() ? CriticalPointStyle.CONNECTION : "rgb(60,60,60)",
                    compact ? 1 : 1.5, node / 2 + 1);
        }
        for (CriticalPointStyle.Kind kind : CriticalPointStyle.Kind.values()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) if (nodes.get(i).kind() == kind) idx.add(i);
            if (idx.isEmpty()) continue;
            double[] x = new double[idx.size()], y = new double[idx.size()];
            String[] text = new String[idx.size()], colors = new String[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                x[j] = pos[idx.get(j)][0];
                y[j] = pos[idx.get(j)][1];
                text[j] = nodes.get(idx.get(j)).label();
                colors[j] = CriticalPointStyle.nodeText(kind);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", CriticalPointStyle.nodeSymbol(kind));
            m.put("size", node);
            m.put("color", CriticalPointStyle.nodeFill(kind));
            m.put("line", Attrs.of("color", "black", "width", 1.2));
            g.markersWithText(k, x, y, m, text, colors, compact ? 8 : 11);
        }
        double pad = compact ? 0.5 : 0.4;
        g.axes(k, "", "", 0, 1, -pad, top + pad);
        if (!compact) {
            g.hideAxes(k);
            double[] v = new double[top + 1];
            String[] t = new String[top + 1];
            for (int i = 0; i <= top; i++) { v[i] = i; t[i] = "index " + i; }
            g.yTicks(k, v, t);
        }
    }
}
