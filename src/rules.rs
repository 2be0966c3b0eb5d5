//! Rule files: the schema, the built-in rules embedded in the binary, and the layering
//! built-in < `claimlint.toml` < `--rules`.
//!
//! One rule per TOML file. The file names its check `kind` in a `[check]` table; the loader
//! reads `kind` first, then parses the whole file again with that kind's parameter struct, so
//! that an unknown key or a wrong type is reported at its line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use regex::Regex;
use serde::Deserialize;

pub use crate::check::CheckKind;
use crate::check::Params;
use crate::config::{Config, Level};
use crate::diagnostic::Severity;
use crate::error::{Error, Result};

/// The built-in rule files, embedded by folder: every `.toml` file under `rules/`.
static BUILTIN_RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// The built-in rule files as (`rules/<family>/<name>.toml`, text), in path order.
#[must_use]
pub fn builtin_files() -> Vec<(String, &'static str)> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static str)>) {
        for file in dir.files() {
            if file.path().extension().is_some_and(|e| e == "toml")
                && let Some(text) = file.contents_utf8()
            {
                out.push((format!("rules/{}", file.path().display()), text));
            }
        }
        for folder in dir.dirs() {
            walk(folder, out);
        }
    }
    let mut files = Vec::new();
    walk(&BUILTIN_RULES, &mut files);
    files.sort();
    files
}

/// One rule, ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub enabled: bool,
    pub summary: String,
    /// The message template; `{name}` placeholders are filled by the check.
    pub message: String,
    pub help: Option<String>,
    /// The rule's documentation: what it checks, why, its parameters.
    pub description: String,
    pub check: CheckKind,
    pub examples: Vec<Example>,
    /// The rule file it came from (`rules/…` for built-ins).
    pub origin: String,
    /// The `[check]` table as written, for layering parameters from a config.
    check_table: toml::Table,
}

/// An example in a rule file, run by the test harness.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub fires: bool,
    /// `text` (default) or `markdown`.
    #[serde(default)]
    pub format: Option<String>,
    /// The limit of table cells the example is read with (`table_cells` in `[limits]`), for
    /// an example of that limit small enough to read.
    #[serde(default)]
    pub table_cells: Option<usize>,
}

/// The fields of a rule file, with the check's parameter struct `C`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile<C> {
    id: String,
    severity: toml::Spanned<Level>,
    summary: String,
    message: String,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    description: String,
    check: C,
    #[serde(default)]
    example: Vec<Example>,
}

/// Reads only the check's kind, to pick the parameter struct.
#[derive(Deserialize)]
struct Probe {
    check: ProbeCheck,
}

#[derive(Deserialize)]
struct ProbeCheck {
    kind: toml::Spanned<String>,
}

/// An error in a rule or config file, with its place.
pub(crate) fn file_error(
    path: &str,
    source: &str,
    offset: Option<usize>,
    message: impl Into<String>,
) -> Error {
    let (line, column) = offset.map_or((1, 1), |offset| crate::span::line_column(source, offset));
    Error::RuleFile {
        path: PathBuf::from(path),
        line,
        column,
        message: message.into(),
        source_text: source.to_owned(),
        offset,
    }
}

pub(crate) fn toml_error(path: &str, source: &str, error: &toml::de::Error) -> Error {
    file_error(
        path,
        source,
        error.span().map(|s| s.start),
        error.message().to_owned(),
    )
}

/// Most bytes of a regular expression in a rule file.
pub const MAX_PATTERN_BYTES: usize = 10 * 1024;

/// Most bytes a rule file's regular expression may compile to.
pub const MAX_COMPILED_BYTES: usize = 10 * 1024 * 1024;

/// A rule file being read (or a config changing a rule's parameters): where errors point.
pub struct RuleSource<'a> {
    origin: &'a str,
    source: &'a str,
    /// Where the check's parameters are read from.
    check: CheckSource<'a>,
}

/// Where a rule's parameters are read from.
#[derive(Clone, Copy)]
enum CheckSource<'a> {
    /// The rule file, parsed once (with the places of its values) for every reading of it.
    File(&'a toml::Spanned<toml::de::DeTable<'a>>),
    /// A merged `[check]` table, after a config changed parameters.
    Merged(&'a toml::Table),
}

