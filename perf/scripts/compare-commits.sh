#!/usr/bin/env bash
# Compares two commits on this machine with the perf harness, in alternating rounds (old, new, old, new, …) so that
# both see the same load, and prints the median of each figure per commit.
#
#   perf/scripts/compare-commits.sh OLD_REV NEW_REV [ROUNDS]      (default 5 rounds; about 45 s per round)
#
# Figures (each the harness's own median of its runs, then the median over rounds):
#   risk mark M/s   — mark updates per second over 200,000 open positions (perf risk, quick)
#   cascade ms      — 20,000 liquidations from one command (perf risk, quick; lower is better)
#   kernel M ev/s   — simulation kernel, 1,136 agents, 300 simulated s, direct mode (perf kernel direct, quick)
#   replay M msg/s  — LOBSTER replay from disk, one thread (perf replay)
# Take figures when nothing else runs: the load average at the start and end is printed.
set -euo pipefail
old=${1:?usage: compare-commits.sh OLD_REV NEW_REV [ROUNDS]}
new=${2:?usage: compare-commits.sh OLD_REV NEW_REV [ROUNDS]}
rounds=${3:-5}
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/old" >/dev/null 2>&1 || true; git -C "$repo" worktree remove --force "$work/new" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

for which in old new; do
  rev=${!which}
  git -C "$repo" worktree add --detach "$work/$which" "$rev" >/dev/null
  echo "building $which ($(git -C "$work/$which" rev-parse --short HEAD))" >&2
  dotnet build "$work/$which/perf/Microstructure.PerfTests" -c Release -v q -nologo >/dev/null
done

harness() { echo "$work/$1/perf/Microstructure.PerfTests/bin/Release/net10.0/Microstructure.PerfTests.dll"; }
column() { awk -F'|' -v c="$1" '{gsub(/ /,"",$c); print $c}'; }
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
results="$work/results.tsv"
for round in $(seq 1 "$rounds"); do
  for which in old new; do
    p=$(harness "$which")
    risk=$(MS_RISK_QUICK=1 dotnet "$p" risk 2>&1)
    mark=$(grep '^| 200,000 | 5,000,000' <<<"$risk" | column 5)
    # Harnesses before the warm-up fix of issue 10 print one timed cascade and no median line.
    cascade=$(grep '^Cascade median:' <<<"$risk" | awk '{print $3}' || true)
    [ -n "$cascade" ] || cascade=$(grep '^| 200,000 | 20,000' <<<"$risk" | head -1 | column 5)
    kernel=$(MS_KERNEL_QUICK=1 dotnet "$p" kernel direct 2>&1 | grep '^| direct' | column 12)
    replay=$(dotnet "$p" replay 2>&1 | grep '^| 10,000,000' | column 5)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$which" "$mark" "$cascade" "$kernel" "$replay" | tee -a "$results" >&2
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf '\n| figure | %s (old) | %s (new) | new / old |\n|---|---|---|---|\n' "$old" "$new"
names=("" "" "risk mark M/s" "cascade ms" "kernel M ev/s" "replay M msg/s")
for col in 3 4 5 6; do
  o=$(awk -F'\t' -v c="$col" '$2=="old" {print $c}' "$results" | median)
  n=$(awk -F'\t' -v c="$col" '$2=="new" {print $c}' "$results" | median)
  printf '| %s | %s | %s | %s |\n' "${names[$((col - 1))]}" "$o" "$n" "$(awk -v n="$n" -v o="$o" 'BEGIN { printf "%.3f", n / o }')"
done
