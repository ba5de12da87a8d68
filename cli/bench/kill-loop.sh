#!/usr/bin/env bash
# Reliability loop (not part of `mvn verify`): writer processes SIGKILLed at random moments while
# they append, many more times than the unit test does, against both stores.
#
#   cli/bench/kill-loop.sh [KILLS]      # from the repository root; KILLS per store, default 200
#
# Runs the contract suite's kill tests (core/src/test/java/dev/salesflow/core/store/contract/
# KillContract.java: YamlDirectoryStoreKillTest, SqliteStoreKillTest) with
# -Dsalesflow.kill.rounds=KILLS/4 (4 writer JVMs per round, each killed with SIGKILL after a random
# number of acknowledged appends plus a random sleep, or after a random sleep alone). After every
# round the store is reopened and every acknowledged note must be there exactly once, in its
# writer's order; at the end the case files must all parse (YAML) or the database must pass
# PRAGMA integrity_check and foreign_key_check, with its materialised clocks equal to rebuilt ones
# (SQLite).
#
# Environment: SEED (default: random per store, printed, so a failure can be replayed with
# SEED=...), STORES (default "Yaml Sqlite"), REPEAT (default 1: how many times to run each store's
# loop, each with a fresh store and seed).
# Exit status: 0 when every loop passed, 1 otherwise.
set -euo pipefail

KILLS="${1:-200}"
STORES="${STORES:-Yaml Sqlite}"
REPEAT="${REPEAT:-1}"
WRITERS=4
ROUNDS=$(( (KILLS + WRITERS - 1) / WRITERS ))

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
log() { echo "kill-loop: $*" >&2; }

echo "kill-loop: $KILLS SIGKILLs per store ($ROUNDS rounds of $WRITERS writer JVMs), repeated $REPEAT time(s)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
  "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1024/1024}' /proc/meminfo) RAM; $(java -version 2>&1 | head -n1);"\
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

failed=0
for store in $STORES; do
  case "$store" in
    Yaml) test_class=YamlDirectoryStoreKillTest ;;
    Sqlite) test_class=SqliteStoreKillTest ;;
    *) log "unknown store '$store' (Yaml or Sqlite)"; exit 2 ;;
  esac
  for run in $(seq "$REPEAT"); do
    seed="${SEED:-$(od -An -N8 -td8 /dev/urandom | tr -d ' ')}"
    report="core/target/surefire-reports/TEST-dev.salesflow.core.store.contract.$test_class.xml"
    rm -f "$report"
    start=$(date +%s.%N)
    rc=0
    mvn -B -q -pl core test -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false \
      -Dsalesflow.kill.rounds="$ROUNDS" -Dsalesflow.kill.seed="$seed" > "core/target/kill-loop-$test_class.log" 2>&1 || rc=$?
    wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}')
    summary=$(grep -o "$test_class (seed [^<]*SIGKILLs[^<]*" "$report" 2>/dev/null | head -n1 || true)
    if [ "$rc" = 0 ] && [ -n "$summary" ]; then
      echo "PASS $store run $run (${wall} s with the build): $summary"
    else
      failed=1
      echo "FAIL $store run $run, seed $seed (exit $rc); replay with: SEED=$seed STORES=$store cli/bench/kill-loop.sh $KILLS"
      grep -h -A12 "<<< FAILURE\|<<< ERROR" "core/target/surefire-reports/dev.salesflow.core.store.contract.$test_class.txt" \
        2>/dev/null | head -n 40 || tail -n 40 "core/target/kill-loop-$test_class.log"
    fi
    grep -o "$test_class: [0-9]* hidden temp files[^<]*" "$report" 2>/dev/null | head -n1 || true
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
