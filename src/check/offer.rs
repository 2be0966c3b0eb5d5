//! Figures that need no source because the reader can check them at the counter: a price
//! offered to the reader ("save $31", "for just $1", "$10 off", "priced at $399", "prices start
//! at $44,000") and a device's specification ("355 horsepower", "230 kW", "a 512GB drive", "a
//! 120Hz panel", "277 miles of range"). Reviews, deals and product news state these from the maker's own sheet; an
//! editor asks for no source, and `citation/missing` does not either.

use crate::claim::{Claim, Kind};
use crate::lexicon::units::{Dimension, scale};

/// Words just before a price that offer it ("priced at $399", "for just $1"). Words that also
/// state what something did ("saves", "starts at", "sold for") are left out: "the government
/// saves $151 billion" and "the tax starts at $15 a ton" are claims.
const OFFER_BEFORE: &[&str] = &[
    "for just",
    "for only",
    "at just",
    "at only",
    "now just",
    "now only",
    "priced at",
    "retails for",
    "retail for",
    "retailing for",
    "retail price of",
    "retail price is",
    "sells for",
    "selling for",
    "on sale for",
    "starting price of",
    "starting price is",
    "msrp of",
    "msrp is",
    "msrp",
    "list price of",
    "prices start at",
    "pricing starts at",
    "pricing will start at",
    "price starts at",
    "prices starting at",
    "getting it for",
    "get it for",
    "buy it for",
    "grab it for",
    "pick it up for",
    "cheap at",
    "costs just",
    "costs only",
];

/// Words that open a sentence offering the reader something ("Get access to print and digital
/// for $23.99", "Join today for $5"): a price after "for" in such a sentence is offered.
const OFFER_OPENERS: &[&str] = &[
    "get ",
    "subscribe",
    "join ",
    "sign up",
    "try ",
    "buy ",
    "order ",
    "unlock",
    "start your",
    "become a",
];

/// Words of a sign-up offer around a sum the reader gets ("new users can get $10 in bitcoin
/// when they sign up").
const SIGN_UP: &[&str] = &[
    "sign up",
    "sign-up",
    "signing up",
    "new users",
    "new customers",
    "referral",
    "promo code",
];

/// A service's terms after a sum ("a $2 minimum order", "a $5 minimum deposit"); "a $15
/// minimum wage" is a claim.
const TERMS_AFTER: &[&str] = &[
    "minimum order",
    "minimum deposit",
    "minimum purchase",
    "minimum balance",
    "minimum investment",
    "minimum spend",
];

/// A saving offered to the reader ("Save $31", "you'll save $250", "save up to 32 percent");
/// "the reform would save $2 billion" is a claim.
const SAVE: &[&str] = &[
    "save",
    "you save",
    "you'll save",
    "you will save",
    "you can save",
    "you could save",
];

/// Words of a card's or a loyalty scheme's terms, which its issuer sets and states ("Earn
/// 80,000 bonus points after you spend $4,000 on purchases in the first 3 months", "$1,000
/// toward travel when you redeem", "Either $5 or 5% of the amount of each transfer"): every sum,
/// share and count of points in such a sentence is an offer's term.
const REWARD_TERMS: &[&str] = &[
    "bonus points",
    "bonus miles",
    "after you spend",
    "when you redeem",
    "points per dollar",
    "miles per dollar",
    "point per dollar",
    "mile per dollar",
    "from account opening",
    "statement credit",
    "annual fee",
    "intro apr",
    "introductory apr",
    "variable apr",
    "balance transfer",
    "each transfer",
    "foreign transaction fee",
];

/// Bytes before a figure read for an offer.
const BEFORE_BYTES: usize = 24;

/// Power above which a figure is a plant's or a grid's, no device's (2 MW: a train engine).
const DEVICE_POWER_WATTS: u64 = 2_000_000;

/// Data above which a figure is a service's or a country's, no device's (100 TB).
const DEVICE_DATA_BYTES: u64 = 100_000_000_000_000;

