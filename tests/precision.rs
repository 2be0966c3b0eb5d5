//! What real documents need for findings an editor trusts (issue 12), on documents written for
//! this project: lists of sources are not prose, links and citations are sources, a figure the
//! document sets itself needs none.

mod common;

use std::fmt::Write as _;

use common::parse_text;

fn texts(text: &str, name: &str) -> Vec<String> {
    parse_text(text, name).into_iter().map(|c| c.text).collect()
}

#[test]
fn reference_lists_hold_no_claims() {
    let markdown = "# Harbours\n\nThe port handled 1,200 ships.\n\n## References\n\n- Ames, R. (2019). Ports. Vol. 12, pp. 33-48.\n- Bell, T. 2021. Cranes, p. 588.\n\n## Appendix\n\nDredging cost EUR 40 million.\n";
    assert_eq!(texts(markdown, "r.md"), ["1,200", "EUR 40 million"]);
    let html = "<html><body><p>Exports rose 12 percent.</p><h2>Further reading</h2><ul><li>Cole, J. <i>Trade</i>. 2004. ISBN 12345. p. 77.</li></ul></body></html>";
    assert_eq!(texts(html, "r.html"), ["12 percent"]);
}

fn uncited(text: &str, name: &str) -> Vec<String> {
    let mut diagnostics = common::check_text(text, name);
    claimlint::check::collapse(&mut diagnostics);
    diagnostics
        .into_iter()
        .filter(|d| d.rule == "citation/missing")
        .map(|d| d.message)
        .collect()
}

#[test]
fn links_and_attributions_are_sources_where_a_document_has_no_notes() {
    let markdown = "Freight grew 14 percent, says the [port authority](https://example.org/port).\n\nThe council reported that 2,400 homes were built. Rents rose 9 percent.\n\nSomeone thinks 30 percent of trips are by bike.\n";
    let found = uncited(markdown, "news.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`30 percent`"), "{found:#?}");
}

#[test]
fn author_year_citations_are_sources_in_any_document() {
    let text = "Yields rose 12 percent (Ames et al., 2019). Bell and Cole (2021) counted 3,000 farms.\n\nIn March 2020 prices fell 8 percent.\n";
    let found = uncited(text, "paper.txt");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`8 percent`"), "{found:#?}");
}

#[test]
fn a_document_with_notes_is_judged_by_its_notes() {
    // The attribution and the link do not stand in for a note where the document uses notes.
    let markdown = "Sales rose 12 percent.[^1]\n\nThe ministry said 2,400 homes were built.\n\n[^1]: Sales survey, 2023.\n";
    let found = uncited(markdown, "brief.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`2,400`"), "{found:#?}");
}

#[test]
fn a_document_that_gives_no_sources_gets_one_finding() {
    let text =
        "Budget\n\nRoads took EUR 2.5 billion. Rail took EUR 900 million.\n\nPorts took EUR 300 million.\n";
    let found = uncited(text, "budget.txt");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`EUR 2.5 billion`") && found[0].contains("no sources at all, and 3 figures"),
        "{found:#?}"
    );
}

#[test]
fn identifiers_are_no_claims() {
    let text = "The credit follows 26 U.S.C. § 32(b)(1) and §232.405 of this chapter.\n\nWrite to 1100 Harbour Ave., Suite 1300B, Springfield, IL 62701.\n\nThe controls follow NIST SP 800-53 and FIPS 197; servers return a 503 status code.\n\nThe act is Pub. L. 114-4, 129 Stat. 39, under Rule 405 and Topic 220-40.\n\n212. The court held that 40 firms paid.\n";
    assert_eq!(texts(text, "ids.txt"), ["40"]);
    let registers = "Harbour Press Ltd, company number: 04417702, registered in England. DocumentId: 5521870. \
                     Order ID: 88120. The press printed 12,000 copies. Its vans take the 405 freeway \
                     and 3 highways. A van was stopped in the 4100 block of Quarry Lane. For the \
                     conference line, call (555) 560 – 6928.\n";
    assert_eq!(texts(registers, "press.txt"), ["12,000", "3"]);
}

fn roles(text: &str, name: &str) -> Vec<(String, Option<&'static str>)> {
    parse_text(text, name)
        .into_iter()
        .map(|c| (c.text, c.role.map(claimlint::claim::Role::name)))
        .collect()
}

#[test]
fn figures_that_need_no_source_have_a_role() {
    let text = "We estimate that 40 percent of trips are short. For example, a fleet of 300 buses would do.\n\nThe key MUST be 32 bytes long. The fee is $1,600 ($3,600 - $2,000). Exports rose 12 percent.\n";
    assert_eq!(
        roles(text, "memo.txt"),
        [
            ("40 percent".to_owned(), Some("analysis")),
            ("300".to_owned(), Some("example")),
            ("32 bytes".to_owned(), Some("specification")),
            ("$1,600".to_owned(), Some("arithmetic")),
            ("$3,600 - $2,000".to_owned(), Some("arithmetic")),
            ("12 percent".to_owned(), None),
        ]
    );
    let review = "In our use, the laptop's keyboard reached 41 degrees Celsius. We clocked its drive at 2,900MB per second.\n";
    assert_eq!(
        roles(review, "review.txt"),
        [
            ("41 degrees Celsius".to_owned(), Some("analysis")),
            ("2,900MB per second".to_owned(), Some("analysis")),
        ]
    );
}

#[test]
fn a_research_paper_needs_sources_in_its_introduction_only() {
    let markdown = "# Trial\n\n## Introduction\n\nDepression affects 300 million people.\n\n## Methods\n\nWe enrolled 755 patients.\n\n## Results\n\nScores fell 12 percent.\n\n## Discussion\n\nEarlier trials found 20 percent gains.\n";
    assert_eq!(
        roles(markdown, "trial.md"),
        [
            ("300 million".to_owned(), None),
            ("755".to_owned(), Some("procedure")),
            ("12 percent".to_owned(), Some("analysis")),
            ("20 percent".to_owned(), None),
        ]
    );
}

#[test]
fn a_specification_sets_its_figures() {
    let text = "Network Working Group\nRequest for Comments: 9999\n\nA client sends at most 64 requests per second.\n";
    assert_eq!(roles(text, "rfc.txt"), [("64".to_owned(), Some("specification"))]);
}

/// The messages of `rule`'s findings on `text`.
fn messages(text: &str, name: &str, rule: &str) -> Vec<String> {
    findings(text, name)
        .into_iter()
        .filter(|(found, _)| found == rule)
        .map(|(_, message)| message)
        .collect()
}

/// The footnote rules that fire on a document.
fn footnote_rules(text: &str, name: &str) -> Vec<String> {
    findings(text, name)
        .into_iter()
        .map(|(rule, _)| rule)
        .filter(|rule| rule.starts_with("footnote/"))
        .collect()
}

/// The consistency rules that fire on a document.
fn consistency_rules(text: &str, name: &str) -> Vec<String> {
    findings(text, name)
        .into_iter()
        .map(|(rule, _)| rule)
        .filter(|rule| rule.starts_with("consistency/"))
        .collect()
}

fn findings(text: &str, name: &str) -> Vec<(String, String)> {
    common::check_text(text, name)
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect()
}

#[test]
fn a_decimal_middle_dot_is_a_decimal_point() {
    let claims = parse_text("The score fell by 2·46 points (95% CI −3·72 to −1·21).", "t.txt");
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["2·46", "95%", "−3·72 to −1·21"]);
    assert_eq!(claims[0].value.map(|v| v.to_string()).as_deref(), Some("2.46"));
}

#[test]
fn a_dash_set_apart_after_words_or_as_an_em_dash_is_no_range() {
    let text = "A crew of seven – two pilots and five deckhands – sailed. Diesel cost $2.55 — $1.15 less than in June. \
                Fares rose 10 – 20 percent.\n";
    let found = texts(text, "crew.txt");
    assert!(found.contains(&"10 – 20 percent".to_owned()), "{found:?}");
    assert_eq!(
        found,
        ["seven", "two", "five", "$2.55", "$1.15", "10 – 20 percent"]
    );
    assert!(consistency_rules(text, "crew.txt").is_empty());
}

#[test]
fn a_tally_is_not_a_range() {
    let text = "Ames beat Bell, 36 to 19, in the runoff. Output fell from 40 to 12 units, and between 90 and 30 staff left.\n";
    let found: Vec<String> = messages(text, "vote.txt", "consistency/range-order");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("90"), "{found:#?}");
    let poll = "Residents backed the levy by a margin of 48% to 38%. By 56% to 35%, they said the ferry \
                matters more than the bridge. Support stood at 70% to 40% of the households asked.\n";
    let found: Vec<String> = messages(poll, "poll.txt", "consistency/range-order");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("70%"), "{found:#?}");
}

#[test]
fn markdown_notes_are_numbered_by_the_renderer() {
    // `[^9]` before `[^2]` renders as 1 then 2: no sequence finding.
    let markdown =
        "Fees rose 4 percent.[^9] Costs fell 2 percent.[^2]\n\n[^9]: Fee table.\n[^2]: Cost table.\n";
    let rules: Vec<String> = findings(markdown, "n.md")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert!(!rules.iter().any(|r| r == "footnote/sequence"), "{rules:?}");
}

#[test]
fn markers_joined_by_a_dash_cite_the_notes_between_them() {
    let html = "<html><body><p>Fees rose 4 percent.<sup><a href=\"#fn1\">[1]</a></sup>–<sup><a href=\"#fn3\">[3]</a></sup></p><ol class=\"footnotes\"><li id=\"fn1\">One.</li><li id=\"fn2\">Two.</li><li id=\"fn3\">Three.</li><li id=\"fn4\">Four.</li></ol></body></html>";
    let unused: Vec<String> = messages(html, "r.html", "footnote/unused");
    assert_eq!(unused.len(), 1, "{unused:#?}");
    assert!(unused[0].contains('4'), "{unused:#?}");
}

#[test]
fn a_range_marker_cites_its_run_and_table_foot_notes_need_no_marker() {
    let jats = r#"<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN" "JATS-journalpublishing1.dtd">
<article dtd-version="1.1" article-type="research-article"><front><article-meta><title-group><article-title>Tides</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title><p>Tides rose [<xref ref-type="bibr" rid="b1">1</xref>–<xref ref-type="bibr" rid="b3">3</xref>] and fell [<xref ref-type="bibr" rid="b4">4–5</xref>].</p>
<table-wrap><table><tr><td>North</td><td>55</td></tr></table><table-wrap-foot><fn id="t1"><label/><p>Counts exclude piers.</p></fn></table-wrap-foot></table-wrap></sec></body>
<back><ref-list><ref id="b1"><mixed-citation>One.</mixed-citation></ref><ref id="b2"><mixed-citation>Two.</mixed-citation></ref><ref id="b3"><mixed-citation>Three.</mixed-citation></ref><ref id="b4"><mixed-citation>Four.</mixed-citation></ref><ref id="b5"><mixed-citation>Five.</mixed-citation></ref><ref id="b6"><mixed-citation>Six.</mixed-citation></ref></ref-list></back></article>"#;
    let unused: Vec<String> = messages(jats, "tides.xml", "footnote/unused");
    assert_eq!(unused, ["footnote b6 is defined but never cited"], "{unused:#?}");
}

#[test]
fn wikipedia_markers_are_matched_by_their_link_target() {
    // Two groups numbered apart ("[1]" and "[a]"), a group label with a space, and a note
    // cited only from an infobox the reader leaves out.
    let html = r##"<html><body><table class="infobox"><tr><td>Area<sup class="reference"><a href="#cite_note-area-4">[3]</a></sup></td></tr></table>
<p>Sales rose 4 percent.<sup class="reference" id="cite_ref-a"><a href="#cite_note-sales-1">[1]</a></sup> Costs fell.<sup class="reference"><a href="#cite_note-2">[lower-alpha 1]</a></sup> Fees held.<sup class="reference"><a href="#cite_note-fees-3">[2]</a></sup></p>
<ol class="references"><li id="cite_note-sales-1">Sales survey.</li><li id="cite_note-fees-3">Fee table.</li><li id="cite_note-area-4">Atlas.</li></ol>
<ol class="references"><li id="cite_note-2">A note.</li></ol></body></html>"##;
    let rules: Vec<(String, String)> = findings(html, "w.html")
        .into_iter()
        .filter(|(rule, _)| rule.starts_with("footnote/"))
        .collect();
    assert_eq!(rules, Vec::<(String, String)>::new());
}

#[test]
fn codes_after_a_capital_and_axis_dumps_are_no_markers_or_figures() {
    let text = "Holdings come from Table L.210 of the accounts (Z.1).\n\nOther holders20232025 0%25%50%75%100%\n\nExports rose 12 percent.\n";
    let document = common::parse_document(text, "codes.txt");
    assert!(document.footnote_refs.is_empty(), "{:?}", document.footnote_refs);
    assert_eq!(texts(text, "codes.txt"), ["0%", "12 percent"]);
}

#[test]
fn ratios_coordinates_back_matter_and_urls() {
    let text = "The debt was $18 trillion (106% of GDP) in 2014, and 120% of households paid.\n";
    let bounds: Vec<String> = messages(text, "r.txt", "consistency/percent-bounds");
    assert_eq!(bounds.len(), 1, "{bounds:#?}");
    assert!(bounds[0].contains("120%"), "{bounds:#?}");
    assert_eq!(
        texts("The centre lies at 40°N 100°W.\n", "c.txt"),
        Vec::<String>::new()
    );
    let markdown = "# Study\n\nExports rose 12 percent.[^1]\n\n## Acknowledgments\n\nWe thank 2,500 volunteers.\n\n[^1]: Trade data.\n";
    assert_eq!(texts(markdown, "a.md"), ["12 percent"]);
    let noted = "Sales rose 4 percent.[^1] Pfizer says 87% of men improved (http://example.org/faq).\n\n[^1]: Survey.\n";
    let uncited: Vec<String> = messages(noted, "u.md", "citation/missing");
    assert!(uncited.is_empty(), "{uncited:#?}");
}

#[test]
fn years_told_approximately_widths_editions_and_statutes() {
    let claims = parse_text(
        "The plan dates from around 2017, and a 1657 map shows around 2000 houses.\n",
        "y.txt",
    );
    let kinds: Vec<(&str, &str)> = claims.iter().map(|c| (c.text.as_str(), c.kind.name())).collect();
    assert_eq!(kinds, [("2017", "year"), ("1657", "year"), ("2000", "count")]);
    assert_eq!(
        texts("Rust 2021 widened 128-bit integers.\n", "w.txt"),
        Vec::<String>::new()
    );
    assert_eq!(
        roles("Half of the seats shall be filled in March.\n", "rules.txt"),
        [("Half".to_owned(), Some("specification"))]
    );
}

#[test]
fn shell_parameters_markup_and_reference_entries_are_no_figures() {
    assert_eq!(
        texts(
            "The script reads $0, $1 and $2; the publisher gives $1 per copy.\n",
            "s.txt"
        ),
        Vec::<String>::new()
    );
    assert_eq!(texts("The publisher donates $1 per copy.\n", "s.txt"), ["$1"]);
    assert_eq!(
        texts("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>\n", "x.txt"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("Ames, R. 1999 ISBN 0-596-00131-2 Ames Press 240pp.\n", "b.txt"),
        Vec::<String>::new()
    );
}

#[test]
fn code_titles_and_quoted_brackets_are_no_markers() {
    for text in [
        "The plan.14 USC 663 sets the fee.\n",
        "A vector is analogous to ``[1]`` and a matrix to ``[[1]]``.\n",
    ] {
        let document = common::parse_document(text, "m.txt");
        assert!(
            document.footnote_refs.is_empty(),
            "{text}: {:?}",
            document.footnote_refs
        );
    }
}

#[test]
fn technical_documentation_sets_its_figures() {
    let mut markdown = String::from("# Guide\n\nThe tool caps a name at 255 characters.\n\n");
    for _ in 0..10 {
        markdown.push_str("Then run it.\n\n```\nrun --flag\n```\n\n");
    }
    let claims = parse_text(&markdown, "guide.md");
    let cap = claims.iter().find(|c| c.text == "255").expect("the cap");
    assert_eq!(cap.role.map(claimlint::claim::Role::name), Some("specification"));
}

#[test]
fn quotations_are_their_speakers_words() {
    let markdown = "Build times fell 30 percent.[^1]\n\n> \"Roughly 90% of our checks are now done by the compiler.\" -- a firmware engineer\n\n[^1]: Build logs.\n";
    let uncited: Vec<String> = messages(markdown, "q.md", "citation/missing");
    assert!(uncited.is_empty(), "{uncited:#?}");
    let news = "The mayor spoke on Monday. \"We have built 2,400 homes this year,\" she told reporters.\n";
    let uncited: Vec<String> = messages(news, "n.txt", "citation/missing");
    assert!(uncited.is_empty(), "{uncited:#?}");
}

#[test]
fn shares_of_different_wholes_and_ratios_to_a_level() {
    let text = "Defence fell from 14.2% of GDP and 69.5% of federal outlays to 4.7% of GDP and 18.8% of outlays. The debt was 106% of the GDP in 2014.\n";
    let rules = consistency_rules(text, "d.txt");
    assert!(rules.is_empty(), "{rules:?}");
}

#[test]
fn a_design_documents_motivation_argues_from_facts() {
    let markdown = "# Faster heaps\n\n## Motivation\n\nToday the heap wastes 40% of its memory in some programs.\n\n## Proposal\n\nA region is dense above 96% occupancy.\n\n## Rationale\n\nIt is simple.\n";
    assert_eq!(
        roles(markdown, "design.md"),
        [
            ("40%".to_owned(), None),
            ("96%".to_owned(), Some("specification"))
        ]
    );
}

#[test]
fn raw_text_hides_no_page_and_instrument_codes_name_their_series() {
    // A quote in a style and a `<` in a script must not swallow the article.
    let html = "<html><head><style>.a { content: \"x\" } /* <div class='q */</style><script>if (a < b) {}</script></head><body><p>Crude CLc1 fell 3.38% to $55.12 per barrel.</p><p>Rents rose 9 percent.</p></body></html>";
    assert_eq!(
        texts(html, "wire.html"),
        ["3.38%", "$55.12 per barrel", "9 percent"]
    );
    let uncited: Vec<String> = messages(html, "wire.html", "citation/missing");
    assert_eq!(uncited.len(), 1, "{uncited:#?}");
    assert!(uncited[0].contains("`9 percent`"), "{uncited:#?}");
}

#[test]
fn human_output_shows_the_findings_that_matter_first() {
    let text = "Notes cite most of this.[^1]\n\nThe club has 400 members. It runs 120 boats. It hosts 300 races.\n\nThe marina cost EUR 40 million.\n\nRents rose 12 percent.\n\n[^1]: Club records.\n";
    let document = common::parse_document(text, "club.md");
    let claims = common::engine().claims(&document);
    let diagnostics = common::engine().check(&document, &claims);
    let human = claimlint::report::human::render_document(&diagnostics, "club.md", text, &[], false);
    let money = human.find("EUR 40 million").expect("money shown");
    let percent = human.find("12 percent").expect("percent shown");
    let members = human.find("`400`").expect("count listed");
    assert!(money < percent && percent < members, "{human}");
    // JSON keeps source order.
    let order: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(order[0].contains("`400`"), "{order:#?}");
}

#[test]
fn misreads_seen_on_real_text() {
    let claims = parse_text(
        "The bill gives a $400 credit. Each dose holds 5 mg in 20 μL for 3 µs; the file is 64 bytes. It ran 14/7 and 3pp.io hosts it.\n",
        "m.txt",
    );
    let seen: Vec<(&str, Option<&str>)> = claims.iter().map(|c| (c.text.as_str(), c.unit)).collect();
    assert_eq!(
        seen,
        [
            ("$400", Some("USD")),
            ("5 mg", Some("mg")),
            ("20 μL", Some("µL")),
            ("3 µs", Some("µs")),
            ("64 bytes", Some("B")),
        ]
    );
}

#[test]
fn hyphenated_fractions_are_shares() {
    let claims = parse_text(
        "About three-quarters of firms agreed, two-thirds of whom were small.\n",
        "f.txt",
    );
    let seen: Vec<(&str, &str)> = claims.iter().map(|c| (c.text.as_str(), c.kind.name())).collect();
    assert_eq!(seen, [("three-quarters", "percent"), ("two-thirds", "percent")]);
    assert_eq!(claims[0].value.map(|v| v.to_string()).as_deref(), Some("75"));
}

#[test]
fn markdown_html_blocks_are_read_and_rate_bases_are_no_figures() {
    let markdown = "---\ntitle: Goal\n---\n\n<div class=\"indicator\">\n<h3>Target</h3>\n<p>Deaths fell by 12 percent, to 70 per 100,000 births.</p>\n<script>var x = \"<p>9 percent</p>\";</script>\n</div>\n";
    let claims = parse_text(markdown, "goal.md");
    let seen: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(seen, ["12 percent", "70"]);
    let twelve = &claims[0];
    assert_eq!(&markdown[twelve.start..twelve.end], "12 percent");
    assert_eq!(twelve.line, 7);
}

#[test]
fn numbered_reference_lists_define_bracket_markers() {
    for markdown in [
        "# Study\n\nSales rose 12 percent [1] and costs fell 4 percent [2].\n\n## References\n\n[1] Ames, R. Sales. 2019.\n\n[2] Bell, T. Costs. 2020.\n",
        "# Study\n\nSales rose 12 percent [1] and costs fell 4 percent [2].\n\n## References\n\n1. Ames, R. Sales. 2019.\n2. Bell, T. Costs. 2020.\n",
    ] {
        let rules: Vec<String> = findings(markdown, "refs.md")
            .into_iter()
            .map(|(rule, _)| rule)
            .collect();
        assert!(rules.is_empty(), "{markdown}: {rules:?}");
    }
    let unused = "# Study\n\nSales rose 12 percent [1].\n\n## References\n\n1. Ames, R. Sales. 2019.\n2. Bell, T. Costs. 2020.\n";
    let rules: Vec<String> = findings(unused, "refs.md")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(rules, ["footnote/unused"]);
}

#[test]
fn a_figure_under_review_is_examined_not_asserted() {
    // A fact-check quotes the figure it examines; a claimant's verb is still an attribution
    // that wants its note.
    let markdown = "Turnout fell 3 percent.[^1]\n\nThe claim that the mayor spent $2 million on the fountain is false. Rumours that 300 jobs will go were denied.\n\nThe ministry claimed that 4,500 bridges were repaired.\n\n[^1]: Electoral roll, 2024.\n";
    let found = uncited(markdown, "check.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`4,500`"), "{found:#?}");
}

