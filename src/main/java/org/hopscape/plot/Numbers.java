package org.hopscape.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers in figure text, for reading: {@value #SIGNIFICANT} significant digits, no trailing zeros, whole numbers
 * without decimals, a Unicode minus, scientific notation as "1.2×10⁻⁴" outside [10⁻³, 10⁶), and lists as
 * "5, 30, 58" — never Java's "[5.0, 30.0, 58.0]" or a 16-digit double.
 */
public final class Numbers {
    private Numbers() {}

    /** Significant digits of a number in a label. */
    public static final int SIGNIFICANT = 3;

    /** {@code v} to {@value #SIGNIFICANT} significant digits. */
    public static String format(double v) {
        return format(v, SIGNIFICANT);
    }

    /** {@code v} to {@code digits} (1–6) significant digits. */
    public static String format(double v, int digits) {
        if (digits < 1 || digits > 6) throw new IllegalArgumentException("digits must be in 1..6, got " + digits);
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        String s;
        if (a >= 1e-3 && a < 1e6) {
            s = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        } else {
            String e = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
            int k = e.indexOf('e');
            String mant = e.substring(0, k);
            if (mant.contains(".")) mant = mant.replaceFirst("0+$", "").replaceFirst("\\.$", "");
            int exp = Integer.parseInt(e.substring(k + 1));
            s = (mant.equals("1") ? "" : mant.equals("-1") ? "-" : mant + "×") + "10" + superscript(exp);
        }
        return s.replace('-', '−');
    }

    /** A whole number, with a Unicode minus. */
    public static String format(long v) {
        return Long.toString(v).replace('-', '−');
    }

    /** Values as a comma-separated list of {@link #format(double)}: "5, 30, 58". */
    public static String list(double... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ", ").append(format(values[i]));
        return sb.toString();
    }

    /** Whole numbers as a comma-separated list: "1, 9, 7". */
    public static String list(int... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ", ").append(format(values[i]));
        return sb.toString();
    }

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** An integer in Unicode superscript digits: −4 → ⁻⁴. */
    public static String superscript(int n) {
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) sb.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        return sb.toString();
    }
}
