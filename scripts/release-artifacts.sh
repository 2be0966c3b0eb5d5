#!/usr/bin/env bash
# The release archive of one target, as the release workflow builds it on each platform:
# dist/claimlint-VERSION-TARGET.tar.gz (.zip for Windows) holding a folder of that name with
# the executable, README, changelog and licences, and a .sha256 beside it (the layout
# `cargo binstall` is told about in Cargo.toml).
#   scripts/release-artifacts.sh TARGET      e.g. x86_64-unknown-linux-gnu
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/release-artifacts.sh TARGET}
profile=${PROFILE:-dist}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
cargo build --profile "$profile" --locked --bin claimlint --target "$target"
name=claimlint-$version-$target
stage=target/stage/$name
rm -rf "$stage"
mkdir -p "$stage" dist
exe=target/$target/$profile/claimlint
suffix=""
if [ -f "$exe.exe" ]; then
  exe="$exe.exe"
  suffix=.exe
fi
cp "$exe" "$stage/claimlint$suffix"
cp README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$stage/"
# Python for the archive and the checksum: the same on Linux, macOS and Windows runners.
python3 - "$stage" "$name" "$suffix" <<'PY'
import hashlib, os, shutil, sys
stage, name, suffix = sys.argv[1:]
base = os.path.join("dist", name)
archive = shutil.make_archive(base, "zip" if suffix else "gztar", os.path.dirname(stage), name)
digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
with open(archive + ".sha256", "w", newline="\n") as out:
    out.write(f"{digest}  {os.path.basename(archive)}\n")
print(archive)
PY
