"""The Python API against the command line installed by the same wheel: the same claims and
findings for the same documents, figures exact, errors with their place."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

import claimlint
from conftest import DOCUMENTS, ROOT, claimlint_bin, cli_json, docx_bytes, exact


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_extract_gives_the_command_lines_claims(path):
    name = str(path.relative_to(ROOT))
    expected = exact(cli_json("extract", "--format", "json", name))
    assert expected, f"{name} has claims"
    assert claimlint.extract(path.read_bytes(), name=name) == expected


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_check_gives_the_command_lines_findings(path):
    name = str(path.relative_to(ROOT))
    expected = cli_json("check", "--format", "json", name)
    assert claimlint.check(path.read_bytes(), name=name) == expected


def test_text_and_bytes_read_alike():
    text = (ROOT / "examples" / "brief.md").read_text(encoding="utf-8")
    assert claimlint.extract(text, name="brief.md") == claimlint.extract(
        text.encode("utf-8"), name="brief.md"
    )


def test_docx_by_name_and_by_its_first_bytes(tmp_path):
    package = docx_bytes()
    (tmp_path / "report.docx").write_bytes(package)
    expected = exact(cli_json("extract", "--format", "json", "report.docx", cwd=tmp_path))
    assert expected
    assert claimlint.extract(package, name="report.docx") == expected
    unnamed = claimlint.extract(package)
    assert [c["text"] for c in unnamed] == [c["text"] for c in expected]
    assert {c["document"] for c in unnamed} == {"-"}


def test_figures_are_exact_decimals():
    claims = claimlint.extract("The levy is 0.1 percent, or two thirds of USD 1.25 billion.")
    by_text = {c["text"]: c for c in claims}
    levy = by_text["0.1 percent"]
    assert levy["value"] == Decimal("0.1") and isinstance(levy["value"], Decimal)
    assert levy["precision"] == Decimal("0.1")
    assert levy["low"] == Decimal("0.05") and levy["high"] == Decimal("0.15")
    money = next(c for c in claims if c["kind"] == "money")
    assert money["value"] == Decimal("1250000000")
    assert all(
        isinstance(c[f], Decimal) for c in claims for f in ("value", "low", "high") if f in c
    )


def test_absent_fields_are_left_out_and_fields_keep_the_contracts_order():
    (claim,) = claimlint.extract("It cost USD 5.")
    assert "subject" not in claim and "footnotes" not in claim
    order = [f for f in claimlint.CLAIM_FIELDS if f in claim]
    assert list(claim) == order


def test_format_and_document_date():
    text = "Output will reach 40 GW in 2030."
    as_markdown = claimlint.extract("# Plan\n\n" + text, format="markdown")
    assert [c["text"] for c in as_markdown] == ["40 GW", "2030"]
    before = claimlint.extract(text, document_date="2024-01-01")
    after = claimlint.extract(text, document_date="2035-01-01")
    assert before[0]["modality"] == "projection"
    assert after[0]["modality"] == "reported"


def test_config_and_rules_apply(tmp_path):
    text = "Exports rose to USD 4 billion in 2021."
    assert any(d["rule"] == "citation/missing" for d in claimlint.check(text))
    config = tmp_path / "claimlint.toml"
    config.write_text('[rules]\n"citation/missing" = "off"\n', encoding="utf-8")
    assert not any(
        d["rule"] == "citation/missing" for d in claimlint.check(text, config=config)
    )


def test_errors_carry_file_line_and_column():
    with pytest.raises(claimlint.ClaimlintError) as raised:
        claimlint.extract(b"Fine line.\nA bad \xff byte.", name="notes.txt")
    error = raised.value
    assert (error.file, error.line, error.column) == ("notes.txt", 2, 7)
    assert "not valid UTF-8" in str(error) and error.help


def test_a_broken_rule_file_is_an_error_with_its_place(tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text("[[rule]]\nid = \n", encoding="utf-8")
    with pytest.raises(claimlint.ClaimlintError) as raised:
        claimlint.check("It cost USD 5.", rules=[rules])
    assert raised.value.file == str(rules)
    assert raised.value.line == 2


def test_unsupported_name_and_bad_arguments():
    with pytest.raises(claimlint.ClaimlintError, match="unsupported input format"):
        claimlint.extract("x", name="notes.xyz")
    with pytest.raises(ValueError, match="not a format"):
        claimlint.extract("x", format="rtf")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        claimlint.extract("x", document_date="May 2021")
    with pytest.raises(TypeError, match="str or bytes"):
        claimlint.extract(12)


def test_batch_keeps_order_and_equals_one_at_a_time():
    documents = [(str(p.relative_to(ROOT)), p.read_bytes()) for p in DOCUMENTS] * 3
    batch = claimlint.extract_batch(documents)
    assert batch == [claimlint.extract(data, name=name) for name, data in documents]


def test_batch_errors_raise_or_stay_in_place():
    documents = ["One rose 5 percent.", ("bad.txt", b"\xff"), {"name": "b.md", "data": "USD 3."}]
    with pytest.raises(claimlint.ClaimlintError):
        claimlint.extract_batch(documents)
    first, failed, last = claimlint.extract_batch(documents, errors="return")
    assert first[0]["text"] == "5 percent"
    assert isinstance(failed, claimlint.ClaimlintError) and failed.file == "bad.txt"
    assert last[0]["document"] == "b.md"


def test_columns_and_arrow():
    claims = claimlint.extract((ROOT / "examples" / "brief.md").read_bytes(), name="brief.md")
    columns = claimlint.claims_to_columns(claims)
    assert list(columns) == list(claimlint.CLAIM_FIELDS)
    assert all(len(column) == len(claims) for column in columns.values())
    pa = pytest.importorskip("pyarrow")
    batch = claimlint.claims_to_arrow(claims)
    assert batch.num_rows == len(claims)
    assert batch.schema.field("line").type == pa.int64()
    values = batch.column("value").to_pylist()
    assert [None if v is None else Decimal(v) for v in values] == [c.get("value") for c in claims]


def test_the_wheel_installs_the_command():
    assert "site-packages" in claimlint.__file__, "the installed wheel is tested, not the source"
    out = subprocess.run([claimlint_bin(), "--version"], capture_output=True, text=True, check=True)
    assert claimlint.__version__ in out.stdout
    module = subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "examples/brief.md"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert module.returncode == 0, module.stderr
    assert "in 1 document" in module.stdout


def test_arrow_from_the_native_columns_equals_arrow_from_the_dicts():
    pytest.importorskip("pyarrow")
    documents = [(str(p.relative_to(ROOT)), p.read_bytes()) for p in DOCUMENTS]
    documents.append(("report.docx", docx_bytes()))
    documents.insert(3, ("broken.txt", b"\xff"))
    native = claimlint.extract_arrow(documents, errors="rows")
    claims = [c for one in claimlint.extract_batch(documents, errors="return")
              if not isinstance(one, claimlint.ClaimlintError) for c in one]
    failure = claimlint.extract_batch([documents[3]], errors="return")[0]
    assert native.num_rows == len(claims) + 1
    assert native.equals(claimlint.claims_to_arrow(claims, [("broken.txt", str(failure))]))
    with pytest.raises(claimlint.ClaimlintError):
        claimlint.extract_arrow(documents)


def test_the_modules_docstring_examples_hold():
    import doctest

    result = doctest.testmod(claimlint)
    assert result.attempted > 0 and result.failed == 0
