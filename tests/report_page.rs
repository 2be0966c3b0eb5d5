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
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (see .ci/run)"
        );
        eprintln!("skipped: no chromium on this machine");
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
