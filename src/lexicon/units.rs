//! Currencies and units: the words and symbols that say what a figure counts.

use super::number_words::is;

/// The unit of a ratio ("30:1", "an 80/20 split"): a dimensionless quotient of two terms.
pub const RATIO: &str = "ratio";

/// The ISO 4217 code of a currency symbol used alone ("$" is USD unless configured otherwise).
#[must_use]
pub fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' | '￥' => "JPY",
        '₹' => "INR",
        '₩' => "KRW",
        '₽' => "RUB",
        '₺' => "TRY",
        '₪' => "ILS",
        '₦' => "NGN",
        '₱' => "PHP",
        '฿' => "THB",
        '₫' => "VND",
        _ => return None,
    })
}

/// The code of a letter prefix glued to a currency symbol: "US$", "HK$", "A$", "CN¥", "R$".
#[must_use]
pub fn prefixed_symbol(prefix: &str, symbol: char) -> Option<&'static str> {
    Some(match (prefix, symbol) {
        ("US", '$') => "USD",
        ("A" | "AU", '$') => "AUD",
        ("C" | "CA", '$') => "CAD",
        ("HK", '$') => "HKD",
        ("S" | "SG", '$') => "SGD",
        ("NZ", '$') => "NZD",
        ("NT", '$') => "TWD",
        ("R", '$') => "BRL",
        ("Mex", '$') => "MXN",
        ("CN" | "RMB", '¥') => "CNY",
        ("JP", '¥') => "JPY",
        _ => return None,
    })
}

/// An ISO 4217 code written in lower case after a figure ("20 usd"): only the common ones,
/// where a lower-case word is still unmistakable.
#[must_use]
pub fn lowercase_currency_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "inr" => "INR",
        "aud" => "AUD",
        "cad" => "CAD",
        _ => return None,
    })
}

/// An ISO 4217 code written as a word ("EUR", "USD"); "RMB" is the yuan.
#[must_use]
pub fn currency_code(word: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "AUD", "CAD", "HKD", "SGD", "KRW", "BRL", "RUB",
        "ZAR", "SEK", "NOK", "DKK", "MXN", "NZD", "TRY", "PLN", "IDR", "SAR", "AED", "TWD", "THB", "ILS",
        "NGN", "EGP", "KES", "PHP", "VND", "MYR", "CZK", "HUF", "ARS", "CLP", "COP", "PKR", "BDT", "UAH",
        "QAR", "KWD", "LBP", "BGN", "MNT", "OMR", "BHD", "JOD", "TZS", "UGX", "ZMW", "XOF", "XAF", "UYU",
        "PYG", "KZT", "UZS", "AZN", "BYN", "IQD", "MMK", "FJD", "HRK", "RWF", "MZN", "MWK", "BWP", "VES",
        "KGS", "TJS",
    ];
    // Codes that are also words or common acronyms are left out: "ALL 5 members", "4.4BSD",
    // "NPR1", "CRC 2051", "SDG 3", "IRR", "NAD", "AMD", "RSD", "CDF", "TOP", "CUP", "SOS".
    if word.len() != 3 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if word == "RMB" {
        return Some("CNY");
    }
    CODES.iter().copied().find(|code| *code == word)
}

