#!/usr/bin/env python3
"""The executed notebooks and their offline HTML reports as a reader gets them (issue 16, items 3, 4, 8).

  notebooks   every figure output is application/vnd.plotly.v1+json; no output carries the plotly bundle
  reports     plotly.js inlined once, the page title names the notebook; in headless Chromium, no network (the tour
              and the panel-grid notebook, to keep CI short): every figure is drawn (plotly's SVG with its data
              marks: points, lines, heat-map images, contours — so typed arrays were decoded), no
              script error, at a wide and a narrow window every figure fits the report column and keeps its height
  PNG         a figure page becomes a PNG through the kit's own screenshot code (what `kit reproduce` does)

Usage: report_check.py --reports DIR [notebook stems...]   (default: every report in DIR)
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import browser, check, dump_dom, summary

HOME = Path(__file__).resolve().parent.parent.parent
PLOTLY = "application/vnd.plotly.v1+json"
BUNDLE_MARK = re.compile(r"plotly\.js v\d+\.\d+\.\d+")

# installed first in <head>: records script errors; after load, measures the figures and writes the result into
# the DOM, which --dump-dom prints
PROBE_HEAD = "<script>window.__hsErrors=[];window.addEventListener('error',function(e){window.__hsErrors.push(String(e.message))});</script>"
PROBE_BODY = """<script>window.addEventListener('load',function(){setTimeout(function(){
var figs=[].slice.call(document.querySelectorAll('.hopscape-figure')),W=window.innerWidth,r=[];
figs.forEach(function(f){var b=f.getBoundingClientRect(),p=f.parentElement.getBoundingClientRect(),
 s=f.querySelector('.main-svg'),k=f.querySelectorAll('.point,.js-line,image,.contourlevel,.js-fill,.bars path').length;
 r.push({drawn:!!s&&k>0,marks:k,left:Math.round(b.left),right:Math.round(b.right),
 parent:Math.round(p.right),height:Math.round(b.height),svg:s?Math.round(s.getBoundingClientRect().width):0});});
document.body.setAttribute('data-hs-check',JSON.stringify({title:document.title,width:W,errors:window.__hsErrors,figures:r}));
},1500);});</script>"""


def measure(html: Path, width: int, work: Path):
    page = work / f"{html.stem}-{width}.html"
    text = html.read_text(encoding="utf-8")
    text = text.replace("<head>", "<head>" + PROBE_HEAD, 1)
    i = text.rfind("</body>")
    page.write_text(text[:i] + PROBE_BODY + text[i:], encoding="utf-8")
    out = dump_dom(page, work / 'profile', width, 900, 20000, 180)
    m = re.search(r'data-hs-check="([^"]*)"', out.stdout)
    if not m:
        return None
    import html as h
    return json.loads(h.unescape(m.group(1)))


def check_notebook(nb_path: Path):
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    figures, fallback, bundles, html_figures = 0, 0, 0, 0
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            html = data.get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if PLOTLY in data:
                figures += 1
                fallback += "text/html" in data
            elif "Plotly.newPlot" in html:
                html_figures += 1
            bundles += bool(BUNDLE_MARK.search(html))
    size = nb_path.stat().st_size
    check(f"{nb_path.stem}: figures as {PLOTLY} ({figures}, each with an HTML fallback), none as script-only HTML",
          figures > 0 and fallback == figures and html_figures == 0, f"{figures} plotly, {html_figures} HTML-only")
    check(f"{nb_path.stem}: no output carries the plotly bundle ({size / 1e6:.2f} MB notebook)", bundles == 0, f"{bundles} bundles")
    return figures


def check_report(html: Path, figures: int, work: Path, render: bool):
    text = html.read_text(encoding="utf-8")
    check(f"{html.stem}.html: plotly.js inlined once", len(BUNDLE_MARK.findall(text)) == 1,
          f"{len(BUNDLE_MARK.findall(text))} copies, {len(text) / 1e6:.1f} MB")
    m = re.search(r"<title>([^<]*)</title>", text)
    title = m.group(1) if m else ""
    check(f"{html.stem}.html: page title names the notebook", title.startswith(html.stem + ":"), title)
    if not render:
        return
    t0 = time.time()
    wide = measure(html, 1280, work)
    narrow = measure(html, 700, work)
    if wide is None or narrow is None:
        check(f"{html.stem}.html: opens in Chromium", False, "no probe result")
        return
    print(f"[check] {html.stem}.html rendered at 1280 and 700 px in {time.time() - t0:.0f} s", flush=True)
    check(f"{html.stem}.html: no script error", not wide["errors"] and not narrow["errors"], (wide["errors"] + narrow["errors"])[:2])
    drawn = sum(f["drawn"] for f in wide["figures"])
    check(f"{html.stem}.html: every figure drawn ({drawn}/{figures})", drawn == figures == len(wide["figures"]),
          f"{len(wide['figures'])} figure divs")
    for m, w in ((wide, 1280), (narrow, 700)):
        over = [f for f in m["figures"] if f["right"] > m["width"] + 1 or f["svg"] > f["right"] - f["left"] + 1]
        check(f"{html.stem}.html: figures fit a {w} px window", not over, f"{len(over)} overflow: {over[:1]}")
    shrunk = [(a["svg"], b["svg"]) for a, b in zip(wide["figures"], narrow["figures"]) if a["drawn"] and b["drawn"]]
    check(f"{html.stem}.html: figures follow the column width, heights kept",
          shrunk and all(n < w for w, n in shrunk if w > 700)
          and all(a["height"] == b["height"] for a, b in zip(wide["figures"], narrow["figures"])),
          f"wide/narrow svg widths {shrunk[:3]}")


def java():
    """The kit's JDK: JAVA_HOME, else the one the bootstrap found (.cache/env.sh)."""
    home = os.environ.get("JAVA_HOME", "")
    if not home:
        env = HOME / ".cache" / "env.sh"
        m = re.search(r'^export JAVA_HOME="([^"]+)"', env.read_text(), re.M) if env.exists() else None
        home = m.group(1) if m else ""
    j = Path(home) / "bin" / "java"
    return str(j) if j.is_file() else "java"


