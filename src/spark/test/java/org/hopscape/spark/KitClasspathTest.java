package org.hopscape.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The classpath the kernel and the CLI run Spark sweeps with ({@code target/lib/*} then {@code target/spark/jars/*}, see
 * environment/bootstrap.sh) holds one version of each artifact: with two, the first wins and Spark may get a library
 * older than it needs (jackson-databind 2.19 beside jackson-module-scala 2.21 stopped every CLI sweep on Spark).
 */
class KitClasspathTest {
    @Test
    void oneVersionOfEachArtifactOnTheKernelAndCliClasspath() throws IOException {
        Path target = Path.of("target");
        Map<String, List<String>> versions = new TreeMap<>();
        int jars = 0;
        for (Path dir : List.of(target.resolve("lib"), target.resolve("spark/jars"))) {
            assertTrue(Files.isDirectory(dir), dir + " is built by the Spark profile before its tests");
            try (Stream<Path> s = Files.list(dir)) {
                for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    jars++;
                    String id = mavenId(jar);
                    if (id == null) continue; // a jar without Maven metadata: named by its file only
                    versions.computeIfAbsent(id.substring(0, id.lastIndexOf(':')), k -> new ArrayList<>())
                            .add(id.substring(id.lastIndexOf(':') + 1) + " (" + target.relativize(jar) + ")");
                }
            }
        }
        assertTrue(jars > 100, "Spark's jars and the kit's: " + jars);
        // one artifact may come as several jars of one version (netty's natives per platform: classifiers)
        List<String> twice = versions.entrySet().stream()
                .filter(e -> e.getValue().stream().map(v -> v.substring(0, v.indexOf(' '))).distinct().count() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertEquals(List.of(), twice, "artifacts on the classpath in more than one version");
    }

    /** groupId:artifactId:version from the jar's META-INF/maven pom.properties (the one whose artifactId names the jar). */
    static String mavenId(Path jar) throws IOException {
        String file = jar.getFileName().toString();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (var e : (Iterable<java.util.jar.JarEntry>) j.stream()::iterator) {
                if (!e.getName().startsWith("META-INF/maven/") || !e.getName().endsWith("/pom.properties")) continue;
                Properties p = new Properties();
                try (InputStream in = j.getInputStream(e)) {
                    p.load(in);
                }
                String a = p.getProperty("artifactId"), g = p.getProperty("groupId"), v = p.getProperty("version");
                if (a != null && g != null && v != null && file.startsWith(a + "-")) return g + ":" + a + ":" + v;
            }
        }
        return null;
    }
}
