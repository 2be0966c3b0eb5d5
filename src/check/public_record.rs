//! Figures a story reports from a public record that every reader can look up: a market's
//! prices ("shares closed at $185.25, up 0.35%", "the S&P 500 is up 24.5 percent") and a
//! game's box score ("rushed for 101 yards on 14 carries", "scored 31 points"). News does not
//! cite the exchange's ticker or the league's statistics, and an editor does not ask it to.

use std::sync::OnceLock;

use regex::Regex;

use crate::claim::{Claim, Kind};

/// Bytes before a figure read for the market or the game it reports.
const BEFORE_BYTES: usize = 96;

/// Whether the figure is a market price or move, or a player's or team's game statistic.
#[must_use]
pub fn on_public_record(text: &str, claim: &Claim) -> bool {
    if !matches!(
        claim.kind,
        Kind::Money | Kind::Percent | Kind::Count | Kind::Quantity
    ) {
        return false;
    }
    let before = crate::span::window_before(text, claim.span.start, BEFORE_BYTES);
    let after = crate::span::window_after(text, claim.span.end, 24);
    // Most figures have none of the words the patterns need before them: decided first, by
    // one pass, before any pattern is built or run.
    let (markets, games) = cue_words(before);
    if !markets && !games && !may_name_votes_or_plays(after) {
        return false;
    }
    let patterns = patterns();
    let market = markets
        && matches!(claim.kind, Kind::Money | Kind::Percent | Kind::Count)
        && (patterns.market_before.is_match(before)
            || patterns.trading_before.is_match(before)
            || patterns.commodity_before.captures(before).is_some_and(|found| {
                // "Crude oil imports rose": a quantity of the commodity, not its price.
                !found["between"].split_whitespace().any(|word| {
                    COMMODITY_QUANTITIES.contains(
                        &word
                            .to_ascii_lowercase()
                            .trim_matches(|c: char| !c.is_alphabetic()),
                    )
                })
            }));
    // "won with 58% of the vote": an election's count, published by its officials.
    let vote = claim.kind == Kind::Percent && patterns.vote_after.is_match(after);
    market || vote || (games && patterns.game_before.is_match(before)) || patterns.game_after.is_match(after)
}

/// Whether the text before a figure has a word the market patterns need (a security, an index,
/// a commodity, trading, an exchange's parenthesis), and one the game pattern needs (a verb of
/// play, or a "for" ending it). Letters that Unicode folds to ASCII ones (`ſ`, `K`) let every
/// pattern run, as the patterns' case-insensitive matching would read them.
fn cue_words(before: &str) -> (bool, bool) {
    const MARKET_WORDS: [&str; 24] = [
        "share",
        "stock",
        "index",
        "s&p",
        "dow",
        "djia",
        "nasdaq",
        "sensex",
        "nifty",
        "ftse",
        "nikkei",
        "dax",
        "hang seng",
        "bitcoin",
        "treasur",
        "yield",
        "(",
        "crude",
        "brent",
        "gold",
        "silver",
        "copper",
        "oil",
        "volume",
    ];
    const MORE_MARKET_WORDS: [&str; 3] = ["52-week", "market", "trading"];
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(MARKET_WORDS.iter().chain(&MORE_MARKET_WORDS))
            .expect("the words build")
    });
    if before.contains(['ſ', 'K']) {
        return (true, true);
    }
    let markets = FINDER.is_match(before);
    let trimmed = before.trim_end();
    let ends_with = |word: &[u8]| {
        trimmed
            .len()
            .checked_sub(word.len())
            .is_some_and(|from| trimmed.as_bytes()[from..].eq_ignore_ascii_case(word))
    };
    let games = ends_with(b"for") || ends_with(b"a");
    (markets, games)
}

