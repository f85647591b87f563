package org.hopscape.papers.hierarchy;

import org.hopscape.analysis.PersistenceLength;
import org.hopscape.data.BloodLineages;
import org.hopscape.learning.Annealing;
import org.hopscape.learning.AnnealingEmbedding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AnnealingFiguresTest {
    static final BloodLineages DATA = BloodLineages.syntheticFallback();

    /** 150 annealed cells with three recorded trajectories under the weights of the PCA test in learning. */
    private static Annealing.Run annealed() {
        double[] w = {-0.27, -0.27, -0.17, -0.05, -0.09, -0.15, -0.15, -0.09, 0.67, 0.29, 0.29};
        return new Annealing(DATA.memories(), Annealing.Options.paper().withDt(0.02))
                .run(w, 150, 3, new Annealing.Recording(150, 1, 0.5));
    }

    @Test
    void embeddingFiguresBuildAndCarryTheSyntheticLabel() {
        Annealing.Run run = annealed();
        assertTrue(AnnealingFigures.embedding(AnnealingEmbedding.pca(run), BloodLineages.SHORT, DATA.label() + "test")
                .asJavascript("a").contains("synthetic"));
        String shares = AnnealingFigures.shares(run, 0, BloodLineages.SHORT, "s").asJavascript("b").replace("\\u003c", "<");
        assertEquals(11, shares.split("\"fill\":\"toself\"", -1).length - 1, "one closed band per lineage");
        assertTrue(shares.contains("s<sub>i</sub>"), "axis title in the paper's notation, no raw w_i/s_i");
    }

    @Test
    void progenitorSequenceIsNamedPiesOnEqualAspectPanels() {
        PersistenceLength pl = new PersistenceLength(DATA.memories(), BloodLineages.SHORT);
        var seq = pl.progenitorSequence(0, new double[11]);
        String js = AnnealingFigures.progenitorSequence(seq, seq, BloodLineages.SHORT, "a", "b", "E").asJavascript("e").replace("\\u003c", "<");
        // spec 002 Fig 3E (fallback): MPP → CMP → Ery/Mk/Baso/Mast → BMkE → MEP → Ery, named under the pies
        for (String name : List.of("<b>MPP</b>", "<b>CMP</b>", "<b>Ery/Mk/Baso/Mast</b>", "<b>BMkE</b>", "<b>MEP</b>", "<b>Ery</b>"))
            assertTrue(js.contains(name), name);
        assertTrue(js.contains("ℓ<sub>L</sub> = 4.92"), "MEP persistence length under its pie");
        assertFalse(js.contains("\"type\":\"bar\""), "pies, not bars");
        assertTrue(js.contains("\"fill\":\"toself\""));
        assertTrue(js.contains("\"scaleanchor\":\"x\"") && js.contains("\"scaleanchor\":\"x2\""), "both rows keep pies round");
    }

    @Test
    void persistenceMapIsARingOfPiesWithEqualAspectAndNoAxisTicks() {
        PersistenceLength pl = new PersistenceLength(DATA.memories(), BloodLineages.SHORT);
        var f = AnnealingFigures.persistenceMap(pl, new double[11], BloodLineages.FIG3F_ORDER,
                BloodLineages.OBSERVED_PROGENITORS, BloodLineages.NEW_PROGENITORS, "F");
        String js = f.asJavascript("f").replace("\\u003c", "<");
        assertTrue(js.contains("\"scaleanchor\":\"x\""), "circles stay circles");
        assertTrue(js.contains("\"showticklabels\":false"), "no radius ticks (negative ones) on the ring");
        for (String name : List.of("CMP", "MEP", "GMP", "CLP", "LMPP", "MDP", "BMCP", "BMkE", "EoN"))
            assertTrue(js.contains("<b>" + name + "</b>"), name);
        assertTrue(js.contains("newly described") && js.contains("observed progenitor"));
        // 9 named pies: two rims (black 7, red 2), one hover trace with 9 entries
        assertTrue(js.contains("\"color\":\"red\""));
        assertEquals("CMP", AnnealingFigures.progenitorName(BloodLineages.OBSERVED_PROGENITORS.get(0), 11));
        assertEquals("MPP", AnnealingFigures.progenitorName(BloodLineages.SHORT, 11));
        assertEquals("Ery", AnnealingFigures.progenitorName(List.of("Ery"), 11));
        assertEquals("Mk/T", AnnealingFigures.progenitorName(List.of("Mk", "T"), 11));
        assertEquals(List.of(0.9118906527810401), List.of(pl.setsTable(List.of(BloodLineages.OBSERVED_PROGENITORS.get(0)), "t").doubleColumn(1).get(0)));
    }
}
