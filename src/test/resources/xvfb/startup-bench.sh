#!/usr/bin/env bash
# Launch-to-first-frame benchmark of the desktop window under Xvfb with openbox.
#   src/test/resources/xvfb/startup-bench.sh [RUNS [LAUNCHER...]]
# LAUNCHER is the command that starts the window (default: java -jar target/anil-explorer.jar; e.g. the installed
# app image: target/installer/anil-explorer/bin/anil-explorer). Each run starts the app with -Danil.startupLog=true
# (passed as JAVA_TOOL_OPTIONS so any launcher picks it up), waits for its "anil.startup: first-frame=N ms" line
# (milliseconds since the JVM started), stops it, and the script prints every run and the median.
# EXTRA_JAVA_OPTIONS adds JVM options (e.g. -Xshare:off to compare without class-data sharing).
# On a shared machine the figures are noisy: compare variants in one session (interleave them).
set -euo pipefail
runs=${1:-5}
shift || true
project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
if [ $# -eq 0 ]; then set -- java -jar "$project_dir/target/anil-explorer.jar"; fi
for tool in Xvfb openbox; do
  command -v "$tool" >/dev/null || { echo "startup-bench: '$tool' not installed; skipped" >&2; exit 77; }
done
display=":$(( 70 + RANDOM % 200 ))"
prefs=$(mktemp -d)
log=$(mktemp)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$prefs" "$log"
}
trap cleanup EXIT
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
DISPLAY=$display openbox >/dev/null 2>&1 &
pids+=($!)
sleep 1
times=()
for i in $(seq "$runs"); do
  : >"$log"
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Danil.startupLog=true -Djava.util.prefs.userRoot=$prefs ${EXTRA_JAVA_OPTIONS:-}" \
    "$@" >"$log" 2>&1 &
  app=$!
  line=""
  for _ in $(seq 600); do
    line=$(grep -m1 '^anil.startup:' "$log" || true)
    [ -n "$line" ] && break
    sleep 0.1
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  [ -n "$line" ] || { echo "startup-bench: run $i printed no start-up line" >&2; cat "$log" >&2; exit 1; }
  echo "run $i: ${line#anil.startup: }"
  times+=("$(sed -n 's/^anil.startup: first-frame=\([0-9]*\) ms.*/\1/p' <<<"$line")")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "first frame: median ${median} ms over $runs runs (min $(printf '%s\n' "${times[@]}" | sort -n | head -1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -1))"