/// Whether the text after a figure may open with what `vote_after` or `game_after` reads: a
/// letter after any spaces.
fn may_name_votes_or_plays(after: &str) -> bool {
    after.trim_start().starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Nouns that make a commodity's figure a quantity of it rather than its price ("crude oil
/// imports", "gold miners").
const COMMODITY_QUANTITIES: [&str; 16] = [
    "production",
    "output",
    "imports",
    "exports",
    "reserves",
    "demand",
    "supply",
    "supplies",
    "consumption",
    "stocks",
    "inventories",
    "shipments",
    "miners",
    "mines",
    "jobs",
    "workers",
];

struct Patterns {
    market_before: Regex,
    trading_before: Regex,
    commodity_before: Regex,
    game_before: Regex,
    game_after: Regex,
    vote_after: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let build = |pattern: &str| Regex::new(pattern).expect("valid pattern");
        Patterns {
            // A security or an index, then a verb of trading, then the figure, in one clause:
            // "Alibaba shares closed in New York on Tuesday at", "the Sensex scaled a new high
            // of", "Home Depot shares are up". "Shares of households rose" is no market: the
            // verb must follow the security's noun directly or after a place or a day.
            market_before: build(
                r"(?i)(?:\b(?:shares|stock|stocks|index|s&p 500|s&p|dow(?: jones)?|djia|nasdaq(?: composite)?|sensex|nifty|ftse(?: 100)?|nikkei(?: 225)?|dax|hang seng|bitcoin|treasur(?:y|ies)|(?:bond|treasury) yields?)\b|\((?:nyse|nasdaq|nysemkt|nysearca|amex|otc|lse|tsx|asx)\s*:\s*[a-z.]{1,6}\)|(?-i:\([A-Z]{1,6}\.[A-Z]{1,2}\)))[^.;!?]{0,40}?\b(?:closed|opened|ended|traded|trading|rose|fell|gained|lost|jumped|climbed|slipped|dropped|slid|surged|soared|tumbled|plunged|scaled|hit|drifted|edged|adding|(?:is|are|was|were) (?:up|down))\b(?:[^.;!?]|\.[0-9]){0,48}$",
            ),
            // A security's trading record: its range of the past year ("The stock's 52-week
            // range is"), and its volume of shares traded ("Trading volume was about half the
            // daily average of around").
            // A commodity's price: "Crude oil started the day higher, but has drifted to a
            // loss of", "gold futures settled at".
            commodity_before: build(
                r"(?i)\b(?:crude(?: oil)?|brent(?: crude)?|(?:gold|silver|copper|oil) (?:prices?|futures))\b(?P<between>[^.;!?]{0,40}?)\b(?:closed|settled|opened|ended|traded|rose|fell|gained|lost|jumped|climbed|slipped|dropped|slid|surged|tumbled|plunged|drifted|edged)\b(?:[^.;!?]|\.[0-9]){0,48}$",
            ),
            // A company's worth at the market's close ("At the market close Wednesday its market
            // value was").
            trading_before: build(
                r"(?i)\b(?:52-week (?:range|high|low)|trading volume|volume was|(?:market|trading) close\b[^.;!?]{0,40}\bmarket (?:value|cap|capitali[sz]ation))\b[^.;!?]{0,64}$",
            ),
            // "rushed for", "passing for", "18-of-25 passing for".
            game_before: build(
                r"(?i)\b(?:rushed|ran|passed|passing|threw|throwing|caught|receiving|returned)\s+for\s+(?:a\s+)?$|\b[0-9]+-of-[0-9]+\s+passing\s+for\s+$",
            ),
            vote_after: build(r"^\s*of the (?:vote|votes|ballots|votes cast|popular vote)(?-u:\b)"),
            // "14 carries", "9 rebounds", "3 touchdowns", "2 TD passes".
            game_after: build(
                r"^\s*(?:carries|receptions|catches|rebounds|assists|tackles|sacks|touchdowns|TD passes|TDs|interceptions|strikeouts|RBIs|saves|aces)(?-u:\b)",
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claim the pipeline reads for `figure` in `text`, checked to be of `kind`.
    fn claim_at(text: &str, figure: &str, kind: Kind) -> Claim {
        let options = crate::ingest::IngestOptions {
            format: crate::ingest::FormatChoice::Text,
            ..crate::ingest::IngestOptions::default()
        };
        let document = crate::ingest::parse(text.as_bytes(), std::path::Path::new("t.txt"), &options)
            .expect("text parses");
        let mentions = crate::extract::extract(&document);
        let claim = crate::normalise::normalise(&document, &mentions, &crate::normalise::Settings::default())
            .into_iter()
            .find(|c| c.text == figure)
            .unwrap_or_else(|| panic!("{figure} is read in {text}"));
        assert_eq!(claim.kind, kind, "{text} / {figure}");
        claim
    }

    #[test]
    fn market_prices_and_box_scores_are_public() {
        let cases = [
            (
                "Acme shares closed in Frankfurt on Friday at EUR 18.40, up 2%.",
                "EUR 18.40",
                Kind::Money,
            ),
            (
                "Acme shares closed in Frankfurt on Friday at EUR 18.40, up 2%.",
                "2%",
                Kind::Percent,
            ),
            ("The DAX is up 11 percent this year.", "11 percent", Kind::Percent),
            (
                "Ridgeway Foods Inc. (NYSE: RWF) traded up 1.2% at $48.10 in the afternoon.",
                "$48.10",
                Kind::Money,
            ),
            (
                "Harbour stocks gained, with Tidewell Ports (TDWL.NS) adding 0.5 percent.",
                "0.5 percent",
                Kind::Percent,
            ),
            (
                "Brent crude slipped 3% on the week, and the DJIA closed down 0.4%.",
                "0.4%",
                Kind::Percent,
            ),
            (
                "Crude oil opened the session higher but drifted to a loss of about 3%.",
                "3%",
                Kind::Percent,
            ),
            (
                "The stock's 52-week range is $31.05 to $52.40.",
                "$31.05 to $52.40",
                Kind::Money,
            ),
            (
                "Trading volume was about 40% below the daily average of around 12 million shares.",
                "12 million",
                Kind::Count,
            ),
            (
                "Okafor rushed for 140 yards on 22 carries.",
                "140 yards",
                Kind::Quantity,
            ),
            ("Okafor rushed for 140 yards on 22 carries.", "22", Kind::Count),
            (
                "Reyes was 18-of-25 passing for 210 yards.",
                "210 yards",
                Kind::Quantity,
            ),
        ];
        for (text, figure, kind) in cases {
            assert!(
                on_public_record(text, &claim_at(text, figure, kind)),
                "{text} / {figure}"
            );
        }
    }

    #[test]
    fn shares_of_a_whole_and_other_figures_are_not() {
        let cases = [
            (
                "The share of households in debt rose to 31 percent.",
                "31 percent",
                Kind::Percent,
            ),
            (
                "The firm sold 4,000 shares of stock to staff, worth EUR 2 million.",
                "EUR 2 million",
                Kind::Money,
            ),
            (
                "The team spent EUR 40 million on players on Friday.",
                "EUR 40 million",
                Kind::Money,
            ),
            ("Crude oil imports rose 8% last year.", "8%", Kind::Percent),
            (
                "Gold miners in the region lost 1,200 jobs last year.",
                "1,200",
                Kind::Count,
            ),
            (
                "The volume of water in the reservoir fell by 12 percent.",
                "12 percent",
                Kind::Percent,
            ),
            (
                "The ferry ran 140 miles on one tank.",
                "140 miles",
                Kind::Quantity,
            ),
        ];
        for (text, figure, kind) in cases {
            assert!(
                !on_public_record(text, &claim_at(text, figure, kind)),
                "{text} / {figure}"
            );
        }
    }
}
