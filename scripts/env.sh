# Shared set-up for hum's scripts: a cargo target dir under $HOME that later runs reuse, and the
# wasm32-wasip2 target. Sourced, not run.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hum-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-wasip2; then
  rustup target add wasm32-wasip2
fi
# Two builds of the component: the portable one (browsers, jco, any runtime) and one with wasm
# wide-arithmetic (i64.mul_wide_u for the field multiplications), which only wasmtime runs and
# which the wasmtime host prefers. The wide build lives in its own target dir (other RUSTFLAGS).
# `--cfg wasm_wide_arithmetic` keeps halo2curves' u128 multiplication there (vendor/halo2curves-
# axiom); the portable build multiplies with 29-bit limbs instead.
build_component() {
  local out="$CARGO_TARGET_DIR/wasm32-wasip2/release"
  cargo build --release --locked --target wasm32-wasip2 -p hum-component
  RUSTFLAGS="-C target-feature=+wide-arithmetic --cfg wasm_wide_arithmetic" CARGO_TARGET_DIR="$CARGO_TARGET_DIR/wide" \
    cargo build --release --locked --target wasm32-wasip2 -p hum-component 2>&1 | grep -v "unstable feature specified" >&2 || true
  cp "$CARGO_TARGET_DIR/wide/wasm32-wasip2/release/hum_component.wasm" "$out/hum_component_wide.wasm"
}

# Headless Chromium for the browser tests and benchmarks (Debian's package).
ensure_chromium() {
  command -v chromium >/dev/null && return
  apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
}
