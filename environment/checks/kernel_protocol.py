#!/usr/bin/env python3
"""Scripted Jupyter-protocol checks of the "hopscape" kernel (issue 16, items 2, 3, 5, 6, 7, 9), as a frontend sees it.

  stop_on_error   a failing cell and two queued after it: the two are answered status "aborted", as ipykernel does;
                  a cell sent afterwards runs; with stop_on_error=False queued cells run
  interrupt       a cell that ignores interrupts for a while: its reply comes only after its code stopped, the
                  queued cell is aborted, no cell thread is left, the next cell's output is its own
  library stop    (item 1) a long library call on every core (Krotov trainings through the worker pool) stops
                  within a second of the interrupt, keeps its finished runs, and leaves no worker thread and no
                  busy core behind
  plotly mime     a figure is displayed as application/vnd.plotly.v1+json (data + layout, autosize) with a
                  text/html fallback that carries no plotly bundle; the setup record carries no bundle either
  scratch         a notebook run by hand writes its figures under scratch/, never over reports/
  README          the README's first example runs and samples every digit class
  inspect         Shift+Tab shows the Javadoc of kit classes/methods: inside a name, at its end, after "("
  one kernel      the venv offers exactly one Java kernel, "hopscape (Java 25)"

Prints one line per check and "N passed, N failed"; exit status 1 on any failure.
"""
import json
import os
import queue
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

from common import check, summary

HOME = Path(__file__).resolve().parent.parent.parent


def send(kc, code, stop_on_error=True):
    return kc.execute(code, stop_on_error=stop_on_error, allow_stdin=False)


def reply(kc, msg_id, timeout=120):
    deadline = time.time() + timeout
    while True:
        r = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if r["parent_header"].get("msg_id") == msg_id:
            return r


def iopub_until_idle(kc, msg_id, timeout=120):
    """All iopub messages of one request, up to its idle status."""
    out, deadline = [], time.time() + timeout
    while True:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return out


