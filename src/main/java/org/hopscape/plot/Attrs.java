package org.hopscape.plot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plotly attributes written in the order given: {@code Attrs.of("color", c, "width", 1)} is a mutable,
 * insertion-ordered map, so a figure's JSON lists its keys as the code reads, the same in every JVM. Use it instead of
 * {@code Map.of} for anything that becomes figure JSON ({@code Map.of} iterates in an order salted per JVM run).
 */
public final class Attrs {
    private Attrs() {}

    /**
     * The map {key₁ → value₁, key₂ → value₂, …} in this order.
     *
     * @param keysAndValues alternating keys (strings, unique) and values (any JSON-writable value; null allowed)
     * @throws IllegalArgumentException for an odd count, a key that is not a string, or a repeated key
     */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0)
            throw new IllegalArgumentException("keysAndValues must alternate key, value (got " + keysAndValues.length + " items)");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String k))
                throw new IllegalArgumentException("keysAndValues[" + i + "] must be a string key, got " + keysAndValues[i]);
            if (m.containsKey(k)) throw new IllegalArgumentException("keysAndValues repeats the key \"" + k + "\"");
            m.put(k, keysAndValues[i + 1]);
        }
        return m;
    }
}
