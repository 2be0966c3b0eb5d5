//! Ranges: "15-20 USD", "5 to 10 percent", "$5–$10", "between 5 and 10 percent", with their
//! ends read the way typesetting means them.

use rust_decimal::Decimal;

use super::numeral::pow10;
use super::{Figure, Parsed, Scanner};
use crate::claim::{Kind, Qualifier};

/// The ends of a range as written, read the way typesetting means them: an abbreviated second
/// end ("pages 3553-62", "127-36") takes the first end's leading digits, and a range of
/// negative values written by magnitude ("−0.6 to −1.3") runs from the lower.
fn ordered_ends(low: Decimal, high: Decimal) -> (Decimal, Decimal) {
    if low.is_sign_negative() && high.is_sign_negative() && high < low {
        return (high, low);
    }
    let whole = |d: Decimal| d.fract().is_zero() && !d.is_sign_negative();
    if whole(low) && whole(high) && high < low && high > Decimal::ZERO {
        let digits = |d: Decimal| d.trunc().to_string().len();
        let (first_digits, second_digits) = (digits(low), digits(high));
        if second_digits < first_digits {
            let place = pow10(u32::try_from(second_digits).unwrap_or(0));
            let mut expanded = low - (low % place) + high;
            if expanded < low {
                expanded += place;
            }
            return (low, expanded);
        }
    }
    (low, high)
}

impl Scanner<'_> {
    /// A range after a parsed figure: "15-20 USD", "5 to 10 percent", "$5–$10"; with `and`,
    /// the second half of "between 5 and 10 percent".
    pub(super) fn range_after(&self, first: &Parsed, between: bool) -> Option<Parsed> {
        let Figure::Number { value: low_value, .. } = first.figure else {
            return None;
        };
        let mut joiner = first.end;
        // "8- to 16-metre", "320- to 640-inch": a suspended hyphen shares the unit after.
        if !between
            && self.is_dash(joiner)
            && self.glued(joiner)
            && first.unit.is_none()
            && (self.word_is(joiner + 1, "to") || self.word_is(joiner + 1, "or"))
            && !self.glued(joiner + 1)
        {
            joiner += 1;
        }
        let joined = if between {
            self.word_is(joiner, "and")
        } else if self.is_dash(joiner) {
            // "0.4 –0.3": a dash set apart from the first figure and glued to the second is the
            // second's sign (two table columns), not a range. A dash set apart on both sides is
            // a range's between digits ("10 – 20"), but punctuation when it is an em dash
            // ("$2.55 — $1.15 less than in June") or follows a number in words ("a crew of
            // seven – two pilots, four attendants").
            let spaced = !self.glued(joiner) && !self.glued(joiner + 1);
            let in_words =
                !(first.start..first.end).any(|at| self.surface(at).bytes().any(|b| b.is_ascii_digit()));
            (self.glued(joiner) || !self.glued(joiner + 1))
                && !(spaced && (self.punct_is(joiner, '—') || in_words))
        } else {
            // "from 50 to 70" is a change, not a range, unless a range is named before it
            // ("ranging from 5 to 10 percent", "ages varied from 18 to 65").
            (self.word_is(joiner, "to") || (joiner > first.end && self.word_is(joiner, "or")))
                && (!self.after_from(first) || self.ranging(first))
                && !(self.word_is(joiner, "to") && self.after_comparative(first))
        };
        if !joined {
            return None;
        }
        let second_at = joiner + 1;
        let (currency, numeral_at) = match self.currency_prefix(second_at) {
            Some((code, next)) => (Some(code), next),
            None => (None, second_at),
        };
        let numeral = self.numeral(numeral_at)?;
        if numeral.share || (currency.is_none() && !self.numeral_is_figure(&numeral, true)) {
            return None;
        }
        let second = self.complete(numeral, currency, second_at)?;
        let Figure::Number { value: high, .. } = second.figure else {
            return None;
        };
        let (kind, unit) = match (first.unit, second.unit) {
            (Some(a), Some(b)) if a != b => return None,
            (Some(a), _) => (first.kind, Some(a)),
            (None, Some(b)) => (second.kind, Some(b)),
            (None, None) => (Kind::Count, None),
        };
        // "to" joins figures of one unit only when the first says none or both say the same.
        if !between && self.word_is(joiner, "to") && first.unit.is_some() && second.unit.is_none() {
            return None;
        }
        // "5 to 10 million": a scale written once covers both ends.
        let low = match (first.scale, second.scale) {
            (None, Some(power)) if first.unit.is_none() || first.kind == Kind::Money => {
                low_value.checked_mul(pow10(power))?.normalize()
            }
            _ => low_value,
        };
        // "rose by EUR 40 billion to EUR 310 billion", "fell by 200 to 1,400": after "by", an
        // end far above the first is the new level, not the top of a range of changes ("by 5 to
        // 10 percent").
        let after_by = first.start > 0 && self.word_is(first.start - 1, "by");
        if !between && after_by && low > Decimal::ZERO && high > low * Decimal::from(4) {
            return None;
        }
        // "ranged from 93% to 34%": the ends of a range named so may come in either order.
        let (low, high) = if self.ranging(first) {
            (low.min(high), low.max(high))
        } else {
            ordered_ends(low, high)
        };
        Some(Parsed {
            kind,
            figure: Figure::Range { low, high },
            unit,
            start: first.start,
            end: second.end,
            qualifier: Some((Qualifier::Range, None)),
            scale: second.scale,
        })
    }

    /// "between 5 and 10 percent" (values) at the word "between".
    pub(super) fn between(&self, at: usize) -> Option<Parsed> {
        let first = self.value_without_range(at + 1)?;
        let mut range = self.range_after(&first, true)?;
        range.start = at;
        let span = self.tokens[at].span;
        range.qualifier = Some((Qualifier::Range, Some(span)));
        Some(range)
    }

    fn value_without_range(&self, at: usize) -> Option<Parsed> {
        let (currency, numeral) = self.priced_numeral(at)?;
        self.complete(numeral, currency, at)
    }
}

