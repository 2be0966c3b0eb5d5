//! report: render claims and diagnostics in the requested format, one file per format.

pub mod concise;
pub mod csv;
pub mod diagnostics;
pub mod diff;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod page;
pub mod rdjson;
pub mod sarif;

pub use crate::claim::decimal_string;

use std::borrow::Cow;
use std::fmt::Write as _;

/// Would a terminal or a viewer act on `c` rather than show it: a control character (an escape
/// sequence's start, a bell, a carriage return) or a bidirectional override (Trojan Source)?
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` for one line of output (a file name, a message): every hidden character, line breaks
/// included, written as a visible escape (`\x1b`, `\n`, `\u{202e}`), so no document or file name
/// can colour, retitle or clear a terminal, or forge a line of output.
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hidden(c) && u32::from(c) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` for a quoted source snippet: line breaks and tabs kept, every other hidden character
/// replaced by `?`s of the same byte length, so the byte offsets diagnostics point at still hold.
#[must_use]
pub fn visible_snippet(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| is_hidden(c) && !matches!(c, '\n' | '\t' | '\r');
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as a URI or link target: every byte but letters, digits and `/._-~` percent-encoded
/// (SARIF URIs and the Markdown summary's links).
#[must_use]
pub fn percent_encoded_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
