"""The native module (Rust, pyo3): the pipeline, returning the JSON text of the contract."""

from typing import Any, List, Optional, Sequence, Tuple, Union

def version() -> str: ...
def extract_json(
    data: Union[str, bytes],
    format: str = "auto",
    name: Optional[str] = None,
    document_date: Optional[str] = None,
    config: Optional[str] = None,
    rules: Optional[Sequence[str]] = None,
) -> str: ...
def check_json(
    data: Union[str, bytes],
    format: str = "auto",
    name: Optional[str] = None,
    document_date: Optional[str] = None,
    config: Optional[str] = None,
    rules: Optional[Sequence[str]] = None,
) -> str: ...
def extract_batch_json(
    documents: List[Tuple[Optional[str], Union[str, bytes]]],
    format: str = "auto",
    document_date: Optional[str] = None,
    config: Optional[str] = None,
    rules: Optional[Sequence[str]] = None,
) -> List[Any]: ...
