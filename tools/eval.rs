//! Accuracy of claimlint's extraction on other projects' test suites (`../shared/eval`).
//!
//! ```sh
//! cargo run --release --example eval -- [EVAL_FOLDER] [--failures] [--write-readme]
//! ```
//!
//! For every suite and category: the cases in scope, precision, recall and value accuracy
//! (value and unit right, of the matched mentions), the cases excluded with their reason, and
//! (with `--failures`) every miss. `--write-readme` replaces the table between the
//! `accuracy-table` markers of README.md.
//!
//! How each suite maps onto claimlint's kinds (the contract of DESIGN.md wins where they differ):
//! - Recognizers-Text `number` → any claim with a value (count, year, ordinal-free); a fraction
//!   in words is a percentage in claimlint ("three quarters" → 75 %), compared as value / 100.
//!   `percentage` → kind percent. `currency` → kind money, unit by ISO code; a value given in
//!   cents or pence is compared with claimlint's value in the main unit × 100. `ordinal` →
//!   kind ordinal; `ordinal.relative` ("last", "next", "the former") is no figure: excluded.
//! - quantulum3 → any claim whose text overlaps the surface; value compared, unit mapped.
//! - Duckling → each input is one whole mention: the first claim's value is compared.
//! - `MeasEval` → recall only (not every number is annotated): a quantity is found when a claim
//!   overlaps its span.

#![expect(clippy::cast_precision_loss, reason = "ratios of case counts far below 2^52")]
#![expect(clippy::print_stdout, reason = "a command-line tool that prints its report")]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimlint::ingest::{IngestOptions, parse};
use claimlint::pipeline::Engine;
use claimlint::{Claim, Kind};
use rust_decimal::Decimal;
use serde_json::Value;

/// What one suite and category scored.
#[derive(Default)]
struct Tally {
    suite: String,
    category: String,
    cases: usize,
    excluded: Vec<(String, &'static str)>,
    found: usize,
    extra: usize,
    missed: usize,
    right: usize,
    /// Matched mentions whose gold unit the harness maps onto claimlint's units, and of those
    /// the ones with the right unit.
    unit_cases: usize,
    unit_right: usize,
    /// Matched mentions whose gold unit has no claimlint spelling in the written map.
    unit_unmapped: usize,
    precision_measured: bool,
    failures: Vec<String>,
}

impl Tally {
    fn new(suite: &str, category: &str, precision_measured: bool) -> Self {
        Self {
            suite: suite.to_owned(),
            category: category.to_owned(),
            precision_measured,
            ..Self::default()
        }
    }

    fn precision(&self) -> Option<f64> {
        (self.precision_measured && self.found + self.extra > 0)
            .then(|| self.found as f64 / (self.found + self.extra) as f64)
    }

    fn recall(&self) -> f64 {
        if self.found + self.missed == 0 {
            0.0
        } else {
            self.found as f64 / (self.found + self.missed) as f64
        }
    }

    fn unit_accuracy(&self) -> Option<f64> {
        (self.unit_cases > 0).then(|| self.unit_right as f64 / self.unit_cases as f64)
    }

    /// Counts one matched mention's unit, when the gold unit maps onto claimlint's.
    fn judge_unit(&mut self, mapped: Mapped, claims: &[&Claim], gold: &str, context: &str) {
        let right = match mapped {
            Mapped::Unknown => {
                self.unit_unmapped += 1;
                return;
            }
            // A ratio ("1:10", "80/20") is a dimensionless quotient: a bare number too.
            Mapped::Bare => claims
                .iter()
                .any(|c| c.unit.is_none() || c.unit == Some("ratio") || in_words_share(c)),
            // The same unit, or one of the same dimension and size under another name
            // ("ml" and a cubic centimetre).
            Mapped::Unit(unit) => claims.iter().any(|c| {
                c.unit == Some(unit)
                    || c.unit
                        .and_then(claimlint::lexicon::units::scale)
                        .is_some_and(|s| {
                            claimlint::lexicon::units::scale(unit)
                                .is_some_and(|t| (s.0, s.1, s.2) == (t.0, t.1, t.2))
                        })
            }),
        };
        self.unit_cases += 1;
        if right {
            self.unit_right += 1;
        } else {
            let got: Vec<&str> = claims.iter().map(|c| c.unit.unwrap_or("(none)")).collect();
            self.failures
                .push(format!("unit  want {gold:?}, got {got:?} in {context}"));
        }
    }

