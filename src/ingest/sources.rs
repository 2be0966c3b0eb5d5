//! Sources written in the text, in every format: URLs written out, author–year citations
//! ("(Ames et al., 2019)", "Bell and Cole (2021)"), attributions to a named source ("according
//! to the central bank", "the ministry said", "data from Eurostat"), direct quotations (their
//! speaker's words), "Source:" lines under a table or figure, and instrument codes of market
//! data in wire copy ("crude `CLc1` fell"). Links marked up as links are found by the readers.
//!
//! Every pattern runs only on blocks that hold the words it needs, and with ASCII word
//! boundaries, so that the search stays a lazy DFA over the text.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::document::{BlockKind, Document, Source, SourceKind};
use crate::span::Span;

/// Words that look like a surname before a year but are not one ("(March 2020)").
const NOT_AUTHORS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Spring",
    "Summer",
    "Autumn",
    "Fall",
    "Winter",
    "In",
    "Since",
    "Until",
    "By",
    "From",
    "To",
    "Before",
    "After",
    "During",
    "Through",
    "Around",
    "Circa",
    "About",
    "Early",
    "Late",
    "Mid",
    "End",
    "Fiscal",
    "Year",
    "Census",
    "Table",
    "Figure",
    "Fig",
    "Section",
    "Chapter",
    "Page",
    "See",
    "Also",
    "Version",
    "Release",
    "Edition",
    "The",
    "A",
    "An",
    "Of",
    "As",
    "At",
    "On",
    "For",
    "And",
    "Or",
    "Est",
];

/// The patterns of `block_sources`, each compiled on its first use: a run on a small file
/// compiles only those its text calls for (compiling is most of such a run's time).
struct Patterns {
    url: LazyLock<Regex>,
    according: LazyLock<Regex>,
    verb_after: LazyLock<Regex>,
    verb_before: LazyLock<Regex>,
    data_from: LazyLock<Regex>,
    legislation: LazyLock<Regex>,
    source_line: LazyLock<Regex>,
    signed_quotation: LazyLock<Regex>,
    instrument: LazyLock<Regex>,
    initials_year: LazyLock<Regex>,
}

/// A source's name, in ASCII classes: the search stays a small automaton over every block.
const NAME: &str =
    r"(?:the\s+)?[A-Z][A-Za-z0-9&.’'\-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?[A-Z][A-Za-z0-9&.’'\-]*)*";

fn build(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid pattern")
}

