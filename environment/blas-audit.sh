#!/usr/bin/env bash
# One-off audit (issue 14): does any test or notebook claim depend on the rounding of one BLAS kernel?
#
#   environment/blas-audit.sh [--notebooks[=LABEL,...]] [--no-default] [--perturb=SEED,...] [KERNEL ...]
#
# Runs `mvn verify` once with OpenBLAS's own kernel choice (label "default") and once per KERNEL forced through
# OPENBLAS_CORETYPE (default list: Haswell Sandybridge Nehalem Prescott), and once per SEED with every product
# entry of util.Blas moved by ±1 ulp (HOPSCAPE_BLAS_PERTURB=SEED, label "perturb-SEED": a stand-in for CPUs this
# machine cannot emulate, e.g. AVX-512); with --notebooks also every notebook in the quick setting (for all runs,
# or only for the labels listed). Each run writes target/blas-audit/<label>/
# (replacing an earlier run of that label, keeping the others, so runs can be added one at a time), then
# target/blas-audit/summary.md covers every run there: the kernel each run really used (`hopscape blas`), the tests
# that failed under some kernel, and every reproduction-check value that differs between kernels.
# A kernel this CPU cannot execute (e.g. SkylakeX without AVX-512: SIGILL) is detected by a probe and skipped.
# On an x86 DYNAMIC_ARCH OpenBLAS, Haswell, Zen and SkylakeX use FMA GEMM kernels; Sandybridge, Nehalem, Prescott
# and older use kernels without FMA, so their products round differently — enough to expose any test that holds
# for one rounding path only.
#
# This is a manual tool: the kit, its tests and CI never set OPENBLAS_CORETYPE (README, "Where it has run").
set -euo pipefail
HOME_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$HOME_DIR"

notebooks=""        # "" none, "*" all, else ",label,label,"
with_default=1
kernels=()
seeds=()
for a in "$@"; do
  case "$a" in
    --notebooks) notebooks="*" ;;
    --notebooks=*) notebooks=",${a#--notebooks=}," ;;
    --no-default) with_default=0 ;;
    --perturb=*) IFS=, read -r -a seeds <<< "${a#--perturb=}" ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $a" >&2; exit 2 ;;
    *) kernels+=("$a") ;;
  esac