/// A currency named in words after a figure: "dollars", "US dollars", "euros", "yuan".
/// Returns the code and how many words it took.
#[must_use]
pub fn currency_name(first: &str, second: Option<&str>) -> Option<(&'static str, usize)> {
    let mut adjective_buffer = [0u8; 24];
    let adjective_len = crate::lexicon::number_words::lower(first, &mut adjective_buffer).unwrap_or(0);
    let adjective = match &adjective_buffer[..adjective_len] {
        b"us" | b"american" | b"u.s." => Some("USD"),
        b"hong" => None,
        b"mexican" => Some("MXN"),
        b"australian" => Some("AUD"),
        b"canadian" => Some("CAD"),
        b"singapore" => Some("SGD"),
        b"swiss" => Some("CHF"),
        b"chinese" => Some("CNY"),
        b"new" => Some("NZD"),
        _ => None,
    };
    if let (Some(code), Some(second)) = (adjective, second) {
        let named = ["dollars", "dollar", "francs", "franc", "yuan"]
            .iter()
            .any(|w| is(second, w));
        if named && currency_name(second, None).is_some_and(|(plain, _)| plain == code || code != "USD") {
            return Some((code, 2));
        }
    }
    if let Some(second) = second {
        let nationality = ["ish", "ese", "ch", "an", "ian", "i"]
            .iter()
            .any(|end| first.to_ascii_lowercase().ends_with(end))
            && first.chars().all(char::is_alphabetic)
            && first.len() > 3;
        if nationality
            && !matches!(
                second.to_ascii_lowercase().as_str(),
                "dollars" | "dollar" | "francs" | "franc"
            )
            && let Some((code, 1)) = currency_name(second, None)
        {
            return Some((code, 2));
        }
    }
    let mut buffer = [0u8; 24];
    let len = crate::lexicon::number_words::lower(first, &mut buffer)?;
    let code = match &buffer[..len] {
        b"dollars" | b"dollar" => "USD",
        b"euros" | b"euro" => "EUR",
        b"pounds" | b"pound" | b"sterling" => "GBP",
        b"yuan" | b"renminbi" => "CNY",
        b"yen" => "JPY",
        b"rupees" | b"rupee" => "INR",
        b"francs" => "CHF",
        b"pesetas" | b"peseta" => "ESP",
        b"guilders" | b"guilder" => "NLG",
        b"markka" | b"markkaa" => "FIM",
        b"lira" | b"lire" => "TRY",
        b"pesos" | b"peso" => "MXN",
        b"rubles" | b"ruble" | b"roubles" | b"rouble" => "RUB",
        b"rand" => "ZAR",
        b"ringgit" => "MYR",
        b"shekels" | b"shekel" => "ILS",
        b"kronor" | b"krona" => "SEK",
        _ => return None,
    };
    Some((code, 1))
}

/// What a unit makes of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Percent,
    /// Percentage points, basis points and measured quantities.
    Quantity,
    /// year, month, week, day.
    Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub symbol: &'static str,
    pub kind: UnitKind,
    /// What one of the written unit is in the canonical one (a decade is 10 years).
    pub factor: u32,
}

impl Unit {
    /// A measured quantity's unit, counted as written.
    #[must_use]
    pub const fn quantity(symbol: &'static str) -> Self {
        unit(symbol, UnitKind::Quantity)
    }
}

const fn unit(symbol: &'static str, kind: UnitKind) -> Unit {
    Unit {
        symbol,
        kind,
        factor: 1,
    }
}