    fn value_accuracy(&self) -> f64 {
        if self.found == 0 {
            0.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
}

fn claims(text: &str) -> Vec<Claim> {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    let Ok(document) = parse(text.as_bytes(), Path::new("case.txt"), &IngestOptions::default()) else {
        return Vec::new();
    };
    ENGINE
        .get_or_init(|| Engine::builtin().expect("built-in rules load"))
        .claims(&document)
}

/// A claim's span in characters of `text` (suites count characters, claimlint bytes).
fn char_span(text: &str, claim: &Claim) -> (usize, usize) {
    let start = text.get(..claim.start).map_or(0, |t| t.chars().count());
    let end = text.get(..claim.end).map_or(start, |t| t.chars().count());
    (start, end)
}

fn decimal(value: &Value) -> Option<Decimal> {
    let text = match value {
        Value::String(s) => s.trim_end_matches('%').replace(',', ""),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    text.parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(&text).ok())
}

/// Equal up to the rounding of a repeating fraction (suites print 15 digits, claimlint 28).
fn same(a: Decimal, b: Decimal) -> bool {
    let scale = a.abs().max(b.abs()).max(Decimal::ONE);
    (a - b).abs() <= scale * Decimal::new(1, 12)
}

/// A share written in words ("three quarters") is a percentage in claimlint.
fn in_words_share(claim: &Claim) -> bool {
    claim.kind == Kind::Percent
        && !["%", "percent", "cent", "pct", "percentage", "percents"]
            .iter()
            .any(|s| claim.text.ends_with(s))
}

/// Recognizers-Text currency names → ISO 4217.
fn iso(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "Dollar" | "United States dollar" | "Cent" | "Penny" => "USD",
        "Euro" => "EUR",
        "Pound" | "British pound" | "Pence" => "GBP",
        "Chinese yuan" => "CNY",
        "Japanese yen" => "JPY",
        "Canadian dollar" => "CAD",
        "Australian dollar" => "AUD",
        "Hong Kong dollar" => "HKD",
        "New Zealand dollar" => "NZD",
        "Swiss franc" | "Franc" => "CHF",
        "Rupee" => "INR",
        "Turkish lira" => "TRY",
        "Mexican peso" => "MXN",
        _ => return None,
    })
}

/// Why a Recognizers-Text case is out of claimlint's contract, if it is.
fn recognizers_exclusion(input: &str, type_name: &str) -> Option<&'static str> {
    let octets = input
        .split('.')
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        .count();
    if octets >= 4 && input.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Some("an IP address is an identifier, not a figure (DESIGN.md: identifiers are not counts)");
    }
    if input.contains("phone")
        || input.contains('+') && input.chars().filter(char::is_ascii_digit).count() >= 8
    {
        return Some("a phone number is an identifier, not a figure (DESIGN.md)");
    }
    if input.contains(" out of ") {
        return Some("\"X out of Y\" is two counts (DESIGN.md: \"Ten out of 18\"), not a fraction");
    }
    if input
        .split_whitespace()
        .any(|w| w.matches('/').count() == 2 && w.chars().filter(char::is_ascii_digit).count() >= 4)
    {
        return Some("a date written with slashes is a date, not three numbers");
    }
    if input.split_whitespace().any(|w| {
        w.split_once('-').is_some_and(|(name, number)| {
            name.len() >= 2
                && name.chars().all(|c| c.is_ascii_uppercase())
                && number.chars().all(|c| c.is_ascii_digit())
        })
    }) {
        return Some("a name with digits (\"COVID-19\", \"SCP-173\") is no figure (DESIGN.md)");
    }
    if type_name == "ordinal.relative" {
        return Some("a relative ordinal (\"last\", \"next\", \"former\") states no figure");
    }
    None
}