/// Units that only a device's sheet states: horsepower, torque, pixel density, battery
/// charge.
const DEVICE_UNITS: &[&str] = &["hp", "N·m", "lb·ft", "ppi", "mAh"];

/// Whether the figure is a price offered to the reader or a device's specification.
#[must_use]
pub fn checkable_at_the_counter(text: &str, claim: &Claim) -> bool {
    match claim.kind {
        Kind::Money => {
            offered(text, claim)
                || set_by_law_or_court(text, claim)
                || rewards_terms(claim)
                || price_list_line(claim)
                || catalogue_line(claim)
                || fee_line(claim)
        }
        Kind::Percent => offered(text, claim) || rewards_terms(claim),
        Kind::Quantity => {
            specified(claim) || rated(text, claim) || catalogue_line(claim) || in_dimensions(text, claim)
        }
        Kind::Count => {
            (counts_points(text, claim) && rewards_terms(claim))
                || sized_in_a_compound(text, claim)
                || in_dimensions(text, claim)
        }
        _ => false,
    }
}

/// Whether a figure is one side of dimensions written "W x H" ("256 x 256 pixels", "a 4 × 6
/// photo", "1920x1080"): a size as the thing's sheet gives it.
fn in_dimensions(text: &str, claim: &Claim) -> bool {
    let times = |c: char| matches!(c, 'x' | '×' | 'X');
    let after = crate::span::window_after(text, claim.span.end, 8).trim_start();
    let before = crate::span::window_before(text, claim.span.start, 8).trim_end();
    after
        .strip_prefix(times)
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        || before
            .strip_suffix(times)
            .is_some_and(|rest| rest.trim_end().ends_with(|c: char| c.is_ascii_digit()))
        || measured_by(text, claim)
}

/// "1080 pixels by 1920 pixels", "12 feet by 20 feet": two sides in one unit joined by "by"
/// (the unit said twice, so that "5 percent by 2030" is no size).
fn measured_by(text: &str, claim: &Claim) -> bool {
    let after = crate::span::window_after(text, claim.span.end, 48);
    let before = crate::span::window_before(text, claim.span.start, 48);
    // The first side: its unit, "by", the second number, the unit again.
    let mut words = after.split_whitespace();
    if let (Some(unit), Some("by"), Some(number), Some(again)) =
        (words.next(), words.next(), words.next(), words.next())
        && unit.len() >= 2
        && unit.chars().all(char::is_alphabetic)
        && number.starts_with(|c: char| c.is_ascii_digit())
        && again.trim_end_matches([',', '.', ';', ')']) == unit
    {
        return true;
    }
    // The second side: "N unit by" just before it and the unit just after it.
    let mut back = before.split_whitespace().rev();
    let (Some("by"), Some(unit), Some(number)) = (back.next(), back.next(), back.next()) else {
        return false;
    };
    number.ends_with(|c: char| c.is_ascii_digit())
        && after
            .split_whitespace()
            .next()
            .is_some_and(|word| word.trim_end_matches([',', '.', ';', ')']) == unit)
}

/// Whether a count is the size of a place written into a compound before it ("the 9,000-square-foot
/// house", "a 200-seat hall", "a 40-bedroom hotel"): the building's description, as its sheet
/// gives it.
fn sized_in_a_compound(text: &str, claim: &Claim) -> bool {
    const SIZES: &[&str] = &[
        "-square-foot",
        "-square-feet",
        "-sq-ft",
        "-square-metre",
        "-square-meter",
        "-seat",
        "-seater",
        "-room",
        "-bedroom",
        "-bed",
        "-acre",
    ];
    let after = crate::span::window_after(text, claim.span.end, 16).to_ascii_lowercase();
    SIZES.iter().any(|size| {
        after
            .strip_prefix(size)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_whitespace() || c == '-' || c == ','))
    })
}

/// Whether the claim's sentence states a card's or a loyalty scheme's terms (`REWARD_TERMS`).
fn rewards_terms(claim: &Claim) -> bool {
    static TERMS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(REWARD_TERMS)
            .expect("the terms build")
    });
    TERMS.is_match(&*claim.sentence)
}

