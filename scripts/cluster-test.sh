#!/usr/bin/env bash
# Issue 14 §3, with real processes: Redis on a free loopback port, two `micro cluster silo` processes with Redis
# membership, a sweep with --cluster, one silo killed (SIGKILL, by its PID) after a few results; the catalog and every
# run file must equal a local sweep's; then a --keep all sweep through --shared-dir must equal a local one. Everything started here is stopped by its PID at the end, also on failure.
# Needs the Release build (dotnet build -c Release). Prints "cluster test: PASSED" or fails with the reason.
# Optional: KEEP=1 keeps the work directory (logs, both sweeps).
set -euo pipefail
cd "$(dirname "$0")/.."
micro=(dotnet src/Microstructure.Cli/bin/Release/net10.0/micro.dll)
[ -f src/Microstructure.Cli/bin/Release/net10.0/micro.dll ] || { echo "cluster test: build first (dotnet build -c Release)" >&2; exit 1; }

work=$(mktemp -d /tmp/micro-cluster-test.XXXXXX)
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    echo "cluster test: FAILED (rc $rc); logs:" >&2
    for f in "$work"/*.out "$work"/*.err "$work"/*.log; do [ -s "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }; done
  fi
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v redis-server >/dev/null; then
  echo "installing redis-server (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local until=$((SECONDS + $1)) what=$2; shift 2
  until "$@"; do [ "$SECONDS" -lt "$until" ] || { echo "cluster test: timed out waiting for $what" >&2; return 1; }; sleep 0.2; done
}

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$work/redis.log" 2>&1 &
pids+=($!)
wait_for 30 "redis" sh -c "redis-cli -p $redis_port ping 2>/dev/null | grep -q PONG"
cluster="redis://127.0.0.1:$redis_port"
id="ci-$$"

declare -a silo
for i in 1 2; do
  "${micro[@]}" cluster silo --clustering "$cluster" --cluster-id "$id" --slots 1 \
    --silo-port "$(free_port)" --gateway-port "$(free_port)" > "$work/silo$i.out" 2> "$work/silo$i.err" &
  silo[$i]=$!
  pids+=($!)
done
wait_for 120 "both silos" sh -c "grep -qs 'silo up' '$work/silo1.out' && grep -qs 'silo up' '$work/silo2.out'"
echo "redis on port $redis_port (pid ${pids[0]}), silos up (pids ${silo[1]} ${silo[2]})"

sweep=(sweep data/scenarios/leveraged-cascade.json --set 'agents[4].leverage.median=10,20,40' --seeds 4 --duration 10)
"${micro[@]}" "${sweep[@]}" --out "$work/local" > "$work/local.out"
echo "local sweep done: $(($(wc -l < "$work/local/runs.csv") - 1)) runs"

"${micro[@]}" "${sweep[@]}" --parallel 12 --cluster "$cluster" --cluster-id "$id" --out "$work/cluster" > "$work/client.out" 2> "$work/client.err" &
client=$!
pids+=($client)
finished() { [ "$(find "$work/cluster/runs" -mindepth 1 -maxdepth 1 -type d ! -name '*.partial' 2>/dev/null | wc -l)" -ge "$1" ]; }
wait_for 300 "3 finished runs" finished 3
kill -KILL "${silo[2]}"
killed_at=$(date -u +%H:%M:%S.%3N)
echo "killed silo 2 (pid ${silo[2]}) at $killed_at UTC after $(find "$work/cluster/runs" -mindepth 1 -maxdepth 1 -type d ! -name '*.partial' | wc -l) finished runs"
rc=0
wait "$client" || rc=$?
[ "$rc" -eq 0 ] || { echo "cluster test: the cluster sweep exited with $rc" >&2; exit 1; }

cmp "$work/local/runs.csv" "$work/cluster/runs.csv" || { echo "cluster test: the catalogs differ" >&2; exit 1; }
diff -r "$work/local/runs" "$work/cluster/runs" > /dev/null || { echo "cluster test: run files differ" >&2; exit 1; }
retries=$(grep -c 'retry: run' "$work/client.err" || true)
first_retry=$(grep -m1 -o '^[0-9:.]* retry' "$work/client.err" | cut -d' ' -f1 || true)
recovered=$(grep 'recovered: run' "$work/client.err" | head -n 1 || true)
# Whether the killed silo held a run when it died depends on Orleans' placement: with none, nothing needs a retry,
# and the checks above (same catalog and run files as the local sweep) are what must hold.
[ "$retries" -gt 0 ] || echo "cluster test: no run was retried (the killed silo held none when it died)"
echo "catalog equal to the local sweep's, run for run ($(($(wc -l < "$work/cluster/runs.csv") - 1)) runs); $retries retries, first at ${first_retry:-none} (kill at $killed_at)"
if [ -n "$recovered" ]; then
  echo "first recovered run: $recovered"
  # It restarted on a live silo at (its finish time - its run time); from the kill to that moment:
  python3 - "$killed_at" "$work/client.err" <<'PY'
import sys
from datetime import datetime
t = lambda s: datetime.strptime(s, "%H:%M:%S.%f")
killed = t(sys.argv[1])
starts = [(t(w[0]) - killed).total_seconds() - float(w[8]) for w in (l.split() for l in open(sys.argv[2])) if len(w) > 8 and w[1] == "recovered:"]
print(f"restart after the kill: {min(starts):.1f} s to the first re-executed run on a live silo, {max(starts):.1f} s to the last ({len(starts)} runs)")
PY
fi

# Full tapes through a shared directory (--keep all --shared-dir): the surviving silo records each run there and the
# client moves it into the sweep; every tape must equal a local --keep all sweep's, and nothing may stay in the share.
mkdir "$work/share"
full=(sweep data/scenarios/leveraged-cascade.json --set 'agents[4].leverage.median=10,40' --seeds 2 --duration 5 --keep all)
"${micro[@]}" "${full[@]}" --out "$work/local-all" > "$work/local-all.out"
"${micro[@]}" "${full[@]}" --cluster "$cluster" --cluster-id "$id" --shared-dir "$work/share" --out "$work/cluster-all" > "$work/client-all.out" 2> "$work/client-all.err" \
  || { echo "cluster test: the --keep all --shared-dir sweep failed" >&2; exit 1; }
cmp "$work/local-all/runs.csv" "$work/cluster-all/runs.csv" || { echo "cluster test: the --keep all catalogs differ" >&2; exit 1; }
diff -r "$work/local-all/runs" "$work/cluster-all/runs" > /dev/null || { echo "cluster test: --keep all run files differ" >&2; exit 1; }
[ -z "$(ls -A "$work/share")" ] || { echo "cluster test: the shared directory was not emptied" >&2; exit 1; }
echo "keep all through --shared-dir: $(find "$work/cluster-all/runs" -type f -name '*.parquet' | wc -l) tapes equal the local sweep's"
echo "cluster test: PASSED"
