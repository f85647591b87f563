package org.hopscape.cli;

import org.hopscape.analysis.Sweep;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.papers.waddington.Sweeps000;
import org.hopscape.util.Progress;
import org.hopscape.util.Settings;

import java.nio.file.Path;

/**
 * {@code hopscape sweep <name> [--master URL] [--full] [--dir DIR] [--threads N] [--seed S]}: one named sweep of the
 * notebooks, headless, on local threads or on Spark ({@code --master local[*]}, {@code --master spark://host:7077}; the
 * default is the setting HOPSCAPE_SPARK_MASTER, else local threads). Quick setting unless {@code --full} (the
 * notebooks' full setting). The sweep writes its checkpoint, the result table, into {@code <reports>/sweeps} (the folder
 * the notebooks use) under the same key as the notebook's cell, so the notebook then reads it instead of computing it.
 * Names: {@link #NAMES}.
 */
public final class NamedSweeps {
    private NamedSweeps() {}

    /** The sweeps this command knows (paper 000's, {@link Sweeps000#NAMED}). */
    public static final java.util.List<String> NAMES = Sweeps000.NAMED;

    public static void main(String[] args) {
        String name = null, master = Settings.sparkMaster();
        boolean full = Settings.full();
        Path dir = Settings.reports().resolve("sweeps");
        int threads = Runs.defaultThreads();
        long seed = Sweeps000.NOTEBOOK_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--master" -> master = value(args, ++i, "--master");
                case "--full" -> full = true;
                case "--quick" -> full = false;
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir")).toAbsolutePath();
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                default -> {
                    if (name != null || !NAMES.contains(args[i]))
                        throw new IllegalArgumentException("unknown argument " + args[i] + " (usage: sweep <name> [--master URL]"
                                + " [--full] [--dir DIR] [--threads N] [--seed S]; names: " + String.join(", ", NAMES) + ")");
                    name = args[i];
                }
            }
        }
        if (name == null)
            throw new IllegalArgumentException("sweep needs a name: " + String.join(", ", NAMES));
        Sweep.Options sweep = new Sweep.Options(threads, 10, dir, Progress.stderrBar(), master);
        System.out.printf("sweep %s (%s setting) on %s: checkpoints in %s, seed %d%n", name, full ? "full" : "quick",
                sweep.engine().describe(), dir, seed);
        long t0 = System.nanoTime();
        String what = Sweeps000.runNamed(name, full, sweep, seed);
        System.out.printf("%s: %s, %.1f min; the notebook reads the table from %s%n", name, what,
                (System.nanoTime() - t0) / 6e10, dir);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }
}
