#!/usr/bin/env sh
# Add Briefing to the desktop menu of the current user (no root needed).
# Run it from the unpacked bundle folder:  ./install-desktop.sh
# It writes ~/.local/share/applications/briefing.desktop pointing at this
# folder's `briefing`, and the icon into the hicolor theme. Remove both files
# (and the folder) to uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
icon="$here/_internal/resources/icons/briefing.png"
if [ -f "$icon" ]; then
  cp "$icon" "$icons/briefing.png"
else
  echo "install-desktop: no icon in this bundle; the menu entry uses a generic one" >&2
fi
sed -e "s|^Exec=briefing|Exec=\"$here/briefing\"|" -e "s|^TryExec=briefing|TryExec=$here/briefing|" \
  "$here/briefing.desktop" > "$apps/briefing.desktop"
chmod 644 "$apps/briefing.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "installed: $apps/briefing.desktop -> $here/briefing"
