package org.hopscape.dynamics;

import org.hopscape.plot.CriticalPointStyle;
import org.hopscape.plot.PanelGrid;
import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-line figures of any planar gradient system or family, built from the {@link MorsePlots} panels: the phase
 * portrait with its graph of connections, a family at several parameter values, and Gibbs densities at several
 * noise levels. Meant for exploring a model of one's own (notebook 07) as much as for the papers' figures.
 */
public final class ModelFigures {
    private ModelFigures() {}

    /** Resolution of the Gibbs densities drawn under a family's panels. */
    public static final int FAMILY_DENSITY_RESOLUTION = 151;

    /** Left: V, trajectories from starts×starts points, unstable branches and critical points; right: the graph as a layered DAG. */
    public static Figure portrait(String title, GradientSystem system, CriticalSet points, ConnectionGraph graph,
                                  MorsePlots.Box box, int starts) {
        Check.notNull("system", system);
        Check.notNull("points", points);
        Check.notNull("graph", graph);
        Check.notNull("box", box);
        Check.nonNegative("starts", starts);
        PanelGrid g = new PanelGrid(title, 1, 2, box.aspect());
        MorsePlots.Landscape l = MorsePlots.landscape(system, box, MorsePlots.LANDSCAPE_RESOLUTION, false, false);
        CriticalPointStyle.key(g, graph.hasSaddleConnection(), starts > 0);
        MorsePlots.phasePortrait(g, 0, system, box, l, MorsePlots.energyAxis(g, List.of(l), "V", 0), points, graph, starts,
                false, "x₁", "x₂");
        g.panelTitle(0, MorsePlots.counts(points));
        MorsePlots.dag(g, 1, graph);
        g.panelTitle(1, "graph of connections (" + graph.edgeStrings().size() + " edges)");
        return g.build();
    }

    /** What a family figure shows: the drawn box, the parameter's symbol, rows and insets. */
    public record FamilyView(String parameter, MorsePlots.Box drawn, boolean swap, boolean gibbsRow, boolean dagInsets,
                             boolean relativeEnergy, String name1, String name2) {
        /** x₁ horizontal, x₂ vertical, V as is. */
        public static FamilyView plain(String parameter, MorsePlots.Box drawn) {
            return new FamilyView(parameter, drawn, false, false, false, false, "x₁", "x₂");
        }

        public FamilyView withGibbsRow() { return new FamilyView(parameter, drawn, swap, true, dagInsets, relativeEnergy, name1, name2); }

        public FamilyView withDagInsets() { return new FamilyView(parameter, drawn, swap, gibbsRow, true, relativeEnergy, name1, name2); }

        public FamilyView withRelativeEnergy() { return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, true, name1, name2); }

        /** Names of the state coordinates (first, second); with {@code swap} the first is drawn vertically. */
        public FamilyView withNames(String first, String second, boolean swapped) {
            return new FamilyView(parameter, drawn, swapped, gibbsRow, dagInsets, relativeEnergy, first, second);
        }

        public FamilyView withParameter(String parameter) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withDrawn(MorsePlots.Box drawn) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withSwap(boolean swap) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withGibbsRow(boolean gibbsRow) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withDagInsets(boolean dagInsets) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withRelativeEnergy(boolean relativeEnergy) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withName1(String name1) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        public FamilyView withName2(String name2) {
            return new FamilyView(parameter, drawn, swap, gibbsRow, dagInsets, relativeEnergy, name1, name2);
        }

        /** Inverse of {@link #toMap()}: keys the map does not name keep the value of {@code plain("η", new MorsePlots.Box(-1, 1, -1, 1))}. */
        public static FamilyView of(java.util.Map<String, ?> map) {
            return org.hopscape.util.RecordMaps.of(map, plain("η", new MorsePlots.Box(-1, 1, -1, 1)));
        }

