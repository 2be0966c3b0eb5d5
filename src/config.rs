//! `claimlint.toml`: paths to skip, rule levels, rule parameters and input limits, read as typed
//! values so that every mistake is an error at its line and column.
//!
//! ```toml
//! exclude = ["drafts/**"]
//! [rules]
//! "consistency/restated" = "off"
//! ["citation/missing"]
//! severity = "error"
//! min_value = 1000
//! [claims]
//! approx_tolerance = 0.1
//! [limits]
//! document_mib = 64
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::Severity;
use crate::error::Result;
use crate::ingest::{MAX_DOCUMENT_BYTES, docx, xml};
use crate::normalise::Settings;
use crate::normalise::profile::Profile;
use crate::rules::{file_error, toml_error};

/// How a config (or a rule file) sets a rule: off, or on at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    /// The severity a rule reports at, or `None` when it is off.
    #[must_use]
    pub const fn severity(self) -> Option<Severity> {
        match self {
            Self::Off => None,
            Self::Info => Some(Severity::Info),
            Self::Warning => Some(Severity::Warning),
            Self::Error => Some(Severity::Error),
        }
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(match name.as_str() {
            "off" => Self::Off,
            "info" => Self::Info,
            "warning" => Self::Warning,
            "error" => Self::Error,
            other => {
                return Err(serde::de::Error::custom(format!(
                    "unknown severity `{other}`; expected error, warning, info or off"
                )));
            }
        })
    }
}

/// The bounds on what one input may cost, each refused with a clear error when passed. The
/// defaults are far beyond real documents; `[limits]` in claimlint.toml changes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one input file (or of standard input).
    pub document_bytes: u64,
    /// Elements open at once in an XML document.
    pub xml_depth: usize,
    /// Entries in a DOCX archive.
    pub docx_entries: usize,
    /// Bytes one DOCX part may inflate to.
    pub docx_part_bytes: u64,
    /// Bytes all the DOCX parts read may inflate to together.
    pub docx_total_bytes: u64,
    /// Inflated size over compressed size of one DOCX part.
    pub docx_ratio: u64,
    /// Pages of one PDF.
    pub pdf_pages: usize,
    /// Glyphs drawn on one PDF page.
    pub pdf_page_glyphs: usize,
    /// Bytes one PDF stream may inflate to.
    pub pdf_stream_bytes: u64,
    /// Bytes all of a PDF's streams may inflate to together.
    pub pdf_inflated_bytes: u64,
    /// Table cells of one document read as cells; later cells are left out, and
    /// `input/table-limit` says how many.
    pub table_cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            document_bytes: MAX_DOCUMENT_BYTES,
            xml_depth: xml::MAX_DEPTH,
            docx_entries: docx::MAX_ENTRIES,
            docx_part_bytes: docx::MAX_PART_BYTES,
            docx_total_bytes: docx::MAX_TOTAL_BYTES,
            docx_ratio: docx::MAX_RATIO,
            pdf_pages: crate::ingest::pdf::MAX_PAGES,
            pdf_page_glyphs: crate::ingest::pdf::MAX_PAGE_GLYPHS,
            pdf_stream_bytes: crate::ingest::pdf::MAX_STREAM_BYTES,
            pdf_inflated_bytes: crate::ingest::pdf::MAX_INFLATED_BYTES,
            table_cells: crate::ingest::tables::MAX_CELLS,
        }
    }
}

/// `[limits]` as written: sizes in MiB, counts and a ratio.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LimitsTable {
    document_mib: Option<Spanned<i64>>,
    xml_depth: Option<Spanned<i64>>,
    docx_entries: Option<Spanned<i64>>,
    docx_part_mib: Option<Spanned<i64>>,
    docx_total_mib: Option<Spanned<i64>>,
    docx_ratio: Option<Spanned<i64>>,
    pdf_pages: Option<Spanned<i64>>,
    pdf_page_glyphs: Option<Spanned<i64>>,
    pdf_stream_mib: Option<Spanned<i64>>,
    pdf_inflated_mib: Option<Spanned<i64>>,
    table_cells: Option<Spanned<i64>>,
}