#[test]
fn a_fact_checks_claim_heading_holds_the_statement_it_examines() {
    let html = "<html><body><h2>Claim</h2><p>The harbour master earns $400,000 a year.</p><h2>Rating</h2><p>False.</p><h2>Origin</h2><p>Payroll records show a salary of $96,000.<sup><a href=\"#n1\">1</a></sup> The port spent $3 million on tugs.</p><ol class=\"footnotes\"><li id=\"n1\">Port payroll, 2023.</li></ol></body></html>";
    let found = uncited(html, "factcheck.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`$3 million`"), "{found:#?}");
}

#[test]
fn a_figure_cited_at_first_mention_needs_no_second_note() {
    // The later "EUR 41.5 million" is the noted one again; "41.5 percent" and the 2019 figure
    // are other figures; a share that is a round ten recurs by chance and is judged anew.
    let markdown = "Dredging cost EUR 41.5 million in 2023[^1] and 50 percent of it was paid by the state.[^2]\n\nA later review put the EUR 41.5 million above plan. Cranes were 41.5 percent busy. In 2019 dredging cost EUR 41.5 million. Of the berths, 50 percent stood idle.\n\n[^1]: Port accounts, 2023.\n[^2]: State budget, 2023.\n";
    let found = uncited(markdown, "port.md");
    let texts: Vec<&str> = found
        .iter()
        .map(|m| m.split('`').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        texts,
        ["41.5 percent", "EUR 41.5 million", "50 percent"],
        "{found:#?}"
    );
}

#[test]
fn a_research_papers_discussion_restates_its_results() {
    // The Results give 1,318 sites as the paper's own; the Discussion's mention of them needs
    // no note, its new figure does.
    let markdown = "# Results\n\nWe counted 1,318 nesting sites on the coast.\n\n# Discussion\n\nThe 1,318 sites are fewer than the 2,900 counted by a survey of the same coast.\n";
    let found = uncited(markdown, "paper.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`2,900`"), "{found:#?}");
}

#[test]
fn markers_in_front_matter_cite_their_notes() {
    // An author's contribution and present-address notes are cited from the skipped front
    // matter, by empty markers as by labelled ones.
    let jats = "<article><front><article-meta><contrib-group><contrib><name><surname>Ames</surname></name><xref ref-type=\"fn\" rid=\"con1\"/><xref ref-type=\"fn\" rid=\"pa1\"/></contrib></contrib-group><author-notes><fn fn-type=\"present-address\" id=\"pa1\"><p>Harbour Institute</p></fn></author-notes></article-meta></front><body><sec><title>Results</title><p>We counted 1,318 sites.</p></sec></body><back><fn-group content-type=\"author-contribution\"><fn fn-type=\"con\" id=\"con1\"><p>Counted the sites.</p></fn></fn-group></back></article>";
    let rules: Vec<String> = findings(jats, "paper.xml")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert!(rules.is_empty(), "{rules:?}");
}

#[test]
fn site_menus_form_labels_and_model_numbers_are_no_figures() {
    let html = "<html><body><div class=\"vector-dropdown mw-portlet\"><span>144 languages</span></div><label for=\"q\">Search 900 pages</label><p>The port to the 68000 architecture took 14 engineers.</p></body></html>";
    assert_eq!(texts(html, "page.html"), ["14"]);
}

#[test]
fn a_paper_and_a_survey_report_give_their_own_results() {
    // A paper: abstract, introduction, references, whatever its other sections are called.
    let paper = "# Abstract\n\nWe study harbour cranes.\n\n# 1 Introduction\n\nPorts moved 800 million boxes last year.\n\n# 2 Crane logs\n\nThe logs hold 4,200 lifts.\n\n# References\n\nAmes, R. Cranes. 2019.\n";
    let found = uncited(paper, "paper.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`800 million`"), "{found:#?}");
    // A statistical report on its own survey: its estimates are its results.
    let survey = "Harbour workforce, 2024\n\nThe survey sampled 3,100 dockworkers. About 41.2 percent worked night shifts, a statistically significant rise. The share on short contracts, 18.4 percent, was statistically significant at the 90 percent confidence level. Survey estimates carry a margin of error; see the survey's sample design. Differences not statistically significant are not discussed.\n";
    assert_eq!(uncited(survey, "survey.txt"), Vec::<String>::new());
    // An assessment's technical appendix speaks of the rates its sample met, not of errors.
    let assessment = "Appendix: how the reading assessment was run\n\nSchools were sampled in two stages, and 212 schools took part. The weighted school participation rate was 84 percent before replacement. Within schools, the student response rate was 95 percent, and the overall response rate 80 percent. The sample excluded 3.1 percent of pupils. Schools in the sample with response rates below 85 percent were followed up.\n";
    assert_eq!(uncited(assessment, "appendix.txt"), Vec::<String>::new());
    // A report that speaks of a survey's response rate once is still judged as a report.
    let citing = "Harbour outlook\n\nOf dockworkers, 41.2 percent work nights. The response rate of last year's survey was 12 percent.\n";
    assert!(!uncited(citing, "outlook.txt").is_empty());
}

#[test]
fn figures_computed_from_a_sourced_table_share_its_source() {
    let table = "| Account | 2025 enacted | 2026 request |\n| --- | ---: | ---: |\n| Harbours | 412.6 | 377.9 |\n| Dredging | 58.0 | 61.5 |\n";
    let prose = "# Harbour budget\n\nThe request for harbours is $34.7 million below the enacted level (-8%), and dredging would get $61.5 million. Ferries would get $12.3 million.\n\n";
    let sourced = format!("{prose}{table}\nSource: Port Authority budget tables, 2026.\n");
    let found = uncited(&sourced, "budget.md");
    // The difference, its percentage and the restated cell take the table's source; the ferry
    // figure is in no table.
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`$12.3 million`"), "{found:#?}");
    // Without a source line the table sources nothing: all four need a source.
    let unsourced = format!("{prose}{table}");
    let found = uncited(&unsourced, "budget.md");
    assert!(
        found.iter().any(|m| m.contains("4 figures need one")),
        "{found:#?}"
    );
}

#[test]
fn a_table_of_millions_restated_in_billions_shares_its_source() {
    // "$1.45 billion" is the cell 1,451.5 of a table in $ millions; "$2.80 billion" is in no
    // table, and "$1.5 billion" (one decimal) is too round to be matched by chance.
    let text = "# Canal budget\n\nThe canal would get $1.45 billion in all. Locks would get $2.80 billion, and the weirs $1.5 billion.\n\n| Account | 2025 | 2026 |\n| --- | ---: | ---: |\n| Canal total | 1,451.5 | 1,398.2 |\n| Locks | 312.4 | 298.0 |\n\nSource: Waterways Board budget tables, 2026.\n";
    let found = uncited(text, "canal.md");
    assert!(!found.iter().any(|m| m.contains("`$1.45 billion`")), "{found:#?}");
    assert!(found.iter().any(|m| m.contains("`$2.80 billion`")), "{found:#?}");
    assert!(found.iter().any(|m| m.contains("`$1.5 billion`")), "{found:#?}");
}

#[test]
fn a_body_that_requests_or_proposes_a_figure_is_its_source() {
    // In a report that cites no notes, the body whose request or proposal a figure is names
    // its source; a figure with no one behind it still wants one.
    let text = "# Rail funding\n\nThe Rail Office requested $412 million for new track in the coming year.\n\nThe line carries 31,500 passengers on a weekday.\n\nSee the [rail plan](https://example.org/rail) for the routes.\n";
    let found = uncited(text, "rail.md");
    assert!(!found.iter().any(|m| m.contains("`$412 million`")), "{found:#?}");
    assert!(found.iter().any(|m| m.contains("`31,500`")), "{found:#?}");
}

#[test]
fn software_versions_are_no_figures() {
    assert!(
        texts(
            "Interpreter versions 3.9 - 3.12 get patches for a year; versions 2.6, 2.7 and 3.0 get none. Releases 1.8 to 1.10 were slow.",
            "v.txt"
        )
        .is_empty()
    );
    // Measured, or running up as decimals do, a span is a range of values.
    assert_eq!(
        texts(
            "Yields fell from 1.8 to 1.10 percent; the slope ran 2.5 - 2.75.",
            "v.txt"
        ),
        ["1.8", "1.10 percent", "2.5 - 2.75"]
    );
}

#[test]
fn restructured_text_notes_define_their_markers() {
    let text = "Proposal\n========\n\nThe module is used by 1,400 projects [1]_ and was last changed in 2019 [2]_.\n\nReferences\n==========\n\n.. [1] https://example.org/usage\n.. [2] https://example.org/history\n";
    assert_eq!(footnote_rules(text, "proposal.txt"), Vec::<String>::new());
}

#[test]
fn a_team_reporting_its_own_survey_gives_its_results() {
    // No sampling errors are named, but the team speaks of the survey it ran and of its
    // respondents throughout: the shares are its own results.
    let shares = "Most makers live in Norway (31%), Chile (18%) and Japan (12%).";
    let respondents = "Most respondents use brass, some respondents use tin, and respondents in Chile use glass. Few respondents buy their tools.";
    let own = format!(
        "# Results of our 2026 survey\n\nThe Lantern team is glad to share the results of our survey of lantern makers. We asked where they live in the survey. {shares}\n\n{respondents} We asked our respondents about their tools too.\n"
    );
    let found = uncited(&own, "survey.md");
    assert!(found.is_empty(), "{found:#?}");
    // A survey someone else ran, reported: the shares want a source.
    let reported = format!(
        "# Results of a 2026 survey\n\nThe Lantern team has read a survey of lantern makers. {shares}\n\n{respondents} They were asked about their tools too.\n"
    );
    assert!(!uncited(&reported, "survey.md").is_empty());
}

#[test]
fn consistency_rules_leave_neutral_verbs_scores_and_unrelated_changes_alone() {
    // "went from" states no direction; a fall said to be a rise is still caught.
    let found = findings(
        "Build times went from 5 seconds to 0.5 seconds.\n\nOutput went up from 5 tonnes to 3 tonnes.\n",
        "t.md",
    );
    let arithmetic: Vec<&String> = found
        .iter()
        .filter(|(rule, _)| rule == "consistency/arithmetic")
        .map(|(_, message)| message)
        .collect();
    assert_eq!(arithmetic.len(), 1, "{found:#?}");
    assert!(arithmetic[0].contains("5 tonnes"), "{found:#?}");
    // Scores in quotation marks are values named, not parts of a count.
    let found = findings(
        "Ratings have two peaks: one around a \"3\", and another at \"7\", so most see themselves as either.\n",
        "t.md",
    );
    assert!(
        !found.iter().any(|(rule, _)| rule.starts_with("consistency/")),
        "{found:#?}"
    );
    // Two increases of one year are of two things.
    let found = findings(
        "# Survey\n\nWe saw a 3pp increase in makers answering in Welsh this year, 80% in 2023 and 77% in 2022.\n\nSome 34% of 2023 makers use brass at work, an increase of 5pp from 2022.\n",
        "t.md",
    );
    assert!(
        !found.iter().any(|(rule, _)| rule == "consistency/restated"),
        "{found:#?}"
    );
}

#[test]
fn code_in_markdown_holds_no_markers() {
    // Inline code and preformatted HTML: "x[3]" and "main.rs:3:5" are no note markers.
    let text = "Forms such as `x[3] = 42` and `3;` are allowed.\n\n<div><pre><code>panicked at src/main.rs:3:5:\nno file</code></pre>\nThen:\n<pre><code>at src/main.rs:3:5:</code></pre></div>\n\nUsers rose 12 percent.\n";
    assert_eq!(footnote_rules(text, "t.md"), Vec::<String>::new());
}

#[test]
fn half_year_names_are_no_durations() {
    assert_eq!(
        texts(
            "The 2024h2 goal and the 2025H1 goal went well; the run took 5h on a 50m2 floor.",
            "h.txt"
        ),
        ["5h", "50m2"]
    );
}

#[test]
fn the_authors_own_work_told_first_hand_needs_no_source() {
    let text = "# Lantern project update\n\nThis month we merged 214 pull requests and I fixed 37 bugs in the renderer.\n\nAbout 18 percent of the lanterns sold in Europe are made of brass.\n\nSee the [shop](https://example.org/shop) for prices.\n";
    let found = uncited(text, "update.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`18 percent`"), "{found:#?}");
}

#[test]
fn restructured_text_literal_blocks_and_note_lists_are_read_as_such() {
    // Code after `::` or a code-block directive holds no markers ("ham[1]"); notes may follow
    // their underlined title without a blank line; written labels mixed with auto-numbered
    // ones say nothing of order.
    let text = "Rationale\n=========\n\nThe old module had 1,400 users [3]_ and a hanging indent [#hi]_ style.\n\nFor example::\n\n    spam(ham[1], {eggs: 2})\n    x = x * 2 - 1\n\n.. code-block::\n\n    total = items[2]\n\nIt was added in 2004 [2]_.\n\nFootnotes and References\n========================\n.. [2] https://example.org/added\n.. [3] https://example.org/users\n";
    let found = findings(text, "pep.txt");
    assert!(
        !found
            .iter()
            .any(|(rule, _)| rule.starts_with("footnote/") || rule == "consistency/range-order"),
        "{found:#?}"
    );
}

#[test]
fn authors_speaking_of_themselves_and_thanking_contributors_need_no_source() {
    // "We", "I" and contractions as a clause's subject tell the authors' own doings; a count
    // of contributors thanked is the project's own. A figure told of the world still wants one.
    let text = "# Lantern 4.2 released\n\nWe're shipping it with 31 new glass colours, and I've been polishing the wick code for about a year and a half.\n\nThanks to the 57 contributors to this release!\n\nAbout 18 percent of the lanterns sold in Europe are made of brass.\n\nSee the [shop](https://example.org/shop) for prices.\n";
    let found = uncited(text, "release.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`18 percent`"), "{found:#?}");
    // A capital I that is a numeral ("Phase I") is no author.
    let trial = "# Lamp trial\n\nPhase I Trials enrolled 240 patients.\n\nSee the [registry](https://example.org/r).\n";
    assert!(uncited(trial, "trial.md").iter().any(|m| m.contains("`240`")));
}

#[test]
fn a_survey_team_reporting_under_a_survey_title_gives_its_results() {
    // The title names the survey (not its results); the team speaks of it in the first person
    // throughout.
    let text = "+++\ntitle = \"State of the Lantern Survey 2026\"\n+++\n\nWe ran our yearly survey in May, and we thank the 2,180 people who responded. We asked about glass: 61% of respondents prefer clear panes. We also asked about wicks, and we were glad to see 23% use cotton. We will run the survey again next year.\n";
    assert_eq!(uncited(text, "survey.md"), Vec::<String>::new());
}

#[test]
fn product_editions_office_hours_and_percentages_of_numbers_are_no_findings() {
    // "Harbour Suite 2024 installers": a product's name, not 2,024 installers.
    assert_eq!(
        texts("The Harbour Suite 2024 installers ship with 3 fonts.", "p.txt"),
        ["3"]
    );
    // Office hours that cross noon, and a percentage of a number, which may exceed 100.
    let text = "Our hours moved from 9-5 to a later shift. Is 0 within 200% of 10? 200% of ten is 20.\n";
    let rules = consistency_rules(text, "hours.txt");
    assert!(rules.is_empty(), "{rules:?}");
}

