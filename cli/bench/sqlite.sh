#!/usr/bin/env bash
# Benchmark (not a test): the SQLite store. From the repository root:
#
#   cli/bench/sqlite.sh
#
# (1) migration: `salesflow migrate --to sqlite:` over MIGRATE_COUNT (default 100000) generated
#     case files, and SqliteStore.createAll (what migrate calls) over BIG_COUNT (default 1000000)
#     cases built in memory by dev.salesflow.cli.bench.SqliteLoad (the time and size of generating
#     MIGRATE_COUNT files is printed). A million case files is possible (MIGRATE_COUNT=1000000:
#     about 110 s to generate on 2 cores, 1.1 GB of text, about 4 GB on disk in 4 KiB blocks), and
#     takes that much longer. The generated cases average 10.1 events. Target: >= 20,000 cases/s.
# (2) overdue on a SMALL_COUNT (default 10000) case SQLite store against taskwarrior's
#     `task +OVERDUE export` over SMALL_COUNT tasks (most due in the past), runs interleaved.
#     Target: no slower than taskwarrior.
# (3) overdue on the BIG_COUNT store against a hand-written sqlite3 query for the same breached
#     clocks, with the (case, rule) pairs of both compared. Target: <= 1 s wall.
# (4) list --format json: peak RSS against the number of cases (SMALL, MIGRATE, BIG on SQLite;
#     SMALL and MIGRATE on case files), with default JVM flags and whether it finishes in -Xmx64m.
#
# Every timed command runs RUNS times (default 5) after one warm-up, with GNU time (wall seconds,
# peak RSS); the big migration runs BIG_RUNS times (default 1), the 100k migration MIGRATE_RUNS
# times (default 3), list over MIGRATE_COUNT and BIG_COUNT cases LIST_BIG_RUNS times (default 3). Installs the Debian packages time, sqlite3 and taskwarrior when missing.
# Environment: SEED (42), BUILD=always|never|auto, KEEP_WS=1 keeps the generated data,
# BIG_COUNT=0 skips everything at a million, ONLY_MIGRATION=1 stops after (1). (--store paths are absolute: a relative one is taken
# from the current folder, not the workspace.) Builds with `mvn package`, never `install`.
set -euo pipefail

SMALL_COUNT="${SMALL_COUNT:-10000}"
MIGRATE_COUNT="${MIGRATE_COUNT:-100000}"
BIG_COUNT="${BIG_COUNT:-1000000}"
RUNS="${RUNS:-5}"
MIGRATE_RUNS="${MIGRATE_RUNS:-3}"
BIG_RUNS="${BIG_RUNS:-1}"
LIST_BIG_RUNS="${LIST_BIG_RUNS:-3}"
SEED="${SEED:-42}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"
NOW_UTC="2026-11-26T10:00:00Z"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
GEN_CLASS="cli/target/test-classes/dev/salesflow/cli/bench/SqliteLoad.class"
CP="cli/target/test-classes:$JAR"

. cli/bench/lib.sh
need_debian time:/usr/bin/time sqlite3:sqlite3 taskwarrior:task
build_when_needed "$GEN_CLASS"

# ---- scratch ----
BASE="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-sqlite-bench.XXXXXX")"
S="$BASE/out"
mkdir -p "$S"
cleanup() {
  if [ "${KEEP_WS:-0}" = 1 ]; then log "data kept in $BASE"; else rm -rf "$BASE"; fi
}
trap cleanup EXIT

