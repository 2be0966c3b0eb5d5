//! The binary's behaviour: exit codes, messages for bad input, stdin, folders, encodings.

mod common;

use std::fs;

use common::claimlint;

fn temp_dir(name: &str) -> common::Scratch {
    common::scratch_dir("cli", name)
}

/// `claimlint check` run in `dir` with `--format concise --quiet` and `args`: what it printed
/// and its exit code.
fn check_concise(dir: &std::path::Path, args: &[&str]) -> (String, Option<i32>) {
    let output = claimlint()
        .current_dir(dir)
        .args(["check", "--format", "concise", "--quiet"])
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.code(),
    )
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn missing_file_is_exit_2_naming_it() {
    let output = claimlint()
        .args(["extract", "no/such/file.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no/such/file.txt"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = temp_dir("utf8");
    let path = dir.join("bad.txt");
    fs::write(&path, b"Revenue was 5 percent.\nThen \xff broke.").expect("write");
    let output = claimlint().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("offset 28") && stderr.contains("line 2"),
        "{stderr}"
    );
}

#[test]
fn a_page_in_a_legacy_charset_is_read_in_the_charset_it_declares() {
    let dir = temp_dir("charset");
    // Windows-1252: 0x80 is the euro sign, 0xE9 an e with an acute accent.
    let page =
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head>\
        <body><p>The caf\xe9 chain raised \x8040 million.</p></body></html>";
    fs::write(dir.join("page.html"), page).expect("write");
    let output = claimlint()
        .current_dir(&dir)
        .args(["extract", "page.html", "--format", "jsonl"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("\"unit\":\"EUR\"") && stdout.contains("\"text\":\"€40 million\""),
        "{stdout}"
    );
    // The same bytes declaring no charset, or UTF-8, or in Markdown, are still refused.
    for (name, bytes) in [
        (
            "bare.html",
            b"<p>The caf\xe9 chain raised \x8040 million.</p>".to_vec(),
        ),
        (
            "utf8.html",
            b"<meta charset=\"utf-8\"><p>The caf\xe9 chain.</p>".to_vec(),
        ),
        (
            "page.md",
            b"<!-- charset=windows-1252 -->\n\nThe caf\xe9 chain.\n".to_vec(),
        ),
    ] {
        fs::write(dir.join(name), bytes).expect("write");
        let output = claimlint()
            .current_dir(&dir)
            .args(["extract", name])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            stderr_of(&output).contains("not valid UTF-8"),
            "{}",
            stderr_of(&output)
        );
    }
}

#[test]
fn binary_file_is_refused() {
    let dir = temp_dir("binary");
    let path = dir.join("image.txt");
    fs::write(&path, b"PNG\0\0\x01\x02").expect("write");
    let output = claimlint().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("binary"), "{}", stderr_of(&output));
}

#[test]
fn empty_file_has_no_claims() {
    let dir = temp_dir("empty");
    let path = dir.join("empty.md");
    fs::write(&path, b"").expect("write");
    let output = claimlint()
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "[]");
}

#[test]
fn unsupported_extension_is_exit_2() {
    let dir = temp_dir("unsupported");
    let path = dir.join("slides.pptx");
    fs::write(&path, b"x").expect("write");
    let output = claimlint().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("slides.pptx"));
}

#[test]
fn stdin_goes_by_its_given_name() {
    let output = claimlint()
        .args([
            "extract",
            "-",
            "--format",
            "jsonl",
            "--stdin-filename",
            "notes/brief.md",
        ])
        .write_stdin("Costs rose by 12 percent.[^1]\n\n[^1]: Audit.\n")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let line = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        line.contains(r#""document":"notes/brief.md""#) && line.contains(r#""footnotes":["1"]"#),
        "{line}"
    );
}

