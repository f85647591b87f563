package org.hopscape.cli.bench;

import org.hopscape.data.Mnist;
import org.hopscape.embed.EmbeddingQuality;
import org.hopscape.embed.NearestNeighbors;
import org.hopscape.embed.Umap;
import org.hopscape.util.Settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark of a UMAP of the 10,000 npm digits (foundation-notes §12: target within 1.5× of umap-learn) with
 * umap-learn's defaults — k = 15, min_dist 0.1, Euclidean, 500 epochs (its count for n ≤ 10,000) — timing the
 * k-NN search and the layout separately, against umap-learn measured in the same run through a Python subprocess.
 *
 * <p>umap-learn is looked up at {@code -Dhopscape.umapPython=…}, else {@code <home>/.cache/umap-venv/bin/python}
 * (create it with {@code python3 -m venv .cache/umap-venv && .cache/umap-venv/bin/pip install umap-learn}); when it is
 * missing the bench says so and prints our times only. Its import and numba compilation are excluded by a small warm-up
 * fit. Usage: {@code UmapBench [repetitions=3] [smile]} — {@code smile} also times Smile's layout (≈ 1 min each).
 */
public final class UmapBench {
    private UmapBench() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean smile = Arrays.asList(args).contains("smile");
        var digits = Mnist.load();
        double[][] x = digits.images01();
        int[] labels = digits.labels();
        var base = Umap.Options.paper().withNeighbors(15).withMinDist(0.1).withEpochs(500)
                .withMetric(NearestNeighbors.Metric.EUCLIDEAN).withSeed(42);
        System.out.printf("UMAP benchmark: %d digits × %d pixels (%s), k = 15, min_dist 0.1, Euclidean, 500 epochs, %d repetitions%n",
                x.length, x[0].length, digits.source(), reps);
        System.out.println(load("start"));

        // JIT warm-up on a subset (not timed)
        Umap.fit(Arrays.copyOf(x, 2000), base.withEpochs(50));

        double[][] ours = time(x, labels, base.withEngine(Umap.Engine.OWN), reps);
        double[][] smiles = smile ? time(x, labels, base.withEngine(Umap.Engine.SMILE), 1) : null;
        System.out.println(load("after Java runs"));
        double[] learn = umapLearn(x, labels, reps);
        System.out.println(load("end"));