fn recognizers(root: &Path, file: &str, category: &str, kinds: &[Kind]) -> Tally {
    let path = root.join("recognizers-text").join(file);
    let mut tally = Tally::new("Recognizers-Text", category, true);
    let Some(cases) = read_json(&path).and_then(|v| v.as_array().cloned()) else {
        return tally;
    };
    for case in cases {
        if case.get("NotSupportedByDesign").is_some()
            || case
                .get("NotSupported")
                .is_some_and(|n| n.to_string().contains("dotnet"))
        {
            continue;
        }
        let input = case["Input"].as_str().unwrap_or_default();
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        let type_name = results.first().and_then(|r| r["TypeName"].as_str()).unwrap_or("");
        if let Some(reason) = recognizers_exclusion(input, type_name) {
            tally.excluded.push((input.to_owned(), reason));
            continue;
        }
        tally.cases += 1;
        let found: Vec<Claim> = claims(input)
            .into_iter()
            .filter(|c| kinds.contains(&c.kind))
            .collect();
        let spans: Vec<(usize, usize)> = found.iter().map(|c| char_span(input, c)).collect();
        let mut used = vec![false; found.len()];
        for gold in &results {
            let start = gold["Start"].as_u64().unwrap_or(0) as usize;
            let end = gold["End"].as_u64().unwrap_or(0) as usize + 1;
            let text = gold["Text"].as_str().unwrap_or_default();
            let matched = spans
                .iter()
                .enumerate()
                .position(|(i, (s, e))| !used[i] && *s < end && start < *e);
            let Some(index) = matched else {
                tally.missed += 1;
                tally.failures.push(format!("miss  {text:?} in {input:?}"));
                continue;
            };
            used[index] = true;
            tally.found += 1;
            let claim = &found[index];
            let resolution = &gold["Resolution"];
            let want = decimal(&resolution["value"]);
            let unit = resolution["unit"].as_str().unwrap_or("");
            let got = claim.value.map(|v| {
                if in_words_share(claim) && category == "number" {
                    v / Decimal::ONE_HUNDRED
                } else if ["Cent", "Pence", "Penny"].contains(&unit) {
                    v * Decimal::ONE_HUNDRED
                } else {
                    v
                }
            });
            let unit_right = category != "currency" || iso(unit).is_some_and(|code| claim.unit == Some(code));
            match (want, got) {
                (Some(want), Some(got)) if same(want, got) && unit_right => tally.right += 1,
                (None, _) => tally.right += 1,
                _ => tally.failures.push(format!(
                    "value {text:?}: want {} {unit}, got {} {} ({:?})",
                    want.map(|w| w.to_string()).unwrap_or_default(),
                    got.map(|g| g.normalize().to_string()).unwrap_or_default(),
                    claim.unit.unwrap_or(""),
                    claim.text
                )),
            }
        }
        for (index, claim) in found.iter().enumerate() {
            if !used[index] {
                tally.extra += 1;
                tally
                    .failures
                    .push(format!("extra {:?} in {input:?}", claim.text));
            }
        }
    }
    tally
}

/// A quantulum3 unit as claimlint would write it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mapped {
    /// A bare number: no unit.
    Bare,
    Unit(&'static str),
    /// A unit claimlint does not know: the unit is not compared.
    Unknown,
}

