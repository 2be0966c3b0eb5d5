//! The command line: argument types (clap derive) and the commands they run.
//!
//! Commands write their output to the writer they are given and return what went wrong with
//! each input; `main.rs` renders errors and picks the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::document::Date;
use crate::error::Error;
use crate::ingest::{self, FormatChoice, IngestOptions};
use crate::normalise::Settings;
use crate::report;

#[derive(Debug, Parser)]
#[command(
    name = "claimlint",
    version,
    about = "Checks the figures in documents the way a compiler checks code"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every numeric claim of the documents.
    Extract(ExtractArgs),
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
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Csv)]
    pub format: ExtractFormat,
}

fn parse_date(text: &str) -> Result<Date, String> {
    crate::calendar::parse_iso_date(text)
        .filter(|_| text.len() == 10)
        .ok_or_else(|| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

/// What a run produced besides its output: the inputs that could not be read.
#[derive(Debug, Default)]
pub struct Outcome {
    pub failures: Vec<Error>,
}

/// Runs the command, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Outcome, Error> {
    match &cli.command {
        Command::Extract(args) => extract(args, out),
    }
}

/// An input to read: a path, and the name it goes by.
struct Input {
    path: PathBuf,
    name: String,
}

/// Expands folders into the supported files below them (sorted); keeps files as given.
fn inputs(args: &InputArgs, failures: &mut Vec<Error>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in &args.paths {
        if path == Path::new("-") {
            let name = args.stdin_filename.clone().unwrap_or_else(|| "-".to_owned());
            inputs.push(Input {
                path: path.clone(),
                name,
            });
        } else if path.is_dir() {
            match ingest::walk(path) {
                Ok(files) => inputs.extend(files.into_iter().map(|file| Input {
                    name: display(&file),
                    path: file,
                })),
                Err(error) => failures.push(error),
            }
        } else {
            inputs.push(Input {
                name: display(path),
                path: path.clone(),
            });
        }
    }
    inputs
}

fn display(path: &Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

fn ingest_options(args: &InputArgs) -> IngestOptions {
    IngestOptions {
        format: match args.input_format {
            InputFormatArg::Auto => FormatChoice::Auto,
            InputFormatArg::Text => FormatChoice::Text,
            InputFormatArg::Markdown => FormatChoice::Markdown,
        },
        document_date: args.document_date,
    }
}

fn extract(args: &ExtractArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut outcome = Outcome::default();
    let options = ingest_options(&args.input);
    let settings = Settings::default();
    let mut claims = Vec::new();
    let inputs = inputs(&args.input, &mut outcome.failures);
    let mut csv_writer = match args.format {
        ExtractFormat::Csv => Some(csv::Writer::from_writer(&mut *out as &mut dyn Write)),
        _ => None,
    };
    if let Some(writer) = csv_writer.as_mut() {
        report::csv::write_header(writer).map_err(csv_error)?;
    }
    for input in inputs {
        let document = match ingest::read_path(&input.path, &input.name, &options) {
            Ok(document) => document,
            Err(error) => {
                outcome.failures.push(error);
                continue;
            }
        };
        let found = crate::claims(&document, &settings);
        match csv_writer.as_mut() {
            Some(writer) => report::csv::write_rows(writer, &found).map_err(csv_error)?,
            None => claims.extend(found),
        }
    }
    if let Some(mut writer) = csv_writer.take() {
        writer.flush()?;
        return Ok(outcome);
    }
    drop(csv_writer);
    match args.format {
        ExtractFormat::Json => report::json::write_array(out, &claims)?,
        ExtractFormat::Jsonl => report::json::write_lines(out, &claims)?,
        ExtractFormat::Csv => {}
    }
    Ok(outcome)
}

fn csv_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => Error::Write(io),
        other => Error::Write(std::io::Error::other(format!("{other:?}"))),
    }
}
