#!/usr/bin/env bash
# Checks under Xvfb with a window manager that the window's placement survives dialogs and restarts:
#   1. first start, Ctrl+Q: the placement is remembered;
#   2. the remembered placement is marked maximised; the second start opens maximised;
#   3. Ctrl+E opens the Export dialog, Ctrl+S the native Save dialog; while each is open and after Escape the window
#      is still maximised.
#   src/test/resources/xvfb/dialog-check.sh [WM [WIDTHxHEIGHT [OUT_DIR]]]
# DIALOG_SECONDS (default 2): how long after opening a dialog its screenshot is taken. DIALOG_CHECK_QUICK=1 skips
# step 1 and writes the maximised placement itself (one start instead of two: the test suite's variant,
# DialogKeepsWindowMaximisedTest). Needs what window-check.sh needs; keys are sent with java's AWT Robot
# (SendKeys.java). Exit 0 when all hold.
set -euo pipefail
wm=${1:-openbox}
screen=${2:-1920x1080}
out=${3:-target/xvfb}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/session.sh"
xvfb_session dialog-check "$wm" "$screen"
mkdir -p "$out"

size() { xwininfo -display "$display" -name "ANIL Explorer" | sed -n 's/^ *Width: //p; s/^ *Height: //p' | paste -sd x; }
start_app() {
  DISPLAY=$display "${app[0]}" -Djava.util.prefs.userRoot="$prefs" "${app[@]:1}" >>"$out/dialog-$wm.log" 2>&1 &
  app_pid=$!
  wait_for_window || { echo "dialog-check: FAILED: no window within ${WINDOW_WAIT_SECONDS:-90} s" >&2; cat "$out/dialog-$wm.log" >&2; exit 1; }
  sleep 7   # past the window manager's first configure and the app's answer to it
}
keys() { DISPLAY=$display java "$here/SendKeys.java" "$@"; }

if [ "${DIALOG_CHECK_QUICK:-0}" = 1 ]; then
  stored="$prefs/.java/.userPrefs/org/anilexplorer/app/prefs.xml"
  mkdir -p "$(dirname "$stored")"
  cat >"$stored" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0">
  <entry key="window" value="20 30 $(( width * 3 / 4 )) $(( height * 3 / 4 )) true"/>
</map>
EOF
else
  start_app
  first=$(size)
  keys ctrl+q
  wait "$app_pid" || true
  stored=$(find "$prefs" -path "*/anilexplorer/app/prefs.xml" | head -1)
  [ -n "$stored" ] && grep -q 'key="window"' "$stored" || { echo "dialog-check: FAILED: no placement remembered" >&2; exit 1; }
  echo "first start ${first}; remembered: $(grep -o 'key="window" value="[^"]*"' "$stored")"
  sed -i 's/\(key="window" value="[^"]*\)false"/\1true"/' "$stored"
fi

start_app
session_pids+=("$app_pid")
maximised=$(size)
status=0
for dialog in ctrl+e ctrl+s; do   # the Export dialog (JavaFX) and Save session (the native file chooser)
  keys "$dialog"
  sleep "${DIALOG_SECONDS:-2}"   # a loaded machine needs longer to show the dialog
  import -display "$display" -window root "$out/dialog-$wm-$screen-$dialog-open.png"
  during=$(size)
  keys escape
  sleep 2
  after=$(size)
  echo "$wm $screen: second start (remembered maximised) ${maximised}; while $dialog is open ${during}; after Escape ${after}"
  [ "$during" = "$maximised" ] || { echo "dialog-check: FAILED: the window is resized while $dialog is open" >&2; status=1; }
  [ "$after" = "$maximised" ] || { echo "dialog-check: FAILED: $dialog changed the window's size" >&2; status=1; }
done
[ "${maximised%x*}" -ge $(( width * 9 / 10 )) ] || { echo "dialog-check: FAILED: not maximised on the second start" >&2; exit 1; }
exit $status
