//! The one registry of check kinds: the name a rule file gives each kind, its variant (with
//! its parameter struct, if it has one) and the function that runs it. A new kind is a new
//! file in `check/`, a rule file in `rules/`, and one line here.

use serde::de::DeserializeOwned;

use super::{
    Context, acronym, arithmetic, citation, footnotes, ledger, part_whole, pattern, percent_bounds,
    range_order, reference, restated, share_sum,
};
use crate::diagnostic::Finding;
use crate::error::Result;
use crate::rules::RuleSource;

/// A check kind's parameters, read from the `[check]` table of its rule file (with
/// `deny_unknown_fields`, so a typo is an error at its line and column).
pub trait Params: DeserializeOwned {
    /// Checks what the types cannot (a regular expression compiles, a fact states a value),
    /// with errors placed in the rule file.
    fn prepare(&mut self, _file: &RuleSource<'_>) -> Result<()> {
        Ok(())
    }
}

/// The `[check]` table of a kind without parameters: `kind` alone.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {
    #[serde(rename = "kind")]
    _kind: String,
}

impl Params for NoParams {}

/// Builds `CheckKind`, its names, its parsing and its dispatch from one table.
macro_rules! check_kinds {
    ($( $name:literal => $variant:ident $(($params:ty))? => $run:path ),* $(,)?) => {
        /// The closed list of check kinds, one per file of `check/`.
        #[derive(Debug, Clone)]
        pub enum CheckKind {
            $( $variant $(($params))? ),*
        }

        impl CheckKind {
            /// The kinds by the name rule files give them, in registry order.
            pub const NAMES: &[&str] = &[$($name),*];

            /// The name rule files give this kind.
            #[must_use]
            pub const fn name(&self) -> &'static str {
                match self {
                    $( check_kinds!(@pattern $variant $(($params))?) => $name ),*
                }
            }

            /// Reads the kind named `name` from its `[check]` table; `None` for an unknown name.
            pub(crate) fn parse(name: &str, file: &RuleSource<'_>) -> Option<Result<Self>> {
                Some(match name {
                    $( $name => check_kinds!(@parse file, $variant $(($params))?) ),*,
                    _ => return None,
                })
            }

            /// Runs the check on a document.
            pub(crate) fn run(&self, context: &Context<'_>) -> Vec<Finding> {
                match self {
                    $( check_kinds!(@bind params $variant $(($params))?) => check_kinds!(@call $run, context, params $(, $params)?) ),*
                }
            }
        }
    };
    (@pattern $variant:ident) => { Self::$variant };
    (@pattern $variant:ident ($params:ty)) => { Self::$variant(_) };
    (@bind $bound:ident $variant:ident) => { Self::$variant };
    (@bind $bound:ident $variant:ident ($params:ty)) => { Self::$variant($bound) };
    (@call $run:path, $context:ident, $bound:ident) => { $run($context) };
    (@call $run:path, $context:ident, $bound:ident, $params:ty) => { $run($context, $bound) };
    (@parse $file:ident, $variant:ident) => {
        $file.params::<NoParams>().map(|_| Self::$variant)
    };
    (@parse $file:ident, $variant:ident ($params:ty)) => {
        $file.params::<$params>().map(Self::$variant)
    };
}

check_kinds! {
    "footnote-undefined" => FootnoteUndefined => footnotes::undefined,
    "footnote-unused" => FootnoteUnused => footnotes::unused,
    "footnote-sequence" => FootnoteSequence => footnotes::sequence,
    "footnote-duplicate" => FootnoteDuplicate => footnotes::duplicate,
    "footnote-empty" => FootnoteEmpty => footnotes::empty,
    "citation" => Citation(citation::CitationParams) => citation::missing,
    "restated" => Restated(restated::RestatedParams) => restated::restated,
    "part-whole" => PartWhole => part_whole::part_whole,
    "share-sum" => ShareSum(share_sum::ShareSumParams) => share_sum::share_sum,
    "percent-bounds" => PercentBounds => percent_bounds::percent_bounds,
    "range-order" => RangeOrder => range_order::range_order,
    "acronym" => Acronym => acronym::acronym,
    "arithmetic" => Arithmetic(arithmetic::ArithmeticParams) => arithmetic::arithmetic,
    "reference" => Reference(reference::ReferenceParams) => reference::reference,
    "pattern" => Pattern(pattern::PatternParams) => pattern::pattern,
    // The ledger kinds run only when `check --ledger` gives a ledger.
    "ledger-drift" => LedgerDrift => ledger::drift,
    "ledger-unreviewed" => LedgerUnreviewed => ledger::unreviewed,
    "ledger-stale" => LedgerStale => ledger::stale,
    // The suppression kinds judge the other rules' findings, after they ran (`check`).
    "suppression-reason" => SuppressionReason => judged_after_the_others,
    "suppression-unused" => SuppressionUnused => judged_after_the_others,
}

/// The suppression kinds find nothing on their own: `check` judges them once the other rules'
/// findings are known.
fn judged_after_the_others(_context: &Context<'_>) -> Vec<Finding> {
    Vec::new()
}

impl CheckKind {
    /// Whether the kind needs a ledger (and so has no examples a plain document can show).
    #[must_use]
    pub const fn needs_ledger(&self) -> bool {
        matches!(
            self,
            Self::LedgerDrift | Self::LedgerUnreviewed | Self::LedgerStale
        )
    }

    /// Whether the kind judges the findings of the other rules (run after them).
    #[must_use]
    pub const fn is_meta(&self) -> bool {
        matches!(self, Self::SuppressionReason | Self::SuppressionUnused)
    }
}