/// Whether a count is of points or miles ("80,000 bonus points", "2X points"): the word after
/// it opens with "bonus", "point" or "mile".
fn counts_points(text: &str, claim: &Claim) -> bool {
    let after = crate::span::window_after(text, claim.span.end, 16).trim_start();
    ["bonus", "point", "mile"].iter().any(|noun| {
        after
            .get(..noun.len())
            .is_some_and(|word| word.eq_ignore_ascii_case(noun))
    })
}

/// A price or a discount offered: an offer's words just before it, or "off" just after ("$10
/// off", "39 percent off").
fn offered(text: &str, claim: &Claim) -> bool {
    let before = crate::span::window_before(text, claim.span.start, BEFORE_BYTES).to_lowercase();
    let before = before.trim_end().trim_end_matches(['(', ':']).trim_end();
    // "save up to $20", "starting at around $5": a hedge between the offer and the figure.
    let unhedged = ["up to", "as much as", "just", "only", "around", "about"]
        .iter()
        .find_map(|hedge| before.strip_suffix(hedge).map(str::trim_end));
    let candidates = [Some(before), unhedged];
    let saving = candidates.into_iter().flatten().any(|text| {
        SAVE.iter().any(|words| {
            text.strip_suffix(words).is_some_and(|rest| {
                // "Save" opening its block or sentence: the offer's own words.
                rest.ends_with('\n')
                    || rest.trim_end().is_empty()
                    || rest.trim_end().ends_with(['.', '!', ':', '—'])
            })
        }) || SAVE[1..].iter().any(|words| ends_with_words(text, words))
    });
    // "for only 6% of bridges" is a share, not a price: only money is priced.
    let priced = claim.kind == Kind::Money
        && candidates
            .into_iter()
            .flatten()
            .any(|text| OFFER_BEFORE.iter().any(|words| ends_with_words(text, words)));
    if saving
        || priced
        || (claim.kind == Kind::Money
            && (subscribed(text, claim) || listed(text, claim) || offered_in_sentence(before, claim)))
    {
        return true;
    }
    let after = crate::span::window_after(text, claim.span.end, 8);
    let next = after.trim_start();
    next.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("off"))
        && !next[3..].starts_with(|c: char| c.is_alphanumeric())
}

/// A price in a sentence that offers the reader something ("Get access for $23.99"), a sum a
/// reader gets for signing up, or a service's minimum ("a $2 minimum order").
fn offered_in_sentence(before: &str, claim: &Claim) -> bool {
    let sentence = claim.sentence.trim_start().to_lowercase();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let opens = OFFER_OPENERS.iter().any(|opener| sentence.starts_with(opener));
    if opens && matches!(word_before, "for" | "just" | "only") {
        return true;
    }
    if matches!(word_before, "get" | "earn" | "receive")
        && SIGN_UP.iter().any(|words| sentence.contains(words))
    {
        return true;
    }
    // Lower case can change a text's length: the figure is found and skipped in lower case.
    let figure = claim.text.to_lowercase();
    let after = sentence
        .find(&figure)
        .and_then(|at| sentence.get(at + figure.len()..))
        .map(str::trim_start);
    // "free shipping if they spend $50 or more", "10% off sales of $100 or more", "$20 off a
    // $200 purchase": the threshold of a discount, in the words that offer it.
    let discounted = [
        "% off",
        " off a",
        " off orders",
        " off sales",
        "free shipping",
        "discount",
    ]
    .iter()
    .any(|words| sentence.contains(words));
    after.is_some_and(|after| {
        TERMS_AFTER.iter().any(|terms| after.starts_with(terms))
            || (discounted
                && ["or more", "purchase", "order", "or over"]
                    .iter()
                    .any(|terms| after.starts_with(terms)))
    })
}

