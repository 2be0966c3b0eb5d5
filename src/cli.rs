//! The command line: argument types (clap derive) and the commands they run.
//!
//! Commands write their output to the writer they are given and return what went wrong with
//! each input; `main.rs` renders errors and picks the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use std::io::IsTerminal as _;

use claimlint::audit::baseline::Baseline;
use claimlint::audit::ledger::Ledger;
use claimlint::claim::Claim;
use claimlint::config::Config;
use claimlint::diagnostic::{Diagnostic, Severity};
use claimlint::document::Date;
use claimlint::error::Error;
use claimlint::ingest::{self, FormatChoice};
use claimlint::normalise::profile::Profile;
use claimlint::pipeline::{Analysis, Engine, Input, display_name, fails};
use claimlint::report;

#[derive(Debug, Parser)]
#[command(
    name = "claimlint",
    version,
    about = "Checks the figures in documents the way a compiler checks code",
    // An option given twice takes its last value ("--fail-on warning … --fail-on never"), as
    // wrappers that add their own options after the user's (the GitHub Action) need.
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint the figures of documents against the rules.
    Check(CheckArgs),
    /// Print every numeric claim of the documents.
    Extract(ExtractArgs),
    /// List the rules, or explain one.
    Rules(RulesArgs),
    /// Claims added, removed and changed between two revisions of a document.
    Diff(DiffArgs),
    /// Write the editor's review page: every claim and finding on one HTML page.
    Report(ReportArgs),
    /// The claims ledger.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// Print a shell's completion script: `claimlint completions bash > /etc/bash_completion.d/claimlint`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `claimlint man > claimlint.1`.
    Man,
    /// Run as a language server on standard input and output, for editors (LSP).
    Server,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// The page to write.
    #[arg(short = 'o', long = "output", value_name = "FILE.html")]
    pub output: PathBuf,
    /// The claims ledger, for each claim's status.
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum LedgerCommand {
    /// Create or merge the claims ledger.
    Update(LedgerUpdateArgs),
    /// Merge reviewers' decisions exported from the review page into the ledger.
    Apply(LedgerApplyArgs),
}

#[derive(Debug, Args)]
pub struct LedgerApplyArgs {
    /// The decisions file the review page exported.
    #[arg(value_name = "DECISIONS.json")]
    pub decisions: PathBuf,
    /// The ledger file.
    #[arg(long, value_name = "FILE")]
    pub ledger: PathBuf,
}

#[derive(Debug, Args)]
pub struct LedgerUpdateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The ledger file (created if missing).
    #[arg(long, value_name = "FILE")]
    pub ledger: PathBuf,
    /// Begin the file with a UTF-8 byte order mark, which Excel needs to read UTF-8 CSV (a
    /// ledger that has one keeps it without this).
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old revision (`-` for standard input, as from `git show REV:path`).
    pub old: PathBuf,
    /// The new revision.
    pub new: PathBuf,
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// The format of both revisions; `auto` goes by the new one's extension.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    /// One line per finding: `path:line:column: severity rule message`.
    Concise,
    Json,
    Sarif,
    Junit,
    Github,
    Gitlab,
    Markdown,
    /// reviewdog's diagnostic format: `claimlint check --format rdjson | reviewdog -f=rdjson`.
    Rdjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to standard output.
    fn colours(self) -> bool {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto if set("FORCE_COLOR") || set("CLICOLOR_FORCE") => true,
            Self::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Error,
    Warning,
    Never,
}

/// Where the rules come from.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Extra rule files or folders of them; a rule with a built-in id replaces it.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// The config file (else `claimlint.toml` found by walking up from the working directory).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Run only these rules: ids, families (`citation`, `consistency`) or `ALL`, comma
    /// separated or repeated. Overrides the config's switches.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Run these rules as well, also those off by default.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Do not run these rules (after `--select` and `--extend-select`).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// The lowest severity that makes the run exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// The claims ledger: adds `ledger/drift`, `ledger/unreviewed` and `ledger/stale`.
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<PathBuf>,
    /// Report only findings that this baseline does not hold.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings as a baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Colour in human output: `auto` (a terminal, unless `NO_COLOR`; `FORCE_COLOR` or
    /// `CLICOLOR_FORCE` force it), `always` or `never`.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Human and concise output: the findings only, without the closing summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Human output: counts of findings by rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Leave out findings below this severity from every output (`warning` keeps a ledger's
    /// `info` notes out of a code scanning upload).
    #[arg(long, value_enum, default_value_t = MinSeverity::Info)]
    pub min_severity: MinSeverity,
    /// SARIF: the folder its file URIs are relative to (default: the git repository's top level
    /// above the working directory).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinSeverity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule id to explain, or `test` to run rule files' examples.
    pub rule: Option<String>,
    /// With `test`: the rule files or folders whose `[[example]]`s to run (else every rule's).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Auto,
    Text,
    Markdown,
    Html,
    Jats,
    Docbook,
    Docx,
    Pdf,
}