# ---- measuring ----
# run_once NAME OKCODES CMD...: one timed run; appends "wall rss_kb" to $S/NAME.times
run_once() {
  local name="$1" ok="$2"; shift 2
  local rc=0
  /usr/bin/time -f '%e %M' -o "$S/time.out" "$@" > "$S/stdout.out" 2> "$S/stderr.out" || rc=$?
  if ! [[ " $ok " == *" $rc "* ]]; then
    log "'$*' exited with $rc (expected one of: $ok); its stderr:"
    tail -n 20 "$S/stderr.out" >&2
    exit 3
  fi
  tail -n 1 "$S/time.out" >> "$S/$name.times"
}
# measure_interleaved RUNS NAME1 OK1 CMD1 -- NAME2 OK2 CMD2...: one warm-up of each, then RUNS
# rounds of one run each, alternating, so both see the same machine
measure_interleaved() {
  local runs="$1"; shift
  local a=() b=() seen=0
  for x in "$@"; do
    if [ "$x" = "--" ] && [ "$seen" = 0 ]; then seen=1; continue; fi
    if [ "$seen" = 0 ]; then a+=("$x"); else b+=("$x"); fi
  done
  : > "$S/${a[0]}.times"; : > "$S/${b[0]}.times"
  run_once "${a[0]}.warmup" "${a[@]:1}"
  run_once "${b[0]}.warmup" "${b[@]:1}"
  for _ in $(seq "$runs"); do
    run_once "${a[@]}"
    run_once "${b[@]}"
  done
}
measure() { # measure RUNS NAME OKCODES CMD...: one warm-up, then RUNS runs
  local runs="$1" name="$2"; shift 2
  : > "$S/$name.times"
  run_once "$name.warmup" "$@"
  for _ in $(seq "$runs"); do run_once "$name" "$@"; done
}
# stats NAME: "median min max median_rss_mb n"
stats() {
  local f="$S/$1.times"
  local n; n=$(wc -l < "$f")
  local walls; walls=$(cut -d' ' -f1 "$f" | sort -g)
  local rss; rss=$(cut -d' ' -f2 "$f" | sort -g)
  local med_wall med_rss
  med_wall=$(echo "$walls" | awk -v n="$n" '{a[NR]=$1} END {print (n%2) ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2}')
  med_rss=$(echo "$rss" | awk -v n="$n" '{a[NR]=$1} END {printf "%.1f", ((n%2) ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2) / 1024}')
  echo "$med_wall $(echo "$walls" | head -n1) $(echo "$walls" | tail -n1) $med_rss $n"
}
row() { # row LABEL NAME [BASELINE_NAME]
  local label="$1" name="$2" base="${3:-}"
  local med min max rss n ratio=""
  read -r med min max rss n <<< "$(stats "$name")"
  if [ -n "$base" ]; then
    local bmed; read -r bmed _ <<< "$(stats "$base")"
    ratio=$(awk -v a="$med" -v b="$bmed" 'BEGIN {printf "%.2f", a / b}')
  fi
  printf '  %-62s %3s %8.3f %7.3f %7.3f %9.1f %8s\n' "$label" "$n" "$med" "$min" "$max" "$rss" "$ratio"
}
header() { printf '  %-62s %3s %8s %7s %7s %9s %8s\n' "command" "n" "median s" "min s" "max s" "RSS MB" "ratio"; }
pressure() {
  if [ -r /proc/pressure/cpu ]; then awk '/^some/ {print $2, $3}' /proc/pressure/cpu; else echo "n/a"; fi
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo)
echo "salesflow SQLite benchmark, seed $SEED, --now $NOW, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) CPUs ($cpu), $mem RAM, $(df -h --output=avail "$BASE" | tail -n1 | tr -d ' ') free in $BASE"
echo "java: $(java -version 2>&1 | tr '\n' ' ')"
echo "tools: $(sqlite3 --version | cut -d' ' -f1) (sqlite3 shell), taskwarrior $(task --version), sqlite-jdbc $(unzip -p "$JAR" META-INF/maven/org.xerial/sqlite-jdbc/pom.properties 2>/dev/null | sed -n 's/^version=//p')"
echo "before: load average $(cut -d' ' -f1-3 /proc/loadavg); CPU pressure (PSI) $(pressure)"
echo

# ==== (1) migration ====
WS_M="$BASE/files-$MIGRATE_COUNT"
log "generating $MIGRATE_COUNT case files (CaseGenerator)"
gen0=$(date +%s.%N)
java -cp "$CP" dev.salesflow.cli.bench.CaseGenerator "$WS_M" "$MIGRATE_COUNT" "$SEED" > "$S/gen-m.txt"
gen1=$(date +%s.%N)
files_mb=$(du -sm "$WS_M/cases" | cut -f1)
log "migrating $MIGRATE_COUNT case files to SQLite, $MIGRATE_RUNS times"
: > "$S/migrate.times"
for i in $(seq "$MIGRATE_RUNS"); do
  rm -f "$WS_M"/cases.db*
  run_once migrate 0 java -jar "$JAR" -w "$WS_M" migrate --to "sqlite:$WS_M/cases.db"
done
db_m_mb=$(du -m "$WS_M/cases.db" | cut -f1)

if [ "$BIG_COUNT" -gt 0 ]; then
  WS_B="$BASE/sqlite-$BIG_COUNT"
  : > "$S/bigload.times"; : > "$S/biggen.s"
  for i in $(seq "$BIG_RUNS"); do
    rm -rf "$WS_B"
    log "loading $BIG_COUNT generated cases through SqliteStore.createAll (run $i of $BIG_RUNS)"
    run_once bigload 0 java -Xmx2g -cp "$CP" dev.salesflow.cli.bench.SqliteLoad "$WS_B" "$BIG_COUNT" "$SEED"
    cp "$S/stdout.out" "$S/bigload.out"
  done
