//! normalise: turn mentions into claims — an exact value and unit, the interval the wording
//! allows, modality, subject, time reference, covering footnotes and a stable id.

mod footnotes;
pub mod id;
mod modality;
pub mod profile;
pub mod role;
mod subject;
mod table;

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::claim::{Claim, Kind, Qualifier};
use crate::document::Document;
use crate::extract::number::DecimalMark;
use crate::extract::{Figure, Mention, SentenceTokens};
use crate::span::Span;

/// Longest sentence printed whole with a claim. Longer ones (a table flattened into one line,
/// a paragraph without full stops) are cut to a window around the claim, so that output grows
/// with the number of claims, not with claims times sentence length.
pub const MAX_SENTENCE_CHARS: usize = 1000;

/// Characters kept on each side of a claim in a cut sentence.
const EXCERPT_SIDE_CHARS: usize = 200;

/// A window of `sentence` around `figure`, whitespace folded, with "…" where it was cut.
fn excerpt(document: &Document, sentence: Span, figure: Span) -> String {
    let text = &document.text;
    let before: usize = text[sentence.start..figure.start]
        .chars()
        .rev()
        .take(EXCERPT_SIDE_CHARS)
        .map(char::len_utf8)
        .sum();
    let after: usize = text[figure.end..sentence.end]
        .chars()
        .take(EXCERPT_SIDE_CHARS)
        .map(char::len_utf8)
        .sum();
    let start = figure.start - before;
    let end = figure.end + after;
    let mut out = String::new();
    if start > sentence.start {
        out.push('…');
    }
    out.push_str(&collapse_whitespace(&text[start..end]));
    if end < sentence.end {
        out.push('…');
    }
    out
}

/// Normalisation settings: `[claims]` and `profile` of claimlint.toml, `--profile`.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The relative tolerance of an approximate figure: "around 70" allows ±5 % by default,
    /// that is 66.5 to 73.5, or the rounding of its last digit if that is wider.
    pub approx_tolerance: Decimal,
    /// The document profile, when given; else it is detected per document.
    pub profile: Option<profile::Profile>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            approx_tolerance: Decimal::new(5, 2),
            profile: None,
        }
    }
}

/// Normalises the mentions of `document` into claims, in source order.
#[must_use]
pub fn normalise(document: &Document, mentions: &[Mention], settings: &Settings) -> Vec<Claim> {
    Shared::new(document, settings).normaliser().claims(mentions)
}

/// What every stretch of a document reads, read once: footnote coverage, the profile, the
/// sections, the decimal mark. Shared by the normalisers of stretches run in parallel.
pub struct Shared<'d> {
    document: &'d Document,
    settings: &'d Settings,
    coverage: footnotes::Coverage,
    profile: profile::Profile,
    /// The document models its own results (`profile::models_its_own_results`), read the
    /// first time a figure's role turns on it: most documents never ask, and the answer reads
    /// the whole text.
    own_model: std::sync::OnceLock<bool>,
    /// The document is a recipe (`profile::is_recipe`).
    recipe: bool,
    /// The document is a press release (`profile::is_press_release`): its issuer's own word.
    press_release: bool,
    sections: Vec<Option<u8>>,
    mark: DecimalMark,
}

impl<'d> Shared<'d> {
    /// Whether the document models its own results, read once on first asking.
    fn own_model(&self) -> bool {
        *self
            .own_model
            .get_or_init(|| profile::models_its_own_results(&self.document.text))
    }

    #[must_use]
    pub fn new(document: &'d Document, settings: &'d Settings) -> Self {
        // Passes over the whole text, side by side in a big document (each is serial).
        let profile = || settings.profile.unwrap_or_else(|| profile::detect(document));
        let mark = || crate::extract::number::detect_decimal_mark(&document.text);
        let rest = || {
            (
                footnotes::coverage(document),
                profile::is_recipe(document),
                profile::is_press_release(document),
                role::sections(document),
            )
        };
        let (profile, (mark, (coverage, recipe, press_release, sections))) =
            if document.text.len() >= crate::PARALLEL_MIN_BYTES {
                rayon::join(profile, || rayon::join(mark, rest))
            } else {
                (profile(), (mark(), rest()))
            };
        Self {
            document,
            settings,
            coverage,
            profile,
            own_model: std::sync::OnceLock::new(),
            recipe,
            press_release,
            sections,
            mark,
        }
    }

    /// The document's decimal mark, for the extractors of its stretches.
    #[must_use]
    pub fn mark(&self) -> DecimalMark {
        self.mark
    }

