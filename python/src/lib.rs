//! The pipeline as a Python module (`claimlint._claimlint`): documents in, the JSON contract out.
//!
//! Each function returns the same JSON text the command line prints (`extract --format json`,
//! `check --format json`), so that Python sees exactly the contract's fields; the pure-Python
//! package around it (`python/claimlint/__init__.py`) turns the text into dicts with exact
//! values as `decimal.Decimal`. Work runs with the interpreter released (`Python::detach`), and
//! batches on the Rust thread pool.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use claimlint::config::Config;
use claimlint::ingest::{self, FormatChoice, IngestOptions};
use claimlint::{Document, Engine, Error};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

/// The name a document without one goes by (as standard input does on the command line).
const UNNAMED: &str = "-";

/// The engine of the built-in rules, loaded once per process (loading costs a few ms).
fn builtin_engine() -> Result<&'static Engine, Error> {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    if let Some(engine) = ENGINE.get() {
        return Ok(engine);
    }
    let engine = Engine::builtin()?;
    Ok(ENGINE.get_or_init(|| engine))
}

/// What a call asks for besides its documents.
struct Request {
    format: FormatChoice,
    document_date: Option<claimlint::document::Date>,
    config: Option<PathBuf>,
    rules: Vec<PathBuf>,
}

impl Request {
    fn new(
        format: &str,
        document_date: Option<&str>,
        config: Option<PathBuf>,
        rules: Option<Vec<PathBuf>>,
    ) -> PyResult<Self> {
        let format = match format.to_ascii_lowercase().as_str() {
            "auto" => FormatChoice::Auto,
            "text" | "txt" => FormatChoice::Text,
            "markdown" | "md" => FormatChoice::Markdown,
            "html" => FormatChoice::Html,
            "jats" => FormatChoice::Jats,
            "docbook" => FormatChoice::DocBook,
            "docx" => FormatChoice::Docx,
            "pdf" => FormatChoice::Pdf,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "`{format}` is not a format; expected auto, text, markdown, html, jats, docbook, docx or pdf"
                )));
            }
        };
        let document_date = document_date
            .map(|text| {
                claimlint::calendar::parse_iso_date(text)
                    .filter(|_| text.len() == 10)
                    .ok_or_else(|| {
                        PyValueError::new_err(format!("`{text}` is not a date of the form YYYY-MM-DD"))
                    })
            })
            .transpose()?;
        Ok(Self {
            format,
            document_date,
            config,
            rules: rules.unwrap_or_default(),
        })
    }

    /// The engine the request runs on: the shared built-in one, or one with the given config
    /// and rule files.
    fn engine(&self) -> Result<std::borrow::Cow<'static, Engine>, Error> {
        if self.config.is_none() && self.rules.is_empty() {
            return builtin_engine().map(std::borrow::Cow::Borrowed);
        }
        let config = self.config.as_deref().map(Config::load).transpose()?;
        Engine::configured(config, &self.rules).map(std::borrow::Cow::Owned)
    }

    /// Reads one document's bytes as the command line reads a file of that name.
    fn read(&self, engine: &Engine, name: Option<&str>, bytes: &[u8]) -> Result<Document, Error> {
        let mut options = IngestOptions {
            format: self.format,
            document_date: self.document_date,
            ..engine.options.clone()
        };
        let path = if let Some(name) = name {
            Path::new(name)
        } else {
            // No name to detect the format by: the two binary formats say what they are.
            if options.format == FormatChoice::Auto {
                if bytes.starts_with(b"%PDF-") {
                    options.format = FormatChoice::Pdf;
                } else if bytes.starts_with(b"PK\x03\x04") {
                    options.format = FormatChoice::Docx;
                }
            }
            Path::new(UNNAMED)
        };
        let mut document = ingest::parse(bytes, path, &options)?;
        if name.is_none() {
            UNNAMED.clone_into(&mut document.name);
        }
        Ok(document)
    }
}

