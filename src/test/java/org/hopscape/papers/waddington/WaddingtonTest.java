package org.hopscape.papers.waddington;

import org.hopscape.data.TrainingSet200;
import org.hopscape.util.Progress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WaddingtonTest {

    /**
     * Spec 000 §6 Fig 4 checks on the authors' 200-set, digits {1, 4, 7}, T = 800, η = 0.0035, n = 30, 3500 epochs
     * (prototype reference: S(G1 | G4∪G7) = 1660, S(G4 | G7) = 2360, group-mean ᾱ at epoch 900 = (0.54, 0.24, 0.23)
     * for all groups, 57/60 correct).
     */
    @Test
    void fig4SplitsSequentiallyAtN30() {
        var set = TrainingSet200.authors();
        assumeTrue(set.isPresent(), "authors' 200-set not on the data path (set HOPSCAPE_DATA)");
        var f = Waddington.fig4(set.get(), Waddington.FIG4_DIGITS, 30, Waddington.FIG4_TEMPERATURE, Waddington.FIG4_RATE,
                3500, new int[0], null, 10, 42, Progress.NONE);
        int first = f.split("G1 | G4∪G7"), second = f.split("G4 | G7");
        assertTrue(first > 0 && second > 0, "both splits happen: " + first + ", " + second);
        assertTrue(first < second - 200, "sequential splits " + first + " < " + second + " − 200");
        assertTrue(f.groupSpread(900) < 0.02, "one shared saddle at epoch 900: spread " + f.groupSpread(900));
        double a1 = f.meanAlphaBar(900, 1);
        assertTrue(a1 >= 0.4 && a1 <= 0.65, "ᾱ_1 at epoch 900 = " + a1);
        assertTrue(f.accuracy() >= 0.9, "accuracy " + f.accuracy());
        for (int s : f.groupSizes()) assertTrue(s > 0);
        // ᾱ of each memory sums the α of its digit block: at epoch 0 memories are ≈ −0.003·𝟙, nearly equal
        assertEquals(f.alphaBar()[0][0][0], f.alphaBar()[0][1][0], 1e-3);
    }

    @Test
    void memoriesOfDigitLowersTheThresholdUntilEnoughExist() {
        var c = new org.hopscape.hopfield.DenseClassifier(new double[][] {{1}, {1}, {1}},
                new double[][] {{0.995, 0}, {0.85, 0}, {0.5, 0}}, 2, 1);
        assertArrayEquals(new int[] {0}, Waddington.memoriesOfDigit(c, 0, 1, 0.1));
        assertArrayEquals(new int[] {0, 1}, Waddington.memoriesOfDigit(c, 0, 2, 0.1));
        assertArrayEquals(new int[] {0, 1, 2}, Waddington.memoriesOfDigit(c, 0, 4, 0.1));
    }
}
