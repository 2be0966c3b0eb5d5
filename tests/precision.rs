//! What real documents need for findings an editor trusts (issue 12), on documents written for
//! this project: lists of sources are not prose, links and citations are sources, a figure the
//! document sets itself needs none.

mod common;

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
