#!/usr/bin/env bash
# Benchmark (not a test): `salesflow check` over COUNT generated case files, against yamllint over
# the same files, and how check's peak memory scales from COUNT to COUNT2 files.
#
#   cli/bench/check.sh [COUNT]          # from the repository root; COUNT defaults to 10000
#
# Builds when needed, generates a workspace into a temporary folder with
# dev.salesflow.cli.bench.CaseGenerator (cli/src/test/java), then times each command RUNS times
# after one warm-up with GNU time (wall seconds and peak RSS) and prints a table:
#   (a) java -jar salesflow.jar --version            JVM start only
#   (b) ./salesflow check --format json               the launcher (C1 only, SerialGC)
#   (c) java -jar salesflow.jar check --format json   default JVM flags, --jobs = cores
#   (d) as (c) with --jobs 1
#   (e) yamllint -f parsable cases/                   YAMLLINT_RUNS runs, no warm-up (the files are
#                                                     in the page cache by then); exit code ignored
# check may exit 0 (no errors) or 1 (errors); any other exit code fails the script (exit 3).
# Then the memory-scaling section generates COUNT2 files and runs check once over COUNT and once
# over COUNT2 files (launcher and java -jar), printing the peak RSS of each.
#
# Targets (from the issue): COUNT=10000: check <= 3 s wall and <= 300 MB peak RSS, and at least
# 10x faster than yamllint over the same files; peak memory does not grow with the file count.
#
# Environment: RUNS (default 5), YAMLLINT_RUNS (default 2), COUNT2 (default 100000; 0 skips the
# scaling section), SEED (default 42), KEEP_WS=1 keeps the generated workspaces,
# BUILD=always|never|auto (default auto: build when the jar or the generator is missing or older
# than its sources). Installs the Debian packages 'time' and 'yamllint' with apt-get when missing.
set -euo pipefail

COUNT="${1:-10000}"
COUNT2="${COUNT2:-100000}"
RUNS="${RUNS:-5}"
YAMLLINT_RUNS="${YAMLLINT_RUNS:-2}"
SEED="${SEED:-42}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
GEN_CLASS="cli/target/test-classes/dev/salesflow/cli/bench/CaseGenerator.class"

. cli/bench/lib.sh
need_debian time:/usr/bin/time yamllint:yamllint
build_when_needed "$GEN_CLASS"

# ---- workspaces ----
WS="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench.XXXXXX")"
WS2=""
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench-out.XXXXXX")"
cleanup() {
  rm -rf "$SCRATCH"
  if [ "${KEEP_WS:-0}" = 1 ]; then
    log "workspaces kept in $WS ${WS2}"
  else
    rm -rf "$WS"
    [ -z "$WS2" ] || rm -rf "$WS2"
  fi
}
trap cleanup EXIT

# generate DIR COUNT OUT: runs the generator; prints its wall seconds
generate() {
  local start end
  start=$(date +%s.%N)
  java -cp "cli/target/test-classes:$JAR" dev.salesflow.cli.bench.CaseGenerator "$1" "$2" "$SEED" > "$3"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}'
}

log "generating $COUNT cases into $WS (seed $SEED)"
gen_secs=$(generate "$WS" "$COUNT" "$SCRATCH/gen.txt")

# ---- measuring ----
# run_once NAME OKCODES CMD...: one timed run; appends "wall rss_kb" to $SCRATCH/NAME.times and
# the exit code to $SCRATCH/NAME.rc; OKCODES '*' accepts any exit code
run_once() {
  local name="$1" ok="$2"; shift 2
  local rc=0
  /usr/bin/time -f '%e %M' -o "$SCRATCH/time.out" "$@" > /dev/null 2> "$SCRATCH/stderr.out" || rc=$?
  if [ "$ok" != '*' ] && ! [[ " $ok " == *" $rc "* ]]; then
    log "'$*' exited with $rc (expected one of: $ok); its stderr:"
    cat "$SCRATCH/stderr.out" >&2
    exit 3
  fi
  # an uncaught Error (OutOfMemoryError in the main thread) makes the JVM exit 1, which reads as
  # "findings": refuse it
  if grep -qE '^Exception in thread|OutOfMemoryError|StackOverflowError' "$SCRATCH/stderr.out"; then
    log "'$*' exited with $rc but crashed; its stderr:"
    head -n 20 "$SCRATCH/stderr.out" >&2
    exit 3
  fi
  tail -n 1 "$SCRATCH/time.out" >> "$SCRATCH/$name.times"
  echo "$rc" > "$SCRATCH/$name.rc"
}

