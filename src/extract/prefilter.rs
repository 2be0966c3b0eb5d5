//! Which sentences can hold a figure at all, decided without tokenising them: most sentences
//! of prose hold no digit and no number word, and the scanner would only walk their words to
//! find nothing.

/// Whether `sentence` may hold a figure: it has a digit (any script, superscripts and vulgar
/// fractions included) or a word that states a number without digits ("three", "a dozen",
/// "half", "first", "a couple of", "a decade"). A sentence this says no to gives no mention,
/// so the scanner skips it; one it says yes to is read as before.
#[must_use]
pub fn may_hold_figure(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    if crate::extract::number::next_digit(bytes, 0).is_some() {
        return true;
    }
    if !bytes.is_ascii() && sentence.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        return true;
    }
    SEEN.with(|seen| {
        let seen = &mut *seen.borrow_mut();
        let mut start = None;
        for (at, &byte) in bytes.iter().enumerate() {
            if byte.is_ascii_alphabetic() {
                start.get_or_insert(at);
            } else if let Some(from) = start.take()
                && is_number_word_seen(seen, &bytes[from..at])
            {
                return true;
            }
        }
        start.is_some_and(|from| is_number_word_seen(seen, &bytes[from..]))
    })
}

/// Words the answer of `is_number_word` is remembered for, per thread: prose repeats its
/// words, and a lookup costs less than the lexicon's several tests.
const SEEN_WORDS: usize = 1 << 16;

/// A word of 3 to 12 ASCII letters packed into one number, its bytes in order (no two words
/// share a key).
fn word_key(word: &[u8]) -> u128 {
    word.iter()
        .fold(0u128, |key, &byte| (key << 8) | u128::from(byte))
}

/// Hashes a word key by one multiplication: the keys are already unique numbers.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u128(&mut self, key: u128) {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type SeenWords = std::collections::HashMap<u128, bool, std::hash::BuildHasherDefault<KeyHasher>>;

thread_local! {
    /// This thread's answers of `is_number_word`, by word key.
    static SEEN: std::cell::RefCell<SeenWords> = std::cell::RefCell::default();
}

/// `is_number_word`, remembered in `seen` for up to `SEEN_WORDS` words.
fn is_number_word_seen(seen: &mut SeenWords, word: &[u8]) -> bool {
    if word.len() < 3 || word.len() > 12 {
        return false;
    }
    let key = word_key(word);
    if let Some(&known) = seen.get(&key) {
        return known;
    }
    let answer = is_number_word(word);
    if seen.len() < SEEN_WORDS {
        seen.insert(key, answer);
    }
    answer
}

/// A word (ASCII letters) that states a number: the lexicon's cardinals, scales, fractions
/// and ordinals (plurals read as their singular), currency names (which an article makes a
/// figure of: "less than a dollar a day"), and the few nouns and adverbs the scanner reads as
/// counts or durations.
fn is_number_word(word: &[u8]) -> bool {
    use crate::lexicon::number_words::{fraction_denominator, lower, number_word, ordinal_word};
    if word.len() < 3 || word.len() > 12 {
        return false;
    }
    let Ok(word) = std::str::from_utf8(word) else {
        return false;
    };
    let mut buffer = [0u8; 24];
    let Some(len) = lower(word, &mut buffer) else {
        return false;
    };
    let lowered = &buffer[..len];
    let singular = lowered.strip_suffix(b"s").unwrap_or(lowered);
    let singular = std::str::from_utf8(singular).unwrap_or(word);
    matches!(lowered, b"centuries" | b"twice" | b"thrice" | b"once")
        || matches!(
            singular.as_bytes(),
            b"couple"
                | b"decade"
                | b"century"
                | b"double"
                | b"triple"
                | b"quadruple"
                | b"single"
                | b"pair"
                | b"score"
        )
        || number_word(singular).is_some()
        || number_word(word).is_some()
        || fraction_denominator(word).is_some()
        || ordinal_word(singular).is_some()
        || crate::lexicon::units::currency_name(word, None).is_some()
        || crate::lexicon::units::currency_name(singular, None).is_some()
}

#[cfg(test)]
mod tests {
    use super::may_hold_figure;

    #[test]
    fn digits_and_number_words_hold_figures() {
        for sentence in [
            "Sales rose 12 percent.",
            "Sales rose by three quarters.",
            "A dozen ports closed.",
            "Half of them did.",
            "It was the first such law.",
            "Within a couple of weeks.",
            "Over the past decade, output fell.",
            "Costs fell by a third",
            "Rates rose by ½.",
            "The plan runs for twenty-five years.",
            "Millions were spent.",
            "Output ٣ units.",
            "Many live on less than a dollar a day.",
        ] {
            assert!(may_hold_figure(sentence), "{sentence}");
        }
    }

    #[test]
    fn prose_without_them_holds_none() {
        for sentence in [
            "The minister said the plan would change.",
            "From early May, the port will open at the end of the week.",
            "Between the EU and the US, trade is large.",
            "Someone, anyone, none.",
        ] {
            assert!(!may_hold_figure(sentence), "{sentence}");
        }
    }
}
