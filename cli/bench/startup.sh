#!/usr/bin/env bash
# Benchmark (not a test): start-up of salesflow against a bare Java hello world compiled in the same
# run, so the ratios hold on any machine.
#
#   cli/bench/startup.sh            # from anywhere; builds when needed
#
# Times each command RUNS times after WARMUP untimed runs, the commands taking turns (wall clock,
# bash's EPOCHREALTIME), and prints medians and their ratio to the hello world. The target:
# './salesflow --version' and './salesflow -w examples show ID' within 2x the hello world. Also measures what the class-data
# archive buys, what a cold Jackson YAMLMapper costs, and that Workspace.open no longer pays it (plain
# settings are bound from the YAML tree, the default process is generated Java).
#
# Environment: RUNS (default 15), WARMUP (default 2), BUILD=always|never|auto (default auto).
set -euo pipefail

RUNS="${RUNS:-15}"
WARMUP="${WARMUP:-2}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
JSA="cli/target/salesflow.jsa"
FAST=(-XX:-UsePerfData -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr)

. cli/bench/lib.sh
build_when_needed

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-startup.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

# ---- the hello world and the Jackson probe, compiled now ----
mkdir -p "$SCRATCH/classes"
cat > "$SCRATCH/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
cat > "$SCRATCH/JacksonProbe.java" <<'EOF'
import java.nio.file.Path;
import java.util.Map;

/** Prints the milliseconds of a cold Jackson YAML bind and of Workspace.open, in the order asked. */
public class JacksonProbe {
  public static void main(String[] args) throws Exception {
    Path ws = Path.of(args[1]);
    long t0 = System.nanoTime();
    if (args[0].equals("jackson-first")) {
      new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue("timezone: Asia/Shanghai\nid_prefix: ACME\n", Map.class);
    }
    long t1 = System.nanoTime();
    dev.salesflow.core.workspace.Workspace.open(ws);
    long t2 = System.nanoTime();
    System.out.printf("%.1f %.1f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }
}
EOF
javac -d "$SCRATCH/classes" "$SCRATCH/Hello.java"
javac -d "$SCRATCH/classes" -cp "$JAR" "$SCRATCH/JacksonProbe.java"

# ---- the archive: made by the launcher on its first run after a build ----
if [ ! -f "$JSA" ] || [ "$JAR" -nt "$JSA" ]; then
  log "making the class-data archive (the launcher's first run)"
  start=$EPOCHREALTIME
  ./salesflow --version >/dev/null
  log "first run with archive creation: $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.2f s", b - a}')"
fi
[ -f "$JSA" ] || log "no archive was made: the launcher rows run without one"

ID="$(find examples/cases -maxdepth 1 -name '*.yaml' ! -name '.*' | sort | head -n1 | xargs basename | sed 's/\.yaml$//')"

# Each command is a function run_NAME; rounds run every command once, in turn, so a change in the
# machine's load during the benchmark touches every row alike (the ratios stay fair).
names=()
bench() { # bench NAME CMD...: defines run_NAME and adds NAME to the rounds
  local name="$1"
  shift
  names+=("$name")
  printf -v body '%q ' "$@"
  eval "run_$name() { $body; }"
  : > "$SCRATCH/$name"
}

# time_once NAME: one run of run_NAME; its wall seconds are appended to $SCRATCH/NAME when KEEP=1
time_once() {
  local name="$1" start rc=0
  start=$EPOCHREALTIME
  "run_$name" > "$SCRATCH/out" 2> "$SCRATCH/err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    log "'$name' exited with $rc; its stderr:"
    cat "$SCRATCH/err" >&2
    exit 3
  fi
  if [ "$KEEP" = 1 ]; then
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}' >> "$SCRATCH/$name"
  fi
}

