//! The relation suites (`tests/fixtures/relations/`): planted arithmetic errors the consistency
//! rules must report, and controls on which they must report nothing. Every line is its own
//! document. The suites are measured as a whole (recall and false alarms, printed) and held to
//! the bar: recall of at least 95 %, false alarms under 2 %.

mod common;

use std::fmt::Write as _;
use std::io::Write as _;

struct Outcome {
    planted: usize,
    found: usize,
    controls: usize,
    false_alarms: usize,
    misses: String,
}

fn run_suite(text: &str, file: &str, outcome: &mut Outcome) {
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        let (expected, sentence) = if let Some(rest) = line.strip_prefix("+ ") {
            let (rule, sentence) = rest.split_once(" | ").expect("a planted line names its rule");
            (Some(rule.trim()), sentence)
        } else if let Some(sentence) = line.strip_prefix("- ") {
            (None, sentence)
        } else {
            continue;
        };
        let diagnostics = common::check_text(sentence, "suite.txt");
        let consistency: Vec<&str> = diagnostics
            .iter()
            .map(|d| d.rule.as_str())
            .filter(|rule| rule.starts_with("consistency/"))
            .collect();
        if let Some(rule) = expected {
            outcome.planted += 1;
            if consistency.contains(&rule) {
                outcome.found += 1;
            } else {
                let _ = writeln!(
                    outcome.misses,
                    "missed  {file}:{}: {rule} — {sentence} (got {consistency:?})",
                    number + 1
                );
            }
        } else {
            outcome.controls += 1;
            if !consistency.is_empty() {
                outcome.false_alarms += 1;
                let _ = writeln!(
                    outcome.misses,
                    "alarm   {file}:{}: {consistency:?} — {sentence}",
                    number + 1
                );
            }
        }
    }
}

#[test]
fn relation_suites_meet_the_bar() {
    let folder = common::fixture("relations");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("suite folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut outcome = Outcome {
        planted: 0,
        found: 0,
        controls: 0,
        false_alarms: 0,
        misses: String::new(),
    };
    for path in &files {
        let text = std::fs::read_to_string(path).expect("suite reads");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        run_suite(&text, name, &mut outcome);
    }
    #[expect(clippy::cast_precision_loss, reason = "counts of a few hundred lines")]
    let (recall, alarms) = (
        outcome.found as f64 / outcome.planted.max(1) as f64,
        outcome.false_alarms as f64 / outcome.controls.max(1) as f64,
    );
    let summary = format!(
        "planted {} found {} (recall {:.1} %); controls {} flagged {} ({:.1} %)\n{}",
        outcome.planted,
        outcome.found,
        recall * 100.0,
        outcome.controls,
        outcome.false_alarms,
        alarms * 100.0,
        outcome.misses
    );
    // The figures, for `cargo test --test relations -- --nocapture`.
    let _ = writeln!(std::io::stdout(), "{summary}");
    assert!(
        outcome.planted + outcome.controls >= 250,
        "the suites hold at least 250 lines"
    );
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95:\n{summary}");
    assert!(
        alarms < 0.02,
        "false alarms {alarms:.3} at or above 0.02:\n{summary}"
    );
}

/// "for 12 years, since 2010" is measured to the document's own date, which a text gives on its
/// first line; without a date it is not measured.
#[test]
fn a_length_since_a_year_runs_to_the_documents_date() {
    let duration = |text: &str| {
        common::check_text(text, "dated.txt")
            .iter()
            .filter(|d| d.rule == "consistency/duration")
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    let wrong = duration("1 March 2026\n\nThe scheme has run for 12 years, since 2010.\n");
    assert_eq!(
        wrong,
        ["2010 to the document's date (2026) is 16 years, not 12 (`12 years`)"]
    );
    assert!(duration("1 March 2026\n\nThe scheme has run for 16 years, since 2010.\n").is_empty());
    assert!(duration("1 March 2026\n\nThe scheme has run for 15 years, since 2010.\n").is_empty());
    assert!(duration("The scheme has run for 12 years, since 2010.\n").is_empty());
}
