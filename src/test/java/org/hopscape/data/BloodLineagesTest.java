package org.hopscape.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BloodLineagesTest {
    @Test
    void fallbackHasSpecCosinesAndUnitRows() {
        BloodLineages d = BloodLineages.syntheticFallback();
        assertTrue(d.synthetic());
        assertTrue(d.cosineTable().name().startsWith("synthetic"));
        assertEquals(23, d.memories()[0].length);
        double[][] g = d.cosines();
        for (int i = 0; i < 11; i++) assertEquals(1, g[i][i], 1e-12);
        int ery = 0, mk = 1, baso = 2, mast = 3, eos = 4, neut = 5, mac = 6, dc = 7, b = 8, t = 9, nk = 10;
        assertEquals(0.90, g[ery][mk], 1e-12);
        for (int[] p : new int[][] {{baso, mast}, {eos, neut}, {mac, dc}, {t, nk}}) assertEquals(0.80, g[p[0]][p[1]], 1e-12);
        assertEquals(0.65, g[ery][baso], 1e-12);
        assertEquals(0.65, g[mk][baso], 1e-12);
        assertEquals(0.60, g[mk][mast], 1e-12);
        assertEquals(0.65, g[neut][mac], 1e-12);
        assertEquals(0.60, g[eos][dc], 1e-12);
        assertEquals(0.50, g[ery][neut], 1e-12);
        assertEquals(0.55, g[b][t], 1e-12);
        assertEquals(0.35, g[b][ery], 1e-12);
        assertEquals(0.35, g[nk][dc], 1e-12);
    }

    @Test
    void csvLoaderReordersAndNormalises(@TempDir Path dir) throws IOException {
        BloodLineages d = BloodLineages.syntheticFallback();
        List<String> lines = new ArrayList<>();
        lines.add("lineage," + String.join(",", d.genes()));
        for (int i = 10; i >= 0; i--) {      // reversed order, scaled rows
            StringBuilder sb = new StringBuilder(BloodLineages.LINEAGES.get(i));
            for (double v : d.memories()[i]) sb.append(',').append(3 * v);
            lines.add(sb.toString());
        }
        Path f = dir.resolve("lineages.csv");
        Files.write(f, lines);
        BloodLineages l = BloodLineages.load(f);
        assertFalse(l.synthetic());
        assertEquals("", l.label());
        for (int i = 0; i < 11; i++) assertArrayEquals(d.memories()[i], l.memories()[i], 1e-12);
    }

    @Test
    void csvErrorsNameTheProblem(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, List.of("lineage,g1,g2", "Erythrocyte,1,2", "Platelet,1,1"));
        var e = assertThrows(IllegalArgumentException.class, () -> BloodLineages.load(f));
        assertTrue(e.getMessage().contains("Platelet"));
        Files.write(f, List.of("lineage,g1,g2", "Erythrocyte,1,x"));
        e = assertThrows(IllegalArgumentException.class, () -> BloodLineages.load(f));
        assertTrue(e.getMessage().contains("column 2"));
        Files.write(f, List.of("lineage,g1,g2", "Erythrocyte,1,1"));
        e = assertThrows(IllegalArgumentException.class, () -> BloodLineages.load(f));
        assertTrue(e.getMessage().contains("Megakaryocyte"));
    }
}
