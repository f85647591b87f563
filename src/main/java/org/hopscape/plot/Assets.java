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

    private static volatile String plotly;

    /** The plotly.js bundle text (read once per JVM; immutable afterwards). */
    public static String plotlyJs() {
        String s = plotly;
        if (s == null) {
            Path f = dir().resolve(PLOTLY_FILE);
            if (!Files.isRegularFile(f))
                throw new IllegalStateException("plotly.js not found at " + f
                        + ": run environment/bootstrap.sh (it fetches plotly.js-dist-min from npm), or set HOPSCAPE_ASSETS");
            try {
                s = Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            plotly = s;
        }
        return s;
    }
}