impl Scanner<'_> {
    /// "from 50 …": the figure opens a change or a named range.
    fn after_from(&self, first: &Parsed) -> bool {
        first.start > 0 && self.word_is(first.start - 1, "from")
    }

    /// "13% smaller (15MB to 13MB)", "2x faster (40s to 20s)": a parenthesis after a
    /// comparison gives the change's two ends, not a range.
    fn after_comparative(&self, first: &Parsed) -> bool {
        const COMPARATIVES: &[&str] = &[
            "smaller", "larger", "bigger", "faster", "slower", "higher", "lower", "fewer", "greater",
            "cheaper", "shorter", "longer", "better", "worse", "less", "more", "down", "up",
        ];
        first.start >= 2
            && self.punct_is(first.start - 1, '(')
            && self
                .word(first.start - 2)
                .is_some_and(|word| COMPARATIVES.iter().any(|c| c.eq_ignore_ascii_case(word)))
    }

    /// "ranging from 5 …", "varied from 18 …": a range is named before "from".
    fn ranging(&self, first: &Parsed) -> bool {
        self.after_from(first) && first.start > 1 && self.word(first.start - 2).is_some_and(names_a_range)
    }
}

/// Verbs that say the "from … to …" after them spans a range rather than a change.
fn names_a_range(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "span", "spans",
        "spanned", "spanning",
    ];
    VERBS.iter().any(|verb| verb.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::super::figures;
    use super::ordered_ends;
    use crate::claim::Kind;
    use rust_decimal::Decimal;

    #[test]
    fn an_abbreviated_second_end_takes_the_first_ends_leading_digits() {
        assert_eq!(
            ordered_ends(Decimal::from(3553), Decimal::from(62)),
            (Decimal::from(3553), Decimal::from(3562))
        );
        assert_eq!(
            ordered_ends(Decimal::from(127), Decimal::from(36)),
            (Decimal::from(127), Decimal::from(136))
        );
    }

    #[test]
    fn negative_ends_written_by_magnitude_run_from_the_lower() {
        let (a, b) = (Decimal::new(-6, 1), Decimal::new(-13, 1));
        assert_eq!(ordered_ends(a, b), (b, a));
    }

    #[test]
    fn between_and_and_dashed_ranges_are_one_figure() {
        let found = figures("Between 5 and 10 percent left.");
        assert_eq!((found.len(), found[0].0, found[0].2), (1, Kind::Percent, None));
        let found = figures("It took 15-20 USD.");
        assert_eq!((found.len(), found[0].0), (1, Kind::Money));
    }
}