static PATTERNS: Patterns = Patterns {
    url: LazyLock::new(|| build(r"(?-u:\b)(?:https?://|www\.)[^\s<>()\]]+")),
    // "according to the Central Bank", "according to a new Harbor Gazette poll" (a word or two
    // before the name), "according to county officials", "according to the company", "according
    // to a group representing …", "according to court documents" (a body that speaks, or its
    // records, unnamed: the story has named it, or says who it is).
    according: LazyLock::new(|| {
        build(&format!(
            r"(?-u:\b)[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+)?(?:(?:new|recent|latest|fresh)\s+)?(?:[a-z]+\s+)?({NAME}|(?:officials|authorities|police|prosecutors|investigators|researchers|scientists|economists|analysts|experts|company|companies|firm|group|groups|association|coalition|unions?|agency|ministry|department|spokes(?:person|man|woman)|representatives|organi[sz]ers|witnesses|sources|people\s+familiar|records|filings|documents|statistics)(?-u:\b))"
        ))
    }),
    // "the Port Authority reported", "The World Health Organisation (WHO) has reported",
    // "officials in Broward County — where the school is — announced".
    verb_after: LazyLock::new(|| {
        build(
            r"((?:[Tt]he\s+)?[A-Za-z][A-Za-z0-9&.’'\-]*)\)?(?:’s|'s)?,?(?:\s+[—–]\s[^—–]{1,80}\s[—–])?\s+(?:(?:has|have|had)\s+)?(?:said|says|reported|reports|estimated|estimates|projected|projects|found|finds|told|announced|announces|requested|requests|proposed|proposes|appropriated|stated|calculated|tallied|tallies|cited|forecast|forecasts|expects|sees|predicts|predicted|wants|urges|urged|recommends|recommended|added\s+that|published|showed|shows|reveals|revealed|notes|noted|has\s+set|have\s+set|sets)(?-u:\b)",
        )
    }),
    verb_before: LazyLock::new(|| {
        build(&format!(
            r"(?-u:\b)(?:said|says|told|according)\s+({NAME}|the\s+[a-z]+)"
        ))
    }),
    data_from: LazyLock::new(|| {
        build(&format!(
            // Initial capitals spelt out rather than `(?i:…)`: the same words at a third of the
            // cost to compile.
            // "analysts surveyed by Refinitiv", "figures compiled by the Census Bureau": a
            // named body gathered the data.
            r"(?-u:\b)(?:(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates|[Nn]umbers|[Aa]\s+(?:report|survey|study)|[Aa]n\s+analysis|[Rr]esearch)\s+(?:from|by|of)|(?:surveyed|polled|compiled|tracked|collected|conducted|released|published|provided|expected|estimated|projected|forecast|predicted|reported|counted)\s+by)\s+({NAME})"
        ))
    }),
    // "the bill includes $3.8 billion for …", "received $805 million in the bill", "under the
    // terms of an omnibus spending bill": the law or budget reported on holds the amounts.
    legislation: LazyLock::new(|| {
        build(
            r"(?i:(?-u:\b)((?:the|this|that|an?)\s+(?:[a-z-]+\s+){0,2}(?:bill|budget|legislation|measure|package|agreement|resolution)\s+(?:includes|included|provides|provided|allocates|allocated|contains|gives|gave|sets\s+aside|earmarks|earmarked|funds|funded|would\s+(?:provide|give|allocate|include|fund))|(?:in|under)\s+the\s+(?:terms\s+of\s+(?:the|an?)\s+)?(?:[a-z-]+\s+){0,2}(?:bill|budget|legislation|measure|package|agreement|resolution))(?-u:\b))",
        )
    }),
    source_line: LazyLock::new(|| build(r"^(?i:sources?|data\s+sources?|source\(s\))[*_]*\s*:")),
    signed_quotation: LazyLock::new(|| build(r#"[”"]\s*(?:--|—|–)\s*\S"#)),
    initials_year: LazyLock::new(|| build(r"(?-u:\b)[A-Z]{1,3}(?:19|20)\d\d[a-z]?(?-u:\b)")),
    instrument: LazyLock::new(|| {
        build(
            r"(?:^|\s)\.[A-Z][A-Z0-9]{3,}(?-u:\b)|(?-u:\b)[A-Z]{2,4}c\d(?-u:\b)|(?-u:\b)CM[A-Z]{2}\d(?-u:\b)|(?-u:\b)[A-Z][A-Z0-9]{1,8}=(?:RR)?(?:\s|$)",
        )
    }),
};

fn patterns() -> &'static Patterns {
    &PATTERNS
}

/// The author–year patterns: "(Smith et al., 2020)" and "Smith and Jones (2019)". Built on
/// first need, not with the others: their Unicode name classes (surnames are not all ASCII)
/// are the dearest patterns to compile, and a document without a parenthesis near a year
/// never needs them (a run on a small file starts faster).
fn author_year_patterns() -> &'static (Regex, Regex) {
    static PATTERNS: OnceLock<(Regex, Regex)> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let surname = r"\p{Lu}[\p{L}’'\-]+";
        let authors = format!(r"{surname}(?:\s+et\s+al\.?|\s+(?:and|&)\s+{surname})?");
        let year = r"(?:19|20)\d\d[a-z]?";
        let build = |pattern: &str| Regex::new(pattern).expect("valid pattern");
        (
            build(&format!(
                r"\((?:[^()]*?[;,]\s*)?(?:see\s+|e\.g\.,?\s+|cf\.\s+)?({authors}),?\s+{year}(?:[,;][^()]*)?\)"
            )),
            build(&format!(r"({authors})\s+\({year}(?:[,;][^()]*)?\)")),
        )
    })
}

/// Longest quotation read, in bytes: longer "quotes" are unbalanced marks.
const MAX_QUOTATION_BYTES: usize = 600;

