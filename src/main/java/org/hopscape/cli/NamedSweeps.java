package org.hopscape.cli;

import org.hopscape.analysis.Sweep;
import org.hopscape.data.TrainingSet200;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.papers.waddington.PrototypeTransition;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.papers.waddington.TemperatureSweep;
import org.hopscape.papers.waddington.Waddington;
import org.hopscape.util.Progress;
import org.hopscape.util.Settings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

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

    /** A sweep of a notebook: (full setting?, options, seed) → a line saying what was computed. */
    private interface Recipe {
        String run(boolean full, Sweep.Options sweep, long seed);
    }

    private static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

    static {
        RECIPES.put("000-fig2", (full, sweep, seed) -> {
            var set = TrainingSet200.load();
            var r = Waddington.fig2(set, full ? IntStream.rangeClosed(2, 60).asDoubleStream().toArray() : new double[] {3, 30, 50},
                    full ? new double[] {450, 550, 650, 750} : new double[] {650}, 10_000, seed, sweep);
            return r.points().size() + " runs (" + set.source() + ")";
        });
        RECIPES.put("000-fig6", (full, sweep, seed) -> {
            var o = full ? PrototypeTransition.Options.paper(seed, sweep) : PrototypeTransition.Options.quick(seed, sweep);
            return PrototypeTransition.intra(o).table().rowCount() + " intra + " + PrototypeTransition.inter(o).table().rowCount()
                    + " inter grid points";
        });
        RECIPES.put("000-fig7-saddles", (full, sweep, seed) ->
                SaddleProportions.saddles(fig7(full, sweep, seed)).table().rowCount() + " saddle runs");
        RECIPES.put("000-fig7-populations", (full, sweep, seed) ->
                SaddleProportions.populations(fig7(full, sweep, seed)).table().rowCount() + " population runs");
        RECIPES.put("000-fig8", (full, sweep, seed) -> TemperatureSweep.run(full ? TemperatureSweep.Options.paper(seed, sweep)
                : TemperatureSweep.Options.quick(seed, sweep)).table().rowCount() + " temperatures");
    }

    /** The sweeps this command knows. */
    public static final java.util.List<String> NAMES = java.util.List.copyOf(RECIPES.keySet());

    private static SaddleProportions.Options fig7(boolean full, Sweep.Options sweep, long seed) {
        return full ? SaddleProportions.Options.paper(seed, sweep) : SaddleProportions.Options.quick(seed, sweep);
    }

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
                    if (name != null || !RECIPES.containsKey(args[i]))
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
        String what = RECIPES.get(name).run(full, sweep, seed);
        System.out.printf("%s: %s, %.1f min; the notebook reads the table from %s%n", name, what,
                (System.nanoTime() - t0) / 6e10, dir);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }
}
