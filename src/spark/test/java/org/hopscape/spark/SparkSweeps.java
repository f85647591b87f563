package org.hopscape.spark;

import org.hopscape.analysis.Sweep;
import org.hopscape.papers.waddington.SaddleProportions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared by the Spark tests: a small Fig 7 population sweep of paper 000, and checkpoint files compared by content. */
final class SparkSweeps {
    private SparkSweeps() {}

    /**
     * Fig 7's population recipe (K = 100 memories, η = 0.01, digits 1, 7, 8) on a small grid: T = 550, n ∈ {5, 20},
     * both initial digits, {@code runs} runs each, {@code epochs} epochs: 4·runs points, batches of 2 runs.
     */
    static SaddleProportions.Options fig7(int runs, int epochs, Sweep.Options sweep) {
        return new SaddleProportions.Options(new int[] {1, 7, 8}, new int[] {1, 7}, new double[] {550}, new double[] {5},
                new double[] {550}, new double[] {5, 20}, 0.01, 10, epochs, runs, 100, 42, sweep);
    }

    /** The checkpoint file's lines, less the time stamp and the end line (which covers the stamp). */
    static List<String> content(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.startsWith("# written") && !l.startsWith("# end")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only *.csv in a folder. */
    static Path csv(Path dir) {
        try (var s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".csv")).toList();
            if (l.size() != 1) throw new AssertionError("expected one checkpoint in " + dir + ", found " + l);
            return l.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
