// hopscape kernel start-up (after .cache/kernel/imports.jsh, which the bootstrap generates from the jar):
// imports, and displayers for Tablesaw tables (HTML), jsplot figures (plotly's own MIME type, which JupyterLab's
// plotly renderer draws, plus an HTML fallback) and the notebook setup record (its provenance table).
import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

// tables as HTML and as text, numbers for reading (4 significant digits; the table itself keeps every digit)
kernel().getRenderer().createRegistration(tech.tablesaw.api.Table.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((t, ctx) -> {
            ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> org.hopscape.table.Html.table(t));
            ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> org.hopscape.table.PlainText.table(t));
        });
// the figure as a JSON object (not a string), so that frontends receive plotly's {data, layout, config}
kernel().getRenderer().createRegistration(tech.tablesaw.plotly.components.Figure.class)
        .preferring(MIMEType.parse(org.hopscape.plot.Plots.MIME), MIMEType.TEXT_HTML)
        .register((f, ctx) -> {
            String json = org.hopscape.plot.Plots.json(f);
            ctx.renderIfRequested(MIMEType.parse(org.hopscape.plot.Plots.MIME),
                    () -> org.dflib.jjava.shaded.com.google.gson.JsonParser.parseString(json));
            ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> org.hopscape.plot.Plots.figureHtml(f, json));
        });
kernel().getRenderer().createRegistration(org.hopscape.Notebook.class).preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
        .register((nb, ctx) -> {
            ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> org.hopscape.table.Html.table(nb.toTable()));
            ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> org.hopscape.table.PlainText.table(nb.toTable()));
        });

// progress of long library calls as one line per task, updated in place (a display with an id): the executed
// notebook and its report keep each bar's final line, not hundreds of redrawn stderr lines (issue 13)
org.hopscape.util.Progress progressBar() {
    var io = kernel().getIO().display;
    return new org.hopscape.util.ProgressDisplay(new org.hopscape.util.ProgressDisplay.Sink() {
        public void show(String id, String line) {
            var d = new org.dflib.jjava.jupyter.kernel.display.DisplayData(line);
            d.setDisplayId(id);
            io.display(d);
        }
        public void update(String id, String line) {
            io.updateDisplay(id, new org.dflib.jjava.jupyter.kernel.display.DisplayData(line));
        }
    });
}
// prose generated from measured values (org.hopscape.plot.Prose) as Markdown
kernel().getRenderer().createRegistration(org.hopscape.plot.Prose.class)
        .preferring(MIMEType.parse("text/markdown"), MIMEType.TEXT_PLAIN)
        .register((p, ctx) -> {
            ctx.renderIfRequested(MIMEType.parse("text/markdown"), p::markdown);
            ctx.renderIfRequested(MIMEType.TEXT_PLAIN, p::markdown);
        });
