//! The pipeline as a library: an `Engine` holds what a run is configured with (rules, config,
//! limits, ledger, reading options) and takes inputs through ingest → extract → normalise →
//! check. The command line, the tests, the benches, the fuzz targets and the evaluation harness
//! all run documents through it, so that none of them rebuilds the pipeline by hand.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::audit::ledger::Ledger;
use crate::claim::Claim;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{self, IngestOptions};
use crate::normalise::Settings;
use crate::rules::RuleSet;

/// An input to read: a path (`-` for standard input) and the name it goes by in output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub name: String,
}

/// One document's result: the document, its claims and its findings.
#[derive(Debug)]
pub struct Analysis {
    pub document: Document,
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One `[[example]]` of a rule file, run: what it says and what the rule did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleRun {
    pub rule: String,
    /// Its place among the rule's examples, from 0.
    pub index: usize,
    /// Whether the example says the rule fires.
    pub fires: bool,
    /// The rule's messages on the example's text.
    pub messages: Vec<String>,
    /// Whether the example's text could be read at all.
    pub readable: bool,
}

impl ExampleRun {
    /// Did the rule do what the example says?
    #[must_use]
    pub fn passed(&self) -> bool {
        self.readable && self.messages.is_empty() != self.fires
    }
}

/// What a run is configured with.
#[derive(Debug, Clone)]
pub struct Engine {
    pub rules: RuleSet,
    /// The config the rules, `exclude` and the limits came from, if one was found or given.
    pub config: Option<Config>,
    /// The claims ledger, for the `ledger/` rules and the review page.
    pub ledger: Option<Ledger>,
    /// How documents are read: format, document date, limits.
    pub options: IngestOptions,
    pub settings: Settings,
    /// The profile was given on the command line: no override changes it.
    pub profile_given: bool,
    /// Engines for documents whose own folder, or one above it, holds another
    /// `claimlint.toml` than the run's (DESIGN.md: configuration is found from each document's
    /// folder upward), by that file's path. Empty when `--config` names one for all.
    pub folder_engines: std::sync::Arc<std::collections::BTreeMap<PathBuf, Engine>>,
}

impl Engine {
    /// The built-in rules, default reading options: what a document gets with no config.
    pub fn builtin() -> Result<Self> {
        Self::configured(None, &[])
    }

    /// The rules of the built-ins, `config` and the `--rules` paths `extra`, with the config's
    /// limits for reading.
    pub fn configured(config: Option<Config>, extra: &[PathBuf]) -> Result<Self> {
        let engine = Self::configured_untested(config, extra)?;
        // A rule file's examples are its tests: a user's rule that does not do what its own
        // examples say fails the run when it loads, at the example, rather than run wrong.
        let own = engine.rules.from_rule_files();
        if !own.is_empty()
            && let Some(run) = engine.run_examples(&own).into_iter().find(|run| !run.passed())
        {
            return Err(engine
                .rules
                .example_error(&run.rule, run.index, run.fires, &run.messages));
        }
        Ok(engine)
    }

    /// `configured` without running the `--rules` files' examples (`claimlint rules test`
    /// runs and reports them itself).
    pub fn configured_untested(config: Option<Config>, extra: &[PathBuf]) -> Result<Self> {
        let rules = crate::rules::load(config.as_ref(), extra)?;
        let options = IngestOptions {
            limits: config.as_ref().map(|c| c.limits).unwrap_or_default(),
            ..IngestOptions::default()
        };
        let settings = config.as_ref().map(|c| c.settings.clone()).unwrap_or_default();
        Ok(Self {
            rules,
            config,
            ledger: None,
            options,
            settings,
            profile_given: false,
            folder_engines: std::sync::Arc::default(),
        })
    }

    /// The `claimlint.toml` that governs a document at `path`: the first found from its folder
    /// upward.
    #[must_use]
    pub fn config_for(path: &Path) -> Option<PathBuf> {
        let folder = path
            .parent()
            .filter(|f| !f.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Config::find(&std::path::absolute(folder).ok()?)
    }

    /// The engine of the folder config that governs `path`, when it is not the run's.
    fn folder_engine(&self, path: &Path) -> Option<&Self> {
        if self.folder_engines.is_empty() {
            return None;
        }
        self.folder_engines.get(&Self::config_for(path)?)
    }

    /// The engine a document gets: this one, or with the config's `[[overrides]]` that match
    /// its path applied (rules, parameters, profile).
    fn for_document(&self, name: &str) -> std::borrow::Cow<'_, Self> {
        let Some(config) = &self.config else {
            return std::borrow::Cow::Borrowed(self);
        };
        let path = Path::new(name);
        let matching: Vec<&crate::config::Override> = config.overrides_for(path).collect();
        if matching.is_empty() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut engine = self.clone();
        if let Ok(rules) = self.rules.with_overrides(&matching) {
            engine.rules = rules; // checked when the config loaded
        }
        if !self.profile_given
            && let Some(profile) = matching.iter().rev().find_map(|o| o.config.settings.profile)
        {
            engine.settings.profile = Some(profile);
        }
        std::borrow::Cow::Owned(engine)
    }

