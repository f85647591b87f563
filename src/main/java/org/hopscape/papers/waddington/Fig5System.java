package org.hopscape.papers.waddington;

import org.hopscape.analysis.PhasePlane;
import org.hopscape.analysis.TwoMemorySystem;

import java.util.ArrayList;
import java.util.List;

/**
 * Paper 000's Fig 5 system: the reduced two-memory dynamics ({@link TwoMemorySystem}) on the digits 1 (row 21) and 4
 * (row 81) of the authors' 200-set, with the Gram values the paper gives, at T = 700 with two identical memories.
 */
public final class Fig5System {
    private Fig5System() {}

    /** Gram values ⟨a, a⟩, ⟨a, b⟩, ⟨b, b⟩ of 200-set rows 21 and 81, as the paper gives them. */
    public static final double GRAM_AA = 753, GRAM_AB = 494, GRAM_BB = 719;
    /** T = 700 (T_r = 0.893). */
    public static final double TEMPERATURE = 700;
    /** Two identical memories. */
    public static final int MEMORIES = 2;

    /** The Fig 5 system at order n. */
    public static TwoMemorySystem at(double n) {
        return new TwoMemorySystem(GRAM_AA, GRAM_AB, GRAM_BB, TEMPERATURE, MEMORIES, n);
    }

    /** Phase planes of the Fig 5 system at several n (Fig 5B: 6, 20, 30, 40). */
    public static List<PhasePlane> phasePlanes(double... ns) {
        List<PhasePlane> out = new ArrayList<>();
        for (double n : ns) out.add(PhasePlane.of(at(n)));
        return out;
    }
}