    /// A normaliser for stretches of the document, in order.
    #[must_use]
    pub fn normaliser(&self) -> Normaliser<'_, 'd> {
        Normaliser {
            shared: self,
            ids: id::Ids::default(),
            headers: table::Headers::new(self.document, self.mark),
            positions: crate::span::Cursor::new(&self.document.source_map),
            tokens: Vec::new(),
        }
    }
}

/// Normalisation a stretch of mentions at a time (whole sentences, in order), so that the
/// claims of a long document need not all be held at once: what one stretch passes to the
/// next (ids seen, table headers read, the position cursor) lives here.
pub struct Normaliser<'s, 'd> {
    shared: &'s Shared<'d>,
    ids: id::Ids,
    headers: table::Headers<'d>,
    positions: crate::span::Cursor<'d>,
    tokens: Vec<crate::extract::token::Token>,
}

impl Normaliser<'_, '_> {
    /// The claims of `mentions`: whole sentences, after those of earlier calls.
    #[must_use]
    pub fn claims(&mut self, mentions: &[Mention]) -> Vec<Claim> {
        let ids = self.ids.next(self.shared.document, mentions);
        self.build(mentions, ids, None)
    }

    /// The claims of `mentions` with their ids left empty, and the sentence hashes to number
    /// them by (`id::Ids::number`, in document order): a stretch normalised apart from the
    /// others, on any thread.
    #[must_use]
    pub fn unnumbered(&mut self, mentions: &[Mention]) -> (Vec<Claim>, Vec<(u64, usize)>) {
        self.unnumbered_with(mentions, None)
    }

    /// `unnumbered`, with the tokens extraction kept of the mentions' sentences
    /// (`Extractor::keeping_tokens`): a sentence kept there is not tokenised again.
    #[must_use]
    pub fn unnumbered_with(
        &mut self,
        mentions: &[Mention],
        kept: Option<&SentenceTokens>,
    ) -> (Vec<Claim>, Vec<(u64, usize)>) {
        let hashes = id::sentence_hashes(self.shared.document, mentions);
        let claims = self.build(mentions, vec![String::new(); mentions.len()], kept);
        (claims, hashes)
    }

    fn build(
        &mut self,
        mentions: &[Mention],
        mut ids: Vec<String>,
        kept: Option<&SentenceTokens>,
    ) -> Vec<Claim> {
        let shared = self.shared;
        let (document, settings) = (shared.document, shared.settings);
        let times = time_references(&document.text, mentions);
        let mut own_tokens = std::mem::take(&mut self.tokens);
        let mut tokens: &[crate::extract::token::Token] = &[];
        let mut current = usize::MAX;
        let mut sentence_text: Arc<str> = Arc::from("");
        let mut long_sentence = false;
        let mut cues = modality::Cues::default();
        let mut role_cues = role::Cues::default();
        let mut claims = Vec::with_capacity(mentions.len());
        for (index, mention) in mentions.iter().enumerate() {
            let sentence = &document.sentences[mention.sentence];
            if current != mention.sentence {
                // Once per sentence: its tokens, its text and its cues.
                tokens = sentence_tokens(document, mention.sentence, kept, &mut own_tokens);
                sentence_text = Arc::from(collapse_whitespace(document.slice(sentence.span)));
                long_sentence = sentence_text.chars().count() > MAX_SENTENCE_CHARS;
                cues = modality::Cues::of(&document.text, tokens);
                role_cues = role::Cues::in_context(document, mention.sentence);
                current = mention.sentence;
            }
            // In a table cell, the headers say what the cell does not: unit, time, subject.
            let cell = self.headers.read(mention).unwrap_or_default();
            let mention = cell.mention.as_ref().unwrap_or(mention);
            let time_figure = times[index]
                .map(|t| &mentions[t].figure)
                .or(cell.time.as_ref().filter(|_| !mention.kind.is_temporal()));
            let time = time_figure.map(time_string);
            let modality = modality::modality(document, cues.or(cell.cues), mention, time_figure);
            let location = document.locate_in_order(
                document.source_map.original_span(mention.span),
                &mut self.positions,
            );
            let (value, precision, low, high, date) = interval(mention, settings);
            let own_subject = subject::subject(&document.text, tokens, mention);
            claims.push(Claim {
                id: std::mem::take(&mut ids[index]),
                document: document.name.clone(),
                part: location.part,
                kind: mention.kind,
                text: collapse_whitespace(document.slice(mention.span)),
                line: location.line,
                column: location.column,
                start: location.start,
                end: location.end,
                value,
                unit: mention.unit,
                qualifier: mention.qualifier,
                precision,
                low,
                high,
                date,
                modality,
                time,
                subject_from_headers: own_subject.is_none() && cell.subject.is_some(),
                subject: own_subject.or(cell.subject),
                footnotes: shared.coverage.of(mention.sentence).to_vec(),
                role: role::role(
                    shared.profile,
                    || shared.own_model(),
                    shared.sections[sentence.block],
                    role_cues,
                    &document.text,
                    mention.span,
                    sentence.span,
                ),
                sentence: if long_sentence {
                    Arc::from(excerpt(document, sentence.span, mention.span))
                } else {
                    Arc::clone(&sentence_text)
                },
                span: mention.span,
                sentence_index: mention.sentence,
            });
            let claim = claims.last_mut().expect("a claim was pushed");
            // A specification's motivation counts the system's own units as its settings.
            if claim.role.is_none()
                && shared.profile == profile::Profile::Specification
                && role::counts_system_units(claim.unit, claim.subject.as_deref())
            {
                claim.role = Some(crate::claim::Role::Specification);
            }
            // A document that models its own results sets the amounts of the benefits it
            // models ("a $200-per-month UBI", "at rates of $250 per month").
            if matches!(claim.role, None | Some(crate::claim::Role::Analysis))
                && claim.kind == crate::claim::Kind::Money
                && role::sets_a_modelled_amount(&document.text, mention.span)
                && shared.own_model()
            {
                claim.role = Some(crate::claim::Role::Procedure);
            }
            if claim.role.is_none() && (shared.recipe || role::gives_an_instruction(&claim.sentence)) {
                claim.role = instructed(claim, shared.recipe);
            }
            // A press release states its issuer's own figures: it is their source.
            if claim.role.is_none() && shared.press_release {
                claim.role = Some(crate::claim::Role::Analysis);
            }
        }
        self.tokens = own_tokens;
        claims
    }
}

