package org.hopscape.dynamics;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The directed graph of connections β_i ≻ β_j iff Wᵘ(β_i) ∩ Wˢ(β_j) ≠ ∅ (004 §2.3.4, Fig. 2c), built from the
 * one-dimensional invariant manifolds of the saddles, with the computed branches for plotting.
 *
 * @param points   the critical points (nodes)
 * @param edges    direct edges (Hasse diagram): saddle → sink, source → saddle, and saddle → saddle for a
 *                 saddle connection; {@code to = -1} marks a branch that leaves the box (boundary)
 * @param branches the integrated branches (unstable branches forward, stable branches backward)
 */
public record ConnectionGraph(CriticalSet points, List<Edge> edges, List<Branch> branches) {

    /** An edge between node indices of {@link #points()}; {@code to = -1} is "boundary / infinity". */
    public record Edge(int from, int to, boolean saddleConnection) {}

    /**
     * One branch of a saddle's invariant manifold.
     *
     * @param saddle          node index of the saddle
     * @param unstable        true: unstable branch (integrated forward); false: stable (backward)
     * @param sign            +1 or −1 (side of the eigenvector)
     * @param orbit           the integrated orbit
     * @param end             node index where the branch ends (sink/source; saddle for a connection), −1 if none
     * @param closestSaddle   node index of the other saddle the branch passes closest to (−1 if none)
     * @param closestDistance that closest distance
     */
    public record Branch(int saddle, boolean unstable, int sign, Ode.Orbit orbit, int end, int closestSaddle,
                         double closestDistance) {}

    public ConnectionGraph {
        edges = List.copyOf(edges);
        branches = List.copyOf(branches);
    }

    /** Reachability (transitive closure, 004: the relation is transitive), boundary edges ignored. */
    public boolean[][] closure() {
        int n = points.size();
        boolean[][] r = new boolean[n][n];
        for (Edge e : edges) if (e.to() >= 0) r[e.from()][e.to()] = true;
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                if (r[i][k]) for (int j = 0; j < n; j++) if (r[k][j]) r[i][j] = true;
        return r;
    }

    /**
     * True when every edge between critical points runs downhill: V(from) &gt; V(to) (the energy decreases along
     * the flow) and index(from) &gt; index(to), or ≥ for a saddle connection (004 §2.3.4: in a Morse–Smale system
     * W^u(p) ∩ W^s(q) ≠ ∅ forces index p &gt; index q). Edges that leave the box are ignored.
     */
    public boolean downhill() {
        for (Edge e : edges) {
            if (e.to() < 0) continue;
            CriticalPoint a = points.get(e.from()), b = points.get(e.to());
            if (!(a.energy() > b.energy())) return false;
            if (e.saddleConnection() ? a.morseIndex() < b.morseIndex() : a.morseIndex() <= b.morseIndex()) return false;
        }
        return true;
    }

    /** Number of edges between critical points (edges leaving the box not counted). */
    public int innerEdgeCount() {
        return (int) edges.stream().filter(e -> e.to() >= 0).count();
    }

    /** True when no node reaches itself. */
    public boolean acyclic() {
        boolean[][] r = closure();
        for (int i = 0; i < r.length; i++) if (r[i][i]) return false;
        return true;
    }

    /** True when every edge goes from a strictly higher to a strictly lower Morse index (fails at a connection). */
    public boolean indexDecreasing() {
        for (Edge e : edges)
            if (e.to() >= 0 && points.get(e.from()).morseIndex() <= points.get(e.to()).morseIndex()) return false;
        return true;
    }

    /** True when some saddle's unstable branch runs into another saddle (non-Smale, 004 Def. 6). */
    public boolean hasSaddleConnection() {
        return edges.stream().anyMatch(Edge::saddleConnection);
    }

    /** Labels of the nodes the unstable branches of {@code label} end at, sorted (e.g. "a" → [A, B]). */
    public List<String> targets(String label) {
        int i = points.indexOf(label);
        if (i < 0) throw new IllegalArgumentException("label '" + label + "' is not a node (nodes " + points.labels() + ")");
        TreeSet<String> t = new TreeSet<>();
        for (Edge e : edges) if (e.from() == i) t.add(e.to() < 0 ? "boundary" : points.label(e.to()));
        return List.copyOf(t);
    }

    /** The direct edges as sorted strings "a→A" (boundary as "∂"); equal for equal labelled graphs. */
    public List<String> edgeStrings() {
        TreeSet<String> s = new TreeSet<>();
        for (Edge e : edges)
            s.add(points.label(e.from()) + (e.saddleConnection() ? "⇒" : "→") + (e.to() < 0 ? "∂" : points.label(e.to())));
        return List.copyOf(s);
    }

    /** Edges as position pairs (from → to); used to compare graphs of nearby parameters without labels. */
    public List<double[][]> edgePositions() {
        List<double[][]> out = new ArrayList<>();
        for (Edge e : edges)
            if (e.to() >= 0) out.add(new double[][]{points.get(e.from()).position(), points.get(e.to()).position()});
        return out;
    }

    /** One row per edge: from, to, kinds, positions. */
    public Table toTable() {
        Table t = Table.create("Connections", StringColumn.create("from"), StringColumn.create("from kind"),
                StringColumn.create("to"), StringColumn.create("to kind"), StringColumn.create("type"),
                DoubleColumn.create("from x1"), DoubleColumn.create("from x2"));
        for (Edge e : edges) {
            CriticalPoint f = points.get(e.from());
            t.stringColumn("from").append(points.label(e.from()));
            t.stringColumn("from kind").append(f.kind());
            t.stringColumn("to").append(e.to() < 0 ? "∂" : points.label(e.to()));
            t.stringColumn("to kind").append(e.to() < 0 ? "boundary" : points.get(e.to()).kind());
            t.stringColumn("type").append(e.saddleConnection() ? "saddle connection" : "transverse");
            t.doubleColumn("from x1").append(f.x(0));
            t.doubleColumn("from x2").append(f.dimension() > 1 ? f.x(1) : Double.NaN);
        }
        return t;
    }

    @Override public String toString() {
        return String.join(", ", edgeStrings());
    }
}
