#!/usr/bin/env bash
# Launch-to-first-frame benchmark of the desktop window under Xvfb with openbox.
#   src/test/resources/xvfb/startup-bench.sh [RUNS [LAUNCHER...]]
#   src/test/resources/xvfb/startup-bench.sh RUNS -- LAUNCHER_A... -- LAUNCHER_B... [-- ...]
# LAUNCHER is the command that starts the window (default: java -jar target/anil-explorer.jar; e.g. the installed
# app image: target/installer/anil-explorer/bin/anil-explorer). Each run starts the app with -Danil.startupLog=true
# (passed as JAVA_TOOL_OPTIONS so any launcher picks it up), waits for its "anil.startup: first-frame=N ms" line
# (milliseconds since the JVM started, and cpu=N ms: the processor time the process used until then, which other
# programs loading the machine disturb less), stops it, and the script prints every run and the medians per launcher.
# With several launchers (separated by --) the runs are interleaved A, B, A, B, ... so that a change in the
# machine's load affects them alike: on a shared machine compare variants only this way.
# EXTRA_JAVA_OPTIONS adds JVM options to every launch (e.g. -Xshare:off); XVFB_DISPLAY picks the display number.
set -euo pipefail
runs=${1:-5}
shift || true
project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
launchers=()
if [ $# -eq 0 ]; then
  launchers=("java -jar $project_dir/target/anil-explorer.jar")
elif [ "$1" = "--" ]; then
  current=""
  for word in "${@:2}"; do
    if [ "$word" = "--" ]; then launchers+=("$current"); current=""; else current="${current:+$current }$word"; fi
  done
  [ -n "$current" ] && launchers+=("$current")
else
  launchers=("$*")
fi
for tool in Xvfb openbox; do
  command -v "$tool" >/dev/null || { echo "startup-bench: '$tool' not installed; skipped" >&2; exit 77; }
done
display=${XVFB_DISPLAY:-":$(( 70 + RANDOM % 200 ))"}
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
declare -A times cpus
for i in $(seq "$runs"); do
  for v in "${!launchers[@]}"; do
    : >"$log"
    # shellcheck disable=SC2086  # a launcher is a command line: split into words on purpose
    DISPLAY=$display JAVA_TOOL_OPTIONS="-Danil.startupLog=true -Djava.util.prefs.userRoot=$prefs ${EXTRA_JAVA_OPTIONS:-}" \
      ${launchers[$v]} >"$log" 2>&1 &
    app=$!
    line=""
    for _ in $(seq 600); do
      line=$(grep -m1 '^anil.startup:' "$log" || true)
      [ -n "$line" ] && break
      sleep 0.1
    done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    [ -n "$line" ] || { echo "startup-bench: run $i of '${launchers[$v]}' printed no start-up line" >&2; cat "$log" >&2; exit 1; }
    echo "run $i [$v]: ${line#anil.startup: }"
    times[$v]="${times[$v]:-} $(sed -n 's/^anil.startup: first-frame=\([0-9]*\) ms.*/\1/p' <<<"$line")"
    cpus[$v]="${cpus[$v]:-} $(sed -n 's/^anil.startup: .* cpu=\([0-9]*\) ms.*/\1/p' <<<"$line")"
  done
done
median() {
  tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n |
    awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}
for v in "${!launchers[@]}"; do
  sorted=$(tr ' ' '\n' <<<"${times[$v]}" | sed '/^$/d' | sort -n)
  echo "[$v] ${launchers[$v]}"
  echo "    first frame: median $(median "${times[$v]}") ms over $runs runs (min $(head -1 <<<"$sorted"), max $(tail -1 <<<"$sorted")); processor time until then: median $(median "${cpus[$v]:-}") ms"
done
