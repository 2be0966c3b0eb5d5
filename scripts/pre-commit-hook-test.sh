#!/usr/bin/env bash
# Runs the pre-commit hook of this repository as a user's repository would (`pre-commit
# try-repo`, which installs the hook the way `rev:` does) on a scratch repository: a document
# with an error (a period that ends before it starts) fails the hook; a clean document and files
# of other types (.py, .yaml) pass.
# Run by .ci/run; pre-commit comes from PyPI. The hook is `language: rust`, so pre-commit
# builds claimlint with `cargo install` (a release build, a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
venv=target/pre-commit-venv
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pre-commit==4.7.0"
fi
precommit=$PWD/$venv/bin/pre-commit
# try-repo clones a commit: the working tree's changes are tested too (it makes a commit of
# them in a temporary clone when the tree is dirty).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME=$PWD/target/pre-commit-home
cd "$scratch"
git init -q
git config user.email ci@example.invalid
git config user.name ci
mkdir docs
printf '# Port\n\nThe port handled 4.2 million containers in 2023.[^1]\n\n[^1]: Port authority, annual report 2023.\n' > docs/cited.md
printf 'print("12 percent")\n' > tool.py
printf 'share: 12 percent\n' > settings.yaml
git add -A
if ! "$precommit" try-repo "$repo" claimlint --all-files > "$scratch/pass.log" 2>&1; then
  cat "$scratch/pass.log" >&2
  echo "pre-commit hook: failed on a cited document and files of other types" >&2
  exit 1
fi
printf '# Port\n\nThe port handled 4.2 million containers between 2023 and 2019.[^1]\n\n[^1]: Port authority.\n' > docs/reversed.md
git add -A
if "$precommit" try-repo "$repo" claimlint --all-files > "$scratch/fail.log" 2>&1; then
  cat "$scratch/fail.log" >&2
  echo "pre-commit hook: passed a document with an error" >&2
  exit 1
fi
grep -q "consistency/range-order" "$scratch/fail.log" && grep -q "reversed.md" "$scratch/fail.log" || {
  cat "$scratch/fail.log" >&2
  echo "pre-commit hook: no range-order finding on reversed.md" >&2
  exit 1
}
echo "pre-commit hook: passes clean files and other types, fails on an error"

# The README's wheel-based hook: a `repo: local` hook with `language: python` installs only its
# `additional_dependencies` (the wheel; here the one scripts/python-tests.sh built), no Rust.
wheel=$(ls "$repo"/target/wheels/claimlint-*.whl 2> /dev/null | head -n 1 || true)
if [ -z "$wheel" ]; then
  if [ "${CI:-}" = true ]; then
    echo "pre-commit hook: no wheel in target/wheels (scripts/python-tests.sh builds it)" >&2
    exit 1
  fi
  echo "pre-commit hook: no wheel in target/wheels; the wheel-based hook is not tried"
  exit 0
fi
files=$(sed -n 's/^  files: //p' "$repo/.pre-commit-hooks.yaml")
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: claimlint
        name: claimlint
        entry: claimlint check --skip-unsupported
        language: python
        additional_dependencies: ["$wheel"]
        files: $files
YAML
git add -A
if "$precommit" run --all-files > "$scratch/wheel.log" 2>&1; then
  cat "$scratch/wheel.log" >&2
  echo "wheel-based hook: passed a document with an error" >&2
  exit 1
fi
grep -q "consistency/range-order" "$scratch/wheel.log" || { cat "$scratch/wheel.log" >&2; exit 1; }
rm docs/reversed.md
git add -A
"$precommit" run --all-files > "$scratch/wheel-pass.log" 2>&1 || {
  cat "$scratch/wheel-pass.log" >&2
  echo "wheel-based hook: failed on clean files" >&2
  exit 1
}
echo "wheel-based hook: the same verdicts from the wheel, with no Rust build"