fi

echo "(1) migration into SQLite (target >= 20,000 cases/s)"
awk -v a="$gen0" -v b="$gen1" -v n="$MIGRATE_COUNT" -v mb="$files_mb" 'BEGIN {printf "  generating %d case files with CaseGenerator: %.1f s (%.0f files/s), %d MB on disk\n", n, b - a, n / (b - a), mb}'
sed 's/^/    /' "$S/gen-m.txt" | head -n 2
header
row "salesflow migrate --to sqlite: ($MIGRATE_COUNT case files, JVM included)" migrate
read -r m_med m_min m_max _ <<< "$(stats migrate)"
m_rate=$(awk -v n="$MIGRATE_COUNT" -v t="$m_med" 'BEGIN {printf "%.0f", n / t}')
echo "  => migrate: $m_rate cases/s at the median (best $(awk -v n="$MIGRATE_COUNT" -v t="$m_min" 'BEGIN {printf "%.0f", n / t}') cases/s); database $db_m_mb MB"
if [ "$BIG_COUNT" -gt 0 ]; then
  row "SqliteLoad: $BIG_COUNT cases built in memory + createAll (JVM included)" bigload
  gen_s=$(awk '$1 == "generate_s" {print $2}' "$S/bigload.out")
  load_s=$(awk '$1 == "load_s" {print $2}' "$S/bigload.out")
  events=$(awk '$1 == "events" {print $2}' "$S/bigload.out")
  clocks=$(awk '$1 == "clocks" {print $2}' "$S/bigload.out")
  dbb=$(awk '$1 == "db_bytes" {printf "%.0f", $2 / 1048576}' "$S/bigload.out")
  echo "  => createAll of $BIG_COUNT cases ($events events, mean $(awk -v e="$events" -v n="$BIG_COUNT" 'BEGIN {printf "%.1f", e / n}') per case; $clocks running clocks; database $dbb MB):"
  awk -v n="$BIG_COUNT" -v g="$gen_s" -v l="$load_s" 'BEGIN {printf "     %.1f s building and storing = %.0f cases/s; building alone took %.1f s, so storing alone ~%.0f cases/s\n", l, n / l, g, n / (l - g)}'
  big_rate=$(awk -v n="$BIG_COUNT" -v l="$load_s" 'BEGIN {printf "%.0f", n / l}')
fi
echo
if [ "${ONLY_MIGRATION:-0}" = 1 ]; then
  echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg); CPU pressure (PSI) $(pressure)"
  exit 0
fi

# ==== (2) overdue on SMALL_COUNT vs taskwarrior ====
WS_S="$BASE/files-$SMALL_COUNT"
log "generating $SMALL_COUNT case files and migrating them to SQLite"
java -cp "$CP" dev.salesflow.cli.bench.CaseGenerator "$WS_S" "$SMALL_COUNT" "$SEED" > "$S/gen-s.txt"
java -jar "$JAR" -q -w "$WS_S" migrate --to "sqlite:$WS_S/cases.db"

TW="$BASE/taskwarrior"
mkdir -p "$TW/data"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\n' "$TW/data" > "$TW/taskrc"
export TASKRC="$TW/taskrc" TASKDATA="$TW/data"
log "importing $SMALL_COUNT taskwarrior tasks (due dates over the past 300 days, a few in the future)"
awk -v n="$SMALL_COUNT" -v seed="$SEED" 'BEGIN {
  srand(seed); now = systime(); printf "["
  for (i = 1; i <= n; i++) {
    d = now - int(rand() * 300 * 86400) + (rand() < 0.15 ? 40 * 86400 : 0)
    printf "%s{\"description\":\"Follow up case GEN-2026-%06d\",\"status\":\"pending\",\"entry\":\"%s\",\"due\":\"%s\",\"project\":\"sales\",\"tags\":[\"owner%d\"]}",
      (i > 1 ? "," : ""), i, strftime("%Y%m%dT%H%M%SZ", d - 30 * 86400, 1), strftime("%Y%m%dT%H%M%SZ", d, 1), i % 12
  }
  print "]" }' > "$TW/tasks.json"
task rc.confirmation=off import "$TW/tasks.json" > /dev/null 2>&1
task_pending=$(task status:pending count)
task_overdue=$(task +OVERDUE count)