    /// The config's `exclude` globs (none without a config).
    #[must_use]
    pub fn exclude(&self) -> &[String] {
        self.config.as_ref().map_or(&[], |c| c.exclude.as_slice())
    }

    /// Expands folders into the supported files below them (in path order, `exclude` skipped)
    /// and keeps files as given; `-` is standard input, named `stdin_name` (else `-`). Folders
    /// that cannot be walked go to `failures`, so the other inputs are still read.
    pub fn inputs(
        &self,
        paths: &[PathBuf],
        stdin_name: Option<&str>,
        failures: &mut Vec<Error>,
    ) -> Vec<Input> {
        let mut inputs = Vec::new();
        for path in paths {
            if path == Path::new("-") {
                inputs.push(Input {
                    path: path.clone(),
                    name: stdin_name.unwrap_or("-").to_owned(),
                });
            } else if path.is_dir() {
                match ingest::walk(path, self.exclude()) {
                    Ok(files) => inputs.extend(files.into_iter().map(|file| Input {
                        name: display_name(&file),
                        path: file,
                    })),
                    Err(error) => failures.push(error),
                }
            } else {
                inputs.push(Input {
                    name: display_name(path),
                    path: path.clone(),
                });
            }
        }
        inputs
    }

    /// Reads one input into a document.
    pub fn read(&self, input: &Input) -> Result<Document> {
        ingest::read_path(&input.path, &input.name, &self.options)
    }

    /// `read` for its claims alone: what only the checks consult is not looked for.
    fn read_for_claims(&self, input: &Input) -> Result<Document> {
        let options = IngestOptions {
            claims_only: true,
            ..self.options.clone()
        };
        ingest::read_path(&input.path, &input.name, &options)
    }

    /// Runs the `[[example]]`s of the rules named by `ids` (all rules when empty): each
    /// example's text is read (as Markdown when its format says so) and the rule run on it, and
    /// the result says whether it fired as the example says. Rules that need a ledger are
    /// skipped: their examples need a ledger file.
    #[must_use]
    pub fn run_examples(&self, ids: &[String]) -> Vec<ExampleRun> {
        let mut runs = Vec::new();
        for rule in self.rules.all() {
            if (!ids.is_empty() && !ids.contains(&rule.id)) || rule.check.needs_ledger() {
                continue;
            }
            for (index, example) in rule.examples.iter().enumerate() {
                let name = if example.format.as_deref() == Some("markdown") {
                    "example.md"
                } else {
                    "example.txt"
                };
                let mut options = IngestOptions::default();
                if let Some(cells) = example.table_cells {
                    options.limits.table_cells = cells;
                }
                let Ok(document) = ingest::parse(example.text.as_bytes(), Path::new(name), &options) else {
                    runs.push(ExampleRun {
                        rule: rule.id.clone(),
                        index,
                        fires: example.fires,
                        messages: Vec::new(),
                        readable: false,
                    });
                    continue;
                };
                let claims = self.claims(&document);
                let found = if rule.check.is_meta() {
                    // A suppression rule judges the other rules' findings: run them all.
                    self.check(&document, &claims)
                } else {
                    crate::check::run_rule(&document, &claims, rule)
                };
                runs.push(ExampleRun {
                    rule: rule.id.clone(),
                    index,
                    fires: example.fires,
                    messages: found
                        .into_iter()
                        .filter(|d| d.rule == rule.id)
                        .map(|d| d.message)
                        .collect(),
                    readable: true,
                });
            }
        }
        runs
    }

    /// Extracts and normalises every claim of a document.
    #[must_use]
    pub fn claims(&self, document: &Document) -> Vec<Claim> {
        crate::claims(document, &self.settings_for(&document.name))
    }

