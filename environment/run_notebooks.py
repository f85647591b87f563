#!/usr/bin/env python3
"""Execute hopscape notebooks headlessly with the "hopscape" kernel and write the reports.

For each notebook: executed copy reports/<name>.ipynb, offline HTML reports/<name>.html (template
environment/nbconvert/hopscape: no CDN scripts). Notebooks write reports/figures/<fig>.html and
reports/checks/<name>.csv themselves (library calls). Afterwards, optionally, every figure page becomes a PNG
(headless Chromium), and reports/reproduction.md collects every notebook's claim/expected/measured/pass rows.
Exit status 1 if any cell fails, any claim fails, or a notebook produced no reproduction check.
"""
import argparse
import csv
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HOME = Path(__file__).resolve().parent.parent
KERNEL = "hopscape"


def log(msg):
    print(f"[kit] {msg}", file=sys.stderr, flush=True)


def atomic_write(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("." + path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def execute(nb_path: Path, reports: Path, cell_timeout: int):
    """Run one notebook; returns (ok, message, seconds). Writes the executed notebook even on failure."""
    nb = nbformat.read(nb_path, as_version=4)
    client = NotebookClient(nb, timeout=cell_timeout, kernel_name=KERNEL, startup_timeout=120,
                            resources={"metadata": {"path": str(nb_path.parent)}})
    t0 = time.time()
    ok, message = True, "ok"
    try:
        client.execute()
    except CellExecutionError as e:
        ok, message = False, first_line(str(e))
    except CellTimeoutError as e:
        ok, message = False, f"cell timed out after {cell_timeout} s: {first_line(str(e))}"
    except DeadKernelError as e:
        ok, message = False, f"kernel died: {first_line(str(e))}"
    except Exception as e:  # kernel failed to start, lost connection, ...
        ok, message = False, f"{type(e).__name__}: {first_line(str(e))}"
    seconds = time.time() - t0
    out = reports / nb_path.name
    atomic_write(out, nbformat.writes(nb).encode("utf-8"))
    try:
        export_html(nb, reports / (nb_path.stem + ".html"), report_title(nb, nb_path.stem))
    except Exception as e:
        ok, message = False, f"HTML export: {first_line(str(e))}"
    return ok, message, seconds


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def first_line(text):
    # the Java exception line ("java.lang.IllegalStateException: 2 claim(s) failed …") says most
    text = ANSI.sub("", text)
    for line in text.splitlines():
        line = line.strip()
        if re.match(r"^[\w.$]+(Exception|Error): ", line) or re.search(r"\b\w+(Exception|Error), ", line):
            return line[:400]
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("java.") or "Exception" in line or "Error" in line:
            return line[:400]
    return text.strip().splitlines()[-1][:400] if text.strip() else "error"


# what would make a page load something from the network (plotly.min.js itself contains ~90 harmless
# "http" strings, so grep for loaders, not for the word; foundation-notes §8)
NETWORK_REFS = [re.compile(p, re.I) for p in (r"<script[^>]*\ssrc\s*=\s*[\"']?(https?:)?//",
                                              r"<link[^>]*\shref\s*=\s*[\"']?(https?:)?//",
                                              r"import\(\s*[\"']https?:", r"url\(\s*[\"']?https?:")]


def network_refs(html: str):
    return [m.group(0)[:120] for p in NETWORK_REFS for m in [p.search(html)] if m]


def report_title(nb, stem):
    """The page title of a report: the notebook's name and its first heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return f"{stem}: {m.group(1).strip()}"
    return stem


def export_html(nb, out: Path, title: str):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="hopscape",
                            extra_template_basedirs=[str(HOME / "environment" / "nbconvert")])
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    refs = network_refs(body)
    if refs:
        raise RuntimeError(f"{out.name} would load from the network: {refs}")
    atomic_write(out, body.encode("utf-8"))


def make_pngs(reports: Path):
    """One PNG per figure page, by the library's own screenshot code (hopscape png, headless Chromium)."""
    figures = sorted((reports / "figures").glob("*.html"))
    if not figures:
        return 0, 0
    if not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")):
        log("ERROR: chromium not found, so no PNG figures. Run: environment/bootstrap.sh --with-chromium "
            "(as root; otherwise: sudo apt-get install -y chromium)")
        return 0, len(figures)
    java = Path(os.environ.get("JAVA_HOME", "")) / "bin" / "java"
    cmd = [str(java) if java.is_file() else "java", "--enable-native-access=ALL-UNNAMED",
           "--sun-misc-unsafe-memory-access=allow", "-cp", f"{HOME / 'target' / 'hopscape.jar'}:{HOME / 'target' / 'lib'}/*",
           "org.hopscape.cli.Main", "png"] + [str(f) for f in figures]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=3600)
    for line in done.stderr.splitlines():
        log(f"png: {line}")
    made = sum(1 for f in figures  # a PNG from an earlier run does not count
               if f.with_suffix(".png").exists() and f.with_suffix(".png").stat().st_mtime >= f.stat().st_mtime)
    return made, len(figures)


def read_checks(csv_path: Path):
    lines = [l for l in csv_path.read_text(encoding="utf-8").splitlines() if not l.startswith("# ")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def write_summary(reports: Path, runs, tier):
    rows_md, all_pass = [], True
    for name, ok, message, seconds in runs:
        check = reports / "checks" / f"{name}.csv"
        if not check.exists():
            all_pass = False
            rows_md.append(f"| {name} | (no reproduction check: {message}) | | | | FAIL |")
            continue
        for r in read_checks(check):
            verdict = r.get("pass", "").strip()
            all_pass &= verdict != "FAIL" and verdict != ""
            cells = [name, r.get("claim", ""), r.get("source", ""), r.get("expected", ""), r.get("measured", ""), verdict]
            rows_md.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    head = [f"# Reproduction summary ({tier} setting)", "",
            f"Generated {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} by `environment/kit`.",
            "", "| notebook | status | time (s) |", "| --- | --- | --- |"]
    for name, ok, message, seconds in runs:
        head.append(f"| {name} | {'ok' if ok else 'FAILED: ' + message.replace('|', '/')} | {seconds:.0f} |")
    head += ["", "| notebook | claim | source | expected | measured | pass |", "| --- | --- | --- | --- | --- | --- |"]
    atomic_write(reports / "reproduction.md", ("\n".join(head + rows_md) + "\n").encode("utf-8"))
    return all_pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/*.ipynb)")
    ap.add_argument("--full", action="store_true", help="the paper-scale setting (default: quick)")
    ap.add_argument("--png", action="store_true", help="turn every figure page into a PNG (headless Chromium)")
    ap.add_argument("--reports", default=str(HOME / "reports"))
    ap.add_argument("--cell-timeout", type=int, default=None, help="seconds per cell (default 900 quick, 7200 full)")
    args = ap.parse_args()

    reports = Path(args.reports).resolve()
    notebooks = [Path(p).resolve() for p in args.notebooks] or sorted((HOME / "notebooks").glob("*.ipynb"))
    if not notebooks:
        log("no notebooks found")
        return 1
    tier = "full" if args.full else "quick"
    timeout = args.cell_timeout or (7200 if args.full else 900)
    os.environ["HOPSCAPE_HOME"] = str(HOME)
    os.environ["HOPSCAPE_REPORTS"] = str(reports)
    os.environ["HOPSCAPE_FULL"] = "1" if args.full else "0"
    (reports / "checks").mkdir(parents=True, exist_ok=True)
    (reports / "figures").mkdir(parents=True, exist_ok=True)

    runs = []
    for nb in notebooks:
        stale = reports / "checks" / f"{nb.stem}.csv"
        stale.unlink(missing_ok=True)  # a check from an earlier run must not count for this one
        log(f"{nb.stem}: executing ({tier})")
        ok, message, seconds = execute(nb, reports, timeout)
        log(f"{nb.stem}: {'ok' if ok else 'FAILED: ' + message} ({seconds:.0f} s) -> {reports / (nb.stem + '.html')}")
        runs.append((nb.stem, ok, message, seconds))

    png_ok = True
    if args.png:
        made, total = make_pngs(reports)
        log(f"figures: {made}/{total} PNG written to {reports / 'figures'}")
        png_ok = made == total
    all_pass = write_summary(reports, runs, tier)
    log(f"summary: {reports / 'reproduction.md'}")
    failed = [r[0] for r in runs if not r[1]]
    if failed:
        log(f"FAILED notebooks: {', '.join(failed)}")
    if not all_pass:
        log("some reproduction claims failed or are missing (see reproduction.md)")
    return 0 if (not failed and all_pass and png_ok) else 1


if __name__ == "__main__":
    sys.exit(main())
