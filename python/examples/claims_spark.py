"""The claims of a folder of documents with Apache Spark, written as Parquet.

    python python/examples/claims_spark.py DOCUMENTS OUT.parquet [--workers N] [--root DIR]

Spark reads the files as binary rows (path, content); ``mapInArrow`` hands each executor
Arrow batches of documents, and claimlint's native module extracts their claims on the
executor's own threads (no subprocess, the GIL released). The result has one row per claim
with the JSON contract's fields (``claimlint.CLAIM_FIELDS``; figures as exact decimal text)
plus ``error``: a document that cannot be read gives one row with its ``document`` and the
message, as the command line reports it and goes on (``claimlint.extract_arrow``). Document names are paths relative to
``--root`` (default: the working folder), as the command line names files given relative to
it, so the rows equal ``claimlint extract --format jsonl DOCUMENTS`` run from there.

What goes to the workers is the wheel (``pip install claimlint`` on every node, or
``--py-files``/an archived environment) and the documents' bytes; memory per worker is a
batch of documents plus one document's claims (``BATCH_DOCUMENTS`` below). Claims are keyed by
(document, id), so the outputs of many runs or partitions are merged by a plain union, with no
shuffle.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator
from urllib.parse import unquote, urlparse

import pyarrow as pa

import claimlint

#: Documents per Arrow batch handed to claimlint: bounds a worker's memory to a batch.
BATCH_DOCUMENTS = 64

#: The output rows as a Spark DDL schema, for `mapInArrow`: `claimlint.arrow_schema()`.
SPARK_SCHEMA = ", ".join(
    f"`{field.name}` "
    + {pa.int64(): "bigint", pa.list_(pa.string()): "array<string>"}.get(field.type, "string")
    for field in claimlint.arrow_schema()
)


def document_name(path: str, root: str) -> str:
    """A file's name as the command line would give it: relative to `root`."""
    local = unquote(urlparse(path).path) if path.startswith("file:") else path
    return os.path.relpath(local, root)


def claims_of_batches(root: str):
    """The function `mapInArrow` runs on each partition."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            names = [document_name(p, root) for p in batch.column("path").to_pylist()]
            contents = batch.column("content").to_pylist()
            yield claimlint.extract_arrow(zip(names, contents), errors="rows")

    return run


def claims_dataframe(spark, documents: str, root: str):
    """A DataFrame of the claims of every file under `documents` (a folder or a glob)."""
    # The executors unpickle `run` from this module: ship it to them (on a cluster too).
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(documents)
        .select("path", "content")
    )
    return files.mapInArrow(claims_of_batches(os.path.abspath(root)), SPARK_SCHEMA)


def session(workers: int):
    """A local Spark session with `workers` cores and small Arrow batches."""
    from pyspark.sql import SparkSession

    # The workers' Python must have claimlint: this one, unless PYSPARK_PYTHON names another
    # (pyspark reads the variable when the session starts; the config key is spark-submit's).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("claimlint")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_DOCUMENTS))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", help="a folder (read recursively) or a glob")
    parser.add_argument("out", help="the Parquet folder to write")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--root", default=".", help="document names are relative to it")
    args = parser.parse_args(argv)
    spark = session(args.workers)
    try:
        claims_dataframe(spark, args.documents, args.root).write.mode("overwrite").parquet(args.out)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
