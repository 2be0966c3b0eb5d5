//! Document profiles: what kind of document this is decides which figures need a source. A
//! research article's results are its own; a specification's and a law's figures are the rules
//! it sets; a company filing reports the filer's own accounts; a report's and a news story's
//! figures are claims about the world.
//!
//! Detection reads the document's structure, in this order (the first that holds wins):
//! - `legal`: an enacting clause ("Be it enacted"), many statute citations (§, U.S.C.) with
//!   "shall", a court opinion's caption (parties "v." each other, their roles, the court's
//!   words) at the top, or a contract's or terms of service's wording (it names itself "this
//!   Agreement" or "these Terms" and defines its terms, or has a contract's sections: limitation
//!   of liability, indemnification, governing law …);
//! - `filing`: a securities filing's cover ("SECURITIES AND EXCHANGE COMMISSION" and "FORM
//!   10-K", "10-Q", "8-K" or "20-F") near the top;
//! - `specification`: an RFC, PEP, BIP or EIP header, the requirement keywords of RFC 2119
//!   ("MUST", "SHALL", "SHOULD NOT", "REQUIRED") used five times or more, or technical
//!   documentation (ten code blocks or more, one per 2 KB of source or denser), or a design
//!   document's sections (two or more of Motivation, Rationale, Drawbacks, Proposal, Design,
//!   Implementation, Compatibility, Unresolved questions …);
//! - `research`: a JATS `article-type` of a research article or report, a section on methods
//!   ("Methods", "Methodology", "Materials and methods") and one on results or findings, or an
//!   abstract, an introduction and references (a paper, whatever its sections are called), or
//!   a statistical report on its own survey (sampling error spoken of three times or more, and
//!   the survey or sample too);
//! - otherwise `report`. `news` is never guessed: set it in claimlint.toml or with `--profile`.

use serde::Deserialize;

use crate::document::{BlockKind, Document};

/// What kind of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    Report,
    Research,
    Specification,
    Legal,
    News,
    Filing,
}

impl Profile {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Report => "report",
            Self::Research => "research",
            Self::Specification => "specification",
            Self::Legal => "legal",
            Self::News => "news",
            Self::Filing => "filing",
        }
    }

    /// The profile named `name`, for `--profile`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "report" => Self::Report,
            "research" => Self::Research,
            "specification" => Self::Specification,
            "legal" => Self::Legal,
            "news" => Self::News,
            "filing" => Self::Filing,
            _ => return None,
        })
    }
}

/// Section titles of design documents and RFCs (Rust, Go, Python).
const DESIGN_SECTIONS: &[&str] = &[
    "motivation",
    "rationale",
    "drawbacks",
    "alternatives",
    "rationale and alternatives",
    "proposal",
    "design",
    "detailed design",
    "implementation",
    "compatibility",
    "backwards compatibility",
    "guide-level explanation",
    "reference-level explanation",
    "specification",
    "unresolved questions",
    "prior art",
    "future possibilities",
    "open issues",
    "security considerations",
    "change motivation",
    "design rationale",
    "alternatives considered",
    "new terminology",
    "reference implementation",
    "test cases",
    "path to active",
];

/// Source bytes per code block at or under which a document is technical documentation.
const CODE_EVERY_BYTES: usize = 2000;

/// How far into a document its header (RFC, PEP, filing cover) is looked for, in bytes.
const HEADER_BYTES: usize = 20_000;

/// Where a court opinion's caption stands: its first bytes.
const CAPTION_BYTES: usize = 2_000;