log "timing overdue (SQLite, $SMALL_COUNT cases) and task +OVERDUE export, interleaved"
measure_interleaved "$RUNS" \
  ov_small "0 1" java -jar "$JAR" -w "$WS_S" --store "sqlite:$WS_S/cases.db" overdue --now "$NOW" --format json -- \
  task_export 0 task +OVERDUE export
measure_interleaved "$RUNS" \
  ov_small_launcher "0 1" ./salesflow -w "$WS_S" --store "sqlite:$WS_S/cases.db" overdue --now "$NOW" --format json -- \
  version 0 java -jar "$JAR" --version
measure "$RUNS" ov_small_files "0 1" java -jar "$JAR" -w "$WS_S" overdue --now "$NOW" --format json
set +e
java -jar "$JAR" -w "$WS_S" --store "sqlite:$WS_S/cases.db" overdue --now "$NOW" --format json > "$S/ov_small.json" 2> /dev/null
java -jar "$JAR" -w "$WS_S" overdue --now "$NOW" --format json > "$S/ov_small_files.json" 2> /dev/null
set -e
small_items=$(grep -c '"case" *:' "$S/ov_small.json" || true)
same_small=$(cmp -s "$S/ov_small.json" "$S/ov_small_files.json" && echo "identical" || echo "DIFFERENT")
task_items=$(task +OVERDUE export | grep -o '"uuid"' | wc -l)

echo "(2) overdue over $SMALL_COUNT cases on SQLite against taskwarrior over $SMALL_COUNT tasks (target: no slower)"
header
row "task +OVERDUE export ($task_items of $task_pending tasks overdue)" task_export
row "java -jar salesflow.jar --store sqlite: overdue --format json" ov_small task_export
row "./salesflow (launcher) --store sqlite: overdue --format json" ov_small_launcher task_export
row "java -jar salesflow.jar overdue --format json (case files)" ov_small_files task_export
row "java -jar salesflow.jar --version (JVM start only)" version task_export
echo "  overdue reported $small_items breached clocks; JSON on SQLite and on the case files: $same_small"
read -r t_med _ <<< "$(stats task_export)"
read -r o_med _ <<< "$(stats ov_small)"
read -r l_med _ <<< "$(stats ov_small_launcher)"
verdict_small=$(awk -v a="$o_med" -v b="$t_med" 'BEGIN {print (a <= b) ? "met" : "MISSED"}')
verdict_small_l=$(awk -v a="$l_med" -v b="$t_med" 'BEGIN {print (a <= b) ? "met" : "MISSED"}')
echo

# ==== (3) overdue at a million ====
if [ "$BIG_COUNT" -gt 0 ]; then
  Q="SELECT k.case_id, k.rule, c.owner, c.priority, c.stage, k.started_unix, k.due_unix FROM clocks k JOIN cases c ON c.id = k.case_id WHERE k.due_unix < strftime('%s', '$NOW_UTC') ORDER BY c.owner, k.due_unix, k.case_id"
  log "timing overdue over $BIG_COUNT cases and the sqlite3 query, interleaved"
  measure_interleaved "$RUNS" \
    ov_big "0 1" java -jar "$JAR" -w "$WS_B" overdue --now "$NOW" --format json -- \
    sqlite3_q 0 sqlite3 -json "$WS_B/cases.db" "$Q"
  # the same clocks from the clocks table alone (schema 2 keeps the case columns overdue prints there)
  Q2="SELECT case_id, rule, owner, priority, stage, started_unix, due_unix FROM clocks WHERE due_unix < strftime('%s', '$NOW_UTC') ORDER BY owner, due_unix, case_id"
  measure "$RUNS" sqlite3_q2 0 sqlite3 -json "$WS_B/cases.db" "$Q2"
  measure "$RUNS" ov_big_launcher "0 1" ./salesflow -w "$WS_B" overdue --now "$NOW" --format json
  measure "$RUNS" ov_big_text "0 1" java -jar "$JAR" -w "$WS_B" overdue --now "$NOW"
  set +e
  java -jar "$JAR" -w "$WS_B" overdue --now "$NOW" --format json > "$S/ov_big.json" 2> /dev/null
  set -e
  sqlite3 -separator ' ' "$WS_B/cases.db" "$Q" | awk '{print $1, $2}' | sort > "$S/q_pairs.txt"
  awk -F'"' '/"case" *:/ {c = $4} /"rule" *:/ {print c, $4}' "$S/ov_big.json" | sort > "$S/sf_pairs.txt"
  big_items=$(wc -l < "$S/sf_pairs.txt")
  q_rows=$(wc -l < "$S/q_pairs.txt")
  pairs_same=$(cmp -s "$S/q_pairs.txt" "$S/sf_pairs.txt" && echo "the same (case, rule) pairs" || echo "DIFFERENT pairs ($(comm -3 "$S/q_pairs.txt" "$S/sf_pairs.txt" | wc -l) differ)")
  json_mb=$(du -m "$S/ov_big.json" | cut -f1)

  echo "(3) overdue over $BIG_COUNT cases on SQLite (target <= 1 s wall) against a hand-written sqlite3 query"
  header
  row "sqlite3 -json cases.db 'SELECT ... WHERE k.due_unix < now'" sqlite3_q
  row "sqlite3 -json cases.db 'SELECT ... FROM clocks WHERE due_unix < now'" sqlite3_q2
  row "java -jar salesflow.jar overdue --format json" ov_big sqlite3_q
  row "./salesflow (launcher) overdue --format json" ov_big_launcher sqlite3_q
  row "java -jar salesflow.jar overdue (text)" ov_big_text sqlite3_q
  echo "  counts: salesflow $big_items breached clocks ($json_mb MB of JSON), sqlite3 $q_rows rows: $pairs_same"
  read -r b_med _ <<< "$(stats ov_big)"
  read -r bl_med _ <<< "$(stats ov_big_launcher)"
  verdict_big=$(awk -v a="$b_med" 'BEGIN {print (a <= 1.0) ? "met" : "MISSED"}')
  verdict_big_l=$(awk -v a="$bl_med" 'BEGIN {print (a <= 1.0) ? "met" : "MISSED"}')
  echo
