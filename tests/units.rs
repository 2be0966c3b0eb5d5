//! Units, shared units, scales and decimal marks: one test per class of the extraction issue,
//! on sentences written for it.

use claimlint::ingest::{IngestOptions, parse};
use claimlint::pipeline::Engine;

/// The claims of `text`, read as plain text.
fn claims(text: &str) -> Vec<claimlint::Claim> {
    let engine = Engine::builtin().expect("engine");
    let document = parse(
        text.as_bytes(),
        std::path::Path::new("t.txt"),
        &IngestOptions::default(),
    )
    .expect("parses");
    engine.claims(&document)
}

/// Each claim of `text` as (text as written, value or "low..high", unit).
fn read(text: &str) -> Vec<(String, String, String)> {
    claims(text)
        .into_iter()
        .map(|c| {
            let value = c.value.map_or_else(
                || match (c.low, c.high) {
                    (Some(low), Some(high)) => format!("{}..{}", low.normalize(), high.normalize()),
                    _ => String::new(),
                },
                |v| v.normalize().to_string(),
            );
            (c.text, value, c.unit.unwrap_or("").to_owned())
        })
        .collect()
}

/// The unit of the claim written as `figure` in `text`.
fn unit_of(text: &str, figure: &str) -> String {
    read(text)
        .into_iter()
        .find(|(t, _, _)| t == figure)
        .unwrap_or_else(|| panic!("no claim {figure:?} in {text:?}: {:?}", read(text)))
        .2
}

#[test]
fn units_of_science_and_engineering_prose_are_read() {
    for (text, figure, unit) in [
        ("The probe stayed 3.82AU from the star.", "3.82AU", "AU"),
        ("The beam reached 120 keV in the second run.", "120 keV", "keV"),
        ("Its yield strength was 29.7MPa after curing.", "29.7MPa", "MPa"),
        ("The signal sat near 2.4 GHz all week.", "2.4 GHz", "GHz"),
        ("The pipe held 12 kPa of pressure.", "12 kPa", "kPa"),
        ("Nitrate stayed below 50 ppm in every well.", "50 ppm", "ppm"),
        ("The pump is rated at 85 dB at full speed.", "85 dB", "dB"),
        ("Output fell to 2 Mtoe in the dry year.", "2 Mtoe", "Mtoe"),
        ("Farms emitted 3.1 MtCO2e in total.", "3.1 MtCO2e", "MtCO2e"),
        ("The crystal was heated to 900 K overnight.", "900 K", "K"),
        ("The isotope ratio shifted by 0.6‰ between cores.", "0.6‰", "‰"),
        ("The grains were 350µm wide.", "350µm", "µm"),
        ("The lake covers 116 sq mi of the valley.", "116 sq mi", "mi²"),
        (
            "The survey covered 40 square kilometres of forest.",
            "40 square kilometres",
            "km²",
        ),
        ("A rock of 6.8 wt.% water was found.", "6.8 wt.%", "%"),
        ("The slope rose at 45° near the ridge.", "45°", "°"),
    ] {
        assert_eq!(unit_of(text, figure), unit, "{text}");
    }
}

#[test]
fn coordinates_stay_places_not_figures() {
    assert!(read("The site lies at 54°N, 3°W on the coast.").is_empty());
}

