package org.hopscape.dynamics;

import org.hopscape.plot.Panels;
import org.hopscape.util.Check;
import tech.tablesaw.plotly.components.Figure;

import java.math.BigDecimal;
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

    /** Left: V, trajectories from starts×starts points, unstable branches and critical points; right: the graph as a Hasse diagram. */
    public static Figure portrait(String title, GradientSystem system, CriticalSet points, ConnectionGraph graph,
                                  MorsePlots.Box box, int starts) {
        Check.notNull("system", system);
        Check.notNull("points", points);
        Check.notNull("graph", graph);
        Check.notNull("box", box);
        Check.nonNegative("starts", starts);
        Panels p = new Panels(title, 1, 2);
        MorsePlots.phasePortrait(p, 0, system, box, points, graph, starts, false, points.signature() + " (sinks, saddles, sources)");
        MorsePlots.dag(p, 1, graph, "graph of connections (" + graph.edgeStrings().size() + " edges)");
        return p.build();
    }

    /**
     * Panels of a family: one phase portrait (with its graph) per parameter value, titled with the counts
     * (sinks, saddles, sources); with {@code gibbsRow} a second row of Gibbs densities at ε = 1. With {@code swap}
     * x₂ is drawn horizontally.
     */
    public static Figure familyPanels(String title, Family family, double[] etas, CriticalPoints.Options points,
                                      MorsePlots.Box box, int starts, boolean swap, boolean gibbsRow, String name1,
                                      String name2) {
        Check.notNull("family", family);
        Check.nonEmpty("etas", etas);
        Check.notNull("points", points);
        Check.notNull("box", box);
        Panels p = new Panels(title, gibbsRow ? 2 : 1, etas.length);
        for (int c = 0; c < etas.length; c++) {
            GradientSystem s = family.at(etas[c]);
            CriticalSet pts = CriticalPoints.find(s, points);
            ConnectionGraph g = MorseSmale.graph(s, pts, MorseSmale.Options.paper(1.5 * points.width()));
            MorsePlots.phasePortrait(p, c, s, box, pts, g, starts, swap,
                    family.parameterName() + " = " + number(etas[c]) + " (" + pts.signature() + ")", name1, name2);
            if (gibbsRow)
                MorsePlots.density(p, etas.length + c, swap
                        ? Gibbs.of(s, 1, box.lo2(), box.hi2(), box.lo1(), box.hi1(), FAMILY_DENSITY_RESOLUTION, false)
                        : Gibbs.of(s, 1, box.lo1(), box.hi1(), box.lo2(), box.hi2(), FAMILY_DENSITY_RESOLUTION, false),
                        "p_ε, ε = 1", swap);
        }
        return p.build();
    }

    /** {@link #familyPanels(String, Family, double[], CriticalPoints.Options, MorsePlots.Box, int, boolean, boolean, String, String)} in x₁, x₂ without Gibbs row. */
    public static Figure familyPanels(String title, Family family, double[] etas, CriticalPoints.Options points,
                                      MorsePlots.Box box, int starts) {
        return familyPanels(title, family, etas, points, box, starts, false, false, "x₁", "x₂");
    }

    /** The Gibbs densities exp(−2V/ε²)/Z of {@code system} on {@code box}, one panel per ε (resolution² grid). */
    public static Figure gibbs(String title, GradientSystem system, double[] epsilons, MorsePlots.Box box, int resolution) {
        Check.notNull("system", system);
        Check.nonEmpty("epsilons", epsilons);
        Check.notNull("box", box);
        Panels p = new Panels(title, 1, epsilons.length);
        for (int c = 0; c < epsilons.length; c++)
            MorsePlots.density(p, c, Gibbs.of(system, epsilons[c], box.lo1(), box.hi1(), box.lo2(), box.hi2(), resolution,
                    false), "ε = " + number(epsilons[c]));
        return p.build();
    }

    /** A number for a panel title: integers without decimals, others to 6 significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
