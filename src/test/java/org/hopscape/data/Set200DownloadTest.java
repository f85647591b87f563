package org.hopscape.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bootstrap's download of the authors' 200-set (issue 12 part 5), exercised through local file:// URLs. */
class Set200DownloadTest {

    /** A valid .npy of the set's shape and value grid, (p/255)·2 − 1. */
    static byte[] npy(int seed) {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 200, 784), }";
        int pad = 64 - (10 + header.length() + 1) % 64;
        header = header + " ".repeat(pad) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 200 * 784 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes()).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.getBytes());
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < 200 * 784; i++) b.putDouble(r.nextInt(256) / 255.0 * 2 - 1);
        return b.array();
    }

    @Test
    void downloadsVerifiesAndInstallsAtomically(@TempDir Path tmp) throws Exception {
        byte[] bytes = npy(1);
        Path source = Files.write(tmp.resolve("miniBatchs_images.npy"), bytes);
        Path data = tmp.resolve("data"), shared = tmp.resolve("shared");
        var o = Set200Download.fetch(source.toUri(), Set200Download.sha256(bytes), data, List.of(data, shared), 1000);
        assertEquals(Set200Download.Status.DOWNLOADED, o.status(), o.message());
        Path file = data.resolve(TrainingSet200.FILE);
        assertEquals(file, o.file());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        TrainingSet200 set = TrainingSet200.read(file);
        assertEquals(200, set.images().length);
        assertEquals(TrainingSet200.AUTHORS, set.source());
        try (var files = Files.list(data)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        // a second run finds it and does not download again (the source may be gone)
        Files.delete(source);
        var again = Set200Download.fetch(source.toUri(), Set200Download.sha256(bytes), data, List.of(data, shared), 1000);
        assertEquals(Set200Download.Status.PRESENT, again.status());
    }

    @Test
    void presentAnywhereOnTheSearchPathIsASkip(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data"), shared = Files.createDirectories(tmp.resolve("shared"));
        Files.write(shared.resolve(TrainingSet200.FILE), npy(2));
        var o = Set200Download.fetch(tmp.resolve("no-such-file").toUri(), Set200Download.SHA256, data, List.of(data, shared), 1000);
        assertEquals(Set200Download.Status.PRESENT, o.status());
        assertEquals(shared.resolve(TrainingSet200.FILE), o.file());
        assertFalse(Files.exists(data.resolve(TrainingSet200.FILE)));
    }

    @Test
    void aWrongChecksumOrNoSourceInstallsNothingAndSaysHowToAddTheFile(@TempDir Path tmp) throws Exception {
        byte[] bytes = npy(3);
        Path source = Files.write(tmp.resolve("tampered.npy"), bytes);
        Path data = tmp.resolve("data");
        var bad = Set200Download.fetch(source.toUri(), Set200Download.SHA256, data, List.of(data), 1000);
        assertEquals(Set200Download.Status.FAILED, bad.status());
        assertTrue(bad.message().contains("SHA-256 " + Set200Download.sha256(bytes)), bad.message());
        assertFalse(Files.exists(data.resolve(TrainingSet200.FILE)));
        var offline = Set200Download.fetch(tmp.resolve("offline/none.npy").toUri(), Set200Download.SHA256, data, List.of(data), 1000);
        assertEquals(Set200Download.Status.FAILED, offline.status());
        assertNull(offline.file());
        String m = offline.message();
        assertEquals(1, m.lines().count(), "one line");
        assertTrue(m.contains("re-drawn 200-set") && m.contains(Set200Download.SOURCE.toString())
                && m.contains(data.resolve(TrainingSet200.FILE).toString()), m);
        assertFalse(Files.exists(data.resolve(TrainingSet200.FILE)));
    }

    /** The published file, when the shared test data holds it, has exactly the SHA-256 the bootstrap checks. */
    @Test
    void thePinnedChecksumIsTheAuthorsFile(@TempDir Path tmp) {
        var shared = DataFiles.find(TrainingSet200.FILE);
        assumeTrue(shared.isPresent(), "the authors' 200-set is not on the data path");
        Path data = tmp.resolve("data");
        var o = Set200Download.fetch(shared.get().toUri(), Set200Download.SHA256, data, List.of(data), 1000);
        assertEquals(Set200Download.Status.DOWNLOADED, o.status(), o.message());
        assertEquals(200, TrainingSet200.read(o.file()).images().length);
    }
}