/// A subscription's or a service's rate: money by the month or year ("$9.99/month for this
/// service", "the $10-a-month Stadia Pro subscription", "your $10 monthly fee") in a sentence
/// that names what is subscribed to. A tax or a benefit by the month is a claim; a fee for a
/// membership is on the seller's page.
fn subscribed(text: &str, claim: &Claim) -> bool {
    const PERIOD: &[&str] = &[
        "/month",
        "/mo",
        "/year",
        "/yr",
        "a month",
        "per month",
        "monthly",
        "-a-month",
        "a year",
        "per year",
        "annually",
        "-a-year",
    ];
    const SERVICE: &[&str] = &[
        "subscription",
        "subscriber",
        "subscribers",
        "membership",
        "members",
        "streaming",
        "service",
        "fee",
        "tier",
        "you'd",
        "you’d",
        "you'll",
        "you’ll",
        "you pay",
        "paying",
    ];
    let after = crate::span::window_after(text, claim.span.end, 12).to_lowercase();
    let rest = after.trim_start();
    let by_period = PERIOD.iter().any(|period| {
        (rest.starts_with(period) || after.starts_with(period))
            && !rest[period.len().min(rest.len())..].starts_with(|c: char| c.is_alphanumeric())
    }) || claim.text.contains('/')
        || PERIOD.iter().any(|period| {
            claim
                .text
                .to_lowercase()
                .ends_with(period.trim_start_matches('-'))
        });
    if !by_period {
        return false;
    }
    let around = format!(
        "{} {}",
        crate::span::window_before(text, claim.span.start, 64),
        crate::span::window_after(text, claim.span.end, 64)
    )
    .to_lowercase();
    around
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|word| SERVICE.contains(&word))
        || SERVICE
            .iter()
            .any(|words| words.contains(' ') && around.contains(words))
}

/// Labels that open a line giving what the reader pays to attend or take part ("Fee: $25 for
/// members and $35 for others", "Admission: free; $10 at the door").
const FEE_LABELS: &[&str] = &[
    "fee",
    "fees",
    "admission",
    "tickets",
    "ticket price",
    "ticket prices",
    "registration",
    "registration fee",
    "entry",
    "entry fee",
    "price",
    "prices",
    "tuition",
];

/// Whether the claim's sentence is a line of an announcement that opens with a fee's label and
/// a colon: the organiser's price, offered to the reader.
fn fee_line(claim: &Claim) -> bool {
    let Some((label, _)) = claim.sentence.split_once(':') else {
        return false;
    };
    let label = label.trim().trim_matches(|c: char| !c.is_alphanumeric());
    FEE_LABELS.iter().any(|fee| fee.eq_ignore_ascii_case(label))
}

/// Lines of a price list: each a short label, a colon or a dash, and a price alone ("VIP :
/// 60,000₩", "Adults: $12", "Early bird – €45"), as tickets, menus and fees are listed (the
/// lines of a block run into one sentence).
fn price_list_line(claim: &Claim) -> bool {
    static LINES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:\s*\p{L}[\p{L} '’&/]{0,22}?\s*[:–—-]\s*[^\s:\d]{0,3}\d[\d,.]*[^\s:]{0,3})+\s*[.;]?\s*$",
        )
        .expect("valid pattern")
    });
    // "Revenue: $4 billion" in a list of key figures states a result, not a price.
    const MEASURES: &[&str] = &[
        "revenue",
        "revenues",
        "sales",
        "profit",
        "profits",
        "income",
        "loss",
        "losses",
        "budget",
        "cost",
        "costs",
        "spending",
        "debt",
        "deficit",
        "gdp",
        "funding",
        "value",
        "assets",
        "earnings",
        "turnover",
        "valuation",
        "investment",
        "total",
        "net",
        "gross",
        "capital",
        "damages",
    ];
    let line = claim.sentence.trim();
    line.len() <= 400
        && opens_with_label(line)
        && LINES.is_match(line)
        && !line
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| MEASURES.contains(&word.to_lowercase().as_str()))
}