fi

# ==== (4) list --format json memory against rows ====
log "list --format json: peak memory against the number of cases"
: > "$S/list.rows"
list_case() { # list_case RUNS LABEL CASES WS [--store sqlite:FILE]
  local runs="$1" label="$2" n="$3" ws="$4"; shift 4
  measure "$runs" "list_$label" 0 java -jar "$JAR" -w "$ws" "$@" list --now "$NOW" --format json
  local bytes; bytes=$(wc -c < "$S/stdout.out")
  local small="no"
  if java -Xmx64m -jar "$JAR" -w "$ws" "$@" list --now "$NOW" --format json > /dev/null 2> "$S/xmx.err"; then small="yes"; fi
  echo "$label $n $bytes $small" >> "$S/list.rows"
}
list_case "$RUNS" "sqlite_$SMALL_COUNT" "$SMALL_COUNT" "$WS_S" --store "sqlite:$WS_S/cases.db"
list_case "$RUNS" "files_$SMALL_COUNT" "$SMALL_COUNT" "$WS_S"
list_case "$LIST_BIG_RUNS" "sqlite_$MIGRATE_COUNT" "$MIGRATE_COUNT" "$WS_M" --store "sqlite:$WS_M/cases.db"
list_case "$LIST_BIG_RUNS" "files_$MIGRATE_COUNT" "$MIGRATE_COUNT" "$WS_M"
if [ "$BIG_COUNT" -gt 0 ]; then
  list_case "$LIST_BIG_RUNS" "sqlite_$BIG_COUNT" "$BIG_COUNT" "$WS_B"
fi
echo "(4) list --format json: peak RSS against the number of cases (default JVM flags: max heap 1/4 of RAM)"
header
while read -r label n bytes small; do
  row "list --format json, $label ($((bytes / 1048576)) MB of JSON; -Xmx64m ok: $small)" "list_$label"
done < "$S/list.rows"
echo

echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg); CPU pressure (PSI) $(pressure)"
echo
echo "targets:"
echo "  migration >= 20,000 cases/s: $(awk -v r="$m_rate" 'BEGIN {print (r >= 20000) ? "met" : "MISSED"}') by migrate ($m_rate cases/s over $MIGRATE_COUNT files)$(
  [ "$BIG_COUNT" -gt 0 ] && echo "; $(awk -v r="$big_rate" 'BEGIN {print (r >= 20000) ? "met" : "MISSED"}') by createAll ($big_rate cases/s over $BIG_COUNT)")"
echo "  overdue ($SMALL_COUNT, SQLite) no slower than task +OVERDUE export: java -jar $verdict_small ($o_med s vs $t_med s), launcher $verdict_small_l ($l_med s)"
if [ "$BIG_COUNT" -gt 0 ]; then
  echo "  overdue ($BIG_COUNT, SQLite) <= 1 s: java -jar $verdict_big ($b_med s), launcher $verdict_big_l ($bl_med s)"
fi
