//! Inline suppressions with a reason, in Markdown comments and plain-text lines.

mod common;

fn rules_fired(text: &str, name: &str) -> Vec<(String, usize)> {
    common::check_text(text, name)
        .into_iter()
        .map(|d| (d.rule, d.line))
        .collect()
}

#[test]
fn markdown_comment_silences_the_next_line_only() {
    let text = "# Budget\n\n<!-- claimlint-disable-next-line citation/missing -- from the table on page 4 -->\nExports reached EUR 4 billion.\n\nImports reached EUR 3 billion.\n";
    assert_eq!(rules_fired(text, "b.md"), [("citation/missing".to_owned(), 6)]);
}

#[test]
fn markdown_comment_for_another_rule_silences_nothing_and_says_so() {
    let text = "<!-- claimlint-disable-next-line consistency/restated -- two surveys -->\nExports reached EUR 4 billion.\n";
    let fired = rules_fired(text, "b.md");
    assert!(fired.contains(&("citation/missing".to_owned(), 2)), "{fired:?}");
    assert!(fired.contains(&("suppression/unused".to_owned(), 1)), "{fired:?}");
}

#[test]
fn text_line_without_reason_works_but_is_reported() {
    let text = "Budget\n\nclaimlint: disable-next-line citation/missing\nExports reached EUR 4 billion.\n";
    assert_eq!(
        rules_fired(text, "b.txt"),
        [("suppression/no-reason".to_owned(), 3)]
    );
}

#[test]
fn suppression_line_is_not_prose() {
    let text = "claimlint: disable-next-line all -- figures from 2 surveys\nExports reached EUR 4 billion.\n";
    let document = common::parse_document(text, "b.txt");
    let claims = common::engine().claims(&document);
    assert_eq!(claims.len(), 1, "the `2` of the reason is no claim");
    assert!(rules_fired(text, "b.txt").is_empty());
}

#[test]
fn html_comment_silences_the_next_line() {
    let text = "<p>Exports reached EUR 4 billion.</p>\n<!-- claimlint-disable-next-line citation/missing -- from the annex -->\n<p>Imports reached EUR 3 billion.</p>\n";
    assert_eq!(rules_fired(text, "b.html"), [("citation/missing".to_owned(), 1)]);
}

/// A suppression of a rule the config turned off is not unused: it silences nothing today, and
/// is needed the day the rule is turned on again.
#[test]
fn a_suppression_of_a_rule_turned_off_is_not_unused() {
    let dir = common::scratch_dir("suppressions", "disabled");
    std::fs::write(
        dir.join("b.md"),
        "# Budget\n\n<!-- claimlint-disable-next-line citation/missing -- from the table on page 4 -->\nExports reached EUR 4 billion.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("claimlint.toml"),
        "[rules]\n\"citation/missing\" = \"off\"\n",
    )
    .expect("write");
    let output = common::claimlint()
        .current_dir(&*dir)
        .args(["check", "b.md", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("suppression/unused"));
}

/// `disable` … `enable` silences a range, `disable-line` its own line, `disable-file` the whole
/// document; an unknown directive or rule id is reported, not silently ignored.
#[test]
fn ranges_lines_and_files_are_silenced_and_typos_reported() {
    let range = "# Budget\n\n<!-- claimlint-disable citation/missing -- from the annex tables -->\nExports reached EUR 4 billion.\n\nImports reached EUR 3 billion.\n\n<!-- claimlint-enable citation/missing -->\nDebt reached EUR 9 billion.\n";
    assert_eq!(rules_fired(range, "b.md"), [("citation/missing".to_owned(), 9)]);

    let line = "<p>Exports reached EUR 4 billion. <!-- claimlint-disable-line citation/missing -- annex --></p>\n<p>Imports reached EUR 3 billion.</p>\n";
    assert_eq!(rules_fired(line, "b.html"), [("citation/missing".to_owned(), 2)]);

    let file = "<!-- claimlint-disable-file citation/missing -- a draft -->\n# Budget\n\nExports reached EUR 4 billion.\n\nImports reached EUR 3 billion.\n";
    assert!(
        rules_fired(file, "b.md").is_empty(),
        "{:?}",
        rules_fired(file, "b.md")
    );

    let text = "Budget\n\nclaimlint: disable citation/missing -- annex\nExports reached EUR 4 billion.\n\nImports reached EUR 3 billion.\nclaimlint: enable citation/missing\n\nDebt reached EUR 9 billion.\n";
    assert_eq!(rules_fired(text, "b.txt"), [("citation/missing".to_owned(), 9)]);

    let typo = "<!-- claimlint-disabel-next-line citation/missing -- annex -->\nExports reached EUR 4 billion.\n\n<!-- claimlint-disable-next-line citation/mising -- annex -->\nImports reached EUR 3 billion.\n";
    let fired = rules_fired(typo, "b.md");
    assert_eq!(
        fired
            .iter()
            .filter(|(rule, _)| rule == "suppression/unknown")
            .count(),
        2,
        "{fired:?}"
    );
    assert!(
        !fired.iter().any(|(rule, _)| rule == "suppression/unused"),
        "{fired:?}"
    );
}
