#!/usr/bin/env bash
# Briefing's developer entry point. On a fresh Debian 12 with Python 3.11:
#   ./dev.sh run    set up, then launch the app on the bundled corpus
#   ./dev.sh test   set up, then run the whole test suite (what CI runs)
# Also: ./dev.sh setup | lint | bench | bundle
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
VENV=${VENV:-.venv}
PY="$VENV/bin/python"
STAMP="$VENV/.installed"

setup() {
  if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ] || [ scripts/bootstrap-debian.sh -nt "$STAMP" ]; then
    bash scripts/bootstrap-debian.sh
    "$PYTHON" -m venv "$VENV"
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet -e '.[test]'
    touch "$STAMP"
  fi
}

lint() {
  "$VENV/bin/ruff" check briefing_app tests benchmarks
  "$VENV/bin/lint-imports" --no-cache >/dev/null && echo "import contracts kept"
  "$VENV/bin/mypy"  # briefing_app/core, configured in pyproject.toml
}

cmd=${1:-run}
shift || true
case "$cmd" in
  setup) setup ;;
  run) setup; exec "$PY" -m briefing_app "$@" ;;
  test)
    setup
    lint
    QT_QPA_PLATFORM=offscreen "$PY" -m pytest "$@"
    ;;
  lint) setup; lint ;;
  bench) setup; for b in benchmarks/bench_*.py; do "$PY" "$b" "$@"; done ;;
  bundle) setup; bash packaging/build.sh ;;
  *) echo "usage: ./dev.sh run|test|setup|lint|bench|bundle" >&2; exit 2 ;;
esac
