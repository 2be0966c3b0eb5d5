//! Property tests: integers written with separators or in words parse back to themselves, and
//! no input makes the pipeline panic.

mod common;

use common::parse_text;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Writes `n` with a thousands separator (",", a no-break or a thin space).
fn grouped(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// English words for `n` below a trillion ("two hundred and fifty thousand").
fn words(n: u64) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", UNITS[(n / 100) as usize]));
        }
        let rest = n % 100;
        if rest > 0 {
            if n >= 100 {
                parts.push("and".to_owned());
            }
            if rest < 20 {
                parts.push(UNITS[rest as usize].to_owned());
            } else if rest.is_multiple_of(10) {
                parts.push(TENS[(rest / 10) as usize].to_owned());
            } else {
                parts.push(format!(
                    "{}-{}",
                    TENS[(rest / 10) as usize],
                    UNITS[(rest % 10) as usize]
                ));
            }
        }
        parts.join(" ")
    }
    if n == 0 {
        return "zero".to_owned();
    }
    let mut parts = Vec::new();
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
        (1, ""),
    ] {
        let chunk = n / scale % 1000;
        if chunk > 0 {
            let text = below_thousand(chunk);
            parts.push(if name.is_empty() {
                text
            } else {
                format!("{text} {name}")
            });
        }
    }
    parts.join(" ")
}

fn single_value(text: &str) -> Option<Decimal> {
    let claims = parse_text(text, "p.txt");
    match claims.as_slice() {
        [claim] => claim.value,
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn integers_with_separators_parse_back(n in 1_000u64..1_000_000_000_000, separator in prop::sample::select(vec![",", "\u{a0}", "\u{2009}"])) {
        let text = format!("The agency counted {} visitors.", grouped(n, separator));
        prop_assert_eq!(single_value(&text), Some(Decimal::from(n)), "{}", text);
    }

    #[test]
    fn integers_in_words_parse_back(n in 2u64..1_000_000_000_000) {
        let text = format!("The agency counted {} visitors.", words(n));
        prop_assert_eq!(single_value(&text), Some(Decimal::from(n)), "{}", text);
    }

    #[test]
    fn decimals_keep_their_exact_value(whole in 0u64..100_000, fraction in 1u32..1000) {
        let text = format!("The index stood at {whole}.{fraction:03} points.");
        let expected: Decimal = format!("{whole}.{fraction:03}").parse().expect("decimal");
        prop_assert_eq!(single_value(&text), Some(expected));
    }

    #[test]
    fn no_text_makes_the_pipeline_panic(text in "\\PC{0,200}") {
        let _ = parse_text(&text, "p.txt");
        let _ = parse_text(&text, "p.md");
        let _ = parse_text(&text, "p.html");
        let _ = claimlint::ingest::parse(text.as_bytes(), std::path::Path::new("p.dbk"), &claimlint::ingest::IngestOptions::default());
    }

    #[test]
    fn figure_heavy_text_does_not_panic(parts in prop::collection::vec(prop::sample::select(vec![
        "1", "2035", ".", ",", "2", " ", "-", "–", "$", "€", "USD", "million", "percent", "%", "over", "between",
        "and", "to", "mid", "Q", "FY", "/", "¹", "[3]", "½", "one", "in", "five", "a", "trillion", "\n", "\n\n",
        "”", "’", "(", ")", ":", "th", "s", "km", "°", "C", "+", "Notes", "# ", "[^1]", "[^1]: ", "`",
        "<p>", "</p>", "<sup class=\"reference\">", "</sup>", "&euro;", "&#x20AC;", "<!--", "-->", "<script>",
        "<ol class=\"footnotes\">", "<li id=\"fn1\">", "<h2>", "<td>", "&amp", "<",
    ]), 0..60)) {
        let text: String = parts.concat();
        let _ = parse_text(&text, "p.txt");
        let _ = parse_text(&text, "p.md");
        let _ = parse_text(&text, "p.html");
        for name in ["p.dbk", "p.nxml"] {
            let wrapped = format!("<article xmlns=\"http://docbook.org/ns/docbook\"><para>{text}</para></article>");
            let _ = claimlint::ingest::parse(wrapped.as_bytes(), std::path::Path::new(name), &claimlint::ingest::IngestOptions::default());
        }
    }
}