#[test]
fn restructured_text_literals_sections_and_bodiless_notes() {
    // Inline literals hold no markers or figures; a section after the notes is prose again
    // (its numbered list is no list of notes); a `.. [4]` note outside a notes section holds
    // the example after it; a file's line number ("io.py:316") and a library's version
    // ("libfoo.so.1") are no markers; a bulleted line ending in a marker cites it.
    let text = "Usage\n=====\n\nCalling ``f([1])`` gives ``(1.0 - 0.9) = 0.1`` as expected [1]_.\n\n- Add support for reading lamp logs [2]_\n\nSee libfoo.so.1 and io.py:316 for the code.\n\nReferences\n==========\n\n.. [1] https://example.org/f\n.. [2] https://example.org/logs\n\nSummary of the discussion\n=========================\n\nThe camps were:\n\n1.  Keep the wick.\n\n2.  Drop the wick.\n\nExamples\n========\n\nExample: [3]_\n\n.. [3]\n\n::\n\n    lamp.light(3)\n";
    let found = findings(text, "pep.txt");
    assert!(
        !found
            .iter()
            .any(|(rule, _)| rule.starts_with("footnote/") || rule.starts_with("consistency/")),
        "{found:#?}"
    );
    let figures = texts(text, "pep.txt");
    assert!(
        !figures.iter().any(|f| f == "0.1" || f == "1.0 - 0.9"),
        "{figures:?}"
    );
}

#[test]
fn template_directives_exponents_and_code_indexes_are_neither_figures_nor_markers() {
    // Site generators' shortcodes hold widths, not figures; a power of a small base or of a
    // variable, a quoted superscript, an index, an array type and a year cut after an
    // apostrophe are no note markers.
    let markdown = "# Lamps\n\n{{image \"lamps/wick.png\" 850}}\n\n{{< figure src=\"a.png\" width=\"640\" >}}\n\nA lamp id has 2⁶³ values, sorting is O(n²), and the digit '⁹' is a superscript. Read a[3] as an index and [3]int as a type; the Feb'18 release was small.\n";
    assert_eq!(footnote_rules(markdown, "lamps.md"), Vec::<String>::new());
    let figures = texts(markdown, "lamps.md");
    assert!(!figures.iter().any(|f| f == "850" || f == "640"), "{figures:?}");
    // A superscript after a word is still a marker.
    let noted = "# Lamps\n\nBrass lamps sold well.³\n";
    assert!(
        findings(noted, "noted.md")
            .iter()
            .any(|(rule, _)| rule == "footnote/undefined")
    );
}

#[test]
fn survey_answers_totals_and_loose_fractions_are_no_inconsistencies() {
    let rules = |text: &str| consistency_rules(text, "s.txt");
    // Answers where several could be chosen; a whole broken into its parts; "about half" of
    // 54 percent; a section about the respondents' background.
    let text = "Lamp survey\n\n63% of makers polish brass, 60% polish tin, and 52% polish glass. The 40% who chose one metal split into 25% on brass, 10% on tin and 5% on copper. About half of the makers (54%) sell online.\n";
    assert!(rules(text).is_empty(), "{:?}", rules(text));
    // A share list that is over, a fraction that is off, still are.
    let wrong = "Lamp survey\n\nOf the makers, 63% use brass, 30% tin and 22% glass. About a third of the makers (45%) sell online.\n";
    let found = rules(wrong);
    assert!(found.iter().any(|r| r == "consistency/share-sum"), "{found:?}");
    assert!(found.iter().any(|r| r == "consistency/conversion"), "{found:?}");
}

#[test]
fn status_lines_names_places_and_release_gaps_are_no_figures() {
    // An HTTP status with its reason, a name that ends in a number, a half that says where,
    // and the months between two releases told newest first.
    let text = "The server answers 100 Continue and then 404 Not Found. She works at Lumen 360. The bottom half of the diagram shows the parser. Half the values are keys. It came 14 months after the gap between 1.1 and 1.0.\n";
    assert_eq!(texts(text, "t.txt"), ["Half", "14 months", "between 1.1 and 1.0"]);
    let found = findings(text, "t.txt");
    assert!(
        !found.iter().any(|(rule, _)| rule == "consistency/range-order"),
        "{found:#?}"
    );
}

#[test]
fn a_section_on_respondents_background_is_the_surveys_own() {
    let text = "---\ntitle: Lantern Survey 2026 Results\n---\n\nWe thank the 2,180 respondents to our survey. We asked them about lamps, and we read all their responses.\n\n## Programming background\n\nMost people asked write Go (61%) and many write Rust (23%).\n";
    assert_eq!(uncited(text, "survey.md"), Vec::<String>::new());
}

#[test]
fn restructured_text_citations_code_indexes_and_numbered_points() {
    // Notes after an auto-numbered note and a citation are still notes; an index into code is
    // no marker, nor is a number after "c." (circa); a numbered point that ends in a marker
    // cites it; a numbered list of remarks that nothing marks is no list of unused notes.
    let text = "Lamps\n=====\n\nThe old loader took c.180 lines [2]_ and reads sys.version_info[0], data[16][4] and f()[1].\n\nHistory\n=======\n\n1. First draft, posted in 2017 [3]_.\n\nReferences\n==========\n\n.. [#loader] https://example.org/loader\n   (the loader's history)\n.. [LAMPS] https://example.org/lamps\n.. [2] https://example.org/lines\n.. [3] https://example.org/draft\n";
    assert_eq!(footnote_rules(text, "pep.txt"), Vec::<String>::new());
    let remarks = "Lamp sets\n=========\n\nThe set holds brass and tin.\n\nNotes:\n\n1. We propose brass for the frame.\n\n2. We considered tin for the base.\n";
    assert_eq!(footnote_rules(remarks, "remarks.txt"), Vec::<String>::new());
}

#[test]
fn default_settings_and_posed_conditions_need_no_source() {
    let text = "# Lamp timer\n\nThe timer has a default value of 300 seconds. If there are 40 lamps on one circuit, the timer staggers them. Say your lamp draws 60 watts: the circuit then carries 2,400 watts.\n\nAbout 18 percent of the lanterns sold in Europe are made of brass.\n\nSee the [shop](https://example.org/shop) for prices.\n";
    let found = uncited(text, "timer.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`18 percent`"), "{found:#?}");
}

#[test]
fn a_count_of_the_values_listed_is_no_total() {
    // "two possible values: 0 and 1" counts the values; "2 ships: 5 tankers and 4 ferries"
    // is a total its parts contradict.
    let rules = consistency_rules(
        "The flag has two possible values: 0 and 1. The gauge reads three sizes: 8, 12 and 16.\n",
        "v.txt",
    );
    assert!(rules.is_empty(), "{rules:?}");
    let rules = consistency_rules("The fleet has 2 ships: 5 tankers and 4 ferries.\n", "f.txt");
    assert_eq!(rules, ["consistency/arithmetic"]);
}

#[test]
fn the_authors_own_systems_and_a_stated_default_need_no_source() {
    // "our lamp-testing service": the authors' own system; "the default is": a setting; a
    // figure of the world beside them still needs its source.
    let text = "# Lamp club news\n\nInitially, our lamp-testing service ran on 20 servers, with 2 million lamps connected. The default is 400 lamps a bench.\n\nAbout 30% of the rivers in the region carry lamp oil.\n\nSee the [club page](https://example.org/club) for dates.\n";
    let found = uncited(text, "club.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`30%`"), "{found:#?}");
}

#[test]
fn hedges_before_a_verb_clauses_since_and_other_nouns_are_read_as_written() {
    // "nearly reached two thirds (63%)" is said approximately; a year that opens a trend in
    // another clause is not the time of the figures before it, so last year's share is no
    // restatement; "all four of these lamps" after "two seasons" counts lamps, not seasons.
    let text = "Lamp club survey\n\nThe share who trim their wicks nearly reached two thirds of members (63%) this year.\n\nThe number of survey respondents who own brass lamps rose (58% → 61%), continuing a trend seen since our first survey in 2019.\n\nThe number of survey respondents who own tin lamps reached 40% (up from 35% in 2019).\n\nOver the last two seasons we have repaired all four of these lamps.\n";
    let rules = consistency_rules(text, "survey.txt");
    assert!(rules.is_empty(), "{rules:?}");
    // Still caught: two thirds is not 50%, and four of two seasons is no part of them.
    let rules = consistency_rules("The share nearly reached two thirds (50%) this year.\n", "s.txt");
    assert_eq!(rules, ["consistency/conversion"]);
    let rules = consistency_rules("Of the 2 seasons, 4 were wet.\n", "w.txt");
    assert_eq!(rules, ["consistency/part-whole"]);
}

#[test]
fn sibling_parts_and_alternatives_are_no_wholes() {
    // "60 of them … and 900 of them" are two parts of the 5,000; "4 or 5 of them" are two
    // guesses at one count. A part larger than its whole is still caught.
    let text = "The town has 5,000 lamps and of those, 60 of them burn brass oil and 900 of them burn tin oil.\n\nIf you hang 4 or 5 of them in a row, the street glows.\n";
    let rules = consistency_rules(text, "lamps.txt");
    assert!(rules.is_empty(), "{rules:?}");
    let rules = consistency_rules("The town has 30 lamps, and 40 of them burn brass oil.\n", "l.txt");
    assert_eq!(rules, ["consistency/part-whole"]);
}

fn rules_found(text: &str, name: &str) -> Vec<String> {
    common::check_text(text, name)
        .into_iter()
        .map(|d| d.rule)
        .collect()
}

#[test]
fn a_short_story_in_a_heavy_page_is_not_empty() {
    let story = "<p>The harbour board said on Monday that the port handled 1,200 ships last year, a fifth more than the year before.</p>\
        <p>Dock workers unloaded most of the cargo at night, when the cranes run on cheaper power and the roads are empty.</p>\
        <p>The board expects the new berth to open in the spring, after the dredging of the channel is finished.</p>\
        <p>Shipping lines have already asked for slots at the new berth for the summer season, its spokesman added.</p>";
    let styles = ".panel{margin:0;padding:0}".repeat(4_000);
    let page = format!("<html><head><style>{styles}</style></head><body>{story}</body></html>");
    assert!(!rules_found(&page, "story.html").contains(&"input/empty".to_owned()));
    // The same page whose story is built by a script reads as empty: a menu is no prose.
    let scripted = format!(
        "<html><head><style>{styles}</style></head><body><ul><li>Home</li><li>World</li><li>Sport</li></ul>\
         <script>render({{\"body\": \"The port handled 1,200 ships.\"}})</script></body></html>"
    );
    assert!(rules_found(&scripted, "scripted.html").contains(&"input/empty".to_owned()));
}

#[test]
fn phone_numbers_are_no_figures() {
    let text = "Harbour office\n\nCall the harbour office on (555) 014-2288 or toll free: 800-555-0199. \
        Fax 555.014.2290. Switchboard: 014-2291. The office answered 2,300 calls in 2023, \
        and ferries carry 200-1000 passengers a day.\n";
    assert_eq!(texts(text, "office.txt"), ["2,300", "2023", "200-1000"]);
    // Numbers dialled within a country (the trunk "0", a relay prefix before it) or from
    // abroad, and a local number after "call"; a figure spaced in thousands is still read.
    let national = "To book help, call 0345 744 4422 or 18001 0345 744 4423 (Textphone), or 020-7946-0958,         or from abroad 0044 20 7946 0958. Anyone who saw the crash is asked to call police at 502-9991.         The fund holds 1 000 000 000 euros.\n";
    assert_eq!(texts(national, "help.txt"), ["1 000 000 000 euros"]);
    // Listings of a place and its number dialled with the country code, and their addresses.
    let listings = "Buy rugs at Dar Nejma (369 Quartier Industriel; 212-524-336673) or at \
        Atlas Looms (70, rue des Tisserands; 212 24 43 61 08), where most cost $250. The old \
        souk had 1,400 stalls (a census of 2011; 2,100 today). Rows of 12 45 67 89 10 stand in \
        the ledger.\n";
    assert_eq!(
        texts(listings, "souk.txt"),
        ["$250", "1,400", "2011", "2,100", "12", "45", "67", "89", "10"]
    );
}

#[test]
fn pounds_weigh_unless_they_pay() {
    let weigh = "At his check-up the keeper weighed in at 243 pounds, and he lost 12 pounds by June.\n";
    let units: Vec<Option<&str>> = parse_text(weigh, "w.txt").into_iter().map(|c| c.unit).collect();
    assert_eq!(units, [Some("lb"), Some("lb")]);
    let pay = "The club paid 400 pounds for the kit, the fine was 30 pounds and the stadium cost 2 million pounds. Tickets rose to £40, or 45 pounds at the gate.\n";
    let units: Vec<Option<&str>> = parse_text(pay, "p.txt").into_iter().map(|c| c.unit).collect();
    assert!(units.iter().all(|u| *u == Some("GBP")), "{units:?}");
}

#[test]
fn site_furniture_around_an_article_holds_no_claims() {
    let article = "<p>The harbour board said on Monday that the port handled 1,200 ships last year, up 20 percent on the year before.</p>\
        <p>Dock workers unloaded most of the cargo at night, when the cranes run on cheaper power and the roads are empty.</p>\
        <p>The board expects the new berth to open in the spring, after the dredging of the channel is finished.</p>";
    let page = format!(
        "<html><body><div class=\"site-transition-content-and-menu\"><ul class=\"main-menu\"><li>Top 100 Ports</li></ul>\
         <div class=\"post-content\">{article}<div class=\"bottom-share-links\"><span>500</span></div></div>\
         <div class=\"wp-polls\">Yes (29%, 1,186 votes)</div>\
         <form class=\"newsletter_signup\">Join 513 other readers</form>\
         <div role=\"navigation\">Page 2 of 40</div>\
         <section class=\"article__comments\"><span>224</span></section></div></body></html>"
    );
    assert_eq!(texts(&page, "port.html"), ["1,200", "20 percent"]);
}

fn collapsed(text: &str, name: &str) -> Vec<claimlint::diagnostic::Diagnostic> {
    let mut diagnostics = common::check_text(text, name);
    claimlint::check::collapse(&mut diagnostics);
    diagnostics
}

#[test]
fn raised_bracketed_labels_cite_paragraph_notes() {
    let page = "<html><body><p>Crews answer up to 1,000 calls per shift<sup>[1]</sup>, though 90% need no visit<sup>[2]</sup>.</p>\
        <p><a name=\"_ftn1\"></a>[1] Harbour Board, Annual review of calls. 2015; 28: 685-690.</p>\
        <p><a name=\"_ftn2\"></a>[2] Port survey of call outcomes, 2016.</p></body></html>";
    let rules: Vec<String> = collapsed(page, "calls.html")
        .into_iter()
        .map(|d| d.rule)
        .collect();
    assert!(rules.is_empty(), "{rules:?}");
    assert_eq!(texts(page, "calls.html"), ["1,000", "90%"]);
}

#[test]
fn notes_whose_markers_were_lost_are_one_finding() {
    // Twelve notes, and a conversion that kept one marker glued to the text.
    let mut markdown = String::from(
        "# Ports\n\nThe port handled 1,200 ships.[^3] Exports rose 14 percent and 300 cranes work the quay.\n\nImports fell 9 percent in 2022.\n\n",
    );
    for note in 1..=12 {
        writeln!(markdown, "[^{note}]: Harbour Board, report {note}.").unwrap();
    }
    let found = collapsed(&markdown, "lost.md");
    let unused: Vec<_> = found.iter().filter(|d| d.rule == "footnote/unused").collect();
    assert_eq!(unused.len(), 1, "{found:#?}");
    assert!(
        unused[0].message.contains("11 of its 12 notes are never cited"),
        "{}",
        unused[0].message
    );
    assert_eq!(unused[0].related.len(), 10);
    let uncited: Vec<_> = found.iter().filter(|d| d.rule == "citation/missing").collect();
    assert_eq!(uncited.len(), 1, "{found:#?}");
    assert!(
        uncited[0].message.contains("its markers seem lost"),
        "{}",
        uncited[0].message
    );
    // With most notes cited, each uncited one is its own finding.
    let mut cited = String::from("# Ports\n\n");
    for note in 1..=10 {
        write!(
            cited,
            "The port handled {note}00 ships in year {note}.[^{note}]

"
        )
        .unwrap();
    }
    for note in 1..=12 {
        writeln!(cited, "[^{note}]: Harbour Board, report {note}.").unwrap();
    }
    let unused = collapsed(&cited, "cited.md")
        .into_iter()
        .filter(|d| d.rule == "footnote/unused")
        .count();
    assert_eq!(unused, 2);
}

#[test]
fn a_worked_example_runs_over_its_paragraph() {
    let text = "Brackets\n\nFor example, suppose a single filer earns $20,000 in a year. Her average tax rate would be 12.5% ($2,500 divided by $20,000), and her top rate would be 15%. Her liability is $2,500: [($10,000 x 0.1) + ($10,000 x 0.15)].\n\nThe top rate was 37% in 2024.\n";
    let roles: Vec<(String, Option<&str>)> = parse_text(text, "b.txt")
        .into_iter()
        .map(|c| (c.text, c.role.map(claimlint::claim::Role::name)))
        .collect();
    let role_of = |figure: &str| roles.iter().find(|(t, _)| t == figure).and_then(|(_, r)| *r);
    assert_eq!(role_of("12.5%"), Some("example"));
    assert_eq!(role_of("15%"), Some("example"));
    assert_eq!(role_of("37%"), None);
    assert!(
        roles
            .iter()
            .filter(|(t, _)| t == "$2,500")
            .all(|(_, r)| r.is_some()),
        "{roles:?}"
    );
}

#[test]
fn research_prose_that_is_no_inconsistency() {
    // Ranges of time counted back run from the older end; codes and formulae are no ranges.
    for text in [
        "Results\n\nThe two groups split about 23,700–15,500 years ago and met again 2,375-2,025 y.a.\n",
        "Results\n\nThe land bridge sank by 115–112 Ma, before the shelf flooded.\n",
        "Results\n\nA fragment was found at locality MAD 98-25 in the second season.\n",
        "Results\n\nThe share is (100 × 3.78)/(2.98-1.04) = 32 for the basin.\n",
    ] {
        let rules = rules_found(text, "r.txt");
        assert!(
            !rules.contains(&"consistency/range-order".to_owned()),
            "{text}: {rules:?}"
        );
    }
    let descending = "Results\n\nVoxel sizes ran from 40–16 µm in the scans.\n";
    assert!(rules_found(descending, "d.txt").contains(&"consistency/range-order".to_owned()));
    // A measure may be any multiple of another.
    let ratio = "Results\n\nThe length of the distal end (7.8 mm) is 137% of the basal width (5.7 mm).\n";
    assert!(!rules_found(ratio, "q.txt").contains(&"consistency/percent-bounds".to_owned()));
    // An income may be any multiple of a programme's threshold.
    let threshold = "The credit phases out between 300 and 400 percent of the poverty line, and at 250% of AMI. Some buyers borrowed 120 percent of the purchase price.\n";
    assert!(!rules_found(threshold, "p.txt").contains(&"consistency/percent-bounds".to_owned()));
    // A fraction in words rounds to its nearest point; a fifth is not a quarter.
    let half = "Results\n\nHalf of the sample (49.4%) reported no problems.\n";
    assert!(!rules_found(half, "h.txt").contains(&"consistency/conversion".to_owned()));
    let fifth = "Results\n\nA fifth of the sample (25%) reported no problems.\n";
    assert!(rules_found(fifth, "f.txt").contains(&"consistency/conversion".to_owned()));
    // Likeness to several others is no set of shares of one whole.
    let identity = "Results\n\nThe gene is most like Rho-1 (35% identity), then Rho-2 (29% identity), Rho-3 (24% identity) and Rho-4 (26% identity).\n";
    assert!(!rules_found(identity, "i.txt").contains(&"consistency/share-sum".to_owned()));
    // A strand's ends are named by their carbons.
    assert_eq!(
        texts(
            "Results\n\nWe found changes at positions 17 and 25 of the 3′ UTR and at the 5'-end.\n",
            "u.txt"
        ),
        ["17", "25"]
    );
}

