#!/usr/bin/env bash
# Issue 14 §4: the cluster path's overhead per run against the local executor, and throughput with one and two silos
# (localhost clustering, this machine). Each silo configuration first runs one discarded warm-up sweep (the silo's
# JIT; a local sweep pays it in every process, a long-lived silo once). Medians of REPS (default 3) repetitions; each repetition uses a slightly
# different --duration (D.000, D.001, ...) so that its run keys are new and no grain answers from a kept result.
# Needs the Release build; uses ports 11111-11112 and 30000-30001. Every process started is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
micro=(dotnet src/Microstructure.Cli/bin/Release/net10.0/micro.dll)
reps=${REPS:-5}
base=${DURATION:-150} # simulated seconds per run: about 1.5 s of wall time each on this machine
work=$(mktemp -d /tmp/micro-cluster-measure.XXXXXX)
silos=()
stop_silos() { for pid in "${silos[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; for pid in "${silos[@]}"; do wait "$pid" 2>/dev/null || true; done; silos=(); }
trap 'stop_silos; rm -rf "$work"' EXIT
start_silo() { # start_silo N SLOTS
  local port=$((11110 + $1)) gateway=$((29999 + $1))
  "${micro[@]}" cluster silo --slots "$2" --silo-port "$port" --gateway-port "$gateway" > "$work/silo$1.out" 2> "$work/silo$1.err" &
  silos+=($!)
  local until=$((SECONDS + 120))
  until grep -qs 'silo up' "$work/silo$1.out"; do [ "$SECONDS" -lt "$until" ] || { echo "silo $1 did not start" >&2; exit 1; }; sleep 0.2; done
}
seconds() { /usr/bin/time -f %e -o "$work/time" "$@" > /dev/null 2>> "$work/client.err"; cat "$work/time"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sweep() { # sweep RUNS-SEEDS DURATION OUT [extra...]
  local seeds=$1 duration=$2 out=$3; shift 3
  seconds "${micro[@]}" sweep data/scenarios/leveraged-cascade.json --seeds "$seeds" --duration "$duration" --out "$out" "$@"
}

uptime
warm() { sweep 2 "$base.999" "$work/warm-$RANDOM" --parallel 4 --cluster localhost > /dev/null; }
echo "overhead: 6 runs of $base simulated seconds, one at a time (local --parallel 1; cluster: one silo, --slots 1, --parallel 1)"
: > "$work/local1"; : > "$work/cluster1"
start_silo 1 1
warm
for r in $(seq 0 $((reps - 1))); do
  d=$(printf '%d.%03d' "$base" "$r")
  sweep 6 "$d" "$work/l1-$r" --parallel 1 >> "$work/local1"
  sweep 6 "$d" "$work/c1-$r" --parallel 1 --cluster localhost >> "$work/cluster1"
  cmp -s "$work/l1-$r/runs.csv" "$work/c1-$r/runs.csv" || { echo "catalogs differ" >&2; exit 1; }
done
stop_silos
local1=$(median < "$work/local1"); cluster1=$(median < "$work/cluster1")
echo "  local   $(tr '\n' ' ' < "$work/local1")s -> median $local1 s"
echo "  cluster $(tr '\n' ' ' < "$work/cluster1")s -> median $cluster1 s"
awk -v l="$local1" -v c="$cluster1" 'BEGIN { printf "  per run: local %.3f s, cluster %.3f s, overhead %+.3f s (%+.1f%%), client start and connect included\n", l / 6, c / 6, (c - l) / 6, 100 * (c - l) / l }'

echo "throughput: 12 runs of $((base + 1)) to $((base + 3)) simulated seconds (local --parallel 2; one silo --slots 2; two silos --slots 1 each; --parallel 12 on the cluster)"
: > "$work/local2"; : > "$work/one"; : > "$work/two"
for r in $(seq 0 $((reps - 1))); do
  sweep 12 "$(printf '%d.%03d' $((base + 1)) "$r")" "$work/l2-$r" --parallel 2 >> "$work/local2"
done
start_silo 1 2
warm
for r in $(seq 0 $((reps - 1))); do
  sweep 12 "$(printf '%d.%03d' $((base + 2)) "$r")" "$work/o-$r" --parallel 12 --cluster localhost >> "$work/one"
done
stop_silos
start_silo 1 1; start_silo 2 1
warm
for r in $(seq 0 $((reps - 1))); do
  sweep 12 "$(printf '%d.%03d' $((base + 3)) "$r")" "$work/t-$r" --parallel 12 --cluster localhost >> "$work/two"
done
stop_silos
for name in local2 one two; do
  m=$(median < "$work/$name")
  awk -v n="$name" -v m="$m" -v all="$(tr '\n' ' ' < "$work/$name")" 'BEGIN { printf "  %-7s %ss -> median %.2f s, %.1f runs/min\n", n, all, m, 12 * 60 / m }'
done
