//! The values a figure allows, for arithmetic between figures: the rounding of its last stated
//! digit, widened by "about", open on the side an inequality leaves open ("over 50").

use rust_decimal::Decimal;

use crate::claim::{Claim, Kind, Qualifier};

/// A closed interval, open on a side that is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Interval {
    #[must_use]
    pub const fn exact(value: Decimal) -> Self {
        Self {
            low: Some(value),
            high: Some(value),
        }
    }

    /// Both ends, when neither is open.
    #[must_use]
    pub fn closed(self) -> Option<(Decimal, Decimal)> {
        Some((self.low?, self.high?))
    }

    /// Do the two intervals share no value?
    #[must_use]
    pub fn disjoint(self, other: Self) -> bool {
        let below =
            |high: Option<Decimal>, low: Option<Decimal>| matches!((high, low), (Some(h), Some(l)) if h < l);
        below(self.high, other.low) || below(other.high, self.low)
    }

    /// Widened on both sides by `relative` of its largest end (0.01 = 1 %).
    #[must_use]
    pub fn widen(self, relative: Decimal) -> Self {
        let largest = self
            .low
            .unwrap_or_default()
            .abs()
            .max(self.high.unwrap_or_default().abs());
        let slack = largest * relative;
        Self {
            low: self.low.map(|l| l - slack),
            high: self.high.map(|h| h + slack),
        }
    }

    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        Self {
            low: self.low.zip(other.low).map(|(a, b)| a + b),
            high: self.high.zip(other.high).map(|(a, b)| a + b),
        }
    }

    /// `self × factor` for a factor ≥ 0.
    #[must_use]
    pub fn scale(self, factor: Decimal) -> Self {
        Self {
            low: self.low.map(|l| l * factor),
            high: self.high.map(|h| h * factor),
        }
    }

    /// `base = value × factor + offset` on both ends (a unit conversion).
    #[must_use]
    pub fn convert(self, factor: Decimal, offset: Decimal) -> Self {
        Self {
            low: self.low.map(|l| l * factor + offset),
            high: self.high.map(|h| h * factor + offset),
        }
    }

    /// The quotient `self / other` of positive intervals, when both are closed and `other` is
    /// above zero.
    #[must_use]
    pub fn divide(self, other: Self) -> Option<Self> {
        let (low, high) = self.closed()?;
        let (other_low, other_high) = other.closed()?;
        if other_low <= Decimal::ZERO || low < Decimal::ZERO {
            return None;
        }
        Some(Self {
            low: low.checked_div(other_high),
            high: high.checked_div(other_low),
        })
    }
}

/// The values `claim` allows. A large figure stated to one significant digit ("EUR 4 billion")
/// is read within 5 %, not within half its last digit (which would allow 3.5 to 4.5 billion):
/// in a sum, such figures are meant as written. An exact whole count is exact.
#[must_use]
pub fn of(claim: &Claim) -> Interval {
    let Some(value) = claim.value else {
        return Interval {
            low: claim.low,
            high: claim.high,
        };
    };
    if claim.qualifier != Qualifier::Exact {
        let (low, high) = claim.bounds();
        return Interval { low, high };
    }
    let precision = claim.precision.unwrap_or_default();
    if claim.kind == Kind::Count && precision <= Decimal::ONE && value.fract().is_zero() {
        return Interval::exact(value);
    }
    let mut half = precision / Decimal::TWO;
    if value.abs() >= Decimal::from(1000) {
        half = half.min(value.abs() / Decimal::from(20));
    }
    Interval {
        low: Some(value - half),
        high: Some(value + half),
    }
}
