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
