#!/usr/bin/env bash
# Install the Debian packages Briefing needs (venv support, the libraries Qt's
# xcb/offscreen platforms load, pdftotext for the corpus test) when they are
# missing. Does nothing elsewhere.
set -euo pipefail

command -v dpkg-query >/dev/null 2>&1 || exit 0

packages=(
  python3-venv
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxcb-xinerama0
  poppler-utils  # pdftotext: the reference text of the corpus test (tests/test_undocs_corpus.py)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Missing Debian packages: ${missing[*]}; install them as root." >&2
    exit 1
  fi
fi
echo "Installing Debian packages: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