/// Options every command that reads documents takes.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read; `-` reads standard input.
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The format of the input; `auto` goes by the file extension.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// The name standard input goes by in output, ids and format detection.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// The date the documents speak from (YYYY-MM-DD): "now" for telling projections.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub document_date: Option<Date>,
    /// What kind of documents these are (else detected per document): report, research,
    /// specification, legal, news or filing.
    #[arg(long, value_name = "PROFILE", value_parser = parse_profile)]
    pub profile: Option<Profile>,
    /// Skip, rather than fail on, a file named on the command line whose extension claimlint
    /// does not read (`.py`, `.yaml`): for hooks that pass every changed file.
    #[arg(long)]
    pub skip_unsupported: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Csv)]
    pub format: ExtractFormat,
}

fn parse_profile(text: &str) -> Result<Profile, String> {
    Profile::parse(text).ok_or_else(|| {
        format!("`{text}` is not a profile; expected report, research, specification, legal, news or filing")
    })
}

fn parse_date(text: &str) -> Result<Date, String> {
    claimlint::calendar::parse_iso_date(text)
        .filter(|_| text.len() == 10)
        .ok_or_else(|| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

/// What a run produced besides its output: the inputs that could not be read, and whether
/// findings at or above `--fail-on` were reported (`check`).
#[derive(Debug, Default)]
pub struct Outcome {
    pub failures: Vec<Error>,
    pub findings: bool,
    /// Messages for standard error that are not failures (unmatched baseline entries).
    pub notes: Vec<String>,
}

/// Runs the command, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Outcome, Error> {
    match &cli.command {
        Command::Check(args) => check(args, out),
        Command::Extract(args) => extract(args, out),
        Command::Rules(args) => rules(args, out),
        Command::Diff(args) => diff(args, out),
        Command::Report(args) => report_page(args, out),
        Command::Ledger(LedgerCommand::Update(args)) => ledger_update(args, out),
        Command::Ledger(LedgerCommand::Apply(args)) => ledger_apply(args, out),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "claimlint", out);
            Ok(Outcome::default())
        }
        Command::Man => {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)?;
            Ok(Outcome::default())
        }
        // Run from `main`, before standard output is taken for the other commands.
        Command::Server => Ok(Outcome::default()),
    }
}

impl From<InputFormatArg> for FormatChoice {
    fn from(arg: InputFormatArg) -> Self {
        match arg {
            InputFormatArg::Auto => Self::Auto,
            InputFormatArg::Text => Self::Text,
            InputFormatArg::Markdown => Self::Markdown,
            InputFormatArg::Html => Self::Html,
            InputFormatArg::Jats => Self::Jats,
            InputFormatArg::Docbook => Self::DocBook,
            InputFormatArg::Docx => Self::Docx,
            InputFormatArg::Pdf => Self::Pdf,
        }
    }
}

/// The config a run uses: `--config`, else the claimlint.toml above the working directory.
fn found_config(explicit: Option<&Path>) -> Result<Option<Config>, Error> {
    let path = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|cwd| Config::find(&cwd)),
    };
    path.as_deref().map(Config::load).transpose()
}

/// The engine for a run: the config's rules and limits, the `--rules` files, and how the
/// input arguments say to read documents.
fn engine(input: &InputArgs, rules: Option<&RuleArgs>) -> Result<Engine, Error> {
    let config = found_config(rules.and_then(|r| r.config.as_deref()))?;
    engine_with(config, input, rules)
}

