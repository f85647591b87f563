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
        assertTrue(AnnealingFigures.shares(run, 0, BloodLineages.SHORT, "s").asJavascript("b").contains("tonexty"));
    }

    @Test
    void persistenceFiguresBuild() {
        PersistenceLength pl = new PersistenceLength(DATA.memories(), BloodLineages.SHORT);
        var seq = pl.progenitorSequence(0, new double[11]);
        assertTrue(AnnealingFigures.progenitorSequence(seq, seq, BloodLineages.SHORT, "a", "b", "E").asJavascript("e").contains("stack"));
        var f = AnnealingFigures.persistenceMap(pl, new double[11], BloodLineages.FIG3F_ORDER,
                BloodLineages.OBSERVED_PROGENITORS, BloodLineages.NEW_PROGENITORS, "F");
        assertTrue(f.asJavascript("f").contains("newly described"));
        assertEquals(List.of(0.9118906527810401), List.of(pl.setsTable(List.of(BloodLineages.OBSERVED_PROGENITORS.get(0)), "t").doubleColumn(1).get(0)));
    }
}
