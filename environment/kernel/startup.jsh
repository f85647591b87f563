// hopscape kernel start-up (after .cache/kernel/imports.jsh, which the bootstrap generates from the jar):
// imports, and HTML displayers for Tablesaw tables, jsplot figures and the
// notebook setup record (which also inlines the plotly bundle once, so figures render offline).
import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

kernel().getRenderer().createRegistration(tech.tablesaw.api.Table.class).preferring(MIMEType.TEXT_HTML)
        .register((t, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> org.hopscape.table.Html.table(t)));
kernel().getRenderer().createRegistration(tech.tablesaw.plotly.components.Figure.class).preferring(MIMEType.TEXT_HTML)
        .register((f, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> org.hopscape.plot.Plots.figureHtml(f)));
kernel().getRenderer().createRegistration(org.hopscape.Notebook.class).preferring(MIMEType.TEXT_HTML)
        .register((nb, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML,
                () -> org.hopscape.plot.Plots.bundleScript() + org.hopscape.table.Html.table(nb.toTable())));