/// `[claims]` as written: how figures are normalised.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsTable {
    /// The relative tolerance of an approximate figure ("around 70" allows ±5 % by default).
    approx_tolerance: Option<Spanned<f64>>,
}

/// `claimlint.toml`: paths to skip, rule levels, rule parameters, input limits.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: String,
    pub(crate) source: String,
    pub exclude: Vec<String>,
    /// Rule id → level, with the offset where it is written.
    pub(crate) levels: BTreeMap<String, (Level, usize)>,
    /// Rule id → parameter table, with the offset of its header.
    pub(crate) params: BTreeMap<String, (toml::Table, usize)>,
    /// `[limits]`: the input bounds, defaults where not given.
    pub limits: Limits,
    /// `[claims]`: how figures are normalised, defaults where not given.
    pub settings: Settings,
    /// `[[overrides]]`: settings for the documents whose paths match their globs, in order.
    pub overrides: Vec<Override>,
    /// `ledger = "claims.csv"`: the claims ledger the editor's server and the review page use
    /// when no `--ledger` is given, relative to the config's folder.
    pub ledger: Option<String>,
}

impl Config {
    /// The ledger the config names, as a path from the config's folder.
    #[must_use]
    pub fn ledger_path(&self) -> Option<std::path::PathBuf> {
        let ledger = self.ledger.as_ref()?;
        let folder = std::path::Path::new(&self.path)
            .parent()
            .unwrap_or(std::path::Path::new(""));
        Some(folder.join(ledger))
    }
}

/// One `[[overrides]]` table: `files` globs (gitignore syntax, matched against a document's
/// path as given) and the levels, parameters and profile its documents get over the config's.
#[derive(Debug, Clone)]
pub struct Override {
    pub files: Vec<String>,
    matcher: ignore::overrides::Override,
    /// The override's own settings, read as a config is (`[rules]`, rule tables, `profile`).
    pub config: Config,
}

impl Override {
    /// Does a document at `path` (as given on the command line) take this override?
    #[must_use]
    pub fn matches(&self, path: &Path) -> bool {
        self.matcher.matched(path, false).is_whitelist()
    }
}

impl Config {
    /// The overrides whose globs match `path`, in the order the file gives them.
    pub fn overrides_for<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = &'a Override> + 'a {
        self.overrides.iter().filter(move |o| o.matches(path))
    }
}

impl Config {
    /// Parses a config file's text.
    pub fn parse(path: &str, source: &str) -> Result<Self> {
        let table = DeTable::parse(source).map_err(|e| toml_error(path, source, &e))?;
        Self::from_table(path, source, table.into_inner())
    }

    /// Parses the `[tool.claimlint]` table of a `pyproject.toml` (an empty config when it has
    /// none); positions in errors point into the `pyproject.toml`.
    pub fn parse_pyproject(path: &str, source: &str) -> Result<Self> {
        let table = DeTable::parse(source).map_err(|e| toml_error(path, source, &e))?;
        let mut top = table.into_inner();
        let tool = top
            .iter()
            .find(|(k, _)| k.get_ref() == "tool")
            .map(|(k, _)| k.clone());
        let Some(DeValue::Table(mut tool)) = tool.and_then(|k| top.remove(&k)).map(Spanned::into_inner)
        else {
            return Self::from_table(path, source, DeTable::default());
        };
        let ours = tool
            .iter()
            .find(|(k, _)| k.get_ref() == "claimlint")
            .map(|(k, _)| k.clone());
        match ours.and_then(|k| tool.remove(&k)) {
            Some(value) => {
                let at = value.span().start;
                let DeValue::Table(table) = value.into_inner() else {
                    return Err(file_error(
                        path,
                        source,
                        Some(at),
                        "`[tool.claimlint]` is a table",
                    ));
                };
                Self::from_table(path, source, table)
            }
            None => Self::from_table(path, source, DeTable::default()),
        }
    }

