package org.hopscape.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class NpyTest {
    @TempDir Path tmp;

    static byte[] npy(String descr, int[] shape, double[] values) {
        String dims = shape.length == 1 ? shape[0] + "," : String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList());
        StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        int width = descr.equals("<f8") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length());
        b.put(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) { if (width == 8) b.putDouble(v); else b.putFloat((float) v); }
        return b.array();
    }

    @Test
    void readsFloat64AndFloat32() throws IOException {
        double[] v = {1.5, -2.25, 3e-7, 4, 5, 6};
        Path f = Files.write(tmp.resolve("a.npy"), npy("<f8", new int[] {1, 2, 3}, v));
        Npy a = Npy.read(f);
        assertArrayEquals(new int[] {1, 2, 3}, a.shape());
        assertArrayEquals(v, a.data(), 0);
        assertArrayEquals(new double[] {4, 5, 6}, a.rows()[1], 0);
        Path g = Files.write(tmp.resolve("b.npy"), npy("<f4", new int[] {6}, v));
        assertEquals(-2.25, Npy.read(g).data()[1], 0);
    }

    @Test
    void truncatedAndForeignFilesAreRejectedByName() throws IOException {
        byte[] b = npy("<f8", new int[] {2, 2}, new double[] {1, 2, 3, 4});
        Path cut = Files.write(tmp.resolve("cut.npy"), Arrays.copyOf(b, b.length - 3));
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(cut));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        Path txt = Files.writeString(tmp.resolve("x.npy"), "hello world, not numpy");
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(txt));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        Path ints = Files.write(tmp.resolve("i.npy"), npy("<f8", new int[] {1}, new double[] {1}));
        byte[] c = Files.readAllBytes(ints);
        String s = new String(c, StandardCharsets.ISO_8859_1).replace("<f8", "<i8");
        Files.write(ints, s.getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(ints));
        assertTrue(e.getMessage().contains("<i8"), e.getMessage());
    }

    @Test
    void theAuthors200SetWhenPresentHasTheDocumentedShapeAndRange() {
        var f = DataFiles.find("000-boukacem-200set.npy");
        org.junit.jupiter.api.Assumptions.assumeTrue(f.isPresent(), "200-set not on the data path");
        Npy a = Npy.read(f.get());
        assertArrayEquals(new int[] {1, 200, 784}, a.shape());
        double min = Arrays.stream(a.data()).min().orElseThrow(), max = Arrays.stream(a.data()).max().orElseThrow();
        assertEquals(-1.0, min, 0);
        assertEquals(1.0, max, 0);
    }
}
