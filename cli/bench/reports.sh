#!/usr/bin/env bash
# Benchmark (not a test) for issue 21: report, list, export and register at scale.
#
#   cli/bench/reports.sh [SQLITE_COUNT] [FOLDER_COUNT]    # from the repository root
#
# (1) SQLite, SQLITE_COUNT cases (default 100000; 1000000 for the issue's targets) loaded with
#     dev.salesflow.cli.bench.SqliteLoad: `report all`, `list --format json` and `export -` against
#     the hand-written sqlite3 queries that give the same numbers and rows (sqlite3 -json, -csv),
#     and `register` without --id. Commands run interleaved (one run of each in turn, RUNS times)
#     so the load of a shared machine falls on all alike; medians, ratios and peak RSS are printed.
# (2) A folder of FOLDER_COUNT generated case files (default 0: skipped; 100000 for the issue's
#     target, about 2 minutes to generate on 2 cores): `report all` against `overdue`, and
#     `register` without --id on it and on a folder of 1,000.
#
# (3) Memory against size: peak RSS of `list --format json` and `export -` (java -jar and the
#     ./salesflow launcher, one run each) on SQLite stores of each of RSS_COUNTS (default "10000
#     100000") cases and of SQLITE_COUNT; the target is flat (within 1.2x from the smallest).
#
# Environment: RUNS (default 5), SEED (42), BUILD=always|never|auto, KEEP_WS=1 keeps the data,
# SQLITE_WS=DIR times a workspace SqliteLoad filled before instead of loading one, SQLITE_CACHE=DIR
# keeps each loaded store in DIR/sqlite-COUNT and reuses it on later runs (a million cases take
# about 5 minutes to load; the register runs add a few cases to it), RSS_COUNTS="" skips (3).
set -euo pipefail

SQLITE_COUNT="${1:-100000}"
FOLDER_COUNT="${2:-0}"
RUNS="${RUNS:-5}"
SEED="${SEED:-42}"
BUILD="${BUILD:-auto}"
NOW="2026-12-01T09:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
CP="cli/target/test-classes:$JAR"
GEN_CLASS="cli/target/test-classes/dev/salesflow/cli/bench/CaseGenerator.class"

. cli/bench/lib.sh
need_debian time:/usr/bin/time sqlite3:sqlite3
build_when_needed "$GEN_CLASS"

S="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-reports.XXXXXX")"
cleanup() { if [ "${KEEP_WS:-0}" = 1 ]; then log "data kept in $S"; else rm -rf "$S"; fi; }
trap cleanup EXIT

# run_once NAME CMD...: one timed run, stdout discarded; appends "wall rss_kb" to $S/NAME.times
run_once() {
  local name="$1"; shift
  local rc=0
  /usr/bin/time -f '%e %M' -o "$S/time.out" "$@" > /dev/null 2> "$S/stderr.out" || rc=$?
  if [ "$rc" -gt 1 ]; then
    log "'$*' exited with $rc; its stderr:"; cat "$S/stderr.out" >&2; exit 3
  fi
  tail -n 1 "$S/time.out" >> "$S/$name.times"
}

# interleaved "NAME|CMD" ...: one warm-up of each, then RUNS rounds running each once in turn
interleaved() {
  local spec
  for spec in "$@"; do : > "$S/${spec%%|*}.times"; run_once warmup bash -c "${spec#*|}"; done
  for _ in $(seq "$RUNS"); do
    for spec in "$@"; do run_once "${spec%%|*}" bash -c "${spec#*|}"; done
  done
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
wall() { cut -d' ' -f1 "$S/$1.times" | median; }
rss() { cut -d' ' -f2 "$S/$1.times" | median | awk '{printf "%.0f", $1/1024}'; }
row() { # row LABEL NAME [BASELINE_NAME]
  local ratio="-"
  [ -z "${3:-}" ] || ratio=$(awk -v a="$(wall "$2")" -v b="$(wall "$3")" 'BEGIN {printf "%.2f", a / b}')
  printf '%-52s %9.2f %9s %8s\n' "$1" "$(wall "$2")" "$(rss "$2")" "$ratio"
}
header() { printf '%-52s %9s %9s %8s\n' "command" "median s" "RSS MB" "ratio"; }

echo "salesflow reports benchmark: $RUNS interleaved runs after 1 warm-up, --now $NOW, seed $SEED"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n1)"