    fn from_table(path: &str, source: &str, table: DeTable<'_>) -> Result<Self> {
        let mut config = Self {
            path: path.to_owned(),
            source: source.to_owned(),
            ..Self::default()
        };
        for (key, value) in table {
            let offset = key.span().start;
            match key.get_ref().as_ref() {
                "exclude" => config.exclude = value_of(path, source, value, "`exclude` holds glob strings")?,
                "ledger" => {
                    let ledger: String =
                        value_of(path, source, value, "`ledger` is the path of the claims ledger")?;
                    config.ledger = Some(ledger);
                }
                "rules" => config.read_levels(value)?,
                "profile" => config.read_profile(value)?,
                "claims" => {
                    let table = value_of(path, source, value, "`[claims]` is a table of settings")?;
                    config.settings = config.read_settings(&table)?;
                }
                "limits" => {
                    let table = value_of(path, source, value, "`[limits]` is a table of limits")?;
                    config.limits = config.read_limits(&table)?;
                }
                id if id.contains('/') => config.read_rule_table(id, offset, &value)?,
                "overrides" => {
                    let DeValue::Array(tables) = value.get_ref() else {
                        return Err(file_error(
                            path,
                            source,
                            Some(offset),
                            "`overrides` is an array of tables: write each as [[overrides]]",
                        ));
                    };
                    for table in tables {
                        let entry = config.read_override(table)?;
                        config.overrides.push(entry);
                    }
                }
                other => {
                    return Err(file_error(
                        path,
                        source,
                        Some(offset),
                        format!(
                            "unknown key `{other}`; expected `exclude`, `profile`, `ledger`, `[rules]`, `[claims]`, `[limits]`, `[[overrides]]` or a rule's table such as [\"citation/missing\"]"
                        ),
                    ));
                }
            }
        }
        Ok(config)
    }

    /// `[rules]`: each rule's level, with the offset where it is written.
    fn read_levels(&mut self, value: Spanned<DeValue<'_>>) -> Result<()> {
        let rules: BTreeMap<Spanned<String>, Spanned<Level>> = value_of(
            &self.path,
            &self.source,
            value,
            "`[rules]` gives each rule a level: error, warning, info or off (parameters go in a table [\"family/name\"])",
        )?;
        for (id, level) in rules {
            self.levels
                .insert(id.get_ref().clone(), (*level.get_ref(), id.span().start));
        }
        Ok(())
    }

    /// `profile = "…"`: one of the document profiles.
    fn read_profile(&mut self, value: Spanned<DeValue<'_>>) -> Result<()> {
        let name: Spanned<String> = value_of(&self.path, &self.source, value, "`profile` is a string")?;
        let profile = Profile::parse(name.get_ref()).ok_or_else(|| {
            file_error(
                &self.path,
                &self.source,
                Some(name.span().start),
                format!(
                    "unknown profile `{}`; expected report, research, specification, legal, news or filing",
                    name.get_ref()
                ),
            )
        })?;
        self.settings.profile = Some(profile);
        Ok(())
    }

