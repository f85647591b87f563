package org.hopscape.spark;

import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.hopscape.analysis.Sweep;
import org.hopscape.papers.waddington.SaddleProportions;
import org.hopscape.table.PortableTable;
import org.hopscape.util.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 17's cluster test: a standalone master and two workers on 127.0.0.1 from the kit's jars, a small Fig 7
 * population sweep on them, one executor killed (SIGKILL) as soon as the first batch is in; every point must complete
 * with the rows and checkpoint of a local-threads run, every process must be gone afterwards, nothing of Spark's left
 * in /tmp, and no process of the test listening outside 127.0.0.1.
 */
class LoopbackClusterTest {
    static final int RUNS = 3, EPOCHS = 60; // 12 points in 6 batches of 2 runs

    @Test
    void sweepSurvivesAKilledExecutorWithRowsOfALocalRun(@TempDir Path threads, @TempDir Path cluster) throws Exception {
        Set<String> tmpBefore = tmpEntries();
        Table reference = SaddleProportions.populations(SparkSweeps.fig7(RUNS, EPOCHS,
                Sweep.Options.of(threads).withMaster(null).withThreads(2))).table();

        Path target = Settings.home().resolve("target");
        List<ProcessHandle> seen = new ArrayList<>();
        List<String> listening = new ArrayList<>();
        AtomicLong killed = new AtomicLong(-1);
        AtomicInteger removed = new AtomicInteger(), lostTasks = new AtomicInteger();
        Table onCluster;
        Path folder;
        try (LoopbackCluster c = LoopbackCluster.start(target.resolve("spark/jars"), target.resolve("lib"),
                target.resolve("spark-clusters"), 2, 1, 1024)) {
            folder = c.folder();
            c.driverConf().forEach(System::setProperty);
            try (SparkSweepEngine engine = SparkSweepEngine.open(c.url())) {
                engine.awaitExecutors(2, 180_000);
                engine.context().sc().addSparkListener(new SparkListener() {
                    @Override
                    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                        removed.incrementAndGet();
                    }

                    @Override
                    public void onTaskEnd(SparkListenerTaskEnd e) {
                        if (e.reason() instanceof ExecutorLostFailure) lostTasks.incrementAndGet();
                    }
                });
                Sweep.Options o = Sweep.Options.of(cluster).withMaster(c.url()).withCheckpointEvery(1)
                        .withProgress((task, done, total) -> {
                            if (done < 2 || killed.get() >= 0) return;
                            // the first batch is in, the others are running or queued: kill worker 1's executor
                            seen.addAll(c.processes());
                            seen.add(ProcessHandle.current());
                            listening.addAll(listeningOf(seen));
                            List<ProcessHandle> ex = c.executorsOf(0);
                            assertFalse(ex.isEmpty(), "worker 1 has an executor");
                            killed.set(ex.getFirst().pid());
                            ex.getFirst().destroyForcibly();
                        });
                onCluster = SaddleProportions.populations(SparkSweeps.fig7(RUNS, EPOCHS, o)).table();
            } finally {
                c.driverConf().keySet().forEach(System::clearProperty);
            }
            assertTrue(killed.get() > 0, "an executor was killed mid-sweep");
            assertTrue(removed.get() >= 1, "the driver saw the executor go");
            System.out.printf("loopback cluster: executor %d killed, %d executor(s) removed, %d task(s) lost and rerun%n",
                    killed.get(), removed.get(), lostTasks.get());
            seen.addAll(c.processes()); // the replacement executor too
        }
        assertEquals(4 * RUNS, onCluster.rowCount());
        assertEquals(PortableTable.of(reference), PortableTable.of(onCluster));
        assertEquals(SparkSweeps.content(SparkSweeps.csv(threads)), SparkSweeps.content(SparkSweeps.csv(cluster)));

        // every process started is stopped, and its files are gone
        for (ProcessHandle p : seen)
            if (p.pid() != ProcessHandle.current().pid()) assertFalse(p.isAlive(), "process " + p.pid() + " still runs");
        assertFalse(Files.exists(folder), folder + " was removed");
        Set<String> left = new HashSet<>(tmpEntries());
        left.removeAll(tmpBefore);
        left.removeIf(n -> !n.matches("(?i).*(spark|lz4|snappy|zstd|blockmgr|hopscape|netty|jna|jansi).*")
                && seen.stream().noneMatch(p -> n.equals("hsperfdata_root/" + p.pid())));
        assertEquals(Set.of(), left, "left in /tmp");
        // ports: the master, workers, driver and executors listened, all on loopback
        assertFalse(listening.isEmpty(), "the cluster's ports were seen");
        for (String l : listening)
            assertTrue(l.startsWith("127.0.0.1:") || l.startsWith("[::ffff:127.0.0.1]:"), "listening outside loopback: " + l);
    }

    /** Names in /tmp and /tmp/hsperfdata_root. */
    static Set<String> tmpEntries() throws IOException {
        Set<String> s = new HashSet<>();
        try (Stream<Path> l = Files.list(Path.of("/tmp"))) {
            l.forEach(p -> s.add(p.getFileName().toString()));
        }
        Path perf = Path.of("/tmp/hsperfdata_root");
        if (Files.isDirectory(perf))
            try (Stream<Path> l = Files.list(perf)) {
                l.forEach(p -> s.add("hsperfdata_root/" + p.getFileName()));
            }
        return s;
    }

    /** Local addresses that these processes listen on (TCP), from {@code ss -ltnp}. */
    static List<String> listeningOf(List<ProcessHandle> ps) {
        Set<String> pids = new HashSet<>();
        for (ProcessHandle p : ps) pids.add("pid=" + p.pid() + ",");
        List<String> out = new ArrayList<>();
        try {
            Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
            for (String line : new String(ss.getInputStream().readAllBytes()).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 6 && pids.stream().anyMatch(line::contains)) out.add(f[3]);
            }
            ss.waitFor();
        } catch (IOException e) {
            throw new AssertionError("ss (iproute2) is needed to check the ports", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
