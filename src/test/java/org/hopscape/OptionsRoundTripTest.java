package org.hopscape;

import org.hopscape.analysis.*;
import org.hopscape.dynamics.*;
import org.hopscape.embed.Pca;
import org.hopscape.embed.Umap;
import org.hopscape.learning.Annealing;
import org.hopscape.learning.AnnealingFeedback;
import org.hopscape.learning.KrotovTrainer;
import org.hopscape.learning.SoftmaxSynapses;
import org.hopscape.papers.waddington.PrototypeTransition;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.papers.waddington.SplittingDynamics;
import org.hopscape.papers.waddington.TemperatureSweep;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * style.md #7, once for every Options record of the kit: {@code toMap()} → {@code Options.of(map)} → {@code toMap()}
 * is the identity; every {@code with…} method of a component changes that component (and only that one) in the map.
 */
class OptionsRoundTripTest {

    /** One instance of every Options record; a non-default one where the defaults would hide a lost key. */
    static List<Record> samples() {
        return List.of(
                Ode.Options.paper(), MorseSmale.Options.paper(7), Families.Options.of(CriticalPoints.Options.box(2, 3, 11), true),
                HebbianPgd.Options.figure10(), Sde.Options.paper(0.3), CriticalPoints.Options.box(3, 1.5, 9),
                Pca.Options.twoD(), Umap.Options.quick(), MarchenkoPasturSpectra.Options.quick(), AgsMeanField.Options.quick(),
                FixedPointContinuation.Options.quick(), Hyperbolicity.Options.quick(), Sweep.Options.inMemory(),
                SaddleProportions.Options.quick(3, Sweep.Options.inMemory()), TemperatureSweep.Options.quick(4, Sweep.Options.inMemory()),
                PrototypeTransition.Options.quick(5, Sweep.Options.inMemory()), SplittingDynamics.Options.fig5d(),
                KrotovTrainer.Options.paper(123).withM(3.5), SoftmaxSynapses.Options.quick(), AnnealingFeedback.Options.quick(),
                Annealing.Options.paper());
    }

    @Test
    void everyOptionsRecordIsCovered() throws Exception {
        // every nested record named Options in the main sources appears in samples()
        List<String> covered = samples().stream().map(r -> r.getClass().getName()).toList();
        List<String> missing = new ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = java.nio.file.Files.readString(f);
                if (!text.contains("public record Options(")) continue;
                String cls = java.nio.file.Path.of("src/main/java").relativize(f).toString().replace('/', '.').replace(".java", "");
                if (!covered.contains(cls + "$Options")) missing.add(cls);
            }
        }
        assertEquals(List.of(), missing, "Options records without a round-trip sample");
    }

    @Test
    void toMapOfToMapIsTheIdentity() throws Exception {
        for (Record o : samples()) {
            Map<String, ?> map = toMap(o);
            assertFalse(map.isEmpty(), o.getClass().getName());
            Record back = of(o.getClass(), map);
            assertEquals(map, toMap(back), o.getClass().getName());
        }
    }

    @Test
    void withMethodsChangeTheirComponent() throws Exception {
        int checked = 0;
        for (Record o : samples()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                String name = "with" + Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
                Method w;
                try { w = o.getClass().getMethod(name, c.getType()); } catch (NoSuchMethodException e) { continue; }
                Object v = c.getAccessor().invoke(o), changed = nudge(v);
                if (changed == null) continue;
                Record r;
                try { r = (Record) w.invoke(o, changed); } catch (java.lang.reflect.InvocationTargetException e) {
                    if (e.getCause() instanceof IllegalArgumentException) continue; // the nudge left the allowed range
                    throw e;
                }
                assertEquals(changed, c.getAccessor().invoke(r), o.getClass().getName() + "." + name);
                Map<String, ?> before = toMap(o), after = toMap(r);
                for (String k : before.keySet())
                    if (!k.equals(c.getName()) && !k.startsWith(c.getName() + "."))
                        assertEquals(before.get(k), after.get(k), o.getClass().getName() + "." + name + " changed " + k);
                checked++;
            }
        }
        assertTrue(checked >= 29, "with… methods checked: " + checked + " (29 when this test was written)");
    }

    @Test
    void aBadValueNamesItsKey() {
        Map<String, String> m = new HashMap<>();
        m.put("rtol", "fast");
        var e = assertThrows(IllegalArgumentException.class, () -> Ode.Options.of(m));
        assertTrue(e.getMessage().startsWith("rtol"), e.getMessage());
    }

    private static Object nudge(Object v) {
        if (v instanceof Integer i) return i + 1;
        if (v instanceof Long l) return l + 1;
        if (v instanceof Double d) return d == 0 ? 0.25 : d * 0.75;
        if (v instanceof Boolean b) return !b;
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> toMap(Record o) throws Exception {
        Method m = o.getClass().getMethod("toMap");
        return (Map<String, ?>) m.invoke(o);
    }

    private static Record of(Class<?> type, Map<String, ?> map) throws Exception {
        for (Method m : type.getMethods())
            if (m.getName().equals("of") && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && Map.class.isAssignableFrom(m.getParameterTypes()[0]))
                return (Record) m.invoke(null, map);
        throw new AssertionError(type.getName() + " has no static of(Map)");
    }
}