/// quantulum3's unit names → claimlint's units.
fn quantulum_unit(name: &str) -> Mapped {
    Mapped::Unit(match name {
        "dimensionless" => return Mapped::Bare,
        "metre" => "m",
        "kilometre" => "km",
        "centimetre" => "cm",
        "millimetre" => "mm",
        "mile" => "mi",
        "kilogram" => "kg",
        "gram" => "g",
        "tonne" => "t",
        "percentage" => "%",
        "pound sterling" => "GBP",
        "euro" => "EUR",
        "dollar" | "United States dollar" => "USD",
        "hour" => "h",
        "minute" => "min",
        "second" => "s",
        "year" => "year",
        "month" => "month",
        "week" => "week",
        "day" => "day",
        "degree Celsius" => "°C",
        "degree fahrenheit" | "degree Fahrenheit" => "°F",
        "litre" => "L",
        "watt" => "W",
        "kilowatt" => "kW",
        "megawatt" => "MW",
        "gigawatt" => "GW",
        "gross" | "dozen" | "baker's dozen" => return Mapped::Bare,
        "square kilometre" => "km²",
        "square mile" => "mi²",
        "cubic kilometre" => "km³",
        "cubic centimetre" => "cm³",
        "milligram" => "mg",
        "inch" => "in",
        "gallon" => "gal",
        "electronvolt" => "eV",
        "teraelectronvolt" => "TeV",
        "gigayear" => "Ga",
        "megayear" => "Ma",
        "inverse femtobarn" => "fb⁻¹",
        "picometre" => "pm",
        "nanometre" => "nm",
        "attometre" => "am",
        "inverse second" => "s⁻¹",
        "count per week" => "/week",
        "watt per minute" => "W/min",
        "dollar per hour" => "USD/h",
        "dollar per kilogram" => "USD/kg",
        "kilometre per square second" => "km/s²",
        "kilometre per hour" => "km/h",
        "exabyte" => "EB",
        "kibibyte" => "KiB",
        "megabyte" => "MB",
        "bit" => "bit",
        "byte" => "B",
        "watt hour" => "Wh",
        "megawatt hour" => "MWh",
        "ton per day" => "t/day",
        "joule second" => "J·s",
        "joule per square metre per year" => "J/(m²·year)",
        "candela second" => "cd·s",
        "gigahertz" => "GHz",
        "milligray" => "mGy",
        "kelvin" => "K",
        "centilitre" => "cl",
        "pound-mass" => "lb",
        "cup" | "tablespoon" | "penny" | "cent" | "dime" => return Mapped::Unknown,
        _ => return Mapped::Unknown,
    })
}

fn quantulum(root: &Path) -> Tally {
    let mut tally = Tally::new("quantulum3", "quantities", true);
    let Some(cases) = read_json(&root.join("quantulum3/quantities.json")).and_then(|v| v.as_array().cloned())
    else {
        return tally;
    };
    for case in cases {
        let sentence = case["req"].as_str().unwrap_or_default();
        let golds = case["res"].as_array().cloned().unwrap_or_default();
        tally.cases += 1;
        let found = claims(sentence);
        let mut used = vec![false; found.len()];
        for gold in &golds {
            let surface = gold["surface"].as_str().unwrap_or_default();
            let Some(at) = sentence.find(surface) else {
                tally.missed += 1;
                continue;
            };
            let (start, end) = (at, at + surface.len());
            let matched = found
                .iter()
                .enumerate()
                .position(|(i, c)| !used[i] && c.start < end && start < c.end);
            let Some(index) = matched else {
                tally.missed += 1;
                tally.failures.push(format!("miss  {surface:?} in {sentence:?}"));
                continue;
            };
            used[index] = true;
            tally.found += 1;
            let claim = &found[index];
            let want = decimal(&gold["value"]);
            let unit_name = gold["unit"].as_str().unwrap_or("");
            tally.judge_unit(
                quantulum_unit(unit_name),
                &[claim],
                unit_name,
                &format!("{surface:?}"),
            );
            // A range: quantulum3 gives its mean, claimlint its two ends; compare the mean.
            let mut got = claim
                .value
                .or_else(|| Some((claim.low? + claim.high?) / Decimal::TWO));
            if in_words_share(claim) && unit_name == "dimensionless" {
                got = got.map(|v| v / Decimal::ONE_HUNDRED);
            }
            // quantulum3 counts in the unit named; claimlint in the whole it stands for: "one
            // hundred cents" is USD 1, "a dozen" is 12.
            let per_unit = match unit_name {
                "cent" | "penny" => Some(Decimal::new(1, 2)),
                "dozen" => Some(Decimal::from(12)),
                "baker's dozen" => Some(Decimal::from(13)),
                "gross" => Some(Decimal::from(144)),
                _ => None,
            };
            if let Some(per_unit) = per_unit {
                got = got.map(|v| v / per_unit);
            }
            match (want, got) {
                (Some(want), Some(got)) if same(want, got) => tally.right += 1,
                _ => tally.failures.push(format!(
                    "value {surface:?}: want {} {unit_name}, got {} {}",
                    want.map(|w| w.to_string()).unwrap_or_default(),
                    got.map(|g| g.normalize().to_string()).unwrap_or_default(),
                    claim.unit.unwrap_or("")
                )),
            }
        }
        for (index, claim) in found.iter().enumerate() {
            if !used[index] && !claim.kind.is_temporal() {
                tally.extra += 1;
                tally
                    .failures
                    .push(format!("extra {:?} in {sentence:?}", claim.text));
            }
        }
    }
    tally
}

