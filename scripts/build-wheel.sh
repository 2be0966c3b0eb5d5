#!/usr/bin/env bash
# Builds the Python wheel (target/wheels/): the pyo3 module and the `claimlint` executable in
# one wheel, as ruff ships its binary. Needs maturin (pip install maturin). Extra arguments go
# to `maturin build` (e.g. --target x86_64-unknown-linux-musl; set CARGO_BUILD_TARGET for the
# executable to match).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_BUILD_TARGET:-}
cargo build --release --locked --bin claimlint ${target:+--target "$target"}
exe=target/${target:+$target/}release/claimlint
[ -f "$exe" ] || exe="$exe.exe"
scripts=python/claimlint.data/scripts
rm -rf python/claimlint.data
mkdir -p "$scripts"
cp "$exe" "$scripts/"
# The release profile keeps line tables for profiling; a wheel does not need them.
if command -v strip > /dev/null 2>&1 && [ "$(uname)" != Darwin ]; then
  strip "$scripts"/claimlint* 2> /dev/null || true
fi
rm -rf target/wheels
maturin build --release --locked --strip --out target/wheels "$@"
