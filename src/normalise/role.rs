//! Claim-worthiness: why a figure needs no source, when it needs none. A figure is a claim
//! about the world that needs a source unless it is the document's own analysis or result, a
//! requirement or parameter it sets, a method setting, a hypothetical example, or arithmetic
//! it shows. The decision is made once per figure from the document's profile, the section the
//! figure is in, and the words of its sentence.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Serialize;

use super::profile::Profile;
use crate::document::{BlockKind, Document};
use crate::lexicon::finder::Finder;
use crate::span::Span;

/// Why a figure needs no source (DESIGN: the `role` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The document's own estimate or result.
    Analysis,
    /// A requirement or parameter the document sets (specifications, and the rules and
    /// deadlines that legal text sets).
    Specification,
    /// A method setting ("95% CI", "incubated for 30 min").
    Procedure,
    /// A hypothetical example.
    Example,
    /// Working the author shows.
    Arithmetic,
}

impl Role {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Analysis => "analysis",
            Self::Specification => "specification",
            Self::Procedure => "procedure",
            Self::Example => "example",
            Self::Arithmetic => "arithmetic",
        }
    }
}

/// What a section's title says about the figures in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Results, findings, abstracts, summaries, conclusions: the document's own.
    Own,
    /// Methods, design, participants, sample size.
    Method,
    /// Introduction, discussion, related work: claims drawn from elsewhere.
    Sourced,
    /// Motivation and background: the facts a proposal argues from.
    Motivation,
}

/// The section a heading's words name, if it names one.
fn section_of(title: &str) -> Option<Section> {
    let title = title.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| title.contains(w));
    // Background and discussion sections are named so first ("Background", "2. Discussion
    // of results"); "Programming background" is a section about something else.
    let bare = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace());
    let opens = |words: &[&str]| words.iter().any(|w| bare.starts_with(w));
    if opens(&["motivation", "background"]) {
        return Some(Section::Motivation);
    }
    // A list of terms and what they mean: its figures define, they report nothing.
    if opens(&[
        "definition",
        "terminology",
        "new terminology",
        "glossary",
        "notation",
    ]) {
        return Some(Section::Method);
    }
    // "Literature" names a review when it opens the title or is "the literature" ("Relation to
    // the literature"), not in "Exploring genes in databases and biomedical literature" (a
    // method that mines it).
    if opens(&["introduction", "discussion", "context", "literature"])
        || has(&[
            "related work",
            "the literature",
            "literature review",
            "review of literature",
            "prior work",
            "previous work",
        ])
    {
        return Some(Section::Sourced);
    }
    if has(&[
        "result",
        "finding",
        "abstract",
        "summary",
        "conclusion",
        "outcome",
        "evaluation",
        "demographic",
    ]) {
        return Some(Section::Own);
    }
    if has(&[
        "method",
        "materials",
        "design",
        "participants",
        "sample size",
        "statistical analysis",
        "data collection",
        "procedure",
        "protocol",
        "interventions",
        "population",
        "ethics",
        "measures",
        "how to read",
    ]) {
        return Some(Section::Method);
    }
    None
}

/// The section of every block: the innermost heading above it that names one, or `None`.
#[must_use]
pub fn sections(document: &Document) -> Vec<Option<u8>> {
    // Encoded as u8 to keep the vector small: 0 own, 1 method, 2 sourced, 3 motivation.
    let mut open: Vec<(u8, Option<Section>)> = Vec::new();
    let mut out = Vec::with_capacity(document.blocks.len());
    for block in &document.blocks {
        if let BlockKind::Heading { level } = block.kind {
            while open.last().is_some_and(|(l, _)| *l >= level) {
                open.pop();
            }
            open.push((level, section_of(document.slice(block.span))));
        }
        let section = open.iter().rev().find_map(|(_, s)| *s);
        out.push(section.map(|s| match s {
            Section::Own => 0,
            Section::Method => 1,
            Section::Sourced => 2,
            Section::Motivation => 3,
        }));
    }
    out
}

/// The words of a sentence that give its figures a role, read once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cues {
    /// A requirement keyword, an example or a method setting: the role it gives, in that
    /// order of precedence.
    pub given: Option<Role>,
    /// Words that present the document's own work.
    analysis: bool,
    /// The authors speak of themselves as the subject of a clause ("we had 139 people
    /// contribute", "I have been writing it for a year").
    first_person: bool,
    /// The sentence states what would be under a policy or scenario ("the reform would cut
    /// poverty 29%", "under the Full UBI scheme"), or tells how a policy's effects fall across
    /// a population (`DISTRIBUTION`) of no named year: in a document that models its own
    /// results, its figures are that model's.
    pub modelled: bool,
}

