//! The README's promises: the shell commands of its CI snippets are run here (with `docs/`
//! standing for the shipped `examples/`), and its run and test commands exist.

use assert_cmd::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

/// The `claimlint …` commands of the README's YAML snippets, without a redirection.
fn snippet_commands() -> Vec<String> {
    let text = readme();
    let mut commands = Vec::new();
    let mut in_yaml = false;
    for line in text.lines() {
        if line.starts_with("```yaml") {
            in_yaml = true;
            continue;
        }
        if line.starts_with("```") {
            in_yaml = false;
            continue;
        }
        if !in_yaml {
            continue;
        }
        let command = line
            .trim()
            .trim_start_matches("- run:")
            .trim_start_matches('-')
            .trim();
        if command.starts_with("claimlint ") {
            let command = command.split('>').next().unwrap_or(command).trim();
            commands.push(command.replace("docs/", "examples/"));
        }
    }
    commands
}

#[test]
fn ci_snippet_commands_run_on_the_examples() {
    let commands = snippet_commands();
    assert!(commands.len() >= 4, "{commands:?}");
    for command in commands {
        let mut words = command.split_whitespace();
        assert_eq!(words.next(), Some("claimlint"));
        let output = Command::cargo_bin("claimlint")
            .expect("binary")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(words)
            .env_remove("GITHUB_STEP_SUMMARY")
            .output()
            .expect("runs");
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "`{command}`: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!output.stdout.is_empty(), "`{command}` printed nothing");
    }
}

#[test]
fn readme_keeps_its_two_commands() {
    let text = readme();
    assert!(text.contains("cargo run --release -- extract examples/brief.md"));
    assert!(text.contains("cargo nextest run"));
}