#[test]
fn report_prose_that_is_no_inconsistency() {
    for (text, rule) in [
        (
            "Votes\n\nThe House passed the bill 220-203, and the Senate agreed by a vote of 52-46.\n",
            "consistency/range-order",
        ),
        (
            "Tables\n\nSource: IRS Revenue Procedure 99-42 and Notice 2020-23.\n",
            "consistency/range-order",
        ),
        (
            "Results\n\nRockledge 70-44\n\nWest Shore 61-21\n",
            "consistency/range-order",
        ),
        (
            "Fuel\n\nThe tax rose from 4 to 9 cents per gallon, a 125% increase.\n",
            "consistency/arithmetic",
        ),
        (
            "Rates\n\nThe reform replaced 25 rates with two rates: 15% and 28%.\n",
            "consistency/arithmetic",
        ),
        (
            "Funding\n\nDefence (62%) and health (15%), combined, account for 77% of the funding.\n",
            "consistency/share-sum",
        ),
        (
            "Mining\n\nTonga Offshore Mining Limited (TOML) applied first. Later, Tonga Offshore Mining Ltd (TOML) applied again.\n",
            "consistency/acronym",
        ),
    ] {
        let rules = rules_found(text, "r.md");
        assert!(!rules.contains(&rule.to_owned()), "{text}: {rules:?}");
    }
    // A part stated with its total is no contradiction of the total.
    let parts = "Hubs\n\nIn FY2023 the act appropriated $500 million for the hubs program ($41 million regular and $459 million supplemental).\n\nIn FY2023, supplemental funds included $459 million for the hubs program.\n";
    assert!(!rules_found(parts, "h.md").contains(&"consistency/restated".to_owned()));
}

#[test]
fn a_figure_alone_in_its_block_claims_nothing() {
    let page = "<html><body><p>The harbour board said the port handled 1,200 ships last year.</p>\
        <div><span>84.1K</span></div><div><span>224</span></div><p>Crews unloaded 300 cranes of cargo.</p></body></html>";
    let found = uncited(page, "widgets.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`300 cranes`") || found[0].contains("`300`"),
        "{found:#?}"
    );
}

#[test]
fn a_furniture_span_inside_a_paragraph_leaves_it_whole() {
    let page = "<html><body><p>The port handled 1,200 ships <span class=\"share-count\">12</span> last year, up 20 percent on the year before.</p></body></html>";
    let document = common::parse_document(page, "span.html");
    assert_eq!(document.blocks.len(), 1);
    assert_eq!(texts(page, "span.html"), ["1,200", "20 percent"]);
}

#[test]
fn years_of_an_era_are_years() {
    let text = "History\n\nThe town was founded in 500 BC, sacked in AD 79 and rebuilt in 476 CE. Its walls stood from 500–300 BCE; its church from 100–650 CE. The shop sold 40 AD cards.\n";
    let found: Vec<(String, String)> = parse_text(text, "era.txt")
        .into_iter()
        .map(|c| (c.text, c.kind.name().to_owned()))
        .collect();
    let kind_of = |figure: &str| found.iter().find(|(t, _)| t == figure).map(|(_, k)| k.as_str());
    assert_eq!(kind_of("500 BC"), Some("year"));
    assert_eq!(kind_of("AD 79"), Some("year"));
    assert_eq!(kind_of("476 CE"), Some("year"));
    assert_eq!(kind_of("500–300 BCE"), Some("period"));
    assert_eq!(kind_of("100–650 CE"), Some("period"));
    assert_eq!(kind_of("40"), Some("count"));
    let bc = parse_text(text, "era.txt")
        .into_iter()
        .find(|c| c.text == "500 BC")
        .map(|c| c.value);
    assert_eq!(bc.flatten().map(|v| v.to_string()).as_deref(), Some("-500"));
}

#[test]
fn an_improvement_proposal_is_a_specification_by_its_front_matter() {
    // A proposal's header numbers it and gives its status and authors; its sections are named
    // with a question after a colon.
    let proposal = "---\nKIP: 12\nTitle: Smaller ledgers\nStatus: Draft\nAuthors:\n  - Ada Lane\n---\n\n## Abstract\n\nLedgers shrink.\n\n## Specification\n\nA node keeps 64 snapshots.\n";
    assert_eq!(
        roles(proposal, "kip-12.md"),
        [("64".to_owned(), Some("specification"))]
    );
    let headings = "# Smaller ledgers\n\n## Motivation: why is this needed?\n\nLedgers grew.\n\n## Rationale: how does this help?\n\nA node keeps 64 snapshots.\n";
    assert_eq!(
        roles(headings, "p.md"),
        [("64".to_owned(), Some("specification"))]
    );
    // A blog post's front matter has an author and a title but no number and no status.
    let post = "---\ntitle: Our year\nauthor: Ada Lane\nid: 4411\n---\n\nThe firm ships to 64 countries.\n";
    assert_eq!(roles(post, "post.md"), [("64".to_owned(), None)]);
}

#[test]
fn a_proposal_motivation_states_its_systems_units_and_defines_terms() {
    let proposal = "---\nKIP: 12\nStatus: Draft\nAuthor: Ada Lane\n---\n\n## Motivation\n\nA checkpoint is final after 640 epochs. Each frame reserves 2048 bytes. Fees rose 40 percent last year.\n\n### Definitions\n\nA quorum is more than 66% of the stake.\n";
    assert_eq!(
        roles(proposal, "kip-12.md"),
        [
            ("640".to_owned(), Some("specification")),
            ("2048 bytes".to_owned(), Some("specification")),
            ("40 percent".to_owned(), None),
            ("66%".to_owned(), Some("specification")),
        ]
    );
}

#[test]
fn tex_math_in_markdown_holds_no_claims() {
    let markdown = "# Rewards\n\nThe parameters are $k = 250, r = 0.4$ and $$x^2 + 3y$$ today.\n\nTickets cost $5-$10, or $12 at the door; the $X fee is $3 and bonds pay $2.5 billion.\n";
    assert_eq!(texts(markdown, "m.md"), ["$5-$10", "$12", "$3", "$2.5 billion"]);
}

#[test]
fn a_difference_with_its_result_is_no_range() {
    assert!(
        consistency_rules(
            "At least 61% - 25% = 36% of the votes were cast early.\n",
            "d.txt"
        )
        .is_empty()
    );
    assert_eq!(
        consistency_rules("Turnout fell to 61% - 25% of the voters.\n", "d.txt"),
        ["consistency/range-order"]
    );
}

#[test]
fn figures_that_describe_each_listed_thing_are_no_parts() {
    assert!(
        consistency_rules(
            "The store reads two layouts: a 15 field record and a 16 field record.\n",
            "l.txt"
        )
        .is_empty()
    );
    assert_eq!(
        consistency_rules("The store holds 30 records: 15 old and 16 new.\n", "l.txt"),
        ["consistency/arithmetic"]
    );
}

#[test]
fn boxes_of_other_stories_hold_no_claims_even_with_prose() {
    let teaser = "<p class=\"caption\">A town council voted to close 14 libraries after a budget shortfall of two million pounds, and readers wrote in with their views on what comes next.</p>";
    let article = "<p>The harbour board said on Monday that the port handled 1,200 ships last year.</p>\
        <p>Dock workers unloaded most of the cargo at night, when the cranes run on cheaper power and the roads are empty.</p>\
        <p>The board expects the new berth to open in the spring, after the dredging of the channel is finished.</p>";
    let page = format!(
        "<html><body><div class=\"l-sidebar-fixed l-article-body-segment\">{article}</div>\
         <aside class=\"sticky-sidebar\">{teaser}{teaser}</aside>\
         <div class=\"most-read\">{teaser}</div><div class=\"related-stories\">{teaser}</div></body></html>"
    );
    assert_eq!(texts(&page, "port.html"), ["1,200"]);
    // What a site says of itself in its footer or an author's bio box, however long.
    let about = "<p>The Harbour Gazette is read by more than 300,000 people every month in 40 countries, and its reporters have covered the port, its unions and its board for over a century.</p>";
    let page = format!(
        "<html><body><article>{article}</article>         <div class=\"tdb-author-descr\">{about}</div><div id=\"footer_meta\">{about}</div></body></html>"
    );
    assert_eq!(texts(&page, "port.html"), ["1,200"]);
}

#[test]
fn screens_games_and_addresses_are_named_not_counted() {
    assert_eq!(
        texts(
            "The console streams games in 4K to a TV, and NBA 2K24 sold 12 million copies.",
            "g.txt"
        ),
        ["12 million"]
    );
    assert_eq!(
        texts("The firm raised $4K from 4K donors.", "g.txt"),
        ["$4K", "4K"]
    );
    assert_eq!(
        texts("Write to 12 Elm Road, Spokane, Wa 99201 for 30 days.", "a.txt"),
        ["30 days"]
    );
}

#[test]
fn a_reviewers_own_tests_are_its_analysis() {
    assert_eq!(
        roles(
            "At our standard settings, the laptop ran at 86 frames per second.",
            "r.txt"
        )
        .into_iter()
        .map(|(_, role)| role)
        .collect::<Vec<_>>(),
        [Some("analysis")]
    );
}

#[test]
fn a_web_page_names_its_source_of_data_once_for_the_paragraphs_beside_it() {
    let paragraphs = |attribution: &str| {
        format!(
            "<html><body><p>Home sales in the county fell 11 percent last month.</p>\
             <p>Agents sold 4,312 homes in October, {attribution}.</p>\
             <p>The median price was $312,400, up from $298,150 a year ago.</p>\
             <p>A separate story: the ferry carried 92,000 riders.</p>\
             <p>The mayor opened the new pier on Monday.</p></body></html>"
        )
    };
    // A source of data speaks for the paragraphs either side of its own; not two away.
    let found = uncited(&paragraphs("according to Harbour Realty data"), "sales.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`92,000`"), "{found:#?}");
    // Whose words a quotation is says nothing of the figures beside it.
    let found = uncited(&paragraphs("the agent said"), "sales.html");
    assert_eq!(found.len(), 4, "{found:#?}");
    // A report cites in the paragraph that gives the figure.
    let markdown = "Home sales fell 11 percent last month.\n\nAgents sold 4,312 homes in October, according to Harbour Realty data.\n";
    let found = uncited(markdown, "sales.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`11 percent`"), "{found:#?}");
}

#[test]
fn a_forecaster_named_before_its_verb_is_a_source() {
    assert!(
        uncited(
            "Sales rose 14 percent.\n\nHarbour Realty expects 4,400 sales next year.\n",
            "f.md"
        )
        .iter()
        .all(|m| !m.contains("4,400"))
    );
}

#[test]
fn code_in_an_html_block_of_markdown_stays_code_across_blank_lines() {
    // A blank line ends the HTML block for CommonMark; the code after it is still inside
    // `<pre>` for a browser.
    let markdown = "Intro.\n\n<div class=\"code-cell\">\n  <pre>\n    <code>\nrate = 0.25\n\nlimit = 2500\n\ncap = {'duration': 500}\n    </code>\n  </pre>\n</div>\n\nThe plan would lift 4,000 people out of poverty.[^note]\n\n[^note]: Our own calculation.\n";
    assert_eq!(texts(markdown, "post.md"), ["4,000"]);
    assert!(footnote_rules(markdown, "post.md").is_empty());
}

#[test]
fn a_policy_analysis_states_what_a_reform_would_do_as_its_own_result() {
    let post = "# A child allowance for the county\n\nWe simulated a monthly allowance for every child. We estimate its effects on poverty below.\n\nIn 2022, 14.2 percent of the county's children were poor.\n\nThe allowance would cut child poverty by 38 percent. Under the reform, 61 percent of families come out ahead. Deep poverty falls 45 percent. The rate rises 2 percent in 2024.\n\nTheir taxes rise by $900 while their benefits grow by $2,400, and the median wealth of renters nearly doubles to $31,200.\n\nFunding a $300-per-month UBI takes a 9 percent tax; at rates of $500 per month the gap closes.\n";
    assert_eq!(
        roles(post, "post.md"),
        [
            ("2022".to_owned(), None),
            ("14.2 percent".to_owned(), None),
            ("38 percent".to_owned(), Some("analysis")),
            ("61 percent".to_owned(), Some("analysis")),
            ("45 percent".to_owned(), Some("analysis")),
            ("2 percent".to_owned(), None),
            ("2024".to_owned(), None),
            ("$900".to_owned(), Some("analysis")),
            ("$2,400".to_owned(), Some("analysis")),
            ("$31,200".to_owned(), Some("analysis")),
            ("$300-per-month".to_owned(), Some("procedure")),
            ("9 percent".to_owned(), Some("analysis")),
            ("$500 per month".to_owned(), Some("procedure")),
        ]
    );
    // A news story that reports what a plan would do gives someone else's estimate.
    let story = "# Council plan\n\nThe allowance would cut child poverty by 38 percent, the council said.\n";
    assert_eq!(roles(story, "story.md"), [("38 percent".to_owned(), None)]);
}

#[test]
fn terms_of_an_equation_written_out_are_working() {
    let found = roles(
        "The elasticity is then 12% / 60% = 0.20, against 15 percent in Norway.",
        "e.txt",
    );
    let role_of = |text: &str| found.iter().find(|(t, _)| t == text).and_then(|(_, role)| *role);
    assert_eq!(role_of("12%"), Some("arithmetic"));
    assert_eq!(role_of("60%"), Some("arithmetic"));
    assert_eq!(role_of("15 percent"), None);
}

#[test]
fn a_decrease_from_one_figure_to_another_is_no_range() {
    assert!(
        consistency_rules(
            "The plan would reduce the cost of panels from around $0.23/W to $0.10/W by 2030.\n",
            "c.txt"
        )
        .is_empty()
    );
    assert_eq!(
        consistency_rules(
            "The plan would set the cost of panels at around $0.23/W to $0.10/W by 2030.\n",
            "c.txt"
        ),
        ["consistency/range-order"]
    );
}

/// A German news story of a little over a hundred words, written for this test.
const GERMAN_STORY: &str = "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss bis zum nächsten \
    Sommer zu sanieren. Die Arbeiten sollen rund 4,2 Millionen Euro kosten, von denen das Land etwa 60 Prozent \
    übernimmt. Während der Bauzeit fahren die Busse eine Umleitung durch die Nordstadt, die nach Angaben der \
    Verkehrsbetriebe etwa sieben Minuten länger dauert. Anwohner hatten sich seit Jahren über Schlaglöcher und \
    rostige Geländer beschwert. Der Bürgermeister sagte, die Stadt habe lange auf die Zusage des Landes gewartet \
    und wolle nun keine Zeit mehr verlieren. Im Herbst soll zusätzlich ein neuer Radweg entstehen, der die Brücke \
    mit dem Bahnhof verbindet. Über die genaue Reihenfolge der Bauabschnitte will die Verwaltung im Januar \
    informieren, wenn die Aufträge vergeben sind. Bis dahin bleibt die Brücke für Fußgänger geöffnet.";

/// A Russian paragraph written for this test: a recipe, whose quantities are no claims.
const RUSSIAN_RECIPE: &str = "Для теста возьмите 200 г муки, 120 г сливочного масла и 2 яйца. Тесто раскатайте, \
    выложите в форму и выпекайте 15 минут при 180 градусах. Для начинки смешайте 300 г творога, 100 мл сливок и \
    немного соли. Выложите начинку на основу и выпекайте ещё 25 минут, пока верх не станет золотистым. Подавайте \
    пирог тёплым, с салатом из свежих овощей. На 6 порций уйдёт около часа вместе с подготовкой.";

#[test]
fn a_document_not_in_english_is_read_but_its_words_are_not_checked() {
    // A German story under a template that declares English: the text decides.
    let page = format!("<html lang=\"en\"><body><h1>Brücke</h1><p>{GERMAN_STORY}</p></body></html>");
    let found = rules_found(&page, "brücke.html");
    assert_eq!(found, ["input/language"], "{found:#?}");
    assert!(
        !texts(&page, "brücke.html").is_empty(),
        "its figures are still read"
    );
    let cyrillic = format!("# Пирог\n\n{RUSSIAN_RECIPE}\n");
    let diagnostics = common::check_text(&cyrillic, "pirog.md");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(
        diagnostics[0].message.contains("Cyrillic"),
        "{}",
        diagnostics[0].message
    );
    // Footnote rules read markers, in any language.
    let noted = format!("{GERMAN_STORY}[^1]\n\nDie Kosten[^2] steigen.\n\n[^1]: Stadtrat, Protokoll.\n");
    let found = rules_found(&noted, "notes.md");
    assert!(found.contains(&"footnote/undefined".to_owned()), "{found:#?}");
    assert!(!found.contains(&"citation/missing".to_owned()), "{found:#?}");
}

/// A French news story of about a hundred words, written for this test.
const FRENCH_STORY: &str = "Le conseil municipal a voté mardi la rénovation du vieux pont sur la rivière, qui \
    sera fermé aux voitures pendant les travaux. Le chantier doit coûter environ 4,2 millions d'euros, dont 60 % \
    pris en charge par la région. Les bus passeront par le nord de la ville pour une durée qui reste à fixer. Les \
    habitants se plaignent depuis des années des trous dans la chaussée et des garde-corps rouillés. Le maire a \
    dit que la ville attendait depuis longtemps une réponse de la région et qu'elle ne veut plus perdre de temps. \
    Une piste cyclable sera ajoutée à l'automne pour relier le pont à la gare, avec des bancs et des arbres. Le \
    calendrier des travaux sera présenté en janvier, quand les contrats seront signés avec les entreprises.";

