//! Whether a document is written in English. claimlint's word lists — hedges, sources and
//! attributions, units, number words, and the wording the consistency rules read ("of the",
//! "out of", "won 36 to 19") — are English. On a page in another language they misread: a
//! recipe's ingredients come out as uncited counts, a list of servings as a sum that does not
//! add up. So a document found to be in another language keeps its figures (digits read the
//! same in every language) but the rules that read words pass it by, and `input/language` says
//! so once.
//!
//! The text decides, not the markup: pages often declare the language of their site's template
//! (`<html lang="en">` over a German article). A long enough text is English when English
//! function words make up a fair share of its words and its letters are mostly Latin; a text
//! too short to tell is taken at its declared language, and English when it declares none.

use crate::document::Document;

/// Words read at most: the language of a long document shows in its first pages.
const WORDS_READ: usize = 20_000;

/// Words a text needs before its own words decide (below, the declaration does).
const MIN_WORDS: usize = 100;

/// Letters a text needs before its script decides (a few dozen words of Cyrillic or a
/// sentence of Chinese, which has no spaces between words).
const MIN_LETTERS: usize = 200;

/// English function words per thousand words below which a Latin-script text is not English.
/// Over 352 English documents of every genre they made 50 to 242 per thousand (130 to 210 for
/// nine in ten); over 20 pages in Portuguese, German, Italian, Indonesian, Russian, Korean and
/// Japanese, 11 or fewer, from borrowed titles and names.
const MIN_ENGLISH_PER_MILLE: usize = 20;

/// English function words per thousand words above which a Latin-script text that declares
/// English is taken at its word (the sparse English of a table of results or scores).
const MIN_DECLARED_ENGLISH_PER_MILLE: usize = 5;

/// Words common in every English text and rare in other languages written in Latin letters
/// ("to", "is", "of", "was", "in", "an", "die" and "also" are words of Polish, Dutch, German;
/// they are left out). Lower case, sorted for the binary search.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "about", "after", "and", "are", "be", "been", "between", "but", "by", "for", "from", "has", "have",
    "into", "it", "its", "not", "only", "or", "than", "that", "the", "their", "there", "these", "they",
    "this", "were", "which", "with", "would",
];

/// Function words of the other languages written in Latin letters that pages come in most
/// (French, German, Spanish, Portuguese, Italian, Dutch and the Scandinavian languages), none
/// of them an English word or a common part of names in English text ("Los Angeles", "Del
/// Monte", "est." for estimated, "til"). Lower case, sorted for the binary search.
const OTHER_FUNCTION_WORDS: &[&str] = &[
    "auf", "aux", "avec", "como", "dans", "das", "della", "des", "det", "du", "eine", "för", "für", "gli",
    "har", "het", "ikke", "ist", "les", "mit", "nicht", "niet", "não", "och", "og", "para", "pas", "pour",
    "på", "que", "qui", "sich", "som", "sono", "sur", "und", "une", "voor", "wird", "zijn",
];

/// Function words of other languages per thousand words from which a text is taken to be in
/// another language, whatever it declares, when they outnumber its English ones twice over:
/// an article in French under a template that says `lang="en"` and keeps its menus in English.
const MIN_OTHER_PER_MILLE: usize = 40;

/// The script most of a text's letters are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    /// Chinese, Japanese and Korean.
    Cjk,
    Thai,
    Other,
}

impl Script {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Latin => "Latin",
            Self::Cyrillic => "Cyrillic",
            Self::Greek => "Greek",
            Self::Arabic => "Arabic",
            Self::Hebrew => "Hebrew",
            Self::Devanagari => "Devanagari",
            Self::Cjk => "Chinese, Japanese or Korean",
            Self::Thai => "Thai",
            Self::Other => "another",
        }
    }

    fn of(c: char) -> Self {
        match u32::from(c) {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Self::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Self::Greek,
            0x400..=0x52F => Self::Cyrillic,
            0x590..=0x5FF => Self::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F => Self::Arabic,
            0x900..=0x97F => Self::Devanagari,
            0xE00..=0xE7F => Self::Thai,
            0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF => {
                Self::Cjk
            }
            _ => Self::Other,
        }
    }
}

/// A document found not to be in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    /// The language its markup declares (`<html lang>`, `xml:lang`, front matter `lang:`).
    pub declared: Option<String>,
    /// The script most of its letters are in.
    pub script: Script,
    /// English function words per thousand words read (of its first `WORDS_READ`).
    pub english_per_mille: usize,
}

/// What the words of a text show.
#[derive(Debug, Default)]
struct Tally {
    words: usize,
    english: usize,
    /// Words of `OTHER_FUNCTION_WORDS`.
    other: usize,
    letters: [usize; 9],
}

