#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (rustup target, npm packages
# from lockfiles), builds the component, runs every Rust test, lints and formatting.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
step() { echo; echo "==> $*"; }

step "tools: cbindgen (header drift check), gcc, make, valgrind (C host)"
command -v cbindgen >/dev/null || cargo install cbindgen --locked --version 0.29.0
for tool in gcc make valgrind node npm; do command -v "$tool" >/dev/null || { echo "missing $tool"; exit 1; }; done

step "npm packages for the JS oracles (tests/js) and solc-js for the contracts (contracts/), from their lockfiles"
(cd tests/js && npm ci --no-audit --no-fund)
(cd contracts && npm ci --no-audit --no-fund)

step "prover component (wasm32-wasip2)"
build_component
ls -l "$CARGO_TARGET_DIR/wasm32-wasip2/release/hum_component.wasm"

step "native libraries and the hum CLI"
cargo build --release --locked -p hum-ffi -p hum-host

step "Rust tests (release profile, shared with the builds)"
cargo test --release --locked --workspace

step "browser host: Chromium (Debian), npm packages from the lockfile, type-check, generated-type drift, build"
ensure_chromium
(cd hosts/browser && npm ci --no-audit --no-fund && npm run check && npm run build)

step "browser tests in headless Chromium"
(cd hosts/browser && node test/run.mjs)

step "release artifacts (scripts/release.sh) and the consumer projects on them (tests/consumers)"
./scripts/release.sh >/dev/null
tests/consumers/run.sh

step "the peer benchmark harness proves hum's statement (bench/peer, npm packages from its lockfile)"
bench/peer/same-statement.sh "$CARGO_TARGET_DIR/release/hum"

step "fuzz smoke: every target a few seconds from the committed corpus (cargo-fuzz, nightly)"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2
scratch=$(mktemp -d)
for target in witness_json srs_bytes key_bytes proof_bytes envelope ptau actor_commands; do
  mkdir -p "$scratch/$target"
  (cd fuzz && CARGO_TARGET_DIR="$CARGO_TARGET_DIR/fuzz" cargo +nightly fuzz run -O "$target" "$scratch/$target" "corpus/$target" \
    -- -max_total_time=4 -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|ERROR|panicked" || true)
  if [ -n "$(ls "fuzz/artifacts/$target" 2>/dev/null)" ]; then echo "fuzz target $target found a crash: fuzz/artifacts/$target"; exit 1; fi
done
rm -rf "$scratch"

step "the native crates type-check for macOS (x86_64-apple-darwin; no macOS SDK here, see scripts/apple-check-cc)"
rustup target list --installed | grep -qx x86_64-apple-darwin || rustup target add x86_64-apple-darwin
command -v clang >/dev/null || apt-get install -y clang >/dev/null || { apt-get update >/dev/null && apt-get install -y clang >/dev/null; }
CC_x86_64_apple_darwin="$PWD/scripts/apple-check-cc" \
  cargo check --release --locked --target x86_64-apple-darwin -p hum-core -p hum-ffi -p hum-host

step "formatting and lints"
cargo fmt --all --check
cargo clippy --release --locked --workspace --all-targets -- -D warnings

echo; echo "all tests passed"