/// The profile the document's structure shows.
#[must_use]
pub fn detect(document: &Document) -> Profile {
    let text = &document.text;
    let head = &text[..crate::span::floor_char_boundary(text, HEADER_BYTES.min(text.len()))];
    // Counts that are only compared with a threshold stop there: each is a pass over the text.
    let at_least = |needle: &str, wanted: usize| {
        memchr::memmem::find_iter(text.as_bytes(), needle)
            .take(wanted)
            .count()
    };
    // Every heading, lowercased once for every test below that reads them.
    let heading_blocks: Vec<&crate::document::Block> = document
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .collect();
    let headings: Vec<String> = heading_blocks
        .iter()
        .map(|b| document.slice(b.span).to_lowercase())
        .collect();
    let short_headings: Vec<&str> = heading_blocks
        .iter()
        .zip(&headings)
        .filter(|(b, _)| b.span.len() < 120)
        .map(|(_, h)| h.as_str())
        .collect();
    let statutes = at_least("§", 10);
    let statutes = statutes + at_least("U.S.C.", 10 - statutes);
    if head.contains("Be it enacted")
        || (statutes >= 10 && at_least(" shall ", 10) >= 10)
        || is_court_opinion(&head[..crate::span::floor_char_boundary(head, CAPTION_BYTES.min(head.len()))])
        || is_contract(document, &short_headings)
    {
        return Profile::Legal;
    }
    if is_filing_cover(head) {
        return Profile::Filing;
    }
    let header = [
        "Request for Comments:",
        "Network Working Group",
        "\nPEP:",
        "PEP: ",
        "BIP: ",
        "\nBIP:",
        "eip: ",
        // The header of an RFC process's proposals (Rust, React and others): "- RFC PR: …".
        "RFC PR:",
    ];
    let requirements = requirement_words(text, 5);
    // Technical documentation: code samples throughout (one per 2 KB of source or more).
    let code_dense = document.code_blocks >= 10
        && document.code_blocks * CODE_EVERY_BYTES >= document.source_map.original().len();
    let proposal = document.declared_type.as_deref() == Some(crate::document::PROPOSAL);
    if proposal || header.iter().any(|h| head.contains(h)) || requirements >= 5 || code_dense {
        return Profile::Specification;
    }
    if let Some(declared) = document.declared_type.as_deref()
        && matches!(
            declared,
            "research-article" | "brief-report" | "case-report" | "rapid-communication"
        )
    {
        return Profile::Research;
    }
    // A design document or an RFC: its sections argue for a design it sets. Each heading's
    // name is read once ("Motivation: Why is this CIP necessary?" names the motivation).
    let names: std::collections::HashSet<&str> = headings
        .iter()
        .map(|h| {
            h.split(':')
                .next()
                .unwrap_or(h)
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim()
        })
        .collect();
    let design_sections = DESIGN_SECTIONS
        .iter()
        .filter(|section| names.contains(**section))
        .count();
    if design_sections >= 2 {
        return Profile::Specification;
    }
    if headed_as_a_paper(&headings) || reports_own_survey(text) || presents_survey_results(document) {
        return Profile::Research;
    }
    Profile::Report
}

/// Whether a document's head is a securities filing's cover: the commission's name and the
/// form's, in any case and with the line breaks and spaces of the filer's layout ("SECURITIES\nAND
/// EXCHANGE COMMISSION", "FORM  8-K").
fn is_filing_cover(head: &str) -> bool {
    const FORMS: [&str; 4] = ["FORM 10-K", "FORM 10-Q", "FORM 8-K", "FORM 20-F"];
    if memchr::memmem::find(head.as_bytes(), b"EXCHANGE").is_none() && !head.contains("Exchange") {
        return false;
    }
    let mut folded = String::with_capacity(head.len());
    for word in head.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(&word.to_ascii_uppercase());
    }
    folded.contains("SECURITIES AND EXCHANGE COMMISSION") && FORMS.iter().any(|form| folded.contains(form))
}

/// Whether a document's headings are a research paper's: Methods (or a structured abstract's
/// method parts) and Results, or an abstract, an introduction and a list of references (its
/// sections need not be named Methods and Results).
fn headed_as_a_paper(headings: &[String]) -> bool {
    let methods = headings
        .iter()
        .any(|h| h.contains("method") || h.contains("materials"));
    let results = headings
        .iter()
        .any(|h| h.contains("result") || h.contains("finding"));
    let named = |words: &[&str]| {
        headings.iter().any(|h| {
            words.iter().any(|w| {
                h.trim()
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .trim()
                    == *w
            })
        })
    };
    let paper = named(&["abstract"]) && named(&["introduction"]) && named(&["references", "bibliography"]);
    // A structured abstract names its method's parts instead ("Design:", "Setting:",
    // "Participants:", "Measurements:").
    let method_parts = STRUCTURED_METHOD
        .iter()
        .filter(|part| {
            headings
                .iter()
                .any(|h| h.trim().trim_end_matches(':').trim() == **part)
        })
        .count();
    ((methods || method_parts >= 2) && results) || paper
}