/// The tokens of sentence `index`: those extraction kept, else cut again into `own`.
fn sentence_tokens<'t>(
    document: &Document,
    index: usize,
    kept: Option<&'t SentenceTokens>,
    own: &'t mut Vec<crate::extract::token::Token>,
) -> &'t [crate::extract::token::Token] {
    if let Some(tokens) = kept.and_then(|kept| kept.get(index)) {
        return tokens;
    }
    crate::extract::token::tokenize(
        &document.text,
        document.sentences[index].span,
        &document.ignored,
        own,
    );
    own
}

/// The role of a figure in an instruction or a recipe: "Bake at 200°C for 20 minutes", "Add
/// 120 ml of water", "Add half the flour", "Cut into 8 pieces" give the instruction's measures
/// and portions; a recipe's measures all are (its ingredients, times and nutrition card), and
/// so are its portions in words ("chopped in half"). A recipe's prices, dates and counts of
/// other things ("the bakery sold 4,000 bars") are not.
fn instructed(claim: &Claim, recipe: bool) -> Option<crate::claim::Role> {
    use crate::claim::Kind;
    let measure = matches!(claim.kind, Kind::Quantity | Kind::Duration);
    let portion = matches!(claim.kind, Kind::Count | Kind::Percent);
    let in_words = !claim.text.bytes().any(|b| b.is_ascii_digit());
    let instruction =
        !recipe || role::gives_an_instruction(&claim.sentence) || profile::recipe_card_line(&claim.sentence);
    (measure || (portion && (instruction || (claim.kind == Kind::Percent && in_words))))
        .then_some(crate::claim::Role::Procedure)
}

type Interval = (
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
    Option<String>,
);

/// Value, precision, low, high and date of a mention, from its figure and qualifier.
///
/// `exact` allows the rounding of the last stated digit (70 → 69.5..70.5); `approx` the wider
/// of that and the relative tolerance; the inequalities are open on one side; ranges are their
/// two ends. Years, ordinals and dates carry no interval.
fn interval(mention: &Mention, settings: &Settings) -> Interval {
    match &mention.figure {
        Figure::Year(year) => (Some(Decimal::from(*year)), None, None, None, None),
        Figure::Period(first, last) => (
            None,
            None,
            Some(Decimal::from(*first)),
            Some(Decimal::from(*last)),
            None,
        ),
        Figure::Date(iso) => (None, None, None, None, Some(iso.clone())),
        Figure::Range { low, high } => (None, None, Some(*low), Some(*high), None),
        Figure::Number { value, precision } => {
            if mention.kind == Kind::Ordinal {
                return (Some(*value), None, None, None, None);
            }
            let half = *precision / Decimal::TWO;
            let (low, high) = match mention.qualifier {
                Qualifier::Exact | Qualifier::Range => (Some(*value - half), Some(*value + half)),
                Qualifier::Approx => {
                    let tolerance = half.max(value.abs() * settings.approx_tolerance);
                    (Some(*value - tolerance), Some(*value + tolerance))
                }
                Qualifier::MoreThan | Qualifier::AtLeast => (Some(*value), None),
                Qualifier::LessThan | Qualifier::AtMost => (None, Some(*value)),
            };
            let tidy = |d: Decimal| d.normalize();
            (
                Some(tidy(*value)),
                Some(tidy(*precision)),
                low.map(tidy),
                high.map(tidy),
                None,
            )
        }
    }
}

