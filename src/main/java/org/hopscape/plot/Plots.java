package org.hopscape.plot;

import org.hopscape.util.AtomicFiles;
import org.hopscape.util.Settings;
import tech.tablesaw.plotly.components.Figure;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicLong;

/**
 * tablesaw-jsplot figures as plotly's own JSON ({@link #json}, the {@value #MIME} MIME type that JupyterLab's plotly
 * renderer and the kit's HTML report template draw), as an HTML fallback for frontends without that renderer
 * ({@link #figureHtml}), and as offline pages and PNGs. Figures are responsive: they take the width of their
 * container and keep the height their builder chose for the panel grid. Never uses jsplot's {@code Plot.show}
 * page, which loads plotly from a CDN.
 */
public final class Plots {
    private Plots() {}

    /** plotly's MIME type: a JSON object {@code {"data": […], "layout": {…}, "config": {…}}}. */
    public static final String MIME = "application/vnd.plotly.v1+json";

    private static final AtomicLong IDS = new AtomicLong();

    /**
     * The figure as plotly's figure JSON (what {@value #MIME} carries): titles in plotly's object form, numbers as
     * numbers, NaN as null, no fixed width ({@code autosize}), {@code config.responsive}.
     *
     * @throws IllegalStateException if the figure's script holds something other than plotly data (e.g. a
     *         function); the message says what and where
     */
    public static String json(Figure figure) {
        return Json.write(PlotlyJson.of(figure));
    }

    /**
     * The pixel size the figure was designed for ({@code [width, height]}): its layout's, else plotly's default
     * 700 × 450. Notebooks and reports use only the height (the width follows the container); PNGs use both.
     */
    public static int[] designSize(Figure figure) {
        return PlotlyJson.designSize(figure);
    }

    /**
     * The bundle in a script tag. Wrapped so that an AMD loader on the page (require.js in nbconvert's and the
     * classic notebook's pages) does not capture plotly as a module and leave every plot blank (foundation-notes §6).
     */
    public static String bundleScript() {
        return "<script type=\"text/javascript\">(function(define, module, exports){\n"
                + Assets.plotlyJs().replace("</script", "<\\/script")
                + "\n}).call(window);</script>";
    }

    /** Largest figure JSON that the HTML fallback repeats; bigger figures get the note only (notebooks stay small). */
    public static final int FALLBACK_MAX_CHARS = 50_000;

    /**
     * HTML for frontends without plotly's renderer (the notebook carries it next to {@value #MIME}): a div, as wide
     * as its container (at most the design width), that says where the figure can be seen — what static viewers
     * show — and, for figures whose JSON is at most {@value #FALLBACK_MAX_CHARS} characters, a script that replaces
     * the note by the figure when plotly.js is on the page. Large figures are not carried twice.
     */
    public static String figureHtml(Figure figure) {
        return figureHtml(figure, json(figure));
    }

    /** {@link #figureHtml(Figure)} for a figure whose JSON is already at hand. */
    public static String figureHtml(Figure figure, String json) {
        int[] size = designSize(figure);
        String id = "hs" + Long.toString(System.nanoTime(), 36) + IDS.incrementAndGet();
        String div = "<div id=\"" + id + "\" class=\"hopscape-figure\" style=\"width:100%;max-width:" + size[0]
                + "px\"><em>" + escape(NOTE) + "</em></div>";
        if (json.length() > FALLBACK_MAX_CHARS) return div;
        return div + "\n<script type=\"text/javascript\">(function(){var d=document.getElementById('" + id + "'),f=" + json
                + ";\nif(window.Plotly){d.innerHTML='';d.style.height='" + size[1] + "px';Plotly.newPlot(d,f);}})();</script>";
    }

    private static final String NOTE = "[plotly figure: this view has no plotly renderer; open the notebook in the kit's "
            + "JupyterLab (environment/kit lab) or its HTML report]";

    /** A div of the given style and the script that draws {@code json} into it (plotly.js on the page). */
    private static String div(String json, String style) {
        String id = "hs" + Long.toString(System.nanoTime(), 36) + IDS.incrementAndGet();
        return "<div id=\"" + id + "\" class=\"hopscape-figure\" style=\"" + style + "\"></div>\n"
                + "<script type=\"text/javascript\">(function(){var d=document.getElementById('" + id + "'),f=" + json + ";\n"
                + "Plotly.newPlot(d,f);})();</script>";
    }

