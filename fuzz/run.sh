#!/usr/bin/env bash
# Coverage-guided fuzzing of one input reader with SharpFuzz and AFL++ (docs/fuzzing.md). On demand, never in CI.
#
#   fuzz/run.sh --list              the targets
#   fuzz/run.sh TARGET [SECONDS]    fuzz TARGET for SECONDS (default 600); exit 1 when it found a crash, 3 a hang only
#
# On a fresh Debian machine it installs afl++ (apt) and the SharpFuzz.CommandLine tool (fuzz/dotnet-tools.json), builds
# fuzz/Microstructure.Fuzz in Release, instruments the reader assemblies, seeds the corpus from data/ and runs afl-fuzz.
# Environment: FUZZ_TIMEOUT_MS (AFL's per-input timeout, default 5000: a restarted .NET child needs about a second to
# start), MICROSTRUCTURE_FUZZ_STRICT=1 (user-error messages must also be one printable line).
set -euo pipefail
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz_dir/.." && pwd)
project="$fuzz_dir/Microstructure.Fuzz"
out="$fuzz_dir/out"
plain="$out/bin"               # the harness as built: seeds, dictionary, replaying findings
instrumented="$out/bin-afl"    # the same with the readers instrumented for AFL
# The assemblies whose branches AFL sees: the readers, the scenario loader and the validation they call.
assemblies=(Microstructure.Replay Microstructure.Simulation Microstructure.Agents Microstructure.Risk)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
say() { printf '==> %s\n' "$*" >&2; }

build() {
  say "building fuzz/Microstructure.Fuzz (Release)"
  rm -rf "$plain"
  dotnet publish "$project" -c Release -o "$plain" --nologo -v quiet >&2
}

if [ "${1:-}" = "--list" ]; then
  build
  dotnet "$plain/Microstructure.Fuzz.dll" --list
  exit 0
fi
[ $# -ge 1 ] && [ $# -le 2 ] || usage
target=$1
seconds=${2:-600}
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "error: SECONDS must be a positive integer; got '$seconds'" >&2; exit 64; }

if ! command -v afl-fuzz >/dev/null; then
  say "installing afl++ (apt)"
  sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y afl++
fi

say "restoring the SharpFuzz.CommandLine tool (fuzz/dotnet-tools.json)"
(cd "$fuzz_dir" && dotnet tool restore >&2)

build
dotnet "$plain/Microstructure.Fuzz.dll" --list | awk '{print $1}' | grep -qx -- "$target" \
  || { echo "error: unknown target '$target'; fuzz/run.sh --list shows the targets" >&2; exit 64; }

work="$out/$target"
mkdir -p "$work"
say "seeding the corpus from data/"
rm -rf "$work/in"
dotnet "$plain/Microstructure.Fuzz.dll" "$target" --seeds "$root/data" "$work/in" >&2
dotnet "$plain/Microstructure.Fuzz.dll" "$target" --dict "$root/data" "$work/dict" >&2

say "instrumenting ${assemblies[*]}"
rm -rf "$instrumented"
cp -r "$plain" "$instrumented"
for a in "${assemblies[@]}"; do
  (cd "$fuzz_dir" && dotnet tool run sharpfuzz "$instrumented/$a.dll" >/dev/null)
done

# The readers that need a file write each input to one scratch file: keep it in memory when we can.
scratch_root=/dev/shm; [ -w "$scratch_root" ] || scratch_root=${TMPDIR:-/tmp}
export MICROSTRUCTURE_FUZZ_TMP
MICROSTRUCTURE_FUZZ_TMP=$(mktemp -d "$scratch_root/microstructure-fuzz.XXXXXX")
trap 'rm -rf "$MICROSTRUCTURE_FUZZ_TMP"' EXIT

# Keep the previous run's findings once; a new run starts from the seeds.
if [ -d "$work/afl" ]; then rm -rf "$work/afl.prev"; mv "$work/afl" "$work/afl.prev"; fi

# dotnet is not an AFL-instrumented binary (the assemblies are); no CPU governor or core_pattern tuning in containers.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
afl=(afl-fuzz -i "$work/in" -o "$work/afl" -x "$work/dict" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none -V "$seconds"
  -- dotnet "$instrumented/Microstructure.Fuzz.dll" "$target")
say "afl-fuzz on $target for ${seconds}s (timeout ${FUZZ_TIMEOUT_MS:-5000} ms per input)"
set +e
if [ -t 1 ]; then
  "${afl[@]}"
else
  # No terminal for AFL's screen: its log goes to a file.
  say "log: $work/afl-fuzz.log"
  AFL_NO_UI=1 "${afl[@]}" >"$work/afl-fuzz.log" 2>&1
fi
afl_rc=$?
set -e

stats="$work/afl/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  [ -t 1 ] || tail -n 20 "$work/afl-fuzz.log" >&2
  echo "error: afl-fuzz wrote no statistics (exit $afl_rc)" >&2
  exit 70
fi
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
shopt -s nullglob
crashes=("$work/afl/default/crashes"/id:*)
hangs=("$work/afl/default/hangs"/id:*)
echo
echo "$target: $(stat execs_done) executions in $(stat run_time) s ($(stat execs_per_sec) execs/s), corpus $(stat corpus_count), coverage $(stat bitmap_cvg)"
echo "$target: ${#crashes[@]} crash(es), ${#hangs[@]} hang(s) in $work/afl/default"
# Why each one failed: the replay's verdict from the uninstrumented build.
for f in "${crashes[@]}"; do
  echo "  $f"
  timeout 60 dotnet "$plain/Microstructure.Fuzz.dll" "$target" --replay "$f" 2>&1 | sed -n '1,2p' | sed "s|^$f: ||" | cut -c1-200 | sed 's/^/      /' || true
done
for f in "${hangs[@]}"; do
  echo "  $f"
  verdict=$(timeout 10 dotnet "$plain/Microstructure.Fuzz.dll" "$target" --replay "$f" 2>&1 | head -n 1 | sed "s|^$f: ||" | cut -c1-200) \
    || verdict="still running after 10 s"
  echo "      $verdict"
done
if [ ${#crashes[@]} -gt 0 ] || [ ${#hangs[@]} -gt 0 ]; then
  echo "replay one: dotnet run --project fuzz/Microstructure.Fuzz -c Release -- $target --replay FILE"
fi
[ ${#crashes[@]} -eq 0 ] || exit 1
[ ${#hangs[@]} -eq 0 ] || exit 3
exit 0
