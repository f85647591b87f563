package org.hopscape.cli;

import org.hopscape.analysis.Sweep;
import org.hopscape.data.TrainingSet200;
import org.hopscape.hopfield.kernel.Runs;
import org.hopscape.papers.waddington.PrototypeTransition;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.papers.waddington.ShippedResults;
import org.hopscape.papers.waddington.TemperatureSweep;
import org.hopscape.papers.waddington.Waddington;
import org.hopscape.util.Progress;
import org.hopscape.util.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code hopscape sweep-000 [--dir DIR] [--threads N] [--seed S] [--master URL] [fig2 fig6 fig7 fig8 | all]} (also
 * {@code environment/kit sweep …}): the long full-setting sweeps of paper 000 (spec 000 §6, §8), headless, with the
 * parameters of the notebooks' full setting (seed 42, the notebooks' seed) and their checkpoint folder
 * ({@code <reports>/sweeps}, i.e. {@code reports/sweeps}). Every sweep checkpoints as it goes; running the same
 * command again resumes it, and a later {@code environment/kit reproduce --full} of notebooks 02/03 reads the finished
 * tables instead of recomputing them (same parameters and algorithm version ⇒ same checkpoint key). The finished
 * files, copied unchanged into {@code data/results/000/}, are the kit's shipped full-setting results
 * ({@link ShippedResults}); this command never writes there.
 * <ul>
 * <li>fig2 — 59 n × 4 T, 10,000 epochs ("02-fig2")</li>
 * <li>fig6 — intra- and inter-digit transitions, 29 n × 25 T, 10,000 epochs ("03-fig6-intra", "03-fig6-inter")</li>
 * <li>fig7 — saddles (3 T × 58 n × 2 ics, 4000 epochs) and populations (3 T × 58 n × 2 ics × 10 runs, 10,000 epochs)</li>
 * <li>fig8 — 84 temperatures at n = 25, 10,000 epochs ("03-fig8-temperature")</li>
 * </ul>
 */
public final class Sweeps000 {
    private Sweeps000() {}

    /** The notebooks' seed (Notebook.setup(…, 42) in notebooks 02 and 03), that of the shipped results. */
    public static final long NOTEBOOK_SEED = ShippedResults.SEED;
    static final List<String> ALL = List.of("fig2", "fig6", "fig7", "fig8");

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
        for (String f : figs) {
            long t0 = System.nanoTime();
            String what = switch (f) {
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
