#!/usr/bin/env bash
# The GitHub Action's install step (action.yml): puts the released claimlint of this action's
# version for the runner's platform on the PATH when the release has one and its SHA-256
# matches; otherwise sets the step outputs that make the next steps build it from source with
# `cargo install --locked`, cached by version and source. Inputs are the runner's variables
# (RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT) and CLAIMLINT_RELEASES, the
# release download address; CLAIMLINT_BUILD=true always builds. tests/action.rs runs it with a
# stand-in for curl.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$here/Cargo.toml" | head -n 1)
temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
outputs=${GITHUB_OUTPUT:-/dev/null}
case "${RUNNER_OS:-}-${RUNNER_ARCH:-}" in
  Linux-X64) target=x86_64-unknown-linux-musl ;;
  Linux-ARM64) target=aarch64-unknown-linux-musl ;;
  macOS-X64) target=x86_64-apple-darwin ;;
  macOS-ARM64) target=aarch64-apple-darwin ;;
  Windows-X64) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac

sha256() {
  if command -v sha256sum > /dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

# The released archive, verified and unpacked; its folder on the PATH.
download() {
  local name=claimlint-$version-$target extension=tar.gz
  [[ $target == *windows* ]] && extension=zip
  local archive=$name.$extension folder=$temp/claimlint-release
  local url=${CLAIMLINT_RELEASES:-https://github.com/claimlint/claimlint/releases/download}/v$version/$archive
  rm -rf "$folder"
  mkdir -p "$folder"
  curl -fsSL --retry 3 -o "$folder/$archive" "$url" || return 1
  curl -fsSL --retry 3 -o "$folder/$archive.sha256" "$url.sha256" || return 1
  local expected
  expected=$(cut -d ' ' -f 1 < "$folder/$archive.sha256")
  if [ "$expected" != "$(sha256 "$folder/$archive")" ]; then
    echo "::warning::the released $archive does not match its SHA-256; building claimlint from source"
    return 1
  fi
  # bsdtar (macOS, Windows) reads zip too; GNU tar gets only the Linux .tar.gz.
  tar -xf "$folder/$archive" -C "$folder"
  [ -x "$folder/$name/claimlint" ] || [ -f "$folder/$name/claimlint.exe" ] || return 1
  echo "$folder/$name" >> "$GITHUB_PATH"
  echo "build=false" >> "$outputs"
  echo "claimlint $version: the released executable for $target"
}

if [ -n "$target" ] && [ "${CLAIMLINT_BUILD:-}" != true ] && download; then
  exit 0
fi
echo "claimlint $version: no released executable for ${RUNNER_OS:-?}-${RUNNER_ARCH:-?}; building it from source (cached)"
# The cache key names the source exactly: the action's commit, else a hash of its files.
source=$(git -C "$here" rev-parse HEAD 2> /dev/null || (cd "$here" && find Cargo.toml Cargo.lock src rules -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -d ' ' -f 1))
{
  echo "build=true"
  echo "root=$temp/claimlint-build"
  echo "key=claimlint-$version-$source"
} >> "$outputs"