    /// One `[[overrides]]` table: `files` (required), then what a config's top level takes for
    /// rules: `profile`, `[overrides.rules]` and rule tables (`[overrides."citation/missing"]`).
    fn read_override(&self, table: &Spanned<DeValue<'_>>) -> Result<Override> {
        let at = table.span().start;
        let DeValue::Table(entries) = table.get_ref() else {
            return Err(file_error(
                &self.path,
                &self.source,
                Some(at),
                "an override is a table",
            ));
        };
        let mut files: Option<Vec<String>> = None;
        let mut inner = Self {
            path: self.path.clone(),
            source: self.source.clone(),
            ..Self::default()
        };
        for (key, value) in entries {
            let offset = key.span().start;
            match key.get_ref().as_ref() {
                "files" => {
                    files = Some(value_of(
                        &self.path,
                        &self.source,
                        value.clone(),
                        "`files` holds glob strings",
                    )?);
                }
                // Read as the top level reads them, errors at their own place.
                "profile" => inner.read_profile(value.clone())?,
                "rules" => inner.read_levels(value.clone())?,
                id if id.contains('/') => inner.read_rule_table(id, offset, value)?,
                other => {
                    return Err(file_error(
                        &self.path,
                        &self.source,
                        Some(offset),
                        format!(
                            "unknown key `{other}` in [[overrides]]; expected `files`, `profile`, `rules` or a rule's table"
                        ),
                    ));
                }
            }
        }
        let files = files.filter(|f| !f.is_empty()).ok_or_else(|| {
            file_error(
                &self.path,
                &self.source,
                Some(at),
                "an override needs `files = [\"glob\", …]`",
            )
        })?;
        let mut builder = ignore::overrides::OverrideBuilder::new("");
        for glob in &files {
            builder.add(glob).map_err(|e| crate::Error::Glob {
                glob: glob.clone(),
                message: e.to_string(),
            })?;
        }
        let matcher = builder.build().map_err(|e| crate::Error::Glob {
            glob: files.join(", "),
            message: e.to_string(),
        })?;
        Ok(Override {
            files,
            matcher,
            config: inner,
        })
    }

    /// A rule's table: its level (`severity`) and its parameters, checked when the rule set
    /// applies them (each kind knows its own).
    fn read_rule_table(&mut self, id: &str, offset: usize, value: &Spanned<DeValue<'_>>) -> Result<()> {
        let DeValue::Table(table) = value.get_ref() else {
            return Err(file_error(
                &self.path,
                &self.source,
                Some(offset),
                format!("`{id}` is a table of the rule's severity and parameters"),
            ));
        };
        let mut params = toml::Table::new();
        for (key, entry) in table {
            if key.get_ref() == "severity" {
                let level: Spanned<Level> = value_of(
                    &self.path,
                    &self.source,
                    entry.clone(),
                    "`severity` is error, warning, info or off",
                )?;
                self.levels.insert(id.to_owned(), (*level.get_ref(), offset));
            } else {
                let parameter: toml::Value =
                    value_of(&self.path, &self.source, entry.clone(), "a parameter")?;
                params.insert(key.get_ref().to_string(), parameter);
            }
        }
        if !params.is_empty() {
            self.params.insert(id.to_owned(), (params, offset));
        }
        Ok(())
    }

    /// `[claims]`: `approx_tolerance` a fraction from 0 up to (not including) 1.
    fn read_settings(&self, table: &ClaimsTable) -> Result<Settings> {
        let mut settings = self.settings.clone();
        if let Some(tolerance) = &table.approx_tolerance {
            settings.approx_tolerance = Decimal::try_from(*tolerance.get_ref())
                .ok()
                .filter(|t| *t >= Decimal::ZERO && *t < Decimal::ONE)
                .ok_or_else(|| {
                    file_error(
                        &self.path,
                        &self.source,
                        Some(tolerance.span().start),
                        "`approx_tolerance` is a fraction from 0 up to 1 (0.05 allows ±5 %)",
                    )
                })?;
        }
        Ok(settings)
    }

