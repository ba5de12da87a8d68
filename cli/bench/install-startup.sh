#!/usr/bin/env bash
# Benchmark (not a test): start-up of an installed salesflow against the repository launcher.
#
#   cli/bench/install-startup.sh      # from anywhere; builds when needed
#
# Unpacks the release tarball into a temporary prefix and reaches its bin/salesflow through a
# symlink, as an install on PATH would; the repository's ./salesflow runs on the same jar. Both
# make their class-data archive on a first, untimed run. Then RUNS rounds after WARMUP untimed
# ones, the commands taking turns (wall clock, bash's EPOCHREALTIME), so load from other work on the
# machine touches both alike: medians and the installed/repository ratio of each command. With
# DEB=1 and a built cli/target/deb/*.deb (mvn -Pdeb), the .deb is installed too (dpkg -i, as root)
# and /usr/bin/salesflow, on its bundled runtime, takes its turn; it is removed at the end.
# The target: the installed 'show' within 1.2x the repository launcher's.
#
# Environment: RUNS (default 21), WARMUP (default 3), BUILD=always|never|auto (default auto), DEB=0|1.
set -euo pipefail

RUNS="${RUNS:-21}"
WARMUP="${WARMUP:-3}"
BUILD="${BUILD:-auto}"
DEB="${DEB:-0}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
. cli/bench/lib.sh
build_when_needed
version="$(sed -n 's/^version=//p' cli/target/classes/dev/salesflow/cli/build.properties)"
tarball="cli/target/salesflow-$version.tar.gz"
[ -f "$tarball" ] || { log "no $tarball"; exit 3; }

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-install-startup.XXXXXX")"
deb_installed=0
cleanup() {
  [ "$deb_installed" = 0 ] || dpkg -r salesflow >/dev/null 2>&1 || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
tar -xzf "$tarball" -C "$SCRATCH"
mkdir -p "$SCRATCH/bin"
ln -s "$SCRATCH/salesflow-$version/bin/salesflow" "$SCRATCH/bin/salesflow"
installed="$SCRATCH/bin/salesflow"
ID="$(find examples/cases -maxdepth 1 -name '*.yaml' ! -name '.*' | sort | head -n1 | xargs basename | sed 's/\.yaml$//')"

names=()
bench() { # bench NAME CMD...: defines run_NAME and adds NAME to the rounds
  local name="$1"
  shift
  names+=("$name")
  printf -v body '%q ' "$@"
  eval "run_$name() { $body; }"
  : >"$SCRATCH/$name.times"
}
time_once() {
  local name="$1" start rc=0
  start=$EPOCHREALTIME
  "run_$name" >"$SCRATCH/out" 2>"$SCRATCH/err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    log "'$name' exited with $rc; its stderr:"
    cat "$SCRATCH/err" >&2
    exit 3
  fi
  [ "$KEEP" = 0 ] || awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}' >>"$SCRATCH/$name.times"
}
median() { sort -g "$1" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

show=(-w examples --now "$NOW" show "$ID")
overdue=(-w examples --now "$NOW" overdue)
bench repo_version ./salesflow --version
bench inst_version "$installed" --version
bench repo_show ./salesflow "${show[@]}"
bench inst_show "$installed" "${show[@]}"
bench repo_overdue ./salesflow "${overdue[@]}"
bench inst_overdue "$installed" "${overdue[@]}"
if [ "$DEB" = 1 ]; then
  deb="$(ls cli/target/deb/salesflow_*.deb 2>/dev/null | head -n1 || true)"
  [ -n "$deb" ] || { log "DEB=1 but no cli/target/deb/*.deb (mvn -B package -Pdeb)"; exit 3; }
  log "installing $deb"
  deb_installed=1
  dpkg -i "$deb" >/dev/null
  bench deb_show /usr/bin/salesflow "${show[@]}"
fi

log "first runs (each launcher makes its class-data archive)"
KEEP=0
for name in "${names[@]}"; do time_once "$name"; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
log "timing: $RUNS rounds of every command after $WARMUP warm-up rounds"
for ((round = 0; round < WARMUP + RUNS; round++)); do
  KEEP=$((round >= WARMUP ? 1 : 0))
  for name in "${names[@]}"; do time_once "$name"; done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

ms() { awk -v s="$(median "$SCRATCH/$1.times")" 'BEGIN {printf "%.1f", s * 1000}'; }
echo "salesflow $version: start-up, medians of $RUNS interleaved runs (ms); load $load_before -> $load_after"
printf '%-10s %12s %12s %10s\n' command repository installed ratio
for cmd in version show overdue; do
  r="$(ms "repo_$cmd")" i="$(ms "inst_$cmd")"
  printf '%-10s %12s %12s %9.2fx\n' "$cmd" "$r" "$i" "$(awk -v a="$i" -v b="$r" 'BEGIN {print a / b}')"
done
if [ "$DEB" = 1 ]; then
  r="$(ms repo_show)" d="$(ms deb_show)"
  printf '%-10s %12s %12s %9.2fx   (the .deb: /usr/bin/salesflow, bundled runtime)\n' "show" "$r" "$d" \
    "$(awk -v a="$d" -v b="$r" 'BEGIN {print a / b}')"
fi
echo "target: installed show within 1.20x the repository launcher's"