/// For each mention, the temporal mention of its sentence it refers to: the nearest one
/// before it, else the nearest after, unless that one opens a period in another clause ("72%,
/// continuing a trend growing since our first survey in 2016": 2016 is when the trend began,
/// not when the figure held; "down 57% since 1991" keeps its year). Temporal mentions
/// themselves refer to none.
fn time_references(text: &str, mentions: &[Mention]) -> Vec<Option<usize>> {
    // "since 2016", "since our first survey in 2016": "since" a few words before, in its clause.
    let opens_period = |mention: &Mention| {
        let before = crate::span::window_before(text, mention.span.start, 40);
        let clause = before
            .rsplit([',', ';', '(', ')', '.', ':'])
            .next()
            .unwrap_or_default();
        clause
            .split_whitespace()
            .rev()
            .take(5)
            .any(|word| word.eq_ignore_ascii_case("since"))
    };
    let mut references = vec![None; mentions.len()];
    let mut start = 0;
    for run in mentions.chunk_by(|a, b| a.sentence == b.sentence) {
        let end = start + run.len();
        let mut last_temporal = None;
        let mut first_temporal_after = vec![None; end - start];
        let mut next = None;
        for index in (start..end).rev() {
            first_temporal_after[index - start] = next;
            if mentions[index].kind.is_temporal() {
                next = Some(index);
            }
        }
        for index in start..end {
            if mentions[index].kind.is_temporal() {
                last_temporal = Some(index);
                continue;
            }
            let after = first_temporal_after[index - start].filter(|&later| {
                let between =
                    &text[mentions[index].span.end..mentions[later].span.start.max(mentions[index].span.end)];
                !(opens_period(&mentions[later]) && between.contains([',', ';', '(', ')', '—']))
            });
            references[index] = last_temporal.or(after);
        }
        start = end;
    }
    references
}

fn time_string(figure: &Figure) -> String {
    match figure {
        Figure::Year(year) => format!("{year:04}"),
        Figure::Period(first, last) => format!("{first:04}/{last:04}"),
        Figure::Date(iso) => iso.clone(),
        Figure::Number { value, .. } => value.to_string(),
        Figure::Range { low, high } => format!("{low}/{high}"),
    }
}

/// Folds runs of whitespace (line breaks in wrapped text) into one space.
#[must_use]
pub fn collapse_whitespace(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        // A run of ASCII that is not whitespace is copied whole.
        let run = bytes[at..]
            .iter()
            .position(|&b| !b.is_ascii() || matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
            .map_or(bytes.len(), |n| at + n);
        let piece = if run > at {
            &text[at..run]
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            let end = at + c.len_utf8();
            if c.is_whitespace() {
                space = true;
                at = end;
                continue;
            }
            &text[at..end]
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push_str(piece);
        at += piece.len();
    }
    out
}

/// Whether the only whitespace of `text` is single spaces between words, as in most
/// sentences: `collapse_whitespace` would copy it unchanged.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut previous = b' ';
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if !byte.is_ascii() {
            // Steps go from character to character, so `at` starts one.
            let c = text[at..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                return false;
            }
            at += c.len_utf8();
            previous = byte;
            continue;
        }
        if matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r') || (byte == b' ' && previous == b' ') {
            return false;
        }
        previous = byte;
        at += 1;
    }
    previous != b' '
}

#[cfg(test)]
mod tests {
    use super::collapse_whitespace;

    #[test]
    fn whitespace_runs_fold_to_one_space_and_the_ends_are_trimmed() {
        for text in [
            "  EUR\t1.5\n\nmillion  ",
            "a\u{b}b\u{a0}\u{a0}c\u{2009}d",
            "naïve  café — fin\u{3000}",
            "",
            " \n ",
            "12%",
            // Already folded, or nearly: the fast path and its edges.
            "The port moved 4,200 ships.",
            " leading space",
            "trailing space ",
            "two  spaces",
            "x",
            " ",
        ] {
            assert_eq!(
                collapse_whitespace(text),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                "{text:?}"
            );
        }
    }
}