/// The engine of one config, with the command line's `--rules`, selection and reading options.
fn engine_with(config: Option<Config>, input: &InputArgs, rules: Option<&RuleArgs>) -> Result<Engine, Error> {
    let extra = rules.map_or(&[][..], |r| r.rules.as_slice());
    let mut engine = Engine::configured(config, extra)?;
    if let Some(rules) = rules {
        engine.rules.select(&claimlint::rules::Selection {
            select: rules.select.clone(),
            extend_select: rules.extend_select.clone(),
            ignore: rules.ignore.clone(),
        })?;
    }
    engine.options.format = input.input_format.into();
    engine.options.document_date = input.document_date;
    if input.profile.is_some() {
        engine.settings.profile = input.profile;
        engine.profile_given = true;
    }
    Ok(engine)
}

/// The inputs the arguments name, folders expanded.
fn inputs(engine: &Engine, args: &InputArgs, failures: &mut Vec<Error>) -> Vec<Input> {
    let mut inputs = engine.inputs(&args.paths, args.stdin_filename.as_deref(), failures);
    if args.skip_unsupported && args.input_format == InputFormatArg::Auto {
        inputs.retain(|input| {
            let path = Path::new(&input.name);
            input.path == Path::new("-")
                || ingest::detect_format(path).is_some()
                || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        });
    }
    inputs
}

fn extract(args: &ExtractArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut outcome = Outcome::default();
    let engine = engine(&args.input, None)?;
    let inputs = inputs(&engine, &args.input, &mut outcome.failures);
    // Claims are written as they are found, in input order (small documents a parallel batch
    // at a time, a large one a stretch at a time): memory stays bounded by the batch or the
    // document, not by the run or a document's number of figures.
    match args.format {
        ExtractFormat::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            // The header comes with the first document read, so that a run that reads nothing
            // prints only its error (and an empty input set still gets a header).
            let mut header_written = false;
            engine.claims_in_order(&inputs, &mut outcome.failures, |found: Vec<Claim>| {
                if !header_written {
                    report::csv::write_header(&mut writer).map_err(csv_error)?;
                    header_written = true;
                }
                report::csv::write_rows(&mut writer, &found).map_err(csv_error)
            })?;
            if !header_written && outcome.failures.is_empty() {
                report::csv::write_header(&mut writer).map_err(csv_error)?;
            }
            writer.flush()?;
        }
        ExtractFormat::Jsonl => {
            engine.claims_in_order(&inputs, &mut outcome.failures, |found: Vec<Claim>| {
                report::json::write_lines(&mut *out, &found).map_err(Error::Write)
            })?;
        }
        ExtractFormat::Json => {
            let mut array = report::json::ArrayWriter::default();
            engine.claims_in_order(&inputs, &mut outcome.failures, |found: Vec<Claim>| {
                array.write(&mut *out, &found).map_err(Error::Write)
            })?;
            array.finish(out)?;
        }
    }
    Ok(outcome)
}

fn csv_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => Error::Write(io),
        other => Error::Write(std::io::Error::other(format!("{other:?}"))),
    }
}

fn ledger_apply(args: &LedgerApplyArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let summary = claimlint::audit::decisions::apply_file(
        &args.ledger,
        &args.decisions,
        claimlint::audit::ledger::LOCK_WAIT,
    )?;
    writeln!(
        out,
        "{}: {} verified, {} disputed",
        report::visible(&args.ledger.display().to_string()),
        summary.verified,
        summary.disputed
    )?;
    Ok(Outcome::default())
}

fn ledger_update(args: &LedgerUpdateArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut outcome = Outcome::default();

    let engine = engine(&args.input, None)?;
    let inputs = inputs(&engine, &args.input, &mut outcome.failures);
    let read = engine.claims_all(&inputs, &mut outcome.failures);
    // A broken input must not mark its claims stale: nothing is written unless all were read.
    if !outcome.failures.is_empty() {
        return Ok(outcome);
    }
    let update = if args.bom {
        Ledger::update_file_bom
    } else {
        Ledger::update_file
    };
    let (ledger, summary) = update(&args.ledger, &read, claimlint::audit::ledger::LOCK_WAIT)?;
    let counts = ledger.counts();
    let count = |status: &str| counts.get(status).copied().unwrap_or(0);
    writeln!(
        out,
        "{}: {} added, {} changed since verified, {} newly stale; {} rows ({} verified, {} disputed, {} unreviewed, {} stale)",
        report::visible(&args.ledger.display().to_string()),
        summary.added,
        summary.changed,
        summary.stale,
        ledger.rows.len(),
        count("verified"),
        count("disputed"),
        count("unreviewed"),
        count("stale")
    )?;
    Ok(outcome)
}