impl RuleSource<'_> {
    /// An error at `offset` of the file (1:1 without one).
    pub fn error(&self, offset: Option<usize>, message: impl Into<String>) -> Error {
        file_error(self.origin, self.source, offset, message)
    }

    /// Where `needle` is first written in the file.
    #[must_use]
    pub fn find(&self, needle: &str) -> Option<usize> {
        self.source.find(needle)
    }

    /// Compiles a regular expression of the file, placing an error where it is written. The
    /// pattern is capped at `MAX_PATTERN_BYTES` and its compiled form at `MAX_COMPILED_BYTES`
    /// (a 9 MB pattern would take a gigabyte and seconds to compile); the error names the fault,
    /// not the whole pattern again.
    pub fn regex(&self, pattern: &str) -> Result<Regex> {
        let offset = || {
            self.find(&pattern.replace('\\', "\\\\"))
                .or_else(|| self.find(pattern))
        };
        if pattern.len() > MAX_PATTERN_BYTES {
            return Err(self.error(
                offset(),
                format!(
                    "this regular expression is {} bytes long; at most {MAX_PATTERN_BYTES} are allowed",
                    pattern.len()
                ),
            ));
        }
        regex::RegexBuilder::new(pattern)
            .size_limit(MAX_COMPILED_BYTES)
            .dfa_size_limit(MAX_COMPILED_BYTES)
            .build()
            .map_err(|e| {
                let text = e.to_string();
                let fault = text
                    .lines()
                    .rev()
                    .find_map(|line| line.strip_prefix("error: "))
                    .unwrap_or(&text);
                self.error(offset(), format!("invalid regular expression: {fault}"))
            })
    }

    /// The check's parameters: from the whole file (for positions) or from a merged
    /// `[check]` table, then prepared.
    pub fn params<C: Params>(&self) -> Result<C> {
        let mut params: C = match self.check {
            CheckSource::File(parsed) => read_parsed::<RuleFile<C>>(parsed)
                .map(|file| file.check)
                .map_err(|e| toml_error(self.origin, self.source, &e))?,
            CheckSource::Merged(table) => toml::Value::Table(table.clone())
                .try_into::<C>()
                .map_err(|e| self.error(None, format!("in the parameters of this rule: {}", e.message())))?,
        };
        params.prepare(self)?;
        Ok(params)
    }
}

/// Reads the check kind `kind` of a rule file.
fn build_check(kind: &str, file: &RuleSource<'_>) -> Result<CheckKind> {
    CheckKind::parse(kind, file).unwrap_or_else(|| {
        Err(file.error(
            file.find(kind),
            format!(
                "unknown check kind `{kind}`; expected one of {}",
                CheckKind::NAMES.join(", ")
            ),
        ))
    })
}

/// Reads a value out of a parsed file. The file is parsed once and read three times (its check
/// kind, its parameters, the rest): parsing is the dear part, and every run parses the built-in
/// rules before it reads a document.
fn read_parsed<'a, T: Deserialize<'a>>(
    parsed: &toml::Spanned<toml::de::DeTable<'a>>,
) -> std::result::Result<T, toml::de::Error> {
    T::deserialize(toml::de::Deserializer::from(parsed.clone()))
}

/// Parses one rule file.
pub fn parse_rule(origin: &str, source: &str) -> Result<Rule> {
    let parsed = toml::de::DeTable::parse(source).map_err(|e| toml_error(origin, source, &e))?;
    let probe: Probe = read_parsed(&parsed).map_err(|e| toml_error(origin, source, &e))?;
    let kind = probe.check.kind.get_ref().clone();
    if !CheckKind::NAMES.contains(&kind.as_str()) {
        return Err(file_error(
            origin,
            source,
            Some(probe.check.kind.span().start),
            format!(
                "unknown check kind `{kind}`; expected one of {}",
                CheckKind::NAMES.join(", ")
            ),
        ));
    }
    let check = build_check(
        &kind,
        &RuleSource {
            origin,
            source,
            check: CheckSource::File(&parsed),
        },
    )?;
    let file: RuleFile<toml::Table> = read_parsed(&parsed).map_err(|e| toml_error(origin, source, &e))?;
    let at = |key: &str| source.find(&format!("{key} ="));
    // A rule file that starts off reports at warning if it is run by itself (its examples).
    let (severity, enabled) = match file.severity.get_ref().severity() {
        None => (Severity::Warning, false),
        Some(severity) => (severity, true),
    };
    let valid_id = file.id.split_once('/').is_some_and(|(family, name)| {
        let ok = |part: &str| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        ok(family) && ok(name)
    });
    if !valid_id {
        return Err(file_error(
            origin,
            source,
            at("id"),
            format!("rule id `{}` is not of the form family/name", file.id),
        ));
    }
    Ok(Rule {
        id: file.id,
        severity,
        enabled,
        summary: file.summary,
        message: file.message,
        help: file.help,
        description: file.description,
        check,
        examples: file.example,
        origin: origin.to_owned(),
        check_table: file.check,
    })
}