# measure NAME WARMUPS RUNS OKCODES CMD...: WARMUPS untimed runs, then RUNS timed runs
measure() {
  local name="$1" warmups="$2" runs="$3"; shift 3
  : > "$SCRATCH/$name.times"
  for _ in $(seq "$warmups"); do
    run_once "$name.warmup" "$@"
  done
  for _ in $(seq "$runs"); do
    run_once "$name" "$@"
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

CHECK=(check --now "$NOW" --format json)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
psi_before=$(pressure)
log "timing: $RUNS runs each after one warm-up; yamllint $YAMLLINT_RUNS runs"
measure baseline 1 "$RUNS" "0" java -jar "$JAR" --version
measure launcher 1 "$RUNS" "0 1" ./salesflow -w "$WS" "${CHECK[@]}"
measure jar 1 "$RUNS" "0 1" java -jar "$JAR" -w "$WS" "${CHECK[@]}"
measure jobs1 1 "$RUNS" "0 1" java -jar "$JAR" -w "$WS" "${CHECK[@]}" --jobs 1
measure yamllint 0 "$YAMLLINT_RUNS" '*' yamllint -f parsable "$WS/cases"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
psi_after=$(pressure)

# what check and yamllint reported
set +e
java -jar "$JAR" -w "$WS" "${CHECK[@]}" > "$SCRATCH/check.json" 2> /dev/null
check_rc=$?
yamllint -f parsable "$WS/cases" > "$SCRATCH/yamllint.txt" 2> /dev/null
yamllint_rc=$?
set -e
json_num() { grep -m1 -o "\"$1\" *: *[0-9]*" "$2" | grep -o '[0-9]*$'; }

# ---- memory scaling ----
# scale_row LABEL DIR CMD...: one run of check over DIR; prints a row and keeps the json summary
scale_row() {
  local label="$1" dir="$2"; shift 2
  local name="scale$((++scale_n))"
  : > "$SCRATCH/$name.times"
  # untimed, to read the summary (and warm the page cache); the timed run discards stdout
  "$@" -w "$dir" "${CHECK[@]}" > "$SCRATCH/$name.json" 2> /dev/null || true
  run_once "$name" "0 1" "$@" -w "$dir" "${CHECK[@]}"
  read -r wall rss_kb < "$SCRATCH/$name.times"
  local files errors warnings
  files=$(json_num files "$SCRATCH/$name.json")
  errors=$(json_num errors "$SCRATCH/$name.json")
  warnings=$(json_num warnings "$SCRATCH/$name.json")
  printf '%-44s %8s %7.2f %9.1f %9.2f %8s %8s %11.1f\n' "$label" "$files" "$wall" "$(awk -v r="$rss_kb" 'BEGIN {print r / 1024}')" \
    "$(awk -v r="$rss_kb" -v f="$files" 'BEGIN {print r / f}')" "$errors" "$warnings" \
    "$(awk -v s="$(wc -c < "$SCRATCH/$name.json")" 'BEGIN {print s / 1e6}')" >> "$SCRATCH/scale.rows"
  echo "$rss_kb" > "$SCRATCH/$name.rss"
}
scale_n=0
: > "$SCRATCH/scale.rows"
if [ "$COUNT2" -gt 0 ]; then
  WS2="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench2.XXXXXX")"
  log "generating $COUNT2 cases into $WS2 (seed $SEED)"
  gen2_secs=$(generate "$WS2" "$COUNT2" "$SCRATCH/gen2.txt")
  log "memory scaling: one run each over $COUNT and $COUNT2 files"
  scale_row "./salesflow check ($COUNT files)" "$WS" ./salesflow
  scale_row "./salesflow check ($COUNT2 files)" "$WS2" ./salesflow
  scale_row "java -jar salesflow.jar check ($COUNT files)" "$WS" java -jar "$JAR"
  scale_row "java -jar salesflow.jar check ($COUNT2 files)" "$WS2" java -jar "$JAR"
fi

# ---- report ----
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo)
jv=$(java -version 2>&1 | head -n1)
vm=$(java -version 2>&1 | tail -n1)

echo "salesflow check benchmark: $COUNT generated cases (seed $SEED), $RUNS runs each after 1 warm-up," \
  "yamllint $YAMLLINT_RUNS runs; --now $NOW"
echo "machine: $(nproc) CPUs, $cpu, $mem RAM; $jv; $vm"
echo "yamllint: $(yamllint --version 2>&1)"
echo "other load: load average (1/5/15 min) $load_before before timing, $load_after after;" \
  "CPU pressure (PSI some avg60) $psi_before before, $psi_after after"