/// Words that set up a case to reason from ("suppose", "imagine", "let's say"), not ones that
/// pick a real one out ("for example", "such as"): an example's cues, and what `supposes`
/// looks for in the sentences before a figure. Whole words: "it was supposed to grow" supposes
/// nothing.
const SUPPOSING: &[&str] = &[
    "suppose ",
    "suppose,",
    "supposing",
    "imagine ",
    "imagine,",
    "hypothetical",
    "let's say",
    "let us assume",
    "say you ",
    // "Consider a single parent of two who earns …": the case the paragraph works through.
    "consider a ",
    "consider an ",
    // "Consider that same family of four": the case set up before, worked on.
    "consider that same ",
    "consider the same ",
    "consider the case of",
];
/// The other cues of an example (`SUPPOSING` are the rest).
const EXAMPLE: &[&str] = &[
    "for example",
    "for instance",
    "e.g.",
    "say, ",
    "such as a ",
    "assume that",
    "assuming",
    // A condition posed to reason from ("if there are 1,000 tasks", "say your cost is 20%").
    "if there are",
    "if there is",
    "if you have",
    "if we have",
    "say your ",
    "say we ",
    // What the reader may expect to pay or do, as a guide tells it ("you can expect to pay
    // $800", "you're probably spending $5,000"): the reader's case, put to them.
    "you can expect",
    "expect to pay",
    "expect to spend",
    "you'll pay",
    "you will pay",
    "you'll spend",
    "you will spend",
    "you're probably",
    "you are probably",
    "you'll probably",
    "you can get",
    "you may have to",
    "you should plan",
    "you should budget",
    // The case a policy analysis works through, named again ("Currently, this family faces
    // …", "an earnings dead zone for this household $5,600 wide").
    "this family",
    "this household",
    "this couple",
    "this single parent",
    "this taxpayer",
    "this worker",
    "such a family",
    "such a household",
];
const ANALYSIS: &[&str] = &[
    "we estimate",
    "we estimated",
    "we find",
    "we found",
    "we calculate",
    "we calculated",
    "we observe",
    "we observed",
    "we see",
    "we saw",
    "we show",
    "we measured",
    "we counted",
    "we identified",
    "our analysis",
    "our estimate",
    "our results",
    "our data",
    "our model",
    "our survey",
    "this survey",
    "this study",
    "this analysis",
    "this report finds",
    "this paper",
    "in this report",
    "respondents",
    "participants",
    "we received",
    "we recruited",
    "we can ",
    "our sample",
    "this sample of",
    "of our ",
    "the present study",
    "our analyses",
    "our study",
    "our findings",
    "my own",
    "the survey",
    "survey received",
    "responses",
    "users said",
    "said that they",
    "in my experience",
    "in our experience",
    // A review's own tests of what it reviews ("in our use"; "our testing" is `OWN_WORK`'s).
    "in our use",
    "we tested",
    "we clocked",
    "we recorded",
    "in my testing",
    "in my tests",
    " i tested",
    " i estimate",
    " i found",
    " i counted",
    " i measured",
    " i observed",
    " i received",
    "my personal",
    "my analysis",
    "my estimate",
    "my data",
    // The authors' own work, told first-hand ("we merged 120 pull requests", "I fixed 14 bugs").
    "we added",
    "we merged",
    "we fixed",
    "we released",
    "we shipped",
    "we wrote",
    "we built",
    "we ran ",
    "we completed",
    "we implemented",
    "we reviewed",
    "we hosted",
    "we organized",
    "we organised",
    "we landed",
    "we migrated",
    "we tested",
    "we trained",
    "we processed",
    "we have written",
    "we have added",
    "we have merged",
    "we have fixed",
    "we have released",
    "we have completed",
    "we have implemented",
    "we have reviewed",
    " i added",
    " i fixed",
    " i wrote",
    " i implemented",
    " i reviewed",
    " i ran ",
    " i tested",
    " i merged",
    // Acknowledgments count the authors' own contributors ("thanks to the 168 contributors to
    // this release", "we had 139 individuals contribute").
    "thank you to",
    "thank you all",
    "thanks to all",
    "thanks to the",
    "thank the ",
    "thank all ",
    "contributors to this",
    "contributors for this",
    "contributors who made",
    "individuals contribute",
    "people contribute",
    "the hard work of",
];
/// References to the document's own figures and tables: a sentence that points at them
/// reports what they show.
const OWN_EXHIBIT: &[&str] = &[
    "(fig.",
    "(figs.",
    "(figure",
    "(table",
    "(tables",
    "see fig",
    "see figure",
    "see table",
    "(supplementary",
    "(appendix",
];
const PROCEDURE: &[&str] = &[
    // A model's or a scenario's assumptions ("the model assumes 90% capture", "“leakage”
    // assumes a 10% loss"): settings of the method, not findings.
    "assumes ",
    "we assume",
    "is assumed",
    "are assumed",
    "was assumed",
    "were assumed",
    "confidence interval",
    "% ci",
    "percent ci",
    "significance level",
    "% power",
    "statistical power",
    "p <",
    "p =",
    "p<",
    "were randomized",
    "were randomised",
    "randomly assigned",
    "incubated",
    "centrifuged",
    "sample size",
    "were recruited",
    "inclusion criteria",
    "exclusion criteria",
    "margin of error",
    "due to rounding",
    "on a scale",
    "scale from",
    "scale of",
    "may not sum",
    "may not add",
    "do not sum",
    " was used to",
    " were used to",
];
/// A system's settings as its documentation gives them ("a default value of 100", "defaults to
/// 8"): parameters it sets, not claims about the world.
const DEFAULTS: &[&str] = &[
    "default value",
    "defaults to",
    "by default",
    "default setting",
    "the default is",
    "the default of",
    "a default of",
    "defaults are",
    "is the default",
];

