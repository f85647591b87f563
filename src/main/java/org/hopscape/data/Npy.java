package org.hopscape.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader for NumPy {@code .npy} arrays of little-endian float64 or float32 in C order (format versions 1–3).
 * Malformed or truncated files give an {@link IllegalArgumentException} naming the file.
 *
 * @param shape array shape
 * @param data  values in C (row-major) order
 */
public record Npy(int[] shape, double[] data) {
    /** Shape and data must agree: every axis ≥ 0 and the product of the axes = data.length. */
    public Npy {
        org.hopscape.util.Check.notNull("shape", shape);
        org.hopscape.util.Check.notNull("data", data);
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) throw new IllegalArgumentException("shape[" + i + "] must be >= 0 (got " + shape[i] + ")");
            count *= shape[i];
        }
        if (count != data.length)
            throw new IllegalArgumentException("data has " + data.length + " values but shape " + Arrays.toString(shape)
                    + " needs " + count);
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static Npy read(Path f) {
        org.hopscape.util.Check.notNull("file", f);
        byte[] b;
        try {
            b = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC))
            throw new IllegalArgumentException(f + ": not a .npy file (bad magic)");
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int major = b[6];
        int headerLen, start;
        if (major == 1) { headerLen = bb.getShort(8) & 0xFFFF; start = 10; }
        else if (major == 2 || major == 3) { headerLen = bb.getInt(8); start = 12; }
        else throw new IllegalArgumentException(f + ": unsupported .npy version " + major);
        if (start + headerLen > b.length) throw new IllegalArgumentException(f + ": truncated .npy header");
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, f, "descr");
        if (group(FORTRAN, header, f, "fortran_order").equals("True"))
            throw new IllegalArgumentException(f + ": Fortran-order arrays are not supported");
        String shapeText = group(SHAPE, header, f, "shape");
        String[] dims = Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        int[] shape = new int[dims.length];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            long d;
            try {
                d = Long.parseLong(dims[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(f + ": malformed .npy header, shape (" + shapeText + ") has a non-integer axis '"
                        + dims[i] + "'");
            }
            if (d < 0 || d > Integer.MAX_VALUE)
                throw new IllegalArgumentException(f + ": shape (" + shapeText + ") has an axis of length " + d
                        + " (must be in [0, 2³¹ − 1])");
            shape[i] = (int) d;
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(f + ": shape (" + shapeText + ") has more elements than a 64-bit count holds");
            }
        }
        if (count > org.hopscape.util.Check.MAX_ARRAY)
            throw new IllegalArgumentException(f + ": shape (" + shapeText + ") has " + count
                    + " elements, more than a Java array holds");
        int width = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            default -> throw new IllegalArgumentException(f + ": dtype " + descr + " not supported (need <f8 or <f4)");
        };
        int dataStart = start + headerLen;
        if ((long) b.length - dataStart != Math.multiplyExact(count, (long) width))
            throw new IllegalArgumentException(f + ": truncated or oversized: shape " + Arrays.toString(shape) + " needs "
                    + count * width + " bytes of data, file has " + (b.length - dataStart));
        double[] data = new double[(int) count];
        bb.position(dataStart);
        for (int i = 0; i < data.length; i++) data[i] = width == 8 ? bb.getDouble() : bb.getFloat();
        return new Npy(shape, data);
    }

    /** Rows of the last two axes, e.g. shape (1, 200, 784) → 200 rows of 784. */
    public double[][] rows() {
        if (shape.length == 0) throw new IllegalArgumentException("shape must have at least one axis to form rows (got a 0-d array)");
        int cols = shape[shape.length - 1];
        if (cols == 0) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has rows of length 0");
        int n = data.length / cols;
        double[][] r = new double[n][cols];
        for (int i = 0; i < n; i++) System.arraycopy(data, i * cols, r[i], 0, cols);
        return r;
    }

    private static String group(Pattern p, String header, Path f, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IllegalArgumentException(f + ": malformed .npy header, no '" + key + "'");
        return m.group(1);
    }
}
