//! The `claimlint` binary: arguments in, exit code out (0 clean, 1 findings, 2 failure).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use claimlint::Error;
use clap::Parser;
use cli::Cli;

mod cli;
mod server;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The language server owns standard input and output (its own threads write to them).
    if matches!(cli.command, cli::Command::Server) {
        return match server::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!(
                    "error: the language server stopped: {}",
                    claimlint::report::visible(&message)
                );
                ExitCode::from(2)
            }
        };
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = cli::run(&cli, &mut out).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    if let Ok(outcome) = &result {
        for note in &outcome.notes {
            eprintln!("note: {}", claimlint::report::visible(note));
        }
    }
    match result {
        Ok(outcome) if !outcome.failures.is_empty() => {
            for failure in &outcome.failures {
                report_error(failure);
            }
            ExitCode::from(2)
        }
        Ok(outcome) if outcome.findings => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        // A closed pipe (`claimlint extract … | head`) is the reader's choice, not a failure.
        Err(Error::Write(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            report_error(&error);
            ExitCode::from(2)
        }
    }
}

fn report_error(error: &Error) {
    // File names and the text quoted in a message never reach the terminal raw.
    let mut diagnostic =
        miette::MietteDiagnostic::new(claimlint::report::visible(&error.to_string()).into_owned());
    if let Some(help) = error.help() {
        diagnostic = diagnostic.with_help(help);
    }
    // A rule or config file error shows the line it is on, with the place marked.
    if let Error::RuleFile {
        path,
        source_text,
        offset: Some(offset),
        ..
    } = error
    {
        let (snippet, offset) = snippet_around(source_text, *offset);
        let length = snippet[offset..]
            .find(['\n', ' ', '='])
            .unwrap_or(0)
            .max(1)
            .min(snippet.len() - offset);
        diagnostic = diagnostic.with_label(miette::LabeledSpan::at(offset..offset + length, "here"));
        let source = miette::NamedSource::new(
            claimlint::report::visible(&path.display().to_string()),
            claimlint::report::visible_snippet(&snippet).into_owned(),
        );
        eprintln!("{:?}", miette::Report::new(diagnostic).with_source_code(source));
        return;
    }
    eprintln!("{:?}", miette::Report::new(diagnostic));
}

/// The part of a rule or config file an error's snippet shows: the lines before the error's
/// line as empty lines (so line numbers hold), then at most `WINDOW` bytes of its line on each
/// side of the error (a 2 MB line would otherwise be printed whole); and the error's offset in it.
fn snippet_around(source: &str, offset: usize) -> (String, usize) {
    const WINDOW: usize = 160;
    let offset = floor_boundary(source, offset.min(source.len()));
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..].find('\n').map_or(source.len(), |i| offset + i);
    let from = floor_boundary(source, offset.saturating_sub(WINDOW).max(line_start));
    let to = floor_boundary(source, (offset + WINDOW).min(line_end));
    let lines_before = source[..line_start].matches('\n').count();
    let mut snippet = "\n".repeat(lines_before);
    let at = snippet.len() + (offset - from);
    snippet.push_str(&source[from..to]);
    (snippet, at)
}

/// The nearest character boundary at or before `offset`.
fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