/// The headings a structured abstract gives the parts of its method.
const STRUCTURED_METHOD: &[&str] = &[
    "design",
    "setting",
    "settings",
    "participants",
    "patients",
    "intervention",
    "interventions",
    "measurements",
    "main outcome measures",
];

/// A court's opinion or order: a case caption ("X v. Y") with the parties' roles
/// ("Petitioner", "Respondent", "Appellant", "Plaintiff" …) and the court's own words
/// ("Opinion", "Docket No.", "Court") at the top. Its figures are the court's findings and
/// the record's, not claims that want a source.
fn is_court_opinion(head: &str) -> bool {
    let caption = head.contains(" v. ") || head.contains(" V. ") || head.contains("\nv.\n");
    let parties = [
        "Petitioner",
        "Respondent",
        "Appellant",
        "Appellee",
        "Plaintiff",
        "Defendant",
    ]
    .iter()
    .any(|role| head.contains(role));
    let court = ["OPINION", "Opinion of the Court", "Docket No", "COURT", "Court"]
        .iter()
        .any(|word| head.contains(word));
    caption && parties && court
}

/// Words of a contract's section headings: its terms' standard parts.
const CONTRACT_SECTIONS: &[&str] = &[
    "definitions",
    "limitation of liability",
    "indemnif",
    "indemnity",
    "governing law",
    "choice of law",
    "warrant",
    "severability",
    "termination",
    "entire agreement",
    "force majeure",
    "confidentiality",
    "assignment",
    "dispute resolution",
    "miscellane",
];

/// How far into a document a contract's wording is looked for, in bytes: a contract names
/// itself and defines its terms from the start.
const CONTRACT_BYTES: usize = 50_000;

/// The words by which a contract speaks of itself.
const CONTRACT_SELF: [&str; 6] = [
    "this Agreement",
    "This Agreement",
    "these Terms",
    "These Terms",
    "this License",
    "this EULA",
];

/// The words that define a contract's terms ("“Affiliate” means …").
const CONTRACT_DEFINITIONS: [&str; 6] = [
    "” means",
    "\" means",
    "”** means",
    "\"** means",
    "” shall mean",
    "\" shall mean",
];

/// A contract, a licence or terms of service: it names itself as "this Agreement" or "these
/// Terms" throughout, or a few times with defined terms ("“Affiliate” means") or a contract's
/// sections (limitation of liability, indemnification, governing law …); or it has four of
/// those sections. Its fees, caps, shares and periods are the terms it sets. `headings` are its short headings,
/// lowercased.
fn is_contract(document: &Document, headings: &[&str]) -> bool {
    let text = &document.text;
    let bytes = &text.as_bytes()[..crate::span::floor_char_boundary(text, CONTRACT_BYTES.min(text.len()))];
    let count = |needles: &[&str], wanted: usize| {
        let mut found = 0;
        for needle in needles {
            found += memchr::memmem::find_iter(bytes, needle)
                .take(wanted - found)
                .count();
            if found >= wanted {
                break;
            }
        }
        found
    };
    let sections = CONTRACT_SECTIONS
        .iter()
        .filter(|section| headings.iter().any(|h| h.contains(**section)))
        .count();
    let own_name = count(&CONTRACT_SELF, 10);
    let titled = title(document).is_some_and(|t| names_a_contract(&t));
    own_name >= 10
        || sections >= 4
        || (titled && (own_name >= 2 || sections >= 2))
        || (own_name >= 3 && (sections >= 2 || count(&CONTRACT_DEFINITIONS, 3) >= 3))
}

