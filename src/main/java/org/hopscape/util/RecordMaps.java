package org.hopscape.util;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options records as provenance (style.md #7): a record's components as a flat map of strings and back. Numbers,
 * booleans, strings, enums, paths and arrays of numbers are written with {@code toString} (arrays as
 * {@code [a, b, …]}); a nested record's components get the prefix {@code name.}; listeners ({@link Progress}) and
 * other objects are not provenance and are left out. {@link #of} reads such a map back onto a record of defaults,
 * so keys it does not name keep the default (e.g. {@code threads}, which never changes a result).
 */
public final class RecordMaps {
    private RecordMaps() {}

    /** The components of {@code options} as key → text, in declaration order. */
    public static Map<String, String> toMap(Record options) {
        Check.notNull("options", options);
        Map<String, String> out = new LinkedHashMap<>();
        write(options, "", out);
        return out;
    }

    private static void write(Record r, String prefix, Map<String, String> out) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = value(c, r);
            String key = prefix + c.getName();
            if (v instanceof Record nested) write(nested, key + ".", out);
            else if (writable(c.getType())) out.put(key, text(v));
        }
    }

    private static boolean writable(Class<?> t) {
        return t.isPrimitive() || Number.class.isAssignableFrom(t) || t == Boolean.class || t == String.class || t.isEnum()
                || t == Path.class || (t.isArray() && t.getComponentType().isPrimitive());
    }

    private static String text(Object v) {
        if (v == null) return "null";
        if (v.getClass().isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(v); i++) b.append(i == 0 ? "" : ", ").append(Array.get(v, i));
            return b.append(']').toString();
        }
        return v instanceof Enum<?> e ? e.name() : v.toString();
    }

    /**
     * The record of type {@code defaults.getClass()} whose components are read from {@code map} where it has their
     * key and taken from {@code defaults} otherwise; values are parsed from {@code String.valueOf(value)}. A value that
     * does not parse, or that the record's own checks refuse, is an IllegalArgumentException naming the key.
     */
    public static <R extends Record> R of(Map<String, ?> map, R defaults) {
        Check.notNull("map", map);
        Check.notNull("defaults", defaults);
        @SuppressWarnings("unchecked") R r = (R) read(defaults, "", map);
        return r;
    }

    private static Record read(Record defaults, String prefix, Map<String, ?> map) {
        RecordComponent[] cs = defaults.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            RecordComponent c = cs[i];
            types[i] = c.getType();
            Object d = value(c, defaults);
            String key = prefix + c.getName();
            if (d instanceof Record nested) args[i] = read(nested, key + ".", map);
            else if (writable(c.getType()) && map.containsKey(key)) args[i] = parse(key, String.valueOf(map.get(key)), c.getType());
            else args[i] = d;
        }
        try {
            Constructor<?> k = defaults.getClass().getDeclaredConstructor(types);
            k.setAccessible(true);
            return (Record) k.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalStateException("cannot build " + defaults.getClass().getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + defaults.getClass().getSimpleName(), e);
        }
    }

    private static Object parse(String key, String s, Class<?> t) {
        String v = s.trim();
        try {
            if (t == double.class || t == Double.class) return Double.parseDouble(v);
            if (t == int.class || t == Integer.class) return Integer.parseInt(v);
            if (t == long.class || t == Long.class) return Long.parseLong(v);
            if (t == float.class || t == Float.class) return Float.parseFloat(v);
            if (t == boolean.class || t == Boolean.class) {
                if (!v.equals("true") && !v.equals("false")) throw new NumberFormatException(v);
                return Boolean.parseBoolean(v);
            }
            if (t == String.class) return s;
            if (t == Path.class) return v.equals("null") ? null : Path.of(v);
            if (t.isEnum()) return enumValue(key, t, v);
            if (t.isArray()) {
                String inner = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1).trim() : v;
                String[] parts = inner.isEmpty() ? new String[0] : inner.split("\\s*,\\s*");
                Object a = Array.newInstance(t.getComponentType(), parts.length);
                for (int i = 0; i < parts.length; i++) Array.set(a, i, parse(key + "[" + i + "]", parts[i], t.getComponentType()));
                return a;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a " + t.getSimpleName() + " (got '" + s + "')");
        }
        throw new IllegalArgumentException(key + " has a type that is not provenance: " + t.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String key, Class<?> t, String v) {
        try {
            return Enum.valueOf((Class) t, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be one of " + Arrays.toString(t.getEnumConstants()) + " (got '" + v + "')");
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
