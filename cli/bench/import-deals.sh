#!/usr/bin/env bash
# Benchmark (not a test): `salesflow import` of a CRM's deal export with stages into a new SQLite
# store, rows per second.
#
#   cli/bench/import-deals.sh [ROWS]     # from the repository root; default 100000
#
# Generates ROWS deals (opportunity_id, sales_agent, product, account, deal_stage
# Prospecting/Engaging/Won/Lost, engage_date, close_date, close_value; 85 accounts, 30 agents, as
# the public CRM export of issue 20), then RUNS times (default 3) imports them with the mapping the
# README shows into a fresh SQLite store and prints each run's wall time, the median's rows/s and
# `uptime` (the machine is shared: the load says what the number is worth). Target: >= 20,000
# rows/s. Every run checks that ROWS cases were registered.
#
# Environment: RUNS (3), SEED (20), KEEP_WS=1 keeps the data, BUILD=always|never|auto (default auto).
set -euo pipefail

ROWS="${1:-100000}"
RUNS="${RUNS:-3}"
SEED="${SEED:-20}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"

. cli/bench/lib.sh
build_when_needed

WS="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-import-bench.XXXXXX")"
cleanup() { if [ "${KEEP_WS:-0}" = 1 ]; then log "data kept in $WS"; else rm -rf "$WS"; fi; }
trap cleanup EXIT

log "generating $ROWS deals (seed $SEED)"
awk -v rows="$ROWS" -v seed="$SEED" 'BEGIN {
  srand(seed)
  split("Prospecting Engaging Won Lost", stage, " ")
  split("GTX Basic,GTX Pro,MG Special,MG Advanced,GTK 500", product, ",")
  print "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value"
  for (i = 1; i <= rows; i++) {
    s = stage[1 + int(rand() * 4)]
    m = 1 + int(rand() * 5); d = 1 + int(rand() * 28)
    engage = (s == "Prospecting" && rand() < 0.5) ? "" : sprintf("2026-%02d-%02d", m, d)
    closing = (s == "Won" || s == "Lost") ? sprintf("2026-%02d-%02d", m + 5, d) : ""
    value = s == "Won" ? 100 + int(rand() * 9000) : (s == "Lost" ? 0 : "")
    printf "OPP%07d,Agent %02d,%s,Account %02d,%s,%s,%s,%s\n", i, 1 + int(rand() * 30), product[1 + int(rand() * 5)],
      1 + int(rand() * 85), s, engage, closing, value
  }
}' > "$WS/deals.csv"

./salesflow init "$WS/ws" > /dev/null 2>&1
mapping=(--map opportunity_id=id --map sales_agent=owner --map product=need --map account=company
  --map deal_stage=stage --map engage_date=registered_at --map close_date=stage_at --map close_value=amount
  --map-value deal_stage:Prospecting=lead --map-value deal_stage:Engaging=needs
  --map-value deal_stage:Won=closed --map-value deal_stage:Lost=lost
  --default industry=unknown --default contact_name=unknown --default source=other --default priority=B
  --default reason=unknown)

now() { date +%s.%N; }
times=()
for ((run = 1; run <= RUNS; run++)); do
  rm -f "$WS/cases.db" "$WS/cases.db-wal" "$WS/cases.db-shm"
  start=$(now)
  ./salesflow -w "$WS/ws" --now "$NOW" -q --store "sqlite:$WS/cases.db" import "$WS/deals.csv" "${mapping[@]}" \
    > "$WS/out.txt" 2> "$WS/err.txt" || { log "import failed:"; tail -n 20 "$WS/err.txt" >&2; exit 3; }
  s=$(echo "$(now) - $start" | bc -l)
  grep -q "Registered $ROWS cases" "$WS/out.txt" || { log "expected $ROWS cases:"; cat "$WS/out.txt" >&2; exit 3; }
  printf 'run %d: %d rows in %.2f s (%.0f rows/s)\n' "$run" "$ROWS" "$s" "$(echo "$ROWS / $s" | bc -l)"
  times+=("$s")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
printf 'median: %d rows in %.2f s = %.0f rows/s (target >= 20000)\n' "$ROWS" "$median" "$(echo "$ROWS / $median" | bc -l)"
printf 'uptime: %s\n' "$(uptime)"