/// What Duckling expects of one input.
#[derive(Debug, Clone, Copy)]
enum Expected {
    Value(Decimal),
    Between(Decimal, Decimal),
    Under(Decimal),
    Above(Decimal),
}

/// Duckling's expected values: `NumeralValue 5`, `simple Dollar 20.43`, `OrdinalData 3`,
/// `between Dollar (10, 20)`, `under EUR 7`, `above Dollar 1.42`.
fn duckling_value(expected: &str) -> Option<(Expected, Option<String>)> {
    let number = |text: &str| {
        let text = text.trim_matches(|c| c == '(' || c == ')' || c == ',');
        text.parse::<Decimal>()
            .ok()
            .or_else(|| Decimal::from_scientific(text).ok())
    };
    let parts: Vec<&str> = expected.split_whitespace().collect();
    let unit = |u: &str| Some(u.to_owned());
    match parts.as_slice() {
        ["NumeralValue" | "OrdinalData", value] => Some((Expected::Value(number(value)?), None)),
        ["simple", u, value] => Some((Expected::Value(number(value)?), unit(u))),
        ["between", u, low, high] => Some((Expected::Between(number(low)?, number(high)?), unit(u))),
        ["under", u, value] => Some((Expected::Under(number(value)?), unit(u))),
        ["above", u, value] => Some((Expected::Above(number(value)?), unit(u))),
        _ => None,
    }
}

/// Whether a claim states what Duckling expects; money "Unnamed" is a bare number here.
fn duckling_matches(claim: &Claim, expected: Expected, unit: Option<&str>) -> bool {
    let scale = |v: Decimal| {
        if unit == Some("Cent") {
            v * Decimal::ONE_HUNDRED
        } else if in_words_share(claim) {
            v / Decimal::ONE_HUNDRED
        } else {
            v
        }
    };
    let close = |a: Option<Decimal>, b: Decimal| a.map(scale).is_some_and(|a| same(a, b));
    match expected {
        Expected::Value(value) => close(claim.value, value),
        Expected::Between(low, high) => close(claim.low, low) && close(claim.high, high),
        Expected::Under(value) => claim.low.is_none() && close(claim.high, value),
        Expected::Above(value) => claim.high.is_none() && close(claim.low, value),
    }
}

fn duckling(root: &Path, file: &str, category: &str) -> Tally {
    let mut tally = Tally::new("Duckling", category, true);
    let Some(data) = read_json(&root.join("duckling").join(file)) else {
        return tally;
    };
    for example in data["examples"].as_array().cloned().unwrap_or_default() {
        let expected_text = example["expected"].as_str().unwrap_or_default();
        let inputs = example["inputs"].as_array().cloned().unwrap_or_default();
        let Some((expected, unit)) = duckling_value(expected_text) else {
            for input in inputs {
                tally.excluded.push((
                    input.as_str().unwrap_or_default().to_owned(),
                    "an expected value of a form the harness does not read",
                ));
            }
            continue;
        };
        for input in inputs {
            let input = input.as_str().unwrap_or_default();
            tally.cases += 1;
            let found = claims(input);
            let Some(first) = found.first() else {
                tally.missed += 1;
                tally.failures.push(format!("miss  {input:?} ({expected_text})"));
                continue;
            };
            tally.found += 1;
            tally.extra += found.len() - 1;
            if found.len() > 1 {
                tally.failures.push(format!(
                    "extra {:?} in {input:?}",
                    found[1..].iter().map(|c| c.text.as_str()).collect::<Vec<_>>()
                ));
            }
            if duckling_matches(first, expected, unit.as_deref()) {
                tally.right += 1;
            } else {
                tally.failures.push(format!(
                    "value {input:?}: want {expected_text}, got {:?} {:?}..{:?} {}",
                    first.value.map(|g| g.normalize().to_string()),
                    first.low.map(|g| g.normalize().to_string()),
                    first.high.map(|g| g.normalize().to_string()),
                    first.unit.unwrap_or("")
                ));
            }
        }
    }
    tally
}

