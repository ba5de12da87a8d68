#!/usr/bin/env bash
# Benchmark (not a test): the PostgreSQL store. From the repository root:
#
#   cli/bench/postgres.sh
#
# Starts its own PostgreSQL server (Debian's binaries, /usr/lib/postgresql/*/bin; as root it runs
# the server as user postgres) in a temporary folder on 127.0.0.1 and a free port, then:
# (1) migration: `salesflow migrate --to postgresql:` of MIGRATE_COUNT (default 100000) generated
#     cases from a SQLite store (made by dev.salesflow.cli.bench.SqliteLoad; JVM included), and PostgresStore.createAll (what migrate calls) over BIG_COUNT
#     (default 1000000) cases built in memory (dev.salesflow.cli.bench.PostgresLoad).
#     Target: >= 20,000 cases/s.
# (2) overdue --format json over the BIG_COUNT store against a hand-written psql query returning the
#     same breached clocks (the (case, rule) pairs of both are compared). Target: <= 1 s wall and
#     <= 2x the query.
# (3) one `log` on the BIG_COUNT store against `show` of the same case. Target: within 2x.
# Every timed command runs RUNS times (default 5) after one warm-up, interleaved with its baseline,
# with GNU time; medians are reported. Environment: SEED (42), BUILD=always|never|auto, KEEP_WS=1.
# Builds with `mvn package`, never `install`. Installs the Debian packages time and postgresql when
# missing. The machine is usually shared: the load average before and after is printed.
set -euo pipefail

MIGRATE_COUNT="${MIGRATE_COUNT:-100000}"
BIG_COUNT="${BIG_COUNT:-1000000}"
RUNS="${RUNS:-5}"
SEED="${SEED:-42}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"
NOW_UTC="2026-11-26T10:00:00Z"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
GEN_CLASS="cli/target/test-classes/dev/salesflow/cli/bench/PostgresLoad.class"
CP="cli/target/test-classes:$JAR"

. cli/bench/lib.sh
need_debian time:/usr/bin/time
ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || need_debian postgresql:/nonexistent/initdb
build_when_needed "$GEN_CLASS"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
PSQL="$PGBIN/psql"
[ -x "$PSQL" ] || PSQL=psql

# ---- scratch and server ----
BASE="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-pg-bench.XXXXXX")"
chmod 755 "$BASE"
S="$BASE/out"
mkdir -p "$S"
AS=()
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); chown postgres "$BASE"; fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${AS[@]}" "$PGBIN/initdb" -D "$BASE/data" -U bench -A trust -E UTF8 --locale=C --no-sync > "$S/initdb.log"
"${AS[@]}" "$PGBIN/pg_ctl" -D "$BASE/data" -l "$BASE/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $BASE -c shared_buffers=256MB -c max_wal_size=4GB" start > /dev/null
cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$BASE/data" -m fast -w stop > /dev/null 2>&1 || true
  if [ "${KEEP_WS:-0}" = 1 ]; then log "data kept in $BASE"; else rm -rf "$BASE"; fi
}
trap cleanup EXIT
"$PSQL" -qX -h 127.0.0.1 -p "$PORT" -U bench -d postgres -c "CREATE DATABASE sales" > /dev/null
spec() { echo "postgresql://bench@127.0.0.1:$PORT/sales?schema=$1"; }
q() { "$PSQL" -qXAt -h 127.0.0.1 -p "$PORT" -U bench -d sales "$@"; }

