"""claimlint from Python: the numeric claims of documents, and the findings on them.

The functions run the same pipeline as the ``claimlint`` command (which the wheel also
installs) and return exactly the fields of its JSON contract (README.md, "Claims" and
"Diagnostics"): one ``dict`` per claim or finding, absent fields left out, exact figures
(``value``, ``low``, ``high``, ``precision``) as :class:`decimal.Decimal`, never ``float``.

>>> import claimlint
>>> [c["value"] for c in claimlint.extract("Sales rose by 12 percent in 2021.")]
[Decimal('12'), Decimal('2021')]
"""

from __future__ import annotations

import json
from decimal import Decimal
from os import PathLike
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _claimlint

__all__ = [
    "ClaimlintError",
    "CLAIM_FIELDS",
    "check",
    "arrow_schema",
    "claims_to_arrow",
    "claims_to_columns",
    "extract",
    "extract_arrow",
    "extract_batch",
    "__version__",
]

__version__: str = _claimlint.version()

Document = Union[str, bytes]
"""A document: ``str`` is its text; ``bytes`` are read as a file's bytes (UTF-8, UTF-16 with a
byte order mark, DOCX, PDF)."""

PathArg = Union[str, "PathLike[str]"]

#: The claim fields of the JSON contract, in its order (also the columns of ``claims.csv``).
CLAIM_FIELDS: Tuple[str, ...] = (
    "id", "document", "part", "kind", "text", "line", "column", "start", "end", "value", "unit",
    "qualifier", "precision", "low", "high", "date", "modality", "time", "subject", "footnotes",
    "role", "sentence",
)

_DECIMAL_FIELDS = ("value", "precision", "low", "high")
_INTEGER_FIELDS = ("line", "column", "start", "end")