    /// The normalisation settings a document gets: the profile of the config's last
    /// `[[overrides]]` matching its path, unless `--profile` set one (as `check` applies them),
    /// so that `extract` and `ledger update` give the roles `check` judges by.
    fn settings_for(&self, name: &str) -> std::borrow::Cow<'_, Settings> {
        let profile = self
            .config
            .as_ref()
            .filter(|_| !self.profile_given)
            .and_then(|config| {
                config
                    .overrides_for(Path::new(name))
                    .filter_map(|o| o.config.settings.profile)
                    .last()
            });
        match profile {
            Some(profile) if self.settings.profile != Some(profile) => {
                let mut settings = self.settings.clone();
                settings.profile = Some(profile);
                std::borrow::Cow::Owned(settings)
            }
            _ => std::borrow::Cow::Borrowed(&self.settings),
        }
    }

    /// The claims of a document a stretch at a time (see `claims_in_stretches`): for output
    /// that is written as it comes, in memory bounded by the stretch.
    pub fn claims_in_stretches<E>(
        &self,
        document: &Document,
        each: impl FnMut(Vec<Claim>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        crate::claims_in_stretches(document, &self.settings_for(&document.name), each)
    }

    /// Runs the enabled rules (with the ledger, if any) on a document and its claims.
    #[must_use]
    pub fn check(&self, document: &Document, claims: &[Claim]) -> Vec<Diagnostic> {
        crate::check::check_with_ledger(document, claims, &self.rules, self.ledger.as_ref())
    }

    /// Extracts, normalises and checks a document that is already read.
    #[must_use]
    pub fn analyse_document(&self, document: Document) -> Analysis {
        let engine = self.for_document(&document.name);
        let claims = engine.claims(&document);
        let diagnostics = engine.check(&document, &claims);
        Analysis {
            document,
            claims,
            diagnostics,
        }
    }

    /// Reads, extracts and checks one input.
    pub fn analyse(&self, input: &Input) -> Result<Analysis> {
        let engine = self.folder_engine(&input.path).unwrap_or(self);
        Ok(engine.analyse_document(engine.read(input)?))
    }

    /// Analyses every input in parallel and keeps what `keep` takes of each, in input order
    /// whatever the number of threads; `done` is called once per input (a progress bar).
    /// Inputs that cannot be read go to `failures`.
    pub fn analyse_all<T: Send>(
        &self,
        inputs: &[Input],
        keep: impl Fn(Analysis) -> T + Sync,
        done: &(dyn Fn() + Sync),
        failures: &mut Vec<Error>,
    ) -> Vec<T> {
        Self::map_all(inputs, |input| Ok(keep(self.analyse(input)?)), done, failures)
    }

    /// The claims of every input, read in parallel, in input order: `(document name, claims)`.
    /// Inputs that cannot be read go to `failures`.
    pub fn claims_all(&self, inputs: &[Input], failures: &mut Vec<Error>) -> Vec<(String, Vec<Claim>)> {
        Self::map_all(
            inputs,
            |input| {
                let document = self.read_for_claims(input)?;
                let claims = self.claims(&document);
                Ok((document.name, claims))
            },
            &|| {},
            failures,
        )
    }

    /// The claims of every input, handed to `each` in input order as they are found, for
    /// output written as it comes: `each` is called at least once per document read (with no
    /// claims for a document without any). A run of documents below `crate::PARALLEL_MIN_BYTES`
    /// is read by one worker per thread, each streaming its document's stretches to the
    /// writer (this thread) through a short queue: memory stays bounded by a document and a
    /// few stretches per worker, however dense the figures. A larger document, or standard
    /// input, is streamed alone (its stretches run in parallel themselves). Inputs that cannot
    /// be read go to `failures`, in order.
    pub fn claims_in_order<E: From<Error>>(
        &self,
        inputs: &[Input],
        failures: &mut Vec<Error>,
        mut each: impl FnMut(Vec<Claim>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut rest = inputs;
        while let Some(first) = rest.first() {
            let small = Self::small_run(rest);
            if small > 1 {
                let (now, later) = rest.split_at(small);
                rest = later;
                self.small_in_parallel(now, failures, &mut each)?;
                continue;
            }
            rest = &rest[1..];
            match self.read_for_claims(first) {
                Ok(document) => {
                    let mut called = false;
                    self.claims_in_stretches(&document, |claims| {
                        called = true;
                        each(claims)
                    })?;
                    if !called {
                        each(Vec::new())?;
                    }
                }
                Err(error) => failures.push(error),
            }
        }
        Ok(())
    }

    /// How many of the first inputs are small files, to read side by side (a run of one is
    /// read alone: nothing to share the threads with).
    fn small_run(inputs: &[Input]) -> usize {
        if rayon::current_num_threads() < 2 {
            return 0;
        }
        inputs
            .iter()
            .take_while(|input| {
                input.path != Path::new("-")
                    && match std::fs::metadata(&input.path) {
                        Ok(metadata) => {
                            metadata.is_file() && metadata.len() < crate::PARALLEL_MIN_BYTES as u64
                        }
                        // Unreadable: its error comes from reading it, in order.
                        Err(_) => true,
                    }
            })
            .count()
    }

    /// `claims_in_order` for a run of small documents: workers take the documents in input
    /// order, so the first one not yet written is always being read; each sends its stretches
    /// through its document's queue of two, which the writer drains in input order.
    fn small_in_parallel<E: From<Error>>(
        &self,
        inputs: &[Input],
        failures: &mut Vec<Error>,
        each: &mut impl FnMut(Vec<Claim>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        /// What a worker sends the writer about one document.
        enum Message {
            Claims(Vec<Claim>),
            Failed(Error),
            Done,
            /// The worker panicked (a bug): the writer panics with it rather than wait forever.
            Panicked(Box<dyn std::any::Any + Send>),
        }
        let (senders, receivers): (Vec<_>, Vec<_>) = inputs
            .iter()
            .map(|_| crossbeam_channel::bounded::<Message>(2))
            .unzip();
        let next = AtomicUsize::new(0);
        // Set when the writer fails: workers take no more documents (and their queues are gone).
        let stop = AtomicBool::new(false);
        let workers = rayon::current_num_threads().clamp(1, inputs.len());
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    while !stop.load(Ordering::Relaxed) {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let (Some(input), Some(queue)) = (inputs.get(index), senders.get(index)) else {
                            break;
                        };
                        // A send fails only when the writer has given up: stop this document.
                        let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            match self.read_for_claims(input) {
                                Ok(document) => {
                                    let sent = self.claims_in_stretches(&document, |claims| {
                                        queue.send(Message::Claims(claims))
                                    });
                                    if sent.is_ok() {
                                        let _ = queue.send(Message::Done);
                                    }
                                }
                                Err(error) => {
                                    let _ = queue.send(Message::Failed(error));
                                }
                            }
                        }));
                        if let Err(panic) = work {
                            stop.store(true, Ordering::Relaxed);
                            let _ = queue.send(Message::Panicked(panic));
                            break;
                        }
                    }
                });
            }
            // The writer: each document's messages in input order. Dropping the queues on a
            // failure unblocks any worker waiting to send.
            let receivers = receivers;
            for queue in &receivers {
                let mut called = false;
                while let Ok(message) = queue.recv() {
                    let written = match message {
                        Message::Claims(claims) => {
                            called = true;
                            each(claims)
                        }
                        Message::Failed(error) => {
                            failures.push(error);
                            break;
                        }
                        Message::Done if !called => each(Vec::new()),
                        Message::Done => break,
                        Message::Panicked(panic) => {
                            drop(receivers);
                            std::panic::resume_unwind(panic);
                        }
                    };
                    if let Err(error) = written {
                        stop.store(true, Ordering::Relaxed);
                        drop(receivers);
                        return Err(error);
                    }
                    if !called {
                        break; // `Done` of a document without claims, written
                    }
                }
            }
            Ok(())
        })
    }

    /// Runs `one` on every input in parallel, results in input order, failures apart.
    fn map_all<T: Send>(
        inputs: &[Input],
        one: impl Fn(&Input) -> Result<T> + Sync,
        done: &(dyn Fn() + Sync),
        failures: &mut Vec<Error>,
    ) -> Vec<T> {
        let results: Vec<Result<T>> = inputs
            .par_iter()
            .map(|input| {
                let result = one(input);
                done();
                result
            })
            .collect();
        let mut kept = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(one) => kept.push(one),
                Err(error) => failures.push(error),
            }
        }
        kept
    }
}

/// Whether any finding is at or above `threshold` (`None`: nothing fails a run).
#[must_use]
pub fn fails(diagnostics: &[Diagnostic], threshold: Option<Severity>) -> bool {
    threshold.is_some_and(|t| diagnostics.iter().any(|d| d.severity >= t))
}

/// A path as output names it: as given, without a leading `./`.
#[must_use]
pub fn display_name(path: &Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}
