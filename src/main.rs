//! The `claimlint` binary: arguments in, exit code out (0 clean, 1 findings, 2 failure).

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use claimlint::Error;
use clap::Parser;
use cli::Cli;

mod cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        let offset = (*offset).min(source_text.len());
        let length = source_text[offset..]
            .find(['\n', ' ', '='])
            .unwrap_or(0)
            .max(1)
            .min(source_text.len() - offset);
        diagnostic = diagnostic.with_label(miette::LabeledSpan::at(offset..offset + length, "here"));
        let source = miette::NamedSource::new(
            claimlint::report::visible(&path.display().to_string()),
            claimlint::report::visible_snippet(source_text).into_owned(),
        );
        eprintln!("{:?}", miette::Report::new(diagnostic).with_source_code(source));
        return;
    }
    eprintln!("{:?}", miette::Report::new(diagnostic));
}