#[test]
fn folder_run_goes_past_a_broken_file_and_exits_2() {
    let dir = temp_dir("folder");
    fs::write(dir.join("a.txt"), "Sales were 40 units.").expect("write");
    fs::write(dir.join("b.txt"), b"\xfe\xfe broken").expect("write");
    fs::write(dir.join("c.md"), "Profit was EUR 3 million.").expect("write");
    fs::write(dir.join("ignored.pdf"), "not read").expect("write");
    let output = claimlint()
        .args(["extract", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let documents: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split(r#""document":""#).nth(1)?.split('"').next())
        .collect();
    assert_eq!(documents.len(), 2, "{stdout}");
    assert!(
        documents[0].ends_with("a.txt") && documents[1].ends_with("c.md"),
        "{documents:?}"
    );
    assert!(stderr_of(&output).contains("b.txt"));
}

#[test]
fn bad_document_date_is_exit_2() {
    let output = claimlint()
        .args(["extract", "-", "--document-date", "2021-13-01"])
        .write_stdin("x")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("2021-13-01"));
}

#[test]
fn document_date_decides_projections() {
    let run = |date: &str| {
        let output = claimlint()
            .args(["extract", "-", "--format", "jsonl", "--document-date", date])
            .write_stdin("In 2030 sales reached 40 units.")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(run("2024-01-01").contains("projection"));
    assert!(!run("2031-01-01").contains("projection"));
}

#[test]
fn encodings_and_line_endings_keep_positions() {
    let dir = temp_dir("encodings");
    let text = "Title\r\n\r\nIt cost EUR 5 million.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(text.as_bytes());
    for (name, bytes) in [
        ("crlf.txt", text.as_bytes().to_vec()),
        ("utf16.txt", utf16),
        ("bom.txt", bom),
    ] {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write");
        let output = claimlint()
            .args(["extract", "--format", "jsonl"])
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr_of(&output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains(r#""line":3,"column":9"#) && stdout.contains(r#""value":5000000"#),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn csv_is_the_default_and_guards_formulas() {
    let output = claimlint()
        .args(["extract", "-"])
        .write_stdin("Revenue fell -3 percent that year.")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("id,document,part,kind,text,line,column,start,end,value"))
    );
    let row = lines.next().expect("a row");
    assert!(row.contains(",'-3 percent,") && row.contains(",-3,%,"), "{row}");
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    common::fixture(name)
}

#[test]
fn check_exits_1_on_errors_and_0_on_a_clean_document() {
    let output = claimlint()
        .arg("check")
        .arg(fixture_path("check/consistency.txt"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("consistency/part-whole") && stdout.contains("errors,"),
        "{stdout}"
    );
    let output = claimlint()
        .arg("check")
        .arg(fixture_path("check/near-misses.txt"))
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    // citation.txt has warnings only.
    let path = fixture_path("check/citation.txt");
    let code = |fail_on: &str| {
        claimlint()
            .args(["check", "--fail-on", fail_on])
            .arg(&path)
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(code("error"), Some(0));
    assert_eq!(code("warning"), Some(1));
    assert_eq!(code("never"), Some(0));
}

#[test]
fn check_json_is_an_array_of_diagnostics() {
    let output = claimlint()
        .args(["check", "--format", "json"])
        .arg(fixture_path("check/footnotes.md"))
        .output()
        .expect("runs");
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let items = value.as_array().expect("array");
    assert!(
        items
            .iter()
            .any(|d| d["rule"] == "footnote/undefined" && d["line"] == 4)
    );
    assert!(
        items
            .iter()
            .all(|d| d.get("help").is_some() && d["severity"].is_string())
    );
}

#[test]
fn broken_rule_file_is_exit_2_with_its_line_and_column() {
    let dir = temp_dir("broken-rule");
    let rule = dir.join("house.toml");
    fs::write(
        &rule,
        "id = \"house/x\"\nseverity = \"error\"\nsummary = \"s\"\nmessage = \"m\"\n[check]\nkind = \"pattern\"\npatern = \"x\"\n",
    )
    .expect("write");
    let output = claimlint()
        .args(["check", "--rules"])
        .arg(&rule)
        .arg(fixture_path("check/citation.txt"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("house.toml:7:1") && stderr.contains("patern"),
        "{stderr}"
    );
}

#[test]
fn config_is_found_by_walking_up_and_can_switch_rules_off() {
    let dir = temp_dir("config");
    let nested = dir.join("docs").join("drafts");
    fs::create_dir_all(&nested).expect("dirs");
    fs::write(
        dir.join("claimlint.toml"),
        "[rules]\n\"citation/missing\" = \"error\"\n",
    )
    .expect("write");
    fs::write(
        nested.join("brief.txt"),
        "Exports reached EUR 4 billion last year.",
    )
    .expect("write");
    let output = claimlint()
        .current_dir(&nested)
        .args(["check", "brief.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "citation/missing raised to error");
    fs::write(
        dir.join("claimlint.toml"),
        "[rules]\n\"citation/missing\" = \"off\"\n",
    )
    .expect("write");
    let output = claimlint()
        .current_dir(&nested)
        .args(["check", "brief.txt", "--fail-on", "warning"])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn config_exclude_skips_paths_in_folder_runs() {
    let dir = temp_dir("exclude");
    fs::create_dir_all(dir.join("drafts")).expect("dirs");
    fs::write(dir.join("claimlint.toml"), "exclude = [\"drafts/**\"]\n").expect("write");
    fs::write(
        dir.join("drafts").join("a.txt"),
        "Exports reached EUR 4 billion last year.",
    )
    .expect("write");
    fs::write(dir.join("b.txt"), "Twelve people came.").expect("write");
    let output = claimlint()
        .current_dir(&dir)
        .args(["check", ".", "--format", "json", "--fail-on", "warning"])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn extract_and_ledger_update_skip_excluded_paths_too() {
    let dir = temp_dir("exclude-extract");
    fs::create_dir_all(dir.join("drafts")).expect("dirs");
    fs::write(dir.join("claimlint.toml"), "exclude = [\"drafts/**\"]\n").expect("write");
    fs::write(
        dir.join("drafts").join("a.txt"),
        "Exports reached EUR 4 billion last year.",
    )
    .expect("write");
    fs::write(dir.join("b.txt"), "Imports reached EUR 3 billion last year.").expect("write");
    let output = claimlint()
        .current_dir(&dir)
        .args(["extract", ".", "--format", "jsonl"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("b.txt") && !stdout.contains("drafts"), "{stdout}");
    let output = claimlint()
        .current_dir(&dir)
        .args(["ledger", "update", ".", "--ledger", "claims.csv"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let ledger = fs::read_to_string(dir.join("claims.csv")).expect("ledger written");
    assert!(ledger.contains("b.txt") && !ledger.contains("drafts"), "{ledger}");
}

#[test]
fn rules_lists_and_explains() {
    let output = claimlint().arg("rules").output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.lines().count() >= 14 && stdout.contains("consistency/share-sum"),
        "{stdout}"
    );
    let output = claimlint()
        .args(["rules", "consistency/share-sum"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("## What it does") && stdout.contains("kind = \"share-sum\""),
        "{stdout}"
    );
    let output = claimlint()
        .args(["rules", "consistency/nothing"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn github_format_appends_the_markdown_summary_to_the_step_summary() {
    let dir = temp_dir("step-summary");
    let summary = dir.join("summary.md");
    fs::write(&summary, "earlier step\n").expect("write");
    let output = claimlint()
        .args(["check", "--format", "github"])
        .arg(fixture_path("check/consistency.txt"))
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("::error file="));
    let written = fs::read_to_string(&summary).expect("summary");
    assert!(
        written.starts_with("earlier step\n## claimlint: 9 errors"),
        "{written}"
    );
}

#[test]
fn every_check_format_runs() {
    for format in ["human", "json", "sarif", "junit", "github", "gitlab", "markdown"] {
        let output = claimlint()
            .args(["check", "--format", format])
            .arg(fixture_path("check/citation.txt"))
            .env_remove("GITHUB_STEP_SUMMARY")
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{format}: {}", stderr_of(&output));
        assert!(!output.stdout.is_empty(), "{format}");
    }
}

#[test]
fn related_span_far_along_one_long_line_is_a_note_not_a_crash() {
    // A whole document on one line, as some XML is written: the first expansion of an acronym
    // sits more than 65,535 characters before the second, beyond any drawable snippet.
    let filler = "The survey team walked the coast and counted birds again. ".repeat(1_300);
    let text = format!(
        "The Coastal Survey Office (CSO) met. {filler}Later the Coast Survey Organisation (CSO) met.\n"
    );
    let dir = temp_dir("long-line");
    let path = dir.join("one-line.txt");
    fs::write(&path, text).expect("write");
    let output = claimlint()
        .args(["check", "--fail-on", "never"])
        .arg(&path)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stdout.contains("consistency/acronym"), "{stdout}");
    assert!(stdout.contains("note: CSO is first defined"), "{stdout}");
    assert!(stdout.contains("one-line.txt:1:28)"), "{stdout}");
}

#[test]
fn limits_come_from_the_config_and_are_named_when_passed() {
    let dir = temp_dir("limits");
    fs::write(
        dir.join("claimlint.toml"),
        "[limits]\ndocument_mib = 1\nxml_depth = 8\n",
    )
    .expect("config");
    fs::write(dir.join("big.txt"), "Sales rose 5 percent. ".repeat(60_000)).expect("big");
    let nested = format!(
        "<article xmlns=\"http://docbook.org/ns/docbook\">{}Sales rose 5 percent.{}</article>",
        "<section>".repeat(10),
        "</section>".repeat(10)
    );
    fs::write(dir.join("deep.dbk"), nested).expect("deep");
    for (file, expected) in [("big.txt", "1048576"), ("deep.dbk", "deeper than 8 levels")] {
        let output = claimlint()
            .current_dir(&dir)
            .args(["extract", file])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{file}");
        let stderr = stderr_of(&output);
        assert!(stderr.contains(file) && stderr.contains(expected), "{stderr}");
    }
    // Without the config the defaults allow both.
    fs::remove_file(dir.join("claimlint.toml")).expect("remove");
    for file in ["big.txt", "deep.dbk"] {
        let output = claimlint()
            .current_dir(&dir)
            .args(["extract", file])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{file}: {}", stderr_of(&output));
    }
}

#[test]
fn a_bad_limit_is_an_error_at_its_line() {
    let dir = temp_dir("bad-limits");
    fs::write(dir.join("claimlint.toml"), "[limits]\nxml_depth = 0\n").expect("config");
    fs::write(dir.join("a.txt"), "Sales rose 5 percent.\n").expect("doc");
    let output = claimlint()
        .current_dir(&dir)
        .args(["check", "a.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("`xml_depth` is a") && stderr.contains("positive whole number"),
        "{stderr}"
    );
    assert!(stderr.contains("claimlint.toml:2:"), "{stderr}");
}

#[test]
fn a_write_failure_says_write_and_names_the_file() {
    let dir = temp_dir("write-failure");
    let document = dir.join("brief.md");
    fs::write(&document, "Exports rose 12 percent in 2021.\n").expect("write");
    let output_path = dir.join("no-such-folder").join("review.html");
    let output = claimlint()
        .arg("report")
        .arg(&document)
        .arg("-o")
        .arg(&output_path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("cannot write") && stderr.contains("review.html"),
        "{stderr}"
    );
}

#[test]
fn a_bad_exclude_glob_is_named_as_a_glob() {
    let dir = temp_dir("bad-glob");
    fs::write(dir.join("claimlint.toml"), "exclude = [\"drafts/[a\"]\n").expect("write");
    fs::write(dir.join("brief.md"), "Exports rose 12 percent in 2021.\n").expect("write");
    let output = claimlint()
        .current_dir(&*dir)
        .args(["check", "."])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("invalid glob `drafts/[a`"), "{stderr}");
}

#[test]
fn the_approximate_tolerance_comes_from_the_config() {
    let dir = temp_dir("approx-tolerance");
    fs::write(dir.join("brief.txt"), "Around 70 percent of firms export.\n").expect("write");
    let interval = |dir: &common::Scratch| {
        let output = claimlint()
            .current_dir(dir)
            .args(["extract", "brief.txt", "--format", "jsonl"])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        let claim: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one claim");
        (claim["low"].to_string(), claim["high"].to_string())
    };
    assert_eq!(interval(&dir), ("66.5".to_owned(), "73.5".to_owned()));
    fs::write(dir.join("claimlint.toml"), "[claims]\napprox_tolerance = 0.1\n").expect("write");
    assert_eq!(interval(&dir), ("63".to_owned(), "77".to_owned()));
    fs::write(dir.join("claimlint.toml"), "[claims]\napprox_tolerance = 1.5\n").expect("write");
    let output = claimlint()
        .current_dir(&dir)
        .args(["extract", "brief.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("claimlint.toml:2:20"),
        "{}",
        stderr_of(&output)
    );
}

/// A folder run with a broken file names it in the last line (the exit code is 2 for it); a
/// damaged DOCX gets advice about the DOCX, not about `--input-format`; the list of formats read
/// includes DOCX; `extract` of a missing file prints no CSV header; `diff --format json` names
/// each revision's own file.
#[test]
fn broken_files_are_named_and_advised_rightly() {
    let dir = common::scratch_dir("cli", "broken-files");
    std::fs::write(dir.join("good.md"), "Exports reached EUR 4 billion.\n").expect("write");
    std::fs::write(dir.join("broken.docx"), b"PK\x03\x04 not really a zip").expect("write");
    let output = claimlint()
        .current_dir(&*dir)
        .args(["check", "."])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        last.contains("1 file could not be read") && last.contains("broken.docx"),
        "{last}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not a readable DOCX") && stderr.contains("save it again"),
        "{stderr}"
    );
    assert!(!stderr.contains("--input-format"), "{stderr}");

    std::fs::write(dir.join("notes.rst"), "Exports reached EUR 4 billion.\n").expect("write");
    let unsupported = claimlint()
        .current_dir(&*dir)
        .args(["check", "notes.rst"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&unsupported.stderr).contains("DOCX"));

    let missing = claimlint()
        .current_dir(&*dir)
        .args(["extract", "missing.md"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        missing.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&missing.stdout)
    );
    let none = claimlint()
        .current_dir(&*dir)
        .args(["extract", "good.md"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&none.stdout).starts_with("id,document,"));

    std::fs::write(dir.join("old.md"), "Exports reached EUR 3 billion.\n").expect("write");
    let diff = claimlint()
        .current_dir(&*dir)
        .args(["diff", "old.md", "good.md", "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&diff.stdout).expect("json");
    let change = &json["changed"][0];
    assert_eq!(change["old"]["document"], "old.md", "{json}");
    assert_eq!(change["new"]["document"], "good.md", "{json}");
}

/// A hook that passes every changed file: `--skip-unsupported` skips the files claimlint does
/// not read instead of failing; the hook's file pattern lists the formats claimlint reads.
#[test]
fn unsupported_files_named_by_a_hook_are_skipped() {
    let dir = temp_dir("skip-unsupported");
    fs::write(
        dir.join("brief.md"),
        "# Brief\n\nExports reached EUR 4 billion.[^1]\n\n[^1]: Customs.\n",
    )
    .expect("write");
    fs::write(dir.join("setup.py"), "x = 1\n").expect("write");
    fs::write(dir.join("ci.yaml"), "a: 1\n").expect("write");
    let refused = claimlint()
        .current_dir(&*dir)
        .args(["check", "brief.md", "setup.py"])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2));
    let skipped = claimlint()
        .current_dir(&*dir)
        .args(["check", "--skip-unsupported", "brief.md", "setup.py", "ci.yaml"])
        .output()
        .expect("runs");
    assert_eq!(skipped.status.code(), Some(0), "{}", stderr_of(&skipped));
    let hooks =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.pre-commit-hooks.yaml")).expect("hooks");
    let pattern = hooks
        .lines()
        .find_map(|line| line.trim().strip_prefix("files: "))
        .expect("a files pattern");
    let regex = regex::Regex::new(pattern).expect("a regex");
    for name in ["a.md", "b.docx", "c.html", "d.txt", "e.xml"] {
        assert!(regex.is_match(name), "{name}");
    }
    for name in ["setup.py", "ci.yaml", "notes.rst"] {
        assert!(!regex.is_match(name), "{name}");
    }
}

/// The conventions linters share: `--format concise` (one `path:line:col: severity rule message`
/// line per finding), `--statistics`, `--quiet`, `--color always|never` (and `FORCE_COLOR`), and
/// `--fail-on info`.
#[test]
fn concise_statistics_quiet_color_and_fail_on_info() {
    let dir = temp_dir("conventions");
    fs::write(
        dir.join("b.md"),
        "# Budget\n\nOf the 30 councils, 18 (52%) have a plan.\n\nExports reached EUR 4 billion.\n",
    )
    .expect("write");
    let run = |args: &[&str], env: Option<(&str, &str)>| {
        let mut command = claimlint();
        command.current_dir(&*dir).arg("check").arg("b.md").args(args);
        if let Some((key, value)) = env {
            command.env(key, value);
        }
        command.output().expect("runs")
    };
    let concise = run(&["--format", "concise", "--quiet"], None);
    let text = String::from_utf8_lossy(&concise.stdout);
    assert!(
        text.lines()
            .all(|l| l.starts_with("b.md:") && l.split(": ").count() >= 2),
        "{text}"
    );
    assert!(
        text.contains("b.md:3:25: error consistency/count-share 18 of 30 is 60%, not 52%"),
        "{text}"
    );
    assert!(
        !text.contains(" in 1 document"),
        "--quiet drops the summary: {text}"
    );
    let statistics = String::from_utf8_lossy(&run(&["--statistics"], None).stdout).into_owned();
    assert!(
        statistics
            .lines()
            .any(|l| l.contains("consistency/count-share") && l.trim_start().starts_with('1')),
        "{statistics}"
    );
    let escape = |output: &std::process::Output| output.stdout.contains(&0x1b);
    assert!(escape(&run(&["--color", "always"], None)));
    assert!(!escape(&run(&["--color", "never"], Some(("FORCE_COLOR", "1")))));
    assert!(escape(&run(&[], Some(("FORCE_COLOR", "1")))));
    assert!(!escape(&run(&[], None)), "not a terminal");
    assert_eq!(run(&["--fail-on", "info"], None).status.code(), Some(1));
    assert_eq!(run(&["--fail-on", "never"], None).status.code(), Some(0));
}

/// ruff's rule selection: `--select` runs only what it names (ids, families, `ALL`),
/// `--extend-select` adds, `--ignore` removes last; an unknown selector is an error (exit 2).
#[test]
fn select_extend_select_and_ignore_choose_the_rules() {
    let dir = temp_dir("select");
    fs::write(
        dir.join("s.md"),
        "# Budget\n\nOf the 30 councils, 18 (52%) have a plan.[^9]\n\nExports reached EUR 4 billion.\n",
    )
    .expect("write");
    let rules = |args: &[&str]| {
        let (text, code) = check_concise(&dir, &[&["s.md"], args].concat());
        let mut found: Vec<String> = text
            .lines()
            .filter_map(|l| l.split(' ').nth(2).map(str::to_owned))
            .collect();
        found.sort();
        found.dedup();
        (found, code)
    };
    let (all, _) = rules(&[]);
    assert!(all.len() >= 3, "{all:?}");
    assert_eq!(rules(&["--select", "consistency"]).0, ["consistency/count-share"]);
    assert_eq!(
        rules(&["--select", "footnote/undefined,citation"]).0,
        ["citation/missing", "footnote/undefined"]
    );
    assert_eq!(
        rules(&[
            "--select",
            "footnote",
            "--extend-select",
            "consistency/count-share"
        ])
        .0,
        ["consistency/count-share", "footnote/undefined"]
    );
    let (ignored, _) = rules(&["--ignore", "citation/missing", "--ignore", "footnote/"]);
    assert_eq!(ignored, ["consistency/count-share"]);
    assert_eq!(rules(&["--select", "ALL", "--ignore", "ALL"]), (vec![], Some(0)));
    let unknown = claimlint()
        .current_dir(&*dir)
        .args(["check", "s.md", "--select", "citations"])
        .output()
        .expect("runs");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--select citations"));
}

/// reviewdog's `rdjson`: a `DiagnosticResult` whose positions count UTF-8 bytes from 1, with
/// the rule as the code and the severity in reviewdog's words.
#[test]
fn rdjson_counts_columns_in_utf8_bytes() {
    let dir = temp_dir("rdjson");
    fs::write(
        dir.join("r.md"),
        "# Prix\n\nLe club — fondé jadis — a 400 membres.\n",
    )
    .expect("write");
    let output = claimlint()
        .current_dir(&*dir)
        .args(["check", "r.md", "--format", "rdjson", "--select", "citation"])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["source"]["name"], "claimlint");
    let finding = &report["diagnostics"][0];
    assert_eq!(finding["code"]["value"], "citation/missing");
    assert_eq!(finding["severity"], "WARNING");
    assert_eq!(finding["location"]["path"], "r.md");
    let line = "Le club — fondé jadis — a 400 membres.";
    let byte = line.find("400").expect("figure") + 1;
    assert_eq!(
        finding["location"]["range"]["start"],
        serde_json::json!({"line": 3, "column": byte})
    );
    assert_eq!(
        finding["location"]["range"]["end"],
        serde_json::json!({"line": 3, "column": byte + 3})
    );
}

/// Shell completions and the man page come from the same command definition as `--help`.
#[test]
fn completions_and_man_page() {
    let run = |args: &[&str]| {
        let output = claimlint().args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let bash = run(&["completions", "bash"]);
    assert!(
        bash.contains("--select") && bash.contains("rdjson"),
        "bash completion knows the options"
    );
    if let Ok(status) = std::process::Command::new("bash")
        .args(["-n", "-c", &bash])
        .status()
    {
        assert!(status.success(), "the bash script parses");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        assert!(run(&["completions", shell]).contains("claimlint"), "{shell}");
    }
    let man = run(&["man"]);
    assert!(man.contains(".TH claimlint 1"), "{man}");
    assert!(man.contains("check"), "the man page lists the commands");
    assert_eq!(
        claimlint()
            .args(["completions", "tcsh"])
            .output()
            .expect("runs")
            .status
            .code(),
        Some(2)
    );
}

/// `[[overrides]]` in `claimlint.toml`: documents whose paths match `files` get the override's
/// levels, parameters and profile over the config's, and the command line still wins.
#[test]
fn overrides_set_rules_and_profiles_per_glob() {
    let dir = temp_dir("overrides");
    fs::create_dir_all(dir.join("legal")).expect("mkdir");
    fs::create_dir_all(dir.join("news")).expect("mkdir");
    let text = "Rents rose 12 percent in the city.\n";
    for name in ["legal/a.md", "news/b.md", "c.md"] {
        fs::write(dir.join(name), text).expect("write");
    }
    fs::write(
        dir.join("claimlint.toml"),
        "[[overrides]]\nfiles = [\"legal/**\"]\nprofile = \"legal\"\n\n[overrides.rules]\n\"citation/missing\" = \"off\"\n\n[[overrides]]\nfiles = [\"news/*.md\"]\n[overrides.\"citation/missing\"]\nseverity = \"error\"\n",
    )
    .expect("write");
    let run = |args: &[&str]| check_concise(&dir, &[&["."], args].concat());
    let (text, code) = run(&[]);
    assert!(
        !text.contains("legal/a.md"),
        "the override turned the rule off: {text}"
    );
    assert!(text.contains("news/b.md:1:12: error citation/missing"), "{text}");
    assert!(text.contains("c.md:1:12: warning citation/missing"), "{text}");
    assert_eq!(code, Some(1));
    let (text, code) = run(&["--ignore", "citation"]);
    assert_eq!(
        (text.as_str(), code),
        ("", Some(0)),
        "the command line wins over overrides"
    );
    // `extract` gives the roles `check` judges by: the legal override's profile sets them.
    let output = claimlint()
        .current_dir(&*dir)
        .args(["extract", "legal/a.md", "c.md", "--format", "csv"])
        .output()
        .expect("runs");
    let csv = String::from_utf8_lossy(&output.stdout);
    let role_of = |document: &str| {
        csv.lines()
            .find(|line| line.contains(document))
            .is_some_and(|line| line.contains(",specification,"))
    };
    assert!(role_of("legal/a.md") && !role_of("c.md"), "{csv}");
    // An override naming an unknown rule, or without `files`, fails the run with its place.
    for bad in [
        "[[overrides]]\nfiles = [\"x/**\"]\n[overrides.rules]\n\"citation/nope\" = \"off\"\n",
        "[[overrides]]\nprofile = \"legal\"\n",
    ] {
        fs::write(dir.join("claimlint.toml"), bad).expect("write");
        let output = claimlint()
            .current_dir(&*dir)
            .args(["check", "."])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("claimlint.toml"),
            "{bad}"
        );
    }
}

/// Each document takes the `claimlint.toml` found from its own folder upward (DESIGN.md), not
/// only the working directory's; `--config` names one for all.
#[test]
fn each_document_takes_the_config_of_its_folder() {
    let dir = temp_dir("folder-configs");
    fs::create_dir_all(dir.join("quiet")).expect("mkdir");
    let text = "Rents rose 12 percent in the city.\n";
    fs::write(dir.join("top.md"), text).expect("write");
    fs::write(dir.join("quiet/inner.md"), text).expect("write");
    fs::write(
        dir.join("claimlint.toml"),
        "[rules]\n\"citation/missing\" = \"error\"\n",
    )
    .expect("write");
    fs::write(
        dir.join("quiet/claimlint.toml"),
        "[rules]\n\"citation/missing\" = \"off\"\n",
    )
    .expect("write");
    let run = |cwd: &std::path::Path, args: &[&str]| check_concise(cwd, args).0;
    let from_top = run(&dir, &["."]);
    assert!(
        from_top.contains("top.md:1:12: error citation/missing"),
        "{from_top}"
    );
    assert!(
        !from_top.contains("inner.md"),
        "quiet/ has its own config: {from_top}"
    );
    let from_inside = run(&dir.join("quiet"), &["../top.md", "inner.md"]);
    assert!(
        from_inside.contains("../top.md:1:12: error citation/missing"),
        "{from_inside}"
    );
    assert!(!from_inside.contains("inner.md"), "{from_inside}");
    let one_for_all = run(&dir, &[".", "--config", "claimlint.toml"]);
    assert!(
        one_for_all.contains("quiet/inner.md:1:12: error"),
        "{one_for_all}"
    );
}

/// `[tool.claimlint]` in `pyproject.toml` is a config like `claimlint.toml` (which wins in one
/// folder); its errors point into the `pyproject.toml`.
#[test]
fn pyproject_tool_table_is_a_config() {
    let dir = temp_dir("pyproject");
    fs::write(dir.join("a.md"), "Rents rose 12 percent in the city.\n").expect("write");
    fs::write(
        dir.join("pyproject.toml"),
        "[project]\nname = \"x\"\n\n[tool.claimlint.rules]\n\"citation/missing\" = \"error\"\n",
    )
    .expect("write");
    let run = || {
        claimlint()
            .current_dir(&*dir)
            .args(["check", "a.md", "--format", "concise", "--quiet"])
            .output()
            .expect("runs")
    };
    let output = run();
    assert!(String::from_utf8_lossy(&output.stdout).contains("error citation/missing"));
    fs::write(
        dir.join("claimlint.toml"),
        "[rules]\n\"citation/missing\" = \"info\"\n",
    )
    .expect("write");
    assert!(String::from_utf8_lossy(&run().stdout).contains("info citation/missing"));
    fs::remove_file(dir.join("claimlint.toml")).expect("remove");
    fs::write(dir.join("pyproject.toml"), "[tool.claimlint]\nnope = 1\n").expect("write");
    let output = run();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("pyproject.toml:2:1"));
}

/// `--root DIR`: SARIF file URIs relative to the folder named, the base declared.
#[test]
fn sarif_root_sets_what_uris_are_relative_to() {
    let dir = temp_dir("sarif-root");
    fs::create_dir_all(dir.join("site/docs")).expect("mkdir");
    fs::write(dir.join("site/docs/x.md"), "Rents rose 12 percent.\n").expect("write");
    let output = claimlint()
        .current_dir(&*dir)
        .args(["check", "site/docs/x.md", "--format", "sarif", "--root", "site"])
        .output()
        .expect("runs");
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF");
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "docs/x.md");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("base");
    assert!(base.starts_with("file://") && base.ends_with("/site/"), "{base}");
}
