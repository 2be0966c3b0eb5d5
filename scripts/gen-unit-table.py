#!/usr/bin/env python3
"""Writes src/lexicon/unit_table.rs from quantulum3's unit table (MIT, vendored in
src/lexicon/data/ with its licence), so that claimlint's units come from a real source of unit
names, symbols and dimensions rather than a list grown case by case.

    python3 scripts/gen-unit-table.py          # rewrite the table
    python3 scripts/gen-unit-table.py --check  # exit 1 if the checked-in table is stale (CI)

What the generator adds to or removes from quantulum3's data, and why, is written below as
data: SI prefixes quantulum3 does not expand, a few units it lacks, canonical symbols where
DESIGN.md's spelling differs from quantulum3's first symbol, and the symbols and names that
are ordinary English words or labels after a number ("in", "set", "quarter", "A", "H").
"""
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src/lexicon/data/quantulum3-units.json"
OUT = ROOT / "src/lexicon/unit_table.rs"

PREFIXES = {
    "Y": "yotta", "Z": "zetta", "E": "exa", "P": "peta", "T": "tera", "G": "giga", "M": "mega",
    "k": "kilo", "h": "hecto", "da": "deca", "d": "deci", "c": "centi", "m": "milli", "µ": "micro",
    "n": "nano", "p": "pico", "f": "femto", "a": "atto", "z": "zepto", "y": "yocto",
}

# Prefixes quantulum3 does not expand but science and policy prose use.
EXTRA_PREFIXES = {
    "gram": ["n", "p", "f", "M", "G", "T"],
    "second": ["p", "f"],
    "litre": ["µ", "n"],
    "joule": ["M", "G", "T", "P", "E"],
    "pascal": ["T"],
    "tonne": ["k", "M", "G"],
    "mole": ["k", "m", "µ", "n", "p", "f"],
    "kelvin": ["m", "µ", "n"],
    "gray": ["µ"],
    "sievert": ["m", "µ", "n"],
    "newton": ["m", "µ", "M", "G"],
    "volt": ["µ", "n", "M"],
    "tesla": ["m", "µ", "n", "p"],
    "electronvolt": ["m", "P"],
    "watt hour": ["m", "M", "G", "T", "P"],
    "dalton": ["k", "M"],
    "molar": ["m", "µ", "n", "p", "f"],
    "hertz": ["m"],
    "byte": [],
}

# Units quantulum3 lacks: name -> (entity, symbols, surfaces).
EXTRA_UNITS = {
    "watt hour": ("energy", ["Wh"], ["watt hour", "watt-hour", "watthour"]),
    "dalton": ("mass", ["Da"], ["dalton"]),
    "molar": ("concentration", ["M"], ["molar"]),
    "tonne of oil equivalent": ("energy", ["toe"], ["tonne of oil equivalent", "tonnes of oil equivalent"]),
    "million tonnes of oil equivalent": ("energy", ["Mtoe"], ["million tonnes of oil equivalent"]),
    "barrel of oil equivalent": ("energy", ["boe", "BOE"], ["barrel of oil equivalent", "barrels of oil equivalent"]),
    "tonne of CO2 equivalent": ("mass", ["tCO2e", "tCO2eq", "tCO2-eq"], []),
    "kilotonne of CO2 equivalent": ("mass", ["ktCO2e", "ktCO2eq", "ktCO2-eq"], []),
    "megatonne of CO2 equivalent": ("mass", ["MtCO2e", "MtCO2eq", "MtCO2-eq"], []),
    "gigatonne of CO2 equivalent": ("mass", ["GtCO2e", "GtCO2eq", "GtCO2-eq"], []),
    "tonne of CO2": ("mass", ["tCO2"], []),
    "megatonne of CO2": ("mass", ["MtCO2"], []),
    "gigatonne of CO2": ("mass", ["GtCO2"], []),
    "gigatonne of carbon": ("mass", ["GtC"], []),
    "petagram of carbon": ("mass", ["PgC"], []),
    # Millions of years, as ISO 80000-3 writes them (a = annum): "66 Ma", "4.5 Gyr", "3 byr".
    "gigayear": ("time", ["Ga", "Gyr", "byr"], ["gigayear", "gigaannum", "giga-annum"]),
    "megayear": ("time", ["Ma", "Myr"], ["megayear", "megaannum", "mega-annum"]),
    "kiloyear": ("time", ["ka", "kyr"], ["kiloyear", "kiloannum", "kilo-annum"]),
    "millibar": ("pressure", ["mbar", "mBar"], ["millibar"]),
    "microbar": ("pressure", ["µbar", "μbar"], ["microbar"]),
    "nanobar": ("pressure", ["nbar"], ["nanobar"]),
    "nanotesla": ("magnetic field", ["nT"], ["nanotesla"]),
    "decibel milliwatt": ("power level", ["dBm"], []),
    "decibel A-weighted": ("sound level", ["dBA", "dB(A)"], []),
    "parts per quadrillion": ("dimensionless", ["ppq"], ["parts per quadrillion"]),
    # Astronomy's lengths in radii of a body, and airglow brightness in rayleighs.
    "planetary radius": ("length", ["Rp"], ["planetary radius", "planetary radii"]),
    "Earth radius": ("length", ["R⊕"], ["earth radius", "earth radii"]),
    "Jupiter radius": ("length", ["RJ", "RJup"], ["jupiter radius", "jupiter radii"]),
    "Saturn radius": ("length", ["RS"], ["saturn radius", "saturn radii"]),
    "kilorayleigh": ("radiance", ["kR"], ["kilorayleigh"]),
}