/// The rules in force, sorted by id.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// Rule file sources by origin, for re-parsing parameters changed by a config.
    sources: BTreeMap<String, String>,
    /// The rules read from `--rules`, which keep their own settings over a config's.
    protected: BTreeSet<String>,
    /// The command line's selection, applied last (also after a config's overrides).
    selection: Selection,
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> Result<Self> {
        let mut set = Self {
            rules: Vec::new(),
            sources: BTreeMap::new(),
            protected: BTreeSet::new(),
            selection: Selection::default(),
        };
        for (origin, source) in builtin_files() {
            set.add(parse_rule(&origin, source)?, source);
        }
        Ok(set)
    }

    fn add(&mut self, rule: Rule, source: &str) {
        self.sources.insert(rule.origin.clone(), source.to_owned());
        match self.rules.binary_search_by(|r| r.id.cmp(&rule.id)) {
            Ok(index) => self.rules[index] = rule,
            Err(index) => self.rules.insert(index, rule),
        }
    }

    /// Adds the rule files at `path` (a file or a folder of `.toml` files), replacing built-in
    /// rules of the same id.
    pub fn add_path(&mut self, path: &Path) -> Result<Vec<String>> {
        let mut files = Vec::new();
        if path.is_dir() {
            collect_toml(path, &mut files)?;
        } else {
            files.push(path.to_path_buf());
        }
        let mut added = Vec::new();
        for file in files {
            let source = crate::files::read_regular_text(
                &file,
                crate::files::MAX_SETTINGS_BYTES,
                "rule or config file",
            )?;
            let origin = file.to_string_lossy().into_owned();
            let rule = parse_rule(&origin, &source)?;
            added.push(rule.id.clone());
            self.add(rule, &source);
        }
        Ok(added)
    }

    /// Applies a config: severities, switches and parameters. Rules in `protected` (read from
    /// `--rules`, which layer over the config) keep their own.
    pub fn apply(&mut self, config: &Config, protected: &BTreeSet<String>) -> Result<()> {
        for (id, (level, offset)) in &config.levels {
            if protected.contains(id) {
                continue;
            }
            let Some(rule) = self.rules.iter_mut().find(|r| &r.id == id) else {
                return Err(file_error(
                    &config.path,
                    &config.source,
                    Some(*offset),
                    format!("unknown rule `{id}`"),
                ));
            };
            match level.severity() {
                None => rule.enabled = false,
                Some(severity) => {
                    rule.severity = severity;
                    rule.enabled = true;
                }
            }
        }
        for (id, (params, offset)) in &config.params {
            if protected.contains(id) {
                continue;
            }
            let Some(rule) = self.rules.iter_mut().find(|r| &r.id == id) else {
                return Err(file_error(
                    &config.path,
                    &config.source,
                    Some(*offset),
                    format!("unknown rule `{id}`"),
                ));
            };
            let mut table = rule.check_table.clone();
            for (key, value) in params {
                if key == "kind" {
                    return Err(file_error(
                        &config.path,
                        &config.source,
                        Some(*offset),
                        "a config cannot change a rule's kind",
                    ));
                }
                table.insert(key.clone(), value.clone());
            }
            let kind = table
                .get("kind")
                .and_then(toml::Value::as_str)
                .unwrap_or_default()
                .to_owned();
            rule.check = build_check(
                &kind,
                &RuleSource {
                    origin: &config.path,
                    source: &config.source,
                    check: CheckSource::Merged(&table),
                },
            )
            .map_err(|error| match error {
                Error::RuleFile { path, message, .. } => {
                    let (line, column) = crate::span::line_column(&config.source, *offset);
                    Error::RuleFile {
                        path,
                        line,
                        column,
                        message: format!("`{id}`: {message}"),
                        source_text: config.source.clone(),
                        offset: Some(*offset),
                    }
                }
                other => other,
            })?;
            rule.check_table = table;
        }
        Ok(())
    }

    /// Narrows or widens the enabled rules as the command line says, after the config (ruff's
    /// conventions): `select` enables exactly the rules it names and disables the rest,
    /// `extend_select` enables more (rules off by default too), `ignore` disables, last.
    /// A selector is a rule id, a family (`citation`, `consistency/`) or `ALL`.
    pub fn select(&mut self, selection: &Selection) -> Result<()> {
        let matching = |option: &'static str, selector: &str| -> Result<Vec<usize>> {
            let family = selector.trim_end_matches('/');
            let found: Vec<usize> = self
                .rules
                .iter()
                .enumerate()
                .filter(|(_, rule)| {
                    selector == "ALL"
                        || rule.id == selector
                        || rule
                            .id
                            .strip_prefix(family)
                            .is_some_and(|rest| rest.starts_with('/'))
                })
                .map(|(index, _)| index)
                .collect();
            if found.is_empty() {
                return Err(Error::UnknownSelector {
                    option,
                    selector: selector.to_owned(),
                });
            }
            Ok(found)
        };
        self.selection = selection.clone();
        let mut enabled: Option<BTreeSet<usize>> = None;
        for selector in &selection.select {
            enabled
                .get_or_insert_with(BTreeSet::new)
                .extend(matching("select", selector)?);
        }
        let mut extended = BTreeSet::new();
        for selector in &selection.extend_select {
            extended.extend(matching("extend-select", selector)?);
        }
        let mut ignored = BTreeSet::new();
        for selector in &selection.ignore {
            ignored.extend(matching("ignore", selector)?);
        }
        for (index, rule) in self.rules.iter_mut().enumerate() {
            if let Some(enabled) = &enabled {
                rule.enabled = enabled.contains(&index);
            }
            if extended.contains(&index) {
                rule.enabled = true;
            }
            if ignored.contains(&index) {
                rule.enabled = false;
            }
        }
        Ok(())
    }

    /// The rules a document gets when `overrides` match its path: this set with each
    /// override's levels and parameters applied in order, then the command line's selection
    /// again (DESIGN.md: config < overrides < command line).
    pub fn with_overrides(&self, overrides: &[&crate::config::Override]) -> Result<Self> {
        let mut set = self.clone();
        let protected = set.protected.clone();
        for entry in overrides {
            set.apply(&entry.config, &protected)?;
        }
        let selection = set.selection.clone();
        set.select(&selection)?;
        Ok(set)
    }

    /// The ids of the rules read from `--rules` files.
    #[must_use]
    pub fn from_rule_files(&self) -> Vec<String> {
        self.protected.iter().cloned().collect()
    }

    /// The error for a rule's example that did not do what it says, at its `[[example]]`.
    #[must_use]
    pub fn example_error(&self, id: &str, index: usize, fires: bool, messages: &[String]) -> Error {
        let Some(rule) = self.get(id) else {
            return Error::UnknownRule {
                id: id.to_owned(),
                known: String::new(),
            };
        };
        let source = self.source_of(rule).unwrap_or_default();
        let offset = source.match_indices("[[example]]").nth(index).map(|(at, _)| at);
        let message = if fires {
            format!("`{id}`: this example should fire, but the rule stays quiet on it")
        } else {
            format!(
                "`{id}`: this example should stay quiet, but the rule says: {}",
                messages.join("; ")
            )
        };
        file_error(&rule.origin, source, offset, message)
    }

    /// Every rule, enabled or not, by id.
    #[must_use]
    pub fn all(&self) -> &[Rule] {
        &self.rules
    }

    /// The enabled rules, by id.
    pub fn enabled(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| r.enabled)
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The source of the rule file a rule came from.
    #[must_use]
    pub fn source_of(&self, rule: &Rule) -> Option<&str> {
        self.sources.get(&rule.origin).map(String::as_str)
    }
}

fn collect_toml(folder: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(folder).map_err(|source| Error::Read {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// The rule set for a run: built-ins, then the config, then `--rules` paths (a rule read from
/// `--rules` wins over the config's settings for the same id).
pub fn load(config: Option<&Config>, extra: &[PathBuf]) -> Result<RuleSet> {
    let mut set = RuleSet::builtin()?;
    let mut protected = BTreeSet::new();
    for path in extra {
        let added = set.add_path(path)?;
        protected.extend(added);
    }
    if let Some(config) = config {
        set.apply(config, &protected)?;
        // An override naming an unknown rule or a bad parameter fails the run now, not at the
        // first document it matches.
        for entry in &config.overrides {
            set.with_overrides(&[entry])?;
        }
    }
    set.protected = protected;
    Ok(set)
}

/// The command line's choice of rules: `--select`, `--extend-select`, `--ignore`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

/// Ids of the rules a set holds, for messages.
#[must_use]
pub fn ids(set: &RuleSet) -> BTreeSet<String> {
    set.all().iter().map(|r| r.id.clone()).collect()
}