/// How a document defines its own measures and codes ("partisan lean is calculated as 50
/// percent …", "results weighted 25 percent", "when a cell holds `**` it means that there are
/// fewer than 100", "for the unopposed, this number is 100"): definitions, set by the document.
const DEFINITIONS: &[&str] = &[
    "is calculated as",
    "are calculated as",
    "is computed as",
    "are computed as",
    "is defined as",
    "are defined as",
    "it means that",
    "this number is",
    "this value is",
    "is coded as",
    "are coded as",
    " weighted 0",
    " weighted 1",
    " weighted 2",
    " weighted 3",
    " weighted 4",
    " weighted 5",
    " weighted 6",
    " weighted 7",
    " weighted 8",
    " weighted 9",
];

/// The sizes a body allows ("wheelchairs up to a width of 70cm", "bags no heavier than
/// 23kg"): its own rules, stated on its authority. ("May not exceed" is left out: a report
/// describing a law's caps still owes the law as their source.)
const LIMITS: &[&str] = &[
    "up to a width of",
    "up to a length of",
    "up to a height of",
    "up to a depth of",
    "up to a weight of",
    "up to a size of",
    "within the weight limit",
    "within the size limit",
    "no wider than",
    "no heavier than",
];

/// The authors' own work and the things they run, after "our" ("our recent survey", "our
/// Go-based system", "96% of our users"): figures about them are first-hand.
const OWN_WORK: &[&str] = &[
    "survey",
    "poll",
    "benchmark",
    "setting",
    "review",
    "lab",
    "measurement",
    "test",
    "data",
    "experiment",
    "study",
    "analysis",
    "result",
    "number",
    "telemetry",
    "metric",
    "user",
    "system",
    "server",
    "service",
    "team",
    "project",
    "customer",
    "member",
    "contributor",
    "community",
    "release",
    "implementation",
    "compiler",
    "tool",
];
const REQUIREMENTS: &[&str] = &["MUST", "SHALL", "SHOULD", "REQUIRED", "MUST NOT", "SHALL NOT"];

/// Whether the sentence writes one of `REQUIREMENTS` as a whole word. One pass: every word
/// starts with "M", "S" or "R", found by memchr.
fn has_requirement_word(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    memchr::memchr3_iter(b'M', b'S', b'R', bytes).any(|at| {
        REQUIREMENTS.iter().any(|word| {
            bytes[at..].starts_with(word.as_bytes()) && {
                let before = sentence[..at].chars().next_back();
                let after = sentence[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            }
        })
    })
}

/// Which list a cue comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Example,
    Analysis,
    Procedure,
    /// A system's default setting.
    Setting,
    /// What would be, or what is under a scenario (`COUNTERFACTUAL`).
    Counterfactual,
    /// What a change does, in the present (`CHANGE`).
    Change,
    /// How effects fall across a population (`DISTRIBUTION`).
    Distribution,
}

/// Every cue, in the order of `cue_kinds`.
fn cue_list() -> Vec<(&'static str, CueKind)> {
    let mut cues = Vec::new();
    for (list, kind) in [
        (EXAMPLE, CueKind::Example),
        (SUPPOSING, CueKind::Example),
        (ANALYSIS, CueKind::Analysis),
        (OWN_EXHIBIT, CueKind::Analysis),
        (PROCEDURE, CueKind::Procedure),
        (DEFAULTS, CueKind::Setting),
        (DEFINITIONS, CueKind::Setting),
        (LIMITS, CueKind::Setting),
        (COUNTERFACTUAL, CueKind::Counterfactual),
        (CHANGE, CueKind::Change),
        (DISTRIBUTION, CueKind::Distribution),
    ] {
        cues.extend(list.iter().map(|cue| (*cue, kind)));
    }
    cues
}

/// Each cue's kind, by its pattern number in `CUE_FINDER`.
fn cue_kinds() -> &'static [CueKind] {
    static KINDS: OnceLock<Vec<CueKind>> = OnceLock::new();
    KINDS.get_or_init(|| cue_list().into_iter().map(|(_, kind)| kind).collect())
}

/// Every cue in one automaton, matched once per sentence without lowercasing it.
static CUE_FINDER: Finder = Finder::new(|kind| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(kind)
        .build(cue_list().into_iter().map(|(cue, _)| cue))
        .expect("the cue lists build")
});

