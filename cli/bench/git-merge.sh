#!/usr/bin/env bash
# Benchmark (not a test): the git merge driver on a case of 1,000 events against 'show' of the same
# case, both through the ./salesflow launcher. git runs the driver once per case file both sides
# changed; the target: one merge in under the time of two 'show' commands.
#
#   cli/bench/git-merge.sh          # from anywhere; builds when needed
#
# The base holds 998 events, ours and theirs append one each (theirs' earlier, so the union is not a
# plain append), and the merge yields the 1,000-event case. Each command runs RUNS times after
# WARMUP untimed runs, taking turns (wall clock, bash's EPOCHREALTIME); prints the medians and the
# ratio of the merge to two shows. Environment: RUNS (default 15), WARMUP (default 2),
# BUILD=always|never|auto (default auto).
set -euo pipefail

RUNS="${RUNS:-15}"
WARMUP="${WARMUP:-2}"
BUILD="${BUILD:-auto}"
NOW="2026-11-26T18:00:00+08:00"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
JAR="cli/target/salesflow.jar"
. cli/bench/lib.sh
build_when_needed

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/salesflow-git-merge.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
ws="$SCRATCH/ws"
./salesflow init "$ws" 2>/dev/null
id=BENCH-2026-001
./salesflow -w "$ws" --now "$NOW" register --id "$id" --company "苏州精工机械有限公司" --industry manufacturing \
  --contact-name 王磊 --phone "+86 512 5555 0101" --source exhibition --priority A --owner zhang.wei \
  --at 2026-01-05T00:30:00+08:00 >/dev/null
file="$ws/cases/$id.yaml"
# 998 notes, one a minute from 01:00 (registered at 00:30), written as 'log' writes them
awk 'BEGIN { for (i = 0; i < 998; i++) { m = 60 + i; printf "  - {at: 2026-01-05T%02d:%02d:00+08:00, type: note, by: zhang.wei, note: \"step %d\"}\n", int(m / 60), m % 60, i } }' >> "$file"
cp "$file" "$SCRATCH/base.yaml"
cp "$file" "$SCRATCH/ours.yaml"
cp "$file" "$SCRATCH/theirs.yaml"
echo "  - {at: 2026-01-06T10:00:00+08:00, type: meeting, by: zhang.wei}" >> "$SCRATCH/ours.yaml"
echo "  - {at: 2026-01-06T09:00:00+08:00, type: contacted, by: li.na}" >> "$SCRATCH/theirs.yaml"
cp "$SCRATCH/ours.yaml" "$SCRATCH/ours.orig"

merge_once() {
  cp "$SCRATCH/ours.orig" "$SCRATCH/ours.yaml"
  (cd "$ws" && "$root/salesflow" git-merge "$SCRATCH/base.yaml" "$SCRATCH/ours.yaml" "$SCRATCH/theirs.yaml" "cases/$id.yaml")
}
show_once() {
  ./salesflow -w "$ws" --now "$NOW" show "$id" >/dev/null
}

merge_once
lines="$(grep -c '^  - {at:' "$SCRATCH/ours.yaml")"
[ "$lines" = 1000 ] || { log "the merge gave $lines events, expected 1000"; exit 1; }
cp "$SCRATCH/ours.yaml" "$file" # show reads the merged case
show_once

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ms() { local start="$EPOCHREALTIME"; "$@" >/dev/null; echo "$start $EPOCHREALTIME" | awk '{ printf "%.1f\n", ($2 - $1) * 1000 }'; }

for _ in $(seq "$WARMUP"); do merge_once >/dev/null; show_once; done
: > "$SCRATCH/merge.ms"; : > "$SCRATCH/show.ms"
for _ in $(seq "$RUNS"); do
  ms merge_once >> "$SCRATCH/merge.ms"
  ms show_once >> "$SCRATCH/show.ms"
done
m="$(median < "$SCRATCH/merge.ms")"
s="$(median < "$SCRATCH/show.ms")"
printf 'git-merge of a 1,000-event case: median %s ms over %s runs\n' "$m" "$RUNS"
printf 'show of the merged case:          median %s ms\n' "$s"
awk -v m="$m" -v s="$s" 'BEGIN { r = m / (2 * s); printf "merge / (2 x show) = %.2f (target: below 1.00) %s\n", r, (r < 1 ? "ok" : "MISSED") }'
