//! The rule files: every built-in rule's examples fire (or not) as they say, every file under
//! `rules/` is embedded, and a broken rule file is an error with its line and column.

mod common;

use std::path::Path;

use claimlint::config::Config;
use claimlint::ingest::{IngestOptions, parse};
use claimlint::rules::{RuleSet, builtin_files, parse_rule};

fn fires(rule: &claimlint::rules::Rule, text: &str, format: Option<&str>) -> Vec<String> {
    let name = if format == Some("markdown") {
        "example.md"
    } else {
        "example.txt"
    };
    let document =
        parse(text.as_bytes(), Path::new(name), &IngestOptions::default()).expect("example parses");
    let claims = common::engine().claims(&document);
    claimlint::check::run_rule(&document, &claims, rule)
        .into_iter()
        .map(|d| d.message)
        .collect()
}

#[test]
fn every_rule_example_fires_as_it_says() {
    let rules = RuleSet::builtin().expect("built-in rules load");
    for rule in rules.all() {
        if rule.check.needs_ledger() {
            continue; // needs a ledger file: tested in tests/ledger.rs
        }
        assert!(
            rule.examples.iter().any(|e| e.fires),
            "{} has no example that fires",
            rule.id
        );
        assert!(
            rule.examples.iter().any(|e| !e.fires),
            "{} has no near miss",
            rule.id
        );
    }
    // The same runner as `claimlint rules test`.
    let runs = common::engine().run_examples(&[]);
    for run in &runs {
        assert!(
            run.passed(),
            "{}: example {} gave {:?}",
            run.rule,
            run.index + 1,
            run.messages
        );
    }
    assert!(runs.len() >= 30, "{}", runs.len());
}

/// `claimlint rules test PATH`: a user's rule file's examples, one line each, exit 1 when one
/// does not do what it says.
#[test]
fn rules_test_runs_a_rule_files_examples() {
    let dir = common::scratch_dir("rules-test", "house");
    let rule = |second_fires: bool| {
        format!(
            "id = \"house/big-money\"\nseverity = \"warning\"\nsummary = \"large money\"\nmessage = \"`{{text}}` is large\"\ndescription = \"Large money.\"\n\n[check]\nkind = \"pattern\"\npattern = '(?i)billion'\nkinds = [\"money\"]\n\n[[example]]\ntext = \"The plan costs EUR 3 billion.\"\nfires = true\n\n[[example]]\ntext = \"The plan costs nothing.\"\nfires = {second_fires}\n"
        )
    };
    let run = |text: String| {
        std::fs::write(dir.join("house.toml"), text).expect("write");
        common::claimlint()
            .current_dir(&*dir)
            .args(["rules", "test", "house.toml"])
            .output()
            .expect("runs")
    };
    let good = run(rule(false));
    let text = String::from_utf8_lossy(&good.stdout).into_owned();
    assert_eq!(good.status.code(), Some(0), "{text}");
    assert!(
        text.contains("ok    house/big-money example 2 (stays quiet)"),
        "{text}"
    );
    assert!(text.ends_with("2 examples, 0 failed\n"), "{text}");
    let bad = run(rule(true));
    let text = String::from_utf8_lossy(&bad.stdout).into_owned();
    assert_eq!(bad.status.code(), Some(1), "{text}");
    assert!(
        text.contains("FAIL  house/big-money example 2: should have fired, gave nothing"),
        "{text}"
    );
}

#[test]
fn every_rule_file_is_embedded_and_named_after_its_id() {
    let mut on_disk = Vec::new();
    for family in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).expect("rules/") {
        let family = family.expect("entry").path();
        for file in std::fs::read_dir(&family).expect("family") {
            let file = file.expect("entry").path();
            let relative = file
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            on_disk.push(relative);
        }
    }
    on_disk.sort();
    let mut embedded: Vec<String> = builtin_files().into_iter().map(|(path, _)| path).collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
    for (path, source) in builtin_files() {
        let rule = parse_rule(&path, source).expect("parses");
        assert_eq!(format!("rules/{}.toml", rule.id), path);
    }
}

