"""The README's Python example runs as shown: each printed line equals its comment."""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest

from conftest import ROOT


def example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^```python\n(.*?)^```$", text, re.S | re.M)
    assert match, "README.md has a ```python block"
    return match.group(1)


def test_readme_python_example_prints_what_it_says():
    pytest.importorskip("pyarrow")
    code = example()
    expected = [m.group(1) for m in re.finditer(r"^print\(.*\)\s+#\s*(.*)$", code, re.M)]
    assert len(expected) >= 3
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert out.getvalue().splitlines() == expected
