//! Years, periods and dates: "in 2020", "2011-2015", "2016-17", "from 2014 to 2020",
//! "FY2023/24", "the 1990s", "4 July 2021", "December 2020", "mid-2021", "end 2020", "Q3 2021".

use rust_decimal::Decimal;

use super::numeral::Numeral;
use super::token::TokenKind;
use super::{Figure, Parsed, Scanner};
use crate::calendar::{month_number, valid_date};
use crate::claim::Kind;
use crate::document::Date;
use crate::lexicon::number_words::{is, ordinal_word};

/// Words after which a four-digit number is a year even in a count-like position.
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "by",
    "since",
    "from",
    "until",
    "till",
    "to",
    "after",
    "before",
    "during",
    "of",
    "for",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "end",
    "year",
    "fiscal",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "the",
    "its",
    "s",
    "than",
    "between",
    "as",
    "circa",
    "christmas",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "at",
    "on",
    "within",
    "post",
    "pre",
    "ago",
];

impl Scanner<'_> {
    /// The figure starting at token `at`, if any.
    pub(super) fn figure_at(&self, at: usize) -> Option<Parsed> {
        let token = self.tokens[at];
        match token.kind {
            TokenKind::Number => {
                if self.is_quoted_name(at) || self.is_plural_of_number(at) {
                    return None;
                }
                self.date_from_day(at)
                    .or_else(|| self.iso_date(at))
                    .or_else(|| self.era_year(at))
                    .or_else(|| self.year_or_period(at))
                    .or_else(|| self.ordinal_digits(at))
                    .or_else(|| self.value(at))
            }
            TokenKind::Word => {
                let word = self.surface(at);
                if let Some(date) = self.date_from_word(at) {
                    return Some(date);
                }
                if is(word, "between") {
                    return self.years_joined(at, &["and"]).or_else(|| self.between(at));
                }
                if is(word, "from") {
                    return self.years_joined(at, &["to", "until", "till", "through", "-", "–"]);
                }
                self.value(at).or_else(|| self.ordinal_word(at))
            }
            TokenKind::Punct(_) => self.value(at),
        }
    }

    /// A year of an era, of any number of digits: "500 BC", "AD 79", "476 CE", "100–650 CE"
    /// (a period), "500–300 BCE" (a period, counted back). Years before the era are negative.
    fn era_year(&self, at: usize) -> Option<Parsed> {
        let digits = |index: usize| {
            self.token(index).filter(|t| t.is_number()).and_then(|t| {
                let surface = &self.text[t.span.range()];
                (surface.len() <= 4 && surface.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| surface.parse::<i32>().ok())
                    .flatten()
                    .filter(|&year| year > 0)
            })
        };
        let first = digits(at)?;
        // "AD 79": the era before the year.
        if at > 0 && self.word(at - 1).is_some_and(|w| matches!(w, "AD" | "CE")) && !self.glued(at) {
            return Some(self.temporal(Kind::Year, Figure::Year(first), at - 1, at + 1));
        }
        let (second, after) = if self.is_dash(at + 1) && digits(at + 2).is_some() {
            (digits(at + 2), at + 3)
        } else {
            (None, at + 1)
        };
        let (before_era, end) = self.era_after(after)?;
        // "40 AD cards": after a figure standing alone, "AD" may be another word; a year of the
        // era follows a word of time ("in 79 AD", "by 1200 CE") or closes a period.
        let timed = at > 0
            && self.word(at - 1).is_some_and(|w| {
                [
                    "in", "by", "since", "from", "until", "to", "of", "around", "about", "circa", "c", "ca",
                    "before", "after", "and", "year", "between", "the",
                ]
                .iter()
                .any(|t| w.eq_ignore_ascii_case(t))
            });
        if !before_era && second.is_none() && !timed {
            return None;
        }
        let sign = |year: i32| if before_era { -year } else { year };
        Some(match second {
            Some(second) => {
                let (a, b) = (sign(first), sign(second));
                self.temporal(Kind::Period, Figure::Period(a.min(b), a.max(b)), at, end)
            }
            None => self.temporal(Kind::Year, Figure::Year(sign(first)), at, end),
        })
    }

    /// An era's name at `at` ("BC", "BCE", "CE", "AD", "B.C.", "A.D.", "B.C.E."): whether it
    /// counts back, and the token after it.
    fn era_after(&self, at: usize) -> Option<(bool, usize)> {
        let word = self.word(at)?;
        if !self.glued(at) {
            match word {
                "BC" | "BCE" => return Some((true, at + 1)),
                "CE" | "AD" => return Some((false, at + 1)),
                _ => {}
            }
        }
        // "B.C.", "A.D.", "B.C.E.", "C.E.": letters and dots glued together.
        let mut letters = String::new();
        let mut end = at;
        while let Some(letter) = self.word(end).filter(|w| w.len() == 1)
            && self.punct_is(end + 1, '.')
            && self.glued(end + 1)
            && (end == at || self.glued(end))
        {
            letters.push_str(letter);
            end += 2;
        }
        match letters.as_str() {
            "BC" | "BCE" => Some((true, end)),
            "AD" | "CE" => Some((false, end)),
            _ => None,
        }
    }

    /// A plain four-digit number that can be a year.
    fn year_value(&self, at: usize) -> Option<i32> {
        let token = self.token(at).filter(|t| t.is_number())?;
        let surface = &self.text[token.span.range()];
        if surface.len() != 4 {
            return None;
        }
        let year: i32 = surface.parse().ok()?;
        (1000..=2999).contains(&year).then_some(year)
    }

    /// The year of a period's second end: four digits, or two digits in the first's century
    /// ("2016-17").
    fn second_year(&self, at: usize, first: i32) -> Option<i32> {
        if let Some(year) = self.year_value(at) {
            return Some(year);
        }
        let token = self.token(at).filter(|t| t.is_number())?;
        let surface = &self.text[token.span.range()];
        if surface.len() != 2 {
            return None;
        }
        let short: i32 = surface.parse().ok()?;
        let mut year = first / 100 * 100 + short;
        if year < first {
            year += 100;
        }
        Some(year)
    }

    /// "Made in China 2025”": a year closing a quoted title is part of a name.
    fn is_quoted_name(&self, at: usize) -> bool {
        let closing = self
            .token(at + 1)
            .is_some_and(|t| t.glued() && matches!(t.kind, TokenKind::Punct('”' | '"' | '’')));
        let titled = self
            .previous_word(at)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && month_number(w).is_none());
        closing && titled && at >= 2
    }

    /// "100s of PDFs", "1000s of pages", "10s of thousands": a power of ten made plural says
    /// "many", as "hundreds of" does; "the 80s", "the '60s": a decade of an unnamed century.
    /// Neither is a figure to check (nor eighty seconds).
    fn is_plural_of_number(&self, at: usize) -> bool {
        if !(self.word(at + 1) == Some("s") && self.glued(at + 1)) {
            return false;
        }
        let digits = self.surface(at);
        let power_of_ten =
            digits.len() >= 2 && digits.starts_with('1') && digits[1..].bytes().all(|b| b == b'0');
        if power_of_ten && self.word_is(at + 2, "of") {
            return true;
        }
        let decade = digits.len() == 2 && digits.ends_with('0') && !digits.starts_with('0');
        let Some(previous) = at.checked_sub(1) else {
            return false;
        };
        let after_the = self.word_is(previous, "the")
            || ((self.punct_is(previous, '\'') || self.punct_is(previous, '’')) && self.glued(at));
        decade && after_the
    }

    /// A year, a period or a decade at a four-digit number.
    fn year_or_period(&self, at: usize) -> Option<Parsed> {
        let year = self.year_value(at)?;
        let plain = Numeral {
            value: Decimal::from(year),
            precision: Decimal::ONE,
            start: at,
            end: at + 1,
            words: false,
            share: false,
            plain_integer: true,
        };
        // "the 1990s", "1990s-2000s"
        if self.word(at + 1).is_some_and(|w| w == "s") && self.glued(at + 1) && year % 10 == 0 {
            let mut end = at + 2;
            let mut last = year + 9;
            if self.is_dash(end)
                && self.glued(end)
                && let Some(second) = self.year_value(end + 1)
                && self.word(end + 2) == Some("s")
                && self.glued(end + 2)
                && second % 10 == 0
            {
                last = second + 9;
                end += 3;
            }
            return Some(self.temporal(Kind::Period, Figure::Period(year, last), at, end));
        }
        if !self.numeral_is_figure(&plain, false) {
            return None;
        }
        // "2011-2015", "2016-17", "2020 - 2025", "2019/20", "2014 to 2020"
        let joiner = at + 1;
        let slash = self.punct_is(joiner, '/') && self.glued(joiner) && self.glued(joiner + 1);
        let dash = self.is_dash(joiner);
        let word = ["to", "until", "till", "through"]
            .iter()
            .any(|w| self.word_is(joiner, w));
        if dash || slash || word {
            let second = if word {
                self.year_value(joiner + 1)
            } else {
                self.second_year(joiner + 1, year)
            };
            if let Some(second) = second {
                let fits = !slash || second == year + 1;
                let not_glued_on = !self
                    .token(joiner + 2)
                    .is_some_and(|t| t.glued() && (t.is_number() || t.is_word()));
                // "2609–2613 m", "1065–1280 cm−1", "1000–2000 K": a unit makes a range of
                // measures, not of years.
                if self.measured_after(joiner + 2) {
                    return None; // read as a range of values
                }
                // "reduced build units from 1900 to 1500": after a verb of change, numbers
                // written backwards with a word are two counts of the change, not a period.
                if word
                    && second < year
                    && at > 0
                    && self.word_is(at - 1, "from")
                    && self.changes_before(at - 1)
                {
                    return None;
                }
                if fits && not_glued_on {
                    let start = if at > 0 && self.word_is(at - 1, "from") && at > self.floor {
                        at - 1
                    } else {
                        at
                    };
                    return Some(self.temporal(
                        Kind::Period,
                        Figure::Period(year, second),
                        start,
                        joiner + 2,
                    ));
                }
            }
        }
        self.is_year_context(at, year)
            .then(|| self.temporal(Kind::Year, Figure::Year(year), at, at + 1))
    }

    /// Whether a four-digit number reads as a year where it stands, rather than a count
    /// ("over 2000 people", "1500 employees").
    fn is_year_context(&self, at: usize, year: i32) -> bool {
        if self.scale(at + 1, false, false).is_some() || self.suffix(at + 1).is_some() {
            return false;
        }
        if at > 0 && self.currency_prefix(at - 1).is_some() {
            return false;
        }
        let plural_noun_after = self
            .word(at + 1)
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && w.starts_with(|c: char| c.is_lowercase()));
        if let Some((qualifier, first)) = super::qualifier::before(self.text, self.tokens, at, self.floor) {
            // "around 2035", "circa 1657": a modern year with nothing counted after it is a
            // year told approximately; "around 2000 people" counts. "since at least 2016",
            // "until at least 2030": a bound on a time is a year too.
            let bounds_a_time = self.previous_word(first).is_some_and(|w| {
                ["since", "until", "till", "by", "from", "before", "after"]
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(w))
            });
            return (qualifier == crate::claim::Qualifier::Approx || bounds_a_time)
                && (1800..=2100).contains(&year)
                && !plural_noun_after
                && self
                    .word(at + 1)
                    .is_none_or(|w| !w.starts_with(|c: char| c.is_lowercase()));
        }
        // "the 1000 councils", "to 1000 units": outside the modern years a plural noun counts
        // ("the 2015 cyberattacks" are a year's).
        if plural_noun_after && !(1800..=2100).contains(&year) {
            return false;
        }
        let previous = self.previous_word(at).map(str::to_ascii_lowercase);
        let year_word = previous.as_deref().is_some_and(|w| YEAR_CONTEXT.contains(&w));
        if year_word {
            return true;
        }
        // "a 1657 map", "the 1998 law": a year describing one thing.
        let determiner = previous.as_deref().is_some_and(|w| {
            matches!(
                w,
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "this" | "that"
            )
        });
        let singular_after = self
            .word(at + 1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && !w.ends_with('s'));
        if determiner && singular_after && (1000..=2100).contains(&year) {
            return true;
        }
        if !(1800..=2100).contains(&year) {
            return false;
        }
        // "the 2030 and 2050 goals", "the two 2035 scenarios": a year named with another, or
        // after a count of the things it labels, is a year before its plural noun.
        !plural_noun_after || self.joined_to_a_year(at) || self.after_a_small_count(at)
    }

    /// Whether the number at `at` follows a modern year and "and", "or", "&" or a comma ("2030
    /// and 2050", "2030, 2040").
    fn joined_to_a_year(&self, at: usize) -> bool {
        let joined = at >= 2
            && (self.word(at - 1).is_some_and(|w| matches!(w, "and" | "or"))
                || self.punct_is(at - 1, ',')
                || self.punct_is(at - 1, '&'));
        // "2015, 2018, and 2021": the serial comma stands between the year and the "and".
        let serial = at >= 3
            && self.word(at - 1).is_some_and(|w| matches!(w, "and" | "or"))
            && self.punct_is(at - 2, ',');
        let year_at = |i: usize| {
            self.year_value(i)
                .is_some_and(|year| (1800..=2100).contains(&year))
        };
        (joined && year_at(at - 2)) || (serial && year_at(at - 3))
    }

    /// Whether the word before `at` counts a few things ("two", "three", "both"): what follows
    /// is the things, the number only a label of them.
    fn after_a_small_count(&self, at: usize) -> bool {
        self.previous_word(at).is_some_and(|word| {
            word.eq_ignore_ascii_case("both")
                || matches!(
                    crate::lexicon::number_words::number_word(word),
                    Some(crate::lexicon::number_words::NumberWord::Unit(2..=12))
                )
        })
    }

    fn temporal(&self, kind: Kind, figure: Figure, start: usize, end: usize) -> Parsed {
        let _ = self;
        Parsed {
            kind,
            figure,
            unit: None,
            start,
            end,
            qualifier: None,
            scale: None,
        }
    }

    fn date_figure(&self, start: usize, end: usize, iso: String) -> Parsed {
        self.temporal(Kind::Date, Figure::Date(iso), start, end)
    }

    /// Whether a verb of change stands within the four tokens before token `at` ("reduced
    /// build units from …", "fell from …").
    fn changes_before(&self, at: usize) -> bool {
        const CHANGES: &[&str] = &[
            "reduced",
            "reduces",
            "cut",
            "cuts",
            "lowered",
            "dropped",
            "fell",
            "declined",
            "decreased",
            "shrank",
            "increased",
            "raised",
            "rose",
            "grew",
            "climbed",
            "went",
            "changed",
        ];
        (at.saturating_sub(4)..at).any(|index| {
            self.word(index)
                .is_some_and(|word| CHANGES.iter().any(|verb| verb.eq_ignore_ascii_case(word)))
        })
    }

    /// "between 2012 and 2022", "from 2014 to 2020" at the first word.
    fn years_joined(&self, at: usize, joiners: &[&str]) -> Option<Parsed> {
        let first = self.year_value(at + 1)?;
        let joiner = at + 2;
        let joined = joiners
            .iter()
            .any(|j| self.surface(joiner).eq_ignore_ascii_case(j));
        if !joined {
            return None;
        }
        let second = self.second_year(joiner + 1, first)?;
        if self.measured_after(joiner + 2) {
            return None; // "from 2609–2613 m", "between 1000 and 2000 K": measures, not years
        }
        // "reduced build units from 1900 to 1500": after a verb of change, written backwards,
        // two counts of the change ("the season ran from 2030 to 2025" is a period, backwards).
        if second < first && self.surface(at).eq_ignore_ascii_case("from") && self.changes_before(at) {
            return None;
        }
        Some(self.temporal(Kind::Period, Figure::Period(first, second), at, joiner + 2))
    }

    /// A unit or percent sign after a pair of four-digit numbers makes them measures, not years
    /// ("2609–2613 m", "1065–1280 cm−1"); money does not ("in 2010–2015 dollars" is a price base).
    fn measured_after(&self, at: usize) -> bool {
        self.suffix(at)
            .is_some_and(|(s, _)| matches!(s.kind, Kind::Quantity | Kind::Percent))
    }

    /// "–23" after a day: the last day of a day range ("21–23 May 2011", "May 21–23, 2011")
    /// and the token after it.
    fn last_day(&self, at: usize) -> Option<(u8, usize)> {
        if !(self.punct_is(at, '-') || self.punct_is(at, '–')) {
            return None;
        }
        let token = self.token(at + 1).filter(|t| t.is_number())?;
        let day: u8 = self.text[token.span.range()].parse().ok()?;
        Some((day, at + 2))
    }

    /// The ISO date, or interval for a day range, of `day` (to `last_day`) of a month.
    fn day_iso(year: i32, month: u8, day: u8, last_day: Option<u8>) -> Option<String> {
        let first = valid_date(year, month, day)?;
        match last_day {
            None => Some(first.to_string()),
            Some(last) if last > day => Some(format!("{first}/{}", valid_date(year, month, last)?)),
            Some(_) => None,
        }
    }

    /// "4 July 2021", "4th July 2021", "21–23 May 2011".
    fn date_from_day(&self, at: usize) -> Option<Parsed> {
        let day: u8 = self.surface(at).parse().ok()?;
        let (last_day, mut next) = self
            .last_day(at + 1)
            .map_or((None, at + 1), |(last, next)| (Some(last), next));
        if self
            .word(next)
            .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th"))
            && self.glued(next)
        {
            next += 1;
        }
        let month = self.month_at(next)?;
        let year = self.year_value(next + 1).or_else(|| {
            self.punct_is(next + 1, ',')
                .then(|| self.year_value(next + 2))
                .flatten()
        })?;
        let end = if self.year_value(next + 1).is_some() {
            next + 2
        } else {
            next + 3
        };
        Some(self.date_figure(at, end, Self::day_iso(year, month, day, last_day)?))
    }

    /// "2021-07-04".
    fn iso_date(&self, at: usize) -> Option<Parsed> {
        let year = self.year_value(at)?;
        let part = |i: usize| {
            self.token(i)
                .filter(|t| t.is_number() && t.glued())
                .map(|t| &self.text[t.span.range()])
                .filter(|s| s.len() == 2)
                .and_then(|s| s.parse::<u8>().ok())
        };
        let dash = |i: usize| self.punct_is(i, '-') && self.glued(i);
        if !(dash(at + 1) && dash(at + 3)) {
            return None;
        }
        let date = valid_date(year, part(at + 2)?, part(at + 4)?)?;
        Some(self.date_figure(at, at + 5, date.to_string()))
    }

    /// A month name, capitalised ("may" and "march" are verbs too).
    fn month_at(&self, at: usize) -> Option<u8> {
        let word = self.word(at)?;
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let abbreviated =
            word.len() <= 4 && month_number(word).is_some() && !matches!(word, "May" | "June" | "July");
        if abbreviated
            && word.len() == 3
            && !self.punct_is(at + 1, '.')
            && !self.token(at + 1).is_some_and(super::token::Token::is_number)
        {
            return None;
        }
        month_number(word)
    }

    /// Dates that start with a word: "December 2020", "July 4, 2021", "mid-2021", "end 2020",
    /// "the end of 2020", "early April 2021", "Q3 2021", "H1 2021", "FY2023/24",
    /// "the first quarter of 2021".
    fn date_from_word(&self, at: usize) -> Option<Parsed> {
        let word = self.word(at)?;
        if let Some(month) = self.month_at(at) {
            return self.month_date(at, at, month);
        }
        let mut lower = [0u8; 24];
        let len = crate::lexicon::number_words::lower(word, &mut lower)?;
        match &lower[..len] {
            b"mid" | b"early" | b"late" | b"end" | b"beginning" | b"start" => self.part_of_year(at),
            b"q" => self.quarter(at, "Q"),
            b"h" => self.quarter(at, "H"),
            b"fy" => self.fiscal_year(at),
            _ => self.ordinal_quarter(at),
        }
    }

    fn month_date(&self, start: usize, at: usize, month: u8) -> Option<Parsed> {
        let mut next = at + 1;
        if self.punct_is(next, '.') && self.glued(next) {
            next += 1;
        }
        if let Some(year) = self.year_value(next) {
            let date = Date {
                year,
                month: Some(month),
                day: None,
            };
            return Some(self.date_figure(start, next + 1, date.to_string()));
        }
        let day: u8 = self
            .token(next)
            .filter(|t| t.is_number())
            .and_then(|_| self.surface(next).parse().ok())?;
        let mut after_day = next + 1;
        if self
            .word(after_day)
            .is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th"))
            && self.glued(after_day)
        {
            after_day += 1;
        }
        let last_day = self.last_day(after_day).map(|(last, next)| {
            after_day = next;
            last
        });
        let comma = usize::from(self.punct_is(after_day, ','));
        let Some(year) = self.year_value(after_day + comma) else {
            // "on March 16": a day of the year, no year stated. ISO 8601 writes it "--03-16"
            // (a leap year checks the day, so "February 29" stands).
            let iso = Self::day_iso(2000, month, day, last_day)?.replace("2000-", "--");
            return Some(self.date_figure(start, after_day, iso));
        };
        Some(self.date_figure(
            start,
            after_day + comma + 1,
            Self::day_iso(year, month, day, last_day)?,
        ))
    }

    /// "mid-2021" → 2021-04/2021-09; "early 2021" → 2021-01/2021-04; "late 2020" →
    /// 2020-09/2020-12; "end 2020", "the end of 2020" → 2020-12; "the beginning of 2021" →
    /// 2021-01; with a month ("early April 2021") the month.
    fn part_of_year(&self, at: usize) -> Option<Parsed> {
        let word = self.surface(at).to_ascii_lowercase();
        let mut next = at + 1;
        if self.is_dash(next) && self.glued(next) && self.glued(next + 1) {
            next += 1;
        } else if self.word_is(next, "of") {
            next += 1;
            if self.word_is(next, "the") {
                return None; // "the end of the decade"
            }
        }
        if let Some(month) = self.month_at(next) {
            let parsed = self.month_date(at, next, month)?;
            return Some(parsed);
        }
        let year = self.year_value(next)?;
        if self.word(next + 1) == Some("s") && self.glued(next + 1) {
            return None; // "mid-1990s" is read as the decade
        }
        let iso = match word.as_str() {
            "mid" => format!("{year:04}-04/{year:04}-09"),
            "early" => format!("{year:04}-01/{year:04}-04"),
            "late" => format!("{year:04}-09/{year:04}-12"),
            "end" => format!("{year:04}-12"),
            _ => format!("{year:04}-01"),
        };
        Some(self.date_figure(at, next + 1, iso))
    }

    /// "Q3 2021", "H1 2021".
    fn quarter(&self, at: usize, letter: &str) -> Option<Parsed> {
        if self.surface(at) != letter || !self.glued(at + 1) {
            return None;
        }
        let number: u8 = self
            .token(at + 1)
            .filter(|t| t.is_number())
            .and_then(|_| self.surface(at + 1).parse().ok())?;
        let year = self.year_value(at + 2)?;
        let (first, last) = match (letter, number) {
            ("Q", 1..=4) => (number * 3 - 2, number * 3),
            ("H", 1..=2) => (number * 6 - 5, number * 6),
            _ => return None,
        };
        Some(self.date_figure(at, at + 3, format!("{year:04}-{first:02}/{year:04}-{last:02}")))
    }

    /// "the first quarter of 2021", "the second half of 2020".
    fn ordinal_quarter(&self, at: usize) -> Option<Parsed> {
        let number = ordinal_word(self.word(at)?)?;
        let part = self.word(at + 1)?;
        let (size, count) = if is(part, "quarter") {
            (3, 4)
        } else if is(part, "half") {
            (6, 2)
        } else {
            return None;
        };
        if number == 0 || number > count || !self.word_is(at + 2, "of") {
            return None;
        }
        let year = self.year_value(at + 3)?;
        let (first, last) = (number * size - size + 1, number * size);
        Some(self.date_figure(at, at + 4, format!("{year:04}-{first:02}/{year:04}-{last:02}")))
    }

    /// "FY2023", "FY2023/24", "FY 2023-24": a fiscal year, read as a year or a period.
    fn fiscal_year(&self, at: usize) -> Option<Parsed> {
        if self.surface(at) != "FY" {
            return None;
        }
        let year = self.year_value(at + 1)?;
        let joiner = at + 2;
        if (self.punct_is(joiner, '/') || self.is_dash(joiner))
            && self.glued(joiner)
            && let Some(second) = self.second_year(joiner + 1, year)
        {
            return Some(self.temporal(Kind::Period, Figure::Period(year, second), at, joiner + 2));
        }
        Some(self.temporal(Kind::Year, Figure::Year(year), at, at + 2))
    }
}