# sqlite_store COUNT: prints the workspace of a SQLite store of COUNT generated cases, loaded by
# SqliteLoad unless SQLITE_CACHE holds one
sqlite_store() {
  local w="$S/sqlite-$1"
  [ -z "${SQLITE_CACHE:-}" ] || w="$SQLITE_CACHE/sqlite-$1"
  if [ ! -f "$w/cases.db" ]; then
    log "loading $1 cases into $w/cases.db"
    rm -rf "$w"
    java -Xmx2g -cp "$CP" dev.salesflow.cli.bench.SqliteLoad "$w" "$1" "$SEED" > "$S/load.out"
  fi
  echo "$w"
}

# ---- (1) SQLite ----
if [ "$SQLITE_COUNT" -gt 0 ]; then
  if [ -n "${SQLITE_WS:-}" ]; then
    W="$SQLITE_WS" # a workspace SqliteLoad filled before (its register runs add a few cases)
  else
    W="$(sqlite_store "$SQLITE_COUNT")"
  fi
  DB="$W/cases.db"
  # the same aggregates as `report all`, by hand
  cat > "$S/report.sql" <<SQL
SELECT stage, count(*), sum((reached & 1) != 0), sum((reached & 2) != 0), sum((reached & 4) != 0),
  sum((reached & 8) != 0), sum((reached & 16) != 0), sum((reached & 32) != 0), sum((reached & 64) != 0)
  FROM cases GROUP BY stage;
SELECT stage, contract_value, count(*) FROM cases WHERE contract_value IS NOT NULL GROUP BY stage, contract_value;
SELECT lost_from, lost_reason, count(*) FROM cases WHERE stage = 'lost' GROUP BY lost_from, lost_reason;
SELECT rule, sum(state = 'MET'), sum(state = 'MET_LATE'), sum(coalesce(state = 'BREACHED', due_unix < $(date -d "$NOW" +%s))),
  sum(coalesce(state IN ('OPEN', 'DUE_SOON'), due_unix >= $(date -d "$NOW" +%s))) FROM report_clocks GROUP BY rule;
SELECT DISTINCT unknown_years FROM cases WHERE unknown_years IS NOT NULL;
SELECT stage, count(*) FROM cases WHERE stage IN ('lead','needs','solution','negotiation','delivery','after_sales')
  GROUP BY stage;
SELECT id FROM cases WHERE stage IN ('lead','needs','solution','negotiation','delivery','after_sales')
  ORDER BY $(date -d "$NOW" +%s) - entered_unix DESC, id LIMIT 10;
SELECT owner, stage, count(*) FROM cases GROUP BY owner, stage;
SELECT owner, sum(due_unix < $(date -d "$NOW" +%s)) FROM report_clocks WHERE state IS NULL GROUP BY owner;
SQL
  for rule in $(sqlite3 "$DB" "SELECT DISTINCT rule FROM report_clocks"); do
    echo "SELECT stopped_unix - started_unix FROM report_clocks WHERE rule = '$rule' AND stopped_unix IS NOT NULL ORDER BY rule, stopped_unix - started_unix LIMIT 1 OFFSET (SELECT count(*) / 2 FROM report_clocks WHERE rule = '$rule' AND stopped_unix IS NOT NULL);" >> "$S/report.sql"
  done
  cols="id, company, industry, size, contact_name, contact_title, phone, email, source, priority, owner, registered_at, needs, stage, entered_at"
  log "timing on SQLite ($SQLITE_COUNT cases)"
  interleaved \
    "report|java -jar $JAR -w $W report all --now $NOW" \
    "report_sql|sqlite3 $DB < $S/report.sql" \
    "list|java -jar $JAR -w $W list --format json --now $NOW" \
    "list_l|./salesflow -w $W list --format json --now $NOW" \
    "list_sql|sqlite3 -json $DB 'SELECT id, stage, entered_at AS stage_since, priority, owner, company FROM cases ORDER BY id'" \
    "export|java -jar $JAR -w $W export - --now $NOW" \
    "export_l|./salesflow -w $W export - --now $NOW" \
    "export_sql|sqlite3 -csv -header $DB 'SELECT $cols FROM cases ORDER BY id'"
  : > "$S/register.times"
  for i in $(seq "$RUNS"); do
    run_once register java -jar "$JAR" -w "$W" register --now "$NOW" --company "基准公司$i" --industry manufacturing \
      --contact-name "王磊" --phone "+86 512 5555 0101" --source exhibition --priority A --owner zhang.wei
  done
  echo
  echo "(1) SQLite, $SQLITE_COUNT cases ($(du -h "$DB" | cut -f1)):"
  header
  row "report all" report report_sql
  row "sqlite3: the same aggregates by hand" report_sql
  row "list --format json" list list_sql
  row "./salesflow list --format json (launcher)" list_l list_sql
  row "sqlite3 -json: the same columns" list_sql
  row "export -" export export_sql
  row "./salesflow export - (launcher)" export_l export_sql
  row "sqlite3 -csv: the same columns" export_sql
  row "register (no --id)" register