/// A unit written as a word (case-insensitive) or a symbol (case-sensitive).
#[must_use]
pub fn unit_word(word: &str) -> Option<Unit> {
    use UnitKind::{Duration, Percent, Quantity};
    let symbol = match word {
        "km" | "m" | "cm" | "mm" | "mi" | "kg" | "t" | "Mt" | "kt" | "Gt" | "ha" | "L" | "ml" | "mL"
        | "W" | "kW" | "MW" | "GW" | "TW" | "Wh" | "kWh" | "MWh" | "GWh" | "TWh" | "h" | "min" | "ms"
        | "GB" | "MB" | "TB" | "PB" | "kB" | "Gbps" | "Mbps" | "kbps" | "Tbps" | "Hz" | "kHz" | "MHz"
        | "GHz" | "mph" | "bbl" | "pp" | "bp" | "bps" | "s" | "g" | "lb" | "lbs" | "oz" | "ft" | "kcal"
        | "km2" | "m2" | "m3" | "mg" | "µg" | "μg" | "ng" | "µL" | "μL" | "µl" | "μl" | "nm" | "µm"
        | "μm" | "mM" | "µM" | "μM" | "nM" | "µs" | "μs" | "ns" | "sec" | "KiB" | "MiB" | "GiB" | "TiB"
        | "KB" | "Km" | "KM" => Some(word),
        _ => None,
    };
    if let Some(symbol) = symbol {
        let symbol = match symbol {
            "mL" => "ml",
            "bps" => "bp",
            "lbs" => "lb",
            "km2" => "km²",
            "m2" => "m²",
            "m3" => "m³",
            "μg" => "µg",
            "μL" | "µl" | "μl" => "µL",
            "μm" => "µm",
            "μM" => "µM",
            "μs" => "µs",
            "sec" => "s",
            "KB" => "kB",
            "Km" | "KM" => "km",
            other => canonical_symbol(other),
        };
        let kind = Quantity;
        return Some(unit(symbol, kind));
    }
    let mut buffer = [0u8; 24];
    let len = crate::lexicon::number_words::lower(word, &mut buffer)?;
    Some(match &buffer[..len] {
        b"percent" | b"percents" | b"pct" | b"percentage" => unit("%", Percent),
        b"kilometre" | b"kilometres" | b"kilometer" | b"kilometers" => unit("km", Quantity),
        b"metre" | b"metres" | b"meter" | b"meters" => unit("m", Quantity),
        b"centimetre" | b"centimetres" | b"centimeter" | b"centimeters" => unit("cm", Quantity),
        b"millimetre" | b"millimetres" | b"millimeter" | b"millimeters" => unit("mm", Quantity),
        b"mile" | b"miles" => unit("mi", Quantity),
        b"kilogram" | b"kilograms" | b"kilogramme" | b"kilogrammes" => unit("kg", Quantity),
        b"gram" | b"grams" | b"gramme" | b"grammes" => unit("g", Quantity),
        b"tonne" | b"tonnes" | b"ton" | b"tons" => unit("t", Quantity),
        b"megatonne" | b"megatonnes" | b"megatons" => unit("Mt", Quantity),
        b"hectare" | b"hectares" => unit("ha", Quantity),
        b"acre" | b"acres" => unit("acre", Quantity),
        b"litre" | b"litres" | b"liter" | b"liters" => unit("L", Quantity),
        b"barrel" | b"barrels" => unit("bbl", Quantity),
        b"gallon" | b"gallons" => unit("gal", Quantity),
        b"watt" | b"watts" => unit("W", Quantity),
        b"kilowatt" | b"kilowatts" => unit("kW", Quantity),
        b"megawatt" | b"megawatts" => unit("MW", Quantity),
        b"gigawatt" | b"gigawatts" => unit("GW", Quantity),
        b"terawatt" | b"terawatts" => unit("TW", Quantity),
        b"hour" | b"hours" | b"hr" | b"hrs" => unit("h", Quantity),
        b"minute" | b"minutes" | b"mins" => unit("min", Quantity),
        b"seconds" | b"second" | b"secs" => unit("s", Quantity),
        b"byte" | b"bytes" => unit("B", Quantity),
        b"kilobyte" | b"kilobytes" => unit("kB", Quantity),
        b"milligram" | b"milligrams" | b"milligramme" | b"milligrammes" => unit("mg", Quantity),
        b"microgram" | b"micrograms" => unit("µg", Quantity),
        b"nanometre" | b"nanometres" | b"nanometer" | b"nanometers" => unit("nm", Quantity),
        b"micrometre" | b"micrometres" | b"micrometer" | b"micrometers" | b"micron" | b"microns" => {
            unit("µm", Quantity)
        }
        b"millisecond" | b"milliseconds" => unit("ms", Quantity),
        b"gigabyte" | b"gigabytes" => unit("GB", Quantity),
        b"terabyte" | b"terabytes" => unit("TB", Quantity),
        b"megabyte" | b"megabytes" => unit("MB", Quantity),
        b"pound" | b"pounds" => unit("lb", Quantity),
        b"feet" | b"foot" => unit("ft", Quantity),
        b"inch" | b"inches" => unit("in", Quantity),
        b"yard" | b"yards" => unit("yd", Quantity),
        b"year" | b"years" | b"yr" | b"yrs" => unit("year", Duration),
        b"month" | b"months" => unit("month", Duration),
        b"week" | b"weeks" => unit("week", Duration),
        b"day" | b"days" => unit("day", Duration),
        b"decade" | b"decades" => Unit {
            symbol: "year",
            kind: Duration,
            factor: 10,
        },
        b"century" | b"centuries" => Unit {
            symbol: "year",
            kind: Duration,
            factor: 100,
        },
        _ => return None,
    })
}

fn canonical_symbol(symbol: &str) -> &'static str {
    const SYMBOLS: &[&str] = &[
        "km", "m", "cm", "mm", "mi", "kg", "t", "Mt", "kt", "Gt", "ha", "L", "ml", "W", "kW", "MW", "GW",
        "TW", "Wh", "kWh", "MWh", "GWh", "TWh", "h", "min", "ms", "GB", "MB", "TB", "PB", "kB", "Gbps",
        "Mbps", "kbps", "Tbps", "Hz", "kHz", "MHz", "GHz", "mph", "bbl", "pp", "bp", "s", "g", "lb", "oz",
        "ft", "kcal", "mg", "µg", "ng", "µL", "nm", "µm", "mM", "µM", "nM", "µs", "ns", "KiB", "MiB", "GiB",
        "TiB",
    ];
    SYMBOLS.iter().copied().find(|s| *s == symbol).unwrap_or("")
}