        System.out.println();
        System.out.println("engine                      | k-NN s | layout s | total s | 15-NN label agreement (2-D)");
        row("hopscape (own layout)", ours);
        if (smiles != null) row("hopscape (Smile's layout)", smiles);
        if (learn != null) {
            System.out.printf("%-27s | %6.2f | %8.2f | %7.2f | %.4f%n", "umap-learn " + learnVersion, learn[0],
                    learn[1] - learn[0], learn[1], learn[2]);
            double ratio = median(ours[2]) / learn[1];
            System.out.printf("ratio ours / umap-learn (total, medians): %.2f  (target ≤ 1.5)%n", ratio);
        } else {
            System.out.println("umap-learn unavailable: " + learnProblem + " — our times only");
        }
        System.out.println("(umap-learn's k-NN is its nearest_neighbors call timed alone, its layout the rest of UMAP.fit, which"
                + " repeats the search; our k-NN uses 2 threads, umap-learn with a random_state 1; both layouts 1 thread)");
    }

    private static String learnVersion = "", learnProblem = "";

    /** Per repetition: k-NN s, layout s, total s, label agreement; rows of the result. */
    private static double[][] time(double[][] x, int[] labels, Umap.Options o, int reps) {
        double[][] r = new double[4][reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            NearestNeighbors knn = Umap.neighbors(x, o);
            long t1 = System.nanoTime();
            Umap u = Umap.fit(x, knn, o);
            long t2 = System.nanoTime();
            r[0][i] = (t1 - t0) / 1e9;
            r[1][i] = (t2 - t1) / 1e9;
            r[2][i] = (t2 - t0) / 1e9;
            r[3][i] = EmbeddingQuality.knnLabelAgreement(u.embedding(), labels, 15);
            System.out.printf("  %s run %d: k-NN %.2f s, layout %.2f s, agreement %.4f%n", o.engine(), i + 1, r[0][i], r[1][i], r[3][i]);
        }
        return r;
    }

    private static void row(String name, double[][] r) {
        System.out.printf("%-27s | %6.2f | %8.2f | %7.2f | %.4f%n", name, median(r[0]), median(r[1]), median(r[2]), median(r[3]));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String load(String when) {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("load average (%s): %.2f on %d cores", when, l, Runtime.getRuntime().availableProcessors());
    }

    /** umap-learn medians {k-NN s, total s, agreement}, or null when it cannot run. */
    private static double[] umapLearn(double[][] x, int[] labels, int reps) {
        String py = System.getProperty("hopscape.umapPython");
        Path python = py != null ? Path.of(py) : Settings.home().resolve(".cache/umap-venv/bin/python");
        if (!Files.isExecutable(python)) {
            learnProblem = "no Python at " + python + " (python3 -m venv .cache/umap-venv && .cache/umap-venv/bin/pip install umap-learn)";
            return null;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("umapbench");
            Path npy = dir.resolve("digits.npy"), script = dir.resolve("bench.py");
            writeNpy(npy, x);
            Files.writeString(script, SCRIPT);
            Process p = new ProcessBuilder(python.toString(), script.toString(), npy.toString(), Integer.toString(reps))
                    .redirectErrorStream(true).start();
            List<double[]> runs = new ArrayList<>();
            StringBuilder tail = new StringBuilder();
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("RUN ")) {
                        String[] f = line.substring(4).trim().split("\\s+");
                        double[][] y = readNpy(dir.resolve("embedding.npy"), x.length, 2);
                        double[] run = {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                                EmbeddingQuality.knnLabelAgreement(y, labels, 15)};
                        runs.add(run);
                        System.out.printf("  umap-learn run %d: k-NN %.2f s, total %.2f s, agreement %.4f%n", runs.size(), run[0], run[1], run[2]);
                    } else if (line.startsWith("VERSION ")) {
                        learnVersion = line.substring(8).trim();
                    } else {
                        tail.append(line).append('\n');
                    }
                }
            }
            int rc = p.waitFor();
            if (rc != 0 || runs.isEmpty()) {
                learnProblem = "Python exited with " + rc + ": " + tail.toString().strip().lines().reduce((a, b) -> b).orElse("");
                return null;
            }
            double[][] cols = new double[3][runs.size()];
            for (int i = 0; i < runs.size(); i++) for (int c = 0; c < 3; c++) cols[c][i] = runs.get(i)[c];
            return new double[] {median(cols[0]), median(cols[1]), median(cols[2])};
        } catch (IOException | InterruptedException | RuntimeException e) {
            learnProblem = e.toString();
            return null;
        } finally {
            if (dir != null) try (var s = Files.list(dir)) {
                for (Path f : s.toList()) Files.deleteIfExists(f);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** Reads an n×p little-endian float64 C-order .npy (v1.0) file. */
    static double[][] readNpy(Path file, int n, int p) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        String header = new String(b.array(), 10, headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'<f8'") || !header.contains("(" + n + ", " + p + ")"))
            throw new IOException("unexpected .npy header " + header.strip());
        b.position(10 + headerLength);
        double[][] x = new double[n][p];
        for (double[] r : x) for (int j = 0; j < p; j++) r[j] = b.getDouble();
        return x;
    }

    /** NumPy .npy v1.0, little-endian float64, C order. */
    static void writeNpy(Path file, double[][] x) throws IOException {
        int n = x.length, p = x[0].length;
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + n + ", " + p + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            pre.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                    .putShort((short) header.length());
            out.write(pre.array());
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(8 * p).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] r : x) {
                row.clear();
                for (double v : r) row.putDouble(v);
                out.write(row.array());
            }
        }
    }

    /** Times umap-learn: k-NN alone (its nearest_neighbors) and the whole fit; saves each embedding for the agreement. */
    private static final String SCRIPT = """
            import sys, time, warnings
            import numpy as np
            warnings.filterwarnings("ignore")
            import umap
            from umap.umap_ import nearest_neighbors
            print("VERSION", umap.__version__, flush=True)
            x = np.load(sys.argv[1])
            reps = int(sys.argv[2])
            # warm-up: import, numba compilation of the k-NN and layout kernels
            warm = np.random.default_rng(0).random((500, x.shape[1])).astype(np.float32)
            nearest_neighbors(warm, 15, "euclidean", {}, False, np.random.RandomState(1), low_memory=True, n_jobs=1)
            umap.UMAP(random_state=1, n_epochs=20).fit(warm)
            for r in range(reps):
                t0 = time.perf_counter()
                # as inside UMAP.fit: float32 data, low_memory, one job (a random_state forces n_jobs = 1)
                nearest_neighbors(x.astype(np.float32), 15, "euclidean", {}, False, np.random.RandomState(42),
                                  low_memory=True, n_jobs=1)
                t1 = time.perf_counter()
                model = umap.UMAP(random_state=42).fit(x)
                t2 = time.perf_counter()
                np.save(sys.argv[1].replace("digits.npy", "embedding.npy"), model.embedding_.astype("<f8"))
                print("RUN", t1 - t0, t2 - t1, flush=True)
            """;
}
