package org.hopscape.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Font;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** jsplot figures as plotly's own JSON (issue 16 items 3–4): the MIME type's content, responsive. */
class PlotlyJsonTest {

    private static Figure lines() {
        return Figures.lines("energy <E>", "t", "E", List.of(
                new Figures.Series("it's", new double[] {0, 1, 2}, new double[] {3, Double.NaN, 0.25})));
    }

    @Test
    void figureBecomesPlotlyJsonWithNumbersAndObjectTitles() {
        Map<String, Object> fig = PlotlyJson.of(lines());
        assertEquals(List.of("data", "layout", "config"), List.copyOf(fig.keySet()));
        Map<?, ?> trace = (Map<?, ?>) ((List<?>) fig.get("data")).getFirst();
        assertEquals(List.of(0.0, 1.0, 2.0), trace.get("x"), "jsplot's quoted numbers become numbers");
        List<?> y = (List<?>) trace.get("y");
        assertEquals(3.0, y.get(0));
        assertTrue(((Double) y.get(1)).isNaN(), "NaN stays a gap");
        assertEquals("it&#39;s", trace.get("name"), "jsplot's HTML escaping is kept (plotly decodes entities)");
        Map<?, ?> layout = (Map<?, ?>) fig.get("layout");
        assertEquals(Map.of("text", "energy &lt;E&gt;"), layout.get("title"));
        assertEquals(Map.of("text", "t"), ((Map<?, ?>) layout.get("xaxis")).get("title"), "axis titles in object form too");
        String json = Plots.json(lines());
        assertTrue(json.contains("\"y\":[3,null,0.25]"), json);
        assertFalse(json.contains("</"), "nothing that could end a script element");
    }

    @Test
    void responsiveWidthDesignHeight() {
        Map<?, ?> layout = (Map<?, ?>) PlotlyJson.of(lines()).get("layout");
        assertFalse(layout.containsKey("width"), "no fixed width: the container decides");
        assertEquals(true, layout.get("autosize"));
        assertEquals(480.0, layout.get("height"));
        assertEquals(Map.of("responsive", true, "displaylogo", false), PlotlyJson.of(lines()).get("config"));
        assertArrayEquals(new int[] {Figures.WIDTH, Figures.HEIGHT}, Plots.designSize(lines()));
        assertArrayEquals(new int[] {700, 450}, Plots.designSize(new Figure(ScatterTrace.builder(new double[] {1}, new double[] {2}).build())),
                "plotly's defaults where the layout sets no size");
    }

    @Test
    void titleFontMovesIntoTheTitle() {
        Layout l = Layout.builder().title("T").titleFont(Font.builder().size(20).build())
                .xAxis(Axis.builder().title("x").titleFont(Font.builder().size(9).build()).build()).build();
        Map<?, ?> layout = (Map<?, ?>) PlotlyJson.of(new Figure(l, ScatterTrace.builder(new double[] {1}, new double[] {2}).build())).get("layout");
        assertFalse(layout.containsKey("titlefont"));
        assertEquals(20.0, ((Map<?, ?>) ((Map<?, ?>) layout.get("title")).get("font")).get("size"));
        Map<?, ?> xTitle = (Map<?, ?>) ((Map<?, ?>) layout.get("xaxis")).get("title");
        assertEquals("x", xTitle.get("text"));
        assertEquals(9.0, ((Map<?, ?>) xTitle.get("font")).get("size"));
    }

    @Test
    void extraLayoutIsMergedDeepAndWrittenInAStableOrder() {
        Layout l = Layout.builder().title("T").width(900).height(300).xAxis(Axis.builder().title("x").build()).build();
        PlotlyFigure f = new PlotlyFigure(l, Map.of("xaxis", Map.of("domain", new double[] {0, 0.5}, "anchor", "y"),
                "xaxis2", Map.of("domain", new double[] {0.5, 1})), ScatterTrace.builder(new double[] {1}, new double[] {2}).build());
        Map<?, ?> x = (Map<?, ?>) ((Map<?, ?>) PlotlyJson.of(f).get("layout")).get("xaxis");
        assertEquals(Map.of("text", "x"), x.get("title"), "jsplot's attribute kept");
        assertEquals("y", x.get("anchor"), "extra attribute added");
        assertTrue(((Map<?, ?>) PlotlyJson.of(f).get("layout")).containsKey("xaxis2"));
        String json = Plots.json(f);
        assertEquals(json, Plots.json(f));
        assertTrue(json.indexOf("\"anchor\"") < json.indexOf("\"domain\""), "Map.of contents in key order, whatever the JVM's hash seed");
        assertArrayEquals(new int[] {900, 300}, Plots.designSize(f));
        assertTrue(f.asJavascript("d").contains("\"xaxis2\""), "its own script is the merged JSON");
    }