class ClaimlintError(Exception):
    """A document, rule file or config that could not be read: the command line's message
    (its exit code 2), with the file and, where there is one, the line and column."""

    def __init__(
        self,
        message: str,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        help: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.help = help

    def __reduce__(self):  # pickled across processes by Spark and Ray
        return (type(self), (self.message, self.file, self.line, self.column, self.help))


def _loads(text: str) -> List[Dict[str, Any]]:
    """JSON from the native module, no number through ``float``: figures with a point or an
    exponent become ``Decimal``, integers ``int`` (``_exact`` makes every figure a ``Decimal``)."""
    return json.loads(text, parse_float=Decimal)


def _exact(claims: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    for claim in claims:
        for field in _DECIMAL_FIELDS:
            if field in claim and not isinstance(claim[field], Decimal):
                claim[field] = Decimal(claim[field])
    return claims


def _paths(rules: Optional[Iterable[PathArg]]) -> Optional[List[str]]:
    return None if rules is None else [str(path) for path in rules]


def _path(path: Optional[PathArg]) -> Optional[str]:
    return None if path is None else str(path)


def extract(
    document: Document,
    *,
    format: str = "auto",
    name: Optional[str] = None,
    document_date: Optional[str] = None,
    config: Optional[PathArg] = None,
    rules: Optional[Sequence[PathArg]] = None,
) -> List[Dict[str, Any]]:
    """The claims of one document, as ``claimlint extract --format json`` gives them.

    ``format`` is ``auto`` (by ``name``'s extension, as for a file; without a name, text, or
    PDF and DOCX by their first bytes), ``text``, ``markdown``, ``html``, ``jats``,
    ``docbook``, ``docx`` or ``pdf``. ``name`` is the ``document`` field of every claim (``-``
    when none is given). ``document_date`` (``YYYY-MM-DD``) is the date the document speaks
    from. ``config`` is a ``claimlint.toml`` (or ``pyproject.toml``) to apply and ``rules``
    extra rule files or folders. Raises :class:`ClaimlintError` for a document that cannot be
    read.
    """
    text = _claimlint.extract_json(
        document, format, name, document_date, _path(config), _paths(rules)
    )
    return _exact(_loads(text))


def check(
    document: Document,
    *,
    format: str = "auto",
    name: Optional[str] = None,
    document_date: Optional[str] = None,
    config: Optional[PathArg] = None,
    rules: Optional[Sequence[PathArg]] = None,
) -> List[Dict[str, Any]]:
    """The findings on one document, as ``claimlint check --format json`` gives them (rule,
    severity, message, position, help, the claims concerned). Arguments as for
    :func:`extract`."""
    return _loads(
        _claimlint.check_json(document, format, name, document_date, _path(config), _paths(rules))
    )


def _named(documents: Iterable[Any]) -> List[Tuple[Optional[str], Document]]:
    named: List[Tuple[Optional[str], Document]] = []
    for document in documents:
        if isinstance(document, (str, bytes)):
            named.append((None, document))
        elif isinstance(document, dict):
            named.append((document.get("name"), document["data"]))
        else:
            name, data = document
            named.append((name, data))
    return named


def extract_batch(
    documents: Iterable[Union[Document, Tuple[Optional[str], Document], Dict[str, Any]]],
    *,
    format: str = "auto",
    document_date: Optional[str] = None,
    config: Optional[PathArg] = None,
    rules: Optional[Sequence[PathArg]] = None,
    errors: str = "raise",
) -> List[Any]:
    """The claims of many documents, read in parallel on claimlint's own threads with the GIL
    released: one list of claims per document, in order.

    A document is its text or bytes, a ``(name, data)`` pair or a ``{"name", "data"}`` dict.
    With ``errors="raise"`` the first document that cannot be read raises its
    :class:`ClaimlintError`; with ``errors="return"`` its place holds the exception and the
    others are still read.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    results = _claimlint.extract_batch_json(
        _named(documents), format, document_date, _path(config), _paths(rules)
    )
    out: List[Any] = []
    for result in results:
        if isinstance(result, ClaimlintError):
            if errors == "raise":
                raise result
            out.append(result)
        else:
            out.append(_exact(_loads(result)))
    return out


def claims_to_columns(claims: Iterable[Dict[str, Any]]) -> Dict[str, List[Any]]:
    """Claims as columns (``CLAIM_FIELDS`` → list), absent fields as ``None``: the form data
    frames and Arrow take. Exact figures stay exact as decimal text (``"0.125"``); positions
    are ``int``; ``footnotes`` is a list."""
    columns: Dict[str, List[Any]] = {field: [] for field in CLAIM_FIELDS}
    for claim in claims:
        for field in CLAIM_FIELDS:
            value = claim.get(field)
            if field in _DECIMAL_FIELDS and value is not None:
                value = _decimal_text(value)
            columns[field].append(value)
    return columns


def _decimal_text(value: Any) -> str:
    # `format(Decimal, "f")` never switches to exponent notation, so "1E+9" reads as 1000000000.
    return format(Decimal(value), "f")


def arrow_schema():
    """The Arrow schema of :func:`claims_to_arrow` and :func:`extract_arrow`: the claim fields
    (positions ``int64``, ``footnotes`` a list, everything else text, figures as exact decimal
    text), then ``error``. Needs ``pyarrow``."""
    import pyarrow as pa

    types = {field: pa.string() for field in CLAIM_FIELDS}
    for field in _INTEGER_FIELDS:
        types[field] = pa.int64()
    types["footnotes"] = pa.list_(pa.string())
    fields = [pa.field(field, types[field]) for field in CLAIM_FIELDS]
    return pa.schema(fields + [pa.field("error", pa.string())])


def claims_to_arrow(
    claims: Iterable[Dict[str, Any]], failures: Iterable[Tuple[str, str]] = ()
):
    """Claims as a ``pyarrow.RecordBatch`` (schema :func:`arrow_schema`; figures as exact
    decimal strings, cast them with ``pyarrow.compute.cast`` where floats will do), then one
    row per ``(document, message)`` of ``failures`` with only ``document`` and ``error`` set.
    Needs ``pyarrow``."""
    import pyarrow as pa

    columns: Dict[str, List[Any]] = claims_to_columns(claims)
    columns["error"] = [None] * len(columns["id"])
    for document, message in failures:
        for field in CLAIM_FIELDS:
            columns[field].append(document if field == "document" else None)
        columns["error"].append(message)
    return pa.RecordBatch.from_pydict(columns, schema=arrow_schema())


def extract_arrow(
    documents: Iterable[Union[Document, Tuple[Optional[str], Document], Dict[str, Any]]],
    *,
    errors: str = "raise",
    format: str = "auto",
    document_date: Optional[str] = None,
    config: Optional[PathArg] = None,
    rules: Optional[Sequence[PathArg]] = None,
):
    """The claims of many documents (as :func:`extract_batch`, with the same options) in one
    ``pyarrow.RecordBatch`` of :func:`arrow_schema`, documents in order: the form Spark's
    ``mapInArrow`` and Ray's ``map_batches`` take. The columns come straight from the native
    module (no JSON, no ``Decimal`` in between). With ``errors="rows"`` each document that
    cannot be read gives one row after the claims, with its name in ``document`` and the
    message in ``error``, and the others are read, as a folder run of the command line goes on
    past a broken file."""
    import pyarrow as pa

    if errors not in ("raise", "rows"):
        raise ValueError(f"errors must be 'raise' or 'rows', not {errors!r}")
    named = _named(documents)
    cells, failed = _claimlint.extract_columns(
        named, format, document_date, _path(config), _paths(rules)
    )
    if failed and errors == "raise":
        raise failed[0][1]
    columns: Dict[str, List[Any]] = dict(zip(CLAIM_FIELDS, cells))
    columns["error"] = [None] * len(columns["id"])
    for index, error in failed:
        for field in CLAIM_FIELDS:
            columns[field].append((named[index][0] or "-") if field == "document" else None)
        columns["error"].append(str(error))
    return pa.RecordBatch.from_pydict(columns, schema=arrow_schema())