/// The engine of `check` and `report` (with the ledger, if given) and the inputs it reads;
/// inputs that cannot be listed go to `failures`, so the others are still checked.
fn prepare(
    input: &InputArgs,
    rules: &RuleArgs,
    ledger: Option<&Path>,
    failures: &mut Vec<Error>,
) -> Result<(Engine, Vec<Input>), Error> {
    let mut engine = engine(input, Some(rules))?;
    engine.ledger = ledger.map(|path| Ledger::read(path, false)).transpose()?;
    let inputs = inputs(&engine, input, failures);
    if rules.config.is_none() {
        engine.folder_engines = std::sync::Arc::new(folder_engines(&engine, input, rules, &inputs)?);
    }
    Ok((engine, inputs))
}

/// The engines of the `claimlint.toml` files that govern some inputs other than the run's
/// (found from each document's folder upward), built as the run's is: the same `--rules`,
/// selection, reading options, profile and ledger.
fn folder_engines(
    run: &Engine,
    input: &InputArgs,
    rules: &RuleArgs,
    inputs: &[Input],
) -> Result<std::collections::BTreeMap<PathBuf, Engine>, Error> {
    let run_config = run.config.as_ref().map(|c| PathBuf::from(&c.path));
    let mut engines = std::collections::BTreeMap::new();
    for each in inputs {
        if each.path == Path::new("-") {
            continue;
        }
        let Some(found) = Engine::config_for(&each.path) else {
            continue;
        };
        if run_config.as_ref() == Some(&found) || engines.contains_key(&found) {
            continue;
        }
        let mut engine = engine_with(Some(Config::load(&found)?), input, Some(rules))?;
        engine.ledger.clone_from(&run.ledger);
        engines.insert(found, engine);
    }
    Ok(engines)
}

fn report_page(args: &ReportArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut outcome = Outcome::default();
    let (mut engine, inputs) = prepare(
        &args.input,
        &args.rules,
        args.ledger.as_deref(),
        &mut outcome.failures,
    )?;
    // Without --ledger, the ledger the config names (`ledger = "claims.csv"`), if it exists.
    if engine.ledger.is_none()
        && let Some(path) = engine
            .config
            .as_ref()
            .and_then(claimlint::config::Config::ledger_path)
        && path.is_file()
    {
        engine.ledger = Some(Ledger::read(&path, false)?);
    }
    let keep = |mut analysis: Analysis| {
        claimlint::check::collapse(&mut analysis.diagnostics);
        analysis
    };
    let read = engine.analyse_all(&inputs, keep, &|| {}, &mut outcome.failures);
    let pages: Vec<report::page::PageDocument<'_>> = read
        .iter()
        .map(|analysis| report::page::PageDocument {
            document: &analysis.document,
            claims: &analysis.claims,
            diagnostics: &analysis.diagnostics,
        })
        .collect();
    let html = report::page::render(&pages, engine.ledger.as_ref());
    claimlint::files::write_atomic(&args.output, html.as_bytes())?;
    let claims: usize = read.iter().map(|a| a.claims.len()).sum();
    let findings: usize = read.iter().map(|a| a.diagnostics.len()).sum();
    writeln!(
        out,
        "{}: {}, {}, {}",
        report::visible(&args.output.display().to_string()),
        report::human::plural(read.len(), "document"),
        report::human::plural(claims, "claim"),
        report::human::plural(findings, "finding"),
    )?;
    Ok(outcome)
}

