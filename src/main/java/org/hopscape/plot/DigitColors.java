package org.hopscape.plot;

import org.hopscape.util.Check;

/**
 * The ten MNIST digit colours of paper 000's figures, identical in every figure of the kit (UMAP scatters, memory
 * trajectories, pie charts, legends): a reader who learned "7 is orange-brown" in one figure reads it in all.
 * Category10-like hues, chosen apart from the red of unstable fixed points ({@link #UNSTABLE}) and the dark grey of
 * other marks.
 */
public final class DigitColors {
    private DigitColors() {}

    /** Colour of digit d at index d. */
    private static final String[] COLORS = {
            "#1f77b4", // 0 blue
            "#ff7f0e", // 1 orange
            "#2ca02c", // 2 green
            "#9467bd", // 3 purple
            "#8c564b", // 4 brown
            "#e377c2", // 5 pink
            "#17becf", // 6 cyan
            "#bcbd22", // 7 olive
            "#393b79", // 8 indigo
            "#7f7f7f", // 9 grey
    };

    /** Unstable fixed points and saddles: a red no digit uses. */
    public static final String UNSTABLE = "#d62728";

    /** The colour of digit {@code d} (0–9). */
    public static String of(int d) {
        return COLORS[Check.inRange("digit", d, 0, 9)];
    }

    /** All ten, digit 0 first (a copy). */
    public static String[] all() {
        return COLORS.clone();
    }

    /** The colour of a label "0" … "9" (the digit classes as plotly legend names); grey for anything else. */
    public static String ofLabel(String label) {
        if (label != null && label.length() == 1 && Character.isDigit(label.charAt(0))) return of(label.charAt(0) - '0');
        return "#444444";
    }
}
