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
    if bytes.iter().any(u8::is_ascii_digit) {
        return true;
    }
    if !bytes.is_ascii() && sentence.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        return true;
    }
    let mut start = None;
    for (at, &byte) in bytes.iter().enumerate() {
        if byte.is_ascii_alphabetic() {
            start.get_or_insert(at);
        } else if let Some(from) = start.take()
            && is_number_word(&bytes[from..at])
        {
            return true;
        }
    }
    start.is_some_and(|from| is_number_word(&bytes[from..]))
}

/// A word (ASCII letters) that states a number: cardinals, scales, fractions, ordinals, the
/// few nouns and adverbs the scanner reads as counts or durations, and currency names (which
/// an article makes a figure of).
#[expect(clippy::too_many_lines, reason = "a word list")]
fn is_number_word(word: &[u8]) -> bool {
    if word.len() < 3 || word.len() > 12 {
        return false;
    }
    let mut buffer = [0u8; 12];
    for (slot, byte) in buffer.iter_mut().zip(word) {
        *slot = byte.to_ascii_lowercase();
    }
    let word = &buffer[..word.len()];
    // Plurals ("millions", "thirds", "decades") read as their singular.
    let singular = word.strip_suffix(b"s").unwrap_or(word);
    matches!(
        word,
        b"zero" | b"nought" | b"naught" | b"halves" | b"centuries" | b"twice" | b"thrice"
    ) || matches!(
        singular,
        b"one"
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
            | b"thousand"
            | b"million"
            | b"billion"
            | b"trillion"
            | b"lakh"
            | b"lac"
            | b"crore"
            | b"dozen"
            | b"half"
            | b"quarter"
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
            | b"sixtieth"
            | b"seventieth"
            | b"eightieth"
            | b"ninetieth"
            | b"hundredth"
            | b"thousandth"
            | b"millionth"
            | b"billionth"
            | b"trillionth"
            | b"first"
            | b"second"
            | b"couple"
            | b"decade"
            | b"century"
            | b"double"
            | b"triple"
            | b"quadruple"
            | b"single"
            | b"once"
            | b"pair"
            | b"score"
            // "less than a dollar a day": a currency named with an article is a figure.
            | b"dollar"
            | b"euro"
            | b"pound"
            | b"sterling"
            | b"yuan"
            | b"renminbi"
            | b"yen"
            | b"rupee"
            | b"franc"
            | b"peseta"
            | b"guilder"
            | b"markka"
            | b"markkaa"
            | b"lira"
            | b"lire"
            | b"peso"
            | b"ruble"
            | b"rouble"
            | b"rand"
            | b"ringgit"
            | b"shekel"
            | b"krona"
            | b"kronor"
            | b"cent"
            | b"penny"
            | b"pence"
    )
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