impl Cues {
    /// The cues of a document's sentence, with what its paragraph and list carry over: an
    /// example set up before it, a list introduced by an example or told first-hand.
    #[must_use]
    pub fn in_context(document: &Document, sentence: usize) -> Self {
        let mut cues = Self::of(document.slice(document.sentences[sentence].span));
        if cues.given.is_none()
            && (continues_example(document, sentence) || in_example_list(document, sentence))
        {
            cues.given = Some(Role::Example);
        }
        cues.first_person |= in_first_person_list(document, sentence);
        cues
    }

    /// The cues of one sentence's text.
    #[must_use]
    pub fn of(sentence: &str) -> Self {
        let kinds = cue_kinds();
        let (mut example, mut analysis, mut procedure, mut setting) = (false, false, false, false);
        let (mut counterfactual, mut change, mut distribution) = (false, false, false);
        for found in CUE_FINDER.get(sentence).find_overlapping_iter(sentence) {
            match kinds[found.pattern().as_usize()] {
                CueKind::Example => example = true,
                CueKind::Analysis => analysis = true,
                CueKind::Procedure => procedure = true,
                CueKind::Setting => setting = true,
                CueKind::Counterfactual => {
                    counterfactual |= counterfactual_at(sentence, found.start(), found.end());
                }
                CueKind::Change => change = true,
                CueKind::Distribution => distribution = true,
            }
        }
        // Lower-case "shall" is the language of rules and statutes ("half shall be appointed").
        let requirement = setting || sentence.contains(" shall ") || has_requirement_word(sentence);
        let given = if requirement {
            Some(Role::Specification)
        } else if example {
            Some(Role::Example)
        } else if procedure {
            Some(Role::Procedure)
        } else {
            None
        };
        Self {
            given,
            analysis: analysis || names_own_work(sentence),
            first_person: speaks_first_hand(sentence),
            // A change in a named year, or a figure of one, is history the model starts from
            // ("the rate hit 28.3% in 2012").
            modelled: counterfactual || ((change || distribution) && !names_a_year(sentence)),
        }
    }
}

/// Whether the sentence names the authors' own work or things after "our", within three words
/// ("our recent survey", "our Go-based system"); "our economy" and "our rivers" are not theirs
/// to count.
fn names_own_work(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    memchr::memmem::find_iter(bytes, b"ur ").any(|at| {
        let Some(start) = at.checked_sub(1) else {
            return false;
        };
        if !matches!(bytes[start], b'o' | b'O') || (start > 0 && bytes[start - 1].is_ascii_alphanumeric()) {
            return false;
        }
        sentence[at + 3..]
            .split(' ')
            .take(3)
            .take_while(|word| !word.is_empty())
            .map(|word| {
                word.trim_end_matches([',', '.', ';', ':', ')'])
                    .to_ascii_lowercase()
            })
            .any(|word| {
                let word = word.rsplit('-').next().unwrap_or_default();
                OWN_WORK.iter().any(|own| {
                    word.strip_prefix(own)
                        .is_some_and(|rest| matches!(rest, "" | "s" | "es" | "ing"))
                })
            })
    })
}

/// Words that say what would be, or what is under a scenario: "would", "could" ("wouldn't"
/// too), "under" before an article or "each" ("under the reform", "Under a $1,000 payment",
/// "under each of the three reforms").
const COUNTERFACTUAL: &[&str] = &[
    "would",
    "could",
    "under the ",
    "under a ",
    "under an ",
    "under each ",
    "under this ",
    "under their ",
    "under his ",
    "under her ",
];

/// Words that state, in the present, what a change does ("child poverty falls 54 percent",
/// "the plan raises the 10th percentile by 17 percent", "61 percent come out ahead").
const CHANGE: &[&str] = &[
    " falls ",
    " rises ",
    " rise by ",
    " fall by ",
    " drops ",
    " drop by ",
    " grows ",
    " grow by ",
    " doubles ",
    " triples ",
    " halves ",
    " gains ",
    " loses ",
    " cuts ",
    " reduces ",
    " raises ",
    " lifts ",
    " increases ",
    " decreases ",
    " shrinks ",
    " come out ahead",
    " comes out ahead",
    " come out behind",
    " comes out behind",
    " better off",
    " worse off",
    // The scenario a model's result is of, named in its sentence ("the £45 UBI costs £22bn",
    // "the four reforms add £20 billion to the deficit", "in the $1,000 plan").
    " ubi",
    " reform",
    " proposal",
    " the plan",
    " plan)",
    " plan,",
    " plan.",
    " policies",
    // The same changes told as what a reform is doing ("raising the bottom decile 47 percent
    // and lowering the top decile by 9 percent").
    " raising ",
    " lowering ",
    " reducing ",
    " cutting ",
    " lifting ",
    " dividend",
    " scenario",
    " accounts for",
    " funds ",
    " adds ",
    " added ",
    " left ",
];