#[test]
fn compound_units_keep_every_part() {
    for (text, figure, unit) in [
        ("Winds gusted at 80 km/h on the pass.", "80 km/h", "km/h"),
        ("Lead reached 12 µg/m³ in winter.", "12 µg/m³", "µg/m³"),
        ("The dose was 5 mg/L in each tank.", "5 mg/L", "mg/L"),
        ("Yields averaged 7 t/ha on the plots.", "7 t/ha", "t/ha"),
        ("Panels deliver 1,200 kWh/m² a year.", "1,200 kWh/m²", "kWh/m²"),
        ("The current ran at 7.8 m s−1 near the inlet.", "7.8 m s−1", "m/s"),
        ("Radiation of 340 W m−2 reached the ground.", "340 W m−2", "W/m²"),
        (
            "Growth of 11 Mg ha−1 year−1 was recorded.",
            "11 Mg ha−1 year−1",
            "Mg/(ha·year)",
        ),
        (
            "The band sits at 1,065 cm−1 in the spectrum.",
            "1,065 cm−1",
            "cm⁻¹",
        ),
        ("The mine moved 4 km squared of earth.", "4 km squared", "km²"),
        (
            "The car ran at 90 kilometres per hour on the road.",
            "90 kilometres per hour",
            "km/h",
        ),
        (
            "Seeds were sown at 20 kilograms per hectare here.",
            "20 kilograms per hectare",
            "kg/ha",
        ),
    ] {
        assert_eq!(unit_of(text, figure), unit, "{text}");
    }
}

#[test]
fn money_per_period_or_unit_names_both() {
    for (text, figure, unit) in [
        (
            "The scheme costs USD 3 billion a year to run.",
            "USD 3 billion a year",
            "USD/year",
        ),
        ("Cleaners earn $15.40/hour in the city.", "$15.40/hour", "USD/h"),
        (
            "Saffron sells for $350 per kg wholesale.",
            "$350 per kg",
            "USD/kg",
        ),
        (
            "The fund pays EUR 2 million annually to towns.",
            "EUR 2 million annually",
            "EUR/year",
        ),
        (
            "Health spending was USD 900 per capita in that year.",
            "USD 900 per capita",
            "USD/capita",
        ),
    ] {
        assert_eq!(unit_of(text, figure), unit, "{text}");
    }
    // A period that dates the figure is no rate.
    assert_eq!(unit_of("It raised $5 million a year ago.", "$5 million"), "USD");
}

#[test]
fn a_unit_written_once_covers_its_list_or_pair() {
    let read_units = |text: &str| read(text).into_iter().map(|(_, _, u)| u).collect::<Vec<_>>();
    assert_eq!(read_units("Radios used the 41, 61 and 94 GHz bands."), ["GHz"; 3]);
    assert_eq!(read_units("Grains of 24 and 70 µm were sieved."), ["µm"; 2]);
    assert_eq!(read_units("Fares rose 3, 5 and 7 per cent in turn."), ["%"; 3]);
    assert_eq!(read_units("Turnout went from 4.1 to 4.6% in the town."), ["%"; 2]);
    // Two statements, not a list: the count keeps no unit.
    assert_eq!(read_units("Of the 120, 40% voted early."), ["", "%"]);
    assert_eq!(
        read_units("About 230 million, or 80% of adults, agreed."),
        ["", "%"]
    );
    assert_eq!(
        read_units("The median age was 31 and 44% of staff were new."),
        ["", "%"]
    );
}

#[test]
fn one_dotted_number_does_not_hide_the_documents_decimals() {
    let text = "Under licence 4.567.890 the plant opened. Output grew 2.5% to 14.3 billion euros, \
                and prices rose 12.7 per cent.";
    let values: Vec<String> = read(text).into_iter().map(|(_, v, _)| v).collect();
    assert!(values.contains(&"2.5".to_owned()), "{values:?}");
    assert!(values.contains(&"14300000000".to_owned()), "{values:?}");
    assert!(values.contains(&"12.7".to_owned()), "{values:?}");
    // A decimal comma before a percent sign in a decimal-point document.
    assert_eq!(read("Coverage was 88,3% last year.")[0].1, "88.3");
    // A document written with decimal commas keeps reading them.
    let values: Vec<String> = read("Der Umsatz lag bei 1.234,5 Euro und 2.000.000 Euro.")
        .into_iter()
        .map(|(_, v, _)| v)
        .collect();
    assert_eq!(values, ["1234.5", "2000000"]);
}

