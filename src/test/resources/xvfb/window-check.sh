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
source "$(dirname "${BASH_SOURCE[0]}")/session.sh"
xvfb_session window-check "$wm" "$screen"
mkdir -p "$out"
DISPLAY=$display java -Djava.util.prefs.userRoot="$prefs" -jar "$jar" "$@" >"$out/app-$wm-$screen.log" 2>&1 &
session_pids+=($!)
wait_for_window || { echo "window-check: no window after ${WINDOW_WAIT_SECONDS:-90} s" >&2; cat "$out/app-$wm-$screen.log" >&2; exit 1; }
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