fn diff(args: &DiffArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    // Both revisions are read in the format of the new one: by its extension, else as text.
    let format = match args.input_format {
        InputFormatArg::Auto => {
            ingest::detect_format(&args.new).map_or(FormatChoice::Text, FormatChoice::from)
        }
        chosen => chosen.into(),
    };
    let mut engine = Engine::configured(found_config(None)?, &[])?;
    engine.options.format = format;
    let name = display_name(&args.new);
    let read = |path: &Path| {
        engine.read(&Input {
            path: path.to_path_buf(),
            name: name.clone(),
        })
    };
    let (old, new) = (read(&args.old)?, read(&args.new)?);
    // The old revision is read under the new one's name, so that its claims get the same ids;
    // its claims then say which file they came from.
    let old_name = display_name(&args.old);
    let mut old_claims = engine.claims(&old);
    for claim in &mut old_claims {
        claim.document.clone_from(&old_name);
    }
    let changes = claimlint::audit::diff::diff(&old_claims, &engine.claims(&new));
    match args.format {
        DiffFormat::Human => {
            out.write_all(claimlint::report::diff::render_human(&changes, &name).as_bytes())?;
        }
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &claimlint::report::diff::to_json(&changes))
                .map_err(|e| Error::Write(e.into()))?;
            writeln!(out)?;
        }
    }
    Ok(Outcome {
        findings: !changes.is_empty(),
        ..Outcome::default()
    })
}

/// One document's result, in input order.
struct Checked {
    name: String,
    /// The original text, for the formats that quote it; empty for the others.
    original: String,
    /// DOCX parts, in which a DOCX finding's positions count.
    parts: Vec<claimlint::document::Part>,
    diagnostics: Vec<Diagnostic>,
}

/// Drops the findings a baseline holds; returns a note for each baseline entry no document
/// matched any more.
fn apply_baseline(baseline: &Baseline, checked: &mut [Checked]) -> Vec<String> {
    let mut unmatched = baseline.clone();
    for document in checked.iter_mut() {
        document.diagnostics.retain(|d| !unmatched.take(d));
    }
    let names: std::collections::BTreeSet<&str> = checked.iter().map(|c| c.name.as_str()).collect();
    unmatched
        .remaining(&names)
        .into_iter()
        .map(|entry| {
            format!(
                "baseline entry no longer matches: {} in {} ({})",
                entry.rule, entry.document, entry.message
            )
        })
        .collect()
}

fn check(args: &CheckArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let mut outcome = Outcome::default();
    let (engine, inputs) = prepare(
        &args.input,
        &args.rules,
        args.ledger.as_deref(),
        &mut outcome.failures,
    )?;
    let progress = progress_bar(inputs.len());
    // Only the human format quotes the text (and rdjson counts its columns in bytes): the
    // others keep the findings alone, so a folder run holds its findings, not its documents.
    let quotes = matches!(args.format, CheckFormat::Human | CheckFormat::Rdjson);
    let keep = |analysis: Analysis| Checked {
        original: if quotes {
            analysis.document.source_map.original().to_owned()
        } else {
            String::new()
        },
        name: analysis.document.name,
        parts: analysis.document.parts,
        diagnostics: analysis.diagnostics,
    };
    let mut checked = engine.analyse_all(&inputs, keep, &|| progress.inc(1), &mut outcome.failures);
    progress.finish_and_clear();
    let threshold = match args.fail_on {
        FailOn::Info => Some(Severity::Info),
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    if let Some(path) = &args.write_baseline {
        let found: Vec<Diagnostic> = checked
            .iter()
            .flat_map(|c| c.diagnostics.iter().cloned())
            .collect();
        Baseline::from_diagnostics(&found).write(path)?;
    }
    if let Some(baseline) = &baseline {
        outcome.notes.extend(apply_baseline(baseline, &mut checked));
    }
    let min = match args.min_severity {
        MinSeverity::Info => Severity::Info,
        MinSeverity::Warning => Severity::Warning,
        MinSeverity::Error => Severity::Error,
    };
    for document in &mut checked {
        document.diagnostics.retain(|d| d.severity >= min);
        claimlint::check::collapse(&mut document.diagnostics);
    }
    let all: Vec<Diagnostic> = checked
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    outcome.findings = fails(&all, threshold);
    let mut all = all;
    all.extend(outcome.failures.iter().map(input_diagnostic));
    let names: Vec<String> = checked.iter().map(|c| c.name.clone()).collect();
    match args.format {
        CheckFormat::Json => report::diagnostics::write_array(out, &all)?,
        CheckFormat::Sarif => {
            let root = args
                .root
                .as_ref()
                .map(|r| std::path::absolute(r).unwrap_or_else(|_| r.clone()))
                .or_else(repository_root);
            report::sarif::write(out, &all, &engine.rules, root.as_deref())?;
        }
        CheckFormat::Junit => report::junit::write(out, &all, &names, threshold)?,
        CheckFormat::Gitlab => report::gitlab::write(out, &all, gitlab_project().as_deref())?,
        CheckFormat::Rdjson => {
            let originals = checked
                .iter()
                .map(|c| (c.name.as_str(), c.original.as_str()))
                .collect();
            report::rdjson::write(out, &all, &originals)?;
        }
        CheckFormat::Markdown => out.write_all(report::markdown::render(&all, checked.len()).as_bytes())?,
        CheckFormat::Github => {
            report::github::write(out, &all)?;
            // In a GitHub Actions job, the step summary gets the Markdown report too.
            if let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|s| !s.is_empty()) {
                let path = PathBuf::from(summary);
                let mut file = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&path)
                    .map_err(|source| Error::WriteFile {
                        path: path.clone(),
                        source,
                    })?;
                let base = github_blob_base();
                file.write_all(
                    report::markdown::render_linked(&all, checked.len(), base.as_deref()).as_bytes(),
                )?;
            }
        }
        CheckFormat::Human | CheckFormat::Concise => {
            write_human(args, out, &checked, &all, &outcome.failures)?;
        }
    }
    Ok(outcome)
}

