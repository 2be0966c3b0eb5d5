#!/usr/bin/env bash
# Builds the Python wheel (target/wheels/): the pyo3 module and the `claimlint` executable in
# one wheel, as ruff ships its binary. Needs maturin (pip install maturin). Extra arguments go
# to `maturin build` (the release workflow adds --target, --zig --compatibility …).
#   PROFILE         cargo profile (default release; the release workflow uses dist)
#   CLAIMLINT_EXE   a claimlint executable already built to put in the wheel (the release
#                   workflow puts the static musl build in the Linux wheels); else it is built
#   CARGO_BUILD_TARGET  the target to build the executable for
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-release}
target=${CARGO_BUILD_TARGET:-}
exe=${CLAIMLINT_EXE:-}
if [ -z "$exe" ]; then
  cargo build --profile "$profile" --locked --bin claimlint ${target:+--target "$target"}
  exe=target/${target:+$target/}$profile/claimlint
  [ -f "$exe" ] || exe="$exe.exe"
fi
scripts=python/claimlint.data/scripts
rm -rf python/claimlint.data
mkdir -p "$scripts"
cp "$exe" "$scripts/"
# The release profile keeps line tables for profiling; a wheel does not need them.
if [ "$(uname)" = Linux ] && command -v strip > /dev/null 2>&1; then
  strip "$scripts"/claimlint
fi
rm -rf target/wheels
maturin build --profile "$profile" --locked --strip --out target/wheels "$@"
