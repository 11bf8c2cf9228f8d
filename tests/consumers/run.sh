#!/usr/bin/env bash
# The consumer projects, each using only the released artifacts in dist/ (run scripts/release.sh
# first): the npm package in Node, a Vite app (built, and on the dev server), a webpack 5 app and
# a plain page with an import map, each driven in headless Chromium; the C bundle unpacked from its tarball into a scratch prefix (a C program built with
# pkg-config, and with CMake's find_package(hum), shared and static), a Rust application on
# hum-host with the released component, the component published to a real OCI registry on
# 127.0.0.1 with wkg and pulled back by name and version, and the checksums and versions. The C
# program, the Rust application and the Node script also prove in the EVM flavour, and those
# proofs are verified by the generated Solidity verifier in a real EVM (revm).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist="$root/dist"
source "$root/scripts/env.sh"
step() { echo; echo "==> consumer: $*"; }
fail() { echo "consumer check failed: $*"; exit 1; }

version=$(sed -n 's/^Version: //p' "$dist"/c/hum-*/lib/pkgconfig/hum.pc)
[ -n "$version" ] || fail "no C bundle in dist/c"
scratch=$(mktemp -d)
mkdir -p "$scratch/evm"
registry_pid=
vite_pid=
cleanup() {
  for pid in $registry_pid $vite_pid; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

step "checksums and versions (hum $version)"
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "dist/SHA256SUMS does not match"
grep -q "^package hum:prover@$version;" "$dist/component/wit/hum.wit" || fail "the WIT package is not hum:prover@$version"
grep -q "set(hum_VERSION $version)" "$dist/c/hum-$version/lib/cmake/hum/humConfig.cmake" || fail "the CMake package is not $version"
for wasm in "$dist/component/hum-prover-$version.wasm" "$dist/component/hum-prover-$version-wasmtime.wasm"; do
  HUM_RELEASE_COMPONENT="$wasm" cargo test --release --locked -q -p hum-host --test embedded_wit >/dev/null ||
    fail "$wasm does not embed wit/hum.wit"
done

step "the C bundle, unpacked from its tarball"
mkdir -p "$scratch/prefix"
tar -C "$scratch/prefix" -xzf "$dist/c/hum-$version-linux-x86_64.tar.gz"
prefix="$scratch/prefix/hum-$version"
soname=$(readelf -d "$prefix/lib/libhum.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "libhum.so.${version%.*}" ] || fail "libhum.so has soname '$soname'"

step "C with pkg-config"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion hum)" = "$version" ] || fail "pkg-config says hum $(pkg-config --modversion hum)"
# shellcheck disable=SC2046 # pkg-config's flags are meant to split
cc -Wall -Wextra -Werror -std=c11 -o "$scratch/c-pkgconfig" "$here/c/main.c" $(pkg-config --cflags --libs hum) \
  -Wl,-rpath,"$(pkg-config --variable=libdir hum)"
readelf -d "$scratch/c-pkgconfig" | grep -q "NEEDED.*\[$soname\]" || fail "the program does not need $soname"
out=$("$scratch/c-pkgconfig" "$scratch/evm/c-bundle.json")
echo "$out"
[[ "$out" == "hum $version: "*"verify: valid" ]] || fail "the pkg-config program: $out"

step "C with CMake find_package(hum), shared and static"
command -v cmake >/dev/null || apt-get install -y cmake >/dev/null || { apt-get update >/dev/null && apt-get install -y cmake >/dev/null; }
for static in OFF ON; do
  cmake -S "$here/c" -B "$scratch/cmake-$static" -DCMAKE_PREFIX_PATH="$prefix" -DHUM_STATIC=$static -DHUM_WANT="${version%.*}" >/dev/null
  cmake --build "$scratch/cmake-$static" >/dev/null
  out=$("$scratch/cmake-$static/hum_consumer")
  echo "static=$static: $out"
  [[ "$out" == "hum $version: "*"verify: valid" ]] || fail "the CMake program (static=$static): $out"
done
# A project asking for another minor version of a 0.x release is refused.
if cmake -S "$here/c" -B "$scratch/cmake-other" -DCMAKE_PREFIX_PATH="$prefix" -DHUM_WANT=0.99 >/dev/null 2>&1; then
  fail "find_package(hum 0.99) accepted hum $version"
fi

step "Rust on hum-host, with the released component"
(cd "$here/rust" && cargo run --release --locked -q -- "$dist/component/hum-prover-$version-wasmtime.wasm" "$scratch/evm/rust-wasmtime.json")

step "Node: the packed npm package, installed from its tarball"
tgz="$dist/npm/hum-prover-hum-$version.tgz"
[ -f "$tgz" ] || fail "no $tgz"
cp -r "$here/node" "$scratch/node"
(cd "$scratch/node" && npm install --no-audit --no-fund --silent "$tgz")
# Safe to import during server-side rendering: importing either entry (and making a Hum) starts
# no worker and compiles nothing, so the process ends on its own at once.
(cd "$scratch/node" && timeout 20 node --input-type=module -e 'const m = await import("@hum-prover/hum"); new m.Hum(); new m.Group([]);') ||
  fail "importing the Node entry started something"
(cd "$scratch/node" && timeout 20 node --conditions=browser --input-type=module -e 'const m = await import("@hum-prover/hum"); new m.Hum();') ||
  fail "the browser entry cannot be imported where there is no Worker (server-side rendering)"
(cd "$scratch/node" && node vectors.mjs "$root/tests/vectors/groups.json")
out=$(cd "$scratch/node" && node prove.mjs "$scratch/evm/node.json")
echo "$out"
python3 -c 'import json, sys; r = json.loads(sys.argv[1]); assert r["valid"] and r["scheme"] == "ipa" and r["bytes"] > 0 and r["evmValid"] and r["evmFlavour"] == "evm", r' "$out" ||
  fail "the Node script: $out"

step "the EVM proofs of the C bundle, the Rust application (the component in wasmtime) and Node, on chain (revm)"
(cd "$root" && cargo run --release --locked -q -p hum-evm --example verify-on-chain -- "$scratch"/evm/*.json) || fail "an EVM proof did not verify on chain"

step "Vite: a production build and the dev server, each driven in headless Chromium"
cp -r "$here/vite" "$scratch/vite"
(cd "$scratch/vite" && npm ci --no-audit --no-fund --silent && npm install --no-audit --no-fund --no-save --silent "$tgz" && npx vite build --logLevel warn)
node "$here/browser/drive.mjs" "$scratch/vite/dist" "$CARGO_TARGET_DIR/release/hum"
vite_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$scratch/vite" && exec node node_modules/vite/bin/vite.js --port "$vite_port" --strictPort --host 127.0.0.1 --logLevel warn) &
vite_pid=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$vite_port/" >/dev/null 2>&1 && break; sleep 0.1; done
node "$here/browser/drive.mjs" "http://127.0.0.1:$vite_port/" "$CARGO_TARGET_DIR/release/hum" || { kill "$vite_pid"; fail "the Vite dev server"; }
kill "$vite_pid"

step "webpack 5: a production build, driven in headless Chromium"
cp -r "$here/webpack" "$scratch/webpack"
(cd "$scratch/webpack" && npm ci --no-audit --no-fund --silent && npm install --no-audit --no-fund --no-save --silent "$tgz" &&
  npx webpack --no-stats && cp index.html dist/)
node "$here/browser/drive.mjs" "$scratch/webpack/dist" "$CARGO_TARGET_DIR/release/hum"

step "a plain page with an import map (no bundler), driven in headless Chromium"
cp -r "$here/importmap" "$scratch/importmap"
(cd "$scratch/importmap" && npm install --no-audit --no-fund --silent "$tgz")
node "$here/browser/drive.mjs" "$scratch/importmap" "$CARGO_TARGET_DIR/release/hum"

step "the component through a real OCI registry on 127.0.0.1 (docker-registry, wkg)"
command -v docker-registry >/dev/null || apt-get install -y docker-registry >/dev/null ||
  { apt-get update >/dev/null && apt-get install -y docker-registry >/dev/null; }
command -v wkg >/dev/null || cargo install wkg --locked --version 0.16.1
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$scratch/registry.yml" <<EOF
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $scratch/registry }, delete: { enabled: true } }
http: { addr: 127.0.0.1:$port }
EOF
docker-registry serve "$scratch/registry.yml" > "$scratch/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
reference="127.0.0.1:$port/hum-prover/hum-prover:$version"
wkg oci push --insecure "127.0.0.1:$port" "$reference" "$dist/component/hum-prover-$version.wasm" \
  --annotation "org.opencontainers.image.version=$version" \
  --annotation "org.opencontainers.image.description=hum's prover as a WASI component (hum:prover@$version)" \
  --annotation "org.opencontainers.image.source=https://github.com/hum-prover/hum"
wkg oci pull --insecure "127.0.0.1:$port" "$reference" -o "$scratch/pulled.wasm"
cmp "$scratch/pulled.wasm" "$dist/component/hum-prover-$version.wasm" || fail "the pulled component differs"
out=$("$CARGO_TARGET_DIR/release/hum" --component "$scratch/pulled.wasm" --cache-dir "$scratch/cache" demo --depth 20 --json)
python3 -c 'import json, sys; r = json.loads(sys.argv[1]); assert r["valid"], r' "$out" || fail "hum demo with the pulled component: $out"
echo "hum demo --component <pulled $reference>: valid"

echo; echo "all consumers passed"
