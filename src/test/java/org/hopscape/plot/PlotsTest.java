package org.hopscape.plot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.components.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class PlotsTest {
    @TempDir Path tmp;
    private String oldAssets;

    @BeforeEach
    void fakeBundle() throws IOException {
        // a stand-in bundle; the structure of the page is what is under test
        Files.writeString(tmp.resolve(Assets.PLOTLY_FILE), "window.Plotly={newPlot:function(){}}; // https://plot.ly");
        oldAssets = System.setProperty("hopscape.assets", tmp.toString());
    }

    @AfterEach
    void restore() {
        if (oldAssets == null) System.clearProperty("hopscape.assets");
        else System.setProperty("hopscape.assets", oldAssets);
    }

    private static Figure sample() {
        return Figures.lines("energy", "t", "E", List.of(new Figures.Series("run </script> 1", new double[] {0, 1, 2}, new double[] {3, 2, 1})));
    }

    @Test
    void pageLoadsNoScriptFromTheNetwork() {
        Path f = Plots.writeHtml(sample(), "t", tmp.resolve("fig.html"));
        String html = assertDoesNotThrow(() -> Files.readString(f));
        Matcher m = Pattern.compile("<script[^>]*\\bsrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html);
        assertFalse(m.find(), "no <script src=…>");
        assertFalse(Pattern.compile("<link[^>]*href\\s*=\\s*[\"']?https?:", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("cdn.plot.ly"));
        assertTrue(html.contains("window.Plotly="), "bundle inlined");
        assertTrue(html.contains("(function(define, module, exports){"), "bundle shielded from AMD loaders");
        assertTrue(html.contains("Plotly.newPlot"), "figure script present");
        assertTrue(html.contains("name=\"hopscape-page-size\" content=\"720,480\""), "page size for screenshots");
    }

    @Test
    void eachFigureGetsItsOwnDivAndScopedScript() {
        String a = Plots.figureHtml(sample()), b = Plots.figureHtml(sample());
        String idA = a.replaceFirst("(?s).*?id=\"([^\"]+)\".*", "$1"), idB = b.replaceFirst("(?s).*?id=\"([^\"]+)\".*", "$1");
        assertNotEquals(idA, idB);
        assertTrue(a.contains("(function(){"), "page globals stay local");
        assertTrue(a.contains("width:100%;max-width:720px"), "as wide as its container, at most the design width");
        assertTrue(a.contains("if(window.Plotly){d.innerHTML='';d.style.height='480px';"), "drawn where plotly.js is on the page");
        assertTrue(a.contains("<em>[plotly figure: this view has no plotly renderer"), "a note where it is not");
        // exactly one opening and one closing script tag per figure (a name containing </script> must not end it)
        assertEquals(1, a.split("</script>", -1).length - 1, a);
    }

    @Test
    void largeFiguresAreNotCarriedTwice() {
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(i);
        Figure big = Figures.lines("big", "t", "x", List.of(new Figures.Series("s", x, x)));
        assertTrue(Plots.json(big).length() > Plots.FALLBACK_MAX_CHARS);
        String html = Plots.figureHtml(big);
        assertFalse(html.contains("<script"), "the note only");
        assertTrue(html.length() < 1000, html.length() + " chars");
    }

    @Test
    void rawTracesWriteValidPlotlyJson() {
        String js = RawTrace.of("heatmap", java.util.Map.of("z", new double[][] {{1, Double.NaN}, {0.5, 2}}, "colorscale", "Greys"))
                .asJavascript(3);
        assertTrue(js.startsWith("var trace3 = {\"type\":\"heatmap\""), js);
        assertTrue(js.contains("[[1,null],[0.5,2]]"), js);
    }

    @Test
    void pngOfAFigureWhenABrowserIsInstalled() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Plots.browser().isPresent(), "no chromium on PATH");
        Path png = Plots.writePng(sample(), tmp.resolve("out/fig.png"));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "a PNG file");
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary files left");
        }
    }

    @Test
    void badFigureNamesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.save(sample(), "../escape"));
        assertTrue(e.getMessage().contains("figure name"), e.getMessage());
    }
}
