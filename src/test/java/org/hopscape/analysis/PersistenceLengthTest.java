package org.hopscape.analysis;

import org.hopscape.data.BloodLineages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PersistenceLengthTest {
    static final BloodLineages DATA = BloodLineages.syntheticFallback();
    static final PersistenceLength PL = new PersistenceLength(DATA.memories(), BloodLineages.SHORT);

    @Test
    void fallbackPersistenceLengthsMatchSpec() {
        assertEquals(2036, PL.progenitorSubsets().length);
        assertEquals(4.916, PL.length(PL.mask("Ery", "Mk")), 1e-3);
        for (String[] pair : new String[][] {{"Baso", "Mast"}, {"Mac", "DC"}, {"Eos", "Neut"}})
            assertEquals(2.415, PL.length(PL.mask(pair)), 1e-3);
        assertEquals(1.342, PL.length(PL.mask("Neut", "Mac")), 1e-3);
        assertEquals(1.342, PL.length(PL.mask("Baso", "Mk", "Ery")), 1e-3);
        assertEquals(1.024, PL.length(PL.mask("B", "T", "NK")), 1e-3);
        assertEquals(0.912, PL.length(PL.mask("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC")), 1e-3);
        assertEquals(0.679, PL.length((1 << 11) - 1), 1e-3);
        // single-pattern limit and closed form: ℓ = 1/acos(c)²
        assertEquals(1 / Math.pow(Math.acos(0.9), 2), PL.length(PL.mask("Ery", "Mk")), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, PL.length(PL.mask("Ery")));
    }

    @Test
    void percentilesOfEncodedProgenitors() {
        assertEquals(54.0 / 55, PL.percentile(PL.mask("Ery", "Mk")), 1e-12);
        assertEquals(50.0 / 55, PL.percentile(PL.mask("Baso", "Mast")), 1e-12);
        assertTrue(PL.percentile(PL.mask("Baso", "Mk", "Ery")) >= 0.99);
        assertEquals(156.0 / 165, PL.percentile(PL.mask("B", "T", "NK")), 1e-12);
        assertEquals(0.0, PL.percentile(PL.mask("Neut", "Mac", "DC", "B", "T", "NK")), 1e-12);
    }

    @Test
    void erythroidSequenceIsNestedAndShrinks() {
        List<PersistenceLength.Step> seq = PL.progenitorSequence(BloodLineages.ERYTHROCYTE, new double[11]);
        int[] sizes = seq.stream().mapToInt(s -> Integer.bitCount(s.mask())).toArray();
        assertArrayEquals(new int[] {11, 8, 4, 3, 2, 1}, sizes);
        double[] upTo = seq.stream().mapToDouble(PersistenceLength.Step::upTo).toArray();
        double[] expected = {0.679, 0.912, 1.163, 1.342, 4.916};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], upTo[i], 1e-3);
        assertEquals(PL.mask("Ery", "Mk", "Baso", "Mast"), seq.get(2).mask());
        for (int i = 1; i < seq.size(); i++) assertEquals(seq.get(i).mask(), seq.get(i).mask() & seq.get(i - 1).mask());
        assertEquals(0.5, seq.get(4).composition()[0], 1e-12);
    }

    @Test
    void compositionIsSoftmaxOfRestrictedWeights() {
        double[] w = new double[11];
        w[0] = Math.log(3);
        double[] p = PL.composition(PL.mask("Ery", "Mk"), w);
        assertEquals(0.75, p[0], 1e-12);
        assertEquals(0.25, p[1], 1e-12);
        assertEquals(0, p[5]);
    }

    @Test
    void spearmanWithTiesAndInfinity() {
        assertEquals(1.0, PersistenceLength.spearman(new double[] {1, 2, 3, Double.POSITIVE_INFINITY},
                new double[] {10, 20, 30, 40}), 1e-12);
        assertEquals(-1.0, PersistenceLength.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        double rho = PersistenceLength.spearman(new double[] {1, 1, 2, 3}, new double[] {1, 2, 3, 4});
        assertEquals(0.9486832980505138, rho, 1e-12);
    }

    @Test
    void unknownNameIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> PL.mask("HSC"));
        assertTrue(e.getMessage().contains("HSC"));
    }
}
