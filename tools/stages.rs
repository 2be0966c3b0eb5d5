//! Seconds per pipeline stage on each document named (read, claims, check, JSON output), on
//! the thread pool rayon is given (`RAYON_NUM_THREADS`): where a run's time goes, for issue 20's
//! profile. Not run in CI (timings are not tests):
//!
//!     cargo run --release --example stages -- FILE...

#![expect(clippy::print_stdout, reason = "a command-line tool that prints its report")]

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimlint::pipeline::{Engine, Input};

fn main() {
    let started = Instant::now();
    let engine = Engine::builtin().expect("the built-in rules load");
    println!("built-in rules: {:.2} ms", started.elapsed().as_secs_f64() * 1e3);
    for path in std::env::args().skip(1) {
        let input = Input {
            path: PathBuf::from(&path),
            name: path.clone(),
        };
        let started = Instant::now();
        let document = match engine.read(&input) {
            Ok(document) => document,
            Err(error) => {
                println!("{path}: {error}");
                continue;
            }
        };
        let read = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let claims = engine.claims(&document);
        let claimed = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let diagnostics = engine.check(&document, &claims);
        let checked = started.elapsed().as_secs_f64();
        if std::env::var_os("STAGES_RULES").is_some() {
            // Each rule alone (its own context each time: relations are built per context).
            for rule in engine.rules.enabled() {
                let started = Instant::now();
                let found = claimlint::check::run_rule(&document, &claims, rule).len();
                println!(
                    "  {}: {found} findings, {:.1} ms",
                    rule.id,
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
        }
        #[expect(
            clippy::cast_precision_loss,
            reason = "a file size in megabytes, for a report"
        )]
        let megabytes = std::fs::metadata(Path::new(&path)).map_or(0.0, |m| m.len() as f64 / 1e6);
        let total = read + claimed + checked;
        println!(
            "{path}: {megabytes:.1} MB, {} claims, {} findings; read {:.2} ms, claims {:.2} ms, \
             check {:.2} ms, total {:.2} ms ({:.1} MB/s)",
            claims.len(),
            diagnostics.len(),
            read * 1e3,
            claimed * 1e3,
            checked * 1e3,
            total * 1e3,
            megabytes / total
        );
    }
}
