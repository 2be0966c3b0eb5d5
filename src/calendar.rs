//! Month names and whole-line dates, shared by the readers (document dates) and the extractor.

use crate::document::Date;

/// The month number of an English month name or its usual abbreviation ("Sept", "Sep.").
#[must_use]
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    let mut lower = [0u8; 9];
    for (slot, byte) in lower.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    Some(match &lower[..word.len()] {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

/// Days in a month, for validating stated dates.
#[must_use]
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// A date from year, month and day, if it exists.
#[must_use]
pub fn valid_date(year: i32, month: u8, day: u8) -> Option<Date> {
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date {
        year,
        month: Some(month),
        day: Some(day),
    })
}

/// Reads a line that is nothing but a date: "4 July 2021", "July 4, 2021", "2021-07-04",
/// "Date: 4 July 2021". Used for the date line near the top of a document and for front matter.
#[must_use]
pub fn parse_date_line(line: &str) -> Option<Date> {
    let line = line.trim().trim_matches(|c| c == '"' || c == '\'');
    let line = ["date:", "published:", "dated"]
        .iter()
        .find_map(|prefix| {
            line.get(..prefix.len())
                .filter(|head| head.eq_ignore_ascii_case(prefix))
                .map(|_| line[prefix.len()..].trim())
        })
        .unwrap_or(line);
    if let Some(date) = parse_iso_date(line) {
        return Some(date);
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| w.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y));
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits.parse::<u8>().ok()
    };
    match words.as_slice() {
        [d, m, y] if month_number(m).is_some() => valid_date(year(y)?, month_number(m)?, day(d)?),
        [m, d, y] if month_number(m).is_some() => valid_date(year(y)?, month_number(m)?, day(d)?),
        [m, y] => Some(Date {
            year: year(y)?,
            month: Some(month_number(m)?),
            day: None,
        }),
        _ => None,
    }
}

/// "2021-07-04", optionally followed by a time ("2021-07-04T10:00:00Z").
#[must_use]
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let head = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
        return None;
    }
    let bytes = head.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = head[..4].parse().ok()?;
    let month = head[5..7].parse().ok()?;
    let day = head[8..10].parse().ok()?;
    valid_date(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_in_the_usual_orders() {
        let expected = Some(Date {
            year: 2021,
            month: Some(7),
            day: Some(4),
        });
        assert_eq!(parse_date_line("4 July 2021"), expected);
        assert_eq!(parse_date_line("July 4, 2021"), expected);
        assert_eq!(parse_date_line("Date: 2021-07-04"), expected);
        assert_eq!(parse_date_line("31 February 2021"), None);
        assert_eq!(parse_date_line("Main findings and recommendations"), None);
    }

    #[test]
    fn month_abbreviations() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("MAY"), Some(5));
        assert_eq!(month_number("mayday"), None);
    }
}
