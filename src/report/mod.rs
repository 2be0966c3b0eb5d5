//! report: render claims and diagnostics in the requested format, one file per format.

pub mod csv;
pub mod diagnostics;
pub mod diff;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod page;
pub mod sarif;

pub use crate::claim::decimal_string;