/// Whether `line` opens as `price_list_line`'s pattern needs: a letter, then letters, spaces
/// and `'’&/` up to a colon or a dash. A scan that passes over most sentences before the
/// pattern (dear to compile for its bounded Unicode classes) is built or run; it lets through
/// every line the pattern matches.
fn opens_with_label(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    if !chars.next().is_some_and(char::is_alphabetic) {
        return false;
    }
    chars
        .find(|&c| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '’' | '&' | '/')))
        .is_some_and(|c| matches!(c, ':' | '–' | '—' | '-'))
}

/// A book's or a record's catalogue line under a review ("Harbour Press, 312 pp., $18.99; ages
/// 8-12"): a short line of publisher, length, price and readership, as the publisher lists them.
fn catalogue_line(claim: &Claim) -> bool {
    static FIELDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:\d pp\.|(?:^|[;,]\s*)ages \d|ISBN)").expect("valid pattern")
    });
    let line = claim.sentence.trim();
    line.len() <= CATALOGUE_LINE_BYTES && FIELDS.is_match(line)
}

/// Longest catalogue line, in bytes.
const CATALOGUE_LINE_BYTES: usize = 160;

/// A price named as the list or retail price of what a review describes ("the retail price on
/// this configuration is $3,299", "its list price: $499").
fn listed(text: &str, claim: &Claim) -> bool {
    let clause = crate::span::window_before(text, claim.span.start, 48).to_lowercase();
    let Some(at) = ["retail price", "list price", "msrp", "sticker price", "price tag"]
        .iter()
        .filter_map(|words| clause.rfind(words))
        .max()
    else {
        return false;
    };
    let between = clause[at..].trim_end();
    !between.contains(['.', ';'])
        && (between.ends_with(" is") || between.ends_with(':') || between.ends_with(" of"))
}

/// Nouns of a penalty or a bond, named after the figure ("a $250,000 fine") or before it.
const PENALTIES: &[&str] = &["fine", "fines", "bond", "bail", "penalty", "penalties"];

/// A penalty or a bond that a law or a court sets, as news reports it ("up to a $250,000 fine",
/// "a fixed penalty notice of £1,000", "held in lieu of $70,000 bond"), and a tax credit's amount
/// ("a $7,500 federal tax credit"): the statute and the
/// court record are public, and a story does not cite them. A fine that was paid ("fined $5
/// million") is an event and still wants its source.
fn set_by_law_or_court(text: &str, claim: &Claim) -> bool {
    const BEFORE: &[&str] = &[
        "fine of",
        "fines of",
        "penalty of",
        "penalties of",
        "penalty notice of",
        "bail of",
        "bond of",
        "bail set at",
        "bond set at",
        "in lieu of",
    ];
    let after = crate::span::window_after(text, claim.span.end, 40)
        .trim_start()
        .to_ascii_lowercase();
    let noun_after = PENALTIES.iter().any(|noun| {
        after
            .strip_prefix(noun)
            .is_some_and(|tail| !tail.starts_with(|c: char| c.is_ascii_alphanumeric()))
    });
    let clause = crate::span::window_before(text, claim.span.start, 48).to_lowercase();
    // "could face up to 10 years in prison and have to pay $250,000": the statute's maximum, as
    // a charge carries it.
    let sentence = claim.sentence.to_lowercase();
    if ["could face up to", "faces up to", "face up to", "facing up to"]
        .iter()
        .any(|w| sentence.contains(w))
        && ["prison", "jail", "fine", "penalty"]
            .iter()
            .any(|w| sentence.contains(w))
    {
        return true;
    }
    // "each must post $100,000 bond": the bond a court set.
    if noun_after
        && ["post", "posted", "posts", "posting"]
            .iter()
            .any(|w| ends_with_words(clause.trim_end(), w))
    {
        return true;
    }
    // "paid a $20 million fine", "agreed to pay a fine of …": what happened, not the rule.
    if ["paid", "pay ", "pays ", "fined", "settle"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return false;
    }
    // A fine written before its noun is the rule only as a bound ("faces up to a $250,000
    // fine", "a maximum $10,000 fine").
    let bound = ["up to", "maximum", "as much as", "face"]
        .iter()
        .any(|w| clause.contains(w));
    let before =
        clause[crate::span::floor_char_boundary(&clause, clause.len().saturating_sub(24))..].trim_end();
    let before = before.strip_suffix("up to").map_or(before, str::trim_end);
    // "a $7,500 federal tax credit", "the $2,000 child tax credit": the amount a statute sets.
    let statutory = after
        .trim_start_matches("federal ")
        .trim_start_matches("state ")
        .trim_start_matches("refundable ")
        .trim_start_matches("child ")
        .starts_with("tax credit");
    (noun_after && bound)
        || statutory
        || BEFORE.iter().any(|words| ends_with_words(before, words))
        || penalty_scale(text, claim, noun_after, &clause, &after)
}

