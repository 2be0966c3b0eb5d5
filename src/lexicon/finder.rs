//! A word-list automaton that costs little to build for a small run and searches fast in a
//! large one.
//!
//! An Aho-Corasick DFA over a long list (a hundred cues and more) searches about five times
//! faster than the contiguous NFA the crate picks for such lists, but takes three times as long
//! to build (about 2 ms against 0.7 ms for 175 cues): on a 1 KB file the build is most of the
//! run, on a 20 MB one the search is. So the NFA serves the first searches, and once they have
//! read `DFA_AFTER_BYTES` of text the DFA is built and serves the rest. Both find the same
//! matches.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// Bytes searched by the NFA before the DFA is built: a few hundred kilobytes, whose search at
/// NFA speed costs about what building the DFA does.
const DFA_AFTER_BYTES: usize = 300_000;

/// A word list's automaton, NFA first and DFA once the list is searched often.
pub struct Finder {
    build: fn(Option<AhoCorasickKind>) -> AhoCorasick,
    nfa: OnceLock<AhoCorasick>,
    dfa: OnceLock<AhoCorasick>,
    searched: AtomicUsize,
}

impl Finder {
    /// A finder whose automata `build` makes, given the kind wanted.
    #[must_use]
    pub const fn new(build: fn(Option<AhoCorasickKind>) -> AhoCorasick) -> Self {
        Self {
            build,
            nfa: OnceLock::new(),
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
        }
    }

    /// The automaton to search `haystack` with.
    pub fn get(&self, haystack: &str) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        if self.searched.fetch_add(haystack.len(), Ordering::Relaxed) + haystack.len() < DFA_AFTER_BYTES {
            return self
                .nfa
                .get_or_init(|| (self.build)(Some(AhoCorasickKind::ContiguousNFA)));
        }
        self.dfa.get_or_init(|| (self.build)(Some(AhoCorasickKind::DFA)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(kind: Option<AhoCorasickKind>) -> AhoCorasick {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(kind)
            .build(["for example", "we estimate", "example"])
            .expect("the words build")
    }

    #[test]
    fn the_nfa_and_the_dfa_find_the_same() {
        static FINDER: Finder = Finder::new(build);
        let text = "For example, we estimate the example.";
        let first: Vec<_> = FINDER
            .get(text)
            .find_overlapping_iter(text)
            .map(|m| (m.pattern(), m.span()))
            .collect();
        assert_eq!(FINDER.get(text).kind(), AhoCorasickKind::ContiguousNFA);
        // One long text turns the finder to its DFA at once.
        let long = text.repeat(DFA_AFTER_BYTES / text.len());
        assert_eq!(FINDER.get(&long).kind(), AhoCorasickKind::DFA);
        let later: Vec<_> = FINDER
            .get(text)
            .find_overlapping_iter(text)
            .map(|m| (m.pattern(), m.span()))
            .collect();
        assert_eq!(first, later);
        // "for example" holds "example": overlapping matches find both.
        assert_eq!(first.len(), 4);
    }
}