/// Whether a title names a contract: "Terms of Service", "Pre-release License Terms",
/// "Developer Agreement", "Terms and Conditions".
fn names_a_contract(title: &str) -> bool {
    title.split(|c: char| !c.is_alphanumeric()).any(|word| {
        matches!(
            word,
            "Terms" | "Agreement" | "License" | "Licence" | "Conditions" | "EULA" | "TERMS" | "AGREEMENT"
        )
    })
}

/// The document's title: its metadata's, or its first top-level heading.
fn title(document: &Document) -> Option<String> {
    document.title.clone().or_else(|| {
        document
            .blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Heading { level: 1 }))
            .map(|b| document.slice(b.span).to_owned())
    })
}

/// A document titled as a survey's results ("Rust Survey 2018 Results", "Results of the 2024
/// member survey", "State of the Community Survey 2016") that speaks of the survey and its
/// responses throughout, written by the team that ran it: its figures are those results. The
/// text speaks in the first person plural ("we asked", "our survey") as a survey's own report
/// does and a story about someone else's survey does not: twice under a title that names
/// results or findings, five times under one that does not.
fn presents_survey_results(document: &Document) -> bool {
    let Some(title) = title(document).map(|t| t.to_lowercase()) else {
        return false;
    };
    if !title.contains("survey") {
        return false;
    }
    let text = document.text.to_lowercase();
    let mentions = ["survey", "surveys", "responses", "respondents", "responded"]
        .iter()
        .map(|word| whole_word_count(&text, word))
        .sum::<usize>();
    let results = title.contains("result") || title.contains("finding");
    let first_person = ["we", "our", "us"]
        .iter()
        .map(|word| whole_word_count(&text, word))
        .sum::<usize>();
    mentions >= 3 && first_person >= if results { 2 } else { 5 }
}

/// A statistical report on the publisher's own survey (a census, a national assessment): it
/// speaks of its estimates' sampling error throughout — significance, margins of error,
/// confidence levels, standard errors, response and participation rates, three times or more —
/// and of the survey itself; or the team that ran it reports on it in its own words ("we asked
/// our respondents") and speaks of its respondents throughout. Its figures are its own
/// results, as a research article's are.
fn reports_own_survey(text: &str) -> bool {
    /// Sampling-error phrases first, then the survey's words, then the words of a team that
    /// reports the survey it ran: one pass over the text for all.
    const PHRASES: [&str; 21] = [
        "statistically significant",
        "statistically signiﬁcant",
        "margin of error",
        "margins of error",
        "confidence level",
        "standard error",
        "sampling error",
        "sampling variability",
        // An assessment's appendix speaks of the rates it met rather than of its errors.
        "response rate",
        "participation rate",
        "survey",
        "Survey",
        "sample",
        "respondents",
        "our survey",
        "our respondents",
        "we asked",
        "We asked",
        "we surveyed",
        "We surveyed",
        "results of our",
    ];
    const STATISTICS: usize = 10;
    const SURVEY: usize = 13;
    const RESPONDENTS: usize = 13;
    static FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(PHRASES)
            .expect("the phrases build")
    });
    let (mut statistics, mut survey, mut respondents, mut ours) = (0, 0, 0, 0);
    for found in finder.find_iter(text) {
        match found.pattern().as_usize() {
            at if at < STATISTICS => statistics += 1,
            at if at < SURVEY => survey += 1,
            RESPONDENTS => respondents += 1,
            at => {
                // "our survey" is a survey word too, "our respondents" its respondents.
                ours += 1;
                match PHRASES[at] {
                    "our survey" => survey += 1,
                    "our respondents" => respondents += 1,
                    _ => {}
                }
            }
        }
        // Its sampling errors, or a team's own words on whom it asked ("we asked our
        // respondents", "the results of our survey") with its respondents throughout.
        if survey >= 3 && (statistics >= 3 || (ours >= 2 && respondents >= 5)) {
            return true;
        }
    }
    false
}

