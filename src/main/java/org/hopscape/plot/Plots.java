package org.hopscape.plot;

import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Settings;
import tech.tablesaw.plotly.components.Figure;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offline HTML for tablesaw-jsplot figures. A page carries the plotly bundle once ({@link #bundleScript()}),
 * then each figure is a small div and a script ({@link #figureHtml}). Never uses jsplot's {@code Plot.show}
 * page, which loads plotly from a CDN.
 */
public final class Plots {
    private Plots() {}

    private static final AtomicLong IDS = new AtomicLong();

    /**
     * The bundle in a script tag. Wrapped so that an AMD loader on the page (require.js in nbconvert's and the
     * classic notebook's pages) does not capture plotly as a module and leave every plot blank (foundation-notes §6).
     */
    public static String bundleScript() {
        return "<script type=\"text/javascript\">(function(define, module, exports){\n"
                + Assets.plotlyJs().replace("</script", "<\\/script")
                + "\n}).call(window);</script>";
    }

    /** A div and the script that draws {@code figure} into it; page globals stay untouched. */
    public static String figureHtml(Figure figure) {
        String id = "hs" + Long.toString(System.nanoTime(), 36) + IDS.incrementAndGet();
        // jsplot declares `var layout`, `var data`…; the function keeps them local to this figure.
        return figure.divString(id) + "\n<script type=\"text/javascript\">(function(){\n"
                + figure.asJavascript(id).replaceAll("(?is)</?script[^>]*>", "")
                + "\n})();</script>";
    }

    /**
     * A standalone page: bundle, then the figures. A {@code hopscape-page-size} meta tag carries the pixel size
     * the figures need, so that a screenshot (reports/figures/*.png) captures them whole.
     */
    public static String page(String title, Figure... figures) {
        int w = 0, h = 0;
        for (Figure f : figures) {
            int[] size = size(f);
            w = Math.max(w, size[0]);
            h += size[1];
        }
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n")
                .append("<meta name=\"hopscape-page-size\" content=\"").append(w).append(',').append(h).append("\">\n")
                .append("<style>body{margin:0;background:#fff}</style>\n")
                .append(bundleScript()).append("</head><body>\n");
        for (Figure f : figures) sb.append(figureHtml(f)).append('\n');
        return sb.append("</body></html>\n").toString();
    }

    private static final java.util.regex.Pattern WIDTH = java.util.regex.Pattern.compile("\\bwidth\\s*:\\s*(\\d+)");
    private static final java.util.regex.Pattern HEIGHT = java.util.regex.Pattern.compile("\\bheight\\s*:\\s*(\\d+)");

    /** The layout's pixel size; plotly's defaults (700 × 450) where the layout sets none. */
    static int[] size(Figure f) {
        String js = f.getLayout() == null ? "" : f.getLayout().asJavascript();
        java.util.regex.Matcher w = WIDTH.matcher(js), h = HEIGHT.matcher(js);
        return new int[] {w.find() ? Integer.parseInt(w.group(1)) : 700, h.find() ? Integer.parseInt(h.group(1)) : 450};
    }

    /** Write {@code figure} as a standalone page to {@code file} (atomically). */
    public static Path writeHtml(Figure figure, String title, Path file) {
        return AtomicFiles.writeString(file, page(title, figure));
    }

    /**
     * Save a figure for the reports: {@code <reports>/figures/<name>.html}. The main job turns each page into
     * {@code <name>.png}. Returns the figure so a notebook cell can end with {@code Plots.save(fig, "…")}.
     */
    public static Figure save(Figure figure, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+"))
            throw new IllegalArgumentException("figure name must match [A-Za-z0-9._-]+ (got " + name + ")");
        writeHtml(figure, name, Settings.reports().resolve("figures").resolve(name + ".html"));
        return figure;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