/// `MeasEval`'s unit annotations (as the annotators wrote them) → claimlint's units. A quantity
/// with no unit, or whose "unit" is what it counts ("participants", "passages"), is a bare
/// count in claimlint (DESIGN.md: counts have no unit); a unit of a planetary or instrument
/// convention claimlint does not read (`Rp`, `RRh`, `kR`, `UT`) is unmapped and not scored.
#[expect(clippy::too_many_lines, reason = "the written map, one line per gold unit")]
fn measeval_unit(gold: &str) -> Mapped {
    Mapped::Unit(match gold.trim() {
        ""
        | "times"
        | "fold"
        | "×"
        | "orders of magnitude"
        | "point"
        | "items"
        | "item"
        | "occasions"
        | "participants"
        | "passages"
        | "employees"
        | "men"
        | "women"
        | "horizons"
        | "cores"
        | "clones"
        | "vertices"
        | "SDG vertices"
        | "lines of code"
        | "beach materials"
        | "varves"
        | "monomer units"
        | "discrete particles"
        | "Whitehall II participants"
        | "elderly participants"
        | "scale heights"
        | "fold per passage"
        | "year-old"
        | "pH" => {
            return Mapped::Bare;
        }
        "%" | "percent" | "wt.%" | "wt. %" | "wt%" | "vol%" | "v/v" | "w/w" => "%",
        "percentage points per year" => "pp/year",
        "% per year" => "%/year",
        "days" | "day" => "day",
        "years" | "year" | "yrs" => "year",
        "months" | "month" => "month",
        "weeks" | "week" => "week",
        "hours" | "hour" | "hr" | "h" => "h",
        "minutes" | "min" => "min",
        "second" | "s" => "s",
        "metre" | "m" | "m thick" => "m",
        "centimeters" | "cm" => "cm",
        "mm per side" | "mm" => "mm",
        "pairs per mm" => "/mm",
        "μm" => "µm",
        "μg" => "µg",
        "μL" => "µL",
        "μs" => "µs",
        "μM" => "µM",
        "μbar" => "µbar",
        "μg/ml" => "µg/ml",
        "μg/L" => "µg/L",
        "μg/m" => "µg/m",
        "mBar" | "mbar" => "mbar",
        "mg/l" | "mg/L" => "mg/L",
        "°" | "degrees" | "° latitude" => "°",
        "oN" | "°N" => "°N",
        "°S" => "°S",
        "m s−1" | "m/s" => "m/s",
        "km s−1" => "km/s",
        "kg s−1" | "kgs-1" => "kg/s",
        "s−1" => "s⁻¹",
        "cm−1" => "cm⁻¹",
        "cm−3" => "cm⁻³",
        "m−2" => "m⁻²",
        "g cm−3" => "g/cm³",
        "W m−2" | "W/m2" => "W/m²",
        "mWm−2" => "mW/m²",
        "mA g− 1" => "mA/g",
        "mg cm− 2" => "mg/cm²",
        "g mol−1" => "g/mol",
        "cm3 g−1" => "cm³/g",
        "m2 g−1" => "m²/g",
        "Mg ha−1 year−1" => "Mg/(ha·year)",
        "mm3" => "mm³",
        "mm2" => "mm²",
        "g/m3" => "g/m³",
        "mA/cm2" => "mA/cm²",
        "cm2/Vs" => "cm²/(V·s)",
        "ppm by mass" | "ppm" => "ppm",
        "byr" => "Ga",
        "K" => "K",
        "°C" => "°C",
        "kg" => "kg",
        "nm" => "nm",
        "‰" => "‰",
        "km" => "km",
        "MPa" => "MPa",
        "ms" => "ms",
        "g" => "g",
        "ppt" => "ppt",
        "V" => "V",
        "kV" => "kV",
        "MW" => "MW",
        "GPa" => "GPa",
        "U/ml" => "U/ml",
        "K/min" => "K/min",
        "M" => "M",
        "keV" => "keV",
        "mmol/L" => "mmol/L",
        "eV" => "eV",
        "Hz" => "Hz",
        "kW" => "kW",
        "nT" => "nT",
        "AU" => "AU",
        "°C/min" => "°C/min",
        "nJ" => "nJ",
        "kHz" => "kHz",
        "km/h" => "km/h",
        "bp" => "bp",
        "mA" => "mA",
        "stems/ha" => "/ha",
        "mM" => "mM",
        "Mbps" => "Mbps",
        "Mt" => "Mt",
        "MeV" => "MeV",
        "ppq" => "ppq",
        "mH" => "mH",
        "bit" => "bit",
        "mg" => "mg",
        "mg/ml" => "mg/ml",
        "g/L" => "g/L",
        "nbar" => "nbar",
        "mdeg" => "mdeg",
        "Torr" => "Torr",
        "Ma" => "Ma",
        "ka" => "ka",
        "Å/s" => "Å/s",
        _ => return Mapped::Unknown,
    })
}

