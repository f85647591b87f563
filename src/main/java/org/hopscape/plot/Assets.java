package org.hopscape.plot;

import org.hopscape.util.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local copies of the browser libraries figures need (plotly.js 2.35.3, fetched by the bootstrap from npm into
 * {@code .cache/assets/}); no page ever loads a script from the network. Location: {@code -Dhopscape.assets},
 * {@code HOPSCAPE_ASSETS}, else {@code <home>/.cache/assets}.
 */
public final class Assets {
    private Assets() {}

    /** plotly.js 2.x: tablesaw-jsplot 0.44.4 emits string titles that 3.x ignores (foundation-notes §6). */
    public static final String PLOTLY_FILE = "plotly.min.js";

    public static Path dir() {
        String p = System.getProperty("hopscape.assets");
        if (p == null || p.isBlank()) p = System.getenv("HOPSCAPE_ASSETS");
        return p != null && !p.isBlank() ? Path.of(p) : Settings.home().resolve(".cache").resolve("assets");
    }

    // a read-only cache of file contents (4.6 MB bundle, read once per location)
    private static final java.util.concurrent.ConcurrentHashMap<Path, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The plotly.js bundle text. */
    public static String plotlyJs() {
        Path f = dir().resolve(PLOTLY_FILE).toAbsolutePath().normalize();
        return CACHE.computeIfAbsent(f, Assets::read);
    }

    private static String read(Path f) {
        if (!Files.isRegularFile(f))
            throw new IllegalStateException("plotly.js not found at " + f
                    + ": run environment/bootstrap.sh (it fetches plotly.js-dist-min from npm), or set HOPSCAPE_ASSETS");
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
