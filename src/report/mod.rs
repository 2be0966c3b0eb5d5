//! report: render claims and diagnostics in the requested format, one file per format.

pub mod csv;
pub mod diagnostics;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod page;
pub mod sarif;

use rust_decimal::Decimal;

/// A decimal as it is printed everywhere: plain digits, no exponent, no trailing zeros.
#[must_use]
pub fn decimal_string(value: Decimal) -> String {
    value.normalize().to_string()
}
