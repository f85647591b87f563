package org.hopscape.plot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minimal JSON writer for plotly attributes: maps, collections, arrays, numbers (NaN → null), strings. A map is
 * written in its own order when it has one (insertion-ordered or sorted), else in key order ({@link #entries}), so
 * that the same figure gives the same JSON in every JVM ({@code Map.of}'s order changes from run to run).
 */
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
                for (Map.Entry<String, Object> e : entries(m)) {
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

    /**
     * A map's entries, keys as strings: in the map's own order if it has one (a {@link java.util.SequencedMap} such as
     * LinkedHashMap or TreeMap, or an unmodifiable view, which the kit only wraps around ordered maps), else sorted by
     * key — {@code Map.of} and hash maps have no order that holds from one JVM to the next.
     */
    @SuppressWarnings("unchecked")
    static List<Map.Entry<String, Object>> entries(Map<?, ?> map) {
        List<Map.Entry<String, Object>> out = new ArrayList<>(map.size());
        ((Map<Object, Object>) map).forEach((k, v) -> out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(String.valueOf(k), v)));
        if (!hasOwnOrder(map)) out.sort(Map.Entry.comparingByKey());
        return out;
    }

    /** Whether iterating {@code map} gives the same order in every run (insertion-ordered, sorted, or a view of one). */
    static boolean hasOwnOrder(Map<?, ?> map) {
        return map instanceof java.util.SequencedMap<?, ?>
                || map.getClass().getName().startsWith("java.util.Collections$Unmodifiable");
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
