#!/usr/bin/env bash
# Benchmark (not a test): LINES `log` commands through one `salesflow batch` against SEPARATE `log`
# processes (the same kind of line, one JVM each), on case files or SQLite.
#
#   cli/bench/batch.sh [LINES] [SEPARATE]    # from the repository root; defaults 10000 and 200
#
# The separate processes are SEPARATE of the LINES (a JVM each costs the same whatever the count);
# the ratio compares the time per command of both, so the separate side is extrapolated from
# SEPARATE runs, and says so. Events are spread over CASES cases (default 100), as a real import is.
#
# Environment: STORE=folder|sqlite (default folder), CASES (default 100), KEEP_WS=1 keeps the
# workspace, BUILD=always|never|auto (default auto: build when the jar is missing or older than its
# sources).
set -euo pipefail

LINES="${1:-10000}"
SEPARATE="${2:-200}"
CASES="${CASES:-100}"
STORE="${STORE:-folder}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"

. cli/bench/lib.sh
build_when_needed

WS="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-bench.XXXXXX")"
cleanup() { if [ "${KEEP_WS:-0}" = 1 ]; then log "workspace kept in $WS"; else rm -rf "$WS"; fi; }
trap cleanup EXIT

./salesflow init "$WS/ws" > /dev/null 2>&1
sf=(./salesflow -w "$WS/ws" --now "$NOW" -q)
[ "$STORE" = sqlite ] && sf+=(--store "sqlite:$WS/cases.db")

log "registering $CASES cases ($STORE)"
for ((c = 1; c <= CASES; c++)); do
  printf 'register --id B-2026-%04d --company "Company %d" --industry manufacturing --contact-name "Contact %d" --phone +86-512-5555-%04d --source exhibition --priority B --owner zhang.wei --at 2026-11-02T09:30\n' "$c" "$c" "$c" "$c"
done > "$WS/register.txt"
"${sf[@]}" batch "$WS/register.txt" > /dev/null

for ((i = 0; i < LINES; i++)); do
  printf 'log B-2026-%04d note --note "line %d" --at 2026-11-03T14:00\n' $((i % CASES + 1)) "$i"
done > "$WS/log.txt"

now() { date +%s.%N; }
log "batch: $LINES log lines in one process"
start=$(now)
"${sf[@]}" batch "$WS/log.txt"
batch_s=$(echo "$(now) - $start" | bc -l)

log "separate: $SEPARATE log processes"
start=$(now)
for ((i = 0; i < SEPARATE; i++)); do
  "${sf[@]}" log "B-2026-$(printf %04d $((i % CASES + 1)))" note --note "separate $i" --at 2026-11-03T14:00
done
separate_s=$(echo "$(now) - $start" | bc -l)

events=$("${sf[@]}" list --format json | grep -c '"id"' || true)
per_batch=$(echo "$batch_s / $LINES" | bc -l)
per_separate=$(echo "$separate_s / $SEPARATE" | bc -l)
printf 'store %s, %d cases (list saw %s)\n' "$STORE" "$CASES" "$events"
printf 'batch:    %6d log lines in %8.2f s = %8.2f ms per command (%.0f commands/s)\n' "$LINES" "$batch_s" \
  "$(echo "$per_batch * 1000" | bc -l)" "$(echo "1 / $per_batch" | bc -l)"
printf 'separate: %6d log runs  in %8.2f s = %8.2f ms per command (%.1f commands/s; %d runs extrapolate to %.0f s)\n' \
  "$SEPARATE" "$separate_s" "$(echo "$per_separate * 1000" | bc -l)" "$(echo "1 / $per_separate" | bc -l)" "$LINES" \
  "$(echo "$per_separate * $LINES" | bc -l)"
printf 'ratio:    batch is %.1fx faster per command (target >= 20x)\n' "$(echo "$per_separate / $per_batch" | bc -l)"