# The symbol a unit is written with, where DESIGN.md's spelling (SI symbols, "year", "h",
# "t", "L", "ml") or claimlint's existing one differs from quantulum3's first symbol.
CANONICAL = {
    "year": "year", "month": "month", "week": "week", "day": "day",
    "hour": "h", "minute": "min", "second": "s", "tonne": "t", "litre": "L",
    "cubic centimetre": "cm³", "cubic metre": "m³", "cubic kilometre": "km³",
    "cubic millimetre": "mm³", "square metre": "m²", "square kilometre": "km²",
    "square mile": "mi²", "square foot": "ft²", "square inch": "in²", "square yard": "yd²",
    "cubic mile": "mi³", "cubic yard": "yd³", "cubic foot": "ft³", "cubic inch": "in³",
    "kilometre per hour": "km/h", "mile per hour": "mph", "metre per second": "m/s",
    "foot per second": "ft/s", "inch per second": "in/s", "metre per hour": "m/h",
    "pound-mass": "lb", "microsecond": "µs", "megaton": "Mt", "gigaton": "Gt", "kiloton": "kt",
    "astronomical unit": "AU", "kelvin": "K", "degree Celsius": "°C", "degree fahrenheit": "°F",
    "percentage": "%", "per mille": "‰", "basis point": "bp", "parts-per-million": "ppm",
    "parts-per-billion": "ppb", "parts-per-trillion": "ppt", "degree angle": "°",
    "minute of arc": "′", "second of arc": "″", "kibibyte": "KiB", "mibibyte": "MiB",
    "cubic metre per second": "m³/s", "kilogram per cubic metre": "kg/m³",
    "gram per cubic centimetre": "g/cm³", "candela per square metre": "cd/m²",
    "inverse second": "s⁻¹", "inverse femtobarn": "fb⁻¹", "kilowatt hour": "kWh",
    "watt second": "Ws", "newton metre": "N·m", "pound per square inch": "psi",
    "bit per second": "bit/s", "kilobit per second": "kbit/s", "megabit per second": "Mbit/s",
    "gigabit per second": "Gbit/s", "ton per day": "t/day", "pound per hour": "lb/h",
    "metre per square second": "m/s²", "foot per square second": "ft/s²", "bit": "bit",
    "ampere-hour": "Ah", "milliampere-hour": "mAh", "volt-ampere": "VA", "horsepower-hour": "hph",
    "revolutions per minute": "rpm", "cycle per second": "Hz", "standard atmosphere": "atm",
    "millimeter of mercury": "mmHg", "microgram": "µg", "micrometre": "µm",
    "cubic foot per second": "ft³/s", "short ton": "short ton", "long ton": "long ton",
    "ton": "ton", "kilocalorie": "kcal", "british thermal unit": "BTU",
    "mega british thermal unit": "MMBtu", "atomic mass unit": "Da", "knot": "kn", "litre per minute": "L/min",
    "standard litre per minute": "slpm", "megapixel": "MP", "ångström": "Å",
}

