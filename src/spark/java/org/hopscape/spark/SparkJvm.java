package org.hopscape.spark;

import org.hopscape.util.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The one list of JVM options for Spark (environment/spark/jvm-options, a java argument file). */
public final class SparkJvm {
    private SparkJvm() {}

    /** The argument file: {@code <home>/environment/spark/jvm-options}. */
    public static Path optionsFile() {
        Path f = Settings.home().resolve("environment/spark/jvm-options");
        if (!Files.isRegularFile(f))
            throw new IllegalStateException(f + " not found: the kit's home (HOPSCAPE_HOME / -Dhopscape.home) must be its checkout");
        return f;
    }

    /** The options in the file (comment lines dropped). */
    public static List<String> options() {
        try {
            return Files.readAllLines(optionsFile()).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .flatMap(l -> Arrays.stream(l.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
