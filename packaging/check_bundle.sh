#!/usr/bin/env bash
# Check a built bundle: packaging/check_bundle.sh BUNDLE_DIR [PYINSTALLER_LOG]
# Exit 1, listing each problem, when a library the bundle needs is missing:
#   - "Library not found" warnings in PyInstaller's log (it warns, then ships a
#     bundle that breaks on machines without the library, e.g. the xcb platform
#     plugin without libxcb-icccm4 / libxcb-keysyms1 on the build machine);
#   - `ldd` of every shared object in the bundle, resolved with the bundle's
#     own folder first, as its bootloader resolves them.
# Tolerated: libraries the desktop session provides and PyInstaller never
# bundles on purpose: libwayland-* (used only under Wayland, where they exist)
# and GTK 3 (only for the GTK theme plugin, on GTK desktops). Without them Qt
# falls back to xcb and to its own style.
set -euo pipefail

BUNDLE=${1:?usage: check_bundle.sh BUNDLE_DIR [PYINSTALLER_LOG]}
LOG=${2:-}
OPTIONAL='^lib(wayland-[a-z]+|gtk-3|gdk-3)\.so'
internal=$BUNDLE/_internal
problems=()

if [ -n "$LOG" ]; then
  while IFS= read -r line; do
    lib=$(sed -n "s/.*could not resolve '\([^']*\)'.*/\1/p" <<<"$line")
    [ -n "$lib" ] || continue
    if [[ $lib =~ $OPTIONAL ]]; then
      echo "check_bundle: note: $lib is not on this machine (the desktop provides it)" >&2
    else
      problems+=("PyInstaller: $lib not found (needed by ${line##*dependency of })")
    fi
  done < <(grep "Library not found" "$LOG" || true)
fi

for plugin in platforms/libqxcb.so platforms/libqoffscreen.so; do
  [ -f "$internal/PySide6/Qt/plugins/$plugin" ] || problems+=("not bundled: Qt plugin $plugin")
done
[ -f "$internal/corpus/corpus.toml" ] || problems+=("not bundled: corpus/corpus.toml")

while IFS= read -r -d '' so; do
  while IFS= read -r lib; do
    [[ $lib =~ $OPTIONAL ]] && continue
    problems+=("ldd: ${so#"$internal"/} needs $lib: not found")
  done < <(LD_LIBRARY_PATH=$internal ldd "$so" 2>/dev/null | awk '/not found/ {print $1}' | sort -u)
done < <(find "$internal" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)

if [ ${#problems[@]} -gt 0 ]; then
  printf '  %s\n' "${problems[@]}" | sort -u >&2
  echo "On Debian/Ubuntu, install what provides them (scripts/bootstrap-debian.sh, or" \
    "apt-get install libxcb-icccm4 libxcb-keysyms1 ...), then rebuild." >&2
  echo "check_bundle: FAILED: ${#problems[@]} missing librar(y/ies) or file(s)" >&2
  exit 1
fi

if [ -x "$BUNDLE/briefing" ]; then
  "$BUNDLE/briefing" --version >/dev/null || { echo "check_bundle: FAILED: briefing does not start" >&2; exit 1; }
fi
echo "check_bundle: OK: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
