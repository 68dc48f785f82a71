# Sourced by the Xvfb checks: starts a virtual screen with a window manager for the real window.
#   xvfb_session NAME WM WIDTHxHEIGHT
# NAME prefixes messages. Sets project_dir, jar, app (the command that starts the window: java -jar on the built jar,
# or with ANIL_APP_CLASSPATH set the entry point on that class path, as the test suite runs it before packaging),
# display, width, height and prefs (a fresh Java preferences folder, so no remembered window placement interferes);
# stops everything it started on exit. Exits 2 when the jar is not built, 77 (skipped) when Xvfb, the window
# manager, x11-utils or imagemagick are missing.
xvfb_session() {
  local name=$1 wm=$2 screen=$3 tool
  project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
  jar="$project_dir/target/anil-explorer.jar"
  if [ -n "${ANIL_APP_CLASSPATH:-}" ]; then
    app=(java -cp "$ANIL_APP_CLASSPATH" org.anilexplorer.Main)
  else
    [ -f "$jar" ] || { echo "$name: $jar not found; build it first (mvn -B -q -DskipTests package)" >&2; exit 2; }
    app=(java -jar "$jar")
  fi
  for tool in Xvfb "$wm" xwininfo import; do
    command -v "$tool" >/dev/null || { echo "$name: '$tool' not installed; skipped" >&2; exit 77; }
  done
  width=${screen%x*}
  height=${screen#*x}
  display=${XVFB_DISPLAY:-":$(( 70 + RANDOM % 200 ))"}
  prefs=$(mktemp -d)
  session_pids=()
  trap xvfb_session_end EXIT
  Xvfb "$display" -screen 0 "${screen}x24" -nolisten tcp >/dev/null 2>&1 &
  session_pids+=($!)
  for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done
  case "$wm" in
    xfwm4) DISPLAY=$display xfwm4 --compositor=off >/dev/null 2>&1 & ;;
    *) DISPLAY=$display "$wm" >/dev/null 2>&1 & ;;
  esac
  session_pids+=($!)
  sleep 1
}

# Also stops processes the script added to session_pids (the app).
xvfb_session_end() {
  local p
  for p in "${session_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$prefs"
}

# Waits up to WINDOW_WAIT_SECONDS (default 90: a start takes 20-40 s on a loaded 2-core machine) for the window.
wait_for_window() {
  for _ in $(seq $(( ${WINDOW_WAIT_SECONDS:-90} * 4 ))); do
    xwininfo -display "$display" -name "ANIL Explorer" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  return 1
}