fi

# ---- (2) folder ----
if [ "$FOLDER_COUNT" -gt 0 ]; then
  F="$S/folder"
  log "generating $FOLDER_COUNT case files into $F"
  java -cp "$CP" dev.salesflow.cli.bench.CaseGenerator "$F" "$FOLDER_COUNT" "$SEED" > /dev/null
  java -cp "$CP" dev.salesflow.cli.bench.CaseGenerator "$S/small" 1000 "$SEED" > /dev/null
  log "timing on the folder ($FOLDER_COUNT files)"
  interleaved \
    "f_report|java -jar $JAR -w $F report all --now $NOW" \
    "f_overdue|java -jar $JAR -w $F overdue --format json --now $NOW" \
    "f_list|java -jar $JAR -w $F list --format json --now $NOW"
  for w in "$F" "$S/small"; do
    : > "$S/reg_$(basename "$w").times"
    for i in $(seq "$RUNS"); do
      run_once "reg_$(basename "$w")" java -jar "$JAR" -w "$w" register --now "$NOW" --company "基准公司$i" \
        --industry manufacturing --contact-name "王磊" --phone "+86 512 5555 0101" --source exhibition --priority A \
        --owner zhang.wei
    done
  done
  echo
  echo "(2) folder of $FOLDER_COUNT case files:"
  header
  row "report all" f_report f_overdue
  row "overdue --format json" f_overdue
  row "list --format json" f_list
  row "register (no --id), $FOLDER_COUNT files" reg_folder reg_small
  row "register (no --id), 1000 files" reg_small
fi
# ---- (3) memory against size ----
if [ -n "${RSS_COUNTS-10000 100000}" ] && [ "$SQLITE_COUNT" -gt 0 ]; then
  echo
  echo "(3) peak RSS in MB against the number of cases on SQLite (one run each):"
  printf '%-10s %12s %12s %12s %12s\n' cases "list jar" "list ./sf" "export jar" "export ./sf"
  for n in ${RSS_COUNTS-10000 100000} "$SQLITE_COUNT"; do
    if [ "$n" = "$SQLITE_COUNT" ]; then w="$W"; else w="$(sqlite_store "$n")"; fi
    for spec in "rl|java -jar $JAR" "rll|./salesflow"; do
      : > "$S/${spec%%|*}.times"; run_once "${spec%%|*}" ${spec#*|} -w "$w" list --format json --now "$NOW"
    done
    for spec in "re|java -jar $JAR" "rel|./salesflow"; do
      : > "$S/${spec%%|*}.times"; run_once "${spec%%|*}" ${spec#*|} -w "$w" export - --now "$NOW"
    done
    printf '%-10s %12s %12s %12s %12s\n' "$n" "$(rss rl)" "$(rss rll)" "$(rss re)" "$(rss rel)"
  done
fi

echo
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ratio: against the row named below it (report all on a folder: against overdue; register: against 1,000 files)"
