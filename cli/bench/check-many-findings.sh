#!/usr/bin/env bash
# Benchmark (not a test): `salesflow check` in text format over one large case file with thousands
# of findings, each printed with its source line and a caret.
#
#   cli/bench/check-many-findings.sh [EVENTS]     # from the repository root; EVENTS defaults to 20000
#
# Writes a workspace with one case file of EVENTS events (about 150 bytes each: 20,000 make some
# 2.9 MB) in which every sixth event carries an unknown type (a finding each, about 3,300), then
# times `check --sla off cases/BIG-1.yaml` RUNS times after one warm-up with GNU time and prints
# the median wall seconds and peak RSS and the number of findings printed. check must exit 1.
#
# Target (issue 22): the source line of a finding comes from the file's lines read once per run,
# so the time grows with the file, not with findings x file size (before the fix, 3,300 findings
# in 2.9 MB did not finish in 120 s).
#
# Environment: JAR (default cli/target/salesflow.jar: compare another build), RUNS (default 3),
# WARMUP (default 1; 0 for none), BUILD=always|never|auto (default auto), KEEP_WS=1 keeps the workspace.
set -euo pipefail

EVENTS="${1:-20000}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-1}"
BUILD="${BUILD:-auto}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="${JAR:-cli/target/salesflow.jar}"

. cli/bench/lib.sh
need_debian time:/usr/bin/time
build_when_needed

WS="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-findings.XXXXXX")"
cleanup() { if [ "${KEEP_WS:-0}" = 1 ]; then log "workspace kept in $WS"; else rm -rf "$WS"; fi; }
trap cleanup EXIT

java -jar "$JAR" init "$WS" > /dev/null 2>&1
rm -f "$WS"/cases/*.yaml
file="$WS/cases/BIG-1.yaml"
{
  cat <<'HEADER'
id: BIG-1
customer:
  company: Big Findings Ltd
  industry: testing
  contact: {name: Ann Example, phone: "+1 555 0100"}
source: online
priority: B
owner: li.na
registered_at: 2026-01-05T09:00:00+08:00
events:
HEADER
  awk -v n="$EVENTS" 'BEGIN {
    for (i = 0; i < n; i++) {
      type = (i % 6 == 5) ? "no_such_type_" i : "note";
      printf "  - {at: 2026-01-05T10:00:00+08:00, type: %s, by: li.na, note: \"event %d of a long history, padded to a realistic length\"}\n", type, i
    }
  }'
} > "$file"
log "$(wc -c < "$file") bytes, $EVENTS events in $file"

jar="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
times="$(mktemp)"
out="$(mktemp)"
for run in $(seq "$((1 - WARMUP))" "$RUNS"); do
  rc=0
  (cd "$WS" && /usr/bin/time -f '%e %M' -o "$times.one" java -jar "$jar" check --sla off cases/BIG-1.yaml) > "$out" 2> /dev/null || rc=$?
  [ "$rc" = 1 ] || { log "check exited with $rc (expected 1)"; exit 3; }
  [ "$run" -lt 1 ] || cat "$times.one" >> "$times"
done
findings=$(grep -c ': error: ' "$out" || true)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wall=$(cut -d' ' -f1 "$times" | median)
rss=$(cut -d' ' -f2 "$times" | median)
echo "salesflow check (text) over one case file: $(wc -c < "$file") bytes, $EVENTS events, $findings findings printed"
echo "machine: $(nproc) CPUs; $(java -version 2>&1 | head -n1)"
printf 'median wall %.2f s, peak RSS %.1f MB (%d runs after %d warm-up)\n' "$wall" "$(awk -v r="$rss" 'BEGIN {print r / 1024}')" "$RUNS" "$WARMUP"
rm -f "$times" "$times.one" "$out"