impl Tally {
    fn of(text: &str) -> Self {
        let mut tally = Self::default();
        for word in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(WORDS_READ)
        {
            tally.words += 1;
            if word.len() <= 7 && word.is_ascii() && is_english_function_word(word) {
                tally.english += 1;
            } else if word.len() <= 6 && is_other_function_word(word) {
                tally.other += 1;
            }
            for c in word.chars() {
                tally.letters[Script::of(c) as usize] += 1;
            }
        }
        tally
    }

    fn script(&self) -> Script {
        const ALL: [Script; 9] = [
            Script::Latin,
            Script::Cyrillic,
            Script::Greek,
            Script::Arabic,
            Script::Hebrew,
            Script::Devanagari,
            Script::Cjk,
            Script::Thai,
            Script::Other,
        ];
        ALL.into_iter()
            .max_by_key(|s| self.letters[*s as usize])
            .unwrap_or(Script::Latin)
    }
}

pub(crate) fn is_english_function_word(word: &str) -> bool {
    in_word_list(ENGLISH_FUNCTION_WORDS, word)
}

fn is_other_function_word(word: &str) -> bool {
    in_word_list(OTHER_FUNCTION_WORDS, word)
}

/// Whether `word` is in `list` (lower case, sorted), in any case. ASCII words (most) are
/// lowered on the stack; "för", "på", "não" the long way.
fn in_word_list(list: &[&str], word: &str) -> bool {
    if !word.is_ascii() {
        return list.binary_search(&word.to_lowercase().as_str()).is_ok();
    }
    let mut lower = [0u8; 8];
    let Some(slots) = lower.get_mut(..word.len()) else {
        return false;
    };
    for (slot, byte) in slots.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    list.binary_search_by(|w| w.as_bytes().cmp(&lower[..word.len()]))
        .is_ok()
}

/// True when a declared language tag names English (`en`, `en-GB`, `EN_us`).
fn declares_english(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng")
}

/// The document's language when it is not English; `None` for English (and for a text too
/// short to tell that declares no other language).
#[must_use]
pub fn detect(document: &Document) -> Option<Foreign> {
    let tally = Tally::of(&document.text);
    let declared = document
        .declared_language
        .as_deref()
        .map(str::trim)
        .filter(|tag| !tag.is_empty());
    let script = tally.script();
    let letters: usize = tally.letters.iter().sum();
    let english_per_mille = (tally.english * 1000).checked_div(tally.words).unwrap_or(0);
    let other_per_mille = (tally.other * 1000).checked_div(tally.words).unwrap_or(0);
    let foreign = if letters >= MIN_LETTERS && script != Script::Latin {
        true
    } else if tally.words >= MIN_WORDS && script == Script::Latin && other_per_mille >= MIN_OTHER_PER_MILLE {
        // A page in several languages is read as the one it declares when that one's words
        // outnumber English ones (a German appeal with its translations below).
        other_per_mille > 2 * english_per_mille
            || (declared.is_some_and(|tag| !declares_english(tag)) && other_per_mille > english_per_mille)
    } else if tally.words >= MIN_WORDS && script == Script::Latin {
        // A page that declares English and has some English words is English however few
        // they are (a table of results, a list of scorers); a template's `lang="en"` over a
        // German article has next to none.
        english_per_mille < MIN_ENGLISH_PER_MILLE
            && !(declared.is_some_and(declares_english)
                && english_per_mille >= MIN_DECLARED_ENGLISH_PER_MILLE)
    } else {
        declared.is_some_and(|tag| !declares_english(tag))
    };
    foreign.then(|| Foreign {
        declared: declared.map(str::to_owned),
        script,
        english_per_mille,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_the_search() {
        assert!(ENGLISH_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_FUNCTION_WORDS.iter().all(|w| w.len() <= 7));
    }

    #[test]
    fn function_words_are_found_in_any_case() {
        assert!(is_english_function_word("The"));
        assert!(is_english_function_word("WITH"));
        assert!(!is_english_function_word("der"));
        assert!(!is_english_function_word("theirs"));
    }

    #[test]
    fn other_function_words_are_sorted_and_none_is_english() {
        assert!(OTHER_FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(OTHER_FUNCTION_WORDS.iter().all(|w| !is_english_function_word(w)));
        assert!(is_other_function_word("Und"));
        assert!(!is_other_function_word("the"));
    }

    #[test]
    fn tags_that_name_english() {
        assert!(declares_english("en"));
        assert!(declares_english("en-GB"));
        assert!(declares_english("EN_us"));
        assert!(!declares_english("pt-BR"));
        assert!(!declares_english("enm"));
    }
}
