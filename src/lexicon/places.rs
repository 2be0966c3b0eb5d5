//! Places whose names stand before numbers that are no figures: the United States' states, whose
//! codes, abbreviations and names come before a ZIP code ("DC 20036", "Louisville, Ky. 40232",
//! "Lexington, Kentucky 40507").

/// The postal codes of the United States' states and territories.
pub const STATES: [&str; 54] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
    "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    "PR", "VI", "GU",
];

/// The states' abbreviations in news and letter style, before a ZIP code ("Ky. 40232").
pub const STATE_ABBREVIATIONS: [&str; 46] = [
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.",
    "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.",
    "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "P.R.",
];

/// The states' names, before a ZIP code after a city's comma ("Lexington, Kentucky 40507").
pub const STATE_NAMES: [&str; 51] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "Puerto Rico",
];

/// Whether `word` (without its full stop) is a state's abbreviation in news and letter style
/// ("Ky", "Calif"), which a ZIP code may follow within a sentence.
#[must_use]
pub fn is_state_abbreviation(word: &str) -> bool {
    STATE_ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.strip_suffix('.') == Some(word))
}