/// Whether a counterfactual cue found at `start..end` stands as words: it starts a word, and
/// "would" or "could" ends one ("wouldn't" too; the "under" phrases end in a space).
fn counterfactual_at(sentence: &str, start: usize, end: usize) -> bool {
    let ends_word = sentence[..end].ends_with(' ')
        || !sentence[end..].starts_with(|c: char| c.is_alphanumeric() && c != 'n');
    is_word_start(sentence, start) && ends_word
}

/// Whether a sentence names a year ("in 2018", "1960 to 2020"): a change in a year is history,
/// not a scenario.
fn names_a_year(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    bytes.windows(4).enumerate().any(|(at, four)| {
        matches!(&four[..2], b"19" | b"20")
            && four[2..].iter().all(u8::is_ascii_digit)
            && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && !bytes.get(at + 4).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Whether `at` starts a word of `text` (no letter just before it).
fn is_word_start(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether the authors are a subject of the sentence: "we" or "I" (a contraction too) before
/// a word in lower case ("we merged", "I've been", "we're calling"). A capital "I" before a
/// capitalised word or a number is a numeral ("Phase I Trials", "World War I"), not a pronoun.
fn speaks_first_hand(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    memchr::memchr3_iter(b'w', b'W', b'I', bytes).any(|at| {
        // Not inside a word ("now", "AI"), nor glued to one.
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'\'' || bytes[at - 1] > 0x7f)
        {
            return false;
        }
        let (len, contractions): (usize, &[&[u8]]) = match bytes[at] {
            b'I' => (1, &[b"ve", b"m", b"d", b"ll"]),
            _ if bytes.get(at + 1) == Some(&b'e') => (2, &[b"re", b"ve", b"ll", b"d"]),
            _ => return false,
        };
        let after = &bytes[at + len..];
        match after.first() {
            Some(b' ') => after.get(1).is_some_and(u8::is_ascii_lowercase),
            Some(b'\'') => {
                let suffix = after[1..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                contractions.contains(&&after[1..=suffix])
            }
            _ => false,
        }
    })
}

/// Why the figure at `span` needs no source, or `None` if it needs one.
#[must_use]
pub fn role(
    profile: Profile,
    own_model: impl FnOnce() -> bool,
    section: Option<u8>,
    cues: Cues,
    text: &str,
    span: Span,
    sentence: Span,
) -> Option<Role> {
    match profile {
        // A specification's motivation and background argue from facts about the world; the
        // rest sets what it specifies.
        Profile::Specification if section != Some(3) => return Some(Role::Specification),
        Profile::Legal => return Some(Role::Specification),
        Profile::Filing => return Some(Role::Analysis),
        _ => {}
    }
    if cues.given.is_some() {
        return cues.given;
    }
    if shown_working(text, span, sentence) {
        return Some(Role::Arithmetic);
    }
    if profile == Profile::Research && states_a_sample_size(text, span) {
        return Some(Role::Analysis);
    }
    if profile == Profile::Research {
        match section {
            Some(1) => return Some(Role::Procedure),
            Some(2 | 3) => {}
            _ => return Some(Role::Analysis),
        }
    }
    // Whether the document models its own results is asked last: it reads the whole text.
    (cues.analysis || cues.first_person || counts_our_own(text, span) || (cues.modelled && own_model()))
        .then_some(Role::Analysis)
}

/// Words of a distributional analysis's results: how a policy's effects fall across a
/// population — by decile or quintile, on poverty or inequality, on households' net income
/// ("Households in the bottom decile gain $300", "the deep poverty gap falls by 60%").
const DISTRIBUTION: &[&str] = &[
    "decile",
    "quintile",
    "percentile",
    "poverty gap",
    "poverty rate",
    // Not "gini" alone: "Virginia" holds it.
    "gini coefficient",
    "gini index",
    "the gini",
    "net income",
    "disposable income",
    "winners",
    "losers",
    "net effect",
];

/// "our 521 repositories", "our 4,000 subscribers": a figure right after "our" counts the
/// authors' own things, which they know first-hand.
fn counts_our_own(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches(['*', '_', ' ']);
    let Some(word_start) = before.len().checked_sub(3) else {
        return false;
    };
    before
        .get(word_start..)
        .is_some_and(|last| last.eq_ignore_ascii_case("our"))
        && !before[..word_start].ends_with(|c: char| c.is_alphanumeric())
}

/// "(N = 5000)", "n∼120", "N≈48": a research article's sample size, of its own data (a cited
/// study's comes with its citation).
fn states_a_sample_size(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let Some(before) = before
        .strip_suffix(['=', '∼', '~', '≈'])
        .map(|b| b.trim_end_matches(' '))
    else {
        return false;
    };
    before.ends_with(['N', 'n'])
        && !before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Verbs that open an instruction: a recipe's, a gardener's or a fitter's steps.
const INSTRUCTIONS: &[&str] = &[
    "add",
    "bake",
    "beat",
    "blend",
    "boil",
    "bring",
    "chill",
    "chop",
    "combine",
    "cook",
    "cool",
    "cover",
    "drain",
    "fold",
    "freeze",
    "fry",
    "grill",
    "knead",
    "leave",
    "let",
    "microwave",
    "mix",
    "place",
    "pour",
    "preheat",
    "reheat",
    "remove",
    "rest",
    "roast",
    "serve",
    "simmer",
    "slice",
    "soak",
    "sprinkle",
    "stir",
    "thaw",
    "whisk",
    "wrap",
    "water",
    "prune",
    "sow",
    "plant",
    "apply",
    "tighten",
    "insert",
    "measure",
    "fill",
    "rinse",
    "allow",
    "keep",
    "refrigerate",
    "season",
    "steam",
    "toast",
    "layer",
    "spread",
    "grease",
    "line",
    "dissolve",
    "melt",
    "repeat",
    "wait",
];

/// Whether a sentence is an instruction: it opens with a verb of a recipe's or a manual's
/// steps in the imperative ("Bake at 200°C for 20 minutes", "Thaw for 1 hour and reheat"). Its
/// measures are the steps' settings, not claims. Only measures: "Heat waves killed 500" and
/// "Store sales rose 5%" open with a noun and hold counts and shares.
#[must_use]
pub fn gives_an_instruction(sentence: &str) -> bool {
    let mut words = sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric() && c != '\'');
    let Some(first) = words.next() else {
        return false;
    };
    if !first.starts_with(|c: char| c.is_uppercase())
        || !INSTRUCTIONS.iter().any(|verb| verb.eq_ignore_ascii_case(first))
    {
        return false;
    }
    // An instruction's verb is followed by its object or a preposition, never a verb of its
    // own ("Cover crops were planted on 40 hectares").
    let second = words.find(|w| !w.is_empty()).unwrap_or_default();
    !["was", "were", "is", "are", "has", "have", "had", "crops", "of"]
        .iter()
        .any(|word| word.eq_ignore_ascii_case(second))
}

/// What a modelled transfer is called: the noun after its amount ("a $200 monthly child
/// allowance", "a $1,000-per-month UBI").
const TRANSFERS: &[&str] = &[
    "ubi",
    "basic income",
    "allowance",
    "dividend",
    "benefit",
    "credit",
    "payment",
    "grant",
    "stipend",
    "transfer",
    "rebate",
];

/// Words between an amount and the transfer it pays: its period and whom it is paid to.
const PER: &[&str] = &[
    "-per-month",
    "-a-month",
    "-per-year",
    "-a-year",
    " per month",
    " a month",
    " monthly",
    " per year",
    " a year",
    " annual",
    " annually",
    " yearly",
    " weekly",
    " per week",
    " a week",
    " per person",
    " per child",
    " per adult",
    " child",
    " universal",
    " cash",
    " flat",
    " refundable",
];

/// Whether an amount is one a model sets for the transfer it models: the transfer's name
/// follows it, after its period at most ("a $200-per-month UBI", "a $500 annual dividend"), or
/// it is a rate the analysis tries ("at rates of $250 per month").
#[must_use]
pub fn sets_a_modelled_amount(text: &str, span: Span) -> bool {
    let after = crate::span::window_after(text, span.end, 40).to_ascii_lowercase();
    let mut rest = after.as_str();
    for _ in 0..3 {
        match PER.iter().find(|words| rest.starts_with(*words)) {
            Some(words) => rest = &rest[words.len()..],
            None => break,
        }
    }
    let rest = rest.trim_start();
    let names_transfer = TRANSFERS.iter().any(|noun| {
        rest.strip_prefix(noun)
            .is_some_and(|tail| !tail.starts_with(|c: char| c.is_ascii_alphabetic() && c != 's'))
    });
    let before = crate::span::window_before(text, span.start, 24).to_ascii_lowercase();
    names_transfer || before.trim_end().ends_with("rates of") || before.trim_end().ends_with("a rate of")
}

/// Things a protocol is built of, counted in its own units ("900 epochs", "2,160 blocks",
/// "4096 bytes of stack"): a specification's motivation states them as the system's settings,
/// not as facts about the world that want a source.
const SYSTEM_UNITS: [&str; 16] = [
    "epoch",
    "slot",
    "block",
    "byte",
    "bit",
    "gas",
    "opcode",
    "instruction",
    "field",
    "signature",
    "sector",
    "tipset",
    "partition",
    "round",
    "frame",
    "register",
];

/// Whether a figure counts a protocol's own units: a unit of data, or a subject whose last
/// word is one of `SYSTEM_UNITS` (singular or plural).
#[must_use]
pub fn counts_system_units(unit: Option<&str>, subject: Option<&str>) -> bool {
    if unit.is_some_and(|u| {
        crate::lexicon::units::scale(u).is_some_and(|(d, ..)| d == crate::lexicon::units::Dimension::Data)
            || u == "bit"
    }) {
        return true;
    }
    let Some(last) = subject.and_then(|s| s.split_whitespace().next_back()) else {
        return false;
    };
    let last = last.to_ascii_lowercase();
    let singular = last.strip_suffix('s').unwrap_or(&last);
    SYSTEM_UNITS.contains(&singular)
}

/// A figure inside parentheses that hold a sum or difference of figures: "$1,600 ($3,600 −
/// $2,000)", "(12 × 4 = 48)".
fn shown_working(text: &str, span: Span, sentence: Span) -> bool {
    // Parentheses of working are short: look a bounded way either side (a sentence may be a
    // flattened table of thousands of figures).
    let after_end = crate::span::floor_char_boundary(text, (span.end + WORKING_BYTES).min(sentence.end));
    let after = &text[span.end..after_end.max(span.end)];
    // The figure the working gives: "$1,600 ($3,600 − $2,000)", "$2,500: [($10,000 x 0.1) +
    // ($10,000 x 0.15)]".
    if let Some(rest) = after.strip_prefix(" (").or_else(|| after.strip_prefix('('))
        && let Some(close) = rest.find(')')
        && is_working(&rest[..close])
    {
        return true;
    }
    if let Some(rest) = after.strip_prefix(": [").or_else(|| after.strip_prefix(" ["))
        && let Some(close) = rest.find(']')
        && is_working(&rest[..close])
    {
        return true;
    }
    let before_start =
        crate::span::floor_char_boundary(text, span.start.saturating_sub(WORKING_BYTES).max(sentence.start));
    let before = &text[before_start..span.start];
    if in_equation(before, after) || worked_in_words(before) {
        return true;
    }
    let Some(open) = before.rfind('(') else {
        return false;
    };
    if before[open..].contains(')') {
        return false;
    }
    let Some(close) = after.find(')') else {
        return false;
    };
    is_working(&format!(
        "{}{}{}",
        &before[open + 1..],
        &text[span.start..span.end],
        &after[..close]
    ))
}

/// A term of an equation written out in the sentence: an operator beside the figure and an
/// equals sign after it or just before it ("12% / 60% = 0.20", "= 87%").
fn in_equation(before: &str, after: &str) -> bool {
    const OPERATORS: [char; 8] = ['/', '×', '*', '+', '−', '-', '÷', '='];
    let next = after.trim_start().chars().next();
    let previous = before.trim_end().chars().next_back();
    let operator_beside =
        next.is_some_and(|c| OPERATORS.contains(&c)) || previous.is_some_and(|c| OPERATORS.contains(&c));
    let equals = after
        .split(['.', ';', ','])
        .next()
        .is_some_and(|clause| clause.contains('='))
        || previous == Some('=');
    operator_beside && equals
}

/// Working told in words before its result ("Once you divide the total by 52 weeks, the value
/// is about $44 million a week", "multiplied by the 12 months, that comes to $6,000").
fn worked_in_words(before: &str) -> bool {
    const OPERATIONS: [&str; 6] = [
        "divide ",
        "divided by",
        "divides ",
        "multiply ",
        "multiplied by",
        "multiplies ",
    ];
    // Most text before a figure holds neither word: look for their lower-case cores first.
    if !before.contains("ivide") && !before.contains("ultipl") {
        return false;
    }
    let lower = before.to_ascii_lowercase();
    OPERATIONS.iter().any(|operation| lower.contains(operation))
}

/// How far either side of a figure the parentheses of shown working are looked for, in bytes.
const WORKING_BYTES: usize = 160;

/// Whether the text in a pair of parentheses is a sum, difference, product or equation of
/// figures.
fn is_working(inside: &str) -> bool {
    inside.chars().filter(char::is_ascii_digit).count() >= 2
        && [
            " − ",
            " - ",
            " + ",
            " × ",
            " x ",
            " = ",
            " / ",
            " ÷ ",
            " divided by ",
            " multiplied by ",
            " times ",
        ]
        .iter()
        .any(|op| inside.contains(op))
}

/// Sentences back within a block that `continues_example` looks over for the example's cue.
const EXAMPLE_REACH: usize = 6;

/// Whether a sentence in the conditional ("Her average rate would be 12.5%") goes on with an
/// example an earlier sentence of its block set up ("For example, suppose a taxpayer earns
/// $20,000 …"): a worked example runs over several sentences, its cue in the first.
#[must_use]
pub fn continues_example(document: &Document, sentence: usize) -> bool {
    let text = document.slice(document.sentences[sentence].span);
    let conditional = text.contains(" would ") || text.contains(" would,");
    let block = document.sentences[sentence].block;
    document.sentences[sentence.saturating_sub(EXAMPLE_REACH)..sentence]
        .iter()
        .rev()
        .take_while(|earlier| earlier.block == block)
        .any(|earlier| {
            let earlier = document.slice(earlier.span);
            // "Now suppose Alex is offered a job …": what follows in the paragraph is the
            // case supposed, in whatever tense it is told.
            (conditional && Cues::of(earlier).given == Some(Role::Example)) || supposes(earlier)
        })
}

/// Whether the sentence is in an item of a list whose introduction, the paragraph just before
/// the list, sets up an example ("Consider a single parent … Their net income is $41,554 per
/// year:" and the items "$25,000 in earnings", "$7,934 in benefits"): the items are the case's.
#[must_use]
pub fn in_example_list(document: &Document, sentence: usize) -> bool {
    let block = document.sentences[sentence].block;
    if document.blocks[block].kind != crate::document::BlockKind::ListItem {
        return false;
    }
    let Some(introduction) = document.before_run(block, crate::document::BlockKind::ListItem, LIST_REACH)
    else {
        return false;
    };
    let text = document.slice(document.blocks[introduction].span);
    text.trim_end().ends_with(':') && (Cues::of(text).given == Some(Role::Example) || supposes(text))
}

/// How many items either side of a list item are read for the authors' voice.
const LIST_REACH: usize = 12;

/// Whether the sentence is in an item of a list another item of which, or whose introduction,
/// the authors tell first-hand ("- We received 59 bids. - The lowest winning bid was $249."): a
/// list of their own results, told in their voice once.
#[must_use]
pub fn in_first_person_list(document: &Document, sentence: usize) -> bool {
    let block = document.sentences[sentence].block;
    if document.blocks[block].kind != crate::document::BlockKind::ListItem {
        return false;
    }
    let is_item = |index: &usize| document.blocks[*index].kind == crate::document::BlockKind::ListItem;
    let before = (block.saturating_sub(LIST_REACH)..block)
        .rev()
        .take_while(is_item);
    let after = (block + 1..(block + 1 + LIST_REACH).min(document.blocks.len())).take_while(is_item);
    // Or the paragraph that introduces the list does ("We asked our users what stops them,
    // and got clear answers:").
    let introduced = document
        .before_run(block, crate::document::BlockKind::ListItem, LIST_REACH)
        .map(|intro| document.slice(document.blocks[intro].span))
        .is_some_and(|intro| intro.trim_end().ends_with(':') && speaks_first_hand(intro));
    introduced
        || before
            .chain(after)
            .any(|item| speaks_first_hand(document.slice(document.blocks[item].span)))
}

/// Whether a sentence sets up a case to reason from (`SUPPOSING`).
fn supposes(sentence: &str) -> bool {
    // One pass, in any case, without lowering the sentence: every sentence before a figure in
    // its block is asked.
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    FINDER
        .get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(SUPPOSING)
                .expect("the supposing words build")
        })
        .is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(sentence: &str, figure: &str) -> Option<Role> {
        let at = sentence.find(figure).expect("figure in sentence");
        role(
            Profile::Report,
            || false,
            None,
            Cues::of(sentence),
            sentence,
            Span::new(at, at + figure.len()),
            Span::new(0, sentence.len()),
        )
    }

    #[test]
    fn sentence_words_give_roles() {
        assert_eq!(
            of("For example, a block of 8 million units fills fast.", "8 million"),
            Some(Role::Example)
        );
        assert_eq!(
            of(
                "Consider that same family: if they earn $150,000, they keep the credit.",
                "$150,000"
            ),
            Some(Role::Example)
        );
        assert_eq!(
            of("We estimate that 40 percent of trips are short.", "40 percent"),
            Some(Role::Analysis)
        );
        assert_eq!(
            of("The mean fell 2.1 points (95% CI 1.2 to 3.0).", "95%"),
            Some(Role::Procedure)
        );
        assert_eq!(
            of("The key MUST be 32 bytes long.", "32 bytes"),
            Some(Role::Specification)
        );
        assert_eq!(
            of("The credit is $1,600 ($3,600 − $2,000).", "$3,600"),
            Some(Role::Arithmetic)
        );
        assert_eq!(of("Exports rose 12 percent last year.", "12 percent"), None);
        // "must" in lower case is ordinary prose, not a requirement keyword.
        assert_eq!(of("Cities must house 40,000 people.", "40,000"), None);
    }

    #[test]
    fn the_authors_as_subject() {
        for yes in [
            "This year we merged 12 fixes.",
            "I've been at it.",
            "We'd planned 3.",
            "So I fixed it.",
        ] {
            assert!(speaks_first_hand(yes), "{yes}");
        }
        for no in [
            "They were 12.",
            "The AI model.",
            "Phase I Trials",
            "World War I.",
            "Now 3 wells.",
        ] {
            assert!(!speaks_first_hand(no), "{no}");
        }
    }

    #[test]
    fn section_titles_name_sections() {
        assert_eq!(section_of("Results"), Some(Section::Own));
        assert_eq!(section_of("2.3 Materials and Methods"), Some(Section::Method));
        assert_eq!(
            section_of("Relationship to the Literature"),
            Some(Section::Sourced)
        );
        assert_eq!(section_of("Tech stacks"), None);
        // A method that mines the literature is no review of it.
        assert_eq!(
            section_of("Exploring genes in databases and biomedical literature"),
            None
        );
        assert_eq!(section_of("Motivation"), Some(Section::Motivation));
        // A section about the respondents' background is no background section.
        assert_eq!(section_of("Programming background"), None);
        assert_eq!(section_of("2. Background"), Some(Section::Motivation));
    }
}