#[test]
fn a_story_in_another_language_under_english_menus_is_not_english() {
    // The site's template declares English and keeps its menus and footer in English; the
    // article itself is French.
    let page = format!(
        "<html lang=\"en\"><body><nav><p>Home | The news and the sports from the region | About us | \
         Contact the newsroom for this and other stories</p></nav><article><p>{FRENCH_STORY}</p></article>\
         <footer><p>All the rights are reserved by the publisher and its partners, with thanks to our readers.</p>\
         </footer></body></html>"
    );
    assert!(rules_found(&page, "pont.html").contains(&"input/language".to_owned()));
}

#[test]
fn english_with_few_function_words_stays_english() {
    // Results and scorers, as a local paper prints them, under a page that declares English.
    let mut results = String::from("<html lang=\"en-US\"><body><h1>Results</h1>");
    for (home, away) in [
        ("Ashford", "Brinley"),
        ("Colton", "Dunmore"),
        ("Easton", "Fairview"),
        ("Glenwood", "Hollis"),
    ] {
        let _ = write!(
            results,
            "<p>{home} 3, {away} 1. {home} (5-2): R. Ames 2 goals, 1 assist. T. Bell 1 goal. K. Cole 4 saves. \
             {away} (2-5): J. Dale 1 goal. M. Eves 6 saves.</p>"
        );
    }
    results.push_str("<p>The next round is played on Friday, with the final at the stadium of the league winner.</p></body></html>");
    assert!(!rules_found(&results, "results.html").contains(&"input/language".to_owned()));
    // An English story says nothing of its language; a short text is taken at its word.
    let story = "<html><body><p>The council voted to repair the old bridge by next summer, at a cost of EUR 4.2 million.</p></body></html>";
    assert!(!rules_found(story, "story.html").contains(&"input/language".to_owned()));
    let declared = "<html lang=\"de\"><body><p>Die Brücke kostet 4,2 Millionen Euro.</p></body></html>";
    assert!(rules_found(declared, "kurz.html").contains(&"input/language".to_owned()));
}

#[test]
fn a_final_score_is_no_range_that_runs_down() {
    let story = "# Rovers take down Wanderers, 41-17\n\nThe Rovers beat the Wanderers, 41-17, on Saturday. They led at \
        the break and pulled away for a 35-10 cushion. Last week the Rovers lost 98-95 over two overtimes, and \
        before that won 112-104 against the league leaders.\n";
    let found = rules_found(story, "match.md");
    assert!(
        !found.contains(&"consistency/range-order".to_owned()),
        "{found:#?}"
    );
    // A range that says what it counts, or opens with "between", still runs down.
    let survey = "The panel sent the survey to 300-150 households. Respondents were aged between 80-65.\n";
    let found = rules_found(survey, "survey.md");
    assert_eq!(
        found.iter().filter(|r| *r == "consistency/range-order").count(),
        2,
        "{found:#?}"
    );
}

#[test]
fn ports_file_modes_and_aircraft_models_are_names() {
    let text = "Open port 8443 on the gateway and run chmod 600 on the key. The airline flies 212 aircraft, \
        among them the 747 freighter, and took roughly 300 737 Max jets out of service. It ordered 40 new \
        jets for $9 billion. A 787-9 jet seats 290. The city of 1 250 000 people has 12 500 buses.\n";
    assert_eq!(
        texts(text, "models.txt"),
        ["212", "300", "40", "$9 billion", "290", "1 250 000", "12 500"]
    );
}

#[test]
fn code_in_a_web_page_holds_no_claims() {
    let page = "<html><body><p>Set the limit with <code>ulimit -n 4096</code> and press <kbd>Ctrl</kbd>+<kbd>2</kbd>; \
        the tool then printed <samp>copied 512 files</samp>.</p>\
        <pre><code>$ python run.py 1\nkey error\n1\n$ python run.py 250\n</code></pre>\
        <pre class=\"highlight shell\">curl -H 'X-Limit: 300' https://example.org/</pre>\
        <pre class=\"EnlighterJSRAW\" data-enlighter-language=\"python\">&gt; 12*100\n1200</pre>\
        <pre data-lang=\"ruby\">puts 64 * 2</pre>\
        <pre>The harbour handled 1,200 ships in 2022.</pre>\
        <p>A stray <code>x = 700 opens here.</p><p>Exports rose 14 percent to $300 million.</p></body></html>";
    assert_eq!(
        texts(page, "code.html"),
        ["1,200", "2022", "14 percent", "$300 million"]
    );
}

#[test]
fn prices_offered_and_device_specifications_need_no_source() {
    let deals = "The kettle is priced at $49 this week. Save $15 if you buy two, or get the toaster for just $19. \
        Clip the $5 off coupon, and you'll save up to 30 percent on filters. Prices start at $89 for the large model.\n\n\
        The new van has 150 kW of power, 310 horsepower and a 77 kWh battery, and its screen runs at 120 Hz \
        with 256 GB of storage. It makes 420 lb-ft of torque, goes up to 290 miles on a charge and has a top \
        speed of 130 mph.\n";
    assert!(
        uncited(deals, "deals.md").is_empty(),
        "{:#?}",
        uncited(deals, "deals.md")
    );
    // What a body saves or charges, a share "for only", a tax's schedule and a plant are claims.
    let claims = "The reform saves $151 billion a year. Bridges in cities account for only 6% of all bridges. \
        The levy starts at $15 per ton. The new plant adds 400 MW to the grid. The storm travelled 300 miles.\n";
    let found = uncited(claims, "claims.md");
    // A document with no sources at all: one finding that counts them.
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("5 figures need one"), "{found:#?}");
}

#[test]
fn a_figure_written_as_a_links_text_is_sourced_in_any_document() {
    // A post that uses a note once still cites most figures by links on the figures themselves.
    let post = "Rents rose 9 percent in 2021.[^1] The state spends only about [$20 billion](https://example.org/budget) \
        on housing, and [31 percent of renters](https://example.org/survey) are burdened.\n\n\
        Another 450 households wait for a flat, near [the new station](https://example.org/map).\n\n\
        [^1]: Rent survey, 2022.\n";
    let found = uncited(post, "post.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`450`"), "{found:#?}");
}

#[test]
fn an_inline_citation_element_cites_its_sentence() {
    let page = "<html><body><p>Deposits are insured up to $250,000.<span class=\"ql-inline-citation\" data-cite=\"2\"></span> \
        The exchange lists 170 coins.</p><p>It holds 98% of assets offline.</p>\
        <ol class=\"citations\"><li>Deposit insurance rules, 2023.</li><li>Insurer's handbook, 2022.</li></ol></body></html>";
    let found = uncited(page, "page.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`98%`"), "{found:#?}");
}

#[test]
fn a_penalty_or_bond_set_by_law_or_court_needs_no_source() {
    let story = "The trader faces up to 10 years in prison and up to a $250,000 fine. A second man was held in \
        lieu of $40,000 bond, and anyone who lies to an inspector gets a fixed penalty notice of £1,000.\n\n\
        Last year the bank paid a $20 million fine, and the mill agreed to pay a fine of $3 million.\n";
    let found = uncited(story, "court.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`$20 million`") && found[0].contains("2 figures need one"),
        "{found:#?}"
    );
}

#[test]
fn two_programmes_described_alike_are_not_one_figure_restated() {
    let restated = |text: &str| {
        findings(text, "t.md")
            .into_iter()
            .filter(|(rule, _)| rule == "consistency/restated")
            .count()
    };
    // Each sentence names a scheme the other does not: two schemes, two amounts.
    assert_eq!(
        restated(
            "# Grants\n\nThe ministry said it paid an average grant of EUR 9,400 to 12,000 Harbour Fund members in 2024.\n\n\
             Widows may also claim. The ministry said it paid an average grant of EUR 7,100 to 4,000 Widows Fund members in 2024.\n"
        ),
        0
    );
    // Two lists under two lead-ins are two bills' provisions.
    assert_eq!(
        restated(
            "# Bills\n\nThe upper house bill would provide:\n\n- EUR 6.1 billion for ports in 2026, including harbour dredging\n- EUR 2 billion for rail in 2026\n\n\
             The lower house bill would provide:\n\n- EUR 7.3 billion for ports in 2026, including harbour dredging and cranes\n- EUR 1 billion for rail in 2026\n"
        ),
        0
    );
    // One body named in both, or named in one only, is still one figure stated twice.
    assert_eq!(
        restated(
            "# Ports\n\nIn 2020 the Harbour Board handled 400 ships.\n\nLater that year the Harbour Board said it handled 4,000 ships in 2020, as Table 2 shows.\n"
        ),
        1
    );
    assert_eq!(
        restated(
            "# Ports\n\nThe summary:\n\n- The port handled 400 ships in 2020.\n\nIn 2020 the port handled 4,000 ships.\n"
        ),
        1
    );
}

#[test]
fn notes_whose_markers_were_lost_are_named_as_such() {
    // A report's notes survive a conversion as a table under "Footnotes"; the markers do not
    // (one note runs over two lines, which turns the table into one paragraph).
    let text = "# Harbour dues\n\nThe port handled 1,200 ships in 2024, up 8% on the year before.\n\n\
        Dues rose to EUR 4.50 a tonne, the [board](https://example.org/board) says.\n\n\
        # Footnotes\n\n| 1. | Harbour board, annual report, 2025.\nSee also its accounts.\n| 2. | Board minutes, May 2024.\n| 3. | Port register, 2024.\n| 4. | Board notice of 3 March.\n\
        | 5. | Pilots' log.\n| 6. | Customs returns.\n| 7. | Tug company letter.\n| 8. | Berth plan.\n| 9. | Dredging survey.\n| 10. | Crane tender.\n";
    let found: Vec<(String, String)> = collapsed(text, "t.md")
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect();
    let citation: Vec<&String> = found
        .iter()
        .filter(|(rule, _)| rule == "citation/missing")
        .map(|(_, message)| message)
        .collect();
    assert_eq!(citation.len(), 1, "{found:#?}");
    assert!(citation[0].contains("its markers seem lost"), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|(rule, message)| rule == "footnote/unused" && message.contains("10 of its 10 notes")),
        "{found:#?}"
    );
    // Numbered entries under "References" are sources, not lost notes.
    let text = text.replace("# Footnotes", "# References");
    let found = collapsed(&text, "t.md");
    assert!(!found.iter().any(|d| d.rule == "footnote/unused"), "{found:#?}");
}

#[test]
fn a_page_of_many_small_menus_still_tells_furniture_from_its_article() {
    // Forty share boxes near the top: each is read to its end, not charged the rest of the
    // page, so the slogan in the footer at the bottom is still found to be furniture.
    let mut page = String::from("<html><body>");
    for box_number in 0..40 {
        write!(
            page,
            "<div class=\"share-box\"><a href=\"/s{box_number}\">Share</a></div>"
        )
        .unwrap();
    }
    page.push_str("<article>");
    for _ in 0..200 {
        page.push_str(
            "<p>The harbour board met on Monday and talked about the dredging of the channel at length.</p>",
        );
    }
    page.push_str("<p>The port handled 1,200 ships last year.</p></article>");
    page.push_str("<div class=\"footer-brand\"><span class=\"footer-brand_title\">Hire the top 2% of harbour pilots</span></div></body></html>");
    assert_eq!(texts(&page, "p.html"), ["1,200"]);
}

#[test]
fn penalties_by_offence_subscriptions_and_list_prices_need_no_source() {
    let story = "New fines for skipping quarantine start at £500 for a first offence and climb to as much as £8,000 \
        after five breaches. The penalty for a first offence can be tripled to £1,500 if the breach is deliberate, \
        and landlords may be subjected to a £2,000 fine if they let a sick tenant's room.\n\n\
        Last month the council fined a landlord £3,000 for an unsafe flat.\n";
    let found = uncited(story, "fines.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`£3,000`"), "{found:#?}");
    let review = "The radio costs little to run: the streaming tier is $4.99/month for members, and the $8-a-month \
        family subscription adds five profiles. The retail price on this model is $349.\n\n\
        Save $40 when you buy it with a speaker.\n\n\
        Households in the county pay $120 a month more for heating than in 2019, and the agency spends \
        $900 a year per pupil.\n";
    let found = uncited(review, "review.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`$120 a month`") && found[0].contains("2 figures need one"),
        "{found:#?}"
    );
}

#[test]
fn offers_in_their_own_sentences_need_no_source() {
    let page = "Get the print and app edition for $19.99.\n\n\
        New members can get $15 in credit when they sign up with a promo code. The shop has a $3 minimum order, \
        and the blender is not cheap at $180, though you end up getting it for $150.\n\n\
        The city raised the minimum wage to $17 and gave $15 in vouchers to each family.\n";
    let found = uncited(page, "shop.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`$17`") && found[0].contains("2 figures need one"),
        "{found:#?}"
    );
}

#[test]
fn a_currency_sign_on_the_second_figure_is_not_the_firsts() {
    let claims = parse_text(
        "It pays $300 a month per child under age 5 and $200 a month for older children; fees run 5 and 10 euros.",
        "t.txt",
    );
    let five = claims.iter().find(|c| c.text == "5").expect("the age is read");
    assert_eq!(five.kind, claimlint::claim::Kind::Count, "{claims:#?}");
    assert!(five.unit.is_none(), "{claims:#?}");
    // A currency written after both figures covers both.
    assert!(
        claims
            .iter()
            .any(|c| c.unit == Some("EUR") && c.value == Some(rust_decimal::Decimal::from(5))),
        "{claims:#?}"
    );
}

#[test]
fn market_prices_and_box_scores_are_public_record() {
    let story = "Acme shares closed in Oslo on Monday at NOK 212.40, up 1.5%, while the index is up 9 percent this year.\n\n\
        Okafor rushed for 131 yards on 19 carries, and Reyes was 17-of-22 passing for 204 yards. Lind won the \
        200 yard individual medley.\n\n\
        The club lost EUR 12 million last season.\n";
    let found = uncited(story, "sport.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`EUR 12 million`"), "{found:#?}");
}

#[test]
fn what_a_page_hides_or_styles_apart_is_read_as_shown() {
    let page = "<html><body><div style=\"display: none\"><span>0000123456</span> 2025-03-29 7,000 units</div>\
        <p class=\"date\"><span class=\"day\">18</span><span class=\"year\">2009</span></p>\
        <div class=\"post-views\"><span class=\"views\"> 184 </span></div>\
        <p>Leaders meet at COP28 in Dubai. Mohan won with 54% of the vote, and the town of 8,000 has 12 parks.</p>\
        <p>Water is H<sub>2</sub>O and 10<sup>6</sup> cells grew.</p></body></html>";
    let claims = texts(page, "p.html");
    assert_eq!(claims, ["18", "2009", "54%", "8,000", "12", "10^6"], "{claims:?}");
    let found = uncited(page, "p.html");
    assert!(found.iter().all(|f| !f.contains("54%")), "{found:#?}");
}

#[test]
fn an_instructions_measures_are_its_steps() {
    let recipe = "# Seed loaf\n\nPreheat the oven to 220°C. Add 350 grams of flour and 250 ml of warm water, then knead for \
        10 minutes. Bake at 200°C for 35 minutes and leave to cool for 1 hour.\n\n\
        Heat waves killed 1,400 people in the region in 2022, and cover crops now grow on 9,000 hectares.\n";
    let found = uncited(recipe, "loaf.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`1,400`") && found[0].contains("2 figures need one"),
        "{found:#?}"
    );
}

#[test]
fn a_raised_label_that_is_furniture_does_not_swallow_the_next_marker() {
    let page = "<html><body><p>The guild<sup class=\"noprint\"><a href=\"/about\">[src]</a></sup></p>\
        <p>The guild<sup id=\"cite_ref-g_2-0\" class=\"reference\"><a href=\"#cite_note-g-2\">&#91;2&#93;</a></sup> \
        trained 400 smiths.</p><ol class=\"references\"><li id=\"cite_note-g-1\">Charter.</li>\
        <li id=\"cite_note-g-2\">Guild roll.</li></ol></body></html>";
    let found = findings(page, "guild.html");
    let unused: Vec<_> = found
        .iter()
        .filter(|(rule, _)| rule == "footnote/unused")
        .collect();
    assert_eq!(unused.len(), 1, "{found:#?}");
    assert!(unused[0].1.contains("footnote 1 "), "{found:#?}");
    assert!(
        !found.iter().any(|(rule, _)| rule == "citation/missing"),
        "{found:#?}"
    );
}

#[test]
fn a_recipes_measures_are_its_own() {
    let recipe = "# Oat bars\n\n## Ingredients\n\n- 250 g oats\n- 120 ml honey\n- 2 tbsp butter\n- 1 cup raisins\n- 1 apple, cut in half\n\n\
        ## Method\n\nThe bars keep in a tin, 350 grams to a batch, and each bar holds about 190 kcal. Stir in half the oats, then cut the tray into 12 squares.\n\n\
        The town's bakery sold 4,000 bars last year.\n";
    let found = uncited(recipe, "bars.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`4,000`"), "{found:#?}");
    // Three items that measure something else make no recipe.
    let report = "# Harvest\n\n- 250 tonnes of oats\n- 120 tonnes of barley\n- 40 tonnes of rye\n";
    assert_eq!(uncited(report, "harvest.md").len(), 1);
    // A page marked up as a recipe by its hRecipe class: its nutrition card is its own too.
    let card = "<p>Per serving: cal. (kcal) 310, sodium (mg) 540, based on a 2,000 calorie diet.</p>\
                <p>Our town's fair sold 4,000 pies last year.</p><p>1/2 cup 2% milk<br/>2 cups flour</p>";
    let marked = format!("<html><body><div class=\"hrecipe\"><h1>Pie</h1>{card}</div></body></html>");
    let found = uncited(&marked, "pie.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`4,000`"), "{found:#?}");
    let plain = format!("<html><body><div class=\"story\"><h1>Pie</h1>{card}</div></body></html>");
    let found = uncited(&plain, "pie.html");
    assert!(found[0].contains("`310`"), "{found:#?}");
}

#[test]
fn the_limits_a_body_sets_need_no_source() {
    // What the ferry company allows is its own rule; what it carried is a claim.
    let text = "# Ferry help\n\nThe ramp takes pushchairs up to a width of 75cm and a length of 130cm, and cases no heavier than 32kg.\n\nThe ferry carried 140,000 wheelchair users in 2022.\n\nSee the [help page](https://example.org/help) for times.\n";
    let found = uncited(text, "ferry.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`140,000`"), "{found:#?}");
}

#[test]
fn a_speaker_named_before_is_the_source_of_what_he_or_she_said() {
    let page = "<html><body><article><p>Maria Lindqvist, the harbour master, spoke at the inquest on Monday.</p>\
        <p>She said that the firm had borrowed £30,000 from the port fund before the storm.</p>\
        <p>Some 40 percent of small boatyards close within five years.</p>\
        <p>Read the <a href=\"https://example.org/inquest\">inquest report</a>.</p></article></body></html>";
    let found = uncited(page, "inquest.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`40 percent`"), "{found:#?}");
}

