//! The review page: structure snapshotted, untrusted text escaped, and — where Chromium is
//! installed (CI installs it) — opened in a real headless browser.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use claimlint::report::page::{PageDocument, render};
use common::{document, snapshot_settings};

fn page_for(names: &[&str]) -> (String, usize) {
    let documents: Vec<_> = names.iter().map(|name| document(name)).collect();
    let analysed: Vec<_> = documents
        .iter()
        .map(|d| {
            let claims = common::engine().claims(d);
            let diagnostics = common::engine().check(d, &claims);
            (claims, diagnostics)
        })
        .collect();
    let pages: Vec<PageDocument<'_>> = documents
        .iter()
        .zip(&analysed)
        .map(|(document, (claims, diagnostics))| PageDocument {
            document,
            claims,
            diagnostics,
        })
        .collect();
    let claims = analysed.iter().map(|(c, _)| c.len()).sum();
    (render(&pages, None), claims)
}

/// The `<main>` part: the documents, their marks and findings (no CSS or script).
fn main_part(page: &str) -> &str {
    let start = page.find("<main>").expect("main");
    let end = page.find("</main>").expect("main end");
    &page[start..end + 7]
}

#[test]
fn page_structure_for_a_fixture() {
    let (page, claims) = page_for(&["check/consistency.txt"]);
    snapshot_settings().bind(|| insta::assert_snapshot!("report_page_main", main_part(&page)));
    assert_eq!(main_part(&page).matches("<mark class=\"claim").count(), claims);
}

#[test]
fn untrusted_text_is_escaped() {
    // Markdown drops inline HTML; plain text keeps it all as text, escaped.
    for name in ["report/hostile.md", "report/hostile.txt"] {
        let (page, _) = page_for(&[name]);
        assert_eq!(
            page.matches("<script").count(),
            2,
            "{name}: only the page's own two scripts"
        );
        assert!(
            !page.contains("<img") && !page.contains("<iframe") && !page.contains("<b onmouseover"),
            "{name}"
        );
        assert!(!page.contains("onerror=\""), "{name}: attribute text stays text");
    }
    let (page, _) = page_for(&["report/hostile.txt"]);
    assert!(page.contains("&lt;script&gt;window.__xss = "));
    assert!(page.contains("onerror=&quot;document.body.setAttribute(&#39;data-xss&#39;"));
}

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

/// Chromium, or `None` (the test then skips) on a machine without it; CI must have it.
fn chromium_or_skip() -> Option<PathBuf> {
    let browser = chromium();
    if browser.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (see .ci/run)"
        );
        eprintln!("skipped: no chromium on this machine");
    }
    browser
}