# Entities that are no unit in claimlint: counts (a dozen is a count, not a unit), money
# (read by claimlint's own currency lexicon), and the two that only make sense in physics
# notation.
SKIPPED_ENTITIES = {"dimensionless", "currency"}
KEPT_DIMENSIONLESS = {"per mille", "parts-per-million", "parts-per-billion", "parts-per-trillion",
                      "parts per quadrillion"}

# Symbols that are English words, single capital letters that label parts and grades ("Type 2
# A"), quotation marks, or collide with a more common unit or with claimlint's scale letters.
DENIED_SYMBOLS = {
    "in", "at", "st", "pt", "p", "q", "u", "a", "y", "d", "b", "c", "l", "B", "R", "S", "H", "F",
    "C", "G", "T", "P", "A", "N", "kt", "amp", "Ba", "Eh", "Ha", "Fr", "At", "AT", "Ly", "nt",
    "sb", "cd", "lm", "den", "fur", "lea", "fath", "qr", "ct", "bu", "bsh", "pk", "mb", "gb", "tb",
    "Cal", "TR", "FBM", "BDFT", "BF", "PPH", "CFPM", "CFM", "SCCM", "SCFM", "SLM", "SLPM", "MOA",
    "SOA", "esu", "Rd", "Oe", "Mx", "hs", "mps", "fps", "ips", "kph", "pdl", "kip", "hph",
    "thm", "nibble", "Gal", "Gs", "St", "'", '"', "″", "′", "”", "'", "Hg", '"Hg', "kn", "kp",
    "tf", "Bd", "ly", "mah", "MByte", "rps", "cps", "MP", "k", "Dm", "dkm", "dam", "hm",
    "bp", "Mb", "Gb", "Tb", "Pb", "Eb", "Zb", "Yb", "kb", "PM", "pm", "am",
    "Am", "Em", "Tm", "as", "fm", "zm", "ym", "Ym", "Zm", "dB(A)", "cu m", "sq m", "sq km",
    "ac*ft", "fl. oz", "qt liq", "qt dry", "pt liq", "pt dry", "bbl dry", "st lea", "n lea",
    "n league", "st league", "oz fl", "cu mi", "cu yd", "cu ft", "cu in", "cm H2O", "min", "y",
    "arcdeg", "gm", "ccm", "ℓ", "ltr", "kL", "mJy", "KB", "YB", "ZB", "EB", "Yb", "Zb", "Ybit",
    "Zbit", "YiB", "ZiB", "EiB",
}
# One-letter symbols kept: read only in a clear context (see `extract::suffix`).
ALLOWED_SINGLE = {"K", "V", "J"}

DENIED_NAMES = {
    "pair", "set", "count", "turn", "quarter", "span", "drop", "cup", "point", "gross", "mill",
    "penny", "dime", "cent", "shake", "quad", "rad", "gray", "henry", "tex", "pond", "candle",
    "dots", "pel", "tetrad", "tetrade", "quartet", "darcy", "darcy unit", "faraday", "maxwell",
    "gauss", "weber", "tesla", "curie", "rutherford", "knot", "league", "cubit", "ell", "fathom",
    "peck", "stere", "langley", "jansky", "denier", "baud", "bar", "minute", "second", "degree",
    "lustrum", "poise", "stokes", "rhe", "erg", "barie", "bary", "barye", "barad", "barrie",
    "baryd", "baryed", "bevatron", "pixel", "picture element", "furlong", "dozen", "statmho",
    "mho", "kip", "nibble", "nyble", "nybble", "quadbit", "semi-octet", "half-byte", "gal",
    "galileo", "shake", "annum", "quarter", "carat", "bushel", "minute arc", "second arc",
    "angular minute", "angular second", "revolutions per second", "per second", "centigrade",
    "celsius", "fahrenheit", "long measure", "drop", "cumec", "tablespoon", "teaspoon",
    "dessertspoon", "pint", "quart", "ounce", "long hundred", "base pair", "nucleotide",
    "kilo base pair", "mega base pair", "giga base pair", "board foot", "board-foot", "qubit",
    "qbit", "quantum bit", "speed of light", "lightspeed", "ton", "pound", "pound-mass",
    "force pound", "force ounce", "force ton", "force tonne", "force gram", "force kilogram",
    "ton force", "ton-force", "tonne force", "tonne-force", "tonforce", "tonneforce",
}

IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "hertz": "hertz",
                     "lux": "lux", "siemens": "siemens", "millennium": "millennia",
                     "kelvin": "kelvin", "celsius": "celsius", "henry": "henries"}


def plural(name):
    words = name.split(" ")
    # "pound per square inch" -> "pounds per square inch"; "degree Celsius" -> "degrees Celsius"
    head = 0
    for i, w in enumerate(words):
        if w in ("per", "of"):
            break
        head = i
    if len(words) > 1 and words[0] in ("square", "cubic", "degree"):
        head = 0 if words[0] == "degree" else min(head, len(words) - 1)
    w = words[head]
    last = w.split("-")[-1]
    if last in IRREGULAR_PLURALS:
        p = w[: len(w) - len(last)] + IRREGULAR_PLURALS[last]
    elif any(last.endswith(s) for s in ("foot", "inch", "hertz", "lux", "siemens")):
        for s in ("foot", "inch", "hertz", "lux", "siemens"):
            if last.endswith(s):
                p = w[: len(w) - len(s)] + IRREGULAR_PLURALS[s]
                break
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        p = w + "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        p = w[:-1] + "ies"
    else:
        p = w + "s"
    return " ".join(words[:head] + [p] + words[head + 1:])


# SI units that take the small and the common large prefixes wherever quantulum3 lists none:
# "nJ", "µA", "mK", "pC", "kBq", "µGy". Tesla takes only small ones ("5 MT" is metric tons).
SMALL = ["m", "µ", "n", "p", "f"]
LARGE = ["k", "M", "G", "T"]
for unit, prefixes in {
    "joule": SMALL + LARGE, "ampere": SMALL + LARGE, "kelvin": SMALL, "volt": SMALL + LARGE,
    "watt": SMALL + LARGE, "pascal": ["m", "µ"] + LARGE, "coulomb": SMALL + ["k"],
    "farad": SMALL, "henry": SMALL, "tesla": SMALL, "siemens": SMALL, "becquerel": LARGE,
    "gray": ["m", "c", "µ"], "sievert": ["m", "µ", "n"], "newton": SMALL + LARGE,
    "electronvolt": ["m"] + LARGE + ["P"], "litre": ["m", "µ", "n", "d", "c", "h"],
    "mole": SMALL + ["k"], "molar": SMALL, "gram": SMALL + ["k", "M", "G", "T"],
    "second": SMALL, "hertz": ["m"] + LARGE, "ohm": ["m", "k", "M", "G"], "weber": SMALL,
}.items():
    EXTRA_PREFIXES[unit] = sorted(set(EXTRA_PREFIXES.get(unit, [])) | set(prefixes))


def load():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    units = {}
    for name, u in data.items():
        units[name] = {
            "entity": u.get("entity", ""),
            "symbols": list(u.get("symbols", [])),
            "surfaces": list(u.get("surfaces", [])),
            "dimensions": [(d["base"], d["power"]) for d in u.get("dimensions", [])],
            "prefixes": list(u.get("prefixes", [])),
        }
    for name, (entity, symbols, surfaces) in EXTRA_UNITS.items():
        units.setdefault(name, {"entity": entity, "symbols": symbols, "surfaces": surfaces or [name],
                                "dimensions": [], "prefixes": []})
    for name, extra in EXTRA_PREFIXES.items():
        if name in units:
            units[name]["prefixes"] = sorted(set(units[name]["prefixes"]) | set(extra))
    expanded = dict(units)
    for name, u in units.items():
        for prefix in u["prefixes"]:
            pname = PREFIXES[prefix] + name
            if pname in expanded:
                continue
            symbols = [prefix + s for s in u["symbols"] if s and s[0].isalpha()]
            surfaces = [PREFIXES[prefix] + s for s in u["surfaces"]]
            expanded[pname] = {"entity": u["entity"], "symbols": symbols, "surfaces": surfaces,
                               "dimensions": [], "prefixes": []}
    return expanded


