//! The CI formats of `check` on one fixture: SARIF validated against the official schema,
//! `JUnit` parsed back, GitHub commands escaped, GitLab Code Quality, the Markdown summary.
//! Each is snapshotted.

mod common;

use claimlint::diagnostic::Diagnostic;
use claimlint::rules::RuleSet;
use common::{document, snapshot_settings};

const FIXTURE: &str = "check/consistency.txt";
const SARIF_SCHEMA: &str = "../shared/schemas/sarif-schema-2.1.0.json";

fn diagnostics() -> (Vec<Diagnostic>, RuleSet) {
    let document = document(FIXTURE);
    let claims = common::engine().claims(&document);
    let rules = RuleSet::builtin().expect("rules load");
    (common::engine().check(&document, &claims), rules)
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let (found, rules) = diagnostics();
    let log = claimlint::report::sarif::log_in(&found, &rules, Some(std::path::Path::new("/repo")));
    snapshot_settings()
        .bind(|| insta::assert_snapshot!("format_sarif", serde_json::to_string_pretty(&log).expect("JSON")));
    // What GitHub's code scanning documents: descriptions of at most 1,024 characters, help with
    // no unfilled placeholders, a help URI, related locations linked from the message, and the
    // base URI the relative URIs are relative to.
    let run = &log["runs"][0];
    for rule in run["tool"]["driver"]["rules"].as_array().expect("rules") {
        let full = rule["fullDescription"]["text"].as_str().expect("text");
        assert!(
            full.chars().count() <= 1024,
            "{}: {} characters",
            rule["id"],
            full.chars().count()
        );
        let help = rule["help"]["text"].as_str().expect("help");
        assert!(!help.contains('{'), "{}: {help}", rule["id"]);
        assert!(rule["helpUri"].is_string());
        assert!(rule["properties"]["precision"].is_string());
    }
    assert_eq!(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
    for result in run["results"].as_array().expect("results") {
        if let Some(related) = result["relatedLocations"].as_array() {
            let text = result["message"]["text"].as_str().expect("message");
            for location in related {
                assert!(text.contains(&format!("]({})", location["id"])), "{text}");
            }
        }
    }
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), found.len());
    assert!(
        results
            .iter()
            .all(|r| r["partialFingerprints"]["claimlintFingerprint/v1"].is_string())
    );
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    let Ok(schema) = std::fs::read_to_string(SARIF_SCHEMA) else {
        eprintln!("skipped the schema check: {SARIF_SCHEMA} is not there");
        return;
    };
    let schema: serde_json::Value = serde_json::from_str(&schema).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn sarif_fingerprints_survive_unrelated_edits() {
    let text = "Fleet\n\nOf the 30 new vessels, 45 were built abroad.\n";
    let moved =
        "Fleet\n\nAn opening paragraph about the weather.\n\nOf the 30 new vessels, 45 were built abroad.\n";
    let fingerprints = |text: &str| -> Vec<String> {
        let document = common::parse_document(text, "f.txt");
        let claims = common::engine().claims(&document);
        common::engine()
            .check(&document, &claims)
            .into_iter()
            .filter(|d| d.rule == "consistency/part-whole")
            .map(|d| d.fingerprint)
            .collect()
    };
    let before = fingerprints(text);
    assert_eq!(before.len(), 1);
    assert_eq!(before, fingerprints(moved));
}

#[test]
fn junit_parses_back_with_one_case_per_finding() {
    let (found, _) = diagnostics();
    let xml = claimlint::report::junit::render(&found, &[FIXTURE.to_owned(), "clean.md".to_owned()]);
    snapshot_settings().bind(|| insta::assert_snapshot!("format_junit", xml));
    let parsed = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suites: Vec<roxmltree::Node<'_, '_>> = parsed
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 2);
    let cases: Vec<roxmltree::Node<'_, '_>> = suites[0]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), found.len());
    assert_eq!(cases[0].attribute("name"), Some("consistency/part-whole@4:60"));
    assert_eq!(
        cases[0].attribute("classname"),
        Some(FIXTURE.replace('.', "_").as_str())
    );
    assert_eq!(cases[0].attribute("file"), Some(FIXTURE));
    let clean: Vec<roxmltree::Node<'_, '_>> = suites[1]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(clean.len(), 1);
    assert!(clean[0].children().all(|n| !n.has_tag_name("failure")));
}

#[test]
fn github_commands_are_escaped() {
    let (found, _) = diagnostics();
    let commands = claimlint::report::github::render(&found);
    snapshot_settings().bind(|| insta::assert_snapshot!("format_github", commands));
    assert_eq!(commands.lines().count(), found.len());
    assert!(
        commands
            .lines()
            .all(|l| l.starts_with("::error file=") || l.starts_with("::warning file="))
    );
    assert!(
        commands.contains("107%25"),
        "a percent sign in a message is escaped"
    );
}