/// A penalty's scale as the rule sets it: by offence ("starting at £1,000 for a first offence
/// and rising to £10,000 after four breaches") or as what may happen ("the penalty can be
/// quadrupled to £4,000", "if they are subjected to a £1,000 fine"), a penalty named just
/// before or after the figure.
fn penalty_scale(text: &str, claim: &Claim, noun_after: bool, clause: &str, after: &str) -> bool {
    const BY_OFFENCE: &[&str] = &[
        "offence",
        "offense",
        "breach",
        "violation",
        "infraction",
        "repeat",
        "per day",
        "a day",
        "each day",
    ];
    const MAY: &[&str] = &[
        "could be",
        "can be",
        "may be",
        "would be",
        "liable",
        "subjected to",
        "if ",
    ];
    let wide = crate::span::window_before(text, claim.span.start, 96).to_lowercase();
    let noun_before = wide
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| PENALTIES.contains(&word));
    let by_offence = BY_OFFENCE
        .iter()
        .any(|words| after.contains(words) || clause.contains(words));
    (noun_after || noun_before) && (by_offence || MAY.iter().any(|words| clause.contains(words)))
}

/// `text` ends with `words` as whole words.
fn ends_with_words(text: &str, words: &str) -> bool {
    text.strip_suffix(words)
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
}

/// A vehicle's rated range or top speed ("up to 277 miles of range", "215 miles on a charge",
/// "a top speed of 124 mph", "top speed is an electronically limited 124 mph", "rated for up to
/// 277 miles").
fn rated(text: &str, claim: &Claim) -> bool {
    let Some((dimension, _, _)) = claim.unit.and_then(scale) else {
        return false;
    };
    if !matches!(dimension, Dimension::Length | Dimension::Speed) {
        return false;
    }
    let after = crate::span::window_after(text, claim.span.end, 24)
        .trim_start()
        .to_lowercase();
    let before = crate::span::window_before(text, claim.span.start, 48).to_lowercase();
    [
        "of range",
        "range",
        "per charge",
        "on a charge",
        "on a single charge",
        "on one charge",
    ]
    .iter()
    .any(|words| after.starts_with(words))
        || ["top speed", "range of", "rated for", "rated at", "is rated"]
            .iter()
            .any(|words| before.contains(words))
}

/// A device's power, storage or frequency, or a unit only a device's sheet uses.
fn specified(claim: &Claim) -> bool {
    let Some(unit) = claim.unit else {
        return false;
    };
    // "a 250cc bike", "500-600cc": an engine's displacement, as its maker gives it.
    if DEVICE_UNITS.contains(&unit) || (unit == "cm³" && claim.text.to_ascii_lowercase().ends_with("cc")) {
        return true;
    }
    let Some((dimension, factor, _)) = scale(unit) else {
        return false;
    };
    let size = claim.value.or(claim.high).or(claim.low).unwrap_or_default().abs() * factor;
    match dimension {
        Dimension::Power => size <= rust_decimal::Decimal::from(DEVICE_POWER_WATTS),
        Dimension::Data => size <= rust_decimal::Decimal::from(DEVICE_DATA_BYTES),
        Dimension::Frequency => true,
        _ => false,
    }
}