/// Whether `text` has what both author–year patterns need: a year ("19" or "20" and two digits)
/// inside an open parenthesis (the last parenthesis before it opens), after a space or that
/// parenthesis, and followed (after a letter at most: "2019a") by `)`, `,` or `;`. A scan
/// instead of the patterns, which are dear to compile and to run, for the many blocks that
/// write years otherwise ("in 2015, the", "(2011-2015)").
fn may_cite_author_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(first_open) = memchr::memchr(b'(', bytes) else {
        return false;
    };
    let mut open = false;
    let mut at = first_open;
    while at < bytes.len() {
        match bytes[at] {
            b'(' => open = true,
            b')' => open = false,
            b'1' | b'2' if open && is_cited_year(text, at) => return true,
            _ => {}
        }
        at += 1;
    }
    false
}

/// A year at byte `at` as the author–year patterns write it (see `may_cite_author_year`); its
/// last two digits may be any the patterns' Unicode `\d` takes.
fn is_cited_year(text: &str, at: usize) -> bool {
    if !matches!(text.as_bytes().get(at..at + 2), Some(b"19" | b"20")) {
        return false;
    }
    let before_ok = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c == '(' || c.is_whitespace());
    let mut rest = text[at + 2..].chars();
    let digits_ok = rest.next().is_some_and(char::is_numeric) && rest.next().is_some_and(char::is_numeric);
    let mut next = rest.next();
    if next.is_some_and(|c| c.is_ascii_lowercase()) {
        next = rest.next();
    }
    before_ok && digits_ok && matches!(next, Some(')' | ',' | ';'))
}

/// Quotations in `text` (“…” or "…" on one line, 8 to 600 bytes), as byte ranges with their
/// marks. A scan, not a regular expression: bounded repetitions make large automata.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find(['“', '"']).map(|i| at + i) {
        let (close_mark, open_len) = if text[open..].starts_with('“') {
            ('”', '“'.len_utf8())
        } else {
            ('"', 1)
        };
        let body_start = open + open_len;
        let limit =
            crate::span::floor_char_boundary(text, (body_start + MAX_QUOTATION_BYTES).min(text.len()));
        let close = text[body_start..limit].find(close_mark).map(|i| body_start + i);
        match close {
            Some(close)
                if close - body_start >= 8
                    && (close_mark == '”' || !text[body_start..close].contains('\n')) =>
            {
                let end = close + close_mark.len_utf8();
                found.push((open, end));
                at = end;
            }
            _ => at = body_start,
        }
    }
    found
}

/// Which attribution pattern a cue word calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    According,
    VerbAfter,
    VerbBefore,
    DataFrom,
    Legislation,
}

