package org.hopscape;

import org.hopscape.analysis.*;
import org.hopscape.dynamics.*;
import org.hopscape.hopfield.ClassicHopfield;
import org.hopscape.hopfield.ModernHopfield;
import org.hopscape.learning.Annealing;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.learning.SoftmaxSynapses;
import org.hopscape.papers.waddington.SaddleProportions;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * style.md #7, once for every parameter record of the library, found by reflection over the compiled main classes: a
 * public record whose name ends in {@code Options}, or that has a {@code with…} method returning its own type (a
 * configurable value). For each: a {@code with…} method per component; {@code toMap()} → {@code of(map)} gives back the
 * record (every component but {@link #NOT_PROVENANCE}) and the same map; every {@code with…} changes its own key(s) of
 * the map and no other.
 */
class OptionsRoundTripTest {

    /**
     * Components a map may leave out: listeners, the thread count (results are identical on any thread count), a
     * distributed engine's master URL (where it runs, not what it computes).
     */
    static final List<String> NOT_PROVENANCE = List.of("progress", "threads", "master");

    /**
     * Samples where a no-argument factory does not exist or would hide a lost key (a non-default value); every other
     * parameter record is sampled through its public static no-argument factory.
     */
    static List<Record> samples() {
        return List.of(
                MorseSmale.Options.paper(7), Families.Options.of(CriticalPoints.Options.box(2, 3, 11), true),
                Sde.Options.paper(0.3), CriticalPoints.Options.box(3, 1.5, 9),
                SaddleProportions.Options.quick(3, Sweep.Options.inMemory()),
                org.hopscape.papers.waddington.TemperatureSweep.Options.quick(4, Sweep.Options.inMemory()),
                org.hopscape.papers.waddington.PrototypeTransition.Options.quick(5, Sweep.Options.inMemory()),
                KrotovTrainer.Options.paper(123).withM(3.5), SoftmaxSynapses.Options.quick().withRecordEvery(7),
                Annealing.Recording.none().withTrajectories(3, 0.5).withSoftmaxEvery(0.1),
                new ClassicHopfield.Glauber(0.2, 3, 5, true, 1), new ModernHopfield.Flow(0.05, 2, 3, true, 1),
                new MorseSmale.BasinOptions(-1, 1, -2, 2, 31, 0.02, 40, 1e-3, 0.5),
                new org.hopscape.hopfield.kernel.KrotovKernel.Step(3, 2.5, 540, 0.01, 0.6),
                ModelFigures.FamilyView.plain("w", new MorsePlots.Box(-1, 2, -1.5, 1)).withGibbsRow());
    }

    /** Every parameter record of the main classes, by name. */
    static List<Class<?>> parameterRecords() throws Exception {
        Path root = Path.of(Hopscape.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, OptionsRoundTripTest.class.getClassLoader());
                if (!c.isRecord() || !isPublic(c)) continue;
                boolean configurable = Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().startsWith("with")
                        && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c);
                if (c.getSimpleName().endsWith("Options") || configurable) out.add(c);
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) if (!Modifier.isPublic(k.getModifiers())) return false;
        return true;
    }

    /** A sample of {@code c}: from {@link #samples()}, else its first public static no-argument factory (by name). */
    static Record sample(Class<?> c) throws Exception {
        for (Record r : samples()) if (r.getClass() == c) return r;
        List<Method> factories = Arrays.stream(c.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == c)
                .sorted(Comparator.comparing(Method::getName)).toList();
        if (factories.isEmpty()) return null;
        return (Record) factories.get(0).invoke(null);
    }

    @Test
    void theScanFindsTheKnownParameterRecords() throws Exception {
        List<Class<?>> found = parameterRecords();
        for (Class<?> known : List.of(Ode.Options.class, Sweep.Options.class, KrotovTrainer.Options.class, Annealing.Options.class,
                Annealing.Recording.class, ClassicHopfield.Glauber.class, ModernHopfield.Flow.class, SaddleProportions.Options.class))
            assertTrue(found.contains(known), known.getName());
        assertTrue(found.size() >= 27, "parameter records found: " + found.size() + " " + found);
        List<String> noSample = new ArrayList<>();
        for (Class<?> c : found) if (sample(c) == null) noSample.add(c.getName());
        assertEquals(List.of(), noSample, "parameter records without a sample (add one to samples())");
    }

    @Test
    void everyComponentHasAWithMethod() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : parameterRecords())
            for (RecordComponent rc : c.getRecordComponents())
                if (withMethod(c, rc) == null) missing.add(c.getName() + "." + withName(rc) + "(" + rc.getType().getSimpleName() + ")");
        assertEquals(List.of(), missing, "components without a with… method");
    }

    @Test
    void toMapThenOfGivesTheRecordBack() throws Exception {
        for (Class<?> c : parameterRecords()) {
            Record o = sample(c);
            Map<String, String> map = toMap(o);
            assertFalse(map.isEmpty(), c.getName());
            Record back = of(c, map);
            assertEquals(map, toMap(back), c.getName() + ": toMap ∘ of ∘ toMap");
            for (RecordComponent rc : c.getRecordComponents()) {
                if (NOT_PROVENANCE.contains(rc.getName())) continue;
                assertTrue(sameValue(rc.getAccessor().invoke(o), rc.getAccessor().invoke(back)),
                        c.getName() + "." + rc.getName() + " lost in the round trip: " + map);
            }
        }
    }

    @Test
    void everyWithMethodChangesItsKeyAndNoOther() throws Exception {
        int checked = 0;
        for (Class<?> c : parameterRecords()) {
            Record o = sample(c);
            for (RecordComponent rc : c.getRecordComponents()) {
                Method w = withMethod(c, rc);
                if (w == null) continue; // reported by everyComponentHasAWithMethod
                Object v = rc.getAccessor().invoke(o);
                Record r = null;
                Object changed = null;
                for (Object candidate : nudges(v, rc.getType())) {
                    try {
                        r = (Record) w.invoke(o, candidate);
                        changed = candidate;
                        break;
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if (!(e.getCause() instanceof IllegalArgumentException)) throw e; // outside the allowed range: next
                    }
                }
                if (r == null) continue; // no other value of this type (records, listeners)
                String what = c.getName() + "." + w.getName();
                assertTrue(sameValue(changed, rc.getAccessor().invoke(r)), what + " did not set " + rc.getName());
                Map<String, String> before = toMap(o), after = toMap(r);
                boolean own = false;
                for (String k : union(before, after)) {
                    boolean mine = k.equals(rc.getName()) || k.startsWith(rc.getName() + ".");
                    if (mine) own |= !Objects.equals(before.get(k), after.get(k));
                    else assertEquals(before.get(k), after.get(k), what + " changed " + k);
                }
                if (!NOT_PROVENANCE.contains(rc.getName())) assertTrue(own, what + ": the map does not record " + rc.getName());
                checked++;
            }
        }
        assertTrue(checked >= 120, "with… methods checked: " + checked + " (about 130 when this test was written)");
    }

    @Test
    void aBadValueNamesItsKey() {
        Map<String, String> m = new HashMap<>();
        m.put("rtol", "fast");
        var e = assertThrows(IllegalArgumentException.class, () -> Ode.Options.of(m));
        assertTrue(e.getMessage().startsWith("rtol"), e.getMessage());
        m.clear();
        m.put("epochs", "many");
        e = assertThrows(IllegalArgumentException.class, () -> KrotovTrainer.Options.of(m));
        assertTrue(e.getMessage().startsWith("epochs"), e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static String withName(RecordComponent rc) {
        return "with" + Character.toUpperCase(rc.getName().charAt(0)) + rc.getName().substring(1);
    }

    /** with&lt;Component&gt;(type) returning the record type, or a varargs twin. */
    private static Method withMethod(Class<?> c, RecordComponent rc) {
        try {
            Method m = c.getMethod(withName(rc), rc.getType());
            return m.getReturnType() == c ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Other values of the component's type, tried in order until the record accepts one. */
    private static List<Object> nudges(Object v, Class<?> type) {
        if (type == Path.class) return List.of(Path.of("target", v == null ? "nudged" : v + "-nudged"));
        if (v instanceof Integer i) return List.of(i + 1, i - 1, i * 2);
        if (v instanceof Long l) return List.of(l + 1, l - 1);
        if (v instanceof Double d) return d == 0 || d.isNaN() ? List.of(0.25, 1.0) : List.of(d * 0.75, d * 1.25, d + 1);
        if (v instanceof Boolean b) return List.of(!b);
        if (v instanceof String s) return List.of(s + "x");
        if (v instanceof Enum<?> e) {
            List<Object> out = new ArrayList<>(Arrays.asList(e.getDeclaringClass().getEnumConstants()));
            out.remove(e);
            return out;
        }
        if (v instanceof double[] a && a.length > 0) {
            double[] b = a.clone();
            b[b.length - 1] = b[b.length - 1] == 0 ? 0.5 : b[b.length - 1] * 1.25;
            double[] c = Arrays.copyOf(a, a.length - 1);
            return a.length > 1 ? List.of(b, c) : List.of(b);
        }
        if (v instanceof int[] a && a.length > 0) {
            int[] b = Arrays.copyOf(a, a.length - 1);
            int[] c = a.clone();
            c[c.length - 1] += 1;
            return a.length > 1 ? List.of(b, c) : List.of(c);
        }
        return List.of();
    }

    /** Equal values: arrays by content, records component by component (but {@link #NOT_PROVENANCE}), listeners always. */
    private static boolean sameValue(Object a, Object b) throws Exception {
        if (a instanceof double[] x && b instanceof double[] y) return Arrays.equals(x, y);
        if (a instanceof int[] x && b instanceof int[] y) return Arrays.equals(x, y);
        if (a instanceof Record x && b instanceof Record y) {
            if (x.getClass() != y.getClass()) return false;
            for (RecordComponent rc : x.getClass().getRecordComponents()) {
                var acc = rc.getAccessor();
                acc.setAccessible(true);
                if (!NOT_PROVENANCE.contains(rc.getName()) && !sameValue(acc.invoke(x), acc.invoke(y))) return false;
            }
            return true;
        }
        if (a instanceof org.hopscape.util.Progress || b instanceof org.hopscape.util.Progress) return true;
        return Objects.equals(a, b);
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }

    /** toMap() as key → text (some records map to objects, some to strings). */
    private static Map<String, String> toMap(Record o) throws Exception {
        Method m = o.getClass().getMethod("toMap");
        Map<?, ?> raw = (Map<?, ?>) m.invoke(o);
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static Record of(Class<?> type, Map<String, ?> map) throws Exception {
        for (Method m : type.getMethods())
            if (m.getName().equals("of") && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && Map.class.isAssignableFrom(m.getParameterTypes()[0]))
                return (Record) m.invoke(null, map);
        throw new AssertionError(type.getName() + " has no static of(Map)");
    }
}
