package org.hopscape.spark;

import org.hopscape.util.Check;
import org.hopscape.util.Interrupted;
import org.hopscape.util.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 from the kit's own jars (no Spark distribution): one Master and N Workers,
 * each a JVM with Spark's module options (environment/spark/jvm-options), free ports on loopback, the REST server off,
 * and every file they write (temp files, executors' work and local dirs, logs) in one folder under the kit's target/,
 * deleted by {@link #close}. A Worker builds its executors' classpath from {@code $SPARK_HOME/jars}, here a folder of
 * links to Spark's jars and the kit's runtime jars (shared/specs/spark-notes.md §4). For tests and benchmarks.
 */
public final class LoopbackCluster implements AutoCloseable {
    /** How long a daemon may take to come up (seconds; the machine may be loaded). */
    static final int STARTUP_SECONDS = 180;

    private final Path run;
    private final Process master;
    private final List<Process> workers;
    private final String url;

    private LoopbackCluster(Path run, Process master, List<Process> workers, String url) {
        this.run = run;
        this.master = master;
        this.workers = workers;
        this.url = url;
    }

    /**
     * Start a master and {@code workers} workers of {@code cores} cores and {@code memoryMb} MB each, and wait until all
     * workers have registered.
     *
     * @param sparkJars Spark's jars (target/spark/jars)
     * @param kitJars   the kit's runtime jars (target/lib)
     * @param parent    folder for the cluster's files (a new folder inside it is removed on close)
     */
    public static LoopbackCluster start(Path sparkJars, Path kitJars, Path parent, int workers, int cores, int memoryMb) {
        Check.positive("workers", workers);
        Check.positive("cores", cores);
        Check.inRange("memoryMb", memoryMb, 256, 1 << 20);
        for (Path d : List.of(sparkJars, kitJars))
            if (!Files.isDirectory(d)) throw new IllegalArgumentException(d + " is not a folder of jars (build with mvn -Pspark package)");
        Path run;
        try {
            Files.createDirectories(parent);
            run = Files.createTempDirectory(parent, "cluster-");
            for (String d : List.of("home/jars", "tmp", "local", "logs")) Files.createDirectories(run.resolve(d));
            // fake SPARK_HOME: the workers only need $SPARK_HOME/jars; Spark's jar wins over a kit jar of the same name
            for (Path dir : List.of(sparkJars, kitJars))
                try (Stream<Path> js = Files.list(dir)) {
                    for (Path j : (Iterable<Path>) js.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                        Path link = run.resolve("home/jars").resolve(j.getFileName());
                        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, j.toAbsolutePath());
                    }
                }
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the loopback cluster's folder in " + parent, e);
        }
        List<Process> started = new ArrayList<>();
        try {
            int masterPort = freePort(), masterUi = freePort();
            String url = "spark://127.0.0.1:" + masterPort;
            Process m = daemon(run, "master", "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", "" + masterPort, "--webui-port", "" + masterUi));
            started.add(m);
            await(run.resolve("logs/master.log"), "I have been elected leader", m);
            List<Process> ws = new ArrayList<>();
            for (int w = 1; w <= workers; w++) {
                Process p = daemon(run, "worker" + w, "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", "127.0.0.1", "--port", "" + freePort(), "--webui-port", "" + freePort(),
                                "--cores", "" + cores, "--memory", memoryMb + "m", "--work-dir", run.resolve("work" + w).toString(), url));
                started.add(p);
                ws.add(p);
            }
            for (int w = 1; w <= workers; w++)
                await(run.resolve("logs/worker" + w + ".log"), "Successfully registered with master", ws.get(w - 1));
            return new LoopbackCluster(run, m, ws, url);
        } catch (RuntimeException | Error e) {
            for (int i = started.size() - 1; i >= 0; i--) stop(started.get(i));
            String logs = tail(run.resolve("logs"));
            delete(run);
            throw new IllegalStateException("loopback Spark cluster did not start: " + e.getMessage() + logs, e);
        }
    }

    /** The master URL, spark://127.0.0.1:port. */
    public String url() {
        return url;
    }

    /** The worker processes, in order. */
    public List<Process> workers() {
        return List.copyOf(workers);
    }

    /** Every process of the cluster: master, workers and their executors (alive now). */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(master.toHandle());
        for (Process w : workers) {
            all.add(w.toHandle());
            w.toHandle().descendants().forEach(all::add);
        }
        return all;
    }

    /** The executors (child JVMs) of worker {@code w} (0-based) alive now. */
    public List<ProcessHandle> executorsOf(int w) {
        return workers.get(w).toHandle().children().filter(ProcessHandle::isAlive).toList();
    }

    /** Options the driver needs for this cluster: its temp files and the executors' in the cluster's folder. */
    public Map<String, String> driverConf() {
        return Map.of("spark.local.dir", run.resolve("local").toString(),
                "spark.executor.extraJavaOptions", "-Djava.io.tmpdir=" + run.resolve("tmp") + " -XX:-UsePerfData",
                "spark.executor.memory", "512m");
    }

    /** The cluster's folder (temp files, logs, work dirs). */
    public Path folder() {
        return run;
    }

    /** Stop the workers (their executors end with them), then the master, and remove the cluster's folder. */
    @Override
    public void close() {
        for (Process w : workers) {
            List<ProcessHandle> kids = w.toHandle().descendants().toList();
            stop(w);
            for (ProcessHandle k : kids) stop(k);
        }
        stop(master);
        delete(run);
    }

    // ------------------------------------------------------------------

    private static Process daemon(Path run, String name, String mainClass, List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "@" + SparkJvm.optionsFile(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Djava.io.tmpdir=" + run.resolve("tmp"), "-Dspark.master.rest.enabled=false",
                "-Dspark.worker.cleanup.enabled=false", "-cp", run.resolve("home/jars") + "/*", mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(run.resolve("logs/" + name + ".log").toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", run.resolve("home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", run.resolve("local").toString());
        env.put("HOPSCAPE_HOME", Settings.home().toString());
        env.remove("HOPSCAPE_SPARK_MASTER");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the Spark " + name, e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    private static void await(Path log, String line, Process p) {
        long end = System.nanoTime() + STARTUP_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (Files.isRegularFile(log)
                        && new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1).contains(line)) return;
            } catch (IOException e) {
                // still being written
            }
            if (!p.isAlive()) throw new IllegalStateException(log.getFileName() + ": the process exited (" + p.exitValue() + ")");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted("starting the loopback Spark cluster");
            }
        }
        throw new IllegalStateException(log.getFileName() + ": no '" + line + "' within " + STARTUP_SECONDS + " s");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port on 127.0.0.1", e);
        }
    }

    private static void stop(Process p) {
        stop(p.toHandle());
    }

    private static void stop(ProcessHandle h) {
        if (!h.isAlive()) return;
        h.destroy();
        try {
            h.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
            try {
                h.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's checks
            }
        }
    }

    private static String tail(Path logs) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> ls = Files.list(logs)) {
            for (Path l : (Iterable<Path>) ls.sorted()::iterator) {
                List<String> lines = Files.readAllLines(l);
                sb.append("\n--- ").append(l.getFileName()).append(" (last lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        } catch (IOException | UncheckedIOException e) {
            // no logs to show
        }
        return sb.toString();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + dir, e);
        }
    }
}
