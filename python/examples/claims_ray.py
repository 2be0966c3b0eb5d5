"""The claims of a folder of documents with Ray Data, written as Parquet.

    python python/examples/claims_ray.py DOCUMENTS OUT_FOLDER [--workers N] [--root DIR]

Ray reads the files as binary rows (bytes, path); ``map_batches`` hands each worker Arrow
tables of documents, and claimlint's native module extracts their claims (the GIL released,
claimlint's own threads). Rows and names are those of ``claims_spark.py``: the claim fields
plus ``error`` (one row per document that cannot be read), document names relative to
``--root``, equal to ``claimlint extract --format jsonl DOCUMENTS`` run from there.

Each worker needs the wheel installed (a ``runtime_env`` with ``pip: [claimlint]`` on a
cluster); memory per worker is one batch of documents and its claims. Claims are keyed by
(document, id): outputs merge by a plain union.
"""

from __future__ import annotations

import argparse
import os
import sys

import pyarrow as pa

import claimlint

#: Documents per Arrow batch handed to claimlint: bounds a worker's memory to a batch.
BATCH_DOCUMENTS = 64


def claims_dataset(documents: str, root: str):
    """A Ray Dataset of the claims of every file under `documents`."""
    import ray

    root = os.path.abspath(root)
    # The workers need `one_batch`, defined here: pickle this module's functions by value, so
    # that no worker has to import this file.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])

    def one_batch(batch: pa.Table) -> pa.Table:
        names = [os.path.relpath(p, root) for p in batch.column("path").to_pylist()]
        contents = batch.column("bytes").to_pylist()
        return pa.Table.from_batches([claimlint.extract_arrow(zip(names, contents), errors="rows")])

    files = ray.data.read_binary_files(documents, include_paths=True)
    return files.map_batches(one_batch, batch_format="pyarrow", batch_size=BATCH_DOCUMENTS)


def main(argv=None) -> int:
    import ray

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", help="a folder (read recursively) or a list of files")
    parser.add_argument("out", help="the Parquet folder to write")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--root", default=".", help="document names are relative to it")
    args = parser.parse_args(argv)
    ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
    try:
        claims_dataset(args.documents, args.root).write_parquet(args.out)
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
