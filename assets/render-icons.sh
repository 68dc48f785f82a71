#!/usr/bin/env bash
# Renders the application icon to PNG at every size the installers and the window use.
# icon-small.svg (a simplified drawing) is used up to 32 px, icon.svg above; the window-icon
# copies go to the app's resources so the app can load them from the class path.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"

for size in 16 24 32 48 64 128 256 512; do
  source_svg=icon.svg
  if [ "$size" -le 32 ]; then source_svg=icon-small.svg; fi
  rsvg-convert --width "$size" --height "$size" --output "icon-$size.png" "$source_svg"
done

window_icons=../src/main/resources/org/anilexplorer/app
mkdir -p "$window_icons"
for size in 16 32 48 64 256; do
  cp "icon-$size.png" "$window_icons/icon-$size.png"
done
ls -l icon-*.png