/// Is `word` short enough to be read as a unit only when glued to the figure or spaced after
/// it in a clear context? One-letter symbols ("m", "t", "s", "g", "h") are easily something else.
#[must_use]
pub fn is_ambiguous_symbol(word: &str) -> bool {
    matches!(
        word,
        "m" | "s" | "g" | "h" | "t" | "L" | "W" | "ms" | "mi" | "ha" | "min" | "pp" | "bp" | "ft" | "oz"
    )
}

/// What a unit measures, for conversions and for comparing one quantity stated in two units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Length,
    Mass,
    Area,
    Volume,
    Temperature,
    Time,
    Power,
    Energy,
    Data,
    Speed,
    Pressure,
    Frequency,
    Voltage,
    Current,
    AmountOfSubstance,
}

impl Dimension {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Length => "length",
            Self::Mass => "mass",
            Self::Area => "area",
            Self::Volume => "volume",
            Self::Temperature => "temperature",
            Self::Time => "time",
            Self::Power => "power",
            Self::Energy => "energy",
            Self::Data => "data",
            Self::Speed => "speed",
            Self::Pressure => "pressure",
            Self::Frequency => "frequency",
            Self::Voltage => "voltage",
            Self::Current => "current",
            Self::AmountOfSubstance => "amount of substance",
        }
    }
}

/// How a unit converts to its dimension's base unit: `base = value × factor + offset` (the
/// offset is for temperatures). Bases: metre, kilogram, square metre, litre, degree Celsius
/// (kelvin by its offset), second, watt, watt-hour (joules and electronvolts convert to it),
/// byte, metre per second, pascal, hertz, volt, ampere, mole; metric prefixes on those
/// (`MPa`, `GeV`, `µmol`) scale them. Factors are exact where the definitions are (the mile is
/// 1,609.344 m, the pound 0.45359237 kg, the US gallon 3.785411784 L).
#[must_use]
pub fn scale(symbol: &str) -> Option<(Dimension, rust_decimal::Decimal, rust_decimal::Decimal)> {
    use Dimension::{
        AmountOfSubstance, Area, Current, Data, Energy, Frequency, Length, Mass, Power, Pressure, Speed,
        Temperature, Time, Voltage, Volume,
    };
    use rust_decimal::Decimal;
    let d = |text: &str| text.parse::<Decimal>().ok();
    let (dimension, factor) = match symbol {
        "km" => (Length, "1000"),
        "m" => (Length, "1"),
        "cm" => (Length, "0.01"),
        "mm" => (Length, "0.001"),
        "µm" => (Length, "0.000001"),
        "nm" => (Length, "0.000000001"),
        "mi" => (Length, "1609.344"),
        "ft" => (Length, "0.3048"),
        "in" => (Length, "0.0254"),
        "yd" => (Length, "0.9144"),
        "km/h" => (Speed, "0.27777777777777777777777777778"),
        "mph" => (Speed, "0.44704"),
        "m/s" => (Speed, "1"),
        "kg" => (Mass, "1"),
        "g" => (Mass, "0.001"),
        "mg" => (Mass, "0.000001"),
        "µg" => (Mass, "0.000000001"),
        "t" => (Mass, "1000"),
        "kt" => (Mass, "1000000"),
        "Mt" => (Mass, "1000000000"),
        "Gt" => (Mass, "1000000000000"),
        "lb" => (Mass, "0.45359237"),
        "oz" => (Mass, "0.028349523125"),
        "m²" => (Area, "1"),
        "km²" => (Area, "1000000"),
        "ha" => (Area, "10000"),
        "acre" => (Area, "4046.8564224"),
        "L" => (Volume, "1"),
        "ml" => (Volume, "0.001"),
        "µL" => (Volume, "0.000001"),
        "m³" => (Volume, "1000"),
        "cm³" => (Volume, "0.001"),
        "mm³" => (Volume, "0.000001"),
        "km³" => (Volume, "1000000000000"),
        "gal" => (Volume, "3.785411784"),
        "bbl" => (Volume, "158.987294928"),
        "°C" => (Temperature, "1"),
        "s" => (Time, "1"),
        "ms" => (Time, "0.001"),
        "min" => (Time, "60"),
        "h" => (Time, "3600"),
        "W" => (Power, "1"),
        "kW" => (Power, "1000"),
        "MW" => (Power, "1000000"),
        "GW" => (Power, "1000000000"),
        "TW" => (Power, "1000000000000"),
        "Wh" => (Energy, "1"),
        "kWh" => (Energy, "1000"),
        "MWh" => (Energy, "1000000"),
        "GWh" => (Energy, "1000000000"),
        "TWh" => (Energy, "1000000000000"),
        "B" => (Data, "1"),
        "kB" => (Data, "1000"),
        "MB" => (Data, "1000000"),
        "GB" => (Data, "1000000000"),
        "TB" => (Data, "1000000000000"),
        "KiB" => (Data, "1024"),
        "MiB" => (Data, "1048576"),
        "GiB" => (Data, "1073741824"),
        "°F" => {
            // °C = (°F − 32) × 5/9
            let factor = Decimal::from(5) / Decimal::from(9);
            return Some((Temperature, factor, Decimal::from(-32) * factor));
        }
        "Pa" => (Pressure, "1"),
        "bar" => (Pressure, "100000"),
        "mbar" => (Pressure, "100"),
        "atm" => (Pressure, "101325"),
        "psi" => (Pressure, "6894.757293168361"),
        "Hz" => (Frequency, "1"),
        "V" => (Voltage, "1"),
        "A" => (Current, "1"),
        "mol" => (AmountOfSubstance, "1"),
        "J" => (Energy, "0.00027777777777777777777777778"),
        "eV" => (Energy, "0.0000000000000000000000445049065"),
        "bit" => (Data, "0.125"),
        "K" => return Some((Temperature, Decimal::ONE, Decimal::new(-27315, 2))),
        _ => return prefixed_scale(symbol),
    };
    Some((dimension, d(factor)?, Decimal::ZERO))
}