/// A batch's documents as bytes, read while the interpreter is held (before it is released
/// for the parallel work).
fn batch_bytes(
    documents: Vec<(Option<String>, Bound<'_, PyAny>)>,
) -> PyResult<Vec<(Option<String>, Vec<u8>)>> {
    documents
        .into_iter()
        .map(|(name, data)| Ok((name, document_bytes(&data)?)))
        .collect()
}

/// A document's text or bytes: `str` is UTF-8 text, `bytes` are read as a file's bytes are.
fn document_bytes(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if data.is_instance_of::<PyString>() {
        return Ok(data.extract::<String>()?.into_bytes());
    }
    Err(PyTypeError::new_err(format!(
        "a document is str or bytes, not {}",
        data.get_type().name()?
    )))
}

/// Where an error points: the file, and the line and column where there is one.
fn location(error: &Error) -> (Option<String>, Option<usize>, Option<usize>) {
    let shown = |path: &Path| Some(path.display().to_string());
    match error {
        Error::InvalidUtf8 {
            path, line, column, ..
        }
        | Error::RuleFile {
            path, line, column, ..
        }
        | Error::Malformed {
            path, line, column, ..
        } => (shown(path), Some(*line), Some(*column)),
        Error::Ledger { path, row, .. } => (shown(path), (*row > 0).then_some(*row), None),
        Error::Read { path, .. }
        | Error::WriteFile { path, .. }
        | Error::Walk { path, .. }
        | Error::InvalidUtf16 { path, .. }
        | Error::Binary { path, .. }
        | Error::TooLarge { path, .. }
        | Error::Unsupported { path, .. }
        | Error::DamagedDocx { path, .. }
        | Error::DamagedPdf { path, .. }
        | Error::LedgerBusy { path, .. }
        | Error::LedgerChanged { path }
        | Error::Decisions { path, .. }
        | Error::Baseline { path, .. } => (shown(path), None, None),
        _ => (None, None, None),
    }
}

/// The Python exception of an error: `claimlint.ClaimlintError` with the command line's message
/// and help, and the file, line and column as attributes.
fn exception(py: Python<'_>, error: &Error) -> PyResult<Py<PyAny>> {
    let (file, line, column) = location(error);
    let class = py.import("claimlint")?.getattr("ClaimlintError")?;
    Ok(class
        .call1((error.to_string(), file, line, column, error.help()))?
        .unbind())
}

fn raise(py: Python<'_>, error: &Error) -> PyErr {
    match exception(py, error) {
        Ok(instance) => PyErr::from_value(instance.into_bound(py)),
        Err(failed) => failed,
    }
}

/// Claims of one document as the JSON array `extract --format json` prints.
fn claims_json(
    request: &Request,
    engine: &Engine,
    name: Option<&str>,
    bytes: &[u8],
) -> Result<String, Error> {
    let document = request.read(engine, name, bytes)?;
    let claims = engine.claims(&document);
    let mut out = Vec::new();
    claimlint::report::json::write_array(&mut out, &claims)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Findings of one document as the JSON array `check --format json` prints.
fn findings_json(
    request: &Request,
    engine: &Engine,
    name: Option<&str>,
    bytes: &[u8],
) -> Result<String, Error> {
    let document = request.read(engine, name, bytes)?;
    let analysis = engine.analyse_document(document);
    let mut out = Vec::new();
    claimlint::report::diagnostics::write_array(&mut out, &analysis.diagnostics)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// What is done with one document: its claims or its findings, as JSON text.
type DocumentWork = fn(&Request, &Engine, Option<&str>, &[u8]) -> Result<String, Error>;

/// Runs `work` on one document with the interpreter released; an error is raised as the
/// `ClaimlintError` it is.
fn one_document(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    name: Option<&str>,
    request: &Request,
    work: DocumentWork,
) -> PyResult<String> {
    let bytes = document_bytes(data)?;
    py.detach(|| {
        let engine = request.engine()?;
        work(request, &engine, name, &bytes)
    })
    .map_err(|error| raise(py, &error))
}

/// The claims of one document, as JSON text.
#[pyfunction]
#[pyo3(signature = (data, format = "auto", name = None, document_date = None, config = None, rules = None))]
fn extract_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: &str,
    name: Option<&str>,
    document_date: Option<&str>,
    config: Option<PathBuf>,
    rules: Option<Vec<PathBuf>>,
) -> PyResult<String> {
    let request = Request::new(format, document_date, config, rules)?;
    one_document(py, data, name, &request, claims_json)
}

/// The findings of one document, as JSON text.
#[pyfunction]
#[pyo3(signature = (data, format = "auto", name = None, document_date = None, config = None, rules = None))]
fn check_json(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: &str,
    name: Option<&str>,
    document_date: Option<&str>,
    config: Option<PathBuf>,
    rules: Option<Vec<PathBuf>>,
) -> PyResult<String> {
    let request = Request::new(format, document_date, config, rules)?;
    one_document(py, data, name, &request, findings_json)
}

/// The claims of many documents, read in parallel on the Rust thread pool with the interpreter
/// released: for each `(name, data)` in order, the JSON text of its claims, or the
/// `ClaimlintError` it failed with (a batch goes on past a broken document).
#[pyfunction]
#[pyo3(signature = (documents, format = "auto", document_date = None, config = None, rules = None))]
fn extract_batch_json(
    py: Python<'_>,
    documents: Vec<(Option<String>, Bound<'_, PyAny>)>,
    format: &str,
    document_date: Option<&str>,
    config: Option<PathBuf>,
    rules: Option<Vec<PathBuf>>,
) -> PyResult<Vec<Py<PyAny>>> {
    let request = Request::new(format, document_date, config, rules)?;
    let documents = batch_bytes(documents)?;
    let results: Result<Vec<Result<String, Error>>, Error> = py.detach(|| {
        let engine = request.engine()?;
        Ok(documents
            .par_iter()
            .map(|(name, bytes)| claims_json(&request, &engine, name.as_deref(), bytes))
            .collect())
    });
    let results = results.map_err(|error| raise(py, &error))?;
    results
        .into_iter()
        .map(|result| match result {
            Ok(json) => Ok(PyString::new(py, &json).into_any().unbind()),
            Err(error) => exception(py, &error),
        })
        .collect()
}

/// Index of the integer fields among `Claim::cells` (line, column, start, end), and of
/// `footnotes`, a list.
const INTEGER_CELLS: [usize; 4] = [5, 6, 7, 8];
const FOOTNOTES_CELL: usize = 19;

/// Claims as columns of Python values, one per claim field.
type Columns = Vec<Vec<Py<PyAny>>>;

/// Documents that could not be read: their place in the batch and their `ClaimlintError`.
type Failures = Vec<(usize, Py<PyAny>)>;

/// The claims of many documents as columns, for Arrow: the 22 cells of each claim (the CSV
/// columns, the JSON contract's order) as Python values — text (figures as exact decimal text),
/// `int` positions, a list of footnotes, `None` for an absent field — and the documents that
/// could not be read as `(index, ClaimlintError)`. No JSON in between: this is the data path
/// of Spark and Ray.
#[pyfunction]
#[pyo3(signature = (documents, format = "auto", document_date = None, config = None, rules = None))]
fn extract_columns(
    py: Python<'_>,
    documents: Vec<(Option<String>, Bound<'_, PyAny>)>,
    format: &str,
    document_date: Option<&str>,
    config: Option<PathBuf>,
    rules: Option<Vec<PathBuf>>,
) -> PyResult<(Columns, Failures)> {
    let request = Request::new(format, document_date, config, rules)?;
    let documents = batch_bytes(documents)?;
    let results: Result<Vec<Result<Vec<claimlint::Claim>, Error>>, Error> = py.detach(|| {
        let engine = request.engine()?;
        Ok(documents
            .par_iter()
            .map(|(name, bytes)| {
                let document = request.read(&engine, name.as_deref(), bytes)?;
                Ok(engine.claims(&document))
            })
            .collect())
    });
    let results = results.map_err(|error| raise(py, &error))?;
    let mut columns: Vec<Vec<Py<PyAny>>> = (0..22).map(|_| Vec::new()).collect();
    let mut failures = Vec::new();
    for (index, result) in results.into_iter().enumerate() {
        let claims = match result {
            Ok(claims) => claims,
            Err(error) => {
                failures.push((index, exception(py, &error)?));
                continue;
            }
        };
        for claim in claims {
            for (field, cell) in claim.cells().into_iter().enumerate() {
                let value = if field == FOOTNOTES_CELL {
                    if claim.footnotes.is_empty() {
                        py.None()
                    } else {
                        claim.footnotes.clone().into_pyobject(py)?.into_any().unbind()
                    }
                } else if cell.is_empty() {
                    py.None()
                } else if INTEGER_CELLS.contains(&field) {
                    cell.parse::<u64>()
                        .unwrap_or_default()
                        .into_pyobject(py)?
                        .into_any()
                        .unbind()
                } else {
                    PyString::new(py, &cell).into_any().unbind()
                };
                columns[field].push(value);
            }
        }
    }
    Ok((columns, failures))
}

/// The version of the claimlint library inside the module.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _claimlint(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(extract_json, module)?)?;
    module.add_function(wrap_pyfunction!(check_json, module)?)?;
    module.add_function(wrap_pyfunction!(extract_batch_json, module)?)?;
    module.add_function(wrap_pyfunction!(extract_columns, module)?)?;
    module.add_function(wrap_pyfunction!(version, module)?)?;
    Ok(())
}
