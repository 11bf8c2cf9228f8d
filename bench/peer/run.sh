#!/usr/bin/env bash
# The peer benchmark: hum's statement in Noir (circuit/), proved by @aztec/bb.js 5.0.0 UltraHonk on
# its wasm backend (1 and 2 threads) and by the native bb shipped in that package. Installs its
# pinned packages (npm ci), compiles the circuit, writes a timing-only CRS (crs.mjs says why), and
# writes one JSON line a metric to OUT/results.jsonl and a table to stdout.
#
#   bench/peer/run.sh [OUT]          OUT defaults to bench/peer/build
#   env: RUNS (5), SKIP_NATIVE=1, BB_TARGET (noir-recursive = ZK), WITNESS (a hum witness file,
#        depth 20; default: common.mjs's), CRS_POINTS (8193)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "${1:-$here/build}" && cd "${1:-$here/build}" && pwd)
export RUNS=${RUNS:-5}
results=$out/results.jsonl
: > "$results"
log() { echo "[peer] $*" >&2; }
line() { echo "{\"metric\":\"$1\",\"unit\":\"$2\",\"values\":[$3]}" >> "$results"; }

cd "$here"
npm ci --no-audit --no-fund --loglevel=error >&2
line machine.nproc n "$(nproc)"
line machine.loadavg1_at_start load "$(cut -d' ' -f1 /proc/loadavg)"
log "compiling circuit/ with noir_wasm"
node compile.mjs "$out/circuit.json" | grep '^{' >> "$results"
if [ ! -f "$out/crs/LOCAL_TAU" ]; then
  log "writing a timing-only CRS (${CRS_POINTS:-8193} points)"
  node crs.mjs "${CRS_POINTS:-8193}" "$out/crs"
fi
# Runs a script once a thread count, its metric lines into results, and its peak RSS if it can.
measure() {
  local script=$1 prefix=$2 threads=$3
  if [ -x /usr/bin/time ]; then
    THREADS=$threads /usr/bin/time -f '%M' -o "$out/rss" node "$script" "$out" | grep '^{' >> "$results"
    line "$prefix.t$threads.peak_rss_whole_process" KiB "$(tail -1 "$out/rss")"
  else
    THREADS=$threads node "$script" "$out" | grep '^{' >> "$results"
  fi
}
for threads in 1 2; do
  log "bb.js wasm, $threads thread(s)"
  measure wasm.mjs noir "$threads"
done
if [ "${SKIP_NATIVE:-0}" != 1 ]; then
  for threads in 1 2; do
    log "native bb, HARDWARE_CONCURRENCY=$threads"
    THREADS=$threads node native.mjs "$out" | grep '^{' >> "$results"
  done
fi
line machine.loadavg1_at_end load "$(cut -d' ' -f1 /proc/loadavg)"
node table.mjs "$results"
