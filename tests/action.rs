//! The GitHub Action's steps run locally as the runner would run them: inputs into the steps'
//! environment, then each step's script in bash, with the test build of claimlint on the PATH.
//! The README's examples and a hostile input are run through them.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

/// One step of `action.yml`: its name, its environment (values still holding `${{ … }}`) and
/// its script.
#[derive(Debug, Default)]
struct Step {
    name: String,
    env: BTreeMap<String, String>,
    run: String,
}

/// Reads the steps of the composite action (the subset of YAML `action.yml` uses).
fn steps() -> Vec<Step> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/action.yml")).expect("action.yml");
    let mut steps: Vec<Step> = Vec::new();
    let (mut in_env, mut in_run) = (false, false);
    for line in text.lines() {
        let trimmed = line.trim();
        let indent = line.len() - line.trim_start().len();
        if let Some(name) = trimmed.strip_prefix("- name: ") {
            steps.push(Step {
                name: name.to_owned(),
                ..Step::default()
            });
            (in_env, in_run) = (false, false);
            continue;
        }
        let Some(step) = steps.last_mut() else { continue };
        if in_run && indent >= 8 && !trimmed.is_empty() {
            step.run.push_str(trimmed);
            step.run.push('\n');
            continue;
        }
        in_run = false;
        if trimmed == "env:" {
            in_env = true;
        } else if let Some(run) = trimmed.strip_prefix("run: ") {
            in_env = false;
            if run == "|" {
                in_run = true;
            } else {
                step.run = format!("{run}\n");
            }
        } else if in_env && indent >= 8 {
            if let Some((key, value)) = trimmed.split_once(": ") {
                step.env.insert(key.to_owned(), value.to_owned());
            }
        } else {
            in_env = false;
        }
    }
    steps
}

/// Runs the steps that use claimlint (not the build, not the upload) with `inputs`, in `dir`.
fn run_action(dir: &Path, inputs: &[(&str, &str)]) -> Vec<(String, std::process::Output)> {
    let binary = Path::new(env!("CARGO_BIN_EXE_claimlint"));
    let path = format!(
        "{}:{}",
        binary.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let inputs: BTreeMap<&str, &str> = [
        ("paths", "."),
        ("args", ""),
        ("sarif", "false"),
        ("sarif-info", "false"),
    ]
    .into_iter()
    .chain(inputs.iter().copied())
    .collect();
    steps()
        .into_iter()
        .filter(|step| step.run.contains("claimlint check"))
        .filter(|step| !step.name.contains("SARIF") || inputs["sarif"] == "true")
        .map(|step| {
            // The runner pastes `${{ inputs.… }}` into a script before running it, as here.
            let mut script = step.run.clone();
            for (name, value) in &inputs {
                script = script.replace(&format!("${{{{ inputs.{name} }}}}"), value);
            }
            let mut command = std::process::Command::new("bash");
            command
                .arg("-e")
                .arg("-c")
                .arg(&script)
                .current_dir(dir)
                .env("PATH", &path);
            for (key, value) in &step.env {
                let value = value.trim_matches('"');
                let resolved = value
                    .strip_prefix("${{ inputs.")
                    .and_then(|rest| rest.strip_suffix(" }}"))
                    .map_or(value, |name| inputs[name]);
                command.env(key, resolved);
            }
            (step.name, command.output().expect("bash runs"))
        })
        .collect()
}

fn workspace(name: &str) -> common::Scratch {
    let dir = common::scratch_dir("action", name);
    std::fs::create_dir_all(dir.join("docs")).expect("dir");
    std::fs::write(
        dir.join("docs/brief.md"),
        "# Brief\n\nExports reached EUR 4 billion.[^1]\n\n[^1]: Customs office.\n",
    )
    .expect("write");
    dir
}

#[cfg(unix)]
#[test]
fn the_readme_examples_run_through_the_steps() {
    let dir = workspace("readme");
    for args in ["", "--fail-on warning", "--ledger claims.csv", "--format json"] {
        if args.contains("ledger") {
            let update = common::claimlint()
                .current_dir(&*dir)
                .args(["ledger", "update", "docs/", "--ledger", "claims.csv"])
                .output()
                .expect("runs");
            assert_eq!(update.status.code(), Some(0));
        }
        let outputs = run_action(&dir, &[("paths", "docs/"), ("args", args), ("sarif", "true")]);
        assert_eq!(outputs.len(), 2, "{args}");
        for (name, output) in &outputs {
            assert_ne!(
                output.status.code(),
                Some(2),
                "{name} with `{args}`: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let sarif = std::fs::read_to_string(dir.join("claimlint.sarif")).expect("sarif written");
        let log: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
        assert_eq!(log["version"], "2.1.0", "{args}");
        // A ledger's unreviewed claims are `info` notes: kept out of the upload by default.
        let levels: Vec<&str> = log["runs"][0]["results"]
            .as_array()
            .map(|r| r.iter().filter_map(|x| x["level"].as_str()).collect())
            .unwrap_or_default();
        assert!(!levels.contains(&"note"), "{args}: {levels:?}");
        if args.contains("ledger") {
            run_action(
                &dir,
                &[
                    ("paths", "docs/"),
                    ("args", args),
                    ("sarif", "true"),
                    ("sarif-info", "true"),
                ],
            );
            let sarif = std::fs::read_to_string(dir.join("claimlint.sarif")).expect("sarif written");
            assert!(
                sarif.contains("ledger/unreviewed"),
                "asked for, info findings are uploaded"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn inputs_cannot_inject_commands() {
    let dir = workspace("injection");
    let outputs = run_action(
        &dir,
        &[
            ("paths", "docs/ $(touch pwned) ; touch pwned2"),
            ("args", "`touch pwned3`"),
        ],
    );
    assert!(!outputs.is_empty());
    for file in ["pwned", "pwned2", "pwned3"] {
        assert!(!dir.join(file).exists(), "{file} was created");
    }
}
