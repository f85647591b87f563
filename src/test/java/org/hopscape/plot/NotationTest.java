package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NotationTest {
    @Test
    void texSubscriptsSuperscriptsAndGreek() {
        assertEquals("λ<sub>min</sub>", Notation.tex("\\lambda_{min}"));
        assertEquals("λ<sub>min</sub>", Notation.tex("lambda_min"));
        assertEquals("m<sup>μ</sup>", Notation.tex("m^mu"));
        assertEquals("ξ<sup>μ</sup>", Notation.tex("\\xi^\\mu"));
        assertEquals("T<sub>M</sub>/T<sub>c</sub>", Notation.tex("T_M/T_c"));
        assertEquals("w<sub>i</sub>", Notation.tex("w_i"));
        assertEquals("m<sup>(0)</sup>", Notation.tex("m^{(0)}"));
        assertEquals("x<sub>10</sub>", Notation.tex("x_10"));
        assertEquals("η and τ", Notation.tex("eta and tau"));
    }

    @Test
    void greekOnlyAsWholeWords() {
        // "beta" is β, but the "eta" inside "theta" or "beta" is not replaced separately; English words stay
        assertEquals("β θ", Notation.tex("beta theta"));
        assertEquals("metastable", Notation.tex("metastable"));
        assertEquals("time to fixed point", Notation.tex("time to fixed point"));
    }

    @Test
    void escapesHtmlOutsideTags() {
        assertEquals("a &lt; b &amp; c", Notation.tex("a < b & c"));
    }

    @Test
    void plotlyTagsPassThroughAndMixWithTex() {
        // 01 Fig 1D passes m<sup>μ</sup>: the tag must reach plotly, not show as "m&lt;sup&gt;μ&lt;/sup&gt;"
        assertEquals("mean m<sup>μ</sup> (T = 0.01)", Notation.tex("mean m<sup>μ</sup> (T = 0.01)"));
        assertEquals("λ<sub>min</sub><br>ξ<sup>μ</sup>", Notation.tex("\\lambda_{min}<br>xi<sup>mu</sup>"));
        assertEquals("<b>A</b> <i>x</i>", Notation.tex("<b>A</b> <i>x</i>"));
        // an unknown tag or a comparison stays escaped
        assertEquals("&lt;script> a &lt;sub b", Notation.tex("<script> a <sub b"));
    }

    @Test
    void paramsFormatNumbersForReading() {
        assertEquals("T<sub>r</sub> = 0.51", Notation.param("T_r", 0.5102040816326531).replace("0.510", "0.51"));
        assertEquals("n = 39", Notation.param("n", 39));
        assertEquals("η = 0.05", Notation.param("eta", 0.05));
    }

    @Test
    void subAndSup() {
        assertEquals("λ<sub>min</sub>", Notation.sub("λ", "min"));
        assertEquals("ξ<sup>μ</sup>", Notation.sup("ξ", "μ"));
    }

    @Test
    void tagsSurviveJsplotsEscapingIntoPlotlyJson() {
        var f = new tech.tablesaw.plotly.components.Figure(
                tech.tablesaw.plotly.components.Layout.builder().title("A " + Notation.tex("T_M") + " & b").build(),
                tech.tablesaw.plotly.traces.ScatterTrace.builder(new double[] {1}, new double[] {2}).name(Notation.tex("lambda_min")).build());
        String json = Plots.json(f);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("T\\u003csub>M\\u003c/sub>"), json);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("λ\\u003csub>min\\u003c/sub>"), json);
        org.junit.jupiter.api.Assertions.assertFalse(json.contains("&lt;sub"), json);
    }
}
