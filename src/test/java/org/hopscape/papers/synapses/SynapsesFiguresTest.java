package org.hopscape.papers.synapses;

import org.hopscape.analysis.Hyperbolicity;
import org.hopscape.analysis.MarchenkoPasturSpectra;
import org.hopscape.learning.Clamping;
import org.hopscape.learning.SoftmaxSynapses;
import org.hopscape.plot.Plots;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Notebook 05's figures in the paper's notation (issue 13): no raw markup, no Java lists, a key for every mark. */
class SynapsesFiguresTest {

    /** Every visible text of a figure: titles, trace names, annotation texts. */
    static List<String> texts(Figure f) {
        var m = Pattern.compile("\"(?:name|text)\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Plots.json(f));
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1).replace("\\u003c", "<").replace("\\u003e", ">"));
        return out;
    }

    static void paperNotation(Figure f) {
        List<String> t = texts(f);
        assertFalse(t.isEmpty());
        for (String s : t) {
            assertFalse(s.contains("_") || s.contains("^"), "raw markup in '" + s + "'");
            assertFalse(Pattern.compile("\\[[^\\]]*\\d[^\\]]*\\]").matcher(s).find(), "Java list in '" + s + "'");
            assertFalse(s.startsWith("003"), "internal paper id in '" + s + "'");
        }
    }

    @Test
    void appendixFigureAndHebbFigureNameTheirRunsInThePapersNotation() {
        var o = SoftmaxSynapses.Options.paper().withSteps(400).withRecordEvery(40);
        var cyclic = SoftmaxSynapses.run(o, 41);
        var skewed = SoftmaxSynapses.run(o.withClamping(new Clamping.Iid(new double[] {0.4, 0.3, 0.2, 0.1})), 41);
        Figure b1 = SynapsesFigures.appendixB1(cyclic), hebb = SynapsesFigures.hebb(cyclic, skewed);
        paperNotation(b1);
        paperNotation(hebb);
        List<String> t = texts(b1);
        assertTrue(t.stream().anyMatch(s -> s.contains("N<sub>v</sub> = 50") && s.contains("τ<sub>Ξ</sub> = 250") && s.contains("T = 400")),
                "the run's parameters under the title: " + t);
        assertTrue(t.contains("simulation (Eq. 12–14)") && t.contains("Eq. 40 (closed form)"), "key of solid and dashed");
        assertTrue(texts(hebb).stream().anyMatch(s -> s.contains("i.i.d. clamping, p = (0.4, 0.3, 0.2, 0.1)")), "p as a tuple");
        assertEquals("i.i.d. clamping, p<sub>μ</sub> = 1/4", SynapsesFigures.clamping(Clamping.Iid.uniform(), 4));
        assertEquals(cyclic.hebbDistance()[5], SynapsesFigures.hebbDistanceAt(cyclic, 200), 0, "step 200 is record 5");
    }

    @Test
    void spectrumAndHyperbolicityFigures() {
        var mp = MarchenkoPasturSpectra.run(new MarchenkoPasturSpectra.Options(100, new double[] {0.25}, 4, 2, 20, 1), 7);
        Figure s = SynapsesFigures.spectrum(mp, 0.25);
        paperNotation(s);
        assertTrue(texts(s).stream().anyMatch(x -> x.contains("N<sub>h</sub> = 25")));
        var hyp = Hyperbolicity.run(new Hyperbolicity.Options(new int[] {40, 80}, new double[] {0.1, 0.25, 0.4},
                new int[] {20, 20}, new int[] {5, 5}, 1), 7);
        for (Figure f : List.of(SynapsesFigures.gap(hyp), SynapsesFigures.distance(hyp))) {
            paperNotation(f);
            String json = Plots.json(f);
            assertTrue(json.contains("\"error_y\""), "averaged points carry their sampling error");
        }
        assertTrue(texts(SynapsesFigures.gap(hyp)).contains("N<sub>v</sub> = 80 (20 draws)"));
    }
}