        /** Every component as text (style.md #7; listeners left out); {@link #of} reads it back. */
        public java.util.Map<String, String> toMap() {
            return org.hopscape.util.RecordMaps.toMap(this);
        }
    }

    /**
     * Panels of a family: one phase portrait per parameter value (shared energy scale, counts as panel titles, the
     * parameter value as column header, DAG insets on request), optionally a row of Gibbs densities at ε = 1 on one
     * scale.
     */
    public static Figure familyFigure(String title, Family family, double[] etas, CriticalPoints.Options points,
                                      FamilyView view, int starts) {
        int n = etas.length;
        MorsePlots.Box drawn = view.drawn();
        PanelGrid g = new PanelGrid(title, view.gibbsRow() ? 2 : 1, n, drawn.aspect()).shareAxes(false, true);
        List<GradientSystem> systems = new ArrayList<>();
        List<MorsePlots.Landscape> ls = new ArrayList<>();
        List<CriticalSet> sets = new ArrayList<>();
        List<ConnectionGraph> graphs = new ArrayList<>();
        boolean connection = false;
        for (double e : etas) {
            GradientSystem s = family.at(e);
            systems.add(s);
            ls.add(MorsePlots.landscape(s, drawn, MorsePlots.LANDSCAPE_RESOLUTION, view.swap(), view.relativeEnergy()));
            CriticalSet pts = CriticalPoints.find(s, points);
            sets.add(pts);
            ConnectionGraph graph = MorseSmale.graph(s, pts, MorseSmale.Options.paper(1.5 * points.width()));
            graphs.add(graph);
            connection |= graph.hasSaddleConnection();
        }
        PanelGrid.ColorAxis vAxis = MorsePlots.energyAxis(g, ls, view.relativeEnergy() ? "V − min V" : "V", 0);
        CriticalPointStyle.key(g, connection, starts > 0);
        String x = view.swap() ? view.name2() : view.name1(), y = view.swap() ? view.name1() : view.name2();
        for (int c = 0; c < n; c++) {
            MorsePlots.phasePortrait(g, c, systems.get(c), drawn, ls.get(c), vAxis, sets.get(c), graphs.get(c), starts,
                    view.swap(), x, y);
            g.panelTitle(c, MorsePlots.counts(sets.get(c)));
            g.columnLabel(c, org.hopscape.plot.Notation.tex(view.parameter()) + " = " + num(etas[c])); // "eta" → η
            if (view.dagInsets()) MorsePlots.dagInset(g, c, graphs.get(c), drawn, view.swap(), 0.46, 0.3);
        }
        if (view.gibbsRow()) {
            List<Gibbs> gs = new ArrayList<>();
            double max = 0;
            for (GradientSystem s : systems) {
                Gibbs gibbs = view.swap()
                        ? Gibbs.of(s, 1, drawn.lo2(), drawn.hi2(), drawn.lo1(), drawn.hi1(), FAMILY_DENSITY_RESOLUTION, false)
                        : Gibbs.of(s, 1, drawn.lo1(), drawn.hi1(), drawn.lo2(), drawn.hi2(), FAMILY_DENSITY_RESOLUTION, false);
                gs.add(gibbs);
                max = Math.max(max, MorsePlots.maxDensity(gibbs));
            }
            PanelGrid.ColorAxis pAxis = g.colorAxis("p<sub>ε</sub> (ε = 1)", MorsePlots.DENSITY_SCALE, 0, max, 1);
            for (int c = 0; c < n; c++) MorsePlots.density(g, n + c, gs.get(c), pAxis, false, view.swap());
            g.rowLabel(0, "phase portrait").rowLabel(1, "invariant measure, ε = 1");
        }
        return g.build();
    }

    /** {@link #familyFigure} in x₁, x₂ on {@code box}, without Gibbs row, the parameter named by the family. */
    public static Figure familyPanels(String title, Family family, double[] etas, CriticalPoints.Options points,
                                      MorsePlots.Box box, int starts) {
        Check.notNull("family", family);
        Check.nonEmpty("etas", etas);
        Check.notNull("points", points);
        Check.notNull("box", box);
        return familyFigure(title, family, etas, points, FamilyView.plain(family.parameterName(), box), starts);
    }

    /** The Gibbs densities exp(−2V/ε²)/Z of {@code system} on {@code box}, one panel per ε (resolution² grid), one shared scale. */
    public static Figure gibbs(String title, GradientSystem system, double[] epsilons, MorsePlots.Box box, int resolution) {
        Check.notNull("system", system);
        Check.nonEmpty("epsilons", epsilons);
        Check.notNull("box", box);
        PanelGrid g = new PanelGrid(title, 1, epsilons.length, box.aspect()).shareAxes(false, true);
        PanelGrid.ColorAxis axis = g.colorAxis("p<sub>ε</sub> / max p<sub>ε</sub>", MorsePlots.DENSITY_SCALE, 0, 1, 0);
        for (int c = 0; c < epsilons.length; c++) {
            MorsePlots.density(g, c, Gibbs.of(system, epsilons[c], box.lo1(), box.hi1(), box.lo2(), box.hi2(), resolution,
                    false), axis, true, false);
            g.columnLabel(c, "ε = " + num(epsilons[c]));
        }
        return g.build();
    }

    /** A number for labels: as {@link #number} with a true minus sign (−0.45). */
    static String num(double v) {
        String t = number(v);
        return t.startsWith("-") ? "−" + t.substring(1) : t;
    }

    /** A number for a panel title: integers without decimals, others to 6 significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
