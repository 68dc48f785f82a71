#!/usr/bin/env bash
# Renders the application icon for every place it is used:
#   icon-<size>.png  16-512 px: Linux package (hicolor theme) and jpackage --icon on Linux;
#                    icon-small.svg, a simplified drawing, is used up to 32 px, icon.svg above;
#   icon.ico         Windows (.msi/.exe), 16-256 px in one file;
#   icon.icns        macOS (.dmg/.pkg), 16-512 px in one file;
#   ../src/main/resources/org/anilexplorer/app/icon-<size>.png  window icons, loaded from the class path.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert:librsvg2-bin convert:imagemagick png2icns:icnsutils; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || { echo "needs ${tool%%:*} (apt-get install ${tool##*:})" >&2; exit 1; }
done

for size in 16 24 32 48 64 128 256 512; do
  source_svg=icon.svg
  if [ "$size" -le 32 ]; then source_svg=icon-small.svg; fi
  rsvg-convert --width "$size" --height "$size" --output "icon-$size.png" "$source_svg"
done

convert icon-16.png icon-24.png icon-32.png icon-48.png icon-64.png icon-128.png icon-256.png icon.ico
png2icns icon.icns icon-16.png icon-32.png icon-48.png icon-128.png icon-256.png icon-512.png >/dev/null

window_icons=../src/main/resources/org/anilexplorer/app
mkdir -p "$window_icons"
for size in 16 32 48 64 256; do
  cp "icon-$size.png" "$window_icons/icon-$size.png"
done
ls -l icon-*.png icon.ico icon.icns