#[test]
fn messages_follow_the_house_style() {
    for rule in RuleSet::builtin().expect("loads").all() {
        for text in [&rule.message, &rule.summary]
            .into_iter()
            .chain(rule.help.as_ref())
        {
            let first = text.chars().next().expect("not empty");
            assert!(
                !first.is_uppercase()
                    || text.starts_with(|c: char| c.is_ascii_uppercase()
                        && text.split_whitespace().next().is_some_and(|w| w
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c == '{' || c == '}')))
                    || text.starts_with('{'),
                "{}: {text:?} starts with a capital",
                rule.id
            );
            assert!(
                !text.ends_with('.'),
                "{}: {text:?} ends with a full stop",
                rule.id
            );
        }
        assert!(
            rule.description.contains("## What it does") && rule.description.contains("## Why is this bad?"),
            "{}",
            rule.id
        );
    }
}

fn rule_error(source: &str) -> String {
    parse_rule("my-rule.toml", source)
        .expect_err("is refused")
        .to_string()
}

#[test]
fn unknown_key_is_reported_at_its_line_and_column() {
    let source = "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"share-sum\"\ntolerence = 1.0\n";
    let error = rule_error(source);
    assert!(
        error.starts_with("my-rule.toml:7:1:") && error.contains("tolerence"),
        "{error}"
    );
}

#[test]
fn wrong_type_is_reported_at_its_value() {
    let source = "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"share-sum\"\ntolerance = \"one\"\n";
    let error = rule_error(source);
    assert!(error.starts_with("my-rule.toml:7:13:"), "{error}");
}

#[test]
fn bad_regex_is_reported_at_the_pattern() {
    let source = "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"pattern\"\npattern = \"by (one estimate\"\n";
    let error = rule_error(source);
    assert!(
        error.starts_with("my-rule.toml:7:") && error.contains("regular expression"),
        "{error}"
    );
}

#[test]
fn unknown_kind_and_severity_are_named() {
    let source = "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"sharesum\"\n";
    assert!(rule_error(source).contains("unknown check kind `sharesum`"));
    let source = "id = \"house/x\"\nseverity = \"fatal\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"range-order\"\n";
    let error = rule_error(source);
    assert!(
        error.contains("unknown severity `fatal`") && error.starts_with("my-rule.toml:2:"),
        "{error}"
    );
}

#[test]
fn config_switches_off_reweights_and_reparameterises() {
    let config = Config::parse(
        "claimlint.toml",
        "[rules]\n\"consistency/restated\" = \"off\"\n\"citation/missing\" = \"error\"\n\n[\"citation/missing\"]\nmin_value = 5\ncoverage = \"sentence\"\n",
    )
    .expect("config parses");
    let rules = claimlint::rules::load(Some(&config), &[]).expect("loads");
    assert!(!rules.get("consistency/restated").expect("exists").enabled);
    let citation = rules.get("citation/missing").expect("exists");
    assert_eq!(citation.severity, claimlint::diagnostic::Severity::Error);
    let messages = fires(citation, "Twelve members attended the meeting.", None);
    assert_eq!(messages.len(), 1, "min_value 5 makes twelve need a source");
}

#[test]
fn config_errors_name_the_place() {
    let error = Config::parse("claimlint.toml", "[rules]\n\"consistency/restatd\" = \"off\"\n")
        .map(|c| claimlint::rules::load(Some(&c), &[]))
        .expect("parses")
        .expect_err("unknown rule");
    assert!(
        error.to_string().starts_with("claimlint.toml:2:1:") && error.to_string().contains("restatd"),
        "{error}"
    );
    let error = Config::parse("claimlint.toml", "exclud = [\"drafts/**\"]\n").expect_err("unknown key");
    assert!(error.to_string().contains("unknown key `exclud`"), "{error}");
    let config = Config::parse("claimlint.toml", "[\"citation/missing\"]\nmin_valu = 5\n").expect("parses");
    let error = claimlint::rules::load(Some(&config), &[]).expect_err("unknown parameter");
    assert!(error.to_string().contains("min_valu"), "{error}");
}

