#!/usr/bin/env bash
# Benchmark (not a test): `salesflow notify --dry-run` against `salesflow overdue` on the same store.
#
#   cli/bench/notify.sh [COUNT]        # from the repository root; COUNT defaults to 10000
#
# Generates COUNT cases with dev.salesflow.cli.bench.CaseGenerator (cli/src/test/java), gives the
# workspace a team of its twelve owners (three managers, each managing three reps, reporting to
# one director) and `escalate_after: 1 working day` on every SLA rule, then times, interleaved
# pair by pair so that the shared machine's load hits both alike, `overdue --format json` and
# `notify --dry-run --format json` on the folder of case files and on a SQLite copy of it. Prints
# the medians and the median of the per-pair ratios notify/overdue (the target: within 2x).
#
# Environment: RUNS (default 7), SEED (default 42), KEEP_WS=1, BUILD=always|never|auto.
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

WS="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench-notify.XXXXXX")"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench-notify-out.XXXXXX")"
cleanup() {
  rm -rf "$SCRATCH"
  if [ "${KEEP_WS:-0}" = 1 ]; then log "workspace kept in $WS"; else rm -rf "$WS"; fi
}
trap cleanup EXIT

log "generating $COUNT cases into $WS (seed $SEED)"
java -cp "cli/target/test-classes:$JAR" dev.salesflow.cli.bench.CaseGenerator "$WS" "$COUNT" "$SEED" > "$SCRATCH/gen.txt"
{
  echo "sla:"
  for rule in first-contact needs-record progress-weekly after-sales-contact issue-response issue-resolution survey; do
    echo "  - {id: $rule, escalate_after: 1 working day}"
  done
  echo "team:"
  echo "  people:"
  echo "    - {id: director, email: director@bench.test, language: en}"
  managers=(zhang.wei li.na wang.fang)
  reps=(liu.yang chen.jing zhao.min huang.tao zhou.jie wu.xia xu.qiang sun.li ma.chao)
  for i in 0 1 2; do
    echo "    - {id: ${managers[$i]}, email: ${managers[$i]}@bench.test, language: zh, manager: director}"
  done
  for i in "${!reps[@]}"; do
    lang=$([ $((i % 2)) = 0 ] && echo zh || echo en)
    echo "    - {id: ${reps[$i]}, email: ${reps[$i]}@bench.test, language: $lang, manager: ${managers[$((i / 3))]}}"
  done
  echo "notify:"
  echo "  email: {host: 127.0.0.1, port: 2525, from: salesflow@bench.test, tls: none}"
} >> "$WS/salesflow.yaml"
java -jar "$JAR" -w "$WS" migrate --to "sqlite:$WS/cases.db" > /dev/null 2>&1

# one_run NAME CMD...: one timed run (exit 0 or 1); appends the wall seconds to $SCRATCH/NAME.times
one_run() {
  local name="$1"; shift
  local rc=0
  /usr/bin/time -f '%e' -o "$SCRATCH/time.out" "$@" > "$SCRATCH/$name.json" 2> "$SCRATCH/stderr.out" || rc=$?
  if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
    log "'$*' exited with $rc; its stderr:"; cat "$SCRATCH/stderr.out" >&2; exit 3
  fi
  tail -n 1 "$SCRATCH/time.out" >> "$SCRATCH/$name.times"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for store in folder sqlite; do
  args=(-w "$WS")
  [ "$store" = sqlite ] && args+=(--store "sqlite:$WS/cases.db")
  : > "$SCRATCH/$store-overdue.times"; : > "$SCRATCH/$store-notify.times"; : > "$SCRATCH/$store-ratio"
  one_run warmup java -jar "$JAR" "${args[@]}" overdue --now "$NOW" --format json
  one_run warmup java -jar "$JAR" "${args[@]}" notify --dry-run --now "$NOW" --format json
  log "$store: $RUNS interleaved pairs"
  for _ in $(seq "$RUNS"); do
    one_run "$store-overdue" java -jar "$JAR" "${args[@]}" overdue --now "$NOW" --format json
    one_run "$store-notify" java -jar "$JAR" "${args[@]}" notify --dry-run --now "$NOW" --format json
    paste -d' ' <(tail -n1 "$SCRATCH/$store-notify.times") <(tail -n1 "$SCRATCH/$store-overdue.times") \
      | awk '{print $1 / $2}' >> "$SCRATCH/$store-ratio"
  done
done

breached=$(grep -c '"state" : "breached"' "$SCRATCH/folder-overdue.json" || true)
due=$(grep -c '"case" :' "$SCRATCH/folder-overdue.json" || true)
messages=$(grep -c '"recipient" :' "$SCRATCH/folder-notify.json" || true)
notices=$(grep -c '"level" :' "$SCRATCH/folder-notify.json" || true)
escalated=$(grep -c '"level" : [2-9]' "$SCRATCH/folder-notify.json" || true)

echo "salesflow notify benchmark: $COUNT generated cases (seed $SEED), --now $NOW, $RUNS interleaved pairs after 1 warm-up"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n1)"
echo "overdue: $due clocks reported, $breached breached; notify --dry-run: $messages messages, $notices notices ($escalated escalated)"
printf '%-8s %18s %26s %22s\n' store "overdue median s" "notify --dry-run median s" "median ratio (pairs)"
for store in folder sqlite; do
  printf '%-8s %18.2f %26.2f %22.2f\n' "$store" "$(median < "$SCRATCH/$store-overdue.times")" \
    "$(median < "$SCRATCH/$store-notify.times")" "$(median < "$SCRATCH/$store-ratio")"
done
echo "target: notify --dry-run within 2x of overdue on the same store"
