#!/usr/bin/env bash
# Opens the real window under Xvfb with a window manager and checks the size it ends up with.
#   src/test/resources/xvfb/window-check.sh [WM [WIDTHxHEIGHT [OUT_DIR [APP_ARGS...]]]]
#   WM: openbox (default), xfwm4 or metacity; screen 1920x1080 by default.
# Prints the window's size as the X server reports it (xwininfo), saves a screenshot of the screen to
# OUT_DIR/window-WM-WIDTHxHEIGHT.png, and exits 1 when the window is smaller than the app intends
# (its outer size min(1440, screen width - 40) x min(900, screen height - 60); 10 % is allowed for the frame).
# The app runs with a fresh preferences folder, so no remembered size interferes. Needs Xvfb, the window
# manager, x11-utils and imagemagick; build the jar first (mvn -B -q -DskipTests package).
set -euo pipefail
wm=${1:-openbox}
screen=${2:-1920x1080}
out=${3:-target/xvfb}
shift $(( $# < 3 ? $# : 3 ))
project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
jar="$project_dir/target/anil-explorer.jar"
[ -f "$jar" ] || { echo "window-check: $jar not found; build it first" >&2; exit 2; }
for tool in Xvfb "$wm" xwininfo import; do
  command -v "$tool" >/dev/null || { echo "window-check: '$tool' not installed; skipped" >&2; exit 77; }
done
mkdir -p "$out"
width=${screen%x*}
height=${screen#*x}
display=":$(( 70 + RANDOM % 200 ))"
prefs=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$prefs"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
case "$wm" in
  xfwm4) DISPLAY=$display xfwm4 --compositor=off >/dev/null 2>&1 & ;;
  *) DISPLAY=$display "$wm" >/dev/null 2>&1 & ;;
esac
pids+=($!)
sleep 1
DISPLAY=$display java -Djava.util.prefs.userRoot="$prefs" -jar "$jar" "$@" >"$out/app-$wm-$screen.log" 2>&1 &
pids+=($!)

geometry=""
for _ in $(seq 120); do
  geometry=$(xwininfo -display "$display" -name "ANIL Explorer" 2>/dev/null || true)
  [ -n "$geometry" ] && break
  sleep 0.25
done
[ -n "$geometry" ] || { echo "window-check: no window after 30 s" >&2; cat "$out/app-$wm-$screen.log" >&2; exit 1; }
sleep "${SETTLE_SECONDS:-7}"   # the window manager's first configure and the app's answer to it
geometry=$(xwininfo -display "$display" -name "ANIL Explorer")
w=$(sed -n 's/^ *Width: //p' <<<"$geometry")
h=$(sed -n 's/^ *Height: //p' <<<"$geometry")
x=$(sed -n 's/^ *Absolute upper-left X: *//p' <<<"$geometry")
y=$(sed -n 's/^ *Absolute upper-left Y: *//p' <<<"$geometry")
shot="$out/window-$wm-$screen.png"
import -display "$display" -window root "$shot"
want_w=$(( width - 40 < 1440 ? width - 40 : 1440 ))
want_h=$(( height - 60 < 900 ? height - 60 : 900 ))
echo "$wm $screen: window ${w}x${h} at $x,$y (intended at least ${want_w}x${want_h}); screenshot $shot"
if [ "$w" -lt $(( want_w * 9 / 10 )) ] || [ "$h" -lt $(( want_h * 9 / 10 )) ]; then
  echo "window-check: FAILED: the window is smaller than intended" >&2
  exit 1
fi