/// Human and concise output: the findings (or `--statistics`), then the summary line unless
/// `--quiet`.
fn write_human(
    args: &CheckArgs,
    out: &mut dyn Write,
    checked: &[Checked],
    all: &[Diagnostic],
    failures: &[Error],
) -> Result<(), Error> {
    let found = &all[..all.len() - failures.len()];
    if args.statistics {
        out.write_all(report::concise::statistics(found).as_bytes())?;
    } else if args.format == CheckFormat::Concise {
        out.write_all(report::concise::render(all).as_bytes())?;
    } else {
        let color = args.color.colours();
        for document in checked {
            if !document.diagnostics.is_empty() {
                let text = report::human::render_document(
                    &document.diagnostics,
                    &document.name,
                    &document.original,
                    &document.parts,
                    color,
                );
                out.write_all(text.as_bytes())?;
            }
        }
    }
    if !args.quiet {
        let summary = report::human::summary_with_failures(found, checked.len(), &failed_names(failures));
        out.write_all(summary.as_bytes())?;
    }
    Ok(())
}

/// The repository's top level (the nearest folder above the working directory holding `.git`),
/// which SARIF URIs are relative to, as code scanning expects.
fn repository_root() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .find(|folder| folder.join(".git").exists())
        .map(Path::to_path_buf)
}

/// On GitHub Actions, the URL of the checked commit's files
/// (`$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/`), plus the working folder's place
/// in the repository, so that the job summary's links reach the files.
fn github_blob_base() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let (server, repository, sha) = (
        var("GITHUB_SERVER_URL")?,
        var("GITHUB_REPOSITORY")?,
        var("GITHUB_SHA")?,
    );
    let mut base = format!("{server}/{repository}/blob/{sha}/");
    if let (Some(workspace), Ok(cwd)) = (var("GITHUB_WORKSPACE"), std::env::current_dir()) {
        let workspace = std::fs::canonicalize(&workspace).unwrap_or_else(|_| PathBuf::from(&workspace));
        let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
        if let Ok(inside) = cwd.strip_prefix(&workspace) {
            for part in inside.components() {
                base.push_str(&part.as_os_str().to_string_lossy());
                base.push('/');
            }
        }
    }
    Some(base)
}

