#!/usr/bin/env python3
"""Every scripted check of the Jupyter side (issue 16), as `environment/kit test` runs them after the notebooks:
kernel protocol (jupyter_client), the executed notebooks and their HTML reports (Chromium), the figure lint (every
figure drawn in Chromium: overlapping or clipped text, raw markup, Java lists, long floats, empty subplots, scrolling
legends, widths; issue 13), JupyterLab (headless).
Prints one line per check and "N passed, N failed"; exit status 1 on any failure.

Usage: run_all.py --reports DIR   (DIR: where run_notebooks.py wrote the executed notebooks and reports)
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import figure_lint  # noqa: E402
import kernel_protocol  # noqa: E402
import lab_check  # noqa: E402
import report_check  # noqa: E402
from common import summary  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", required=True)
    a = ap.parse_args()
    reports = Path(a.reports).resolve()
    t0 = time.time()
    for name, run in (("kernel protocol", kernel_protocol.run_checks),
                      ("notebooks and reports", lambda: report_check.run_checks(reports)),
                      ("figure lint (issue 13)", lambda: figure_lint.run_checks(reports)),
                      ("JupyterLab", lambda: lab_check.run_checks(reports))):
        t = time.time()
        print(f"[check] --- {name}", flush=True)
        run()
        print(f"[check] --- {name}: {time.time() - t:.0f} s", flush=True)
    return summary(t0)


if __name__ == "__main__":
    sys.exit(main())