    /// `[limits]`: each a positive whole number, sizes in MiB.
    fn read_limits(&self, table: &LimitsTable) -> Result<Limits> {
        const MIB: u64 = 1024 * 1024;
        let mut limits = Limits::default();
        let positive = |name: &str, value: &Spanned<i64>| {
            u64::try_from(*value.get_ref())
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    file_error(
                        &self.path,
                        &self.source,
                        Some(value.span().start),
                        format!("`{name}` is a positive whole number"),
                    )
                })
        };
        let too_big = |name: &str, value: &Spanned<i64>| {
            file_error(
                &self.path,
                &self.source,
                Some(value.span().start),
                format!("`{name}` is too large"),
            )
        };
        let mib = |name: &str, value: &Spanned<i64>| {
            positive(name, value)?
                .checked_mul(MIB)
                .ok_or_else(|| too_big(name, value))
        };
        let count = |name: &str, value: &Spanned<i64>| {
            usize::try_from(positive(name, value)?).map_err(|_| too_big(name, value))
        };
        if let Some(value) = &table.document_mib {
            limits.document_bytes = mib("document_mib", value)?;
        }
        if let Some(value) = &table.xml_depth {
            limits.xml_depth = count("xml_depth", value)?;
        }
        if let Some(value) = &table.docx_entries {
            limits.docx_entries = count("docx_entries", value)?;
        }
        if let Some(value) = &table.docx_part_mib {
            limits.docx_part_bytes = mib("docx_part_mib", value)?;
        }
        if let Some(value) = &table.docx_total_mib {
            limits.docx_total_bytes = mib("docx_total_mib", value)?;
        }
        if let Some(value) = &table.docx_ratio {
            limits.docx_ratio = positive("docx_ratio", value)?;
        }
        if let Some(value) = &table.pdf_pages {
            limits.pdf_pages = count("pdf_pages", value)?;
        }
        if let Some(value) = &table.pdf_page_glyphs {
            limits.pdf_page_glyphs = count("pdf_page_glyphs", value)?;
        }
        if let Some(value) = &table.pdf_stream_mib {
            limits.pdf_stream_bytes = mib("pdf_stream_mib", value)?;
        }
        if let Some(value) = &table.pdf_inflated_mib {
            limits.pdf_inflated_bytes = mib("pdf_inflated_mib", value)?;
        }
        if let Some(value) = &table.table_cells {
            limits.table_cells = count("table_cells", value)?;
        }
        Ok(limits)
    }

    /// Reads a config file: a `claimlint.toml`, or the `[tool.claimlint]` table of a
    /// `pyproject.toml`.
    pub fn load(path: &Path) -> Result<Self> {
        let source =
            crate::files::read_regular_text(path, crate::files::MAX_SETTINGS_BYTES, "rule or config file")?;
        if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            return Self::parse_pyproject(&path.to_string_lossy(), &source);
        }
        Self::parse(&path.to_string_lossy(), &source)
    }

    /// Finds the config of `start`: in it or the folders above it, the first `claimlint.toml`,
    /// or `pyproject.toml` with a `[tool.claimlint]` table (a folder's `claimlint.toml` wins
    /// over its `pyproject.toml`, as ruff's `ruff.toml` does).
    #[must_use]
    pub fn find(start: &Path) -> Option<PathBuf> {
        start.ancestors().find_map(|folder| {
            let own = folder.join("claimlint.toml");
            if own.is_file() {
                return Some(own);
            }
            let pyproject = folder.join("pyproject.toml");
            let ours = pyproject.is_file()
                && crate::files::read_regular_text(
                    &pyproject,
                    crate::files::MAX_SETTINGS_BYTES,
                    "config file",
                )
                .is_ok_and(|text| has_tool_table(&text));
            ours.then_some(pyproject)
        })
    }
}

/// Does a `pyproject.toml` hold a `[tool.claimlint]` table (or `[tool.claimlint.…]` ones)?
fn has_tool_table(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("[tool.claimlint]")
            || line.starts_with("[tool.claimlint.")
            || line.starts_with("[[tool.claimlint.")
    })
}

/// A value of the config read as `T`; a wrong type is an error at the value, saying `what`
/// was expected.
fn value_of<T: serde::de::DeserializeOwned>(
    path: &str,
    source: &str,
    value: Spanned<DeValue<'_>>,
    what: &str,
) -> Result<T> {
    let at = value.span().start;
    T::deserialize(ValueDeserializer::from(value)).map_err(|e| {
        let offset = e.span().map_or(at, |span| span.start);
        // A wrong type gets the hint; serde's other messages (an unknown field or severity)
        // already say what was expected.
        let message = if e.message().starts_with("invalid type") {
            format!("{}; {what}", e.message())
        } else {
            e.message().to_owned()
        };
        file_error(path, source, Some(offset), message)
    })
}
