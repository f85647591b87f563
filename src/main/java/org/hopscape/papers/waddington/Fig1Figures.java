package org.hopscape.papers.waddington;

import org.hopscape.data.Mnist;
import org.hopscape.plot.DigitColors;
import org.hopscape.plot.Numbers;
import org.hopscape.plot.PanelGrid;
import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 000 Fig. 1C and 1D as the paper lays them out: one panel per run, rows T_r (ascending), columns n, every panel on
 * the same axes, so that the transition from features (small α of both signs spread over many samples and digits,
 * several labels +1) to prototypes (one sample of one digit carries α, one label +1) reads across the grid.
 */
public final class Fig1Figures {
    private Fig1Figures() {}

    /** The grid of a Fig. 1 result: its distinct n (columns) and T (rows), ascending. */
    record Grid(double[] ns, double[] temps) {
        static Grid of(Waddington.Fig1 f) {
            return new Grid(f.runs().stream().mapToDouble(Waddington.Fig1Run::n).distinct().sorted().toArray(),
                    f.runs().stream().mapToDouble(Waddington.Fig1Run::temperature).distinct().sorted().toArray());
        }

        int panel(Waddington.Fig1Run r) {
            return Arrays.binarySearch(temps, r.temperature()) * ns.length + Arrays.binarySearch(ns, r.n());
        }

        PanelGrid grid(String title, double aspect) {
            PanelGrid g = new PanelGrid(title, temps.length, ns.length, aspect).shareAxes(true, true);
            for (int j = 0; j < ns.length; j++) g.columnLabel(j, "n = " + Waddington.fmt(ns[j]));
            for (int i = 0; i < temps.length; i++) g.rowLabel(i, "T<sub>r</sub> = " + Numbers.format(temps[i] / Mnist.PIXELS));
            return g;
        }
    }

    /** {@code #rrggbb} with an opacity, as plotly's {@code rgba(…)}. */
    static String rgba(String hex, double alpha) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + alpha + ")";
    }

    /**
     * 000 Fig. 1C: α of the first shown memory over the 200 samples, per digit block of 20 in the symmetric order of
     * spec §6 (largest |α| in the block centre), blocks shaded in the digit colours; y from −0.15 to at least 0.4.
     */
    public static Figure alphaGrid(Waddington.Fig1 f) {
        Grid gr = Grid.of(f);
        int per = Set200.PER_DIGIT, samples = 10 * per;
        double top = 0.4, bottom = -0.15;
        for (Waddington.Fig1Run r : f.runs())
            for (double a : r.symmetricAlpha()) { top = Math.max(top, a + 0.03); bottom = Math.min(bottom, a - 0.03); }
        PanelGrid g = gr.grid("Fig 1C — α of the first shown memory over the 200 samples (blocks of 20 by digit)", 0.62);
        double[] x = new double[samples];
        for (int i = 0; i < samples; i++) x[i] = i;
        for (Waddington.Fig1Run r : f.runs()) {
            int k = gr.panel(r);
            g.axes(k, "training sample (digit blocks 0 … 9)", "α", -0.5, samples - 0.5, bottom, top);
            for (int d = 0; d < 10; d++) {
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("x", new double[] {d * per - 0.5, (d + 1) * per - 0.5, (d + 1) * per - 0.5, d * per - 0.5});
                block.put("y", new double[] {bottom, bottom, top, top});
                block.put("mode", "lines");
                block.put("fill", "toself");
                block.put("fillcolor", rgba(DigitColors.of(d), 0.16));
                block.put("line", Map.of("width", 0));
                block.put("hoverinfo", "skip");
                g.trace(k, "scatter", block);
            }
            g.lines(k, List.<double[][]>of(new double[][] {{-0.5, samples - 0.5}, {0, 0}}), "#777777", 0.8, "α = 0");
            g.lines(k, List.<double[][]>of(new double[][] {x, r.symmetricAlpha()}), "black", 1.3, "α");
        }
        for (int d = 0; d < 10; d++)
            g.key("digit " + d, "markers", Map.of("symbol", "square", "size", 11, "color", rgba(DigitColors.of(d), 0.45)), null);
        return g.build();
    }

    /** 000 Fig. 1D: the ten labels l_d of the first shown memory, one marker per digit in its colour; y in [−1.2, 1.2]. */
    public static Figure labelsGrid(Waddington.Fig1 f) {
        Grid gr = Grid.of(f);
        PanelGrid g = gr.grid("Fig 1D — labels l<sub>d</sub> of the first shown memory", 0.62);
        double[] d = new double[10];
        String[] colours = new String[10], hover = new String[10];
        for (int i = 0; i < 10; i++) { d[i] = i; colours[i] = DigitColors.of(i); }
        for (Waddington.Fig1Run r : f.runs()) {
            int k = gr.panel(r);
            double[] l = r.shownLabels()[0];
            for (int i = 0; i < 10; i++) hover[i] = "l<sub>" + i + "</sub> = " + Numbers.format(l[i]);
            g.axes(k, "digit d", "l<sub>d</sub>", -0.6, 9.6, -1.2, 1.2);
            g.lines(k, List.<double[][]>of(new double[][] {{-0.6, 9.6}, {0, 0}}), "#777777", 0.8, "l = 0");
            g.markers(k, d, l, Map.of("color", colours, "size", 9, "line", Map.of("color", "black", "width", 0.8)), "l_d", hover.clone());
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) keys.add("digit " + i);
        for (int i = 0; i < 10; i++) g.key(keys.get(i), "markers", Map.of("color", colours[i], "size", 9), null);
        return g.build();
    }
}
