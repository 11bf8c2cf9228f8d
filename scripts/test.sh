#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (rustup target, npm packages
# from lockfiles), builds the component, runs every Rust test, lints and formatting.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
step() { echo; echo "==> $*"; }

step "npm packages for the JS oracles (tests/js, from its lockfile)"
(cd tests/js && npm ci --no-audit --no-fund)

step "prover component (wasm32-wasip2)"
build_component
ls -l "$CARGO_TARGET_DIR/wasm32-wasip2/release/hum_component.wasm"

step "Rust tests (release profile, shared with the builds)"
cargo test --release --locked --workspace

step "formatting and lints"
cargo fmt --all --check
cargo clippy --release --locked --workspace --all-targets -- -D warnings

echo; echo "all tests passed"
