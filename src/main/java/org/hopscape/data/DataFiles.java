package org.hopscape.data;

import org.hopscape.util.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the kit looks for data files, in order: {@code -Dhopscape.data} and {@code HOPSCAPE_DATA}
 * (each a {@code :}-separated list of directories), {@code <home>/data}, then {@code <home>/../shared/data}
 * (the shared test-data folder of the development machines). Data are never committed (data/README.md).
 */
public final class DataFiles {
    private DataFiles() {}

    public static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        for (String s : new String[] {System.getProperty("hopscape.data"), System.getenv("HOPSCAPE_DATA")})
            if (s != null && !s.isBlank())
                for (String d : s.split(":")) if (!d.isBlank()) dirs.add(Path.of(d.trim()));
        Path home = Settings.home();
        dirs.add(home.resolve("data"));
        dirs.add(home.resolve("..").resolve("shared").resolve("data").normalize());
        return dirs;
    }

    /** The first existing file with this relative name on the search path. */
    public static Optional<Path> find(String relative) {
        for (Path d : searchPath()) {
            Path f = d.resolve(relative);
            if (Files.isRegularFile(f)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** Like {@link #find} but throws a message that lists where it looked and how to get the file. */
    public static Path require(String relative, String howToGet) {
        return find(relative).orElseThrow(() -> new IllegalStateException(
                "data file '" + relative + "' not found in " + searchPath() + ". " + howToGet));
    }

    /** The kit's own data directory (cached conversions go here). */
    public static Path ownDir() {
        return Settings.home().resolve("data");
    }
}
