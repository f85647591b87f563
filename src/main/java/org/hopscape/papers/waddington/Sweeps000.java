package org.hopscape.papers.waddington;

import org.hopscape.analysis.Sweep;
import org.hopscape.data.TrainingSet200;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.util.Progress;
import org.hopscape.util.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Set;

/**
 * {@code hopscape sweep-000 [--dir DIR] [--threads N] [--seed S] [--master URL] [fig1 fig2 fig2b fig3 fig4 fig6 fig7 fig8 fig8a | all]} (also
 * {@code environment/kit sweep …}): the long full-setting sweeps of paper 000 (spec 000 §6, §8), headless, with the
 * parameters of the notebooks' full setting (seed 42, the notebooks' seed) and their checkpoint folder
 * ({@code <reports>/sweeps}, i.e. {@code reports/sweeps}). Every sweep checkpoints as it goes; running the same
 * command again resumes it, and a later {@code environment/kit reproduce --full} of notebooks 02/03 reads the finished
 * tables instead of recomputing them (same parameters and algorithm version ⇒ same checkpoint key). The finished
 * files, copied unchanged into {@code data/results/000/}, are the kit's shipped full-setting results
 * ({@link ShippedResults}); this command never writes there. Also the recipes of {@code hopscape sweep <name>}
 * ({@link #NAMED}, {@link #runNamed}): one notebook sweep of 000 in the quick or full setting, run headless by
 * {@code org.hopscape.cli.NamedSweeps}. (Paper 000's protocol, so it lives here; the command line only dispatches.)
 * <ul>
 * <li>fig1 — 3 n × 3 T, 5000 epochs ("02-fig1")</li>
 * <li>fig2 — 59 n × 4 T, 10,000 epochs ("02-fig2")</li>
 * <li>fig2b — the final memories of six Fig 2 runs on the UMAP of the MNIST digits ("02-fig2b")</li>
 * <li>fig8a — the final state at T = 800 of the Fig 8 sweep, for the memory samples of Fig 8A ("03-fig8a")</li>
 * <li>fig3, fig4 — the learning-dynamics and three-digit runs on the UMAP of the MNIST digits ("02-fig3", "02-fig4")</li>
 * <li>fig6 — intra- and inter-digit transitions, 29 n × 25 T, 10,000 epochs ("03-fig6-intra", "03-fig6-inter")</li>
 * <li>fig7 — saddles (3 T × 58 n × 2 ics, 4000 epochs) and populations (3 T × 58 n × 2 ics × 10 runs, 10,000 epochs)</li>
 * <li>fig8 — 84 temperatures at n = 25, 10,000 epochs ("03-fig8-temperature")</li>
 * </ul>
 */
public final class Sweeps000 {
    private Sweeps000() {}

    /** The notebooks' seed (Notebook.setup(…, 42) in notebooks 02 and 03), that of the shipped results. */
    public static final long NOTEBOOK_SEED = ShippedResults.SEED;
    static final List<String> ALL = List.of("fig1", "fig2", "fig2b", "fig3", "fig4", "fig6", "fig7", "fig8", "fig8a");

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

    /** The notebook sweeps {@link #runNamed} knows. */
    public static final List<String> NAMED = List.copyOf(RECIPES.keySet());

    private static SaddleProportions.Options fig7(boolean full, Sweep.Options sweep, long seed) {
        return full ? SaddleProportions.Options.paper(seed, sweep) : SaddleProportions.Options.quick(seed, sweep);
    }

    /**
     * Runs the notebook sweep {@code name} (one of {@link #NAMED}) in the full or quick setting of its notebook, with the
     * notebook's checkpoint key; returns a line saying what was computed.
     */
    public static String runNamed(String name, boolean full, Sweep.Options sweep, long seed) {
        Recipe r = RECIPES.get(name);
        if (r == null) throw new IllegalArgumentException("name must be one of " + NAMED + " (got " + name + ")");
        return r.run(full, sweep, seed);
    }