#[test]
fn a_cards_reward_terms_need_no_source() {
    let card = "# The Harbour Rewards card\n\nEarn 60,000 bonus points after you spend $3,000 on purchases in the first 3 months from account opening. \
        That is worth $750 when you redeem for ferry tickets. A balance transfer costs either $5 or 4% of each transfer.\n\n\
        Card holders spent 28 percent more on travel in 2023 than in 2019.\n\n\
        See the [issuer](https://example.org/card) for the terms.\n";
    let found = uncited(card, "card.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`28 percent`"), "{found:#?}");
}

#[test]
fn a_structured_abstracts_results_are_its_own() {
    let page = "<html><body><h1>Ferry crossings and sea sickness</h1>\
        <h2>Background:</h2><p>About 30 percent of ferry passengers report nausea on rough crossings.</p>\
        <h2>Design:</h2><p>Cohort study of crossing records.</p>\
        <h2>Participants:</h2><p>Adult passengers on two routes.</p>\
        <h2>Results:</h2><p>The records covered 1.2 million crossings and 48,000 reports of nausea.</p>\
        <h2>Conclusion:</h2><p>Rough crossings double the risk.</p>\
        <h2>References</h2><p>See the <a href=\"https://example.org/ferries\">ferry board</a>.</p></body></html>";
    let found = uncited(page, "abstract.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`30 percent`"), "{found:#?}");
}

#[test]
fn a_rate_joined_by_hyphens_is_a_rate() {
    let text =
        "The $12-a-month ferry pass and the $150-per-year harbour permit replaced the $4 a day ticket.\n";
    let claims = parse_text(text, "rates.txt");
    let read: Vec<(&str, Option<&str>)> = claims.iter().map(|c| (c.text.as_str(), c.unit)).collect();
    assert_eq!(
        read,
        [
            ("$12-a-month", Some("USD/month")),
            ("$150-per-year", Some("USD/year")),
            ("$4 a day", Some("USD/day"))
        ]
    );
}

#[test]
fn model_numbers_after_a_product_name_are_no_figures() {
    let text = "# Gadgets\n\nShe traded her Lumora 12 for a Kestrel 900 and kept the Vantor Pro 4400M card. \
                The 3000 series stays in production. Sales of the Lumora 12 passed 2 million units in the spring.\n\n\
                ## Risk Before and After Age 65\n\n\
                In Ohio 27 schools closed. The Tarn 18 clubs, Velo 6-3, and the Coast 1790–1795 are figures. \
                The port took delivery of 40 cranes.\n";
    assert_eq!(
        texts(text, "gadgets.md"),
        ["2 million", "65", "27", "18", "6-3", "1790–1795", "40"]
    );
}

#[test]
fn postal_codes_by_their_shape_and_place_are_no_figures() {
    let text = "<html><body><p>Our office: 4410 113th Ave NE, Kirkland, WA, Seattle 98034-6944. \
                The branch is on Rue Haute, Liege, 40210, Belgium, and in Hokkaido 094-0011. \
                The depot shipped 40210 crates, and 2,300 tons left Ghent, 2020, Belgium.</p></body></html>";
    let found = texts(text, "office.html");
    for code in ["98034-6944", "98034", "4410", "094-0011", "094"] {
        assert!(!found.contains(&code.to_owned()), "{code} in {found:?}");
    }
    // Liege's code is no figure; the crates are a count.
    assert_eq!(found.iter().filter(|t| *t == "40210").count(), 1, "{found:?}");
    assert!(found.contains(&"2,300 tons".to_owned()));
    assert!(
        found.contains(&"2020".to_owned()),
        "a year between commas stays: {found:?}"
    );
}

#[test]
fn a_page_marked_up_as_a_recipe_is_one_without_ingredient_lists() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Plum cake"}</script>"#;
    let body = "<div class=\"ingredient\">250g plums</div><div class=\"ingredient\">120g butter</div>\
                <p>Heat oven to 180°C. Bake for 40 minutes, until golden.</p>";
    let page = format!("<html><head>{ld}</head><body><h1>Plum cake</h1>{body}</body></html>");
    assert!(
        uncited(&page, "cake.html").is_empty(),
        "{:?}",
        uncited(&page, "cake.html")
    );
    let plain = format!("<html><body><h1>Plum cake</h1>{body}</body></html>");
    assert!(!uncited(&plain, "cake.html").is_empty());
}

#[test]
fn a_page_counters_are_no_figures() {
    let page = "<html><body><article><h1>Plum cake</h1><div class=\"meta\">312 Ratings</div>\
                <div class=\"meta\">Viewed 14k times</div><div class=\"user\">2,480 3 gold badges 12 silver badges</div>\
                <p>The bakery sold 4,000 cakes last year.</p><p>12 reviewers tasted it.</p>\
                <p class=\"follow-count\">Join 8,750 other followers</p><p>Join 20 other bakeries.</p></article></body></html>";
    assert_eq!(texts(page, "cake.html"), ["4,000", "12", "20"]);
}

#[test]
fn a_list_named_by_its_size_and_addresses_by_a_compass_point_are_no_figures() {
    let text = "# Charts\n\nThe top 40 songs got shorter, while the top 1 percent of artists took 30 percent of plays. \
                The studio is at 118 W. Harbor Crest, Lindale, and its office in Pune - 411001. \
                The drop top 2019 coupe sold 300 units.\n";
    assert_eq!(
        texts(text, "charts.md"),
        ["1 percent", "30 percent", "2019", "300"]
    );
}

#[test]
fn emergency_numbers_are_no_figures() {
    let text = "# Outage\n\nDuring the storm nobody could make 911 calls, and a 999 operator in Leeds said she \
                took 112 calls an hour. Residents dialled 112 for help; 911 people lost power.\n";
    assert_eq!(texts(text, "outage.md"), ["112", "911"]);
}

#[test]
fn scores_and_tallies_written_high_first_need_no_source() {
    let text = "<html><body><p>The Harbour Hawks beat the Ridge 98-91 on Friday, their fifth straight win, \
                after leading 61-40 at the break. The committee backed the plan 7-2.</p>\
                <p>The club sold 12,000 season tickets.</p></body></html>";
    let found = uncited(text, "sport.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`12,000`"), "{found:#?}");
    assert!(!found[0].contains("98-91"), "{found:#?}");
}

#[test]
fn a_story_that_names_who_speaks_without_naming_them_attributes() {
    let text = "<html><body><p>Some 8,000 homes lost water, according to a group representing rural towns. \
                Revenue rose 14 percent, according to the company. Fares rose 9 percent, according to court documents.</p>\
                <p>It rained 40 mm, according to plan.</p><p>The town has 3,100 wells.</p></body></html>";
    let found = uncited(text, "water.html");
    let joined = found.join("\n");
    for sourced in ["8,000", "14 percent", "9 percent"] {
        assert!(!joined.contains(&format!("`{sourced}`")), "{sourced}: {found:#?}");
    }
    assert!(joined.contains("`3,100`"), "{found:#?}");
}

#[test]
fn cards_of_other_stories_and_links_to_the_next_story_are_no_part_of_the_article() {
    let page = "<html><body><article class=\"story\"><h1>Harbour dues</h1>\
                <p>The port raised its dues by 8 percent in May.</p></article>\
                <section class=\"c-card-group\"><article class=\"c-card\"><div class=\"c-card--content\">\
                <p class=\"c-card--body\">Will drivers demand $30 an hour next?</p></div></article></section>\
                <div class=\"story-next-prev\"><p class=\"row-excerpt\">The fastest ferry on the coast has 900 HP.</p></div>\
                <div class=\"row-recent\"><p>A tug of 40 tonnes was sold.</p></div>\
                </body></html>";
    assert_eq!(texts(page, "dues.html"), ["8 percent"]);
}

/// A JATS article of our own: `body` in a section, `refs` as the reference list, `back` after it.
fn jats_article(body: &str, refs: &str, back: &str) -> String {
    format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN" "JATS-journalpublishing1.dtd">
<article dtd-version="1.1" article-type="research-article"><front><article-meta><title-group><article-title>Tides</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>{body}</sec></body>
<back>{back}<ref-list>{refs}</ref-list></back></article>"#
    )
}

#[test]
fn jats_references_cited_by_a_range_in_entities_or_by_plain_author_and_year_are_cited() {
    let body = r#"<p>Tides rose (<italic><xref ref-type="bibr" rid="r1">1</xref>&#x2013;<xref ref-type="bibr" rid="r3">3</xref></italic>), as mapped in R (Harlow, B. and Quint, 2022) and first seen by Pell (1931).</p>"#;
    let refs = r#"<ref id="r1"><mixed-citation>Ames R. 2001. One.</mixed-citation></ref>
<ref id="r2"><mixed-citation>Bell T. 2002. Two.</mixed-citation></ref>
<ref id="r3"><mixed-citation>Cole J. 2003. Three.</mixed-citation></ref>
<ref id="r4"><mixed-citation>Harlow B, Quint U. <year>2022</year>. Circular statistics.</mixed-citation></ref>
<ref id="r5"><mixed-citation>Pell ED. <year>1931</year>. Tide tables.</mixed-citation></ref>
<ref id="r6"><mixed-citation>Pell ED. <year>1948</year>. More tables.</mixed-citation></ref>"#;
    let jats = jats_article(body, refs, "");
    assert_eq!(
        messages(&jats, "tides.xml", "footnote/unused"),
        ["footnote r6 is defined but never cited"]
    );
}

#[test]
fn jats_notes_about_the_authors_are_no_notes_to_cite() {
    let back = r#"<fn-group content-type="author-contribution"><fn fn-type="con" id="con1"><p>Wrote the paper.</p></fn></fn-group>
<fn-group content-type="ethics-information"><title>Ethics</title><fn fn-type="other" id="fn1"><p>Approved under protocol 2207-15.</p></fn></fn-group>
<fn-group><fn id="fn2"><p>A note nobody cites.</p></fn></fn-group>"#;
    let jats = jats_article("<p>Tides rose.</p>", "", back);
    assert_eq!(
        messages(&jats, "tides.xml", "footnote/unused"),
        ["footnote fn2 is defined but never cited"]
    );
}

#[test]
fn method_settings_catalogue_numbers_comparisons_and_rates_are_no_inconsistencies() {
    let body = "<p>Tides rose.</p></sec><sec><title>Materials and methods</title><p>Neurons were driven at 150% of rheobase. RNA was kept in buffer (Harbourline Biotech, 5067-1511) \
                and kits (Tidewell, 74104). We counted 1369 genes, of which 1212 were the same genes as the 1338 genes of \
                the first study. The library of 113,002 clones was split between 12 pools (about 10,000 clones per pool).</p>";
    let jats = jats_article(body, "", "");
    let found: Vec<(String, String)> = findings(&jats, "tides.xml")
        .into_iter()
        .filter(|(rule, _)| rule.starts_with("consistency/"))
        .collect();
    assert_eq!(found, Vec::<(String, String)>::new());
    let claims = texts(&jats, "tides.xml");
    assert!(
        !claims.iter().any(|c| c.contains("5067") || c.contains("74104")),
        "{claims:?}"
    );
}

#[test]
fn a_method_that_mines_the_literature_and_a_sample_size_are_the_articles_own() {
    let body = r#"<p>Tides rose (<xref ref-type="bibr" rid="r1">1</xref>).</p></sec>
<sec><title>Materials and methods</title><sec><title>Mining tide gauges and the marine literature</title>
<p>A total of 5477 abstracts named a gauge.</p></sec></sec>
<sec><title>Discussion</title><p>Our study has two strengths. Gauges were read across a large network (N = 5000) over a decade.</p>
<p>Storm surges cost ports 12 percent of their revenue.</p>"#;
    let refs = r#"<ref id="r1"><mixed-citation>Ames R. 2001. Tides.</mixed-citation></ref>"#;
    let jats = jats_article(body, refs, "");
    let found = messages(&jats, "tides.xml", "citation/missing");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`12 percent`"), "{found:#?}");
}

#[test]
fn a_press_release_states_its_issuers_own_figures() {
    let release = "<html><body><article><h1>Harbourline reports ferry data</h1>\
                   <p>Portsmouth, NH – Harbourline today said its ferries carried 14% more riders in 2023.</p>\
                   <p>The Harbourline data team reviewed 2 million trips; 38% were commuters.</p>\
                   <h2>About Harbourline</h2><p>Harbourline runs ferries on the coast.</p></article></body></html>";
    assert!(
        uncited(release, "release.html").is_empty(),
        "{:?}",
        uncited(release, "release.html")
    );
    // A story with a dateline but no block about an issuer is no release.
    let story = "<html><body><article><h1>Ferries</h1>\
                 <p>PORTSMOUTH, N.H. (AP) – Ferries carried 14% more riders in 2023.</p>\
                 <p>Some 38% were commuters.</p></article></body></html>";
    assert!(!uncited(story, "story.html").is_empty());
}

#[test]
fn price_lists_and_a_tax_credits_amount_need_no_source() {
    let page = "<html><body><article><h1>Harbour concert</h1><p>Tickets go on sale in May.</p>\
                <p>Front row : 90,000₩<br>Stalls : 60,000₩<br>Balcony : 40,000₩</p>\
                <p>Buyers of the electric ferry get a $7,500 federal tax credit.</p>\
                <p>Revenue: $4 million<br>Costs: $3 million</p>\
                <p>The hall sold 12,000 seats last year.</p></article></body></html>";
    let found = uncited(page, "concert.html").join("\n");
    for offered in ["90,000₩", "60,000₩", "40,000₩", "$7,500"] {
        assert!(!found.contains(&format!("`{offered}`")), "{offered}: {found}");
    }
    // The page cites nothing: one finding, the key figures and the count its three places.
    assert!(
        found.contains("`$4 million`") && found.contains("3 figures need one"),
        "{found}"
    );
}

#[test]
fn readers_comments_and_promotions_are_no_part_of_the_article() {
    let comment = "I have sailed these waters for years and the dues were always too high for small boats, \
                   so a rise of 30 percent would not surprise anyone who keeps a mooring here. The \
                   council should look at what the marinas up the coast charge before it decides.";
    let page = format!(
        "<html><body><article><h1>Harbour dues</h1>\
         <p>The port raised its dues by 8 percent in May.</p></article>\
         <div class=\"promo\"><h3>Study with us</h3><div class=\"promo-body\"><p>Our low fees let \
         seven in 10 of our students finish without debt, and we have taught sailors since the \
         old harbour opened its first school for pilots and their apprentices.</p></div></div>\
         <ol class=\"commentlist\"><li class=\"comment\"><p>{comment}</p></li></ol>\
         <ul id=\"commentsList\"><li><div class=\"commentPost\"><p>{comment} Maybe 40 percent.</p></div></li></ul>\
         <div class=\"has-comments\"><p>The harbour master expects 1,200 visiting yachts.</p></div>\
         </body></html>"
    );
    assert_eq!(texts(&page, "dues.html"), ["8 percent", "1,200"]);
}

#[test]
fn conversions_of_a_change_of_temperature_and_of_long_figures_agree() {
    let agreeing = "Planners aim to hold the warming of the lake to 3.6 degrees Fahrenheit (2 degrees Celsius).\n\n\
                    The comet's closest approach is 128,400,000 miles (206,600,000 km), and its farthest \
                    point 154,900,000 miles (249,200,000 km).\n\n\
                    The probe flew 141,633,260 miles (227,936,640 km) in all.\n";
    assert_eq!(consistency_rules(agreeing, "lake.txt"), Vec::<String>::new());
    // One temperature is converted with its offset, and a round figure stays near its place.
    let wrong = "On the quay it was 20 °C (36 °F) at noon.\n\n\
                 The summit stands 8,000 metres (about 20,000 feet) above the valley floor.\n\n\
                 The probe flew 141,633,260 miles (227,936,900 km) in all.\n";
    assert_eq!(
        consistency_rules(wrong, "quay.txt"),
        [
            "consistency/conversion",
            "consistency/conversion",
            "consistency/conversion"
        ]
    );
}

#[test]
fn years_counted_within_a_period_are_not_its_length() {
    let text = "Between 1998 and 2010 there were only two years in which the ferry ran at a loss.\n\n\
                From 2001 to 2009 came three years when the harbour froze.\n\n\
                The two-year plan ran from 2001 to 2009.\n";
    let found: Vec<String> = messages(text, "ferry.txt", "consistency/duration");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("2001 to 2009"), "{found:#?}");
}

#[test]
fn a_conversion_is_the_figure_before_it_said_again() {
    let text =
        "The crater is about 370 miles (600 km) wide.\n\nIts rim rises 2,000 feet.\n\nSomeone says 40 km.\n";
    let found = uncited(text, "crater.txt");
    let joined = found.join("\n");
    assert!(joined.contains("`370 miles`"), "{found:#?}");
    assert!(!joined.contains("`600 km`"), "{found:#?}");
}

#[test]
fn a_body_named_by_its_acronym_that_has_reported_is_a_source() {
    let page = "<html><body><p>The fever spread along the coast, and the clinics hired 4,000 nurses.</p>\
                <ul><li>Boats were kept in harbour.</li></ul>\
                <p>The Coastal Health Agency (WHO) has reported a total of 1,980 cases and 93 deaths.</p>\
                <p>See <a href=\"https://example.org/fever\">the agency's page</a>.</p></body></html>";
    let found = uncited(page, "fever.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`4,000`"), "{found:#?}");
}

#[test]
fn a_places_size_in_a_compound_is_its_description() {
    let text = "<html><body><p>The architect's 9,000-square-foot house sits on nine acres, beside a 200-seat hall \
                and a 40-bedroom inn.</p><p>The town sold 8,000 permits last year.</p>\
                <p>Overall, this sample of harbours saw a 30% rise in visits.</p>\
                <p>See <a href=\"https://example.org/town\">the town's page</a>.</p></body></html>";
    let found = uncited(text, "house.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`8,000`"), "{found:#?}");
}

/// The `consistency/restated` findings on a document.
fn restatements(text: &str, name: &str) -> usize {
    findings(text, name)
        .into_iter()
        .filter(|(rule, _)| rule == "consistency/restated")
        .count()
}

#[test]
fn a_half_year_and_a_quarter_ending_on_one_day_are_two_figures() {
    // Both end on one date, so their time is one; their lengths differ.
    let periods = "# Results\n\nDuring the six months ended March 31, 2026, the Group recorded restructuring charges of $212 million.\n\n\
                   During the three months ended March 31, 2026, the Group recorded restructuring charges of $95 million.\n";
    assert_eq!(restatements(periods, "q.md"), 0);
    // An adjusted figure and a reported one are two figures.
    let basis = "# Results\n\nIn the first quarter of 2026, adjusted pre-tax income from the ferry business was $1.4 billion.\n\n\
                 In the first quarter of 2026, pre-tax income from the ferry business was $1.1 billion, the Group said.\n";
    assert_eq!(restatements(basis, "q.md"), 0);
    // "$640 million" and "$640" where the notes are in millions: one figure at two scales.
    let scales = "# Notes\n\nIn 2025 the fleet's repair charges were $640 million, mostly for hulls.\n\n\
                  In 2025 the fleet's repair charges were $640, mostly for hulls (in millions).\n";
    assert_eq!(restatements(scales, "q.md"), 0);
    // One subject at one time given three values is a measure of three things.
    let crowded = "# Shares\n\nAt June 30, 2026, the trust bought 400 shares of the fund.\n\n\
                   At June 30, 2026, the trust sold 90 shares of the fund.\n\n\
                   At June 30, 2026, the trust held 1,300 shares of the fund.\n";
    assert_eq!(restatements(crowded, "q.md"), 0);
    // The same figure stated twice for one period still disagrees with itself.
    let restated = "# Results\n\nDuring the six months ended March 31, 2026, the Group recorded restructuring charges of $212 million.\n\n\
                    The Group recorded restructuring charges of $250 million during the six months ended March 31, 2026.\n";
    assert_eq!(restatements(restated, "q.md"), 1);
}