/// The words the attribution patterns need, each with the pattern it calls for: a block
/// without any is passed over at once, and only the patterns its words call for are run.
fn attribution_words() -> &'static (aho_corasick::AhoCorasick, Vec<Cue>) {
    static WORDS: OnceLock<(aho_corasick::AhoCorasick, Vec<Cue>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let table: &[(&str, Cue)] = &[
            ("according", Cue::According),
            ("said", Cue::VerbBefore),
            ("says", Cue::VerbBefore),
            ("told", Cue::VerbBefore),
            ("reported", Cue::VerbAfter),
            ("reports", Cue::VerbAfter),
            ("estimated", Cue::VerbAfter),
            ("estimates", Cue::VerbAfter),
            ("projected", Cue::VerbAfter),
            ("projects", Cue::VerbAfter),
            ("found", Cue::VerbAfter),
            ("finds", Cue::VerbAfter),
            ("announced", Cue::VerbAfter),
            ("announces", Cue::VerbAfter),
            // A body's own request, proposal or appropriation: its budget documents and laws
            // are the figure's source ("the Administration requested $1.3 billion").
            ("requested", Cue::VerbAfter),
            ("requests", Cue::VerbAfter),
            ("proposed", Cue::VerbAfter),
            ("proposes", Cue::VerbAfter),
            ("appropriated", Cue::VerbAfter),
            ("stated", Cue::VerbAfter),
            ("calculated", Cue::VerbAfter),
            ("tallie", Cue::VerbAfter),
            // "the $53 million figure the senator cited".
            ("cited", Cue::VerbAfter),
            ("forecast", Cue::VerbAfter),
            ("expects", Cue::VerbAfter),
            // Business news: "Home Depot sees 2019 sales growth of 1.8 percent".
            ("sees", Cue::VerbAfter),
            ("predict", Cue::VerbAfter),
            // A named person's or body's proposal is theirs: "Hoenig wants the rate at 1
            // percent", "the Board recommends a 3 percent raise".
            ("wants", Cue::VerbAfter),
            // "He added that half of them …": what a speaker went on to say ("the firm added
            // 500 jobs" is a fact, not a source).
            ("added that", Cue::VerbAfter),
            ("urge", Cue::VerbAfter),
            ("recommend", Cue::VerbAfter),
            ("published", Cue::VerbAfter),
            ("showed", Cue::VerbAfter),
            ("shows", Cue::VerbAfter),
            // "The Polstar survey reveals that …", "Quartz notes that …".
            ("reveal", Cue::VerbAfter),
            ("notes", Cue::VerbAfter),
            ("noted", Cue::VerbAfter),
            (" set ", Cue::VerbAfter),
            (" sets ", Cue::VerbAfter),
            ("data ", Cue::DataFrom),
            ("figures ", Cue::DataFrom),
            ("statistics ", Cue::DataFrom),
            ("estimates ", Cue::DataFrom),
            ("numbers ", Cue::DataFrom),
            ("report ", Cue::DataFrom),
            ("survey ", Cue::DataFrom),
            ("study ", Cue::DataFrom),
            ("analysis ", Cue::DataFrom),
            ("research ", Cue::DataFrom),
            // The participles of `data_from` itself: "ed by " alone (caused by, followed by)
            // would run the pattern on most blocks of prose.
            ("surveyed by ", Cue::DataFrom),
            ("polled by ", Cue::DataFrom),
            ("compiled by ", Cue::DataFrom),
            ("tracked by ", Cue::DataFrom),
            ("collected by ", Cue::DataFrom),
            ("conducted by ", Cue::DataFrom),
            ("released by ", Cue::DataFrom),
            ("published by ", Cue::DataFrom),
            ("provided by ", Cue::DataFrom),
            // "43 million travellers expected by AAA", "as reported by Reuters".
            ("expected by ", Cue::DataFrom),
            ("estimated by ", Cue::DataFrom),
            ("projected by ", Cue::DataFrom),
            ("forecast by ", Cue::DataFrom),
            ("predicted by ", Cue::DataFrom),
            ("reported by ", Cue::DataFrom),
            ("counted by ", Cue::DataFrom),
            (" bill", Cue::Legislation),
            ("budget", Cue::Legislation),
            ("legislation", Cue::Legislation),
            ("measure ", Cue::Legislation),
            ("package", Cue::Legislation),
            ("agreement", Cue::Legislation),
            ("resolution", Cue::Legislation),
        ];
        let finder = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(table.iter().map(|(word, _)| *word))
            .expect("the attribution words build");
        (finder, table.iter().map(|(_, cue)| *cue).collect())
    })
}

/// Whether a block may hold an instrument code (`CLc1`, `XAU=`, `.MIWD00000PUS`, `CMCU3`):
/// a cheap look before the pattern runs.
fn may_name_an_instrument(text: &str) -> bool {
    text.contains('=') || text.contains(" .") || text.contains("CM") || {
        let bytes = text.as_bytes();
        memchr::memchr_iter(b'c', bytes).any(|at| {
            at > 0 && bytes[at - 1].is_ascii_uppercase() && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
        })
    }
}

/// Whether a block may hold a paper cited by its authors' initials and year ("KR2015"): a
/// capital just before "19" or "20", found by memchr before the pattern runs.
fn may_hold_initials_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).any(|at| {
        at > 0 && bytes[at - 1].is_ascii_uppercase() && matches!(bytes.get(at..at + 2), Some(b"19" | b"20"))
    })
}