# ---- measuring (as cli/bench/sqlite.sh) ----
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
median() { cut -d' ' -f1 "$S/$1.times" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
row() { # row LABEL NAME [BASELINE]
  local m; m=$(median "$2")
  local ratio=""
  [ -z "${3:-}" ] || ratio=$(awk -v a="$m" -v b="$(median "$3")" 'BEGIN {printf "%.2fx", a / b}')
  printf '  %-66s %3s runs  median %7.3f s %8s\n' "$1" "$(wc -l < "$S/$2.times")" "$m" "$ratio"
}

echo "salesflow PostgreSQL benchmark, seed $SEED, --now $NOW, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo) RAM; server $("$PGBIN/postgres" --version)"
echo "before: load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ==== (1) migration ====
WS_M="$BASE/sqlite-$MIGRATE_COUNT"
log "building a SQLite store of $MIGRATE_COUNT generated cases (SqliteLoad)"
java -cp "$CP" dev.salesflow.cli.bench.SqliteLoad "$WS_M" "$MIGRATE_COUNT" "$SEED" > /dev/null
: > "$S/migrate.times"
for i in 1 2 3; do
  q -c "DROP SCHEMA IF EXISTS m CASCADE" > /dev/null
  log "migrate --to postgresql: run $i of 3"
  run_once migrate 0 java -jar "$JAR" -q -w "$WS_M" migrate --to "$(spec m)"
done
m_rate=$(awk -v n="$MIGRATE_COUNT" -v t="$(median migrate)" 'BEGIN {printf "%.0f", n / t}')
WS_B="$BASE/pg-$BIG_COUNT"
log "loading $BIG_COUNT generated cases through PostgresStore.createAll"
run_once bigload 0 java -Xmx2g -cp "$CP" dev.salesflow.cli.bench.PostgresLoad "$WS_B" "$(spec big)" "$BIG_COUNT" "$SEED"
cp "$S/stdout.out" "$S/bigload.out"
gen_s=$(awk '$1 == "generate_s" {print $2}' "$S/bigload.out")
load_s=$(awk '$1 == "load_s" {print $2}' "$S/bigload.out")
big_rate=$(awk -v n="$BIG_COUNT" -v l="$load_s" 'BEGIN {printf "%.0f", n / l}')
q -c "VACUUM ANALYZE big.clocks" > /dev/null
echo "(1) migration into PostgreSQL (target >= 20,000 cases/s)"
row "salesflow migrate --to postgresql: ($MIGRATE_COUNT cases from sqlite:, JVM included)" migrate
echo "  => $m_rate cases/s at the median"
echo "  => createAll of $BIG_COUNT cases built in memory: $load_s s = $big_rate cases/s (building them alone: $gen_s s)"
echo "     database size $(q -c "SELECT pg_size_pretty(pg_database_size('sales'))")"
echo

# ==== (2) overdue at BIG_COUNT ====
due=$(date -d "$NOW_UTC" +%s)
Q="SELECT json_agg(r) FROM (SELECT case_id, rule, owner, priority, stage, started_unix, due_unix FROM big.clocks
   WHERE due_unix < $due ORDER BY owner, due_unix, case_id) r"
log "timing overdue over $BIG_COUNT cases and the psql query, interleaved"
measure_interleaved "$RUNS" \
  ov_big "0 1" java -jar "$JAR" -w "$WS_B" overdue --now "$NOW" --format json -- \
  psql_q 0 "$PSQL" -qXAt -h 127.0.0.1 -p "$PORT" -U bench -d sales -c "$Q"
measure_interleaved "$RUNS" \
  ov_big_launcher "0 1" ./salesflow -w "$WS_B" overdue --now "$NOW" --format json -- \
  version 0 java -jar "$JAR" --version
set +e
java -jar "$JAR" -w "$WS_B" overdue --now "$NOW" --format json > "$S/ov_big.json" 2> /dev/null
set -e
q -F ' ' -c "SELECT case_id, rule FROM big.clocks WHERE due_unix < $due" | sort > "$S/q_pairs.txt"
awk -F'"' '/"case" *:/ {c = $4} /"rule" *:/ {print c, $4}' "$S/ov_big.json" | sort > "$S/sf_pairs.txt"
pairs=$(cmp -s "$S/q_pairs.txt" "$S/sf_pairs.txt" && echo "the same (case, rule) pairs" || echo "DIFFERENT pairs")
echo "(2) overdue over $BIG_COUNT cases on PostgreSQL (target <= 1 s and <= 2x the psql query)"
row "psql -c 'SELECT json_agg(...) FROM clocks WHERE due_unix < now'" psql_q
row "java -jar salesflow.jar overdue --format json" ov_big psql_q
row "./salesflow (launcher) overdue --format json" ov_big_launcher psql_q
row "java -jar salesflow.jar --version (JVM start only)" version
echo "  salesflow $(wc -l < "$S/sf_pairs.txt") breached clocks, psql $(wc -l < "$S/q_pairs.txt") rows: $pairs"
echo

# ==== (3) one log against show ====
# an open case (one with running clocks) from the middle of the id range: a lost or closed one takes no event
ID=$(q -c "SELECT min(case_id) FROM big.clocks WHERE case_id >= (SELECT id FROM big.cases ORDER BY id LIMIT 1 OFFSET $((BIG_COUNT / 2)))")
log "timing one log and show of $ID on $BIG_COUNT cases, interleaved"
measure_interleaved "$RUNS" \
  log1 0 ./salesflow -w "$WS_B" log "$ID" note --note "bench" --by bench --at "$NOW" -- \
  show1 0 ./salesflow -w "$WS_B" show "$ID"
echo "(3) one log against show on $BIG_COUNT cases (target: within 2x)"
row "./salesflow show $ID" show1
row "./salesflow log $ID note" log1 show1
echo
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