/// Whether a document reports results of its own model: its authors say at least twice that
/// they estimate, simulate, model, calculate, analyse, find, project or assume ("I find", "we
/// simulated"), or it names its modelling three times or more ("microsimulation", "modeled",
/// "our model", a microsimulation tool named), or once and twice. A policy analysis of this
/// kind states what a reform would do as its own result, not as a fact that wants a source.
#[must_use]
pub fn models_its_own_results(text: &str) -> bool {
    // One thread: it is read lazily, while a stretch is normalised on a pool's thread, where a
    // parallel search could take up another stretch that waits for this very answer.
    let mut counts = (0, 0);
    let mut count = |modelling: bool, start: usize, end: usize| {
        if modelling {
            counts.0 += 1;
        } else if is_whole_word(text, start, end) {
            counts.1 += 1;
        }
        names_its_own_model(counts)
    };
    if text.len() >= REGEX_FROM_BYTES {
        // One pattern of every word, longest first, so that at one place the longest word
        // matches as a leftmost-longest search would have it.
        static WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            let mut words: Vec<&str> = MODELLING
                .iter()
                .copied()
                .chain(FIRST_PERSON.iter().map(String::as_str))
                .collect();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let alternation: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
            regex::Regex::new(&format!("(?i-u:{})", alternation.join("|"))).expect("fixed words build")
        });
        WORDS.find_iter(text).any(|found| {
            let modelling = MODELLING.iter().any(|m| m.eq_ignore_ascii_case(found.as_str()));
            count(modelling, found.start(), found.end())
        })
    } else {
        static FINDER: crate::lexicon::finder::Finder = crate::lexicon::finder::Finder::new(|kind| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .kind(kind)
                .build(
                    MODELLING
                        .iter()
                        .copied()
                        .chain(FIRST_PERSON.iter().map(String::as_str)),
                )
                .expect("fixed words build")
        });
        FINDER.get(text).find_iter(text).any(|found| {
            count(
                found.pattern().as_usize() < MODELLING.len(),
                found.start(),
                found.end(),
            )
        })
    }
}

/// Text, in bytes, from which the own-model scan compiles a regex of its words: its lazy DFA
/// reads a long text several times faster than an Aho-Corasick automaton (52 M instructions
/// against 90 M on 5 MB), but compiling it (15 M) and warming its states cost more than that
/// saves on a small document.
const REGEX_FROM_BYTES: usize = 1_000_000;

/// Two first-person working words, three modelling words, or one and two.
fn names_its_own_model((modelling, first_person): (usize, usize)) -> bool {
    first_person >= 2 || modelling >= 3 || (first_person >= 1 && modelling >= 2)
}

/// Words that name a model of the document's own, or a microsimulation tool.
const MODELLING: [&str; 13] = [
    "microsimulat",
    "simulat",
    "modeled",
    "modelled",
    "modeling",
    "modelling",
    "our model",
    "this model",
    "policyengine",
    "openfisca",
    "taxsim",
    "tax-calculator",
    "euromod",
];

/// The authors' words for working out figures themselves: a first person and a verb of
/// working ("I find", "we also simulated"), or their analysis named.
static FIRST_PERSON: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    const SUBJECTS: [&str; 4] = ["i ", "we ", "i also ", "we also "];
    const VERBS: [&str; 27] = [
        "estimate",
        "estimated",
        "simulate",
        "simulated",
        "model",
        "modeled",
        "modelled",
        "calculate",
        "calculated",
        "analyze",
        "analyzed",
        "analyse",
        "analysed",
        "find",
        "found",
        "project",
        "projected",
        "assume",
        "assumed",
        "compute",
        "computed",
        "examine",
        "examined",
        "show",
        "used data",
        "use data",
        "extend",
    ];
    let mut words: Vec<String> = SUBJECTS
        .iter()
        .flat_map(|subject| VERBS.iter().map(move |verb| format!("{subject}{verb}")))
        .collect();
    words.extend(
        [
            "this analysis",
            "our analysis",
            "my analysis",
            "these analyses",
            "our results",
            "the results show",
            "static analysis",
            "static analyses",
            "the code behind",
        ]
        .map(str::to_owned),
    );
    words
});

