package org.hopscape.plot;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Minimal JSON writer for plotly attributes: maps, collections, arrays, numbers (NaN → null), strings. */
final class Json {
    private Json() {}

    static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    static void append(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Double d -> number(sb, d);
            case Float f -> number(sb, f);
            case Number n -> sb.append(n);
            case TypedArray t -> {
                sb.append("{\"dtype\":");
                string(sb, t.dtype());
                sb.append(",\"bdata\":");
                string(sb, t.bdata());
                if (t.shape() != null) {
                    sb.append(",\"shape\":");
                    string(sb, t.shape());
                }
                sb.append('}');
            }
            case Boolean b -> sb.append(b);
            case double[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) { if (i > 0) sb.append(','); number(sb, a[i]); }
                sb.append(']');
            }
            case int[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) { if (i > 0) sb.append(','); sb.append(a[i]); }
                sb.append(']');
            }
            case Object[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) { if (i > 0) sb.append(','); append(sb, a[i]); }
                sb.append(']');
            }
            case Collection<?> c -> {
                sb.append('[');
                boolean first = true;
                for (Object o : c) { if (!first) sb.append(','); first = false; append(sb, o); }
                sb.append(']');
            }
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    append(sb, e.getValue());
                }
                sb.append('}');
            }
            default -> throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void number(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) sb.append("null"); // plotly draws gaps for null
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
        else sb.append(short7(d));
    }

    /** Seven significant digits, without trailing zeros ("0.5", "1.234568e-5"). */
    static String short7(double d) {
        String t = String.format(Locale.ROOT, "%.7g", d);
        int e = t.indexOf('e');
        String mantissa = e < 0 ? t : t.substring(0, e), exponent = e < 0 ? "" : t.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceFirst("0+$", "");
            if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
        return mantissa + exponent.replaceFirst("^e\\+?(-?)0*(\\d)", "e$1$2");
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c"); // never close a <script> early
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        sb.append('"');
    }
}
