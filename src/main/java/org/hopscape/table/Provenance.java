package org.hopscape.table;

import org.hopscape.Hopscape;
import org.hopscape.util.Check;
import org.hopscape.util.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a result came from: the parameters that made it, the seed, the library version and git commit.
 * Saved as {@code # key: value} lines at the top of every result CSV.
 *
 * @param parameters parameter name to value, in a stable order
 * @param seed       the seed of every random draw (use -1 when nothing random)
 * @param version    hopscape library version
 * @param commit     git commit of the kit, or "unknown"
 */
public record Provenance(Map<String, String> parameters, long seed, String version, String commit) {

    public Provenance {
        Check.notNull("parameters", parameters);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String k = e.getKey();
            if (k == null || k.isBlank()) throw new IllegalArgumentException("parameters: a key is blank");
            for (int i = 0; i < k.length(); i++)
                if (Character.isISOControl(k.charAt(i)))
                    throw new IllegalArgumentException("parameters: key '" + k.replace("\n", "\\n") + "' contains a control"
                            + " character (a line break?); parameter names are one line of text");
            Check.notNull("parameters['" + k + "']", e.getValue());
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (version == null || version.isBlank()) throw new IllegalArgumentException("version must not be blank");
        if (commit == null || commit.isBlank()) commit = "unknown";
    }

    /** Provenance for the running library: version from the jar, commit from the kit's git checkout. */
    public static Provenance of(Map<String, ?> parameters, long seed) {
        Check.notNull("parameters", parameters);
        Map<String, String> p = new LinkedHashMap<>();
        parameters.forEach((k, v) -> p.put(k, String.valueOf(v)));
        return new Provenance(p, seed, Hopscape.version(), gitCommit(Settings.home()));
    }

    /** Header lines, each starting with "# ". Keys "seed", "version", "commit" are reserved. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hopscape.version", version);
        m.put("hopscape.commit", commit);
        m.put("seed", Long.toString(seed));
        m.put("written", Instant.now().toString());
        parameters.forEach((k, v) -> m.put("param." + k, v));
        return m;
    }

    /**
     * Inverse of {@link #asMap()} (the "written" stamp is dropped). The version and the seed are required: a table
     * without them has lost its provenance.
     */
    public static Provenance fromMap(Map<String, String> m) {
        Check.notNull("m", m);
        Map<String, String> p = new LinkedHashMap<>();
        m.forEach((k, v) -> { if (k.startsWith("param.")) p.put(k.substring(6), v); });
        String version = m.get("hopscape.version");
        if (version == null || version.isBlank())
            throw new IllegalArgumentException("provenance has no hopscape.version: its header lines were removed or damaged");
        String seed = m.get("seed");
        if (seed == null) throw new IllegalArgumentException("provenance has no seed: its header lines were removed or damaged");
        long s;
        try {
            s = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance seed must be an integer (got '" + seed + "')");
        }
        return new Provenance(p, s, version, m.getOrDefault("hopscape.commit", "unknown"));
    }

    /** The HEAD commit read from .git without running git; "unknown" outside a checkout. */
    static String gitCommit(Path home) {
        try {
            Path git = home.resolve(".git");
            if (Files.isRegularFile(git)) { // worktree: "gitdir: <path>"
                String s = Files.readString(git).trim();
                if (s.startsWith("gitdir:")) git = home.resolve(s.substring(7).trim());
            }
            Path head = git.resolve("HEAD");
            if (!Files.isRegularFile(head)) return "unknown";
            String h = Files.readString(head).trim();
            if (!h.startsWith("ref:")) return h;
            String ref = h.substring(4).trim();
            for (Path base : new Path[] {git, commonDir(git)}) {
                Path r = base.resolve(ref);
                if (Files.isRegularFile(r)) return Files.readString(r).trim();
                Path packed = base.resolve("packed-refs");
                if (Files.isRegularFile(packed))
                    for (String line : Files.readAllLines(packed))
                        if (line.endsWith(" " + ref)) return line.substring(0, line.indexOf(' '));
            }
            return "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Path commonDir(Path git) throws java.io.IOException {
        Path c = git.resolve("commondir");
        return Files.isRegularFile(c) ? git.resolve(Files.readString(c).trim()).normalize() : git;
    }
}