/// The requirement words of a specification ("MUST", "MUST NOT", "SHALL", "SHALL NOT", "SHOULD
/// NOT", "REQUIRED") written as whole words, counted up to `wanted`, in one pass over the text
/// ("MUST NOT" counts as "MUST" too, as the words counted one by one would).
fn requirement_words(text: &str, wanted: usize) -> usize {
    static WORDS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::new(["MUST", "MUST NOT", "SHALL", "SHALL NOT", "SHOULD NOT", "REQUIRED"])
            .expect("the words build")
    });
    words
        .find_overlapping_iter(text)
        .filter(|found| is_whole_word(text, found.start(), found.end()))
        .take(wanted)
        .count()
}

/// Whether `text[start..end]` stands as a word: no letter or digit before, none (nor `_`) after.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Occurrences of `word` in `text` standing alone (not inside a longer word).
fn whole_word_count(text: &str, word: &str) -> usize {
    text.match_indices(word)
        .filter(|(at, _)| is_whole_word(text, *at, at + word.len()))
        .count()
}

/// List items that open with a cook's measure ("300 grams flour", "2 tbsp oil") from which a
/// document is a recipe.
const RECIPE_INGREDIENTS: usize = 3;

/// Units of a cook's measures, as an ingredient list writes them after the amount.
const KITCHEN_UNITS: &[&str] = &[
    "g",
    "gram",
    "grams",
    "kg",
    "ml",
    "l",
    "litre",
    "litres",
    "liter",
    "liters",
    "tbsp",
    "tsp",
    "tablespoon",
    "tablespoons",
    "teaspoon",
    "teaspoons",
    "cup",
    "cups",
    "oz",
    "ounce",
    "ounces",
    "lb",
    "lbs",
    "pinch",
    "clove",
    "cloves",
    "handful",
];

/// Whether a document is a recipe: a web page that marks itself up as one for search engines
/// (schema.org's `Recipe` type, in JSON-LD or microdata), or `RECIPE_INGREDIENTS` list items
/// or more that open with an amount and a kitchen unit ("120 ml water", "1/2 cup sugar"). Its
/// quantities and times are the recipe's own, not claims to source.
#[must_use]
pub fn is_recipe(document: &Document) -> bool {
    declares_a_recipe(document) || lists_ingredients(document)
}

/// A press release: a wire service's mark near its start (`/PRNewswire/`, `(BUSINESS WIRE)`),
/// or a dateline opening one of its first paragraphs ("New York, NY – ", "LONDON, May 4, 2021 --")
/// and an "About <issuer>" block in its second half naming the issuer its opening paragraphs
/// name. A news story has datelines too, but no block about the company that issued it.
#[must_use]
pub fn is_press_release(document: &Document) -> bool {
    const WIRES: &[&str] = &[
        "/PRNewswire/",
        "/PRNewswire-",
        "(BUSINESS WIRE)",
        "/CNW/",
        "GLOBE NEWSWIRE",
        "/EINPresswire/",
        "ACCESSWIRE",
        "/PRNewsfoto/",
    ];
    static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[A-Z][A-Za-z.'’]+(?:[ ,]{1,2}[A-Z][A-Za-z.'’]+){0,4}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*[–—-]{1,2}\s",
        )
        .expect("valid pattern")
    });
    let text = &document.text;
    let head = &text[..crate::span::floor_char_boundary(text, text.len().min(4000))];
    if WIRES.iter().any(|wire| head.contains(wire)) {
        return true;
    }
    let opening: Vec<&str> = document
        .blocks
        .iter()
        .filter(|block| block.kind == BlockKind::Paragraph)
        .map(|block| document.slice(block.span))
        .take(5)
        .collect();
    if !opening.iter().any(|p| DATELINE.is_match(p)) {
        return false;
    }
    let half = document.blocks.len() / 2;
    document.blocks[half..].iter().any(|block| {
        let line = document.slice(block.span).trim();
        let Some(issuer) = line.strip_prefix("About ") else {
            return false;
        };
        let issuer = issuer.trim_end_matches(['.', ':']).trim();
        let words = issuer.split_whitespace().count();
        let first = issuer
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        (1..=5).contains(&words)
            && !["us", "the", "this", "our", "me", "my", "author"].contains(&first.as_str())
            && opening.iter().any(|p| p.contains(issuer))
    })
}

