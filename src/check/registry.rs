//! How the registry of check kinds is built: the table in `check/mod.rs` names each kind as rule
//! files give it, its variant (with its parameter struct, if it has one) and the function that
//! runs it; `check_kinds!` turns it into `CheckKind`, its names, its parsing and its dispatch.

use serde::de::DeserializeOwned;

use super::Context;
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
pub(super) struct NoParams {
    #[serde(rename = "kind")]
    _kind: String,
}

impl Params for NoParams {}

/// Builds `CheckKind`, its names, its parsing and its dispatch from the table in `check/mod.rs`.
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
                    $( $crate::check::registry::check_kinds!(@pattern $variant $(($params))?) => $name ),*
                }
            }

            /// Reads the kind named `name` from its `[check]` table; `None` for an unknown name.
            pub(crate) fn parse(
                name: &str,
                file: &$crate::rules::RuleSource<'_>,
            ) -> Option<$crate::error::Result<Self>> {
                Some(match name {
                    $( $name => $crate::check::registry::check_kinds!(@parse file, $variant $(($params))?) ),*,
                    _ => return None,
                })
            }

            /// Runs the check on a document.
            pub(crate) fn run(&self, context: &$crate::check::Context<'_>) -> Vec<$crate::diagnostic::Finding> {
                match self {
                    $( $crate::check::registry::check_kinds!(@bind params $variant $(($params))?) => $crate::check::registry::check_kinds!(@call $run, context, params $(, $params)?) ),*
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
        $file.params::<$crate::check::registry::NoParams>().map(|_| Self::$variant)
    };
    (@parse $file:ident, $variant:ident ($params:ty)) => {
        $file.params::<$params>().map(Self::$variant)
    };
}

pub(super) use check_kinds;

/// The suppression kinds find nothing on their own: `check` judges them once the other rules'
/// findings are known.
pub(super) fn judged_after_the_others(_context: &Context<'_>) -> Vec<Finding> {
    Vec::new()
}

impl super::CheckKind {
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
        matches!(
            self,
            Self::SuppressionReason | Self::SuppressionUnused | Self::SuppressionUnknown
        )
    }
}
