#!/usr/bin/env bash
# Large-input check (run by .ci/run too): the release binary on ~100 MB of real prose and on a
# 3 MB single-sentence worst case, under a memory limit (it fails if the limit is passed),
# printing time and peak memory (peak only where /usr/bin/time is installed).
# Usage: scripts/large-input.sh [MEMORY_LIMIT_BYTES]   (default 2 GiB)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-2147483648}
paper=../shared/corpus/iot-china-policy-paper.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
if [ -f "$paper" ]; then
  for _ in $(seq 1 2300); do cat "$paper"; printf '\n\n'; done > "$work/large.txt"
else
  echo "skipped the prose run: $paper is not there"
fi
python3 - "$work/giant.txt" <<'PY'
import random, sys
random.seed(1)
parts = [random.choice(['about 5 percent', 'e.g. Ten', '12 km', 'USD 4 million', 'in 2020', 'First',
                        'the number of units is 7', 'Fig. 3', 'one in five', 'No. 4 x']) for _ in range(200000)]
open(sys.argv[1], 'w').write('Title\n\n' + ' and '.join(parts) + '\n')
PY
# Dense punctuation: 100 MB with no sentence end (it aborted at 3 GiB when a sentence's tokens
# were held whole; sentences are now cut at 16 KiB).
python3 -c "import sys; open(sys.argv[1], 'w').write('%' * (100 * 1024 * 1024))" "$work/percent.txt"
for input in "$work"/*.txt; do
  size=$(stat -c %s "$input")
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e s, peak %M KiB" -o "$work/time" \
      prlimit --as="$limit" ./target/release/claimlint extract "$input" --format csv > "$work/out.csv"
  else
    start=$EPOCHREALTIME
    prlimit --as="$limit" ./target/release/claimlint extract "$input" --format csv > "$work/out.csv"
    python3 -c "print(f'{$EPOCHREALTIME - $start:.1f} s')" > "$work/time"
  fi
  echo "$(basename "$input"): $((size / 1024 / 1024)) MiB, $(($(wc -l < "$work/out.csv") - 1)) claims, $(cat "$work/time")"
done
