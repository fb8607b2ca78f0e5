#!/usr/bin/env bash
# Re-measures every figure of docs/performance.md's "Targets at a glance" table, each the median of at least 5 runs,
# with the load average at the start and end and the commit, and saves the harness's own output per figure.
#
#   perf/scripts/measure-figures.sh [OUT_DIR]       (default /tmp/micro-figures-COMMIT; about 12 minutes)
#
# Take figures when nothing else runs: it warns when the 1-minute load average is above 1.2 at the start (2 cores).
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$repo"
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src perf || echo "+dirty")
out=${1:-/tmp/micro-figures-$commit}
mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "commit $commit, start $(date -u +%H:%M) UTC, load average $(load)" | tee "$out/header.txt"
awk '{ if ($1 > 1.2) print "warning: load average " $1 " > 1.2 — figures will read low (other processes share the 2 cores)" }' /proc/loadavg | tee -a "$out/header.txt"

dotnet build perf/Microstructure.PerfTests -c Release -v q -nologo > "$out/build.txt"
dotnet build perf/Microstructure.Benchmarks -c Release -v q -nologo >> "$out/build.txt"

# The build leaves the 1-minute load average high for a minute or two: wait (at most 3 minutes) until it is under 1.5.
# During the steps it stays around 1.5-3 whatever we do: the harness's own threads (two spinning on the ring, etc.).
for _ in $(seq 1 36); do awk '{ exit !($1 < 1.5) }' /proc/loadavg && break; sleep 5; done
echo "after the build: load average $(load)" | tee -a "$out/header.txt"
harness=(dotnet perf/Microstructure.PerfTests/bin/Release/net10.0/Microstructure.PerfTests.dll)

step() { # step NAME COMMAND...: runs it, saves its output, notes the load before it
  local name=$1; shift
  echo "== $name (load $(load))" | tee -a "$out/header.txt"
  "$@" > "$out/$name.md" 2>&1
}

step check      "${harness[@]}" check
step ring-batch "${harness[@]}" ring-batch 7 20000000          # batch 1 vs 16 in 7 alternating rounds: median ratio
for i in 1 2 3 4 5; do step "ring-$i" "${harness[@]}" ring; done # ring vs Channel: 5 runs, median of the ratio
step engine     "${harness[@]}" engine                          # 5 runs inside
MS_REPLAY_RUNS=5 step replay "${harness[@]}" replay             # 10M messages x 5
MS_KERNEL_RUNS=5 step kernel "${harness[@]}" kernel direct      # 600 simulated s x 5
for i in 1 2 3 4 5; do step "risk-$i" "${harness[@]}" risk; done # the cascade: 5 sittings
for i in 1 2 3 4 5; do step "e2e-$i" "${harness[@]}" e2e; done   # end-to-end latency percentiles: 5 runs
step memory     "${harness[@]}" memory                          # bytes per resting order at 1M orders (deterministic)
step monitor perf/Microstructure.Benchmarks/bin/Release/net10.0/Microstructure.Benchmarks \
  --filter '*RiskMonitor*' --inProcess --launchCount 1 --warmupCount 3 --iterationCount 9
echo "end $(date -u +%H:%M) UTC, load average $(load); outputs in $out" | tee -a "$out/header.txt"
