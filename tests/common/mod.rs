//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use claimlint::ingest::{IngestOptions, read_path};
use claimlint::pipeline::Engine;
use claimlint::{Claim, Document};

/// The engine with the built-in rules and default options, built once per test binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::builtin().expect("built-in rules load"))
}

/// The one place snapshot settings are made: every snapshot lives flat in `snapshots/`.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn document(name: &str) -> Document {
    read_path(&fixture(name), name, &IngestOptions::default()).expect("fixture reads")
}

pub fn claims_of(name: &str) -> Vec<Claim> {
    engine().claims(&document(name))
}

/// `text` read as a document named `name` (its extension picks the format).
pub fn parse_document(text: &str, name: &str) -> Document {
    claimlint::ingest::parse(text.as_bytes(), Path::new(name), &IngestOptions::default())
        .expect("text parses")
}

pub fn parse_text(text: &str, name: &str) -> Vec<Claim> {
    engine().claims(&parse_document(text, name))
}

/// Every rule's diagnostics on `text`, before suppressions are reported or findings collapsed.
pub fn check_text(text: &str, name: &str) -> Vec<claimlint::diagnostic::Diagnostic> {
    let document = parse_document(text, name);
    let claims = engine().claims(&document);
    engine().check(&document, &claims)
}

/// One readable line per claim, for snapshots a reviewer can read.
pub fn table(claims: &[Claim]) -> String {
    let mut out = String::new();
    for claim in claims {
        let decimal =
            |d: Option<rust_decimal::Decimal>| d.map_or("-".to_owned(), |d| d.normalize().to_string());
        let mut line = format!(
            "{}:{} {} {:?} value={} unit={} {} [{}, {}]",
            claim.line,
            claim.column,
            claim.kind.name(),
            claim.text,
            decimal(claim.value),
            claim.unit.unwrap_or("-"),
            claim.qualifier.name(),
            decimal(claim.low),
            decimal(claim.high),
        );
        if let Some(date) = &claim.date {
            let _ = write!(line, " date={date}");
        }
        let _ = write!(line, " {}", claim.modality.name());
        if let Some(time) = &claim.time {
            let _ = write!(line, " time={time}");
        }
        if let Some(subject) = &claim.subject {
            let _ = write!(line, " subject={subject:?}");
        }
        if !claim.footnotes.is_empty() {
            let _ = write!(line, " notes={}", claim.footnotes.join(";"));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The claimlint binary, ready for arguments.
pub fn claimlint() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("claimlint").expect("binary builds")
}

/// A fresh, empty scratch folder for one test, removed when the test ends (pass or fail).
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A scratch folder named after the test file (`prefix`) and the test (`name`).
pub fn scratch_dir(prefix: &str, name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("claimlint-{prefix}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    Scratch(dir)
}

/// A run of text on a PDF page: where its baseline starts (from the page's top left, in
/// points), its font size, and its pieces — text on the baseline, or raised and smaller (a
/// superscript) when the flag is set.
pub struct PdfText<'a> {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub pieces: &'a [(&'a str, bool)],
}

/// A PDF of US Letter pages in Helvetica (a standard font, not embedded), written with
/// pdf-writer: the tests' PDFs are made, never copied.
pub fn pdf(pages: &[Vec<PdfText<'_>>]) -> Vec<u8> {
    use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str};
    let mut pdf = Pdf::new();
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    pdf.catalog(catalog).pages(tree);
    let count = i32::try_from(pages.len()).expect("a few pages");
    let ids: Vec<(Ref, Ref)> = (0..count)
        .map(|i| (Ref::new(10 + 2 * i), Ref::new(11 + 2 * i)))
        .collect();
    pdf.pages(tree)
        .kids(ids.iter().map(|(page, _)| *page))
        .count(count);
    for (runs, (page_id, content_id)) in pages.iter().zip(&ids) {
        {
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, 612.0, 792.0));
            page.parent(tree);
            page.contents(*content_id);
            page.resources().fonts().pair(Name(b"F1"), font);
        }
        let mut content = Content::new();
        for run in runs {
            content.begin_text();
            content.next_line(run.x, 792.0 - run.y);
            for (text, raised) in run.pieces {
                let (size, rise) = if *raised {
                    (run.size * 0.6, run.size * 0.35)
                } else {
                    (run.size, 0.0)
                };
                content.set_font(Name(b"F1"), size);
                content.set_rise(rise);
                content.show(Str(&win_ansi(text)));
            }
            content.end_text();
        }
        pdf.stream(*content_id, &content.finish());
    }
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.finish()
}

/// Reads bytes named `name` with the default options.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Document {
    claimlint::ingest::parse(bytes, Path::new(name), &IngestOptions::default()).expect("reads")
}

/// Text in the standard fonts' `WinAnsiEncoding` (Latin-1 with the dashes and quotes of
/// Windows-1252).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '–' => 0x96,
            '—' => 0x97,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '€' => 0x80,
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect()
}