/// A page's structured data says it is a recipe (`"@type": "Recipe"`,
/// `itemtype="https://schema.org/Recipe"`).
fn declares_a_recipe(document: &Document) -> bool {
    static TYPE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?-u:"@type"\s*:\s*\[?\s*"Recipe"|schema\.org/Recipe")"#).expect("valid pattern")
    });
    // The hRecipe microformat's root class, or an Open Graph type of recipe.
    static MARKED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?i:class="(?:[^"]*\s)?h-?recipe[\s"]|og:type"\s+content="[^"]*recipe)"#)
            .expect("valid pattern")
    });
    let original = document.source_map.original();
    document.format == crate::document::InputFormat::Html
        && ((memchr::memmem::find(original.as_bytes(), b"Recipe").is_some() && TYPE.is_match(original))
            || (memchr::memmem::find(original.as_bytes(), b"ecipe").is_some() && MARKED.is_match(original)))
}

/// `RECIPE_INGREDIENTS` list items or more open with an amount and a kitchen unit.
fn lists_ingredients(document: &Document) -> bool {
    document
        .blocks
        .iter()
        .filter(|block| block.kind == BlockKind::ListItem)
        .filter(|block| opens_with_a_kitchen_measure(document.slice(block.span)))
        .nth(RECIPE_INGREDIENTS - 1)
        .is_some()
}

/// Whether text opens with an amount and a kitchen unit ("1/2 cup 2% milk", "250 g oats").
fn opens_with_a_kitchen_measure(text: &str) -> bool {
    let text = &text[..crate::span::floor_char_boundary(text, text.len().min(40))];
    let mut words = text.split_whitespace();
    let amount = words.next().unwrap_or_default();
    let starts_with_amount = amount.starts_with(|c: char| c.is_ascii_digit() || "½¼¾⅓⅔".contains(c));
    let unit = amount.trim_start_matches(|c: char| c.is_ascii_digit() || "./½¼¾⅓⅔".contains(c));
    let unit = if unit.is_empty() {
        words.next().unwrap_or_default()
    } else {
        unit
    };
    starts_with_amount && KITCHEN_UNITS.contains(&unit.trim_end_matches(['.', ',']).to_lowercase().as_str())
}

/// Whether a recipe's sentence is one of its ingredients ("1/2 cup 2% milk") or its nutrition
/// card ("Per serving: cal. (kcal) 421, sodium (mg) 708"): its figures are the recipe's own.
#[must_use]
pub fn recipe_card_line(sentence: &str) -> bool {
    const NUTRITION: &[&str] = &[
        "per serving",
        "kcal",
        "calories",
        "sodium",
        "cholesterol",
        "carbohydrate",
        "protein",
        "daily value",
        "nutrition",
    ];
    opens_with_a_kitchen_measure(sentence) || names_a_nutrient(sentence) || {
        let lower = sentence.to_lowercase();
        NUTRITION
            .iter()
            .filter(|word| lower.contains(*word))
            .nth(1)
            .is_some()
    }
}

/// Longest line of a nutrition card read by its first word ("Energy 782 (Kcal)"), in bytes.
const NUTRIENT_LINE_BYTES: usize = 40;

/// Whether a short line opens with a nutrient's name and gives its amount: a row of a recipe's
/// nutrition card ("Energy 782 (Kcal)", "Protein 43 g", "Saturated fat: 4 g").
fn names_a_nutrient(line: &str) -> bool {
    const NUTRIENTS: &[&str] = &[
        "energy",
        "calories",
        "protein",
        "proteins",
        "carbohydrate",
        "carbohydrates",
        "carbs",
        "fat",
        "saturated",
        "fibre",
        "fiber",
        "sugar",
        "sugars",
        "salt",
        "sodium",
        "cholesterol",
    ];
    let line = line.trim();
    let first = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    line.len() <= NUTRIENT_LINE_BYTES
        && NUTRIENTS.contains(&first.as_str())
        && line.bytes().any(|b| b.is_ascii_digit())
}