def drain_iopub(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            return


def run(kc, code, timeout=120):
    mid = send(kc, code)
    r = reply(kc, mid, timeout)
    return r, iopub_until_idle(kc, mid, timeout)


def stop_on_error(kc):
    drain_iopub(kc)
    ids = [send(kc, 'throw new IllegalStateException("first cell fails");'),
           send(kc, 'int hsQueued = 1;'),
           send(kc, 'System.out.println("must not run");')]
    statuses = [reply(kc, i)["content"]["status"] for i in ids]
    check("stop_on_error: failing cell, then two queued cells are aborted",
          statuses == ["error", "aborted", "aborted"], str(statuses))
    outputs = [m for i in ids for m in iopub_until_idle(kc, i) if m["msg_type"] == "stream"]
    check("stop_on_error: aborted cells print nothing", not outputs, str([o["content"] for o in outputs]))
    r, _ = run(kc, "hsQueued")
    check("stop_on_error: aborted cell did not run (its variable is undefined)", r["content"]["status"] == "error",
          r["content"]["status"])
    r, io = run(kc, "1 + 1")
    result = [m["content"]["data"]["text/plain"] for m in io if m["msg_type"] == "execute_result"]
    check("stop_on_error: a cell sent after the error runs", r["content"]["status"] == "ok" and result == ["2"], str(result))
    ids = [send(kc, 'throw new IllegalStateException("x");', stop_on_error=False), send(kc, "int hsRan = 7;", stop_on_error=False)]
    statuses = [reply(kc, i)["content"]["status"] for i in ids]
    check("stop_on_error=False: the queued cell runs", statuses == ["error", "ok"], str(statuses))
    drain_iopub(kc)


def interrupt(km, kc):
    drain_iopub(kc)
    # a computation that notices the interrupt only after ~3 s (like a library loop between checks)
    slow = ('Runnable hsSlow = () -> { long t0 = System.nanoTime(); boolean seen = false;\n'
            '    while (System.nanoTime() - t0 < 3_000_000_000L) { if (Thread.interrupted()) seen = true; }\n'
            '    System.out.println("slow cell finished, interrupt seen: " + seen); };\n'
            'hsSlow.run();')
    a = send(kc, slow)
    b = send(kc, 'System.out.println("queued after the interrupted cell");')
    time.sleep(1.0)
    t0 = time.time()
    km.interrupt_kernel()
    ra = reply(kc, a, 60)
    waited = time.time() - t0
    rb = reply(kc, b, 60)
    check("interrupt: the interrupted cell fails", ra["content"]["status"] == "error", ra["content"].get("ename", ""))
    check("interrupt: its reply waits until the code stopped (≈2 s after the interrupt)", waited >= 1.5,
          f"{waited:.1f} s")
    check("interrupt: the queued cell is aborted", rb["content"]["status"] == "aborted", rb["content"]["status"])
    io = iopub_until_idle(kc, a, 60)
    text = "".join(m["content"].get("text", "") for m in io if m["msg_type"] == "stream")
    check("interrupt: the late output stays in the interrupted cell", "slow cell finished" in text, text.strip()[:120])
    r, io = run(kc, 'System.out.println("next");')
    text = "".join(m["content"].get("text", "") for m in io if m["msg_type"] == "stream")
    check("interrupt: the next cell's output is only its own", r["content"]["status"] == "ok" and text == "next\n", repr(text))
    r, io = run(kc, 'Thread.getAllStackTraces().keySet().stream().filter(t -> t != Thread.currentThread())'
                    '.filter(t -> java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("REPL."))).count()')
    left = [m["content"]["data"]["text/plain"] for m in io if m["msg_type"] == "execute_result"]
    check("interrupt: no thread still runs notebook code", left == ["0"], str(left))
    # a plain blocking call stops at once
    a = send(kc, "Thread.sleep(60_000);")
    time.sleep(1.0)
    t0 = time.time()
    km.interrupt_kernel()
    ra = reply(kc, a, 60)
    check("interrupt: a sleeping cell stops at once", ra["content"]["status"] == "error" and time.time() - t0 < 1.5,
          f"{time.time() - t0:.2f} s")
    drain_iopub(kc)


def library_interrupt(km, kc):
    """Issue 16 item 1: interrupting a long library call stops its worker pool, not only the cell thread."""
    drain_iopub(kc)
    setup = ('var hsRng = new java.util.SplittableRandom(5);\n'
             'double[][] hsX = new double[60][784];\n'
             'for (double[] r : hsX) for (int j = 0; j < 784; j++) r[j] = hsRng.nextDouble(-1, 1);\n'
             'int[] hsC = java.util.stream.IntStream.range(0, 60).map(i -> i % 3).toArray();\n'
             'var hsRuns = new ArrayList<org.hopscape.learning.KrotovTrainer.Run>();\n'
             'for (int r = 0; r < 8; r++) hsRuns.add(new org.hopscape.learning.KrotovTrainer.Run(\n'
             '    org.hopscape.hopfield.DenseClassifier.gaussian(10, 784, 3, 3, 0.7 * 784, 20 + r), hsX, hsC,\n'
             '    org.hopscape.learning.KrotovTrainer.Options.paper(r < 2 ? 5 : 10_000_000)));\n'
             'List<org.hopscape.learning.KrotovTrainer.Result> hsKept = null;')
    r, _ = run(kc, setup)
    check("library stop: set-up cell runs", r["content"]["status"] == "ok", r["content"].get("evalue", ""))
    long_call = ('try { org.hopscape.learning.KrotovTrainer.trainAll(hsRuns, Runtime.getRuntime().availableProcessors(),'
                 ' org.hopscape.util.Progress.NONE); }\n'
                 'catch (org.hopscape.learning.KrotovTrainer.TrainingInterrupted e) { hsKept = e.finished(); throw e; }')
    a = send(kc, long_call)
    time.sleep(3.0)
    t0 = time.time()
    km.interrupt_kernel()
    ra = reply(kc, a, 60)
    waited = time.time() - t0
    check("library stop: the interrupted training cell fails", ra["content"]["status"] == "error",
          ra["content"].get("ename", ""))
    check("library stop: the reply comes within a second of the interrupt", waited < 1.0, f"{waited:.2f} s")
    drain_iopub(kc)
    probe = ('var hsMx = java.lang.management.ManagementFactory.getThreadMXBean();\n'
             'long hsCpu0 = java.util.Arrays.stream(hsMx.getAllThreadIds()).map(hsMx::getThreadCpuTime).filter(t -> t > 0).sum();\n'
             'Thread.sleep(1000);\n'
             'long hsCpu1 = java.util.Arrays.stream(hsMx.getAllThreadIds()).map(hsMx::getThreadCpuTime).filter(t -> t > 0).sum();\n'
             'long hsWorkers = Thread.getAllStackTraces().keySet().stream()'
             '.filter(t -> t.getName().startsWith(org.hopscape.util.Parallel.THREAD_PREFIX)).count();\n'
             'int hsKeptN = hsKept == null ? -1 : (int) hsKept.stream().filter(java.util.Objects::nonNull).count();\n'
             'hsWorkers + " " + hsKeptN + " " + (hsCpu1 - hsCpu0) / 1_000_000')
    r, io = run(kc, probe)
    res = [m["content"]["data"]["text/plain"] for m in io if m["msg_type"] == "execute_result"]
    workers, kept, cpu_ms = (res[0].strip('"').split() + ["?", "?", "?"])[:3] if res else ("?", "?", "?")
    check("library stop: no worker thread is alive afterwards", workers == "0", workers)
    check("library stop: the two short runs that finished before the interrupt are kept", kept == "2", kept)
    # an idle JVM uses a few ms of CPU a second (JIT, GC, the kernel's own threads); a leaked worker uses ~1000
    check("library stop: the kernel's threads are idle afterwards (< 300 ms CPU in the next second)",
          cpu_ms.isdigit() and int(cpu_ms) < 300, f"{cpu_ms} ms")
    drain_iopub(kc)


def plotly_mime(kc):
    drain_iopub(kc)
    r, io = run(kc, 'Figures.lines("energy", "t", "E", List.of(new Figures.Series("run", new double[] {0, 1, 2}, new double[] {3, 2, Double.NaN})))')
    res = [m["content"]["data"] for m in io if m["msg_type"] in ("execute_result", "display_data")]
    ok = r["content"]["status"] == "ok" and len(res) == 1
    data = res[0] if ok else {}
    fig = data.get("application/vnd.plotly.v1+json")
    check("plotly mime: a figure is application/vnd.plotly.v1+json", isinstance(fig, dict) and "data" in fig and "layout" in fig,
          ", ".join(sorted(data)))
    if isinstance(fig, dict):
        trace = fig["data"][0]
        check("plotly mime: data as JSON numbers, NaN as null", trace.get("y") == [3, 2, None], str(trace.get("y")))
        lay = fig["layout"]
        check("plotly mime: title in plotly's object form, autosize", lay.get("title", {}).get("text") == "energy"
              and lay.get("autosize") is True and "width" not in lay, json.dumps(lay)[:200])
    html = data.get("text/html", "")
    check("plotly mime: HTML fallback present and free of the bundle", 0 < len(html) < 20000 and "Plotly.newPlot" in html,
          f"{len(html)} chars")
    r, io = run(kc, 'Notebook.setup("check", 1)')
    res = [m["content"]["data"] for m in io if m["msg_type"] == "execute_result"]
    size = len(json.dumps(res))
    check("plotly mime: the setup cell's output is small (no plotly bundle)", res and size < 20000, f"{size} bytes")
    drain_iopub(kc)


def one_kernel():
    out = subprocess.run([str(HOME / ".venv" / "bin" / "jupyter"), "kernelspec", "list", "--json"],
                         capture_output=True, text=True, env=dict(os.environ, JUPYTER_PATH=""))
    specs = json.loads(out.stdout)["kernelspecs"]
    venv = str(HOME / ".venv")
    java = {n: s["spec"]["display_name"] for n, s in specs.items()
            if s["spec"].get("language") == "java" and s["resource_dir"].startswith(venv)}
    check("one kernel: the only Java kernel is hopscape (Java 25)", java == {"hopscape": "hopscape (Java 25)"}, str(java))


def inspect(kc):
    def doc(code, pos):
        mid = kc.inspect(code, pos)
        r = reply(kc, mid)
        c = r["content"]
        return c.get("found", False), c.get("data", {}).get("text/plain", ""), c.get("data", {}).get("text/html", "")

    cases = [("inside a class name", "Mnist.load()", 3, "MNIST"),
             ("at the end of a method name", "Mnist.load", len("Mnist.load"), "Digits.sample(int, long)"),
             ("after (", "Mnist.load(", len("Mnist.load("), "Mnist.load()"),
             ("inside the arguments", "Rng.sampleWithoutReplacement(10, )", len("Rng.sampleWithoutReplacement(10, "), "seed")]
    for what, code, pos, expect in cases:
        found, text, html = doc(code, pos)
        # a Javadoc sentence, not only a signature: more than one line
        check(f"inspect: Javadoc {what} ({code!r} @ {pos})", found and expect in text and len(text.splitlines()) > 2 and html,
              text.replace("\n", " | ")[:160])


def scratch(kc):
    """Notebooks run by hand (a kernel without the runner's HOPSCAPE_REPORTS) write under scratch/, not reports/."""
    name = f"kit-check-{os.getpid()}"
    targets = [HOME / d / "figures" / f"{name}.html" for d in ("scratch", "reports")]
    r, _ = run(kc, f'Plots.save(Figures.lines("s", "x", "y", List.of(new Figures.Series("a", new double[] {{0, 1}}, '
                   f'new double[] {{1, 0}}))), "{name}"); Settings.reports().toString()')
    made = [t.exists() for t in targets]
    for t in targets:
        t.unlink(missing_ok=True)
    check("scratch: an interactive run writes its figures to scratch/, not reports/",
          r["content"]["status"] == "ok" and made == [True, False], str(made))


def readme_example(kc):
    """The README's first example runs as printed (but its PNG line) and its 2,000 digits cover every class."""
    text = (HOME / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using the library", 1)[1].split("```java", 1)[1].split("```", 1)[0]
    code = "\n".join(l for l in block.splitlines() if "writePng" not in l)
    r, io = run(kc, code + "\nArrays.toString(digits.classCounts())")
    res = [m["content"]["data"]["text/plain"] for m in io if m["msg_type"] == "execute_result"]
    counts = json.loads(res[0].strip('"')) if res else []
    (HOME / "scratch" / "figures" / "my-pca.html").unlink(missing_ok=True)
    check("README: the first example runs; its sample holds every digit class in proportion",
          r["content"]["status"] == "ok" and len(counts) == 10 and sum(counts) == 2000 and min(counts) >= 150,
          str(counts))


def run_checks():
    os.environ.pop("HOPSCAPE_REPORTS", None)  # as in JupyterLab: only the runner sets it
    km, kc = start_new_kernel(kernel_name="hopscape", startup_timeout=120)
    try:
        stop_on_error(kc)
        interrupt(km, kc)
        library_interrupt(km, kc)
        plotly_mime(kc)
        scratch(kc)
        readme_example(kc)
        inspect(kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    one_kernel()


if __name__ == "__main__":
    t0 = time.time()
    run_checks()
    sys.exit(summary(t0))
