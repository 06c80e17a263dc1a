#!/usr/bin/env bash
# Build the one-folder bundle (dist/briefing/) with PyInstaller, then check it.
#
#   packaging/build.sh [--dist DIR] [--work DIR] [--clean]
#
# The build FAILS when a library the bundle should carry is missing on the
# build machine. PyInstaller only warns ("Library not found") and then ships a
# bundle that breaks on machines without that library: on Debian the xcb
# platform plugin needs libxcb-icccm4, libxcb-keysyms1, libxcb-cursor0, ...
# (scripts/bootstrap-debian.sh installs them). packaging/check_bundle.sh does
# the checking (PyInstaller's log, and `ldd` of every shared object).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$ROOT/.venv/bin/python}
DIST=$ROOT/dist
WORK=$ROOT/build/pyinstaller
CLEAN=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --clean) CLEAN=(--clean); shift ;;
    *) echo "usage: packaging/build.sh [--dist DIR] [--work DIR] [--clean]" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIST" "$WORK"
DIST=$(cd "$DIST" && pwd)
WORK=$(cd "$WORK" && pwd)
BUNDLE=$DIST/briefing
LOG=$WORK/build.log

fail() { echo "build.sh: FAILED: $*" >&2; exit 1; }

# 1. PyInstaller, from the `bundle` extra of pyproject.toml.
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: installing PyInstaller (pip install -e '.[bundle]')" >&2
  "$PY" -m pip install --quiet -e "$ROOT[bundle]" || fail "could not install PyInstaller"
fi

# 2. The icon is made by the window's work; until it exists the bundle has none.
[ -f "$ROOT/resources/icons/briefing.png" ] ||
  echo "build.sh: warning: resources/icons/briefing.png is missing; building without an icon" >&2

# 3. Build.
start=$(date +%s)
echo "build.sh: building into $BUNDLE (log: $LOG)" >&2
if ! "$PY" -m PyInstaller --noconfirm "${CLEAN[@]}" --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/briefing.spec" >"$LOG" 2>&1; then
  tail -n 30 "$LOG" >&2
  fail "PyInstaller stopped with an error"
fi
cp "$ROOT/packaging/briefing.desktop" "$ROOT/packaging/install-desktop.sh" "$BUNDLE/"
echo "build.sh: PyInstaller took $(($(date +%s) - start)) s" >&2

# 4. Check it: no missing library, the data files present, it starts.
bash "$ROOT/packaging/check_bundle.sh" "$BUNDLE" "$LOG"
