package org.hopscape.data;

import org.hopscape.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expression patterns of the 11 major blood lineages used as Ξ in 002 Fig 3: either loaded from a
 * lineage-by-gene CSV (the averaged Haemopedia profiles, when a user has them) or the deterministic
 * <b>synthetic</b> fallback of spec 002 §2.3 (a shared-program model, not Haemopedia). Rows are unit-normalised.
 *
 * @param names    lineage names, in {@link #LINEAGES} order
 * @param memories K×N unit-norm patterns
 * @param genes    column names (module names for the fallback)
 * @param source   where the patterns came from
 * @param synthetic true for the fallback; every output made from it must say "synthetic"
 */
public record BloodLineages(List<String> names, double[][] memories, List<String> genes, String source,
                            boolean synthetic) {

    /** The 11 Haemopedia terminal lineages in the fixed order of spec 002 §2.1. */
    public static final List<String> LINEAGES = List.of("Erythrocyte", "Megakaryocyte", "Basophil", "Mast cell",
            "Eosinophil", "Neutrophil", "Macrophage", "Dendritic cell", "B cell", "T cell", "NK cell");

    /** Short labels in {@link #LINEAGES} order. */
    public static final List<String> SHORT = List.of("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC", "B",
            "T", "NK");

    public static final int ERYTHROCYTE = 0;

    /** Fig 3F angular order of the lineages (spec 002 §3 Fig 3F). */
    public static final List<String> FIG3F_ORDER = List.of("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC",
            "T", "NK", "B");

    /**
     * Classical observed progenitors drawn with a black rim in Fig 3F [spec 002 choice, editable]: CMP, MEP, GMP,
     * CLP, LMPP, MDP, BMCP.
     */
    public static final List<List<String>> OBSERVED_PROGENITORS = List.of(
            List.of("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC"), List.of("Ery", "Mk"),
            List.of("Neut", "Mac"), List.of("B", "T", "NK"), List.of("Neut", "Mac", "DC", "B", "T", "NK"),
            List.of("Mac", "DC"), List.of("Baso", "Mast"));

    /** The progenitors the synthetic fallback encodes as modules (all observed ones except LMPP, plus the new ones). */
    public static final List<List<String>> ENCODED_PROGENITORS = List.of(
            List.of("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC"), List.of("Ery", "Mk"),
            List.of("Neut", "Mac"), List.of("B", "T", "NK"), List.of("Mac", "DC"), List.of("Baso", "Mast"),
            List.of("Baso", "Mk", "Ery"), List.of("Eos", "Neut"));

    /** Newly described progenitors drawn with a red rim in Fig 3F [paper text]: {Baso, Mk, Ery}, {Eos, Neut}. */
    public static final List<List<String>> NEW_PROGENITORS = List.of(List.of("Baso", "Mk", "Ery"), List.of("Eos", "Neut"));

    /** Modules of the fallback: (name, member short labels, variance share a_M) — spec 002 §2.3. */
    private record Module(String name, List<String> members, double share) {}

    private static final List<Module> MODULES = List.of(
            new Module("ALL", SHORT, 0.35),
            new Module("CMP", List.of("Ery", "Mk", "Baso", "Mast", "Eos", "Neut", "Mac", "DC"), 0.15),
            new Module("CLP", List.of("B", "T", "NK"), 0.20),
            new Module("MkE-BM", List.of("Ery", "Mk", "Baso", "Mast"), 0.10),
            new Module("GM-DC", List.of("Eos", "Neut", "Mac", "DC"), 0.10),
            new Module("MEP", List.of("Ery", "Mk"), 0.25),
            new Module("BMkE", List.of("Baso", "Mk", "Ery"), 0.05),
            new Module("BMCP", List.of("Baso", "Mast"), 0.20),
            new Module("EoN", List.of("Eos", "Neut"), 0.20),
            new Module("GMP", List.of("Neut", "Mac"), 0.05),
            new Module("MDP", List.of("Mac", "DC"), 0.20),
            new Module("T/NK", List.of("T", "NK"), 0.25));

    public BloodLineages {
        Check.notNull("names", names);
        Check.notNull("genes", genes);
        Check.finite("memories", memories);
        Check.sameSize("names", names.size(), "memories rows", memories.length);
        Check.sameSize("genes", genes.size(), "memories columns", memories[0].length);
        names = List.copyOf(names);
        genes = List.copyOf(genes);
    }

    /**
     * The deterministic synthetic fallback (spec 002 §2.3): Ξ_i = Σ_{M∋i} √a_M e_M + √(1 − Σ a_M) e_private,i,
     * N = 12 modules + 11 private axes = 23, rows exactly unit norm, no random numbers.
     */
    public static BloodLineages syntheticFallback() {
        int k = SHORT.size(), n = MODULES.size() + k;
        double[][] m = new double[k][n];
        List<String> genes = new ArrayList<>();
        for (Module mod : MODULES) genes.add("module " + mod.name());
        for (String s : SHORT) genes.add("private " + s);
        for (int i = 0; i < k; i++) {
            double used = 0;
            for (int c = 0; c < MODULES.size(); c++)
                if (MODULES.get(c).members().contains(SHORT.get(i))) {
                    m[i][c] = Math.sqrt(MODULES.get(c).share());
                    used += MODULES.get(c).share();
                }
            m[i][MODULES.size() + i] = Math.sqrt(1 - used);
        }
        return new BloodLineages(LINEAGES, m, genes, "synthetic fallback (spec 002 §2.3), not Haemopedia", true);
    }

    /**
     * Load a lineage-by-gene CSV: header row (first cell ignored, then gene names), one row per lineage (first
     * column = lineage name, then expression values). Rows are reordered to {@link #LINEAGES} (names matched
     * case-insensitively, also by short label) and unit-normalised.
     */
    public static BloodLineages load(Path csv) {
        Check.notNull("csv", csv);
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lineage csv " + csv + ": " + e, e);
        }
        try {
            return parse(csv, lines);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(csv + ": " + e.getMessage(), e);
        }
    }

    private static BloodLineages parse(Path csv, List<String> lines) {
        lines.removeIf(l -> l.isBlank() || l.startsWith("#"));
        if (lines.size() < 2) throw new IllegalArgumentException("csv " + csv + " needs a header and lineage rows");
        String[] header = lines.get(0).split(",", -1);
        List<String> genes = new ArrayList<>();
        for (int j = 1; j < header.length; j++) genes.add(header[j].trim());
        double[][] m = new double[LINEAGES.size()][];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            if (cells.length != header.length)
                throw new IllegalArgumentException("csv row " + r + " has " + cells.length + " cells, header has " + header.length);
            int idx = lineageIndex(cells[0].trim());
            if (idx < 0) throw new IllegalArgumentException("csv row " + r + ": unknown lineage '" + cells[0] + "'");
            if (m[idx] != null) throw new IllegalArgumentException("csv row " + r + ": lineage '" + cells[0] + "' appears twice");
            double[] v = new double[genes.size()];
            for (int j = 0; j < v.length; j++) {
                try {
                    v[j] = Double.parseDouble(cells[j + 1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("csv row " + r + " column " + (j + 1) + ": not a number '" + cells[j + 1] + "'");
                }
            }
            m[idx] = v;
        }
        for (int i = 0; i < m.length; i++)
            if (m[i] == null) throw new IllegalArgumentException("csv lacks lineage '" + LINEAGES.get(i) + "'");
        return new BloodLineages(LINEAGES, unitRows(m), genes, csv.toString(), false);
    }

    static int lineageIndex(String name) {
        for (int i = 0; i < LINEAGES.size(); i++)
            if (LINEAGES.get(i).equalsIgnoreCase(name) || SHORT.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    static double[][] unitRows(double[][] m) {
        double[][] u = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (double v : m[i]) s += v * v;
            if (!(s > 0)) throw new IllegalArgumentException("lineage row " + i + " is all zero");
            double inv = 1 / Math.sqrt(s);
            u[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) u[i][j] = m[i][j] * inv;
        }
        return u;
    }

    /** Number of lineages K. */
    public int size() { return memories.length; }

    /** "synthetic " prefix when the patterns are the fallback, else "". Put it in every title. */
    public String label() { return synthetic ? "synthetic " : ""; }

    /** The cosine (Gram) matrix ΞΞᵀ. */
    public double[][] cosines() {
        int k = memories.length;
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c = 0; c < memories[i].length; c++) s += memories[i][c] * memories[j][c];
                g[i][j] = s;
            }
        return g;
    }

    /** Cosine matrix as a table, titled with the data source ("synthetic" for the fallback). */
    public Table cosineTable() {
        double[][] g = cosines();
        Table t = Table.create(label() + "lineage cosines (" + source + ")");
        t.addColumns(StringColumn.create("lineage", SHORT));
        for (int j = 0; j < g.length; j++) {
            DoubleColumn c = DoubleColumn.create(SHORT.get(j));
            for (double[] row : g) c.append(Math.round(row[j] * 1000) / 1000.0);
            t.addColumns(c);
        }
        return t;
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "BloodLineages[%s%d lineages × %d genes, %s]", label(), size(),
                genes.size(), source);
    }
}
