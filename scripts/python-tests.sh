#!/usr/bin/env bash
# The Python package's tests (run by .ci/run): builds the wheel as a release does, installs it
# in a fresh virtual environment, and runs python/tests against the installed wheel — the
# module, the `claimlint` command it ships, and the Spark and Ray examples, each compared with
# the command line's output. Under CI=true the engines are installed too (pyspark and ray from
# PyPI, a Java runtime from Debian) and a missing one fails the run; elsewhere their tests are
# skipped with a message unless they are installed (ENGINES=1 installs them here too).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-venv
rm -rf "$venv"
python3 -m venv "$venv"
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" "maturin>=1.9,<2" "pytest>=8" "pyarrow>=12"
if [ "${CI:-}" = true ] || [ "${ENGINES:-}" = 1 ]; then
  "${pip[@]}" "pyspark==4.0.1" "pandas>=2" "ray[data]==2.60.0"
  if ! command -v java > /dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless) > /dev/null
  fi
fi
PATH="$PWD/$venv/bin:$PATH" scripts/build-wheel.sh --quiet
"${pip[@]}" --force-reinstall --no-deps target/wheels/claimlint-*.whl
# From the python/tests folder's parent's parent, so that `import claimlint` finds the
# installed wheel and never the source folder.
"$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests
