//! Numbers written in digits: separators, decimal marks, Indian grouping, vulgar fractions.

use std::str::FromStr;

use rust_decimal::Decimal;

/// A number read from digits, with the place value of its last stated digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digits {
    pub value: Decimal,
    pub precision: Decimal,
    /// Written with no separators and no decimals (a year candidate).
    pub plain_integer: bool,
}

/// Which mark a document uses for decimals: "1,234.5" or "1.234,5".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    #[default]
    Point,
    Comma,
}

/// Reads a digit token ("1,234,567", "1.5", "1,00,000"). `None` for what is not one number:
/// lists ("1,2,3"), versions ("1.2.3"), bad grouping ("12,34").
#[must_use]
pub fn parse_digits(token: &str, mark: DecimalMark) -> Option<Digits> {
    let (group, decimal) = match mark {
        DecimalMark::Point => (',', '.'),
        DecimalMark::Comma => ('.', ','),
    };
    // A middle dot is always a decimal point ("2·46"): it never groups thousands.
    let dotted;
    let token = if token.contains('·') {
        if token.contains(decimal) {
            return None;
        }
        dotted = token.replace('·', &decimal.to_string());
        dotted.as_str()
    } else {
        token
    };
    let mut parts = token.split(decimal);
    let integer = parts.next()?;
    let fraction = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = integer.split(group).collect();
    if groups.len() > 1 && !valid_grouping(&groups) {
        return None;
    }
    let mut digits: String = groups.concat();
    let mut scale = 0u32;
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(fraction);
        scale = fraction.len() as u32;
    }
    if digits.len() > 28 {
        return None;
    }
    let value = Decimal::from_str(&digits).ok()?;
    Some(Digits {
        value,
        precision: Decimal::new(1, scale),
        plain_integer: groups.len() == 1 && fraction.is_none(),
    })
}

/// Reads a digit token deciding its decimal mark from its own shape where only one reading
/// exists, and from the document's mark only where both do. "2.5" and "14.3" are decimals in
/// any document (a group of thousands has three digits), "1.234,5" and "1,234.5" say their mark
/// themselves; "1,234" and "1.234" follow the document. So one dotted patent number
/// ("2.345.678") never makes the document's ordinary decimals disappear.
#[must_use]
pub fn read_digits(token: &str, document: DecimalMark) -> Option<Digits> {
    let (mut commas, mut points) = (0usize, 0usize);
    for byte in token.bytes() {
        commas += usize::from(byte == b',');
        points += usize::from(byte == b'.');
    }
    if commas + points == 0 {
        return parse_digits(token, document);
    }
    let after = |mark: char| token.rsplit(mark).next().map_or(0, str::len);
    let mark = match (commas, points) {
        (0, 0) => document,
        (_, 1..) if commas > 0 => {
            if token.rfind(',') > token.rfind('.') {
                DecimalMark::Comma
            } else {
                DecimalMark::Point
            }
        }
        (0, 1) if after('.') != 3 => DecimalMark::Point,
        (1, 0) if after(',') != 3 && document == DecimalMark::Comma => DecimalMark::Comma,
        _ => document,
    };
    parse_digits(token, mark)
}

/// Western grouping (1-3 digits, then threes) or Indian grouping (1-2 digits, then twos,
/// ending in three: "1,00,000", "12,34,56,789").
fn valid_grouping(groups: &[&str]) -> bool {
    let Some((first, rest)) = groups.split_first() else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return false;
    };
    if first.is_empty() || first.len() > 3 || last.len() != 3 {
        return false;
    }
    let western = middle.iter().all(|g| g.len() == 3);
    let indian = first.len() <= 2 && middle.iter().all(|g| g.len() == 2) && !middle.is_empty();
    western || indian
}

/// The value of a vulgar fraction character.
#[must_use]
pub fn vulgar_fraction(c: char) -> Option<Decimal> {
    let (numerator, denominator) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        _ => return None,
    };
    Some(round_significant(
        Decimal::from(numerator) / Decimal::from(denominator),
    ))
}

