# Shared set-up for hum's scripts: a cargo target dir under $HOME that later runs reuse, and the
# wasm32-wasip2 target. Sourced, not run.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hum-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-wasip2; then
  rustup target add wasm32-wasip2
fi
build_component() {
  cargo build --release --locked --target wasm32-wasip2 -p hum-component
}