fn measeval(root: &Path) -> Tally {
    let mut tally = Tally::new("MeasEval", "quantities (recall only)", false);
    for set in ["train", "trial"] {
        let folder = root.join("measeval").join(set);
        let Ok(entries) = std::fs::read_dir(folder.join("tsv")) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for tsv in files {
            let Some(stem) = tsv.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let Ok(text) = std::fs::read_to_string(folder.join("text").join(format!("{stem}.txt"))) else {
                continue;
            };
            let Ok(annotations) = std::fs::read_to_string(&tsv) else {
                continue;
            };
            let found = claims(&text);
            let spans: Vec<(usize, usize)> = found.iter().map(|c| char_span(&text, c)).collect();
            for line in annotations.lines().skip(1) {
                let cells: Vec<&str> = line.split('\t').collect();
                if cells.get(2) != Some(&"Quantity") {
                    continue;
                }
                let (Some(start), Some(end)) = (
                    cells.get(3).and_then(|c| c.parse::<usize>().ok()),
                    cells.get(4).and_then(|c| c.parse::<usize>().ok()),
                ) else {
                    continue;
                };
                let surface = cells.get(6).copied().unwrap_or("");
                if !states_an_amount(surface) {
                    tally.excluded.push((
                        surface.to_owned(),
                        "a phrase with no numeral and no word of amount (\"room temperature\", \"n.s.\") states no figure",
                    ));
                    continue;
                }
                tally.cases += 1;
                let overlapping: Vec<&Claim> = found
                    .iter()
                    .zip(&spans)
                    .filter(|(_, (s, e))| *s < end && start < *e)
                    .map(|(c, _)| c)
                    .collect();
                if overlapping.is_empty() {
                    tally.missed += 1;
                    tally
                        .failures
                        .push(format!("miss  {:?} in {stem}", cells.get(6).unwrap_or(&"")));
                } else {
                    tally.found += 1;
                    tally.right += 1;
                    let other: Value = cells
                        .get(7)
                        .and_then(|c| serde_json::from_str(c).ok())
                        .unwrap_or(Value::Null);
                    let gold = other["unit"].as_str().unwrap_or("");
                    let context = format!("{:?} in {stem}", cells.get(6).unwrap_or(&""));
                    tally.judge_unit(measeval_unit(gold), &overlapping, gold, &context);
                }
            }
        }
    }
    tally
}

