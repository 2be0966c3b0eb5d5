//! `input/language`: a document not written in English. claimlint's word lists are English, so
//! on such a document the rules that read words do not run (`check::reads_english`); this says
//! so once, so that a short result is not taken for a clean one.

use std::fmt::Write as _;

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::ingest::language::Script;
use crate::span::Span;

pub fn language(context: &Context<'_>) -> Vec<Finding> {
    let Some(foreign) = &context.document.foreign_language else {
        return Vec::new();
    };
    let mut evidence = if foreign.script == Script::Latin {
        format!(
            "{} in 1,000 of its words are common English words",
            foreign.english_per_mille
        )
    } else {
        format!("most of its letters are {}", foreign.script.name())
    };
    if let Some(declared) = &foreign.declared {
        let _ = write!(evidence, "; it declares `{declared}`");
    }
    vec![Finding::at(Place::Original(Span::new(0, 0))).with("evidence", evidence)]
}