/// A metric prefix before a unit `scale` knows: `MPa`, `kHz`, `GeV`, `µmol`, `ng`, `mV`.
fn prefixed_scale(symbol: &str) -> Option<(Dimension, rust_decimal::Decimal, rust_decimal::Decimal)> {
    use rust_decimal::Decimal;
    const PREFIXES: &[(&str, i32)] = &[
        ("da", 1),
        ("Y", 24),
        ("Z", 21),
        ("E", 18),
        ("P", 15),
        ("T", 12),
        ("G", 9),
        ("M", 6),
        ("k", 3),
        ("h", 2),
        ("d", -1),
        ("c", -2),
        ("m", -3),
        ("µ", -6),
        ("n", -9),
        ("p", -12),
        ("f", -15),
    ];
    for (prefix, power) in PREFIXES {
        let Some(base) = symbol.strip_prefix(prefix) else {
            continue;
        };
        if base.is_empty()
            || !matches!(
                base,
                "Pa" | "Hz" | "V" | "A" | "mol" | "J" | "eV" | "g" | "L" | "s" | "W" | "Wh" | "bit"
            )
        {
            continue;
        }
        let (dimension, factor, offset) = scale(base)?;
        let step = Decimal::from_i128_with_scale(10i128.pow(power.unsigned_abs()), 0);
        let factor = if *power >= 0 {
            factor.checked_mul(step)?
        } else {
            factor.checked_div(step)?
        };
        return Some((dimension, factor, offset));
    }
    None
}

pub use super::unit_table::TableUnit;

/// A unit of the generated table (quantulum3's units, `unit_table.rs`) by its symbol, case
/// as written: `MPa`, `keV`, `AU`, `ppm`.
#[must_use]
pub fn table_symbol(symbol: &str) -> Option<&'static TableUnit> {
    let table = super::unit_table::SYMBOLS;
    let index = table
        .binary_search_by(|(s, _)| s.as_bytes().cmp(symbol.as_bytes()))
        .ok()?;
    super::unit_table::UNITS.get(usize::from(table[index].1))
}

/// A unit of the generated table by its name or plural, in lower case: "kilopascals",
/// "astronomical units", "degrees celsius".
#[must_use]
pub fn table_name(lower: &str) -> Option<&'static TableUnit> {
    let table = super::unit_table::NAMES;
    let index = table
        .binary_search_by(|(s, _)| s.as_bytes().cmp(lower.as_bytes()))
        .ok()?;
    super::unit_table::UNITS.get(usize::from(table[index].1))
}