def canonical(name, u):
    """The symbol claimlint writes, in NFC (the ohm sign U+2126 becomes the Greek capital
    omega, as Unicode recommends)."""
    if name in CANONICAL:
        return unicodedata.normalize("NFC", CANONICAL[name])
    for s in u["symbols"]:
        if s and any(c.isalpha() for c in s) and " " not in s:
            return unicodedata.normalize("NFC", s)
    return name


def rust_str(text):
    """A Rust string literal; characters that NFC would change (the ohm sign) as escapes, so
    that the source stays normalised and the symbol still matches what documents write."""
    out = []
    for c in text:
        if unicodedata.normalize("NFC", c) != c:
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(json.dumps(c, ensure_ascii=False)[1:-1])
    return '"' + "".join(out) + '"'


def generate():
    units = load()
    rows = []  # (name, symbol, entity)
    names = {}
    symbols = {}
    for name in sorted(units):
        u = units[name]
        if u["entity"] in SKIPPED_ENTITIES and name not in KEPT_DIMENSIONLESS:
            continue
        if name in DENIED_NAMES:
            continue
        index = len(rows)
        entity = u["entity"] or "dimensionless"
        rows.append((name, canonical(name, u), entity))
        for surface in set(u["surfaces"] + [name]):
            key = surface.lower()
            if key in DENIED_NAMES or len(key) < 3:
                continue
            for form in (key, plural(key)):
                names.setdefault(form, index)
        for symbol in u["symbols"]:
            if symbol in DENIED_SYMBOLS or not any(c.isalpha() for c in symbol) or " " in symbol:
                continue
            # One ASCII letter is too often a label or grade; one other letter ("Å", "Ω")
            # is written alone for nothing but its unit.
            if len(symbol) == 1 and symbol.isascii() and symbol not in ALLOWED_SINGLE:
                continue
            symbols.setdefault(symbol, index)
            # The ohm sign and the Greek capital omega are both written for ohms.
            symbols.setdefault(unicodedata.normalize("NFC", symbol), index)
    out = [
        "//! The unit table, generated by `scripts/gen-unit-table.py` from quantulum3's unit data",
        "//! (MIT licence, `src/lexicon/data/LICENSE-quantulum3`). Do not edit: change the data or",
        "//! the generator and run it again; CI checks that this file is current.",
        "",
        "/// One unit: the symbol claimlint writes, its quantulum3 name and what it measures.",
        "#[derive(Debug, Clone, Copy, PartialEq, Eq)]",
        "pub struct TableUnit {",
        "    pub symbol: &'static str,",
        "    pub name: &'static str,",
        "    pub dimension: &'static str,",
        "}",
        "",
        "/// Every unit, by quantulum3 name.",
        "pub static UNITS: &[TableUnit] = &[",
    ]
    for name, symbol, entity in rows:
        out.append(f"    TableUnit {{ symbol: {rust_str(symbol)}, name: {rust_str(name)}, dimension: {rust_str(entity)} }},")
    out.append("];")
    out.append("")
    out.append("/// Unit names and their plurals, lower case, sorted by bytes: (name, index into `UNITS`).")
    out.append("pub static NAMES: &[(&str, u16)] = &[")
    for key in sorted(names, key=lambda k: k.encode()):
        out.append(f"    ({rust_str(key)}, {names[key]}),")
    out.append("];")
    out.append("")
    out.append("/// Unit symbols, case-sensitive, sorted by bytes: (symbol, index into `UNITS`).")
    out.append("pub static SYMBOLS: &[(&str, u16)] = &[")
    for key in sorted(symbols, key=lambda k: k.encode()):
        out.append(f"    ({rust_str(key)}, {symbols[key]}),")
    out.append("];")
    return "\n".join(out) + "\n"


def main():
    text = generate()
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python3 scripts/gen-unit-table.py", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
