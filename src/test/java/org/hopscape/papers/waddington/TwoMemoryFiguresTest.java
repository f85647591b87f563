package org.hopscape.papers.waddington;

import org.hopscape.analysis.BifurcationDiagram;
import org.hopscape.analysis.FixedPointContinuation;
import org.hopscape.analysis.TwoMemorySystem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TwoMemoryFiguresTest {

    @Test
    void bifurcationProjectionsNameEachCountChangeByItsKind() {
        var o = FixedPointContinuation.Options.quick().withRange(20, 40, 4).withThreads(2);
        BifurcationDiagram d = FixedPointContinuation.track(Fig5System.at(20), o);
        String js = TwoMemoryFigures.bifurcationProjections(d).asJavascript("f");
        assertTrue(js.contains("saddle-node n=23.95"), "the first count change is drawn as a saddle-node");
        assertTrue(js.contains("saddle-node n=36.35"), "and the second");
        assertFalse(js.contains("boundary crossing") || js.contains("other n="), "no other kinds at the Fig 5 parameters");
    }
}
