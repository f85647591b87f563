package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProseTest {
    @Test
    void doublesAreWrittenForReading() {
        assertEquals("m rises from 0.21 to 0.999 in 10 sweeps",
                Prose.of("m rises from %s to %s in %d sweeps", 0.2100000001, 0.99912345, 10).markdown());
        assertThrows(IllegalArgumentException.class, () -> new Prose(" "));
    }
}