#[test]
fn user_pattern_rule_flags_uncited_estimates() {
    let source = r#"
id = "house/uncited-estimate"
severity = "warning"
summary = "an estimate without a source"
message = "`{text}` is an estimate with no footnote"
help = "cite who made the estimate"
[check]
kind = "pattern"
pattern = '(?i)\bby one estimate\b'
cited = false
[[example]]
text = "By one estimate, 40 firms left."
fires = true
[[example]]
text = "By one estimate, 40 firms left.1\n\nNotes\n\n1 Survey.\n"
fires = false
"#;
    let rule = parse_rule("house.toml", source).expect("parses");
    for example in &rule.examples {
        assert_eq!(
            !fires(&rule, &example.text, None).is_empty(),
            example.fires,
            "{}",
            example.text
        );
    }
}

#[test]
fn a_typo_in_a_claim_condition_is_an_error_at_its_place() {
    // A misspelt qualifier used to be a condition no claim ever met: the rule never fired.
    let source = "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"pattern\"\nqualifiers = [\"more-than\"]\n";
    let error = rule_error(source);
    assert!(
        error.starts_with("my-rule.toml:7:15:") && error.contains("more_than"),
        "{error}"
    );
    let source = "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"pattern\"\nmodalities = [\"forecast\"]\n";
    assert!(rule_error(source).contains("projection"));
    let config = Config::parse(
        "claimlint.toml",
        "[\"citation/missing\"]\nkinds = [\"percentage\"]\n",
    )
    .expect("parses");
    let error = claimlint::rules::load(Some(&config), &[]).expect_err("unknown kind");
    assert!(error.to_string().contains("`percentage`"), "{error}");
}

#[test]
fn config_mistakes_are_errors_at_their_value() {
    for (source, place, words) in [
        (
            "[limits]\nxml_dept = 8\n",
            "claimlint.toml:2:1:",
            "unknown field `xml_dept`",
        ),
        (
            "[rules]\n\"citation/missing\" = \"fatal\"\n",
            "claimlint.toml:2:22:",
            "unknown severity `fatal`",
        ),
        (
            "[rules]\n\"citation/missing\" = 3\n",
            "claimlint.toml:2:22:",
            "level",
        ),
        ("exclude = \"drafts\"\n", "claimlint.toml:1:11:", "glob strings"),
        (
            "\n[\"citation/missing\"]\nseverity = \"loud\"\n",
            "claimlint.toml:3:12:",
            "unknown severity `loud`",
        ),
        (
            "[limits]\nxml_depth = -1\n",
            "claimlint.toml:2:13:",
            "positive whole number",
        ),
    ] {
        let error = Config::parse("claimlint.toml", source)
            .expect_err(source)
            .to_string();
        assert!(
            error.starts_with(place) && error.contains(words),
            "{source}: {error}"
        );
    }
}

/// A `--rules` file whose example does not do what it says fails the run when it loads (exit
/// 2), at that `[[example]]`, instead of running a wrong rule.
#[test]
fn a_rule_file_is_tested_by_its_examples_when_it_loads() {
    let dir = common::scratch_dir("rules-load", "house");
    std::fs::write(
        dir.join("house.toml"),
        "id = \"house/big-money\"\nseverity = \"warning\"\nsummary = \"large money\"\nmessage = \"`{text}` is large\"\ndescription = \"Large money.\"\n\n[check]\nkind = \"pattern\"\npattern = '(?i)billion'\nkinds = [\"money\"]\n\n[[example]]\ntext = \"The plan costs EUR 3 million.\"\nfires = true\n",
    )
    .expect("write");
    std::fs::write(dir.join("a.md"), "Exports reached EUR 4 billion.\n").expect("write");
    let output = common::claimlint()
        .current_dir(&*dir)
        .args(["check", "a.md", "--rules", "house.toml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("house.toml:12:1"), "{stderr}");
    assert!(stderr.contains("should fire"), "{stderr}");
}