/// A name that is a real source, not a pronoun for a thing or a group or a sentence opener
/// ("The", "It", "One"). "He" and "she" stand for a person the story has named ("He said the
/// loan was £20,000"): a speaker, as a name is.
fn is_named(name: &str) -> bool {
    let name = name.trim();
    let first = name.split_whitespace().next().unwrap_or_default();
    let generic = [
        "the", "this", "it", "by", "in", "one", "its", "that", "these", "those", "they", "we", "i", "a",
        "an", "which", "who", "what", "and", "or", "but", "as", "also", "has", "have", "had", "is", "was",
    ];
    // An acronym in capitals is a name, whatever word it spells ("WHO has reported").
    let acronym = first.len() >= 2 && first.bytes().all(|b| b.is_ascii_uppercase());
    let lone_generic =
        name.split_whitespace().count() == 1 && !acronym && generic.contains(&first.to_lowercase().as_str());
    !name.is_empty() && !lone_generic
}

/// Finds the sources written in the text of `document`'s prose blocks.
pub fn find(document: &mut Document) {
    // A big document's blocks are read side by side; the sources are sorted after, so the
    // result is the same at any thread count.
    let doc: &Document = document;
    let found = super::gather_by_blocks(
        doc,
        doc.text.len() >= crate::PARALLEL_MIN_BYTES,
        |_, blocks, found| {
            for block in blocks {
                block_sources(doc, block, found);
            }
        },
    );
    document.sources.extend(found);
    document.sources.sort_by_key(|s| (s.span, s.kind));
    document.sources.dedup();
}

/// The sources written in one block, appended to `found`.
fn block_sources(document: &Document, block: &crate::document::Block, found: &mut Vec<Source>) {
    let patterns = patterns();
    if matches!(block.kind, BlockKind::Heading { .. }) || document.is_wholly_ignored(block.span) {
        return;
    }
    let text = document.slice(block.span);
    let at = |start: usize, end: usize| Span::new(block.span.start + start, block.span.start + end);
    let mut push = |span: Span, kind: SourceKind| found.push(Source { span, kind });
    if text.contains("http") || text.contains("www.") {
        for m in patterns.url.find_iter(text) {
            push(at(m.start(), m.end()), SourceKind::Url);
        }
    }
    // "KR2015", "B2009": a paper cited by its authors' initials and year.
    let initials_years = may_hold_initials_year(text).then(|| patterns.initials_year.find_iter(text));
    for m in initials_years.into_iter().flatten() {
        // "FY2026", "CY2020": a fiscal or calendar year, not a paper; "H2020", "EU2020":
        // programmes named by their year.
        let key = m.as_str();
        if !matches!(
            &key[..key.len().min(2)],
            "FY" | "CY" | "SY" | "AY" | "MY" | "TY" | "EU"
        ) && !key.starts_with("H20")
        {
            push(at(m.start(), m.end()), SourceKind::InitialsYear);
        }
    }
    // Both author–year patterns need a year that closes or continues a parenthesis.
    if may_cite_author_year(text) {
        let (parenthetical, narrative) = author_year_patterns();
        for (whole, authors) in
            matches_with_group(parenthetical, text).chain(matches_with_group(narrative, text))
        {
            let first = authors.split_whitespace().next().unwrap_or_default();
            if !NOT_AUTHORS.contains(&first) {
                push(at(whole.start, whole.end), SourceKind::AuthorYear);
            }
        }
    }
    // Attributions need one of their words: a block without any is passed over at once.
    let (finder, cues) = attribution_words();
    let mut wanted = [false; 5];
    for found in finder.find_overlapping_iter(text) {
        wanted[cues[found.pattern().as_usize()] as usize] = true;
    }
    // "said" also ends a name-first attribution ("the ministry said").
    wanted[Cue::VerbAfter as usize] |= wanted[Cue::VerbBefore as usize];
    for (cue, pattern) in [
        (Cue::According, &*patterns.according),
        (Cue::VerbAfter, &*patterns.verb_after),
        (Cue::VerbBefore, &*patterns.verb_before),
        (Cue::DataFrom, &*patterns.data_from),
        (Cue::Legislation, &*patterns.legislation),
    ] {
        if !wanted[cue as usize] {
            continue;
        }
        for (whole, name) in matches_with_group(pattern, text) {
            // A forecast or a proposal is a source's when a proper name makes it ("Edmunds
            // expects", "Home Depot sees", "Hoenig wants"); "the board expects" states a hope,
            // "the port sees 40 ships" a fact.
            let forecast = [
                "expects",
                "sees",
                "predicts",
                "predicted",
                "wants",
                "urges",
                "urged",
                "recommends",
                "recommended",
            ]
            .iter()
            .any(|verb| text[whole.clone()].ends_with(verb));
            if forecast && (!name.starts_with(|c: char| c.is_ascii_uppercase()) || name.starts_with("The ")) {
                continue;
            }
            // "The agency (WHO) has reported": after "has", "have" or "had", only a proper name
            // reports ("colleges had reported 130,000 cases" states what they had).
            // ("The council has set the fee" keeps its own reading: a body sets its rules.)
            let perfect = cue == Cue::VerbAfter
                && !text[whole.clone()].ends_with("set")
                && [" has ", " have ", " had "]
                    .iter()
                    .any(|aux| text[whole.clone()].contains(aux));
            let proper = name
                .split_whitespace()
                .last()
                .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()));
            if perfect && !proper {
                continue;
            }
            if is_named(name) {
                push(at(whole.start, whole.end), SourceKind::Attribution);
            }
        }
    }
    // A direct quotation is its speaker's words: "“Roughly 90% of what we checked …”".
    for (start, end) in quotations(text) {
        if text[start..end].split_whitespace().count() >= 4 {
            push(at(start, end), SourceKind::Attribution);
        }
    }
    // A market data series named by its instrument code (wire copy: "crude CLc1 fell",
    // "gold XAU= added", ".MIWD00000PUS"): the figure is that series' quote.
    if may_name_an_instrument(text) {
        for m in patterns.instrument.find_iter(text) {
            push(at(m.start(), m.end()), SourceKind::SourceLine);
        }
    }
    // A quotation signed with a dash ("“…” — a firmware engineer") gives its source in any
    // document.
    if patterns.signed_quotation.is_match(text) {
        push(block.span, SourceKind::SourceLine);
    }
    if patterns.source_line.is_match(text.trim_start()) {
        push(block.span, SourceKind::SourceLine);
    }
}

