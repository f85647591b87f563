package org.hopscape.dynamics;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Result of the Morse–Smale check on a disc (004 Def. 6, Prop. 23; spec 004 §1.5).
 *
 * @param morse               every critical point non-degenerate
 * @param noSaddleConnection  no unstable branch of a saddle runs into another saddle (Smale condition in 2-D)
 * @param maxRadialVelocity   max ⟨X(x), x⟩ on the circle |x| = R (negative: inward flow, transverse boundary)
 * @param eulerCount          Σ(−1)^index (= 1 on a disc with inward flow)
 */
public record MorseSmaleCheck(boolean morse, boolean noSaddleConnection, double maxRadialVelocity, int eulerCount) {
    public boolean inwardBoundary() {
        return maxRadialVelocity < 0;
    }

    /** All three conditions. */
    public boolean morseSmale() {
        return morse && noSaddleConnection && inwardBoundary();
    }

    public Table toTable() {
        Table t = Table.create("Morse–Smale check", StringColumn.create("condition"), StringColumn.create("value"));
        String[][] rows = {{"Morse (non-degenerate critical points)", Boolean.toString(morse)},
                {"Smale (no saddle–saddle connection)", Boolean.toString(noSaddleConnection)},
                {"max ⟨X, x⟩ on the boundary circle", String.format(java.util.Locale.ROOT, "%.4g", maxRadialVelocity)},
                {"Poincaré–Hopf count", Integer.toString(eulerCount)},
                {"Morse–Smale", Boolean.toString(morseSmale())}};
        for (String[] r : rows) { t.stringColumn("condition").append(r[0]); t.stringColumn("value").append(r[1]); }
        return t;
    }
}
