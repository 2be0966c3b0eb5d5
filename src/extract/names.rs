//! Numbers that are names, not figures: labels ("Exhibit 1", "Table 2", "Article 5"),
//! standards ("ISO/IEC 30141"), named programmes ("Horizon 2020", "Industry 4.0").

use super::words::lower;

/// A word that, right before a number, makes it a label: "Exhibit 1", "Table 2", "Figure 3",
/// "Article 5", "section 4", "Fig. 2", "No. 7", "Web 2.0", "Horizon 2020".
#[must_use]
pub fn is_label_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    let mut buffer = [0u8; 24];
    let Some(len) = lower(word, &mut buffer) else { return false };
    let lowercase_ok = matches!(
        &buffer[..len],
        b"exhibit" | b"table" | b"figure" | b"fig" | b"figs" | b"chart" | b"box" | b"annex"
            | b"appendix" | b"article" | b"articles" | b"section" | b"sections" | b"chapter"
            | b"chapters" | b"paragraph" | b"para" | b"clause" | b"footnote" | b"note" | b"notes"
            | b"page" | b"pages" | b"p" | b"pp" | b"no" | b"nos" | b"nr" | b"item" | b"version"
            | b"v" | b"vol" | b"volume" | b"step" | b"phase" | b"stage" | b"level" | b"tier"
            | b"release" | b"issue" | b"map" | b"schedule" | b"part" | b"line" | b"lines"
            | b"equation" | b"eq" | b"slide" | b"row" | b"column" | b"room" | b"route"
            | b"rule" | b"recommendation" | b"finding" | b"question" | b"q" | b"option"
            | b"scenario" | b"model" | b"generation" | b"gen" | b"grade" | b"class" | b"category"
            | b"type" | b"series" | b"season" | b"episode" | b"resolution" | b"directive"
            | b"regulation" | b"decree" | b"order" | b"law" | b"act" | b"bill" | b"amendment"
            | b"title" | b"sdg" | b"goal" | b"target" | b"pillar" | b"principle" | b"objective"
            | b"priority" | b"action" | b"measure" | b"module" | b"unit" | b"platform" | b"gate"
            | b"floor" | b"flight" | b"highway" | b"interstate" | b"block" | b"case" | b"study"
    );
    if !lowercase_ok {
        return is_name_prefix(word);
    }
    // Lowercase forms of the generic ones are often ordinary nouns before a count ("goal
    // 3" is a label, but "target 600 million" is a figure): those need a capital letter.
    let generic = matches!(
        &buffer[..len],
        b"goal" | b"target" | b"priority" | b"action" | b"measure" | b"unit" | b"order" | b"law"
            | b"act" | b"bill" | b"case" | b"study" | b"block" | b"line" | b"lines" | b"class"
            | b"type" | b"model" | b"option" | b"question" | b"q" | b"p" | b"v" | b"no"
            | b"grade" | b"gate" | b"floor" | b"title" | b"platform" | b"scenario" | b"principle"
            | b"objective" | b"pillar" | b"module" | b"finding" | b"recommendation" | b"row"
            | b"column" | b"map" | b"issue" | b"season" | b"episode" | b"series" | b"category"
    );
    !generic || word.starts_with(|c: char| c.is_uppercase())
}

/// Names that take a number as part of the name: standards bodies, programmes, products.
#[must_use]
pub fn is_name_prefix(word: &str) -> bool {
    matches!(
        word,
        "ISO" | "IEC" | "IEEE" | "RFC" | "ITU" | "ETSI" | "DIN" | "ANSI" | "BS" | "EN" | "NIST"
            | "GB" | "CVE" | "JTC" | "TC" | "SC" | "WG" | "Horizon" | "Agenda" | "Vision"
            | "Industry" | "Web" | "Windows" | "Office" | "Android" | "iOS" | "Python" | "Java"
            | "HTTP" | "IPv" | "Wi" | "Fi" | "USB" | "PCIe" | "DDR" | "Apollo" | "Gemini"
            | "Boeing" | "Airbus" | "Covid" | "COVID" | "SARS" | "MERS" | "Form" | "Brexit"
            | "Route" | "Pub" | "Public" | "Law" | "Exec" | "Executive" | "Presidential"
            | "Cap" | "Art" | "Sec" | "Para" | "Annex" | "Level" | "Tier" | "Stage" | "Phase"
    )
}
