package org.hopscape.dynamics.examples;

/**
 * Six 6×6 ±1 glyphs used as the Fig. 10 patterns ("six patterns in ℝ³⁶", unspecified in 004; spec 004 §4.2b):
 * X, O, +, stripes, bars, L; row-major, '#' = +1, '.' = −1.
 */
public final class Glyphs {
    private Glyphs() {}

    public static final String[] NAMES = {"X", "O", "+", "stripes", "bars", "L"};
    private static final String[] ROWS = {
            "#....#.#..#...##....##...#..#.#....#",
            "#######....##....##....##....#######",
            "..##....##..############..##....##..",
            "######......######......######......",
            "#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.",
            "#.....#.....#.....#.....#.....######"};

    /** The six patterns as rows of ±1. */
    public static double[][] patterns() {
        double[][] p = new double[ROWS.length][36];
        for (int k = 0; k < ROWS.length; k++)
            for (int i = 0; i < 36; i++) p[k][i] = ROWS[k].charAt(i) == '#' ? 1 : -1;
        return p;
    }
}
