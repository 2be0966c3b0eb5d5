//! Cuts a sentence into tokens: digit runs (with their separators), words, and single
//! punctuation or symbol characters. Ignored stretches (markers, inline code, URLs) produce no
//! tokens and break gluing across them.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Digits with the `,` and `.` separators between them ("1,234.5").
    Number,
    /// A run of letters.
    Word,
    /// One other character: punctuation, symbol, a vulgar fraction, a superscript.
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
    /// Whitespace (or an ignored stretch) separates this token from the previous one.
    pub space_before: bool,
    /// The whitespace before it was a thin or no-break space (digit grouping).
    pub narrow_space_before: bool,
}

impl Token {
    #[must_use]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    #[must_use]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    #[must_use]
    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// Is this a token glued to the previous one (no space between)?
    #[must_use]
    pub fn glued(&self) -> bool {
        !self.space_before
    }
}

/// Tokenises `span` of `text`, skipping `ignored` stretches (sorted).
pub fn tokenize(text: &str, span: Span, ignored: &[Span], out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut ignored_index = ignored.partition_point(|s| s.end <= span.start);
    let mut at = span.start;
    let mut space = true;
    let mut narrow = false;
    while at < span.end {
        if let Some(skip) = ignored.get(ignored_index)
            && skip.start <= at
        {
            if skip.end > at {
                at = skip.end;
                space = true;
            }
            ignored_index += 1;
            continue;
        }
        let limit = ignored
            .get(ignored_index)
            .map_or(span.end, |s| s.start.min(span.end));
        let byte = bytes[at];
        let (kind, end) = if byte.is_ascii_digit() {
            (TokenKind::Number, number_end(bytes, at, limit))
        } else if byte.is_ascii_alphabetic() {
            (TokenKind::Word, word_end(text, at, limit))
        } else if byte < 0x80 {
            if byte.is_ascii_whitespace() {
                space = true;
                narrow = false;
                at += 1;
                continue;
            }
            (TokenKind::Punct(byte as char), at + 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            // Invisible format characters (a byte order mark or a zero-width space pasted into
            // "USD 12 million") are no token and no space: the figure reads as if they were not
            // there, never cut at them.
            if matches!(
                c,
                '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{ad}'
            ) {
                at += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                space = true;
                narrow = matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}');
                at += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                (TokenKind::Word, word_end(text, at, limit))
            } else {
                (TokenKind::Punct(c), at + c.len_utf8())
            }
        };
        out.push(Token {
            kind,
            span: Span::new(at, end),
            space_before: space,
            narrow_space_before: narrow,
        });
        space = false;
        narrow = false;
        at = end;
    }
}

/// Digits, and `,`, `.` or a decimal middle dot (`·`, U+00B7, "2·46" in Lancet style) followed
/// by a digit.
fn number_end(bytes: &[u8], mut at: usize, limit: usize) -> usize {
    while at < limit {
        let byte = bytes[at];
        if byte.is_ascii_digit() {
            at += 1;
        } else if (byte == b',' || byte == b'.') && at + 1 < limit && bytes[at + 1].is_ascii_digit() {
            at += 2;
        } else if byte == 0xC2 && at + 2 < limit && bytes[at + 1] == 0xB7 && bytes[at + 2].is_ascii_digit() {
            at += 3;
        } else {
            break;
        }
    }
    at
}

fn word_end(text: &str, at: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < limit && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    if end == limit || bytes[end] < 0x80 {
        return end;
    }
    for c in text[end..limit].chars() {
        if c.is_alphabetic() {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str, bool)> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &mut tokens);
        tokens
            .iter()
            .map(|t| (t.kind, &text[t.span.range()], t.space_before))
            .collect()
    }

    #[test]
    fn glued_name_is_two_glued_tokens() {
        assert_eq!(
            kinds("over 800,000 5G"),
            [
                (TokenKind::Word, "over", true),
                (TokenKind::Number, "800,000", true),
                (TokenKind::Number, "5", true),
                (TokenKind::Word, "G", false)
            ]
        );
    }

    #[test]
    fn ignored_stretch_breaks_a_number() {
        let text = "by 2035.2 More";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[Span::new(8, 9)], &mut tokens);
        let texts: Vec<&str> = tokens.iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(texts, ["by", "2035", ".", "More"]);
    }
}
