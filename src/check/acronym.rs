//! `consistency/acronym`: one acronym defined with two different expansions, as in
//! "Alliance for Industrial Internet (AII)" and later "Alliance of the Industrial Internet (AII)".
//!
//! A definition is words followed by the acronym in brackets whose initials spell it (small
//! function words may be skipped). Expansions are compared ignoring case and hyphens.

use std::collections::HashMap;

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::span::Span;

/// Words an acronym may skip.
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "to", "a", "an", "&", "de", "du", "des", "la", "le",
];
/// Most words an expansion may have.
const MAX_WORDS: usize = 12;

pub fn acronym(context: &Context<'_>) -> Vec<Finding> {
    let text = &context.document.text;
    let mut first: HashMap<String, (String, String, Span)> = HashMap::new();
    let mut findings = Vec::new();
    for block in &context.document.blocks {
        let slice = &text[block.span.range()];
        for (open, _) in slice.match_indices('(') {
            let Some(close) = super::window_after(slice, open, 16).find(')') else {
                continue;
            };
            let inner = &slice[open + 1..open + close];
            if !is_acronym(inner) {
                continue;
            }
            let Some(expansion) = expansion(&slice[..open], inner) else {
                continue;
            };
            let span = Span::new(block.span.start + open + 1, block.span.start + open + close);
            let normalised = normalise(&expansion);
            match first.get(inner) {
                None => {
                    first.insert(inner.to_owned(), (normalised, expansion, span));
                }
                Some((earlier, earlier_expansion, earlier_span)) if !same_expansion(earlier, &normalised) => {
                    findings.push(
                        Finding::at(Place::Text(span))
                            .with("acronym", inner)
                            .with("expansion", expansion.clone())
                            .with("earlier", earlier_expansion.clone())
                            .related(
                                format!("{inner} is first defined as “{earlier_expansion}”"),
                                Place::Text(*earlier_span),
                            ),
                    );
                }
                Some(_) => {}
            }
        }
    }
    findings
}

/// Two to ten letters, at least two capitals, starting with a capital: `AII`, `MoU`, `NB-IoT`.
fn is_acronym(text: &str) -> bool {
    let capitals = text.chars().filter(char::is_ascii_uppercase).count();
    (2..=10).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && capitals >= 2
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '&')
}

/// The words before the bracket whose initials spell `acronym`, read backwards.
fn expansion(before: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let words: Vec<&str> = before.split_whitespace().rev().take(MAX_WORDS + 4).collect();
    let mut remaining = letters.len();
    let mut used = 0;
    for word in &words {
        if remaining == 0 {
            break;
        }
        // An expansion does not run back across another bracket ("the Natural Resources
        // Agency (CNRA) and the Air Resources Board (CARB)").
        if word.ends_with([')', ']']) {
            return None;
        }
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric());
        let initial = clean.chars().next().map(|c| c.to_ascii_lowercase());
        if initial == Some(letters[remaining - 1]) {
            remaining -= 1;
            // Hyphenated and camel-cased words can carry more letters ("NB-IoT", "eCommerce").
            for part in clean.split('-').skip(1) {
                if remaining > 0
                    && part.chars().next().map(|c| c.to_ascii_lowercase()) == Some(letters[remaining - 1])
                {
                    remaining -= 1;
                }
            }
        } else if !FUNCTION_WORDS.contains(&clean.to_ascii_lowercase().as_str()) {
            return None;
        }
        used += 1;
    }
    if remaining > 0 || used == 0 {
        return None;
    }
    let phrase: Vec<&str> = words[..used].iter().rev().copied().collect();
    let phrase = phrase.join(" ");
    let trimmed = phrase.trim_matches(|c: char| !c.is_alphanumeric());
    // An expansion starts with a content word.
    let first = trimmed.split_whitespace().next()?;
    (!FUNCTION_WORDS.contains(&first.to_ascii_lowercase().as_str())).then(|| trimmed.to_owned())
}

/// Case, punctuation, plurals ("internal standards") and the common abbreviations of a
/// company's or a body's name ("Ltd", "Inc.", "Dept.") do not make a different expansion.
fn normalise(expansion: &str) -> String {
    expansion
        .to_lowercase()
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| match word {
            "ltd" => "limited",
            "inc" => "incorporated",
            "corp" => "corporation",
            "co" => "company",
            "dept" => "department",
            "govt" => "government",
            "intl" => "international",
            "assn" => "association",
            "natl" => "national",
            _ => word,
        })
        .map(folded_spelling)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One spelling of a word whatever its variety and number: British and American spellings
