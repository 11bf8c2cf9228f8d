#!/usr/bin/env bash
# The main job: build the prover component and the wasmtime host, then run `hum demo` (a fresh
# identity in a small tree padded to depth 20: prove, verify, print root, nullifier, size, times).
# Extra arguments go to `hum demo` (e.g. --json, --depth 8).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
build_component
cargo build --release --locked -p hum-host
exec "$CARGO_TARGET_DIR/release/hum" demo "$@"
