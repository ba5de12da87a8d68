#!/usr/bin/env bash
# Benchmark (not a test): `salesflow overdue` and `list` over COUNT generated case files.
#
#   cli/bench/overdue.sh [COUNT]        # from the repository root; COUNT defaults to 10000
#
# Builds when needed, generates a workspace into a temporary folder with
# dev.salesflow.cli.bench.CaseGenerator (cli/src/test/java), then times each command RUNS times
# after one warm-up with GNU time (wall seconds and peak RSS) and prints a table.
#
# Environment: RUNS (default 7), SEED (default 42), KEEP_WS=1 keeps the generated workspace,
# BUILD=always|never|auto (default auto: build when the jar or the generator is missing or older
# than its sources).
set -euo pipefail

COUNT="${1:-10000}"
RUNS="${RUNS:-7}"
SEED="${SEED:-42}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
GEN_CLASS="cli/target/test-classes/dev/salesflow/cli/bench/CaseGenerator.class"

. cli/bench/lib.sh
need_debian time:/usr/bin/time
build_when_needed "$GEN_CLASS"

# ---- workspace ----
WS="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench.XXXXXX")"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench-out.XXXXXX")"
cleanup() {
  rm -rf "$SCRATCH"
  if [ "${KEEP_WS:-0}" = 1 ]; then log "workspace kept in $WS"; else rm -rf "$WS"; fi
}
trap cleanup EXIT

log "generating $COUNT cases into $WS (seed $SEED)"
gen_start=$(date +%s.%N)
java -cp "cli/target/test-classes:$JAR" dev.salesflow.cli.bench.CaseGenerator "$WS" "$COUNT" "$SEED" > "$SCRATCH/gen.txt"
gen_end=$(date +%s.%N)

# ---- measuring ----
# run_once NAME OKCODES CMD...: one timed run; appends "wall rss_kb" to $SCRATCH/NAME.times
run_once() {
  local name="$1" ok="$2"; shift 2
  local rc=0
  /usr/bin/time -f '%e %M' -o "$SCRATCH/time.out" "$@" > /dev/null 2> "$SCRATCH/stderr.out" || rc=$?
  if ! [[ " $ok " == *" $rc "* ]]; then
    log "'$*' exited with $rc (expected one of: $ok); its stderr:"
    cat "$SCRATCH/stderr.out" >&2
    exit 3
  fi
  tail -n 1 "$SCRATCH/time.out" >> "$SCRATCH/$name.times"
}

# measure NAME OKCODES CMD...: one warm-up, then RUNS timed runs
measure() {
  local name="$1"
  : > "$SCRATCH/$name.times"
  run_once "$name.warmup" "${@:2}"
  for _ in $(seq "$RUNS"); do
    run_once "$name" "${@:2}"
  done
}

# stats NAME: "median min max median_rss_mb" of the timed runs
stats() {
  local f="$SCRATCH/$1.times"
  local n; n=$(wc -l < "$f")
  local walls; walls=$(cut -d' ' -f1 "$f" | sort -g)
  local rss; rss=$(cut -d' ' -f2 "$f" | sort -g)
  local med_wall med_rss
  med_wall=$(echo "$walls" | awk -v n="$n" '{a[NR]=$1} END {print (n%2) ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2}')
  med_rss=$(echo "$rss" | awk -v n="$n" '{a[NR]=$1} END {print ((n%2) ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2) / 1024}')
  echo "$med_wall $(echo "$walls" | head -n1) $(echo "$walls" | tail -n1) $med_rss"
}

pressure() { # share of the last 60 s in which some runnable task waited for a CPU (Linux PSI)
  if [ -r /proc/pressure/cpu ]; then awk '/^some/ {sub("avg60=", "", $3); print $3 "%"}' /proc/pressure/cpu; else echo "n/a"; fi
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
psi_before=$(pressure)
log "timing: $RUNS runs each after one warm-up"
measure baseline "0" java -jar "$JAR" --version
measure overdue "0 1" java -jar "$JAR" -w "$WS" overdue --now "$NOW" --format json
measure launcher "0 1" ./salesflow -w "$WS" overdue --now "$NOW" --format json
measure list "0" java -jar "$JAR" -w "$WS" list --now "$NOW" --format json
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
psi_after=$(pressure)

# what overdue reported, and the stages list sees
set +e
java -jar "$JAR" -w "$WS" overdue --now "$NOW" --format json > "$SCRATCH/overdue.json" 2> /dev/null
overdue_rc=$?
set -e
java -jar "$JAR" -w "$WS" list --now "$NOW" --format json > "$SCRATCH/list.json"
items=$(grep -c '"case" *:' "$SCRATCH/overdue.json" || true)
cases_hit=$(grep -o '"case" *: *"[^"]*"' "$SCRATCH/overdue.json" | sort -u | wc -l)

# ---- report ----
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n1)

echo "salesflow benchmark: $COUNT generated cases (seed $SEED), $RUNS runs each after 1 warm-up, --now $NOW"
echo "machine: $(nproc) CPUs, $cpu, $mem RAM; $jv"
echo "other load: load average (1/5/15 min) $load_before before timing, $load_after after;"\
  "CPU pressure (PSI some avg60) $psi_before before, $psi_after after"
awk -v a="$gen_start" -v b="$gen_end" 'BEGIN {printf "generation: %.1f s wall (including JVM start and verification)\n", b - a}'
echo
read -r b_med _ <<< "$(stats baseline)"
printf '%-58s %9s %7s %7s %12s %11s\n' "command" "median s" "min s" "max s" "med RSS MB" "x baseline"
row() {
  local label="$1" name="$2"
  read -r med min max rss <<< "$(stats "$name")"
  printf '%-58s %9.2f %7.2f %7.2f %12.1f %11.1f\n' "$label" "$med" "$min" "$max" "$rss" "$(awk -v a="$med" -v b="$b_med" 'BEGIN {print a / b}')"
}
row "(a) java -jar salesflow.jar --version (JVM start only)" baseline
row "(b) java -jar salesflow.jar overdue --format json" overdue
row "(c) ./salesflow overdue --format json (C1 only, SerialGC)" launcher
row "(d) java -jar salesflow.jar list --format json" list
echo
read -r o_med _ <<< "$(stats overdue)"
read -r l_med _ <<< "$(stats launcher)"
verdict() { awk -v t="$1" 'BEGIN {print (t < 1.5) ? "met" : "MISSED"}'; }
echo "target: overdue under 1.5 s wall: (b) $(verdict "$o_med") at ${o_med} s, (c) $(verdict "$l_med") at ${l_med} s"
echo
echo "overdue reported $items items in $cases_hit cases (exit code $overdue_rc); by rule:"
grep -o '"rule" *: *"[^"]*"' "$SCRATCH/overdue.json" | sed 's/.*"\([^"]*\)"$/\1/' | sort | uniq -c | sort -rn | awk '{printf "  %-22s %6d\n", $2, $1}'
echo
echo "generated cases (CaseGenerator):"
sed 's/^/  /' "$SCRATCH/gen.txt"
echo
echo "stages as 'list' sees them:"
grep -o '"stage" *: *"[^"]*"' "$SCRATCH/list.json" | sed 's/.*"\([^"]*\)"$/\1/' | sort | uniq -c | sort -rn | awk '{printf "  %-12s %6d\n", $2, $1}'