/// Does a MeasEval quantity's text state an amount: a digit, a number word, or a word of
/// amount ("none", "few tens")? "room temperature" and "n.s." do not: they name a condition
/// and a test result, which no extractor of figures reads as a number.
fn states_an_amount(text: &str) -> bool {
    const AMOUNT_WORDS: &[&str] = &[
        "none",
        "no",
        "few",
        "several",
        "tens",
        "dozens",
        "hundreds",
        "thousands",
        "half",
    ];
    text.chars().any(|c| c.is_ascii_digit())
        || text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .any(|w| {
                claimlint::lexicon::number_words::number_word(w).is_some()
                    || AMOUNT_WORDS.iter().any(|a| a.eq_ignore_ascii_case(w))
            })
}

/// Today's date (UTC) for the report: the harness is a tool, not the product, which never
/// reads the clock.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn read_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

fn percent(value: f64) -> String {
    format!("{:.1} %", value * 100.0)
}

fn table(tallies: &[Tally]) -> String {
    let mut out = String::from(
        "| suite | category | cases | excluded | precision | recall | value accuracy | unit accuracy |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for t in tallies {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            t.suite,
            t.category,
            t.cases,
            t.excluded.len(),
            t.precision().map_or_else(|| "–".to_owned(), percent),
            percent(t.recall()),
            if t.precision_measured {
                percent(t.value_accuracy())
            } else {
                "–".to_owned()
            },
            t.unit_accuracy().map_or_else(
                || "–".to_owned(),
                |a| format!("{} of {}", percent(a), t.unit_cases)
            )
        );
    }
    out
}

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let root = arguments
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("../shared/eval"), PathBuf::from);
    let failures = arguments.iter().any(|a| a == "--failures");
    let write_readme = arguments.iter().any(|a| a == "--write-readme");
    if !root.is_dir() {
        eprintln!("no evaluation suites at {}", root.display());
        std::process::exit(2);
    }
    let tallies = vec![
        recognizers(
            &root,
            "Number/NumberModel.json",
            "number",
            // Measured quantities and money belong to the dimension and currency models.
            &[Kind::Count, Kind::Year, Kind::Percent],
        ),
        recognizers(&root, "Number/PercentModel.json", "percent", &[Kind::Percent]),
        recognizers(
            &root,
            "NumberWithUnit/CurrencyModel.json",
            "currency",
            &[Kind::Money],
        ),
        recognizers(&root, "Number/OrdinalModel.json", "ordinal", &[Kind::Ordinal]),
        quantulum(&root),
        duckling(&root, "Numeral_EN.json", "numerals (whole inputs)"),
        duckling(&root, "AmountOfMoney_EN.json", "money (whole inputs)"),
        duckling(&root, "Ordinal_EN.json", "ordinals (whole inputs)"),
        measeval(&root),
    ];
    let version = env!("CARGO_PKG_VERSION");
    let date = arguments
        .iter()
        .find_map(|a| a.strip_prefix("--date="))
        .map_or_else(today, str::to_owned);
    let mut report = table(&tallies);
    let _ = writeln!(
        report,
        "\nclaimlint {version}, measured {date}; suites from `../shared/eval` (see its README for origins and licences)."
    );
    let stdout = report.clone();
    print!("{stdout}");
    let mut reasons: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for t in &tallies {
        for (_, reason) in &t.excluded {
            *reasons.entry((t.suite.as_str(), reason)).or_default() += 1;
        }
    }
    if !reasons.is_empty() {
        println!("\nExcluded, with reasons:");
        for ((suite, reason), count) in reasons {
            println!("- {suite}: {count} × {reason}");
        }
    }
    if failures {
        for t in &tallies {
            println!("\n## {} — {}", t.suite, t.category);
            for failure in &t.failures {
                println!("- {failure}");
            }
        }
    }
    if write_readme {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let Ok(readme) = std::fs::read_to_string(&path) else {
            return;
        };
        let (Some(start), Some(end)) = (
            readme.find("<!-- accuracy-table -->"),
            readme.find("<!-- /accuracy-table -->"),
        ) else {
            eprintln!("README.md has no accuracy-table markers");
            std::process::exit(2);
        };
        let updated = format!(
            "{}<!-- accuracy-table -->\n{report}{}",
            &readme[..start],
            &readme[end..]
        );
        if std::fs::write(&path, updated).is_err() {
            std::process::exit(2);
        }
    }
}
