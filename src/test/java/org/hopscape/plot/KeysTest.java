package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysTest {
    @Test
    void divergingIsSymmetricAboutZeroOverAllPanels() {
        Keys.Scale s = Keys.diverging("λ_min", new double[][] {{-0.2, 0.1}}, new double[][] {{0.7, Double.NaN}});
        assertEquals(-0.7, s.zmin());
        assertEquals(0.7, s.zmax());
        assertEquals(Keys.DIVERGING, s.colorscale());
        assertTrue(s.reversed()); // red on the positive side
    }

    @Test
    void sharedScaleCoversEveryPanelAndOneBarIsShown() {
        Keys.Scale s = Keys.shared("E/N", new double[][] {{1, 2}}, new double[][] {{-3, 0.5}});
        assertEquals(-3, s.zmin());
        assertEquals(2, s.zmax());
        Map<String, Object> shown = s.traceAttributes(true), hidden = s.traceAttributes(false);
        assertEquals(true, shown.get("showscale"));
        assertEquals(false, hidden.get("showscale"));
        assertFalse(hidden.containsKey("colorbar"));
        @SuppressWarnings("unchecked") Map<String, Object> title = (Map<String, Object>) ((Map<String, Object>) shown.get("colorbar")).get("title");
        assertEquals("E/N", title.get("text"));
        assertThrows(IllegalArgumentException.class, () -> new Keys.Scale("Viridis", 1, 1, false, "x"));
    }

    @Test
    void longLegendsGoBelowInsteadOfScrolling() {
        assertEquals("v", Keys.legend(10, 12).get("orientation"));
        assertEquals("h", Keys.legend(30, 12).get("orientation"));
    }

    @Test
    void digitColoursAreTenDistinctAndNotTheUnstableRed() {
        Set<String> seen = new HashSet<>();
        for (int d = 0; d < 10; d++) seen.add(DigitColors.of(d));
        assertEquals(10, seen.size());
        assertFalse(seen.contains(DigitColors.UNSTABLE));
        assertEquals(DigitColors.of(7), DigitColors.ofLabel("7"));
        assertThrows(IllegalArgumentException.class, () -> DigitColors.of(10));
    }
}
