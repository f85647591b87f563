package org.hopscape.data;

import org.hopscape.util.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fetches the authors' 200-image training set of paper 000 (spec 000 §2.1; issue 12 part 5) from their public
 * repository onto the data path, checked against its SHA-256, so that a user with internet does not have to look
 * for it. The bootstrap calls it ({@code hopscape fetch-200set}); it never fails the bootstrap: offline, it says in
 * one line that paper 000 uses the re-drawn set and how to add the file. The file is data, never committed
 * (.gitignore ignores {@code data/*}).
 */
public final class Set200Download {
    private Set200Download() {}

    /** The published file, pinned to the repository commit the spec was written against (8f0d0af). */
    public static final URI SOURCE = URI.create("https://raw.githubusercontent.com/nacer-eb/KrotovHopfieldWaddington/"
            + "8f0d0aff300418758789310a1f4cc4f1db358383/defaults/miniBatchs_images.npy");
    /** SHA-256 of the published file (200×784 float64, 1,254,528 bytes). */
    public static final String SHA256 = "3ab60d820de9656187a68d52dd03cc4d50b1b6407cef72cd330baa10093f8ca3";
    /** Larger downloads are refused (the file is 1.25 MB). */
    static final int MAX_BYTES = 4 << 20;

    /** What happened. */
    public enum Status { PRESENT, DOWNLOADED, FAILED }

    /**
     * @param status  present already / downloaded now / not obtained
     * @param file    where the set is (PRESENT, DOWNLOADED), else null
     * @param message one line for the user
     */
    public record Outcome(Status status, Path file, String message) {}

    /**
     * Make the authors' set available: nothing to do if {@value TrainingSet200#FILE} is on {@code searchPath};
     * otherwise download {@code source}, check its SHA-256 against {@code sha256} and write it atomically as
     * {@code targetDir/}{@value TrainingSet200#FILE}. Never throws for network or checksum problems: they come back
     * as {@link Status#FAILED} with the one-line message (nothing is written then).
     *
     * @param timeoutMillis connect and read timeout of the download
     */
    public static Outcome fetch(URI source, String sha256, Path targetDir, List<Path> searchPath, int timeoutMillis) {
        Optional<Path> present = present(searchPath);
        if (present.isPresent())
            return new Outcome(Status.PRESENT, present.get(), "the authors' 200-set is at " + present.get());
        byte[] bytes;
        try {
            bytes = read(source, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            return failed("could not download it from " + source + " (" + reason(e) + ")", targetDir);
        }
        String got = sha256(bytes);
        if (!got.equalsIgnoreCase(sha256))
            return failed("the download from " + source + " has SHA-256 " + got + ", expected " + sha256 + "; not installed",
                    targetDir);
        Path file = targetDir.resolve(TrainingSet200.FILE);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (RuntimeException e) {
            return failed("could not write " + file + " (" + reason(e) + ")", targetDir);
        }
        return new Outcome(Status.DOWNLOADED, file, "downloaded the authors' 200-set (SHA-256 verified) to " + file);
    }

    /** {@link #fetch} of the published file into the kit's data directory, looking on the kit's search path first. */
    public static Outcome fetch() {
        return fetch(SOURCE, SHA256, DataFiles.ownDir(), DataFiles.searchPath(), 15_000);
    }

    /** Where {@value TrainingSet200#FILE} is on the search path, if anywhere. */
    public static Optional<Path> present(List<Path> searchPath) {
        return searchPath.stream().map(d -> d.resolve(TrainingSet200.FILE)).filter(java.nio.file.Files::isRegularFile).findFirst();
    }

    /** The one line for a set that is not installed: why, that paper 000 uses the re-drawn set, how to add the file. */
    public static String notInstalled(String why, Path targetDir) {
        return "the authors' 200-set is not installed: " + why
                + ". Paper 000 uses the re-drawn 200-set (labelled so); to add the authors' set, download "
                + SOURCE + " and save it as " + targetDir.resolve(TrainingSet200.FILE) + " (or in a folder on HOPSCAPE_DATA).";
    }

    private static Outcome failed(String why, Path targetDir) {
        return new Outcome(Status.FAILED, null, notInstalled(why, targetDir));
    }

    private static byte[] read(URI source, int timeoutMillis) throws IOException {
        URLConnection c = source.toURL().openConnection();
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        if (c instanceof java.net.HttpURLConnection h) {
            h.setInstanceFollowRedirects(true);
            int code = h.getResponseCode();
            if (code != 200) throw new IOException("HTTP " + code);
        }
        try (InputStream in = c.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) >= 0; ) {
                out.write(buf, 0, r);
                if (out.size() > MAX_BYTES) throw new IOException("more than " + MAX_BYTES + " bytes");
            }
            return out.toByteArray();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
