#!/usr/bin/env bash
# Reliability loop (not part of `mvn verify`): writer processes SIGKILLed at random moments while
# they append, many more times than the unit test does, against both stores.
#
#   cli/bench/kill-loop.sh [KILLS]      # from the repository root; KILLS per store (and per command), default 200
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
# Then the command loop: cli/src/test/java/dev/salesflow/cli/hostile/CommandKillTest.java runs
# `log`, `advance`, `import` and `migrate` as real processes against each store, KILLS times each,
# SIGKILLing them at random moments (40-110 % of an unkilled run's time, half of them 80-105 %); after every run `check`
# passes, the database passes integrity_check, every case replays legally and everything acknowledged
# (exit 0) is there exactly once.
#
# Environment: SEED (default: random per store, printed, so a failure can be replayed with
# SEED=...), STORES (default "Yaml Sqlite"; empty runs neither), REPEAT (default 1: how many times to run each store's
# loop, each with a fresh store and seed), COMMANDS (default 1: run the command loop; 0 skips it),
# ONLY (the command loop's store:command filter, e.g. "sqlite:" or "yaml:log").
# Exit status: 0 when every loop passed, 1 otherwise.
set -euo pipefail

KILLS="${1:-200}"
STORES="${STORES-Yaml Sqlite}"
REPEAT="${REPEAT:-1}"
WRITERS=4
ROUNDS=$(( (KILLS + WRITERS - 1) / WRITERS ))

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mkdir -p core/target cli/target
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
if [ "${COMMANDS:-1}" = 1 ]; then
  seed="${SEED:-$(od -An -N8 -td8 /dev/urandom | tr -d ' ')}"
  report="cli/target/surefire-reports/TEST-dev.salesflow.cli.hostile.CommandKillTest.xml"
  rm -f "$report"
  start=$(date +%s.%N)
  rc=0
  # -am builds core from the reactor (nothing is installed); the test filter skips core's tests
  mvn -B -q -pl cli -am test -Dtest=CommandKillTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsalesflow.cli.kill.runs="$KILLS" -Dsalesflow.cli.kill.seed="$seed" -Dsalesflow.cli.kill.only="${ONLY:-}" \
    > "cli/target/kill-loop-CommandKillTest.log" 2>&1 || rc=$?
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}')
  if [ "$rc" = 0 ]; then
    echo "PASS commands (${wall} s with the build):"
  else
    failed=1
    echo "FAIL commands, seed $seed (exit $rc); replay with: SEED=$seed STORES= ONLY=... cli/bench/kill-loop.sh $KILLS"
    grep -h -A12 "<<< FAILURE\|<<< ERROR" "cli/target/surefire-reports/dev.salesflow.cli.hostile.CommandKillTest.txt" \
      2>/dev/null | head -n 40 || tail -n 40 "cli/target/kill-loop-CommandKillTest.log"
  fi
  grep -ho "CommandKillTest [a-z]* store, [^<]*" "$report" 2>/dev/null | sed 's/^/  /' || true
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