    public static void main(String[] args) {
        Path dir = Settings.reports().resolve("sweeps");
        int threads = Runs.defaultThreads();
        long seed = NOTEBOOK_SEED;
        String master = Settings.sparkMaster();
        Set<String> figs = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir")).toAbsolutePath();
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--master" -> master = value(args, ++i, "--master");
                case "all" -> figs.addAll(ALL);
                default -> {
                    if (!ALL.contains(args[i]))
                        throw new IllegalArgumentException("unknown argument " + args[i] + " (allowed: --dir DIR, --threads N, --seed S, --master URL, "
                                + String.join(", ", ALL) + ", all)");
                    figs.add(args[i]);
                }
            }
        }
        if (figs.isEmpty()) figs.addAll(ALL);
        Sweep.Options sweep = Sweep.Options.of(dir).withThreads(threads).withProgress(Progress.stderrBar()).withMaster(master);
        System.out.printf("paper 000 full sweeps %s: checkpoints in %s, %s, seed %d%n", figs, dir,
                master == null ? threads + " threads" : sweep.engine().describe(), seed);
        List<String> done = new ArrayList<>();
        final long runSeed = seed;
        for (String f : figs) {
            long t0 = System.nanoTime();
            String what = switch (f) {
                case "fig1" -> Waddington.fig1(TrainingSet200.load(), ShippedResults.fig1Ns(), ShippedResults.fig1Temperatures(),
                        ShippedResults.FIG1_EPOCHS, seed, sweep).runs().size() + " runs";
                case "fig2b" -> { // the final memories of six runs of the Fig 2 grid: the shipped table's, else this folder's sweep
                    var fig2 = runSeed == ShippedResults.SEED ? ShippedResults.paper000().fig2().optional() : java.util.Optional.<Waddington.Fig2>empty();
                    var b = ShippedResults.fig2bRecipe(fig2.orElseGet(() -> Waddington.fig2(TrainingSet200.load(), ShippedResults.fig2Ns(),
                            ShippedResults.fig2Temperatures(), ShippedResults.FIG2_EPOCHS, runSeed, sweep)), sweep, runSeed);
                    yield b.names().size() + " runs on the " + b.embedding();
                }
                case "fig8a" -> {
                    var fig8 = runSeed == ShippedResults.SEED ? ShippedResults.paper000().fig8().optional() : java.util.Optional.<TemperatureSweep>empty();
                    ShippedResults.fig8aRecipe(fig8.orElseGet(() -> TemperatureSweep.run(TemperatureSweep.Options.paper(runSeed, sweep))), sweep);
                    yield "the final state at T = " + ShippedResults.FIG8A_TEMPERATURE;
                }
                case "fig3" -> ShippedResults.fig3Recipe(sweep, seed).size() + " runs (UMAP on the MNIST digits, trails every 10 epochs)";
                case "fig4" -> ShippedResults.fig4Recipe(sweep, seed).size() + " runs (UMAP on the MNIST digits, trails every 10 epochs)";
                case "fig2" -> {
                    var set = TrainingSet200.load();
                    var r = Waddington.fig2(set, ShippedResults.fig2Ns(), ShippedResults.fig2Temperatures(),
                            ShippedResults.FIG2_EPOCHS, seed, sweep);
                    yield r.points().size() + " runs (" + set.source() + ")";
                }
                case "fig6" -> {
                    var o = PrototypeTransition.Options.paper(seed, sweep);
                    int a = PrototypeTransition.intra(o).table().rowCount(), b = PrototypeTransition.inter(o).table().rowCount();
                    yield a + " intra + " + b + " inter grid points";
                }
                case "fig7" -> {
                    var o = SaddleProportions.Options.paper(seed, sweep);
                    int a = SaddleProportions.saddles(o).table().rowCount(), b = SaddleProportions.populations(o).table().rowCount();
                    yield a + " saddle runs + " + b + " population runs";
                }
                case "fig8" -> TemperatureSweep.run(TemperatureSweep.Options.paper(seed, sweep)).table().rowCount() + " temperatures";
                default -> throw new IllegalStateException(f);
            };
            String line = String.format("%s: %s, %.1f min", f, what, (System.nanoTime() - t0) / 6e10);
            System.out.println(line);
            done.add(line);
        }
        System.out.println("done: " + String.join("; ", done));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }
}
