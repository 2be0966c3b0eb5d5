"""The Spark and Ray examples give exactly the claims the command line gives for the same
folder of documents (and a row for the document it cannot read)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import claimlint
from conftest import DOCUMENTS, ROOT, claimlint_bin, docx_bytes, java_home, require

sys.path.insert(0, str(ROOT / "python" / "examples"))

BROKEN = "docs/broken.txt"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A folder of documents of every format, one of them unreadable, beside the rows the
    command line gives for it (run from the folder's parent, as the examples name them)."""
    base = tmp_path_factory.mktemp("engines")
    docs = base / "docs"
    (docs / "nested").mkdir(parents=True)
    for index, path in enumerate(DOCUMENTS):
        target = docs / ("nested" if index % 2 else "") / path.name
        shutil.copyfile(path, target)
    (docs / "report.docx").write_bytes(docx_bytes())
    (base / BROKEN).write_bytes(b"A line, then \xff.")
    out = subprocess.run(
        [claimlint_bin(), "extract", "--format", "jsonl", "docs"],
        cwd=base, capture_output=True, text=True, check=False,
    )
    assert out.returncode == 2 and "broken.txt" in out.stderr, out.stderr
    claims = [json.loads(line, parse_float=Decimal) for line in out.stdout.splitlines()]
    expected = rows(claimlint.claims_to_arrow(claims).to_pylist())
    assert len(expected[0]) > 100
    return base, expected


def rows(records):
    """Rows in a comparable order, the error rows apart."""
    records = [dict(r) for r in records]
    for record in records:
        if record.get("footnotes") is not None:
            record["footnotes"] = list(record["footnotes"])
    claims = sorted((r for r in records if r["error"] is None),
                    key=lambda r: (r["document"], r["start"], r["id"]))
    return claims, sorted((r["document"], r["error"]) for r in records if r["error"] is not None)


def assert_same(got, expected):
    got_claims, got_errors = got
    expected_claims, _ = expected
    assert len(got_claims) == len(expected_claims)
    assert got_claims == expected_claims
    assert [document for document, _ in got_errors] == [BROKEN]
    assert "not valid UTF-8" in got_errors[0][1]


def test_spark_gives_the_command_lines_claims(folder):
    require("pyspark")
    home = java_home()
    if home is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no Java runtime for Spark (CI installs openjdk-17-jre-headless)")
        pytest.skip("no Java runtime for Spark (install a JRE 17 or 21, or set JAVA_HOME)")
    os.environ["JAVA_HOME"] = home
    import claims_spark

    base, expected = folder
    spark = claims_spark.session(2)
    try:
        frame = claims_spark.claims_dataframe(spark, str(base / "docs"), str(base))
        got = rows(row.asDict() for row in frame.collect())
        out = base / "spark.parquet"
        frame.write.mode("overwrite").parquet(str(out))
        written = spark.read.parquet(str(out)).count()
    finally:
        spark.stop()
    assert_same(got, expected)
    assert written == len(expected[0]) + 1


def test_ray_gives_the_command_lines_claims(folder):
    ray = require("ray")
    import claims_ray
    import pyarrow.parquet as pq

    base, expected = folder
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        dataset = claims_ray.claims_dataset(str(base / "docs"), str(base))
        got = rows(dataset.take_all())
        out = base / "ray.parquet"
        dataset.write_parquet(str(out))
    finally:
        ray.shutdown()
    assert_same(got, expected)
    assert pq.read_table(str(out)).num_rows == len(expected[0]) + 1