/// GitLab's project folder (`CI_PROJECT_DIR`), which Code Quality paths are relative to.
fn gitlab_project() -> Option<PathBuf> {
    std::env::var_os("CI_PROJECT_DIR")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// The files of failures, for the closing line.
fn failed_names(failures: &[Error]) -> Vec<String> {
    failures
        .iter()
        .map(|e| e.path().map(|p| p.display().to_string()).unwrap_or_default())
        .collect()
}

/// A file that could not be read, as a finding (JSON output of folder runs lists it too).
fn input_diagnostic(error: &Error) -> Diagnostic {
    let document = error
        .path()
        .map(|path| path.to_string_lossy().into_owned())
        .unwrap_or_default();
    Diagnostic {
        rule: "input/unreadable".to_owned(),
        severity: Severity::Error,
        message: error.to_string(),
        document,
        part: None,
        line: 1,
        column: 1,
        start: 0,
        end: 0,
        help: error.help().map(str::to_owned),
        claims: Vec::new(),
        related: Vec::new(),
        end_line: 1,
        end_column: 1,
        fingerprint: claimlint::diagnostic::fingerprint("input/unreadable", &[], &error.to_string()),
        collapse: None,
        weight: 0,
    }
}

/// A progress bar on stderr for long folder runs, when stderr is a terminal.
fn progress_bar(total: usize) -> indicatif::ProgressBar {
    const MIN_DOCUMENTS: usize = 20;
    if total < MIN_DOCUMENTS || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} documents") {
        bar.set_style(style);
    }
    bar
}

/// `claimlint rules test [PATH]...`: runs the `[[example]]`s of the rule files given (a rule
/// with a built-in id replaces it), or of every rule; one line per example, a summary, exit 1
/// when one does not do what it says.
fn test_rules(args: &RulesArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut extra = args.rules.rules.clone();
    extra.extend(args.paths.iter().cloned());
    let config = found_config(args.rules.config.as_deref())?;
    let engine = Engine::configured_untested(config, &extra)?;
    let mut ids = Vec::new();
    for path in &args.paths {
        let mut set = claimlint::rules::RuleSet::builtin()?;
        ids.extend(set.add_path(path)?);
    }
    let runs = engine.run_examples(&ids);
    let mut failed = 0;
    for run in &runs {
        let expected = if run.fires { "fires" } else { "stays quiet" };
        if run.passed() {
            writeln!(out, "ok    {} example {} ({expected})", run.rule, run.index + 1)?;
        } else {
            failed += 1;
            let got = if run.messages.is_empty() {
                "nothing".to_owned()
            } else {
                run.messages.join("; ")
            };
            writeln!(
                out,
                "FAIL  {} example {}: should have {}, gave {}",
                run.rule,
                run.index + 1,
                if run.fires { "fired" } else { "stayed quiet" },
                report::visible(&got)
            )?;
        }
    }
    let without: Vec<&str> = ids
        .iter()
        .filter(|id| !runs.iter().any(|r| &&r.rule == id))
        .map(String::as_str)
        .collect();
    for id in &without {
        writeln!(out, "note  {id} has no examples")?;
    }
    writeln!(out, "{} examples, {failed} failed", runs.len())?;
    Ok(Outcome {
        findings: failed > 0,
        ..Outcome::default()
    })
}

fn rules(args: &RulesArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    if args.rule.as_deref() == Some("test") {
        return test_rules(args, out);
    }
    let rules = claimlint::rules::load(
        found_config(args.rules.config.as_deref())?.as_ref(),
        &args.rules.rules,
    )?;
    match &args.rule {
        None => {
            let width = rules.all().iter().map(|r| r.id.len()).max().unwrap_or(0);
            for rule in rules.all() {
                let severity = if rule.enabled { rule.severity.name() } else { "off" };
                writeln!(out, "{:<width$}  {:<7}  {}", rule.id, severity, rule.summary)?;
            }
        }
        Some(id) => {
            let Some(rule) = rules.get(id) else {
                let known: Vec<&str> = rules.all().iter().map(|r| r.id.as_str()).collect();
                return Err(Error::UnknownRule {
                    id: id.clone(),
                    known: known.join(", "),
                });
            };
            let severity = if rule.enabled { rule.severity.name() } else { "off" };
            writeln!(
                out,
                "{} ({severity}): {}
",
                rule.id, rule.summary
            )?;
            writeln!(out, "{}", rule.description.trim())?;
            writeln!(
                out,
                "
## Rule file ({})
",
                rule.origin
            )?;
            if let Some(source) = rules.source_of(rule) {
                writeln!(out, "{}", source.trim_end())?;
            }
        }
    }
    Ok(Outcome::default())
}