def check_png(reports: Path, work: Path):
    pages = sorted((reports / "figures").glob("*.html"))
    if not pages:
        check("PNG: a figure page to screenshot", False, f"none in {reports / 'figures'}")
        return
    page = min(pages, key=lambda p: p.stat().st_size)
    png = work / (page.stem + ".png")
    cmd = [java(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
           "-cp", f"{HOME / 'target' / 'hopscape.jar'}:{HOME / 'target' / 'lib'}/*", "org.hopscape.cli.Main", "png", str(page)]
    copy = work / page.name
    shutil.copy(page, copy)
    subprocess.run(cmd[:-1] + [str(copy)], capture_output=True, text=True, timeout=180)
    made = copy.with_suffix(".png")
    size = made.stat().st_size if made.exists() else 0
    # a blank 700×450 page compresses to a few KB; a drawn plot with axes and labels is far larger
    check(f"PNG: {page.name} screenshot with the figure drawn", size > 12000, f"{size} bytes")


# rendered in Chromium (the others get the static checks): the tour, and the notebook of panel grids
RENDERED = ("00-tour", "06-morse-smale")


def run_checks(reports: Path, stems=None):
    if not browser():
        check("Chromium installed (environment/bootstrap.sh --with-chromium)", False)
        return
    notebooks = sorted(reports.glob("*.ipynb"))
    if stems:
        notebooks = [n for n in notebooks if n.stem in stems]
    with tempfile.TemporaryDirectory(prefix="hs-report-check-") as tmp:
        work = Path(tmp)
        for nb in notebooks:
            figures = check_notebook(nb)
            html = nb.with_suffix(".html")
            if html.exists():
                check_report(html, figures, work, render=nb.stem in RENDERED or len(notebooks) == 1)
            else:
                check(f"{nb.stem}.html exists", False)
        check_png(reports, work)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", required=True)
    ap.add_argument("stems", nargs="*")
    a = ap.parse_args()
    t0 = time.time()
    run_checks(Path(a.reports), a.stems)
    sys.exit(summary(t0))
