//! One sentence as the relations read it: its words, its punctuation and its figures, in order,
//! built once. Every relation kind matches patterns on this view instead of re-reading the raw
//! text around a figure with its own word list.

use crate::claim::Claim;
use crate::span::Span;

/// What stands at one position of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// A run of letters and digits (with inner hyphens and apostrophes: "so-called", "firm's").
    Word(&'a str),
    /// One punctuation character.
    Punct(char),
    /// A figure: the index of its claim in the document's claims.
    Figure(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    pub token: Token<'a>,
    pub span: Span,
}

/// The items of one sentence and where its figures stand among them.
#[derive(Debug, Default)]
pub struct View<'a> {
    pub items: Vec<Item<'a>>,
    /// Positions in `items` of the figures, in text order.
    pub figures: Vec<usize>,
}

impl<'a> View<'a> {
    /// Reads the sentence `span` of `text`, with the claims `indices` (of `claims`, in text
    /// order) as figures. A claim inside another's span is left out: the outer one is the figure.
    #[must_use]
    pub fn new(text: &'a str, span: Span, claims: &[Claim], indices: &[usize]) -> Self {
        let mut view = View::default();
        let mut at = span.start;
        for &index in indices {
            let claim_span = claims[index].span;
            if claim_span.start < at || claim_span.end > span.end {
                continue;
            }
            view.tokenize(text, at, claim_span.start);
            view.figures.push(view.items.len());
            view.items.push(Item {
                token: Token::Figure(index),
                span: claim_span,
            });
            at = claim_span.end;
        }
        view.tokenize(text, at, span.end);
        view
    }

    /// Splits `text[start..end]` into words and punctuation. ASCII bytes are classified
    /// directly; other characters are decoded (this runs over every sentence with figures).
    fn tokenize(&mut self, text: &'a str, start: usize, end: usize) {
        let bytes = text.as_bytes();
        let mut at = start;
        while at < end {
            let (c, width) = char_at(text, bytes, at);
            if c.is_whitespace() {
                at += width;
                continue;
            }
            if !c.is_alphanumeric() {
                self.items.push(Item {
                    token: Token::Punct(c),
                    span: Span::new(at, at + width),
                });
                at += width;
                continue;
            }
            let word_start = at;
            at += width;
            while at < end {
                let (next, next_width) = char_at(text, bytes, at);
                if next.is_alphanumeric() {
                    at += next_width;
                    continue;
                }
                // Inner hyphens and apostrophes join ("so-called", "firm's").
                let joins = matches!(next, '-' | '\'' | '’')
                    && at + next_width < end
                    && char_at(text, bytes, at + next_width).0.is_alphanumeric();
                if !joins {
                    break;
                }
                at += next_width;
            }
            self.items.push(Item {
                token: Token::Word(&text[word_start..at]),
                span: Span::new(word_start, at),
            });
        }
    }

    /// The claim index of the figure at item `at`.
    #[must_use]
    pub fn figure(&self, at: usize) -> Option<usize> {
        match self.items.get(at)?.token {
            Token::Figure(index) => Some(index),
            _ => None,
        }
    }

    /// The word at item `at`, if a word stands there.
    #[must_use]
    pub fn word(&self, at: usize) -> Option<&'a str> {
        match self.items.get(at)?.token {
            Token::Word(word) => Some(word),
            _ => None,
        }
    }

    /// Is item `at` the word `word` (ASCII case folded) or the punctuation `word` (one character)?
    #[must_use]
    pub fn is(&self, at: usize, word: &str) -> bool {
        match self.items.get(at).map(|item| item.token) {
            Some(Token::Word(w)) => w.eq_ignore_ascii_case(word),
            Some(Token::Punct(c)) => {
                let mut chars = word.chars();
                chars.next() == Some(c) && chars.next().is_none()
            }
            _ => false,
        }
    }

    /// Is item `at` one of `words`?
    #[must_use]
    pub fn is_any(&self, at: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(at, w))
    }

    /// Does `pattern` (words and punctuation, space-separated) stand from item `at` on? Returns
    /// the position after it.
    #[must_use]
    pub fn matches(&self, at: usize, pattern: &str) -> Option<usize> {
        let mut position = at;
        for part in pattern.split(' ') {
            if !self.is(position, part) {
                return None;
            }
            position += 1;
        }
        Some(position)
    }

    /// Does `pattern` stand just before item `at` (ending at `at - 1`)? Returns its first position.
    #[must_use]
    pub fn matches_before(&self, at: usize, pattern: &str) -> Option<usize> {
        let count = pattern.split(' ').count();
        let start = at.checked_sub(count)?;
        self.matches(start, pattern).map(|_| start)
    }

    /// The first of `patterns` standing at `at`, with the position after it.
    #[must_use]
    pub fn matches_any<'p>(&self, at: usize, patterns: &[&'p str]) -> Option<(&'p str, usize)> {
        // The first word decides most patterns: compare it without splitting the pattern.
        let first: &str = match self.items.get(at)?.token {
            Token::Figure(_) => return None,
            Token::Word(word) => word,
            Token::Punct(_) => {
                return patterns
                    .iter()
                    .find_map(|pattern| self.matches(at, pattern).map(|end| (*pattern, end)));
            }
        };
        patterns
            .iter()
            .filter(|pattern| starts_with_word(pattern, first))
            .find_map(|pattern| self.matches(at, pattern).map(|end| (*pattern, end)))
    }

    /// The span covering items `start..end` (empty at the item `start` when the range is empty).
    #[must_use]
    pub fn span(&self, start: usize, end: usize) -> Span {
        match (
            self.items.get(start),
            end.checked_sub(1).and_then(|last| self.items.get(last)),
        ) {
            (Some(first), Some(last)) if end > start => first.span.cover(last.span),
            (Some(first), _) => Span::new(first.span.start, first.span.start),
            _ => Span::default(),
        }
    }

    /// Are items `start..end` all words (no figure, no punctuation)?
    #[must_use]
    pub fn only_words(&self, start: usize, end: usize) -> bool {
        self.items[start..end.min(self.items.len())]
            .iter()
            .all(|item| matches!(item.token, Token::Word(_)))
    }

    /// The next figure at or after item `at`, within `max` items: its position.
    #[must_use]
    pub fn next_figure(&self, at: usize, max: usize) -> Option<usize> {
        (at..self.items.len().min(at + max + 1)).find(|&i| self.figure(i).is_some())
    }
}

/// Does `pattern` begin with `word` (ASCII case folded), followed by a space or its end?
fn starts_with_word(pattern: &str, word: &str) -> bool {
    let (pattern, word) = (pattern.as_bytes(), word.as_bytes());
    pattern.len() >= word.len()
        && pattern[..word.len()].eq_ignore_ascii_case(word)
        && pattern.get(word.len()).is_none_or(|&b| b == b' ')
}

/// Does a word name something (capitalised) rather than say something? The first word of a
/// sentence is capitalised anyway; callers look at words after it.
#[must_use]
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A plural or singular noun folded to a key: "councils" and "council", "companies" and
/// "company" meet.
#[must_use]
pub fn noun_key(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") {
        return lower;
    }
    lower.strip_suffix('s').map_or(lower.clone(), str::to_owned)
}

/// The character at byte `at` of `text` and its width: ASCII directly, else decoded.
#[inline]
fn char_at(text: &str, bytes: &[u8], at: usize) -> (char, usize) {
    let byte = bytes[at];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    text[at..]
        .chars()
        .next()
        .map_or((char::REPLACEMENT_CHARACTER, 1), |c| (c, c.len_utf8()))
}