/// The matches of `pattern` in `text` with their first group. The matches are found by the
/// fast search, and the group read only inside each match: capturing over a whole block
/// costs several times more.
fn matches_with_group<'t>(
    pattern: &'t Regex,
    text: &'t str,
) -> impl Iterator<Item = (std::ops::Range<usize>, &'t str)> + 't {
    pattern.find_iter(text).filter_map(move |m| {
        let group = pattern.captures(m.as_str())?.get(1)?.as_str();
        Some((m.range(), group))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        let mut document = crate::ingest::plain_text(text);
        document.sources.clear();
        find(&mut document);
        document.sources.iter().map(|s| s.kind.name()).collect()
    }

    #[test]
    fn author_year_citations() {
        assert_eq!(
            kinds("Yields rose 4 percent (Ames et al., 2019)."),
            ["author-year"]
        );
        assert_eq!(
            kinds("Yields rose 4 percent (Bell and Cole 2021; Dunn 2018)."),
            ["author-year"]
        );
        assert_eq!(
            kinds("As Ames et al. (2019) found, yields rose 4 percent."),
            ["author-year"]
        );
        assert_eq!(kinds("Yields rose 4 percent (March 2020)."), Vec::<&str>::new());
        assert_eq!(
            kinds("KR2015 count 41 nesting sites on the coast."),
            ["initials-year"]
        );
        assert_eq!(kinds("It was authorized through FY2026."), Vec::<&str>::new());
        assert_eq!(kinds("The H2020 programme funded 12 sites."), Vec::<&str>::new());
    }

    #[test]
    fn the_author_year_scan_passes_every_citation_the_patterns_find() {
        let (parenthetical, narrative) = author_year_patterns();
        let mut citations = 0;
        for text in [
            "Yields rose (Ames et al., 2019).",
            "Yields rose (see Bell and Cole 2021; Dunn 2018b) in May.",
            "As Ames et al. (2019a) found.",
            "Ames (2019, p. 4) found it; (Öberg\u{a0}2020) too.",
            "Costs (cf. Lund & Berg, 2001) fell.",
            "In 2015, costs fell (by 4%) and (Ames 19) did not.",
            "The plan (2011-2015) ran long.",
            "Yields rose (Ames 20\u{663}\u{664}).",
        ] {
            let found = parenthetical.is_match(text) || narrative.is_match(text);
            assert!(!found || may_cite_author_year(text), "{text}");
            citations += usize::from(found);
        }
        assert_eq!(citations, 6);
        assert!(!may_cite_author_year("In 2015, the plan (2011-2015) ran."));
        assert!(!may_cite_author_year("In 2015, costs fell."));
    }

    #[test]
    fn attributions_name_a_source() {
        assert_eq!(
            kinds("Sales fell 5 percent, according to the Central Bank."),
            ["attribution"]
        );
        assert_eq!(kinds("The ministry said 40 schools closed."), ["attribution"]);
        assert_eq!(
            kinds("The Treasury announces it will pay two thirds of wages."),
            ["attribution"]
        );
        assert_eq!(
            kinds("Analysts surveyed by Northwind had expected $1.10 a share."),
            ["attribution"]
        );
        assert_eq!(
            kinds("Figures compiled by the Harbour Board show 1,200 ships."),
            ["attribution"]
        );
        // A named person's proposal; a body's unnamed hope is not.
        assert_eq!(
            kinds("Ames wants the board to lift the fee from zero to 2 percent."),
            ["attribution"]
        );
        assert!(kinds("The council wants 40 more buses.").is_empty());
        assert_eq!(
            kinds("He added that half of the 20 riders quit."),
            ["attribution"]
        );
        assert!(kinds("The firm added 500 jobs.").is_empty());
        assert_eq!(
            kinds("Here is how Harbour Bank tallied the losses."),
            ["attribution"]
        );
        // Gathered by somebody unnamed: no source.
        assert!(kinds("Samples collected by the team held 40 mg of lead.").is_empty());
        // A title set off by commas between the name and the verb.
        assert_eq!(
            kinds("Ann Ames, head of lending at Harbour Bank, said that 40 loans failed."),
            ["attribution"]
        );
        assert_eq!(
            kinds("Data from Eurostat show 12 percent growth."),
            ["attribution"]
        );
        assert_eq!(
            kinds("It rose 3.2 years, according to one estimate."),
            Vec::<&str>::new()
        );
        // A word or two before the name, and bodies that speak without a name.
        assert_eq!(
            kinds("Support fell to 38%, according to a new Harbor Gazette Tracker poll."),
            ["attribution"]
        );
        assert_eq!(
            kinds("It would cost $40 million, according to county officials."),
            ["attribution"]
        );
        assert_eq!(
            kinds("The Polstar survey reveals that 64 per cent of riders agree."),
            ["attribution"]
        );
        assert_eq!(kinds("Quartz notes that 6% of songs are short."), ["attribution"]);
        // A named company's forecast; an unnamed subject's "sees" states a fact.
        assert_eq!(
            kinds("Looking ahead, Harbourline sees 2026 sales growth of 1.8 percent."),
            ["attribution"]
        );
        assert!(kinds("The port sees 40 ships a day.").is_empty());
        assert!(kinds("It fell 8 percent, according to the plan for next year.").is_empty());
        assert!(kinds("The notes show 40 cranes.").is_empty());
    }

    #[test]
    fn urls_and_source_lines() {
        assert_eq!(kinds("See https://example.org/data for the 40 series."), ["url"]);
        assert_eq!(
            kinds("Source: National Statistics Office, 2021."),
            ["source-line"]
        );
        // Emphasis markup a reader left in the text ("**Source****:**" reads "Source**:**").
        assert_eq!(kinds("Source**:** Harbour Board, 2021."), ["source-line"]);
    }
}