/// ("anaemia", "tumour", "haemoglobin", "centre", "analyse", "organisation") and plurals, Latin
/// ones too ("standards", "loci", "larvae"), fold into one form.
fn folded_spelling(word: &str) -> String {
    // Plurals first: "larvae" is a plural before its "ae" is a spelling.
    let singular = if let Some(stem) = word.strip_suffix('i').filter(|stem| stem.len() >= 3) {
        format!("{stem}us")
    } else if let Some(stem) = word.strip_suffix("ae").filter(|stem| stem.len() >= 3) {
        format!("{stem}a")
    } else {
        word.strip_suffix('s')
            .filter(|stem| stem.len() > 2 && !stem.ends_with(['s', 'u']))
            .unwrap_or(word)
            .to_owned()
    };
    let mut folded = singular.replace("ae", "e").replace("oe", "e");
    for (british, american) in [("our", "or"), ("tre", "ter"), ("yse", "yze")] {
        if let Some(stem) = folded.strip_suffix(british).filter(|stem| stem.len() >= 2) {
            folded = format!("{stem}{american}");
        }
    }
    folded
        .replace("isation", "ization")
        .replace("ising", "izing")
        .replace("ise", "ize")
}

/// Whether two normalised expansions name one thing: word for word the same but for the
/// word's ending ("scanning electron microscopy" and "… microscope", "transcription regulatory
/// network" and "transcriptional …"): each pair of words shares all but two letters of the
/// shorter, from its start.
fn same_expansion(one: &str, other: &str) -> bool {
    let (mut a, mut b): (Vec<&str>, Vec<&str>) = (one.split(' ').collect(), other.split(' ').collect());
    // "illegal, unreported and unregulated" and "illegal, unregulated and unreported": one list
    // of words in another order.
    if a.len() == b.len() && a != b {
        let (mut x, mut y) = (a.clone(), b.clone());
        x.sort_unstable();
        y.sort_unstable();
        if x == y {
            (a, b) = (x, y);
        }
    }
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            let shared = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
            x == y || (shared >= 5 && shared + 2 >= x.len().min(y.len()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_endings_do_not_make_another_expansion() {
        let same = |a: &str, b: &str| same_expansion(&normalise(a), &normalise(b));
        assert!(same(
            "Scanning Electron Microscopy",
            "scanning electron microscope"
        ));
        assert!(same(
            "Transcription Regulatory Network",
            "Transcriptional Regulatory Network"
        ));
        assert!(!same("water retention time", "water residence time"));
        assert!(!same(
            "standard error of the mean",
            "scanning electron microscope"
        ));
        assert!(!same(
            "Alliance for Industrial Internet",
            "Alliance of the Industrial internet"
        ));
        assert!(!same("Southwestern ecoregion", "Southern ecoregion"));
        assert!(same("Tonga Offshore Mining Ltd", "Tonga Offshore Mining Limited"));
        assert!(same("Don't Ask Don't Tell", "Don't Ask, Don't Tell"));
        assert!(same(
            "illegal, unreported, and unregulated",
            "Illegal, Unregulated and Unreported"
        ));
        // Spellings and plurals, British and American, Latin and English.
        assert!(same("severe malarial anaemia", "Severe Malaria Anemia"));
        assert!(same("quantitative trait loci", "quantitative trait locus"));
        assert!(same("World Health Organisation", "World Health Organization"));
        assert!(same("tumour necrosis factor", "tumor necrosis factors"));
        assert!(!same("severe malarial anaemia", "severe malarial asthma"));
    }

    #[test]
    fn expansions_spell_the_acronym() {
        assert_eq!(
            expansion("the rise of the Internet of Things ", "IoT").as_deref(),
            Some("Internet of Things")
        );
        assert_eq!(
            expansion("its counterpart the Alliance for Industrial Internet ", "AII").as_deref(),
            Some("Alliance for Industrial Internet")
        );
        assert_eq!(
            expansion("The Alliance of the Industrial internet ", "AII").as_deref(),
            Some("Alliance of the Industrial internet")
        );
        assert_eq!(expansion("negotiating a new ", "MoU"), None);
        assert_eq!(
            expansion(
                "the Natural Resources Agency (CNRA) and the Air Resources Board ",
                "CARB"
            ),
            None
        );
    }
}
