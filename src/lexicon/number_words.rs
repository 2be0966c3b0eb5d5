//! The lexicon of number words: cardinals, multipliers, fractions and ordinals.

/// A word's role in a number written out in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// zero … nineteen, twenty … ninety.
    Unit(u32),
    Hundred,
    /// thousand (3), million (6), billion (9), trillion (12), lakh (5), crore (7).
    Scale(u32),
    Dozen,
}

/// Lowercases an ASCII word into a stack buffer for matching; `None` for long or non-ASCII words.
#[must_use]
pub fn lower(word: &str, buffer: &mut [u8; 24]) -> Option<usize> {
    if word.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    Some(word.len())
}

/// Matches `word` case-insensitively against a lowercase pattern.
#[must_use]
pub fn is(word: &str, pattern: &str) -> bool {
    word.eq_ignore_ascii_case(pattern)
}

/// Whether a figure can start at this word: a number or ordinal word, an article before a
/// scale, a month, a part of a year, "between", "from", a currency code or prefix. The scanner
/// skips every other word at once; most words of prose are skipped here.
#[must_use]
#[expect(clippy::too_many_lines, reason = "a word list")]
pub fn may_start_figure(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() <= 4 && bytes.iter().all(u8::is_ascii_uppercase) {
        return true; // "EUR", "US" ($), "HK", "FY", "Q", "H", "RMB", "A" ($)
    }
    let mut buffer = [0u8; 24];
    let Some(len) = lower(word, &mut buffer) else {
        return false;
    };
    matches!(
        &buffer[..len],
        b"a" | b"an"
            | b"half"
            | b"quarter"
            | b"minus"
            | b"negative"
            | b"between"
            | b"from"
            | b"mid"
            | b"early"
            | b"late"
            | b"end"
            | b"beginning"
            | b"start"
            | b"mex"
            | b"zero"
            | b"nought"
            | b"naught"
            | b"rs"
            | b"rp"
            | b"rm"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"hundred"
            | b"dozen"
            | b"thousand"
            | b"million"
            | b"billion"
            | b"trillion"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"tenth"
            | b"eleventh"
            | b"twelfth"
            | b"thirteenth"
            | b"fourteenth"
            | b"fifteenth"
            | b"sixteenth"
            | b"seventeenth"
            | b"eighteenth"
            | b"nineteenth"
            | b"twentieth"
            | b"thirtieth"
            | b"fortieth"
            | b"fiftieth"
            | b"hundredth"
            | b"thousandth"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

#[must_use]
pub fn number_word(word: &str) -> Option<NumberWord> {
    let mut buffer = [0u8; 24];
    let len = lower(word, &mut buffer)?;
    let word = std::str::from_utf8(&buffer[..len]).ok()?;
    Some(match word {
        "zero" => NumberWord::Unit(0),
        "one" => NumberWord::Unit(1),
        "two" => NumberWord::Unit(2),
        "three" => NumberWord::Unit(3),
        "four" => NumberWord::Unit(4),
        "five" => NumberWord::Unit(5),
        "six" => NumberWord::Unit(6),
        "seven" => NumberWord::Unit(7),
        "eight" => NumberWord::Unit(8),
        "nine" => NumberWord::Unit(9),
        "ten" => NumberWord::Unit(10),
        "eleven" => NumberWord::Unit(11),
        "twelve" => NumberWord::Unit(12),
        "thirteen" => NumberWord::Unit(13),
        "fourteen" => NumberWord::Unit(14),
        "fifteen" => NumberWord::Unit(15),
        "sixteen" => NumberWord::Unit(16),
        "seventeen" => NumberWord::Unit(17),
        "eighteen" => NumberWord::Unit(18),
        "nineteen" => NumberWord::Unit(19),
        "twenty" => NumberWord::Unit(20),
        "thirty" => NumberWord::Unit(30),
        "forty" => NumberWord::Unit(40),
        "fifty" => NumberWord::Unit(50),
        "sixty" => NumberWord::Unit(60),
        "seventy" => NumberWord::Unit(70),
        "eighty" => NumberWord::Unit(80),
        "ninety" => NumberWord::Unit(90),
        "hundred" => NumberWord::Hundred,
        "dozen" | "dozens" => NumberWord::Dozen,
        _ => return scale_word(word).map(NumberWord::Scale),
    })
}

/// The factors of the scale words a figure may have lost in the reading ("$445" where a
/// filing's notes are "in millions", "$1,728" with its "million" past a page break).
pub const SCALE_STEPS: [u64; 3] = [1_000, 1_000_000, 1_000_000_000];

/// The power of ten of a scale word written out ("million" → 6).
#[must_use]
pub fn scale_word(word: &str) -> Option<u32> {
    let mut buffer = [0u8; 24];
    let len = lower(word, &mut buffer)?;
    Some(match &buffer[..len] {
        b"thousand" => 3,
        b"million" | b"millions" => 6,
        b"billion" | b"billions" => 9,
        b"trillion" | b"trillions" => 12,
        b"lakh" | b"lakhs" | b"lac" | b"lacs" => 5,
        b"crore" | b"crores" => 7,
        _ => return None,
    })
}

/// The power of ten of an abbreviated scale ("bn" → 9). `strict` forms are read after any
/// number; the others ("m", "k", "b") only where money or a glued suffix makes them scales.
#[must_use]
pub fn scale_abbreviation(word: &str) -> Option<(u32, bool)> {
    Some(match word {
        "bn" | "Bn" | "BN" | "bln" => (9, true),
        "mn" | "Mn" | "mln" => (6, true),
        "tn" | "Tn" | "trn" | "tln" | "trln" => (12, true),
        "m" | "M" | "MM" | "mm" | "mil" => (6, false),
        "T" => (12, false),
        "k" | "K" => (3, false),
        "b" | "B" => (9, false),
        // "Rs 300 Cr": crore, after money only ("18 Cr" may be chromium).
        "Cr" | "cr" | "Crs" | "crs" => (7, false),
        _ => return None,
    })
}

/// Denominators of fractions written in words ("three quarters" → 4, "two hundredths" → 100,
/// "a trillionth" → 10¹²). "first" and "second" are none: "one second" is a duration.
#[must_use]
pub fn fraction_denominator(word: &str) -> Option<u64> {
    let mut buffer = [0u8; 24];
    let len = lower(word, &mut buffer)?;
    let lowered = &buffer[..len];
    Some(match lowered {
        b"half" | b"halves" => 2,
        b"quarter" | b"quarters" => 4,
        _ => {
            let singular = lowered.strip_suffix(b"s").unwrap_or(lowered);
            match singular {
                b"millionth" => 1_000_000,
                b"billionth" => 1_000_000_000,
                b"trillionth" => 1_000_000_000_000,
                _ => {
                    let value = ordinal_word(std::str::from_utf8(singular).ok()?)?;
                    if value <= 2 {
                        return None;
                    }
                    u64::from(value)
                }
            }
        }
    })
}

/// The value of an ordinal word ("first" → 1, "twelfth" → 12).
#[must_use]
pub fn ordinal_word(word: &str) -> Option<u32> {
    let mut buffer = [0u8; 24];
    let len = lower(word, &mut buffer)?;
    Some(match &buffer[..len] {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        b"fortieth" => 40,
        b"fiftieth" => 50,
        b"hundredth" => 100,
        b"thousandth" => 1000,
        _ => return None,
    })
}

/// Does the ordinal suffix fit the number ("1st", "2nd", "3rd", "11th", "12th")?
#[must_use]
pub fn ordinal_suffix_fits(number: u64, suffix: &str) -> bool {
    let expected = match (number % 10, number % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    suffix.eq_ignore_ascii_case(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_that_starts_a_figure_passes_the_gate() {
        let words = "zero one two three four five six seven eight nine ten eleven twelve thirteen \
            fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty \
            seventy eighty ninety hundred dozen thousand million billion trillion first second \
            third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth \
            hundredth January February March April May June July August September October \
            November December Sept a an half between from mid early late end beginning start";
        for word in words.split_whitespace() {
            assert!(may_start_figure(word), "{word}");
            let capitalised = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            assert!(may_start_figure(&capitalised), "{capitalised}");
        }
        for word in ["the", "growth", "percent", "Internet", "approaching"] {
            assert!(!may_start_figure(word), "{word}");
        }
    }

    #[test]
    fn ordinal_suffixes() {
        assert!(ordinal_suffix_fits(12, "th"));
        assert!(ordinal_suffix_fits(21, "st"));
        assert!(!ordinal_suffix_fits(11, "st"));
        assert!(ordinal_suffix_fits(113, "th"));
    }
}