    @Test
    void imagePixelsStaySquareAtAnyWidth() {
        Figure g = Figures.imageGrid("digits", new double[][] {{0, 1, 1, 0}}, 2, 2, 1);
        Map<?, ?> y = (Map<?, ?>) ((Map<?, ?>) PlotlyJson.of(g).get("layout")).get("yaxis");
        assertEquals("x", y.get("scaleanchor"));
        assertEquals("reversed", y.get("autorange"), "image rows top to bottom, as before");
    }

    @Test
    void literalReaderHandlesJsplotSyntax() {
        Object v = JsLiteral.value("{a: 'x\\'y', \"b\": [1, -2.5e-3, NaN, ], c: {d: true, e: null, f: undefined,}, /* c */ g: \"\\u00e9\"}");
        assertEquals(List.of("a", "b", "c", "g"), List.copyOf(((Map<?, ?>) v).keySet()), "keys in source order");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals("x'y", m.get("a"));
        assertEquals(-0.0025, ((List<?>) m.get("b")).get(1));
        assertTrue(((Map<?, ?>) m.get("c")).containsKey("e") && !((Map<?, ?>) m.get("c")).containsKey("f"), "undefined is absent");
        assertEquals("é", m.get("g"));
    }

    @Test
    void scriptsThatAreNotDataAreRefusedWithAPosition() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JsLiteral.statements("var layout = {}; target.on('plotly_click', function(d) { alert(d); });"));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
        Figure evil = new Figure(Layout.builder().build(), ScatterTrace.builder(new double[] {1}, new double[] {2}).build()) {
            @Override public String asJavascript(String divName) {
                return "<script>var layout = {}; var data = []; window.x = 1; Plotly.newPlot(t, data, layout);</script>";
            }
        };
        assertThrows(IllegalStateException.class, () -> Plots.json(evil));
    }

    @Test
    void longArraysGoAsTypedArraysThatDecodeToTheValues() {
        int n = TypedArray.MIN_LENGTH + 5;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = i * 0.001; y[i] = Math.sin(i) * 1e3; }
        y[7] = Double.NaN;
        Figure f = Figures.lines("t", "x", "y", List.of(new Figures.Series("s", x, y), new Figures.Series("short", new double[] {1, 2}, new double[] {3, 4})));
        List<?> data = (List<?>) PlotlyJson.of(f).get("data");
        assertEquals(List.of(1.0, 2.0), ((Map<?, ?>) data.get(1)).get("x"), "short arrays stay plain, readable JSON");
        String json = Plots.json(f);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"y\":\\{\"dtype\":\"f4\",\"bdata\":\"([^\"]+)\"}").matcher(json);
        assertTrue(m.find(), json.substring(0, 200));
        java.nio.FloatBuffer back = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(m.group(1)))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        assertEquals(n, back.remaining());
        for (int i = 0; i < n; i++) {
            if (i == 7) assertTrue(Float.isNaN(back.get(i)), "NaN stays a gap");
            else assertEquals(y[i], back.get(i), 6e-8 * Math.abs(y[i]) + 1e-30, "value " + i);
        }
        double[][] z = new double[40][30];
        for (int r = 0; r < 40; r++) for (int c = 0; c < 30; c++) z[r][c] = r * 100 + c;
        String hm = Plots.json(Figures.heatmap("h", "x", "y", new double[30], new double[40], z));
        java.util.regex.Matcher zm = java.util.regex.Pattern.compile("\"z\":\\{\"dtype\":\"f4\",\"bdata\":\"([^\"]+)\",\"shape\":\"40,30\"}").matcher(hm);
        assertTrue(zm.find(), "a heat map's z as a rows × cols typed array");
        java.nio.FloatBuffer zb = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(zm.group(1)))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        assertEquals(1203f, zb.get(12 * 30 + 3), "row-major: row 12, column 3");
        double[] huge = new double[n];
        java.util.Arrays.fill(huge, 1e300);
        assertEquals("f8", new TypedArray(huge).dtype(), "beyond float32's range: float64");
    }
}