#[test]
fn a_time_is_no_subject() {
    let claims = parse_text(
        "Ferry revenue was $41 million for the six months ended June 30, 2026, and $19 million for the second quarter.",
        "t.txt",
    );
    let subjects: Vec<Option<&str>> = claims
        .iter()
        .filter(|c| c.text.starts_with('$'))
        .map(|c| c.subject.as_deref())
        .collect();
    assert_eq!(subjects, [None, None]);
}

#[test]
fn a_filing_cover_broken_over_lines_is_still_a_filing() {
    let page = "<html><body><p>UNITED STATES</p><p>SECURITIES\nAND EXCHANGE COMMISSION</p>\
                <p>Washington, D.C. 20549</p><p>FORM\n8-K</p><p>CURRENT REPORT</p>\
                <p>Harbour Ferries, Inc., 12 Quay Street, Lexington, Kentucky 40507, and Louisville, Ky. 40232; \
                Miami, FL , 33101</p>\
                <p>Item 5.02. The Company agreed to pay its new treasurer an annual base salary of $310,000 and a \
                signing award of $40,000, which vests as to one-third on each anniversary.</p></body></html>";
    assert_eq!(uncited(page, "8k.html"), Vec::<String>::new());
    let texts = texts(page, "8k.html");
    for code in ["20549", "40507", "40232", "33101"] {
        assert!(!texts.iter().any(|t| t == code), "{texts:?}");
    }
}

#[test]
fn a_model_number_is_no_count() {
    let texts = texts(
        "At year end the 787 program held deferred costs of $9 billion. The 2018 model sold well. The 300 programs cost more.",
        "t.txt",
    );
    assert_eq!(texts, ["$9 billion", "2018", "300"]);
}

#[test]
fn money_whose_scale_was_lost_is_no_wrong_sum() {
    // "million" after the last figure was carried past a page break.
    let change = "Deferred revenue increased $207 million from $1,520 million as of December 31, 2025 to $1,727\n\n8\n\nmillion as of June 30, 2026.\n";
    assert_eq!(consistency_rules(change, "t.txt"), Vec::<String>::new());
    // A list whose last part stands past a long clause may go on: no breakdown is read.
    let list = "As of June 30, 2026, the Company had $20.0 billion of obligations comprised of $4.0 billion included in \
                \"Current ferry liabilities\" and $1.5 billion of \"Non-current ferry liabilities\" on the Consolidated Balance Sheets \
                and $14.5 billion of obligations that are not reflected on the balance sheets.\n";
    assert_eq!(consistency_rules(list, "t.txt"), Vec::<String>::new());
    // Notes redeemed at a price above their principal.
    let price =
        "The Company may redeem the notes at a price equal to 101% of the principal plus accrued interest.\n";
    assert_eq!(consistency_rules(price, "t.txt"), Vec::<String>::new());
}

#[test]
fn a_books_catalogue_line_and_an_engines_size_need_no_source() {
    let page = "<html><body><p>The harbour pilot's memoir is a gentle read.</p>\
                <p>Quayside Press, 312 pp., $18.99; ages 9-12</p>\
                <p>Tidewater Books, $15.50; ages 4 and up</p>\
                <p>A 650cc twin is plenty for a new rider, and classes of 400 to 900cc sold best.</p>\
                <p>Ferry fares rose 12% last year.</p>\
                <p>See <a href=\"https://example.org/fares\">the fares page</a>.</p></body></html>";
    let found = uncited(page, "books.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`12%`"), "{found:#?}");
}

#[test]
fn what_a_guide_tells_the_reader_to_expect_is_their_case() {
    let text = "<html><body><p>Kayaks vary. For a first boat you can expect to pay $700 to $1,100, and you'll probably \
                spend $150 on a paddle.</p><p>Sales of kayaks rose 18% in 2025.</p>\
                <p>See <a href=\"https://example.org/kayaks\">the guide</a>.</p></body></html>";
    let found = uncited(text, "kayak.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`18%`"), "{found:#?}");
}

#[test]
fn a_bill_reported_on_is_the_source_of_its_amounts() {
    let text = "<html><body><p>The harbour board will get $2.1 billion for 2026 under the terms of a spending bill \
                passed on Friday.</p><p>Dredging received $310 million in the bill.</p>\
                <p>The bill includes $95 million for pilots and $12 million for buoys.</p>\
                <p>Ferry use rose 7% last year.</p>\
                <p>See <a href=\"https://example.org/board\">the board</a>.</p></body></html>";
    let found = uncited(text, "bill.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`7%`"), "{found:#?}");
}

#[test]
fn a_half_after_an_article_and_a_mixed_length_of_time() {
    let claims = parse_text(
        "The port earns more than a half a billion dollars a year.",
        "t.txt",
    );
    let values: Vec<(&str, Option<String>)> = claims
        .iter()
        .map(|c| (c.text.as_str(), c.value.map(|v| v.to_string())))
        .collect();
    assert_eq!(
        values,
        [("a half a billion dollars a year", Some("500000000".to_owned()))]
    );
    assert_eq!(
        texts(
            "She spent a year and a half of her life on the boat, and a cup and a half of flour.",
            "t.txt"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_figure_expected_or_cited_by_a_named_body_has_its_source() {
    let text = "<html><body><p>More than 9 million people are expected by the Harbour Board to take a ferry this summer.</p>\
                <p>That is above the 8 million figure Mayor Quill cited last week.</p>\
                <p>Ferry fares rose 4% last year.</p>\
                <p>See <a href=\"https://example.org/fares\">the fares page</a>.</p></body></html>";
    let found = uncited(text, "ferry.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`4%`"), "{found:#?}");
}

#[test]
fn working_told_in_words_a_court_bond_and_emphasis_need_no_source() {
    let text = "<html><body><p>The haul was worth $2.6 billion. Once you divide that by 52 weeks, it comes to about $50 million a week.</p>\
                <p>The two captains were released on condition that each post $75,000 bond.</p>\
                <p>The skipper could face up to five years in prison and have to pay $250,000.</p>\
                <p>\"I am 100 percent sure of the course,\" the pilot said of the crossing.</p>\
                <p>See <a href=\"https://example.org/haul\">the court filing</a>.</p></body></html>";
    let found = uncited(text, "haul.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`$2.6 billion`"), "{found:#?}");
}

#[test]
fn a_post_that_models_its_own_scenarios_states_their_results_in_any_tense() {
    let text = "# A harbour dividend\n\nToday one in six harbour workers lives in poverty.\n\n\
                I modeled how a dividend paid from harbour dues changes poverty, using the 2024 dock survey.\n\n\
                The £40 dividend costs £3bn a year, and the four reforms together add £9bn to the deficit.\n\n\
                The dues reform accounts for about two-thirds of the revenue.\n\n\
                The results show that poverty falls 30 percent.\n\n\
                [^a]: The code behind these analyses is on the project's site.\n";
    let found = uncited(text, "dividend.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`one in six`"), "{found:#?}");
}

#[test]
fn a_supposed_case_runs_on_through_its_paragraph() {
    let text = "# Cliffs\n\nThe grant ends above a county threshold. The county's median pay is $61,000.\n\n\
                Now suppose Robin is offered a job that pays 10% more. At $72,000, Robin passes the $70,000 threshold and loses the $9,000 grant.\n\n\
                The town was supposed to grow, but it lost 400 residents.\n\n\
                See [the county](https://example.org/county).\n";
    let found = uncited(text, "cliff.md").join("\n");
    assert!(found.contains("`$61,000`") && found.contains("`400`"), "{found}");
    for supposed in ["`$72,000`", "`$70,000`", "`$9,000`", "`10%`"] {
        assert!(!found.contains(supposed), "{found}");
    }
}

#[test]
fn the_sentences_after_a_cited_finding_go_on_with_its_results() {
    let text = "# Harbours\n\nA recent review of harbour towns showed that habits cluster early.[^1] Typically, about half of the towns \
                fall into a thriving group. Only 12 percent decline.\n\n\
                All 4,200 incidents reported in the decade were logged.[^2] Of these, 900 were thefts.\n\n\
                [^1]: Ames, Harbour towns, 2021.\n[^2]: Port register, 2020.\n";
    let found = uncited(text, "towns.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`900`"), "{found:#?}");
}

#[test]
fn money_in_another_currency_and_a_rated_range_follow_their_figure() {
    let text = "<html><body><p>Pricing will start at 61,200 euro ($67,500), the maker says.</p>\
                <p>The ferry cost €48,000 ($52,900) to refit.</p>\
                <p>Top speed is an electronically limited 30 knots, and the larger model is rated for up to 310 miles.</p>\
                <p>A new berth costs about $9 billion, or US$2 million per crane.</p>\
                <p>See <a href=\"https://example.org/yard\">the yard</a>.</p></body></html>";
    let found = uncited(text, "ferry.html");
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found[0].contains("`€48,000`"), "{found:#?}");
    // A rate after ", or" restates nothing.
    assert!(found[2].contains("`US$2 million`"), "{found:#?}");
}

#[test]
fn the_threshold_of_a_discount_is_part_of_the_offer() {
    let text = "<html><body><p>Try these offers with your customers:</p>\
                <p>Free shipping if they spend $40 or more<br />15% off orders of $90 or more<br />$10 off a $150 purchase</p>\
                <p>Online sales of kayaks reached $3 billion last year.</p>\
                <p>See <a href=\"https://example.org/shop\">the shop</a>.</p></body></html>";
    let found = uncited(text, "shop.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`$3 billion`"), "{found:#?}");
}

#[test]
fn a_figure_said_again_is_found_once() {
    // The second "$7 million" names the same sum; the later 318s are the same count; an
    // example's sum said again is still the example's.
    let text = "# Dredging\n\nThe harbour board spent $7 million on dredging. That $7 million came from the port levy.\n\n\
                The pilots logged 318 night arrivals, 318 more than planned.\n\n\
                Let's say a town borrows $12 million for a quay. That $12 million is repaid over ten years.\n\n\
                See [the board](https://example.org/board).\n";
    let found = uncited(text, "dredging.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("`$7 million`"), "{found:#?}");
    assert!(found[1].contains("`318`"), "{found:#?}");
}

#[test]
fn a_repeated_sum_of_another_year_is_its_own_figure() {
    let text = "# Grants\n\nThe bridge repair costs $4.5 million. Ferry subsidies have been fixed at $4.5 million since 1998.\n\n\
                See [the budget](https://example.org/budget).\n";
    assert_eq!(uncited(text, "grants.md").len(), 2);
}

#[test]
fn brackets_fees_and_our_own_counts_need_no_source() {
    let text = "# Ferry fund\n\nDonations are grouped by size:\n\n- $100 and under\n- $100.01 - $250\n- $1,000 +\n\n\
                Fee: free for residents; $15 for visitors and $20 at the gate.\n\n\
                Our 212 volunteers run the kiosk. Rowing clubs raised $2 million in 2023.\n\n\
                Read [the club news](https://example.org/clubs).\n";
    let found = uncited(text, "fund.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`$2 million`"), "{found:#?}");
}

#[test]
fn numbers_that_name_or_say_many_are_no_figures() {
    // A standard complied with, a vanity phone number, plural round numbers, a decade of no
    // named century; a year bounded by "since at least" is a year.
    let text = "The forms are 508 compliant and the palette is built for 508 compatibility at the launchBoats(40); day. Call 1-800-BOAT-HIRE \
                today. Crews scanned 100s of logbooks and 1000s of charts from the 80s. Records go back since at least 1962.";
    let claims = parse_text(text, "names.txt");
    let seen: Vec<(&str, &str)> = claims.iter().map(|c| (c.text.as_str(), c.kind.name())).collect();
    assert_eq!(seen, [("1962", "year")], "{seen:?}");
}

#[test]
fn a_reading_list_is_no_note_list() {
    // A bulleted reading list is not numbered notes, and a title's opening quote glued to a
    // number is no marker.
    let markdown = "# Boats\n\nRowing is popular.\n\n## Further reading\n\n- Ames, R. (2001) \"Oars\" Boat Weekly.\n\
                    - Bell, T. (2014)\"7 knots to know\" Sail Monthly, May 2, 2014.\n- Cole, J. (2019) \"Hulls\".\n";
    let diagnostics = common::check_text(markdown, "boats.md");
    let rules: Vec<&str> = diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(!rules.iter().any(|r| r.starts_with("footnote/")), "{rules:?}");
}

#[test]
fn shares_that_split_a_whole_are_no_backward_range() {
    let text = "Traffic splits about 90% to 10% between domestic and foreign visits, and engineers cite an 80-20 rule. \
                Heights ran 40% to 30% lower.";
    let diagnostics = common::check_text(text, "split.txt");
    let ranges: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.rule == "consistency/range-order")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(ranges.len(), 1, "{ranges:?}");
    assert!(ranges[0].contains("40% to 30%"), "{ranges:?}");
}

#[test]
fn a_list_told_in_the_authors_voice_is_their_own_results() {
    let text = "# Auction notes\n\nFirst, the numbers.\n\n- We ran four auctions.\n- The lowest bid was $310 and the highest $845.\n\n\
                Elsewhere:\n\n- The lowest regional bid was $1,250.\n- Harbour auctions averaged $2,900.\n\n\
                See [the harbour board](https://example.org/board).\n";
    let found = uncited(text, "auctions.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("`$1,250`"), "{found:#?}");
}

#[test]
fn working_across_sentences_dimensions_and_code_need_no_source() {
    // 2.35 million less 0.40 million is the 1.95 million after; tiles are 512 x 512; the
    // brackets in a component's attribute are code, not notes.
    let markdown = "# Reserve\n\nThe dam was allotted 2.35 million credits and set aside 0.40 million of them. \
                    When it failed, the reserve lost a net 1.95 million credits.\n\n\
                    Map tiles are typically 512 x 512 pixels.\n\n<Table columns={[3]} />\n\n\
                    The reserve held 7.2 million credits in 2022.\n\nSee [the registry](https://example.org/registry).\n";
    let diagnostics = common::check_text(markdown, "reserve.md");
    let found: Vec<(&str, &str)> = diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found.iter().all(|(rule, message)| *rule == "citation/missing"
            && !message.contains("1.95")
            && !message.contains("512")),
        "{found:#?}"
    );
}

#[test]
fn emphasis_and_an_attribution_around_an_aside() {
    // "suits you 100%" is emphasis; the council — named before an aside set off by dashes — is
    // the source of its own spending.
    let text = "<html><body><p>Pick a harbour that suits you 100%.</p>\
                <p>Officials in Tern County — where the old quay stands — announced that they spent $4 million on cranes.</p>\
                <p>Boat sales fell 6 percent.</p><p>See <a href=\"https://example.org/quay\">the quay</a>.</p></body></html>";
    let found = uncited(text, "quay.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`6 percent`"), "{found:#?}");
}

#[test]
fn a_quotation_its_speaker_introduces_is_attributed() {
    let text = "<html><body><p>The harbour was \"overbuilt,\" Marsh said. Among the signs she listed:</p>\
                <blockquote><p>Berths rose from 40 percent to 65 percent of the shoreline.</p>\
                <p>Dredging averaged 2.3 metres a year.</p></blockquote>\
                <p>Ferry traffic fell 12 percent.</p><p>See <a href=\"https://example.org/h\">the harbour</a>.</p></body></html>";
    let found = uncited(text, "harbour.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`12 percent`"), "{found:#?}");
}

#[test]
fn registration_numbers_addresses_bases_and_closing_values_need_no_source() {
    let text = "<html><body><p>Kestrel Media, 410 W Harbor RD, is registered under company number 07311842.</p>\
                <p>The survey shows three out of every 100 pupils walked to school.</p>\
                <p>At the market close Friday its market value was $81 billion, just behind a rival's $84 billion.</p>\
                <p>Tolls raised $6 million.</p><p>See <a href=\"https://example.org/k\">Kestrel</a>.</p></body></html>";
    let found = uncited(text, "kestrel.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`$6 million`"), "{found:#?}");
}

#[test]
fn sides_in_one_unit_joined_by_by_are_a_size() {
    let text = "<html><body><p>The sail measures 14 metres by 9 metres, and the screen is 1200 pixels by 800 pixels.</p>\
                <p>Sail makers grew 7 percent by 2024.</p><p>See <a href=\"https://example.org/s\">sails</a>.</p></body></html>";
    let found = uncited(text, "sail.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`7 percent`"), "{found:#?}");
}

#[test]
fn a_case_worked_through_stays_an_example() {
    // The list after "Consider a …:" holds the case's amounts; "this household" names it again.
    let text = "# Ferry credits\n\nConsider a deckhand with one child who earns $18 an hour. Her income is $39,400 a year:\n\n\
                - $36,000 in wages\n- $3,400 in credits\n\n\
                The credit ends at $40,000, so this household loses $3,400 with a raise of $700.\n\n\
                Ferry fares rose 9 percent in 2023.\n\nSee [the fares](https://example.org/fares).\n";
    let found = uncited(text, "credits.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`9 percent`"), "{found:#?}");
}

#[test]
fn a_readers_comment_text_is_not_the_article() {
    let text = "<html><body><article><p>Dock fees rose 4 percent this spring.</p></article>\
                <div class=\"visitors_comment_content\"><p>The port is about 25% of the town's jobs.</p></div>\
                <div class=\"live-match-comment-body\"><p>The home side won 61% of its duels.</p></div>\
                <p>Join over 900 readers who get our tide tables every week.</p>\
                <p>See <a href=\"https://example.org/d\">the docks</a>.</p></body></html>";
    let found = uncited(text, "docks.html");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].contains("`4 percent`") && found[1].contains("`61%`"),
        "{found:#?}"
    );
}

#[test]
fn a_notes_list_with_a_divider_inside_holds_every_note() {
    // A blog plugin's notes: a divider `<div>` opens and closes inside the notes `<div>`.
    let page = "<html><body><p>Hand axes spread 1.7 million years ago<sup class=\"footnote\"><a href=\"#fn-7-1\" id=\"fnref-7-1\">1</a></sup> \
                and blades came much later<sup class=\"footnote\"><a href=\"#fn-7-2\" id=\"fnref-7-2\">2</a></sup>.</p>\
                <div class=\"footnotes\" id=\"footnotes-7\"><div class=\"footnotedivider\"></div><ol>\
                <li id=\"fn-7-1\">Moss, Stone tools, 2011, p. 13 <a href=\"#fnref-7-1\">back</a></li>\
                <li id=\"fn-7-2\">Reed, Flint, 1991, p. 147 <a href=\"#fnref-7-2\">back</a></li></ol></div></body></html>";
    assert_eq!(footnote_rules(page, "tools.html"), Vec::<String>::new());
    assert!(uncited(page, "tools.html").is_empty());
}

