"""Shared bits of the scripted checks: one result line per check, a closing "N passed, N failed" line."""
import time

RESULTS = []


def check(name, ok, detail=""):
    RESULTS.append((name, bool(ok)))
    print(f"[check] {'ok  ' if ok else 'FAIL'} {name}{': ' + str(detail) if detail != '' else ''}", flush=True)
    return bool(ok)


def summary(t0):
    passed = sum(ok for _, ok in RESULTS)
    print(f"[check] {len(RESULTS)} checks in {time.time() - t0:.0f} s")
    print(f"{passed} passed, {len(RESULTS) - passed} failed", flush=True)
    return 0 if passed == len(RESULTS) else 1


def browser():
    """The headless Chromium the checks drive (the bootstrap installs it), or None."""
    import shutil
    for b in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(b):
            return shutil.which(b)
    return None


def dump_dom(page, profile, width, height, budget_ms, timeout):
    """Chromium headless on a local page (a pathlib.Path) at width × height: the DOM after budget_ms of virtual time."""
    import subprocess
    return subprocess.run([browser(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", "--disable-background-networking", "--disable-component-update",
                           f"--user-data-dir={profile}", f"--window-size={width},{height}",
                           f"--virtual-time-budget={budget_ms}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=timeout)
