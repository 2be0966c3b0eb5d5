//! Suppressions written as Word comments. A reviewer selects a paragraph in Word and comments
//! "claimlint-disable citation/missing -- the minister's own target": the comment silences
//! those rules (all rules when none is named) in the paragraphs its range covers. The longer
//! `claimlint-disable-next-line`, as in other formats, is read the same way: in Word the comment
//! sits on the paragraph it means.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use crate::document::Suppression;
use crate::error::Result;
use crate::span::Span;

/// Where a comment is anchored in a part's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `w:commentRangeStart`: the first commented paragraph.
    Start,
    /// `w:commentRangeEnd`: the last commented paragraph.
    End,
    /// `w:commentReference`: the paragraph holding the comment mark.
    Reference,
}

/// A comment anchor met in a part: the comment id, what kind, and the paragraph (index into
/// the part's paragraphs).
pub type Anchored = (String, Anchor, usize);

/// The text of each comment of `word/comments.xml`, by id, its paragraphs joined by spaces.
pub fn comment_texts(xml: &str, path: &Path) -> Result<HashMap<String, String>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut texts = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(0);
            super::docx::malformed(xml, at, path, e.to_string())
        })?;
        match event {
            Event::Start(element) => match element.local_name().as_ref() {
                b"comment" => {
                    let id = super::docx::attribute(&element, "id").unwrap_or_default();
                    current = Some((id, String::new()));
                }
                b"t" => in_text = true,
                b"p" => {
                    if let Some((_, text)) = current.as_mut() {
                        text.push(' ');
                    }
                }
                _ => {}
            },
            Event::End(element) => match element.local_name().as_ref() {
                b"comment" => {
                    if let Some((id, text)) = current.take() {
                        texts.insert(id, text);
                    }
                }
                b"t" => in_text = false,
                _ => {}
            },
            Event::Text(text) if in_text => {
                if let (Some((_, out)), Ok(raw)) = (current.as_mut(), text.decode()) {
                    out.push_str(&crate::ingest::entities::decode_entities(&raw));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(texts)
}

/// The suppressions the comments anchored in one part make. `paragraphs` are the original
/// spans of the part's paragraphs (a paragraph is a line of a DOCX's extracted text).
pub fn suppressions(
    texts: &HashMap<String, String>,
    anchors: &[Anchored],
    part: &'static str,
    paragraphs: &[Span],
) -> Vec<Suppression> {
    // Each comment's first and last paragraph, in the order comments first appear.
    let mut ranges: Vec<(&str, usize, usize)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (id, anchor, paragraph) in anchors {
        let paragraph = (*paragraph).min(paragraphs.len().saturating_sub(1));
        if let Some(&at) = seen.get(id.as_str()) {
            let (_, first, last) = &mut ranges[at];
            if *anchor != Anchor::End {
                *first = (*first).min(paragraph);
            }
            *last = (*last).max(paragraph);
        } else {
            seen.insert(id, ranges.len());
            ranges.push((id, paragraph, paragraph));
        }
    }
    let mut out = Vec::new();
    for (id, first, last) in ranges {
        let Some(body) = texts.get(id).and_then(|text| directive(text)) else {
            continue;
        };
        let Some(&original) = paragraphs.get(first) else {
            continue;
        };
        let mut suppression = Suppression::parse(body, original, first + 1);
        suppression.last_line = last + 1;
        suppression.part = Some(part);
        out.push(suppression);
    }
    out
}

/// Whether any comment is a `claimlint-disable` directive.
pub fn any_directive(texts: &HashMap<String, String>) -> bool {
    texts.values().any(|text| directive(text).is_some())
}

/// The words after `claimlint-disable-next-line` or `claimlint-disable` opening a comment.
fn directive(text: &str) -> Option<&str> {
    Suppression::comment_body(text)
        .or_else(|| text.trim().strip_prefix("claimlint-disable"))
        .filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directives_are_read_and_others_are_not() {
        assert_eq!(
            directive(" claimlint-disable citation/missing -- ok"),
            Some(" citation/missing -- ok")
        );
        assert_eq!(directive("claimlint-disable-next-line"), Some(""));
        assert_eq!(directive("claimlint-disabled"), None);
        assert_eq!(directive("Please check this figure"), None);
    }

    #[test]
    fn a_comment_covers_its_range_of_paragraphs() {
        let texts = HashMap::from([(
            "7".to_owned(),
            "claimlint-disable -- sourced in the annex".to_owned(),
        )]);
        let anchors = vec![
            ("7".to_owned(), Anchor::Start, 2),
            ("7".to_owned(), Anchor::End, 4),
            ("7".to_owned(), Anchor::Reference, 4),
        ];
        let spans: Vec<Span> = (0..6).map(|i| Span::new(i * 10, i * 10 + 9)).collect();
        let found = suppressions(&texts, &anchors, "document", &spans);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].line, found[0].last_line, found[0].part),
            (3, 5, Some("document"))
        );
        assert!(found[0].covers("citation/missing", Some("document"), 4));
        assert!(!found[0].covers("citation/missing", Some("footnotes"), 4));
        assert_eq!(found[0].reason.as_deref(), Some("sourced in the annex"));
    }
}