#[test]
fn gitlab_code_quality_and_markdown_summary() {
    let (found, _) = diagnostics();
    let gitlab = claimlint::report::gitlab::report(&found);
    let issues = gitlab.as_array().expect("array");
    assert_eq!(issues.len(), found.len());
    assert!(
        issues
            .iter()
            .all(|i| i["fingerprint"].as_str().is_some_and(|f| f.len() == 32))
    );
    let markdown = claimlint::report::markdown::render(&found, 1);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(
            "format_gitlab",
            serde_json::to_string_pretty(&gitlab).expect("JSON")
        );
        insta::assert_snapshot!("format_markdown", markdown);
    });
    assert!(markdown.starts_with("## claimlint: 9 errors, 1 warning, 0 notes in 1 document"));
}

/// `JUnit`: a finding below `--fail-on` is no failure (the run passes, so must the case); each
/// case names its file and line. GitLab: paths relative to `CI_PROJECT_DIR`, the rule id in the
/// description.
#[test]
fn junit_fails_what_the_run_fails_and_gitlab_paths_are_the_projects() {
    let dir = common::scratch_dir("ci-formats", "fail-on");
    std::fs::create_dir_all(dir.join("docs")).expect("dir");
    std::fs::write(
        dir.join("docs/brief.md"),
        "# Brief\n\nExports reached EUR 4 billion.\n",
    )
    .expect("write");
    let junit = common::claimlint()
        .current_dir(&*dir)
        .args([
            "check",
            "docs/brief.md",
            "--format",
            "junit",
            "--fail-on",
            "error",
        ])
        .output()
        .expect("runs");
    assert_eq!(junit.status.code(), Some(0));
    let xml = String::from_utf8_lossy(&junit.stdout);
    assert!(xml.contains("failures=\"0\""), "{xml}");
    assert!(!xml.contains("<failure"), "{xml}");
    assert!(xml.contains("file=\"docs/brief.md\" line=\"3\""), "{xml}");
    assert!(xml.contains("classname=\"docs/brief_md\""), "{xml}");
    let gitlab = common::claimlint()
        .current_dir(dir.join("docs"))
        .env("CI_PROJECT_DIR", &*dir)
        .args(["check", "brief.md", "--format", "gitlab", "--fail-on", "never"])
        .output()
        .expect("runs");
    let issues: serde_json::Value = serde_json::from_slice(&gitlab.stdout).expect("json");
    assert_eq!(issues[0]["location"]["path"], "docs/brief.md", "{issues}");
    assert!(
        issues[0]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("citation/missing: "))
    );
}

/// SARIF URIs are relative to the repository's top level, whatever folder the run starts in.
#[test]
fn sarif_uris_are_relative_to_the_repository() {
    let dir = common::scratch_dir("ci-formats", "sarif-root");
    std::fs::create_dir_all(dir.join(".git")).expect("a repository");
    std::fs::create_dir_all(dir.join("docs")).expect("dir");
    std::fs::create_dir_all(dir.join("tools")).expect("dir");
    std::fs::write(
        dir.join("docs/brief.md"),
        "# Brief\n\nExports reached EUR 4 billion.\n",
    )
    .expect("write");
    let output = common::claimlint()
        .current_dir(dir.join("tools"))
        .args([
            "check",
            "../docs/brief.md",
            "--format",
            "sarif",
            "--fail-on",
            "never",
        ])
        .output()
        .expect("runs");
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let run = &log["runs"][0];
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "docs/brief.md"
    );
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("root");
    assert!(root.starts_with("file:///") && root.ends_with('/'), "{root}");
}

/// On GitHub Actions the job summary links each finding to the file at the checked commit, and
/// the annotations come errors first, a rule's findings together (GitHub shows ten per level).
#[test]
fn github_summary_links_reach_the_commit_and_errors_come_first() {
    let dir = common::scratch_dir("ci-formats", "github-summary");
    std::fs::create_dir_all(dir.join("docs")).expect("dir");
    std::fs::write(
        dir.join("docs/brief.md"),
        "# Brief\n\nExports reached EUR 4 billion.\n\nOf the 30 ports, 45 were busy.\n",
    )
    .expect("write");
    let summary = dir.join("summary.md");
    let output = common::claimlint()
        .current_dir(dir.join("docs"))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_REPOSITORY", "acme/reports")
        .env("GITHUB_SHA", "0123abc")
        .env("GITHUB_WORKSPACE", &*dir)
        .args(["check", "brief.md", "--format", "github", "--fail-on", "never"])
        .output()
        .expect("runs");
    let commands = String::from_utf8_lossy(&output.stdout);
    let levels: Vec<&str> = commands
        .lines()
        .map(|l| l.split(' ').next().unwrap_or_default())
        .collect();
    let first_warning = levels
        .iter()
        .position(|l| *l == "::warning")
        .unwrap_or(levels.len());
    assert!(
        levels[first_warning..].iter().all(|l| *l != "::error"),
        "{commands}"
    );
    let written = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        written.contains("(https://github.com/acme/reports/blob/0123abc/docs/brief.md#L"),
        "{written}"
    );
}
