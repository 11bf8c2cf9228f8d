#!/usr/bin/env bash
# Writes dist/, every release artifact of this checkout, their versions the workspace's:
#   dist/component/   the WASI component, portable (hum-prover-X.Y.Z.wasm) and tuned for wasmtime
#                     (…-wasmtime.wasm: wide arithmetic), with its WIT package (wit/) and wkg.toml
#   dist/c/hum-X.Y.Z/ the C bundle as a system prefix: include/hum.h, lib/libhum.a,
#                     lib/libhum.so.X.Y.Z (soname libhum.so.X.Y), lib/pkgconfig/hum.pc,
#                     lib/cmake/hum/ (find_package(hum)); also as hum-X.Y.Z-linux-x86_64.tar.gz
#   dist/swift/hum-swift-X.Y.Z/  the Swift package, its C module found through pkg-config
#   dist/npm/hum-prover-hum-X.Y.Z.tgz  the npm package (npm pack of hosts/browser)
#   dist/SHA256SUMS   over every file above
# Usage: scripts/release.sh   (builds what it needs, in release mode)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

version=$(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "hum-core"))')
wit_version=$(sed -n 's/^package hum:prover@\(.*\);$/\1/p' wit/hum.wit)
[ "$wit_version" = "$version" ] || { echo "wit/hum.wit is hum:prover@$wit_version, the workspace $version"; exit 1; }
minor=${version%.*}

build_component
cargo build --release --locked -p hum-ffi

rm -rf dist
mkdir -p dist/component/wit dist/c dist/swift dist/npm

# The component, with its WIT package and wkg metadata.
release="$CARGO_TARGET_DIR/wasm32-wasip2/release"
cp "$release/hum_component.wasm" "dist/component/hum-prover-$version.wasm"
cp "$release/hum_component_wide.wasm" "dist/component/hum-prover-$version-wasmtime.wasm"
cp wit/hum.wit dist/component/wit/
cat > dist/component/wkg.toml <<EOF
# wkg metadata of hum:prover@$version (https://github.com/bytecodealliance/wasm-pkg-tools).
[metadata]
authors = ["the hum developers"]
description = "hum's prover: anonymous group membership proofs with a one-time nullifier (Halo2, BN254, Poseidon2) as a WASI component with a command/event protocol"
licenses = "MIT OR Apache-2.0"
source = "https://github.com/hum-prover/hum"
homepage = "https://github.com/hum-prover/hum"
revision = "$(git rev-parse HEAD 2>/dev/null || echo unknown)"
EOF

# The C bundle, laid out like a system prefix and relocatable (pkg-config's ${pcfiledir},
# CMake's CMAKE_CURRENT_LIST_DIR).
prefix="dist/c/hum-$version"
mkdir -p "$prefix/include" "$prefix/lib/pkgconfig" "$prefix/lib/cmake/hum"
cp ffi/include/hum.h "$prefix/include/"
cp "$CARGO_TARGET_DIR/release/libhum.a" "$prefix/lib/"
cp "$CARGO_TARGET_DIR/release/libhum.so" "$prefix/lib/libhum.so.$version"
ln -s "libhum.so.$version" "$prefix/lib/libhum.so.$minor"
ln -s "libhum.so.$minor" "$prefix/lib/libhum.so"
sed "s/@VERSION@/$version/g" ffi/dist/hum.pc.in > "$prefix/lib/pkgconfig/hum.pc"
sed "s/@VERSION@/$version/g; s/@MINOR@/$minor/g" ffi/dist/humConfig.cmake.in > "$prefix/lib/cmake/hum/humConfig.cmake"
sed "s/@VERSION@/$version/g" ffi/dist/humConfigVersion.cmake.in > "$prefix/lib/cmake/hum/humConfigVersion.cmake"
# Reproducible: the same sources give the same bytes (names sorted, the commit's time, no owners).
stamp=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar -C dist/c --sort=name --mtime="@$stamp" --owner=0 --group=0 --numeric-owner -cf - "hum-$version" |
  gzip -n > "dist/c/hum-$version-linux-x86_64.tar.gz"

# The Swift package: the sources, with the C module found through pkg-config (next to the C
# bundle: PKG_CONFIG_PATH=<bundle>/lib/pkgconfig).
swift="dist/swift/hum-swift-$version"
mkdir -p "$swift/Sources/CHum"
cp -r hosts/swift/Sources/Hum hosts/swift/Sources/HumExample "$swift/Sources/"
cp hosts/swift/README.md "$swift/"
cp ffi/include/hum.h "$swift/Sources/CHum/"
cat > "$swift/Sources/CHum/module.modulemap" <<'EOF'
module CHum [system] {
    header "hum.h"
    link "hum"
    export *
}
EOF
sed 's|\.target(name: "CHum", path: "Sources/CHum")|.systemLibrary(name: "CHum", path: "Sources/CHum", pkgConfig: "hum")|' \
  hosts/swift/Package.swift > "$swift/Package.swift"
grep -q 'systemLibrary(name: "CHum"' "$swift/Package.swift" || { echo "hosts/swift/Package.swift: CHum target not found"; exit 1; }

# The npm package, built from the portable component and linted as published.
npm_version=$(python3 -c 'import json; print(json.load(open("hosts/browser/package.json"))["version"])')
[ "$npm_version" = "$version" ] || { echo "hosts/browser/package.json is $npm_version, the workspace $version"; exit 1; }
(cd hosts/browser && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && node scripts/build.mjs >/dev/null &&
  npx publint --strict && npm pack --silent --pack-destination ../../dist/npm >/dev/null)

(cd dist && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "wrote dist/ (hum $version):"
sed 's/^/  /' dist/SHA256SUMS