/// Rounds to the 28 significant digits DESIGN.md promises for repeating fractions.
#[must_use]
pub fn round_significant(value: Decimal) -> Decimal {
    value.round_sf(28).unwrap_or(value).normalize()
}

/// The first ASCII digit at or after `from` (`span::next_byte`).
#[must_use]
pub fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    crate::span::next_byte(bytes, from, |b| b.is_ascii_digit())
}

/// Guesses a document's decimal mark from the numbers only one convention can read:
/// "1.234,5" (or "1.234.567") means decimal commas, "1,234.5" (or "1,234,567") decimal points.
#[must_use]
pub fn detect_decimal_mark(text: &str) -> DecimalMark {
    let bytes = text.as_bytes();
    let (mut comma, mut point) = (0usize, 0usize);
    let mut at = 0;
    while let Some(start) = next_digit(bytes, at) {
        at = start;
        while at < bytes.len()
            && (bytes[at].is_ascii_digit()
                || ((bytes[at] == b',' || bytes[at] == b'.')
                    && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)))
        {
            at += 1;
        }
        let token = &text[start..at];
        let commas = token.matches(',').count();
        let points = token.matches('.').count();
        if commas > 0 && points > 0 {
            if token.rfind(',') > token.rfind('.') {
                comma += 1;
            } else {
                point += 1;
            }
        } else if points > 1 && parse_digits(token, DecimalMark::Comma).is_some() {
            comma += 1;
        } else if commas > 1 && parse_digits(token, DecimalMark::Point).is_some() {
            point += 1;
        } else if points == 1 && token.rsplit('.').next().is_some_and(|f| f.len() != 3) {
            // "2.5", "14.35": only a decimal point reads it.
            point += 1;
        } else if commas == 1 && token.rsplit(',').next().is_some_and(|f| f.len() != 3) {
            // "2,5", "88,35": only a decimal comma reads it.
            comma += 1;
        }
    }
    if comma > point {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_digit_finds_the_first_digit_at_or_after() {
        let text = "no digits in the first sixteen bytes, then 7 and é9";
        let bytes = text.as_bytes();
        let seven = text.find('7').expect("a seven");
        assert_eq!(next_digit(bytes, 0), Some(seven));
        assert_eq!(next_digit(bytes, seven), Some(seven));
        assert_eq!(next_digit(bytes, seven + 1), text.find('9'));
        assert_eq!(next_digit(bytes, text.len()), None);
        assert_eq!(next_digit(b"abc", 0), None);
        assert_eq!(next_digit(b"", 0), None);
    }

    fn value(token: &str) -> Option<String> {
        parse_digits(token, DecimalMark::Point).map(|d| d.value.to_string())
    }

    #[test]
    fn separators_and_decimals() {
        assert_eq!(value("1,234,567").as_deref(), Some("1234567"));
        assert_eq!(value("0.1").as_deref(), Some("0.1"));
        assert_eq!(value("1,00,000").as_deref(), Some("100000"));
        assert_eq!(value("12,34,56,789").as_deref(), Some("123456789"));
        assert_eq!(value("1,2,3"), None);
        assert_eq!(value("1.2.3"), None);
        assert_eq!(value("12,34"), None);
    }

    #[test]
    fn decimal_comma_documents() {
        let digits = parse_digits("1.234,5", DecimalMark::Comma).unwrap();
        assert_eq!(digits.value.to_string(), "1234.5");
        assert_eq!(digits.precision.to_string(), "0.1");
        assert_eq!(
            detect_decimal_mark("costs 1.234,5 and 2.000.000"),
            DecimalMark::Comma
        );
        assert_eq!(
            detect_decimal_mark("costs 1,234.5 and 2,000,000"),
            DecimalMark::Point
        );
    }

    #[test]
    fn precision_is_the_last_stated_place() {
        assert_eq!(
            parse_digits("30.2", DecimalMark::Point)
                .unwrap()
                .precision
                .to_string(),
            "0.1"
        );
        assert_eq!(
            parse_digits("70", DecimalMark::Point)
                .unwrap()
                .precision
                .to_string(),
            "1"
        );
    }
}