done
[ ${#kernels[@]} -gt 0 ] || kernels=(Haswell Sandybridge Nehalem Prescott)

environment/bootstrap.sh
source .cache/env.sh
OUT="$HOME_DIR/target/blas-audit"
mkdir -p "$OUT"
# compile once, unforced; every run below then only tests
mvn -q -B -Dstyle.color=never test-compile

JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:ErrorFile="$OUT/hs_err_%p.log"
      -cp "target/classes:target/lib/*" org.hopscape.cli.Main blas)

run_one() { # $1 = label, $2 = OPENBLAS_CORETYPE value ("" = OpenBLAS's own choice), $3 = perturbation seed or ""
  local label=$1 core=$2 seed=${3:-} dir="$OUT/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  local env=(env -u OPENBLAS_CORETYPE -u HOPSCAPE_BLAS_PERTURB)
  [ -n "$core" ] && env+=(OPENBLAS_CORETYPE="$core")
  [ -n "$seed" ] && env+=(HOPSCAPE_BLAS_PERTURB="$seed")
  if ! "${env[@]}" "${JAVA[@]}" > "$dir/probe.txt" 2>&1; then
    echo "[audit] $label: this CPU cannot run the kernel (probe failed), skipped" >&2
    echo "skipped" > "$dir/status"
    return
  fi
  [ -n "$seed" ] && echo "product entries moved by ±1 ulp, HOPSCAPE_BLAS_PERTURB=$seed" >> "$dir/probe.txt"
  echo "[audit] $label: $(head -1 "$dir/probe.txt")" >&2
  local t0=$SECONDS rc=0
  "${env[@]}" mvn -B -Dstyle.color=never verify > "$dir/mvn.log" 2>&1 || rc=$?
  cp -r target/surefire-reports "$dir/surefire" 2>/dev/null || true
  rm -f hs_err_pid*.log
  echo "mvn verify rc=$rc $((SECONDS - t0)) s" > "$dir/status"
  echo "[audit] $label: mvn verify rc=$rc in $((SECONDS - t0)) s" >&2
  if [ "$notebooks" = "*" ] || [[ "$notebooks" == *",$label,"* ]]; then
    t0=$SECONDS rc=0
    "${env[@]}" .venv/bin/python environment/run_notebooks.py --reports "$dir/notebooks" > "$dir/notebooks.log" 2>&1 || rc=$?
    echo "notebooks rc=$rc $((SECONDS - t0)) s" >> "$dir/status"
    echo "[audit] $label: notebooks rc=$rc in $((SECONDS - t0)) s" >&2
  fi
}

[ "$with_default" = 1 ] && run_one default ""
for k in "${kernels[@]}"; do run_one "$k" "$k"; done
for s in "${seeds[@]}"; do run_one "perturb-$s" "" "$s"; done

.venv/bin/python - "$OUT" <<'PY'
import csv, io, sys, xml.etree.ElementTree as ET
from pathlib import Path

out = Path(sys.argv[1])
runs = [d for d in sorted(out.iterdir(), key=lambda p: (p.name != "default", p.name)) if d.is_dir()]

def status(d):
    return (d / "status").read_text().strip().replace("\n", "; ") if (d / "status").exists() else "?"

def probe(d):
    p = d / "probe.txt"
    return p.read_text().strip().replace("\n", "; ") if p.exists() else ""

def failures(d):
    bad = {}
    for f in sorted((d / "surefire").glob("TEST-*.xml")):
        for case in ET.parse(f).getroot().iter("testcase"):
            for kind in ("failure", "error"):
                e = case.find(kind)
                if e is not None:
                    msg = (e.get("message") or "").strip().splitlines()
                    bad[f"{case.get('classname')}.{case.get('name')}"] = msg[0][:300] if msg else kind
    return bad

def checks(d):
    rows = {}
    for f in sorted((d / "notebooks" / "checks").glob("*.csv")):
        text = "\n".join(l for l in f.read_text(encoding="utf-8").splitlines() if not l.startswith("# "))
        for i, r in enumerate(csv.DictReader(io.StringIO(text))):
            rows[(f.stem, i, r.get("claim", ""))] = (r.get("measured", ""), r.get("pass", ""))
    return rows

ran = [d for d in runs if status(d) != "skipped"]
lines = ["# BLAS kernel audit", "", "| run | kernel used | status |", "| --- | --- | --- |"]
lines += [f"| {d.name} | {probe(d) or '—'} | {status(d)} |" for d in runs]
fails = {d.name: failures(d) for d in ran}
tests = sorted({t for f in fails.values() for t in f})
lines += ["", "## Tests that failed under some kernel", ""]
if not tests:
    lines.append("none")
for t in tests:
    lines.append(f"* `{t}`: " + "; ".join(f"{k}: {'FAIL — ' + f[t] if t in f else 'pass'}" for k, f in fails.items()))
nb = {d.name: checks(d) for d in ran if (d / "notebooks" / "checks").exists()}
if nb:
    keys = sorted({k for c in nb.values() for k in c})
    lines += ["", "## Reproduction-check values that differ between kernels", ""]
    n = 0
    for k in keys:
        vals = {name: c.get(k, ("missing", "")) for name, c in nb.items()}
        if len(set(vals.values())) > 1:
            n += 1
            lines.append(f"* {k[0]} claim {k[1] + 1} ({k[2][:100]}): "
                         + "; ".join(f"{name}: {v[0]} [{v[1]}]" for name, v in vals.items()))
    lines.append(f"\n{n} of {len(keys)} claims differ in their measured value or verdict.")
(out / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
print("\n".join(lines))
PY
