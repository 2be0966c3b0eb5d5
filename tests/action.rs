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

#[cfg(unix)]
fn make_executable(path: &Path) {
    let mut permissions = std::fs::metadata(path).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(path, permissions).expect("chmod");
}

/// The install step's script, run as the runner runs it: `ACTION_PATH` the repository, a
/// stand-in for `curl` that serves the files of `release` (by the last part of the address,
/// logging each address asked for), and the runner's variables in `dir`.
#[cfg(unix)]
fn run_install(dir: &Path, release: &Path, runner: (&str, &str)) -> (std::process::Output, String, String) {
    let step = steps()
        .into_iter()
        .find(|step| step.name == "Install claimlint")
        .expect("an install step");
    let bin = dir.join("fake-bin");
    std::fs::create_dir_all(&bin).expect("dir");
    let curl = bin.join("curl");
    std::fs::write(
        &curl,
        "#!/usr/bin/env bash\nwhile [ $# -gt 0 ]; do case $1 in -o) out=$2; shift 2;; --retry) shift 2;; -*) shift;; *) url=$1; shift;; esac; done\n\
         echo \"$url\" >> \"$CURL_LOG\"\nsrc=\"$RELEASE_DIR/${url##*/}\"\n[ -f \"$src\" ] || exit 22\ncp \"$src\" \"$out\"\n",
    )
    .expect("write");
    make_executable(&curl);
    let (path_file, outputs, log) = (
        dir.join("github_path"),
        dir.join("github_output"),
        dir.join("curl.log"),
    );
    for file in [&path_file, &outputs, &log] {
        std::fs::write(file, "").expect("write");
    }
    let output = std::process::Command::new("bash")
        .arg("-e")
        .arg("-c")
        .arg(&step.run)
        .current_dir(dir)
        .env("ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default()),
        )
        .env("RUNNER_OS", runner.0)
        .env("RUNNER_ARCH", runner.1)
        .env("RUNNER_TEMP", dir.join("runner-temp"))
        .env("GITHUB_PATH", &path_file)
        .env("GITHUB_OUTPUT", &outputs)
        .env("CLAIMLINT_RELEASES", "https://releases.example/claimlint")
        .env("RELEASE_DIR", release)
        .env("CURL_LOG", &log)
        .output()
        .expect("bash runs");
    let read = |file: &Path| std::fs::read_to_string(file).expect("read");
    (output, read(&path_file), read(&outputs) + &read(&log))
}

/// A release folder as the release workflow makes it: the archive of the Linux executable
/// (a stand-in) and its `.sha256`; `corrupt` spoils the sum.
#[cfg(unix)]
fn release(dir: &Path, corrupt: bool) -> std::path::PathBuf {
    let version = env!("CARGO_PKG_VERSION");
    let name = format!("claimlint-{version}-x86_64-unknown-linux-musl");
    let release = dir.join("release");
    std::fs::create_dir_all(release.join(&name)).expect("dir");
    // A stand-in executable: small, and says which version it is, as the real one does.
    let exe = release.join(&name).join("claimlint");
    std::fs::write(&exe, format!("#!/bin/sh\necho \"claimlint {version}\"\n")).expect("write");
    make_executable(&exe);
    let archive = format!("{name}.tar.gz");
    let status = std::process::Command::new("tar")
        .args(["-czf", &archive, &name])
        .current_dir(&release)
        .status()
        .expect("tar runs");
    assert!(status.success());
    let sum = std::process::Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&release)
        .output()
        .expect("sha256sum runs");
    let mut text = String::from_utf8_lossy(&sum.stdout).into_owned();
    if corrupt {
        text.replace_range(0..4, "0000");
    }
    std::fs::write(release.join(format!("{archive}.sha256")), text).expect("write");
    release
}

#[cfg(unix)]
#[test]
fn the_action_takes_the_released_executable_when_there_is_one() {
    let dir = common::scratch_dir("action", "install-release");
    let release = release(&dir, false);
    let (output, path, outputs) = run_install(&dir, &release, ("Linux", "X64"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        outputs.contains(&format!(
            "https://releases.example/claimlint/v{version}/claimlint-{version}-x86_64-unknown-linux-musl.tar.gz"
        )),
        "{outputs}"
    );
    assert!(outputs.contains("build=false"), "{outputs}");
    let folder = Path::new(path.trim());
    let installed = std::process::Command::new(folder.join("claimlint"))
        .arg("--version")
        .output()
        .expect("the installed executable runs");
    assert!(String::from_utf8_lossy(&installed.stdout).contains(version));
}

#[cfg(unix)]
#[test]
fn the_action_builds_when_no_release_fits_or_the_sum_is_wrong() {
    for (case, corrupt, runner) in [
        ("install-corrupt", true, ("Linux", "X64")),
        ("install-none", false, ("Linux", "ARM64")),
        ("install-unknown", false, ("FreeBSD", "X64")),
    ] {
        let dir = common::scratch_dir("action", case);
        let release = release(&dir, corrupt);
        let (output, path, outputs) = run_install(&dir, &release, runner);
        assert!(
            output.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            path.trim().is_empty(),
            "{case}: nothing unverified goes on the PATH: {path}"
        );
        assert!(outputs.contains("build=true"), "{case}: {outputs}");
        assert!(
            outputs.contains("root=") && outputs.contains("key=claimlint-"),
            "{case}: {outputs}"
        );
        if corrupt {
            assert!(String::from_utf8_lossy(&output.stdout).contains("does not match its SHA-256"));
        }
    }
}