#[test]
fn scale_words_and_letters_scale_any_figure() {
    for (text, value) in [
        ("Some five and a half million people voted.", "5500000"),
        ("About two and a half million people moved.", "2500000"),
        ("The city has one million and a half residents.", "1500000"),
        ("The app reached 1.2B people by spring.", "1200000000"),
        ("The forum has 2mil users now.", "2000000"),
        ("There were 3 hundred and 21 ballots.", "321"),
        ("We counted 4 thousand 3 hundred geese.", "4300"),
    ] {
        assert_eq!(read(text)[0].1, value, "{text}");
    }
    // A year after a scaled figure is not part of it.
    assert_eq!(read("It cost 3 million 2020 dollars.")[0].1, "3000000");
}

#[test]
fn spaced_letters_are_units_after_digits_only() {
    assert_eq!(unit_of("Mix 75 g of sugar into the dough.", "75 g"), "g");
    assert_eq!(unit_of("Wait 24 h before the next dose.", "24 h"), "h");
    assert!(
        read("There were virtually zero s in the list.")
            .iter()
            .all(|(_, _, u)| u.is_empty())
    );
    // A capitalised word after the letter: initials or a label, not a unit.
    assert!(
        read("Room 5 K Block is closed.")
            .iter()
            .all(|(_, _, u)| u.is_empty())
    );
}

