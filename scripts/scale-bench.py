#!/usr/bin/env python3
"""Throughput of claimlint's scale-out paths against the command line on one machine.

    scripts/scale-bench.py [--size-mb 200] [--workers 1 2] [--engines cli spark ray]

Copies every document of ../shared/corpus (all formats) into a work folder, repeated until
the folder holds about --size-mb, then extracts every claim with the command line
(`claimlint extract --format jsonl`, RAYON_NUM_THREADS=N), the Spark example (local[N]) and
the Ray example (num_cpus=N), each writing its output to a file or Parquet folder, and prints
documents/s, MB/s and the claims written (the same number from each, or something is wrong). Needs the wheel installed with pyspark, ray and a Java runtime
(scripts/python-tests.sh with ENGINES=1 makes target/python-venv; run this script with its
Python). Not run by CI: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXTENSIONS = {".txt", ".md", ".html", ".htm", ".xml", ".nxml", ".dbk", ".docx", ".pdf"}


def make_folder(work: Path, size_mb: int) -> tuple[Path, int, int]:
    """The corpus repeated to about `size_mb` MB: (folder, documents, bytes)."""
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in EXTENSIONS)
    if not files:
        sys.exit(f"no documents under {CORPUS}")
    docs = work / "docs"
    total = count = copy = 0
    while total < size_mb * 1_000_000:
        target = docs / f"copy{copy:03d}"
        target.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, target / f"{path.parent.name}-{path.name}")
            total += path.stat().st_size
            count += 1
        copy += 1
    return docs, count, total


def timed(command: list[str], env: dict | None = None, cwd: Path | None = None) -> float:
    start = time.monotonic()
    subprocess.run(command, env={**os.environ, **(env or {})}, cwd=cwd, check=False,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def claims(out: Path) -> int:
    """The claims an engine wrote: JSON lines, or Parquet rows without an error."""
    if out.is_file():
        with open(out, encoding="utf-8") as lines:
            return sum(1 for _ in lines)
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(str(out))
    return table.num_rows - pc.sum(pc.is_valid(table.column("error"))).as_py()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["cli", "spark", "ray"])
    args = parser.parse_args()
    from claimlint.__main__ import find_claimlint_bin

    exe = find_claimlint_bin()
    examples = ROOT / "python" / "examples"
    with tempfile.TemporaryDirectory() as name:
        work = Path(name)
        docs, count, size = make_folder(work, args.size_mb)
        print(f"{count} documents, {size / 1e6:.0f} MB")
        print("| engine | workers | seconds | documents/s | MB/s | claims |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for engine in args.engines:
            for workers in args.workers:
                out = work / f"{engine}-{workers}"
                if engine == "cli":
                    command = ["sh", "-c", f'"{exe}" extract --format jsonl docs > "{out}"']
                    seconds = timed(command, {"RAYON_NUM_THREADS": str(workers)}, cwd=work)
                else:
                    script = examples / f"claims_{engine}.py"
                    # Absolute: the engines hand this interpreter to their workers.
                    command = [os.path.abspath(sys.executable), str(script), "docs", str(out),
                               "--workers", str(workers), "--root", "."]
                    # One claimlint thread per engine worker: N workers use N cores.
                    seconds = timed(command, {"RAYON_NUM_THREADS": "1"}, cwd=work)
                print(f"| {engine} | {workers} | {seconds:.1f} | {count / seconds:.0f} | "
                      f"{size / 1e6 / seconds:.1f} | {claims(out):,} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