echo "generation: $gen_secs s wall for $COUNT cases (including JVM start and verification)"
echo
read -r b_med _ <<< "$(stats baseline)"
printf '%-60s %9s %7s %7s %12s %11s\n' "command" "median s" "min s" "max s" "med RSS MB" "x baseline"
row() {
  local label="$1" name="$2"
  read -r med min max rss <<< "$(stats "$name")"
  printf '%-60s %9.2f %7.2f %7.2f %12.1f %11.1f\n' "$label" "$med" "$min" "$max" "$rss" \
    "$(awk -v a="$med" -v b="$b_med" 'BEGIN {print a / b}')"
}
row "(a) java -jar salesflow.jar --version (JVM start only)" baseline
row "(b) ./salesflow check --format json (C1 only, SerialGC)" launcher
row "(c) java -jar salesflow.jar check --format json" jar
row "(d) java -jar salesflow.jar check --format json --jobs 1" jobs1
row "(e) yamllint -f parsable cases/ ($YAMLLINT_RUNS runs, no warm-up)" yamllint
echo
read -r l_med _ _ l_rss <<< "$(stats launcher)"
read -r j_med _ _ j_rss <<< "$(stats jar)"
read -r d_med _ <<< "$(stats jobs1)"
read -r y_med _ <<< "$(stats yamllint)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
ok() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {m = (op == "<=") ? v <= t : v >= t; print m ? "met" : "MISSED"}'; }
echo "yamllint / salesflow: (b) $(ratio "$y_med" "$l_med")x, (c) $(ratio "$y_med" "$j_med")x;" \
  "--jobs $(nproc) vs --jobs 1: $(ratio "$d_med" "$j_med")x"
echo "targets at $COUNT files:"
printf '  %-34s (b) %-6s at %6.2f s    (c) %-6s at %6.2f s\n' "wall <= 3 s" \
  "$(ok "$l_med" "<=" 3)" "$l_med" "$(ok "$j_med" "<=" 3)" "$j_med"
printf '  %-34s (b) %-6s at %6.1f MB   (c) %-6s at %6.1f MB\n' "peak RSS <= 300 MB" \
  "$(ok "$l_rss" "<=" 300)" "$l_rss" "$(ok "$j_rss" "<=" 300)" "$j_rss"
printf '  %-34s (b) %-6s at %6.1fx     (c) %-6s at %6.1fx\n' ">= 10x faster than yamllint" \
  "$(ok "$(ratio "$y_med" "$l_med")" ">=" 10)" "$(ratio "$y_med" "$l_med")" \
  "$(ok "$(ratio "$y_med" "$j_med")" ">=" 10)" "$(ratio "$y_med" "$j_med")"
echo
echo "check reported (exit code $check_rc): $(json_num files "$SCRATCH/check.json") files," \
  "$(json_num errors "$SCRATCH/check.json") errors, $(json_num warnings "$SCRATCH/check.json") warnings; by code:"
paste -d' ' <(grep -o '"severity" *: *"[^"]*"' "$SCRATCH/check.json" | sed 's/.*"\([^"]*\)"$/\1/') \
  <(grep -o '"code" *: *"[^"]*"' "$SCRATCH/check.json" | sed 's/.*"\([^"]*\)"$/\1/') \
  <(grep -o '"name" *: *"[^"]*"' "$SCRATCH/check.json" | sed 's/.*"\([^"]*\)"$/\1/') \
  | sort | uniq -c | sort -rn | awk '{printf "  %-8s %-6s %-22s %7d\n", $2, $3, $4, $1}'
echo "yamllint reported (exit code $yamllint_rc): $(wc -l < "$SCRATCH/yamllint.txt") problems; by rule:"
grep -o '([a-z-]*)$' "$SCRATCH/yamllint.txt" | sort | uniq -c | sort -rn | head -n 8 \
  | awk '{printf "  %-30s %7d\n", $2, $1}'
echo
if [ "$COUNT2" -gt 0 ]; then
  echo "memory scaling: one run each; generation of $COUNT2 cases took $gen2_secs s"
  printf '%-44s %8s %7s %9s %9s %8s %8s %11s\n' "command" "files" "wall s" "RSS MB" "KB/file" "errors" "warnings" "json MB"
  cat "$SCRATCH/scale.rows"
  r1=$(cat "$SCRATCH/scale1.rss"); r2=$(cat "$SCRATCH/scale2.rss")
  r3=$(cat "$SCRATCH/scale3.rss"); r4=$(cat "$SCRATCH/scale4.rss")
  growth() { awk -v a="$1" -v b="$2" 'BEGIN {g = b / a; printf "%.2fx (%s)", g, (g <= 1.25) ? "flat: met" : "grows: MISSED"}'; }
  echo "peak RSS $COUNT2 / $COUNT files: ./salesflow $(growth "$r1" "$r2"); java -jar $(growth "$r3" "$r4")" \
    "(flat = at most 1.25x for $((COUNT2 / COUNT))x the files)"
  echo
fi
echo "generated cases (CaseGenerator, $COUNT):"
sed 's/^/  /' "$SCRATCH/gen.txt"