/// Opens `page` headless, off the network, and returns the DOM after the scripts ran.
fn dump_dom(browser: &Path, page: &Path, screenshot: Option<&Path>) -> String {
    let profile = std::env::temp_dir().join(format!("claimlint-chromium-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--window-size=1400,1800",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    match screenshot {
        Some(path) => command.arg(format!("--screenshot={}", path.display())),
        None => command.arg("--dump-dom"),
    };
    let output = command
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn page_works_in_a_real_browser() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&target).expect("target/");
    // The page for a fixture with findings: every claim highlighted, findings beside their blocks.
    let (page, claims) = page_for(&["check/consistency.txt"]);
    let path = target.join("review-test.html");
    std::fs::write(&path, &page).expect("write");
    let dom = dump_dom(&browser, &path, None);
    assert!(
        dom.contains(&format!("data-ready=\"{claims}\"")),
        "the script ran over every claim: {}",
        &dom[..dom.len().min(400)]
    );
    assert_eq!(dom.matches("<mark class=\"claim").count(), claims);
    // The findings list: one group per rule, errors first, the figures of findings marked.
    let list = &dom[dom.find("id=\"findings-list\"").expect("the list")..];
    let list = &list[..list.find("</nav>").expect("its end")];
    assert!(list.contains("findings: n next, p previous"), "{list}");
    let first_group = list.find("<summary>").map(|at| &list[at..]).expect("a group");
    assert!(first_group.contains("(error)"), "errors come first: {list}");
    assert!(
        dom.contains("claim kind-count flagged"),
        "figures a finding is about are marked"
    );
    let finding = dom
        .find("data-rule=\"consistency/part-whole\"")
        .expect("the finding");
    let block_id = dom[finding..]
        .split("data-block=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("its block");
    let block_at = dom.find(&format!("id=\"{block_id}\"")).expect("the block");
    let block = &dom[block_at..dom[block_at..].find("</p>").map_or(dom.len(), |e| block_at + e)];
    assert!(
        block.contains("were built abroad"),
        "the finding sits beside the sentence it concerns: {block}"
    );
    let _ = dump_dom(&browser, &path, Some(&target.join("review-test.png")));

    // Hostile text executes nothing: the body gets the page's own mark, never the document's.
    for name in ["report/hostile.md", "report/hostile.txt"] {
        let (page, _) = page_for(&[name]);
        let path = target.join("review-hostile.html");
        std::fs::write(&path, &page).expect("write");
        let dom = dump_dom(&browser, &path, None);
        let body_at = dom.find("<body").expect("a body");
        let body_tag = &dom[body_at..body_at + dom[body_at..].find('>').expect("tag end")];
        assert!(
            body_tag.contains("data-ready="),
            "{name}: the page's own script ran: {body_tag}"
        );
        assert!(
            !body_tag.contains("data-xss"),
            "{name}: a script from the document ran: {body_tag}"
        );
        assert!(
            !dom.contains("<img") && !dom.contains("<iframe"),
            "{name}: markup from the document became elements"
        );
    }
}

/// The page made by `claimlint report`, with a script of the test's appended that plays a
/// reviewer: it decides two claims through the page's own API and writes the export into the
/// page, where the dumped DOM shows it.
#[test]
fn decisions_made_on_the_page_reach_the_ledger() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = common::scratch_dir("report_page", "decisions");
    std::fs::copy(common::fixture("check/citation.txt"), dir.join("brief.txt")).expect("fixture");
    let run = |args: &[&str]| {
        common::claimlint()
            .current_dir(&*dir)
            .args(args)
            .output()
            .expect("runs")
    };
    assert!(
        run(&["ledger", "update", "brief.txt", "--ledger", "claims.csv"])
            .status
            .success()
    );
    assert!(run(&["report", "brief.txt", "-o", "page.html"]).status.success());
    let page = std::fs::read_to_string(dir.join("page.html")).expect("page");
    let reviewer = r#"<script>
var keys = Object.keys(JSON.parse(document.getElementById("claims-data").textContent));
window.claimlint.decide(keys[0], "verified", "Ada Reviewer", "matches the annual report, p. 4");
window.claimlint.decide(keys[1], "disputed", "Ada Reviewer", "the source gives 11, not 12");
var out = document.createElement("pre");
out.id = "export";
out.textContent = JSON.stringify(window.claimlint.exportDecisions());
document.body.appendChild(out);
</script>
</body>"#;
    let played = page.replacen("</body>", reviewer, 1);
    let path = dir.join("played.html");
    std::fs::write(&path, played).expect("write");
    let dom = dump_dom(&browser, &path, None);
    let start = dom.find("<pre id=\"export\">").expect("the export") + "<pre id=\"export\">".len();
    let export = &dom[start..start + dom[start..].find("</pre>").expect("end")];
    let export = export
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let decisions: serde_json::Value = serde_json::from_str(&export).expect("json");
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/decisions.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&decisions).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(decisions["version"], 1);
    assert_eq!(
        decisions["decisions"].as_array().map(Vec::len),
        Some(2),
        "{decisions:#}"
    );
    assert!(dom.contains("2 decided"), "the counter counts the decisions");
    std::fs::write(dir.join("decisions.json"), export.as_bytes()).expect("write");

    let applied = run(&["ledger", "apply", "decisions.json", "--ledger", "claims.csv"]);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    assert!(String::from_utf8_lossy(&applied.stdout).contains("1 verified, 1 disputed"));
    let ledger = std::fs::read_to_string(dir.join("claims.csv")).expect("ledger");
    assert!(
        ledger.contains("verified,Ada Reviewer") && ledger.contains("matches the annual report, p. 4"),
        "{ledger}"
    );
    assert!(ledger.contains("disputed,Ada Reviewer"), "{ledger}");

    // A decision about a figure that changed since the page was made is refused, and nothing
    // is written.
    let mut stale = decisions.clone();
    stale["decisions"][0]["value"] = serde_json::json!("999999");
    std::fs::write(dir.join("stale.json"), stale.to_string()).expect("write");
    let before = std::fs::read(dir.join("claims.csv")).expect("ledger");
    let refused = run(&["ledger", "apply", "stale.json", "--ledger", "claims.csv"]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("stale.json") && message.contains("decision 1") && message.contains("999999"),
        "{message}"
    );
    assert_eq!(std::fs::read(dir.join("claims.csv")).expect("ledger"), before);
}
