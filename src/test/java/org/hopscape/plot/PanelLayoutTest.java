package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelLayoutTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> axis(Map<String, Object> layout, String name) {
        return (Map<String, Object>) layout.get(name);
    }

    @Test
    void fitsTheColumnAndKeepsPanelsEqual() {
        PanelLayout g = new PanelLayout(2, 6).panelSize(300, 260).sharedX("UMAP 1").sharedY("UMAP 2");
        assertTrue(g.width() <= PanelLayout.COLUMN, "width " + g.width());
        Map<String, Object> L = g.layout("t");
        double[] d0 = (double[]) axis(L, "xaxis").get("domain"), d5 = (double[]) axis(L, "xaxis6").get("domain");
        assertEquals(d0[1] - d0[0], d5[1] - d5[0], 1e-12);
        assertEquals(1.0, d5[1], 1e-12);
        double[] y0 = (double[]) axis(L, "yaxis").get("domain"), y7 = (double[]) axis(L, "yaxis7").get("domain");
        assertEquals(y0[1] - y0[0], y7[1] - y7[0], 1e-12);
        assertTrue(y7[1] < y0[0], "rows do not overlap");
    }

    @Test
    void sharedAxesMatchAndLabelOnlyTheOuterPanels() {
        Map<String, Object> L = new PanelLayout(2, 2).sharedX("m^1").sharedY("m^2").layout(null);
        assertNull(axis(L, "xaxis").get("matches"));
        assertEquals("x", axis(L, "xaxis4").get("matches"));
        assertEquals(false, axis(L, "xaxis").get("showticklabels")); // top row
        assertEquals(true, axis(L, "xaxis3").get("showticklabels")); // bottom row
        assertEquals(false, axis(L, "yaxis2").get("showticklabels")); // right column
        assertFalse(axis(L, "xaxis").containsKey("title"));
        @SuppressWarnings("unchecked") Map<String, Object> t = (Map<String, Object>) axis(L, "xaxis3").get("title");
        assertEquals("m<sup>1</sup>", t.get("text"));
    }

    @Test
    void panelTitlesSitAboveTheirPanelAndEqualAspectAnchors() {
        Map<String, Object> L = new PanelLayout(1, 3).title(1, "epoch 900").equalAspect().layout("x");
        List<?> ann = (List<?>) L.get("annotations");
        assertEquals(1, ann.size());
        Map<?, ?> a = (Map<?, ?>) ann.get(0);
        double[] d = (double[]) axis(L, "xaxis2").get("domain");
        assertEquals((d[0] + d[1]) / 2, (double) a.get("x"), 1e-12);
        assertEquals("x2", axis(L, "yaxis2").get("scaleanchor"));
        assertEquals("x2", PanelLayout.xaxis(1));
        assertEquals("y3", PanelLayout.yaxis(2));
    }
}