median() { sort -g "$1" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

pressure() { # share of the last 60 s in which some runnable task waited for a CPU (Linux PSI)
  if [ -r /proc/pressure/cpu ]; then awk '/^some/ {sub("avg60=", "", $3); print $3 "%"}' /proc/pressure/cpu; else echo "n/a"; fi
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
psi_before=$(pressure)
log "timing: $RUNS rounds of every command after $WARMUP warm-up rounds"
probe_cp="$JAR:$SCRATCH/classes"
archive=()
[ -f "$JSA" ] && archive=(-XX:SharedArchiveFile="$JSA")
bench hello java -cp "$SCRATCH/classes" Hello
bench hello_fast java "${FAST[@]}" -cp "$SCRATCH/classes" Hello
bench version_plain java -jar "$JAR" --version
bench version_noarchive env SALESFLOW_CDS=0 ./salesflow --version
bench version ./salesflow --version
bench show_plain java -jar "$JAR" -w examples --now "$NOW" show "$ID"
bench show_noarchive env SALESFLOW_CDS=0 ./salesflow -w examples --now "$NOW" show "$ID"
bench show ./salesflow -w examples --now "$NOW" show "$ID"
bench show_relocated env SALESFLOW_JAVA_OPTS=-XX:ArchiveRelocationMode=1 ./salesflow -w examples --now "$NOW" show "$ID"
bench show_json ./salesflow -w examples --now "$NOW" show "$ID" --format json
bench list ./salesflow -w examples --now "$NOW" list
bench overdue ./salesflow -w examples --now "$NOW" overdue --format json
bench probe_jackson java "${FAST[@]}" ${archive[@]+"${archive[@]}"} -cp "$probe_cp" JacksonProbe jackson-first examples
for ((round = 0; round < WARMUP + RUNS; round++)); do
  KEEP=$((round >= WARMUP ? 1 : 0))
  for name in "${names[@]}"; do
    time_once "$name"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
psi_after=$(pressure)

# Jackson: in one JVM (launcher options and archive), a cold YAMLMapper bind, then Workspace.open;
# and Workspace.open alone, cold; and which Jackson classes Workspace.open alone loads.
for order in jackson-first workspace-only; do
  : > "$SCRATCH/$order.a"; : > "$SCRATCH/$order.b"
  for ((i = 0; i < RUNS; i++)); do
    read -r a b < <(java "${FAST[@]}" ${archive[@]+"${archive[@]}"} -cp "$probe_cp" JacksonProbe "$order" examples)
    echo "$a" >> "$SCRATCH/$order.a"
    echo "$b" >> "$SCRATCH/$order.b"
  done
done
java "${FAST[@]}" ${archive[@]+"${archive[@]}"} -Xlog:class+load:file="$SCRATCH/classes.log" -cp "$probe_cp" \
  JacksonProbe workspace-only examples >/dev/null
databind=$(grep -c 'com\.fasterxml\.jackson\.databind\.' "$SCRATCH/classes.log" || true)

# ---- report ----
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')
echo "salesflow start-up: $RUNS interleaved rounds after $WARMUP warm-up rounds; medians of wall time"
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}; $(java -version 2>&1 | head -n1)"
echo "other load: load average $load_before before, $load_after after; CPU pressure (PSI some avg60) $psi_before before, $psi_after after"
echo "archive: $( [ -f "$JSA" ] && echo "$JSA, $(du -m "$JSA" | cut -f1) MB" || echo none)"
echo
base=$(median "$SCRATCH/hello")
printf '%-72s %9s %11s\n' "command" "median s" "x hello"
row() {
  local label="$1" name="$2" m
  m=$(median "$SCRATCH/$name")
  printf '%-72s %9.3f %11.2f\n' "$label" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print a / b}')"
}
row "(a) java Hello (bare hello world: the baseline)" hello
row "(b) java -XX:-UsePerfData -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC Hello" hello_fast
row "(c) java -jar salesflow.jar --version (no options)" version_plain
row "(d) ./salesflow --version, archive off (SALESFLOW_CDS=0)" version_noarchive
row "(e) ./salesflow --version" version
row "(f) java -jar salesflow.jar -w examples show $ID (no options)" show_plain
row "(g) ./salesflow -w examples show $ID, archive off" show_noarchive
row "(h) ./salesflow -w examples show $ID" show
row "(h2) the same, archive mapped at a random address (ArchiveRelocationMode=1)" show_relocated
row "(i) ./salesflow -w examples show $ID --format json" show_json
row "(j) ./salesflow -w examples list" list
row "(k) ./salesflow -w examples overdue --format json" overdue
row "(l) JacksonProbe: cold YAMLMapper bind + Workspace.open (archive)" probe_jackson
echo
verdict() { awk -v a="$(median "$SCRATCH/$1")" -v b="$base" 'BEGIN {r = a / b; printf "%s (%.2fx)", (r <= 2) ? "met" : "MISSED", r}'; }
echo "target, within 2x the hello world: --version $(verdict version); show $(verdict show)"
echo
ja=$(median "$SCRATCH/jackson-first.a"); jb=$(median "$SCRATCH/jackson-first.b"); wo=$(median "$SCRATCH/workspace-only.b")
echo "Jackson inside one JVM (launcher options and archive; medians, ms):"
printf '  cold YAMLMapper + first bind of a small map        %7.1f\n' "$ja"
printf '  Workspace.open after that                           %7.1f\n' "$jb"
printf '  Workspace.open cold                                 %7.1f\n' "$wo"
printf '  Jackson databind classes Workspace.open loads       %7d  (a few exception types: the linking of its fallback)\n' "$databind"
echo "  (a cold Workspace.open is slower than one after the YAMLMapper by the JDK start-up work both share)"
