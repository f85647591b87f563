package org.hopscape.kit;

import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.InspectReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.kernel.JavaKernel;
import org.dflib.jjava.kernel.magics.ClasspathMagic;
import org.dflib.jjava.kernel.magics.JarsMagic;
import org.dflib.jjava.kernel.magics.LoadMagic;
import org.dflib.jjava.kernel.magics.TimeMagic;
import org.dflib.jjava.maven.MavenDependencyResolver;
import org.dflib.jjava.maven.magics.AddMavenDependencyMagic;
import org.dflib.jjava.maven.magics.LoadFromPomCellMagic;
import org.dflib.jjava.maven.magics.LoadFromPomLineMagic;
import org.dflib.jjava.maven.magics.MavenMagic;
import org.dflib.jjava.maven.magics.MavenRepoMagic;
import org.dflib.jjava.shaded.org.zeromq.ZMQ;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kit's Jupyter kernel: JJava's Java kernel (pip package {@code jjava}, version pinned in
 * environment/requirements.txt) with the same magics and environment variables as JJava's own launcher, plus what
 * ipykernel users expect and JJava 1.0a8 does not do:
 * <ol>
 * <li><b>stop_on_error.</b> When an execute request that asked for it fails (an exception, a compile error, an
 * interrupt), every execute request already waiting in the shell queue is answered {@code status: "aborted"}
 * without running, as ipykernel does; other requests in the queue are served normally. "Run All" therefore stops
 * at the first failing cell.</li>
 * <li><b>Interrupt waits for the code to stop.</b> JJava answers an interrupt at once while the cell's thread may
 * go on running (and printing into the next cell). The reply to the interrupted cell is held until that thread has
 * left the cell's code; after 2 s a line on the cell's stderr says what is still running. A second interrupt
 * interrupts that thread again.</li>
 * <li><b>Inspect (Shift+Tab) shows Javadoc</b> of the kit's classes (the checkout's {@code src/main/java} is put on
 * JShell's documentation source path next to the JDK's {@code src.zip}), with the cursor inside a name, at its end,
 * or after the {@code (} of a call.</li>
 * <li>JJava's INFO log lines ("Loop started", …) are not printed; warnings still are.</li>
 * </ol>
 * Compiled by environment/bootstrap.sh against the venv's jjava.jar into {@code .cache/kernel/classes}; the
 * kernelspec runs this class instead of {@code java -jar jjava.jar}.
 */
@SuppressWarnings("removal") // %jars and %addMavenDependency: JJava still offers them, deprecated
public final class KitKernel {
    private KitKernel() {}

    /** A cell still running this long after its interrupt gets a note on its stderr. */
    static final long STILL_RUNNING_NOTE_MS = 2000;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) throw new IllegalArgumentException("usage: KitKernel <connection file>");
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile))
            throw new IllegalArgumentException("connection file " + connectionFile + " is not a file");
        quietInfoLogging();

        MavenDependencyResolver maven = new MavenDependencyResolver();
        TimeMagic time = new TimeMagic();
        long[] timeout = timeout(System.getenv("JJAVA_TIMEOUT"));
        JavaKernel kernel = JavaKernel.builder()
                .name("JJava")
                .version(jjavaVersion())
                .extensionsEnabled(extensionsEnabled(System.getenv("JJAVA_LOAD_EXTENSIONS")))
                .compilerOpts(splitOptions(System.getenv("JJAVA_COMPILER_OPTS")))
                .timeout(timeout[0], TimeUnit.MILLISECONDS)
                .lineMagic("load", new LoadMagic())
                .lineMagic("classpath", new ClasspathMagic())
                .lineMagic("time", time)
                .lineMagic("maven", new MavenMagic(maven))
                .lineMagic("mavenRepo", new MavenRepoMagic(maven))
                .lineMagic("loadFromPOM", new LoadFromPomLineMagic(maven))
                .lineMagic("jars", new JarsMagic())
                .lineMagic("addMavenDependency", new AddMavenDependencyMagic(maven))
                .cellMagic("loadFromPOM", new LoadFromPomCellMagic(maven))
                .cellMagic("time", time)
                .build();
        kernel.onStartup();
        kernel.addToClasspath(System.getenv("JJAVA_CLASSPATH"));
        documentationSources(System.getenv("HOPSCAPE_HOME"));
        for (String snippet : startupSnippets()) kernel.evalBuilder(snippet).resolveMagics().eval();

        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(Files.readString(connectionFile))) {
            @Override
            public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
                return new Reply(shell, this.stdin, this.iopub, context);
            }
        };
        kernel.becomeHandlerForConnection(connection);
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            execute.handle(env, message);
            if (!((Reply) env).failed) return;
            awaitCellStopped(env);
            if (message.getContent().shouldStopOnError()) {
                env.resolveDeferrals(); // the failed cell's reply and its idle go out before the aborted ones
                abortQueuedExecutions(connection, (ShellChannel) env.getShell());
            }
        });
        ShellHandler<InterruptRequest> interrupt = connection.getHandler(MessageType.INTERRUPT_REQUEST);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, message) -> {
            interrupt.handle(env, message);
            cellThreads().forEach(Thread::interrupt); // again, for code that swallowed the first interrupt
        });
        connection.setHandler(MessageType.INSPECT_REQUEST, (env, message) -> inspect(kernel, env, message));

        connection.connect();
        connection.waitUntilClose();
    }

    /** A reply environment that remembers whether the request was answered with an error. */
    static final class Reply extends ShellReplyEnvironment {
        boolean failed;

        Reply(ShellChannel shell, org.dflib.jjava.jupyter.channels.StdinChannel stdin,
              org.dflib.jjava.jupyter.channels.JupyterSocket iopub, MessageContext context) {
            super(shell, stdin, iopub, context);
        }

        @Override
        public void replyError(MessageType<?> type, ErrorReply error) {
            failed = true;
            super.replyError(type, error);
        }
    }

    /** Content of an aborted reply, exactly ipykernel's. */
    static final class Aborted {
        final String status = "aborted";
    }

    // ------------------------------------------------------------------------------------------------ stop_on_error

    /**
     * ipykernel's abort: every execute request already in the shell queue is answered "aborted" (busy, reply, idle);
     * other requests are handled as usual. Requests that arrive after the queue was emptied run normally.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void abortQueuedExecutions(JupyterConnection connection, ShellChannel shell) {
        // First take every request already waiting, then answer them: a frontend that has received the aborted
        // replies may send its next cell at once, and a loop that answered while it polled would abort that new
        // cell too (seen under load). Nothing is answered before the queue as it stood is known.
        List<Message<?>> queued = new ArrayList<>();
        while ((shell.getEvents() & ZMQ.Poller.POLLIN) != 0) queued.add(shell.readMessage());
        for (Message<?> message : queued) {
            MessageType<?> type = message.getHeader().getType();
            ShellReplyEnvironment env = connection.prepareReplyEnv(shell, message);
            if (MessageType.EXECUTE_REQUEST.equals(type)) {
                env.setStatusBusy();
                env.reply(new Message(message, MessageType.EXECUTE_REPLY, new Aborted()));
                env.setStatusIdle();
                continue;
            }
            ShellHandler handler = connection.getHandler(type);
            if (handler == null) continue;
            try {
                handler.handle(env, message);
            } catch (RuntimeException e) {
                Logger.getLogger(KitKernel.class.getName()).log(Level.WARNING, "while aborting the queue: " + type.getName(), e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                connection.close();
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ interrupt

    /**
     * Threads that run cell code: JJava runs each cell on a pool thread inside its execution control; an idle pool
     * thread has no such frame. After a cell has answered, any such thread is code that outlived its cell.
     */
    static List<Thread> cellThreads() {
        List<Thread> out = new ArrayList<>();
        Thread self = Thread.currentThread();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() == self) continue;
            for (StackTraceElement f : e.getValue())
                if (f.getClassName().endsWith(".JJavaExecutionControl") && f.getMethodName().startsWith("lambda$")) {
                    out.add(e.getKey());
                    break;
                }
        }
        return out;
    }

    /** Hold the failed cell's reply until its code has stopped (ipykernel replies after the code unwound). */
    static void awaitCellStopped(ShellReplyEnvironment env) {
        long t0 = System.nanoTime();
        boolean noted = false;
        List<Thread> running;
        while (!(running = cellThreads()).isEmpty()) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!noted && ms >= STILL_RUNNING_NOTE_MS) {
                noted = true;
                env.writeToStdErr("The interrupted code is still running, " + where(running.getFirst())
                        + "; the kernel stays busy until it stops. Interrupt again, or restart the kernel to end it now.\n");
            }
            try {
                running.getFirst().join(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (noted)
            env.writeToStdErr(String.format(Locale.ROOT, "It stopped after %.1f s.%n", (System.nanoTime() - t0) / 1e9));
    }

    /** The innermost frame of notebook or library code of a running cell thread. */
    static String where(Thread t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) continue;
            if (c.startsWith("REPL.")) return "in the cell's own code";
            return "in " + c + "." + f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
        }
        return t.getName();
    }

    // ------------------------------------------------------------------------------------------------ inspect

    private static final Pattern IDENTIFIER_PART = Pattern.compile("[\\p{javaJavaIdentifierPart}]");

    static void inspect(JavaKernel kernel, ShellReplyEnvironment env, Message<InspectRequest> message) {
        InspectRequest request = message.getContent();
        env.setBusyDeferIdle();
        try {
            String code = request.getCode();
            int at = javaIndex(code, request.getCursorPos());
            DisplayData doc = documentation(kernel.getJShell().sourceCodeAnalysis(), code, at);
            env.reply(new InspectReply(doc != null, DisplayData.emptyIfNull(doc)));
        } catch (RuntimeException e) {
            env.replyError(InspectReply.MESSAGE_TYPE.error(), ErrorReply.of(e));
        }
    }

    /** Jupyter counts the cursor in code points, Java strings in UTF-16 units. */
    static int javaIndex(String code, int codePoints) {
        int n = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, n);
    }

    /**
     * Documentation for the name around the cursor. Tried in order: the end of the name the cursor is in or at
     * (so {@code Mni|st}, {@code Mnist|} and {@code Mnist.lo|ad} all work); the call whose parentheses hold the
     * cursor ({@code Mnist.sample(|}, {@code Mnist.sample(100, |)}).
     */
    static DisplayData documentation(SourceCodeAnalysis analysis, String code, int at) {
        int end = at;
        while (end < code.length() && isIdentifierPart(code.charAt(end))) end++;
        List<SourceCodeAnalysis.Documentation> docs = List.of();
        boolean name = end > 0 && isIdentifierPart(code.charAt(end - 1));
        if (name) docs = analysis.documentation(code, end, true);
        if (docs.isEmpty() && name) // a method name without its "(": document it as a call (every overload)
            docs = analysis.documentation(code.substring(0, end) + "(" + code.substring(end), end + 1, true);
        if (docs.isEmpty()) {
            int open = openParenthesis(code, at);
            if (open >= 0) docs = analysis.documentation(code, open + 1, true);
        }
        if (docs.isEmpty()) return null;
        DisplayData out = new DisplayData(docs.stream().map(Javadoc::plain).collect(Collectors.joining("\n\n")));
        out.putHTML(docs.stream().map(Javadoc::html).collect(Collectors.joining("<hr>")));
        return out;
    }

    static boolean isIdentifierPart(char c) {
        return IDENTIFIER_PART.matcher(String.valueOf(c)).matches();
    }

    /** The unclosed {@code (} before {@code at} on the way back to the start of the statement, or -1. */
    static int openParenthesis(String code, int at) {
        int depth = 0;
        for (int i = Math.min(at, code.length()) - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') depth++;
            else if (c == '(') {
                if (depth == 0) return i;
                depth--;
            } else if (c == ';' || c == '{' || c == '}') return -1;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------------ start-up

    /**
     * Where JShell looks for Javadoc: JShell only reads the JDK's src.zip; its source list is a private field of
     * jdk.jshell (opened to this class by the kernelspec's {@code --add-opens jdk.jshell/jdk.jshell}). The kit's
     * sources ({@code <home>/src/main/java}) are added to the JDK's. Without access, inspect still shows signatures.
     */
    static void documentationSources(String home) {
        List<Path> sources = new ArrayList<>();
        Path javaHome = Path.of(System.getProperty("java.home"));
        for (Path zip : List.of(javaHome.resolve("lib/src.zip"), javaHome.resolveSibling("src.zip"))) {
            if (!Files.isReadable(zip)) continue;
            try {
                FileSystem fs = FileSystems.newFileSystem(zip); // kept open for the kernel's life
                Path root = fs.getRootDirectories().iterator().next();
                if (Files.exists(root.resolve("java.base/java/lang/Object.java"))) {
                    try (var modules = Files.list(root)) {
                        modules.filter(Files::isDirectory).forEach(sources::add);
                    }
                } else sources.add(zip);
            } catch (IOException e) {
                continue;
            }
            break;
        }
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "src", "main", "java")))
            sources.add(Path.of(home, "src", "main", "java"));
        try {
            var field = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            field.setAccessible(true);
            field.set(null, sources);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("[hopscape kernel] Javadoc of the kit's classes unavailable in inspect: " + e);
        }
    }

    /** Files named by JJAVA_STARTUP_SCRIPTS_PATH (globs allowed), then the inline JJAVA_STARTUP_SCRIPT. */
    static List<String> startupSnippets() throws IOException {
        List<String> out = new ArrayList<>();
        String paths = System.getenv("JJAVA_STARTUP_SCRIPTS_PATH");
        if (paths != null && !paths.isBlank())
            for (Path f : PathsHandler.splitAndResolveGlobs(paths)) {
                if (Files.isRegularFile(f)) out.add(Files.readString(f));
            }
        String inline = System.getenv("JJAVA_STARTUP_SCRIPT");
        if (inline != null && !inline.isBlank()) out.add(inline);
        return out;
    }

    static boolean extensionsEnabled(String value) {
        return value == null || value.isBlank() || !(value.trim().equals("0") || value.trim().equalsIgnoreCase("false"));
    }

    static List<String> splitOptions(String value) {
        if (value == null || value.isBlank()) return List.of();
        return List.of(value.trim().split("\\s+"));
    }

    private static final Pattern TIMEOUT = Pattern.compile("^(-?\\d+)\\W*([A-Za-z]+)?$");

    /** JJAVA_TIMEOUT as JJava reads it ("600000" ms, or "10 SECONDS"); none = -1. */
    static long[] timeout(String value) {
        if (value == null || value.isBlank()) return new long[] {-1};
        Matcher m = TIMEOUT.matcher(value.trim());
        if (!m.matches()) throw new IllegalArgumentException("JJAVA_TIMEOUT must be <number> [unit], got '" + value + "'");
        TimeUnit unit = m.group(2) == null ? TimeUnit.MILLISECONDS : TimeUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        return new long[] {unit.toMillis(Long.parseLong(m.group(1)))};
    }

    static String jjavaVersion() {
        Properties p = new Properties();
        try (InputStream in = JavaKernel.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.dflib.jjava/jjava-distro/pom.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "";
        }
        return p.getProperty("version", "");
    }

    /**
     * JJava logs through java.util.logging (its loggers are named after threads, "Loop-Shell-0", or classes); its INFO
     * lines ("Loop started.", …) are noise in every run. Records of notebook code pass unchanged.
     */
    static void quietInfoLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$.1s %1$tF %1$tT.%1$tL %3$s] %5$s%n");
        for (java.util.logging.Handler h : Logger.getLogger("").getHandlers())
            h.setFilter(r -> r.getLevel().intValue() >= Level.WARNING.intValue() || !fromJJava(r));
    }

    static boolean fromJJava(java.util.logging.LogRecord r) {
        String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
        String source = r.getSourceClassName() == null ? "" : r.getSourceClassName();
        return logger.startsWith("Loop-") || logger.startsWith("org.dflib.jjava") || source.startsWith("org.dflib.jjava")
                || logger.endsWith("Channel") || logger.equals("BaseKernel");
    }
}