#[test]
fn paragraphs_that_open_with_a_cited_marker_are_its_notes() {
    // Notes written after a rule as paragraphs that open with their raised marker.
    let page = "<html><body><p>The league won 14 of 20 towns.<sup>[i]</sup> Turnout was 48 percent.<sup>[ii]</sup></p>\
                <hr/><p><sup>[i]</sup> Its partners ran against it in two towns.</p>\
                <p><sup>[ii]</sup> A record low for a local vote since 2002.</p></body></html>";
    assert_eq!(footnote_rules(page, "towns.html"), Vec::<String>::new());
    assert!(uncited(page, "towns.html").is_empty());
    // The notes hold no claims of the text.
    assert_eq!(texts(page, "towns.html"), ["14", "20", "48 percent"]);
}

#[test]
fn a_numbered_list_that_runs_to_every_cited_number_is_the_notes() {
    // The references list's heading is in no words claimlint knows; its entries are numbered.
    let page = "<html><body><p>The choir sold 40,000 records<sup>[1]</sup> and won 3 prizes<sup>[2]</sup> in 2012<sup>[3]</sup>.</p>\
                <dl><dt>Quellen</dt><dd><ul><li>1. Harbour Gazette, 2014</li><li>2. Music Weekly, 2013</li>\
                <li>3. Radio North, 2012</li></ul></dd></dl></body></html>";
    assert_eq!(footnote_rules(page, "choir.html"), Vec::<String>::new());
    assert!(uncited(page, "choir.html").is_empty());
    // A list shorter than the highest number cited is no notes list.
    let short = page.replace("<li>3. Radio North, 2012</li>", "");
    assert_eq!(footnote_rules(&short, "choir.html"), ["footnote/undefined"; 3]);
}

#[test]
fn a_height_in_feet_and_inches_is_one_length() {
    let text = "The rookie guarded a 7-foot-3 centre and a 6-foot-10 forward; the 5-foot-2-inch guard sat.";
    let claims = parse_text(text, "court.txt");
    let seen: Vec<(&str, String, Option<&str>)> = claims
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                c.value.map(|v| v.to_string()).unwrap_or_default(),
                c.unit,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("7-foot-3", "87".to_owned(), Some("in")),
            ("6-foot-10", "82".to_owned(), Some("in")),
            ("5-foot-2-inch", "62".to_owned(), Some("in")),
        ]
    );
    assert_eq!(consistency_rules(text, "court.txt"), Vec::<String>::new());
}

#[test]
fn a_recipes_nutrition_rows_are_its_own() {
    let page = "<html><body><h1>Baked rice</h1><ul><li>250 g rice</li><li>2 tablespoons oil</li><li>500 ml water</li></ul>\
                <h2>Nutrition</h2><ul><li>Energy 640 (Kcal)</li><li>Protein 21 (g)</li></ul>\
                <p>Rice prices rose 12 percent last year.</p><p>See <a href=\"https://example.org/r\">our shop</a>.</p></body></html>";
    let found = uncited(page, "rice.html");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`12 percent`"), "{found:#?}");
}

#[test]
fn a_page_in_several_languages_is_read_as_the_one_it_declares() {
    // German first, then the same appeal in English: the German words outnumber the English.
    let german = "<p>Wir sind die Menschen in der Stadt, und wir wollen nicht mehr warten, bis die Politik sich \
                  auch um uns kümmert. Es ist nicht zu spät, und wir sind viele, die das sagen, und wir werden \
                  auch morgen wieder auf der Straße sein, weil es um uns alle geht und nicht nur um die wenigen.</p>";
    let english = "<p>We are the people of the city, and we will not wait any longer for the politicians to care \
                   for us. It is not too late, and there are many of us who say so, and we will be on the street \
                   again tomorrow, because it is about all of us and not only about the few. The city lost 40% of \
                   its jobs.</p>";
    let page = format!(
        "<html lang=\"de-DE\"><body>{}{english}<p>See <a href=\"https://example.org/x\">this</a>.</p></body></html>",
        german.repeat(3)
    );
    let rules: Vec<String> = findings(&page, "appeal.html")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(rules, ["input/language"]);
    // Declared English, the same page is English.
    let declared_english = page.replace("de-DE", "en");
    let rules: Vec<String> = findings(&declared_english, "appeal.html")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert_eq!(rules, ["citation/missing"]);
}

#[test]
fn a_number_that_is_a_links_text_is_a_citation_not_a_marker() {
    let markdown = "# Modulo\n\nFloored division is older than truncation[[1]](https://example.org/paper), and both \
                    are common \\[[2][survey]\\].\n\n[survey]: https://example.org/survey\n";
    assert_eq!(footnote_rules(markdown, "modulo.md"), Vec::<String>::new());
    // A bracketed number with no link is still a marker to define.
    let bare = "# Modulo\n\nFloored division is older than truncation [1].\n";
    assert_eq!(footnote_rules(bare, "modulo.md"), ["footnote/undefined"]);
}

#[test]
fn a_paragraph_that_opens_with_a_raised_marker_is_its_note() {
    let markdown = "# Bounds\n\nOnly a few types carry bounds¹, and those are old.\n\n```rust\nlet x = 1;\n```\n\n\
                    ¹ For example the `Cow` type; most put them on the impl.\n";
    assert_eq!(footnote_rules(markdown, "bounds.md"), Vec::<String>::new());
}

#[test]
fn a_value_glued_after_a_keys_colon_is_no_marker() {
    let markdown = "# Ranking\n\nThe search weighs three scores:\n\n* score-effect:14: how much scores count, \
                    15.3 by default\n* quality-weight:1: the weight of quality, 1.95 by default\n";
    assert_eq!(footnote_rules(markdown, "ranking.md"), Vec::<String>::new());
}

#[test]
fn the_two_ends_of_a_change_are_no_backward_range() {
    let text = "Building as a library is 13% smaller (15MB to 13MB). \
                The flag reduced build units from 1900 to 1500. Heights ran 40% to 30% lower.";
    let ranges = messages(text, "build.txt", "consistency/range-order");
    assert_eq!(ranges.len(), 1, "{ranges:?}");
    assert!(ranges[0].contains("40% to 30%"), "{ranges:?}");
}

#[test]
fn an_rfc_process_header_makes_a_specification() {
    let markdown = "- Feature Name: `quiet_mode`\n- Start Date: 2024-03-01\n- RFC PR: [tools#12](https://example.org/12)\n\n\
                    ## Summary\n\nA quiet mode that prints at most 20 lines.\n";
    let roles = roles(markdown, "0012-quiet.md");
    assert_eq!(
        roles,
        [
            ("2024-03-01".to_owned(), Some("specification")),
            ("20".to_owned(), Some("specification"))
        ]
    );
}

#[test]
fn a_numbered_cross_reference_and_a_shown_link_definition_are_no_markers() {
    // "[[2]](#two)" points at a part of the page; "[3]: url" repeated is shown as text.
    let markdown = "# Plan\n\nThe plan has two steps:\n\n1. Build the dock.\n2. Paint it.\n\n\
                    The second step \\[[2](#two)\\] comes last.\n\nSee the [notes][3].\n\n\
                    [3]: https://example.org/notes\n[3]: https://example.org/other\n";
    assert_eq!(footnote_rules(markdown, "plan.md"), Vec::<String>::new());
}

#[test]
fn a_list_introduced_in_the_authors_voice_is_their_own() {
    let markdown = "# Survey\n\nWe asked our members what keeps them from racing, and got clear answers:\n\n\
                    - 1 in 4: the cost of a boat\n- 1 in 9: the distance to a club\n\n\
                    Elsewhere, dinghy sales rose 12 percent last year:\n\n- 40% of them were second-hand\n\n\
                    See [the club](https://example.org/club).\n";
    let found = uncited(markdown, "survey.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].contains("`12 percent`") && found[1].contains("`40%`"),
        "{found:#?}"
    );
}

#[test]
fn restructured_text_markers_in_attributions_and_list_items_are_read() {
    // A quotation's attribution line is no heading: its marker cites the note.
    let attribution = "    -- A harbour master, shortly before the opening of Quay 2.3 [1]_\n\n\
                       The board heard complaints from \"a crowd with oars\" [2]_\nabout the noise.\n\n\
                       .. [1] A thread.\n\n.. [2] Minutes.\n";
    assert_eq!(footnote_rules(attribution, "quay.txt"), Vec::<String>::new());
    // A literal block in a list item ends where the item's own text goes on.
    let item = [
        "Title\n=====\n\nThe options are many [1]_.\n\n- At this stage the best form is unclear.",
        "  Possible forms include:\n",
        "  * Separate arguments for the data::\n\n      quiet([a, b], [c, d])\n",
        "  * A single argument for the data::\n\n      quiet([(a, c), (b, d)])\n",
        "    This form is preferred by the board [2]_.\n",
        "  * Columns of a table::\n\n      quiet(table, 1, 2)\n",
        "References\n==========\n\n.. [1] A list.\n\n.. [2] Minutes.\n",
    ]
    .join("\n");
    assert_eq!(footnote_rules(&item, "forms.txt"), Vec::<String>::new());
}

#[test]
fn mdx_citation_elements_cite_and_component_props_are_markup() {
    // A citation element after the sentence, written as HTML or with an expression, cites it.
    let markdown = [
        "Peat stores 30% of the soil carbon.<Cite id='moor.2019'/>",
        "",
        "Bogs cover 3% of the land.<Cite ids={['fen.2020', 'reed.2021']}/>",
        "",
        "<Figure>",
        "  <CostChart",
        "    totalCost={365.4}",
        "    source={'wind'}",
        "    yearly={[20, 20, 30]}",
        "  />",
        "  <FigureCaption number={2}>",
        "    The chart shows the rebuilt cost.",
        "  </FigureCaption>",
        "</Figure>",
        "",
        "Drained peat emits 5% of the total.",
        "",
    ]
    .join("\n");
    let found = uncited(&markdown, "peat.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`5%`"), "{found:#?}");
    assert_eq!(texts(&markdown, "peat.md"), ["30%", "3%", "5%"]);
    // An HTML tag whose attributes run over lines holds no figures.
    let html = "<div>\n<img\n  width=\"640\" height=\"480\"\n  src=\"a.png\">Plants used 12 percent less water.\n</div>\n";
    assert_eq!(texts(html, "plants.md"), ["12 percent"]);
}

#[test]
fn an_ion_charge_is_no_note_marker() {
    let text = "Weathering releases Ca²⁺ and Mg²⁺ ions, and SO₄²⁻ is washed out.\n";
    assert_eq!(footnote_rules(text, "rock.txt"), Vec::<String>::new());
}

#[test]
fn years_named_together_or_after_a_count_label_their_nouns() {
    let kinds = |text: &str| -> Vec<(String, &'static str)> {
        parse_text(text, "plan.txt")
            .into_iter()
            .map(|c| (c.text, c.kind.name()))
            .collect()
    };
    assert_eq!(
        kinds("Farms must grow to meet the 2030 and 2050 goals. In both 2045 scenarios removal rises.\n"),
        [
            ("2030".to_owned(), "year"),
            ("2050".to_owned(), "year"),
            ("2045".to_owned(), "year")
        ]
    );
    // A serial comma before the last year of a list.
    assert_eq!(
        kinds("It shipped the 2015, 2018, and 2021 editions.\n"),
        [
            ("2015".to_owned(), "year"),
            ("2018".to_owned(), "year"),
            ("2021".to_owned(), "year")
        ]
    );
    // A determiner opening the sentence is no product's name ("Windows 2000 servers").
    assert_eq!(
        kinds("Both 2045 scenarios rely on removal.\n"),
        [("2045".to_owned(), "year")]
    );
    assert_eq!(
        kinds("In the two 2035 scenarios, removal peaks early. Over 2000 people came.\n"),
        [
            ("two".to_owned(), "count"),
            ("2035".to_owned(), "year"),
            ("2000".to_owned(), "count")
        ]
    );
}

#[test]
fn a_models_assumptions_are_its_settings() {
    let text = "The model assumes that capture runs at 90% efficiency. Grid power emits 400 grams per kWh.\n\n\
                See the [grid survey](https://example.org/grid) for more. Pumps use 12% of the power.\n";
    assert_eq!(
        roles(text, "model.txt"),
        [
            ("90%".to_owned(), Some("procedure")),
            ("400 grams per kWh".to_owned(), None),
            ("12%".to_owned(), None),
        ]
    );
}

#[test]
fn consistency_checks_read_brackets_steps_bounds_and_other_works() {
    // An expansion does not run back across another acronym's brackets.
    let acronyms = "The Natural Resources Agency (NRA) and the Coast Air Board (CAB) met. \
                    Later the Coast Air Board (CAB) ruled on 40 permits.\n";
    assert_eq!(consistency_rules(acronyms, "boards.txt"), Vec::<String>::new());
    // A length followed by "steps" is the step, not the span of the period.
    let steps = "The map can be scrolled at 10-year steps between 2010 and 2090.\n";
    assert_eq!(consistency_rules(steps, "map.txt"), Vec::<String>::new());
    // "More than" bounds the whole "of which" points back to; a part larger still is caught.
    let bound = "The registry issued more than 450 million credits, 290 million of which were used.\n";
    assert_eq!(consistency_rules(bound, "registry.txt"), Vec::<String>::new());
    let larger = "The registry issued fewer than 250 million credits, 290 million of which were used.\n";
    assert_eq!(
        consistency_rules(larger, "registry.txt"),
        ["consistency/part-whole"]
    );
    // Two estimates of one thing, each citing its own work, are not one figure restated.
    let estimates = "Forests held a net sink of 13 million tons of carbon per year, by [the state inventory](https://example.org/inventory).\n\n\
                     Ames et al. (2019) found forests held a net sink of 16.5 million tons of carbon per year.\n";
    assert_eq!(consistency_rules(estimates, "forests.md"), Vec::<String>::new());
}

#[test]
fn a_documents_definitions_of_its_measures_need_no_source() {
    let text = "The harbour index is calculated as 60 percent of the tonnage score and 40 percent of the berth score.\n\n\
                Where a cell holds a dash, it means that fewer than 200 ships called. For ports without data, this number is 100.\n\n\
                Freight through the port rose 14 percent last year.\n";
    let found = uncited(text, "index-notes.txt");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`14 percent`"), "{found:#?}");
}

#[test]
fn a_contracts_fees_caps_and_shares_are_its_terms() {
    let contract = "# Harbour Berth Licence\n\n\
        This Agreement is made between the Harbour Board and you. By signing this Agreement you accept these Terms.\n\n\
        ## 1. Definitions\n\n\"Vessel\" means any boat over 12 metres.\n\n\
        ## 2. Fees\n\nThe Board will keep 5% of each berth fee and remit 95% to the owner. Late fees accrue at 1.5% per month.\n\n\
        ## 3. Limitation of Liability\n\nThe Board's liability under this Agreement will not exceed $2,000.\n\n\
        ## 4. Governing Law\n\nThis Agreement is governed by the laws of the province.\n";
    assert_eq!(uncited(contract, "licence.md"), Vec::<String>::new());
    // A report that speaks of an agreement is no contract: its figures still want a source.
    let report =
        "# Berth fees in 2024\n\nSince the trade agreement was signed, berth fees rose 14 percent.\n";
    assert_eq!(uncited(report, "fees.md").len(), 1);
}

#[test]
fn a_source_introducing_a_list_covers_its_items() {
    let markdown = "Harbour traffic is watched closely, as [the port survey](https://example.org/survey) shows.\n\n\
        * Ships called less often last year. As the [port authority reports](https://example.org/port):\n    \
        * 1 in 5 berths stood empty.\n    \
        * Out of the 3.2 million tonnes landed, 1.1 million were grain.\n\n\
        Half of the ferries run late, and 40 percent of crews are short-handed.\n";
    let found = uncited(markdown, "port.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|f| f.contains("`Half`") || f.contains("`40 percent`")),
        "{found:#?}"
    );
    // An introduction that hands the list to the study its paragraph describes.
    let study = "Economists at [the institute](https://example.org/study) followed dock workers for years. They found that:\n\n\
        1. About a third of them moved inland.\n\
        2. Two-thirds kept their union cards.\n\n\
        The rest is told differently: 70 percent of crews live nearby.\n\n\
        * 12 percent of them are not.\n";
    let found = uncited(study, "docks.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|f| f.contains("`70 percent`") || f.contains("`12 percent`")),
        "{found:#?}"
    );
}

#[test]
fn a_credit_line_under_a_quotation_sources_it() {
    let markdown = "Reviewers were split on the new ferry, as [one survey](https://example.org/survey) put it.\n\n\
        > The crossing takes 40 minutes and a return ticket costs $18.\n\n\
        [Harbour Gazette](https://example.org/gazette)\n\n\
        > Only 60 percent of sailings left on time in the first week.\n\n\
        A reviewer who rode it twice, and wrote about the trip at length afterwards.\n";
    let found = uncited(markdown, "ferry.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`60 percent`"), "{found:#?}");
}

#[test]
fn a_list_of_what_a_bill_does_is_its_provisions() {
    let markdown = "The harbour levy was debated for a year, as [the council minutes](https://example.org/minutes) show.\n\n\
        Here's what the HLA does:\n\n\
        * Charges each ship $300 per call.\n\
        * Exempts boats under 12 metres and ferries that carry more than 400 passengers.\n\n\
        The plan would:\n\n\
        1. Raise the pilot fee by 5 percent.\n\n\
        Our readers think:\n\n\
        * 70 percent of ships will call elsewhere.\n";
    let found = uncited(markdown, "levy.md");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`70 percent`"), "{found:#?}");
}

#[test]
fn a_modelled_distribution_is_the_documents_own_result() {
    let markdown = "# A harbour dividend\n\n\
        We simulated a dividend of $50 a month with our microsimulation model, and we estimated its cost from [the survey](https://example.org/survey).\n\n\
        Households in the bottom decile gain 12 percent of their net income, while the top decile loses 2 percent.\n\n\
        The deep poverty rate was 4.9% in 2019.\n\n\
        The harbour employs 3,000 people.\n";
    let found = uncited(markdown, "dividend.md");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|f| f.contains("`4.9%`") || f.contains("`3,000`")),
        "{found:#?}"
    );
    // Without a model of its own, a document's deciles are claims like any other.
    let report = "Households in the bottom decile gain 12 percent of their net income.\n\nThe harbour employs 3,000 people.\n";
    let mut diagnostics = common::check_text(report, "report.md");
    diagnostics.retain(|d| d.rule == "citation/missing");
    assert!(!diagnostics.is_empty());
}