/// The three-letter beginnings of the table's names, as a bit set over `a`–`z` cubed: most
/// words after a figure begin no unit name, and one bit says so without a search.
static NAME_STARTS: [u64; 275] = name_starts();

const fn trigram(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 3 {
        return None;
    }
    let (a, b, c) = (bytes[0], bytes[1], bytes[2]);
    if !(a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase()) {
        return None;
    }
    Some(((a - b'a') as usize * 26 + (b - b'a') as usize) * 26 + (c - b'a') as usize)
}

const fn name_starts() -> [u64; 275] {
    let mut bits = [0u64; 275];
    let names = super::unit_table::NAMES;
    let mut i = 0;
    while i < names.len() {
        if let Some(index) = trigram(names[i].0.as_bytes()) {
            bits[index / 64] |= 1 << (index % 64);
        }
        i += 1;
    }
    bits
}

/// Does some unit name of the table begin with `lower` (a name being read word by word)?
#[must_use]
pub fn table_name_prefix(lower: &str) -> bool {
    if let Some(index) = trigram(lower.as_bytes())
        && NAME_STARTS[index / 64] & (1 << (index % 64)) == 0
    {
        return false;
    }
    let table = super::unit_table::NAMES;
    let at = table.partition_point(|(s, _)| s.as_bytes() < lower.as_bytes());
    table.get(at).is_some_and(|(s, _)| s.starts_with(lower))
}

/// Most distinct compound units one process interns (`compound`); past it a compound keeps its
/// first part. Bounds what a hostile document can make a long-running process keep.
pub const MAX_COMPOUND_UNITS: usize = 4096;

/// The symbol of a compound unit, from its parts and their powers: `[("km", 1), ("h", -1)]` →
/// "km/h", `[("W", 1), ("m", -2)]` → "W/m²", `[("Mg", 1), ("ha", -1), ("year", -1)]` →
/// "Mg/(ha·year)", `[("cm", -1)]` → "cm⁻¹" (DESIGN.md: `/`, `·` and exponents, prefixes kept).
/// Interned, so that a claim's unit stays a `&'static str` like every simple unit.
#[must_use]
pub fn compound(parts: &[(&str, i8)]) -> Option<&'static str> {
    use std::fmt::Write as _;
    let power = |n: i8| match n.unsigned_abs() {
        1 => "",
        2 => "²",
        3 => "³",
        _ => "⁴",
    };
    let numerator: Vec<String> = parts
        .iter()
        .filter(|(_, p)| *p > 0)
        .map(|(s, p)| format!("{s}{}", power(*p)))
        .collect();
    let denominator: Vec<String> = parts
        .iter()
        .filter(|(_, p)| *p < 0)
        .map(|(s, p)| format!("{s}{}", power(*p)))
        .collect();
    let mut symbol = numerator.join("·");
    match (numerator.is_empty(), denominator.len()) {
        (_, 0) => {}
        (true, _) => {
            for (s, p) in parts.iter().filter(|(_, p)| *p < 0) {
                let exponent = match p {
                    -1 => "⁻¹",
                    -2 => "⁻²",
                    -3 => "⁻³",
                    _ => "⁻⁴",
                };
                if !symbol.is_empty() {
                    symbol.push('·');
                }
                let _ = write!(symbol, "{s}{exponent}");
            }
        }
        (false, 1) => {
            symbol.push('/');
            symbol.push_str(&denominator[0]);
        }
        (false, _) => {
            let _ = write!(symbol, "/({})", denominator.join("·"));
        }
    }
    intern(symbol)
}

/// The one `&'static str` of a compound unit's symbol; `None` once `MAX_COMPOUND_UNITS`
/// distinct ones are held.
fn intern(symbol: String) -> Option<&'static str> {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static INTERNED: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = INTERNED
        .get_or_init(|| Mutex::new(HashSet::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = set.get(symbol.as_str()) {
        return Some(known);
    }
    if set.len() >= MAX_COMPOUND_UNITS {
        return None;
    }
    let leaked: &'static str = Box::leak(symbol.into_boxed_str());
    set.insert(leaked);
    Some(leaked)
}