    /**
     * A standalone page: bundle, then the figures at their design size, one under the other. A
     * {@code hopscape-page-size} meta tag carries the pixel size they need, so that a screenshot
     * (reports/figures/*.png) captures them whole.
     */
    public static String page(String title, Figure... figures) {
        int w = 0, h = 0;
        for (Figure f : figures) {
            int[] size = designSize(f);
            w = Math.max(w, size[0]);
            h += size[1];
        }
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n")
                .append("<meta name=\"hopscape-page-size\" content=\"").append(w).append(',').append(h).append("\">\n")
                .append("<style>body{margin:0;background:#fff}</style>\n")
                .append(bundleScript()).append("</head><body>\n");
        for (Figure f : figures) {
            int[] size = designSize(f);
            sb.append(div(json(f), "width:" + size[0] + "px;height:" + size[1] + "px")).append('\n');
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Write {@code figure} as a standalone page to {@code file} (atomically). */
    public static Path writeHtml(Figure figure, String title, Path file) {
        return AtomicFiles.writeString(file, page(title, figure));
    }

    /** Browsers that can take a headless screenshot, in order of preference. */
    static final String[] BROWSERS = {"chromium", "chromium-browser", "google-chrome"};

    /** The first headless-capable browser on PATH, if any. */
    public static java.util.Optional<Path> browser() {
        String path = System.getenv("PATH");
        if (path == null) return java.util.Optional.empty();
        for (String name : BROWSERS)
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (java.nio.file.Files.isExecutable(p)) return java.util.Optional.of(p);
            }
        return java.util.Optional.empty();
    }

    /**
     * Write {@code figure} as a PNG: a headless-browser screenshot of its offline page, the window cut to the
     * layout's size, written atomically.
     *
     * @throws IllegalStateException when no browser is installed (the message says which package to install)
     */
    public static Path writePng(Figure figure, Path png) {
        try {
            Path abs = png.toAbsolutePath();
            java.nio.file.Files.createDirectories(abs.getParent());
            Path page = java.nio.file.Files.createTempFile(abs.getParent(), ".figure-", ".html");
            try {
                java.nio.file.Files.writeString(page, page("figure", figure));
                return screenshot(page, abs);
            } finally {
                java.nio.file.Files.deleteIfExists(page);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    private static final Pattern PAGE_SIZE = Pattern.compile("name=\"hopscape-page-size\" content=\"(\\d+),(\\d+)\"");

    /**
     * PNG of a figure page written by {@link #page} (e.g. reports/figures/*.html): the window takes the size the
     * page's {@code hopscape-page-size} tag asks for, plotly's tool bar is hidden, the file is written atomically.
     */
    public static Path screenshot(Path page, Path png) {
        Path browser = browser().orElseThrow(() -> new IllegalStateException(
                "no headless browser for PNG figures: install Debian's chromium (environment/bootstrap.sh --with-chromium as root, "
                        + "or: sudo apt-get install -y chromium)"));
        Path abs = png.toAbsolutePath();
        try {
            String html = java.nio.file.Files.readString(page);
            Matcher m = PAGE_SIZE.matcher(html.substring(0, Math.min(html.length(), 4096)));
            boolean sized = m.find(); // plotly's default size where the page does not say
            int w = sized ? Integer.parseInt(m.group(1)) : 700, h = sized ? Integer.parseInt(m.group(2)) : 450;
            java.nio.file.Files.createDirectories(abs.getParent());
            Path dir = java.nio.file.Files.createTempDirectory(abs.getParent(), ".png-");
            try {
                Path copy = dir.resolve("page.html"), shot = dir.resolve("shot.png");
                // a static picture needs no plotly tool bar
                java.nio.file.Files.writeString(copy,
                        html.replaceFirst("</head>", "<style>.modebar-container{display:none!important}</style></head>"));
                Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
                        "--window-size=" + w + "," + h, "--virtual-time-budget=5000",
                        "--screenshot=" + shot, copy.toUri().toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("browser did not finish the screenshot of " + page + " within 90 s");
                }
                if (!java.nio.file.Files.isRegularFile(shot) || java.nio.file.Files.size(shot) == 0)
                    throw new IllegalStateException("browser wrote no picture of " + page + " (exit " + p.exitValue() + ")");
                java.nio.file.Files.move(shot, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return abs;
            } finally {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + png, e);
        }
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