#[test]
fn values_after_relation_signs_and_signed_figures() {
    let read_q = |text: &str| {
        claims(text)
            .into_iter()
            .map(|c| {
                (
                    c.text,
                    c.qualifier.name(),
                    c.value.map(|v| v.normalize().to_string()),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read_q("The gap was clear (p<0.001)."),
        [("0.001".to_owned(), "less_than", Some("0.001".to_owned()))]
    );
    assert_eq!(read_q("Alloys with Si<0.10% were tested.")[0].1, "less_than");
    assert_eq!(
        read_q("We kept the ratio CaP=1.67 fixed.")[0].2.as_deref(),
        Some("1.67")
    );
    assert_eq!(
        read_q("Cells gave Jsc∼2–3 mA/cm2 in the test.")[0].0,
        "2–3 mA/cm2"
    );
    assert_eq!(read_q("Adults aged ≥ 18 years joined.")[0].1, "at_least");
    assert_eq!(read_q("The ridge is at +1881 m.")[0].2.as_deref(), Some("1881"));
    assert_eq!(
        read_q("The peak sits at 200 m and−2341 m below it.")[1]
            .2
            .as_deref(),
        Some("-2341")
    );
    assert_eq!(read_q("Prices moved +1% in May.")[0].0, "+1%");
    // Code and calling codes are no figures.
    assert!(read_q("Set a=1&b=2 in the query.").is_empty());
    assert!(read_q("Its calling code is +44 for most lines.").is_empty());
}

#[test]
fn powers_of_ten_flattened_by_pdf_extraction() {
    assert_eq!(read("The drift was 2.48×10−5 per orbit.")[0].1, "0.0000248");
    assert_eq!(
        read("Loss rates of 3.1 × 10-7 per hour were seen.")[0].1,
        "0.00000031"
    );
}

#[test]
fn words_forms_of_real_reports() {
    for (text, value) in [
        ("The fund holds two million and one half shares.", "2500000"),
        (
            "Reserves reached one billion and a half million barrels.",
            "1000500000",
        ),
        ("The index read nought point nought three at close.", "0.03"),
        ("The pole measured two hundred point seventy-one units.", "200.71"),
        ("The vote drew 3 hundred and one members.", "301"),
        (
            "About two thirds of a million people came.",
            "666666.6666666666666666666667",
        ),
        ("The shop sold 3 dzs eggs.", "36"),
    ] {
        assert_eq!(read(text)[0].1, value, "{text}");
    }
    // "naught" alone is a word, not a zero.
    assert!(read("All that work came to naught.").is_empty());
}

#[test]
fn a_suspended_hyphen_shares_the_unit_after() {
    assert_eq!(
        read("They built an 8- to 16-metre mast."),
        [("8- to 16-metre".to_owned(), "8..16".to_owned(), "m".to_owned())]
    );
    assert_eq!(read("A 5- or 10-year plan was drafted.")[0].2, "year");
    // Glued words are a name of a ratio, not a range.
    assert_ne!(read("It is a 1-to-1 map.")[0].1, "1..1");
}

#[test]
fn prefixed_units_convert_within_their_dimension() {
    use claimlint::lexicon::units::scale;
    use rust_decimal::Decimal;
    let base = |symbol: &str| scale(symbol).map(|(d, f, _)| (d.name(), f.normalize()));
    assert_eq!(base("MPa"), Some(("pressure", Decimal::from(1_000_000))));
    assert_eq!(base("kHz"), Some(("frequency", Decimal::from(1000))));
    assert_eq!(base("µmol"), Some(("amount of substance", Decimal::new(1, 6))));
    assert_eq!(base("ng"), Some(("mass", Decimal::new(1, 12))));
    assert_eq!(
        scale("GeV").map(|(_, f, _)| f),
        scale("MeV").map(|(_, f, _)| f * Decimal::from(1000))
    );
    // A kelvin is a degree Celsius shifted by 273.15.
    assert_eq!(
        scale("K").map(|(_, f, o)| (f, o)),
        Some((Decimal::ONE, Decimal::new(-27315, 2)))
    );
    assert_eq!(scale("dB"), None);
}

#[test]
fn inches_millions_of_years_and_signed_money() {
    assert_eq!(unit_of("The hose is 2 in.", "2 in"), "in");
    assert_eq!(unit_of("The board is 3 in thick.", "3 in"), "in");
    assert!(
        read("We ranked 5 in the league.")
            .iter()
            .all(|(_, _, u)| u.is_empty())
    );
    assert_eq!(unit_of("The crater formed 66 Ma before present.", "66 Ma"), "Ma");
    assert_eq!(unit_of("The crust is 4.4 Gyr old.", "4.4 Gyr"), "Ga");
    assert_eq!(read("The line showed $-99.99 at close.")[0].1, "-99.99");
}

#[test]
fn astronomy_units_run_together_symbols_and_rupees() {
    assert_eq!(
        unit_of("The ring sits near 3.4Rp from the planet.", "3.4Rp"),
        "Rp"
    );
    assert_eq!(unit_of("The aurora reached ~88kR at peak.", "88kR"), "kR");
    assert_eq!(unit_of("Heating of ~8.8mWm−2 was found.", "8.8mWm−2"), "mW/m²");
    assert_eq!(unit_of("Escape of 107 kgs-1 was inferred.", "107 kgs-1"), "kg/s");
    assert_eq!(
        unit_of("Rice sold at Rs 173 per kg there.", "Rs 173 per kg"),
        "INR/kg"
    );
    assert_eq!(
        unit_of("The fee is Rs. 2,500 per year.", "Rs. 2,500 per year"),
        "INR/year"
    );
    // Statistics keep their figures: a confidence interval after "CI" is no version number.
    assert_eq!(
        read("The ratio was 2.2 (95% CI 1.9–2.6) in men.")[2].1,
        "1.9..2.6"
    );
    // Code assigns and compares; those numbers are no figures.
    assert!(read("Run it with lines=50 and VARIABLE=23 set.").is_empty());
    assert!(read("The test (( x = var1<98 )) passes.").is_empty());
}

#[test]
fn days_without_years_compositions_and_superscript_powers() {
    let date = |text: &str| {
        claims(text)
            .into_iter()
            .map(|c| (c.kind.name(), c.date))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        date("The vote fell on March 16 that spring."),
        [("date", Some("--03-16".to_owned()))]
    );
    assert_eq!(
        date("The vote fell on March 16, 2021 that spring."),
        [("date", Some("2021-03-16".to_owned()))]
    );
    assert_eq!(
        read("Steel of Ni 3.5 to 5% and Cr 2% was cast.")[0],
        ("3.5 to 5%".to_owned(), "3.5..5".to_owned(), "%".to_owned())
    );
    assert_eq!(unit_of("Gusts of 90 km·h⁻¹ hit the coast.", "90 km·h⁻¹"), "km/h");
    assert_eq!(unit_of("The road runs 150 Km north.", "150 Km"), "km");
}

#[test]
fn fractions_written_out_are_numbers() {
    for (text, value) in [
        ("The ratio came to twenty-three fifths in the end.", "4.6"),
        ("The dose was three halves of the norm.", "1.5"),
        ("It came to one over three.", "0.3333333333333333333333333333"),
        ("The odds were 1 over 20.", "0.05"),
        ("They bought three hundred and two dozen eggs.", "324"),
        ("The index was nought point eleven.", "0.11"),
    ] {
        assert_eq!(read(text)[0].1, value, "{text}");
    }
    // A proper fraction stays a share, and "over" before a span of time is no quotient.
    assert_eq!(read("Two thirds of voters agreed.")[0].2, "%");
    assert_eq!(read("It rose 5 over 3 years.")[0].1, "5");
}

#[test]
fn an_uncertainty_shares_its_values_unit() {
    assert_eq!(read("The rod was 12.3 ± 0.4 mm long.")[0].2, "mm");
    assert_eq!(
        unit_of("Bodies fall at 9.83e-3 +/- 1e-5 km/s2 there.", "9.83e-3"),
        "km/s²"
    );
    assert_eq!(unit_of("A mill of 4,500 tpd opened.", "4,500 tpd"), "t/day");
    assert_eq!(unit_of("One gigaannum is a long time.", "One gigaannum"), "Ga");
}

#[test]
fn a_range_of_measures_is_no_period_and_si_prefixes_are_complete() {
    assert_eq!(
        read("Cores from 2609–2613 m were logged."),
        [("2609–2613 m".to_owned(), "2609..2613".to_owned(), "m".to_owned())]
    );
    assert_eq!(read("Bands at 1065–1280 cm−1 were strong.")[0].2, "cm⁻¹");
    // Years stay a period, and a price base in dollars keeps its years.
    assert_eq!(read("The 1990–1995 plan ended.")[0].2, "");
    assert_eq!(read("Figures are in 2010–2015 dollars.")[0].1, "2010..2015");
    for (text, unit) in [
        ("Pulses of 0.5 nJ were fired.", "nJ"),
        ("A current of 40 µA flowed.", "µA"),
        ("Samples were kept at 20 mK overnight.", "mK"),
        ("Doses of 2 mSv were given.", "mSv"),
    ] {
        assert_eq!(read(text)[0].2, unit, "{text}");
    }
}

#[test]
fn a_scale_or_currency_written_once_covers_its_pair_or_list() {
    for (text, first) in [
        (
            "Costs of 5 and 10 million euros were cited.",
            ("5", "5000000", "EUR"),
        ),
        ("Fleets of 3, 5 and 8 million vehicles ran.", ("3", "3000000", "")),
        (
            "The board paid EUR 5 and 10 million.",
            ("EUR 5", "5000000", "EUR"),
        ),
    ] {
        let found = read(text);
        assert_eq!(
            found[0],
            (first.0.to_owned(), first.1.to_owned(), first.2.to_owned()),
            "{text}"
        );
    }
    assert_eq!(read("The board paid EUR 5 and 10 million.")[1].2, "EUR");
    // Two statements keep their own figures.
    assert_eq!(read("It sold 40 units and 2 million shares.")[0].1, "40");
    assert_eq!(read("About 230 million, or 80% of adults, agreed.")[1].1, "80");
}

#[test]
fn cents_sign_more_currencies_and_comparatives() {
    assert_eq!(
        read("A stamp costs 49¢ now.")[0],
        ("49¢".to_owned(), "0.49".to_owned(), "USD".to_owned())
    );
    assert_eq!(read("Fees of 42 BGN were paid.")[0].2, "BGN");
    assert_eq!(read("A meal cost RM42 there.")[0].2, "MYR");
    let qualifier = |text: &str| claims(text)[0].qualifier.name();
    assert_eq!(qualifier("Prices lower than 7€ are rare."), "less_than");
    assert_eq!(
        qualifier("Peaks higher than 14,000 feet stand there."),
        "more_than"
    );
    // Acronyms that are also currency codes stay names.
    assert!(read("It ran on 4.4BSD and NPR1 cells.").is_empty());
    assert_eq!(read("Smith RM 2004 wrote it.")[0].2, "");
}

#[test]
fn fractions_with_compound_denominators_and_spaced_hyphens() {
    for (text, value, unit) in [
        ("The gauge read two and fifty-four hundredths.", "2.54", ""),
        (
            "The tally was two hundred thirty two and a thirtieth.",
            "232.0333333333333333333333333",
            "",
        ),
        (
            "Only three twenty-firsts of the wells ran dry.",
            "14.28571428571428571428571429",
            "%",
        ),
        ("Barely a hundredth of the budget was spent.", "1", "%"),
        ("One twenty-fifth of the plots flooded.", "4", "%"),
        ("Each slide used 1/100th of the sample.", "0.01", ""),
        // Tokenised text spaces the hyphen of a compound number.
        ("Fifty - two crews came.", "52", ""),
        ("About five - eighths of them stayed.", "62.5", "%"),
    ] {
        let first = read(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text:?}"));
        assert_eq!((first.1.as_str(), first.2.as_str()), (value, unit), "{text}");
    }
    // Not fractions: a duration, an ordinal before a noun, an ordinal after a whole number.
    assert_eq!(
        unit_of("It was over in twenty seconds flat.", "twenty seconds"),
        "s"
    );
    let century = read("Three twenty-first century skills matter.");
    assert!(century.iter().all(|(_, _, unit)| unit != "%"), "{century:?}");
    let kinds: Vec<_> = claims("She finished two hundredth in the race.")
        .iter()
        .map(|c| c.kind.name())
        .collect();
    assert!(!kinds.contains(&"percent"), "{kinds:?}");
}

#[test]
fn powers_of_any_base_are_computed() {
    for (text, value) in [
        (
            "Capacity grew by a factor of 1.1^23 over the period.",
            "8.95430243255237372246531",
        ),
        ("The weight was 2.5^-1 of the old one.", "0.4"),
        ("A register holds 2^16 values.", "65536"),
    ] {
        assert_eq!(read(text)[0].1, value, "{text}");
    }
}

#[test]
fn ratios_are_one_figure_and_clock_times_are_none() {
    for (text, figure, value) in [
        ("The pupil–teacher ratio reached 30:1 last year.", "30:1", "30"),
        ("Waves ran up a 1:10 slope.", "1:10", "0.1"),
        ("The slope of the test flume was 1:10.", "1:10", "0.1"),
        ("The solvent was mixed 9:1 (v/v) before use.", "9:1", "9"),
        ("A copper/tin (80/20) alloy was cast.", "80/20", "4"),
        ("They chose a 60/40 split of bonds and shares.", "60/40", "1.5"),
    ] {
        let found = read(text);
        let claim = found
            .iter()
            .find(|(t, _, _)| t == figure)
            .unwrap_or_else(|| panic!("no {figure:?} in {found:?}"));
        assert_eq!((claim.1.as_str(), claim.2.as_str()), (value, "ratio"), "{text}");
    }
    for text in [
        "The crews met at 10:30 on the pier.",
        "Readings between 04:15 UT and 04:40 UT were kept.",
        "The motto quotes Psalm 23:4 in full.",
        "Dates follow ISO 8601:2004 throughout.",
        "The clinic is open 24/7 all winter.",
        "It was filed on 11/04/2021 by post.",
        "The ratio was logged at 10:30 each day.",
    ] {
        assert!(
            read(text).iter().all(|(_, _, unit)| unit != "ratio"),
            "{text}: {:?}",
            read(text)
        );
    }
}

#[test]
fn one_counts_when_bounded_or_measured() {
    for (text, figure) in [
        ("At least one well was dry.", "one"),
        ("More than one crew refused.", "one"),
        ("They ran a one-day course.", "one-day"),
        ("The trial lasted one year.", "one year"),
    ] {
        assert!(
            read(text).iter().any(|(t, _, _)| t == figure),
            "{text}: {:?}",
            read(text)
        );
    }
    for text in [
        "One of the wells was dry.",
        "By one estimate the crew was late.",
        "It is a one-off fee.",
    ] {
        assert!(read(text).is_empty(), "{text}: {:?}", read(text));
    }
}

#[test]
fn one_in_n_is_a_share_in_digits_too() {
    assert_eq!(
        read("About 1 in 4 adults walk to work.")[0],
        ("1 in 4".into(), "25".into(), "%".into())
    );
    // A whole with a unit is a span of time: two figures.
    let spans = read("Prices rose 3 in 12 months.");
    assert!(spans.iter().all(|(_, _, unit)| unit != "%"), "{spans:?}");
}

#[test]
fn a_measured_value_after_any_name_and_equals_sign_is_read() {
    assert_eq!(
        unit_of("Wind was logged at gate midpoint=180 m all day.", "180 m"),
        "m"
    );
    // A query string's parameters are no figures.
    assert!(read("Open the page at index.html?page=3&size=20 to see it.").is_empty());
}

#[test]
fn scale_letters_spaced_at_a_clause_end_or_before_a_currency() {
    for (text, figure, value) in [
        ("Turnout hit 2.33 k on the day.", "2.33 k", "2330"),
        ("Its audience reached 1.2B.", "1.2B", "1200000000"),
        ("The flat cost 2mil SEK in the end.", "2mil SEK", "2000000"),
    ] {
        let found = read(text);
        assert!(
            found.iter().any(|(t, v, _)| t == figure && v == value),
            "{text}: {found:?}"
        );
    }
    // An item label and a spaced capital K (kelvin) are no scale.
    assert!(read("See item 3b.").is_empty());
    assert_eq!(unit_of("The cell sat at 300 K for an hour.", "300 K"), "K");
}

#[test]
fn hyphenated_fractions_currency_articles_and_crore() {
    for (text, figure, value, unit) in [
        (
            "Nearly one-fifth is still stored in the soil.",
            "one-fifth",
            "20",
            "%",
        ),
        (
            "The shelter lies one-half miles east of town.",
            "one-half miles",
            "0.5",
            "mi",
        ),
        (
            "Meals cost a dollar and 42 cents each.",
            "a dollar and 42 cents",
            "1.42",
            "USD",
        ),
        (
            "Many live on less than a dollar a day.",
            "a dollar a day",
            "1",
            "USD/day",
        ),
        (
            "The scheme cost Rs 300 Cr over five years.",
            "Rs 300 Cr",
            "3000000000",
            "INR",
        ),
        ("Downloads hit 1.2B.", "1.2B", "1200000000", ""),
    ] {
        let found = read(text);
        assert!(
            found
                .iter()
                .any(|(t, v, u)| t == figure && v == value && u == unit),
            "{text}: {found:?}"
        );
    }
    // A currency named as a unit, a version's letter, a chemical symbol: no amounts.
    assert!(read("The value of a dollar fell.").is_empty());
    assert!(
        read("As of version >= 2.05b, it works.")
            .iter()
            .all(|(_, v, _)| v != "2050000000")
    );
    assert!(
        read("The steel holds 18 Cr and 8 Ni.")
            .iter()
            .all(|(_, v, _)| v == "18" || v == "8")
    );
}

#[test]
fn laboratory_units_angstrom_gravity_and_molar() {
    for (text, figure, unit) in [
        (
            "The map reached a resolution of 21 Å, enough to place the loops.",
            "21 Å",
            "Å",
        ),
        ("The film grew at 0.5 Å/s under vacuum.", "0.5 Å/s", "Å/s"),
        ("The coil was matched to a 50 Ω load.", "50 Ω", "Ω"),
        ("Lysates were spun at 4000 × g for ten minutes.", "4000 × g", "×g"),
        ("Pellets formed at 16,000×g within a minute.", "16,000×g", "×g"),
        ("Cells were washed in 0.01 M PBS twice.", "0.01 M", "M"),
        ("A 2 M solution was added dropwise.", "2 M", "M"),
        ("Media held 10,000 U/ml penicillin.", "10,000 U/ml", "U/ml"),
        ("Doses of 40 IU/L were given.", "40 IU/L", "IU/L"),
        ("A 2-min rest followed each set.", "2-min", "min"),
        ("A 51-bp fragment was cut out.", "51-bp", "bp"),
        ("The arm rotated 90 degrees.", "90 degrees", "°"),
        ("Cars climbed a 30-degree slope.", "30-degree", "°"),
        ("It was 30 degrees Celsius at noon.", "30 degrees Celsius", "°C"),
    ] {
        assert_eq!(unit_of(text, figure), unit, "{text}");
    }
    // Degrees awarded are academic degrees: a count.
    let awarded = read("In 2020, 4,000 degrees were awarded.");
    assert!(
        awarded
            .iter()
            .any(|(t, v, u)| t == "4,000" && v == "4000" && u.is_empty()),
        "{awarded:?}"
    );
    // The sides of a plot or a field share the unit written after the second.
    let sides = read("Plots of 20 × 20 m were set out.");
    assert_eq!(
        sides.iter().filter(|(_, v, u)| v == "20" && u == "m").count(),
        2,
        "{sides:?}"
    );
    // A lone "U" is a grade; "4-h" before more letters is part of a name.
    assert!(read("Grade 5 U was used.").iter().all(|(_, _, u)| u.is_empty()));
    assert!(
        read("A 4-h-old culture grew.")
            .iter()
            .all(|(_, _, u)| u.is_empty())
    );
    // A grid's dimensions and a spaced "M" before a currency or a count noun stay as they were.
    assert!(
        read("They drew a 3 x 4 grid.")
            .iter()
            .all(|(_, _, u)| u.is_empty())
    );
    assert!(
        read("Sales of 1.5 M units were logged.")
            .iter()
            .all(|(_, _, u)| u != "M")
    );
}

#[test]
fn times_of_day_are_no_figures_and_a_named_range_runs_either_way() {
    for text in [
        "Traps were checked from 9 am to 9 pm each day.",
        "The ferry left at 2.13 am.",
        "Doors open at nine p.m. sharp.",
        "The 2 PM slot is taken.",
    ] {
        assert!(read(text).is_empty(), "{text}: {:?}", read(text));
    }
    // Not times: a count before "a" and a rate.
    assert_eq!(read("Take 2 a day.")[0].1, "2");
    for (text, figure, low_high, unit) in [
        (
            "Fees ranging from 5 to 10 percent apply.",
            "5 to 10 percent",
            "5..10",
            "%",
        ),
        (
            "Shares ranged from 93% to 34% by state.",
            "93% to 34%",
            "34..93",
            "%",
        ),
        (
            "Nights ranged from -18 °C to -34 °C.",
            "-18 °C to -34 °C",
            "-34..-18",
            "°C",
        ),
    ] {
        let found = read(text);
        assert!(
            found
                .iter()
                .any(|(t, v, u)| t == figure && v == low_high && u == unit),
            "{text}: {found:?}"
        );
    }
    // "from … to …" without a range named is a change: two figures.
    assert_eq!(read("Sales rose from 5 to 10 percent.").len(), 2);
}
