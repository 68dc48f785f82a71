#!/usr/bin/env bash
# Checks under Xvfb with a window manager that the window's placement survives dialogs and restarts:
#   1. first start, Ctrl+Q: the placement is remembered;
#   2. the remembered placement is marked maximised; the second start opens maximised;
#   3. Ctrl+E opens the Export dialog, Ctrl+S the native Save dialog; after Escape the window is still maximised.
#   src/test/resources/xvfb/dialog-check.sh [WM [WIDTHxHEIGHT [OUT_DIR]]]
# Needs what window-check.sh needs; keys are sent with java's AWT Robot (SendKeys.java). Exit 0 when all hold.
set -euo pipefail
wm=${1:-openbox}
screen=${2:-1920x1080}
out=${3:-target/xvfb}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project_dir=$(cd "$here/../../../.." && pwd)
jar="$project_dir/target/anil-explorer.jar"
[ -f "$jar" ] || { echo "dialog-check: $jar not found; build it first" >&2; exit 2; }
for tool in Xvfb "$wm" xwininfo import; do
  command -v "$tool" >/dev/null || { echo "dialog-check: '$tool' not installed; skipped" >&2; exit 77; }
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
DISPLAY=$display "$wm" >/dev/null 2>&1 &
pids+=($!)
sleep 1

size() { xwininfo -display "$display" -name "ANIL Explorer" | sed -n 's/^ *Width: //p; s/^ *Height: //p' | paste -sd x; }
start_app() {
  DISPLAY=$display java -Djava.util.prefs.userRoot="$prefs" -jar "$jar" >>"$out/dialog-$wm.log" 2>&1 &
  app=$!
  for _ in $(seq 120); do xwininfo -display "$display" -name "ANIL Explorer" >/dev/null 2>&1 && break; sleep 0.25; done
  sleep 4
}
keys() { DISPLAY=$display java "$here/SendKeys.java" "$@"; }

start_app
first=$(size)
keys ctrl+q
wait "$app" || true
stored=$(find "$prefs" -path "*/anilexplorer/app/prefs.xml" | head -1)
[ -n "$stored" ] && grep -q 'key="window"' "$stored" || { echo "dialog-check: FAILED: no placement remembered" >&2; exit 1; }
echo "first start ${first}; remembered: $(grep -o 'key="window" value="[^"]*"' "$stored")"
sed -i 's/\(key="window" value="[^"]*\)false"/\1true"/' "$stored"

start_app
pids+=("$app")
maximised=$(size)
status=0
for dialog in ctrl+e ctrl+s; do   # the Export dialog (JavaFX) and Save session (the native file chooser)
  keys "$dialog"
  sleep 2
  import -display "$display" -window root "$out/dialog-$wm-$screen-$dialog-open.png"
  keys escape
  sleep 2
  after=$(size)
  echo "$wm $screen: second start (remembered maximised) ${maximised}; after $dialog and Escape ${after}"
  [ "$after" = "$maximised" ] || { echo "dialog-check: FAILED: $dialog changed the window's size" >&2; status=1; }
done
[ "${maximised%x*}" -ge $(( width * 9 / 10 )) ] || { echo "dialog-check: FAILED: not maximised on the second start" >&2; exit 1; }
exit $status
