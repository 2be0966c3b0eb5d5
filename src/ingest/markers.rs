//! Footnote markers written inline: glued digits ("worldwide.1", "sovereignty’.3",
//! "integrated.”17"), bracketed numbers ("\[12\]") and superscript digits ("¹²").
//!
//! The hard case is a figure followed by a marker: "by 2035.2" is the year 2035 and note 2,
//! but "grew 2.5" is a decimal. Markers run 1, 2, 3 … through a document, so a figure-like
//! candidate is taken as a marker only when its number is the one the sequence expects next.

use crate::document::{BlockKind, Document, FootnoteRef};
use crate::span::Span;

/// How far past the expected next marker a figure-like candidate may be and still be read as
/// a marker (a document may skip a number, or the scrape may have lost one).
const SEQUENCE_SLACK: u32 = 2;
/// Longest marker in digits; longer digit runs are figures.
const MAX_MARKER_DIGITS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Nothing else it could be: digits glued after a word's punctuation, "[12]", "¹".
    Certain,
    /// Could be the decimals of a figure ("2035.2"); the sequence decides.
    FigureLike,
}

struct Candidate {
    span: Span,
    label: u32,
    strength: Strength,
}

/// Whether `span` overlaps one of `links`, the texts of links to other pages, sorted (links do
/// not nest, so only the last link starting before the span's end can overlap it).
fn in_link_text(links: &[Span], span: Span) -> bool {
    let after = links.partition_point(|link| link.start < span.end);
    after > 0 && links[after - 1].overlaps(span)
}

/// Finds inline markers in the prose blocks of `document` and records them as footnote
/// references and ignored stretches.
pub fn find_inline(document: &mut Document) {
    // A big document's blocks are scanned side by side; the candidates keep block order.
    let parallel = document.text.len() >= crate::PARALLEL_MIN_BYTES;
    let mut candidates: Vec<Candidate> =
        super::gather_by_blocks(document, parallel, |_, blocks, candidates| {
            for block in blocks {
                if matches!(
                    block.kind,
                    BlockKind::Paragraph
                        | BlockKind::ListItem
                        | BlockKind::Quote
                        | BlockKind::TableCell { .. }
                ) {
                    scan_block(&document.text, block.span, candidates);
                }
            }
        });
    // Text already set aside (inline code: "`x[3] = 42`") holds no markers.
    document.finish_ignored();
    let set_aside = &document.ignored;
    // ("\[[7](#7)\]": a cross-reference's number, set aside by the reader, inside brackets.)
    candidates.retain(|candidate| {
        let first = set_aside.partition_point(|span| span.end <= candidate.span.start);
        set_aside
            .get(first)
            .is_none_or(|span| span.start >= candidate.span.end)
    });
    // A number that is the text of a link to another page ("[[1]](https://…)", "\[[2][gas]\]")
    // cites that page where it stands: a source, not a note to define.
    let mut links: Vec<Span> = document
        .sources
        .iter()
        .filter(|s| s.kind == crate::document::SourceKind::Link)
        .map(|s| s.span)
        .collect();
    links.sort_unstable();
    candidates.retain(|candidate| !in_link_text(&links, candidate.span));
    let mut expected = 1u32;
    let mut last = None;
    for candidate in candidates {
        let accept = match candidate.strength {
            Strength::Certain => true,
            // The next note, or the note just cited again ("… in 2019.2 … by 2025.2").
            Strength::FigureLike => {
                (candidate.label >= expected && candidate.label <= expected + SEQUENCE_SLACK)
                    || last == Some(candidate.label)
            }
        };
        if !accept {
            continue;
        }
        last = Some(candidate.label);
        expected = expected.max(candidate.label + 1);
        let original = document.source_map.original_span(candidate.span);
        document.footnote_refs.push(FootnoteRef {
            target: None,
            label: candidate.label.to_string(),
            span: candidate.span,
            original,
        });
        document.ignored.push(candidate.span);
    }
}

fn scan_block(text: &str, block: Span, out: &mut Vec<Candidate>) {
    let slice = &text[block.range()];
    let bytes = slice.as_bytes();
    let mut index = 0;
    // Only digits, brackets and the lead bytes of superscript digits ("¹²³" 0xC2, "⁰⁴…⁹" 0xE2)
    // can start a marker: the bytes between are skipped.
    // Tested with `|`, not `||`: without branches the test is vectorised (six times faster).
    #[allow(clippy::needless_bitwise_bool)]
    let may_start = |b: u8| b.is_ascii_digit() | (b == b'[') | (b == 0xC2) | (b == 0xE2);
    while let Some(next) = crate::span::next_byte(bytes, index, may_start) {
        index = next;
        let byte = bytes[index];
        if byte.is_ascii_digit() {
            let digits = bytes[index..].iter().take_while(|b| b.is_ascii_digit()).count();
            if let Some(strength) = glued_strength(slice, index, digits) {
                let label = slice[index..index + digits].parse().unwrap_or(0);
                if label > 0 {
                    let span = Span::new(block.start + index, block.start + index + digits);
                    out.push(Candidate {
                        span,
                        label,
                        strength,
                    });
                }
            }
            index += digits;
        } else if byte == b'[' {
            let digits = bytes[index + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            // "``[1]``", "[[1]]": code and nested brackets, not a citation; nor an index or a
            // type ("a[3]", "[3]int").
            // "columns={[4]}", "x=[2]": a value in code, not a citation.
            // A reStructuredText marker ("[5]_") may follow a quotation's closing mark.
            let rst_after_quote = bytes.get(index + 2 + digits) == Some(&b'_')
                && index >= 2
                && matches!(bytes[index - 1], b'\'' | b'"')
                && matches!(bytes[index - 2], b'.' | b',' | b'!' | b'?');
            let quoted = (matches!(
                bytes[index - usize::from(index > 0)],
                b'`' | b'[' | b'\'' | b'"' | b'{' | b'='
            ) && !rst_after_quote)
                || matches!(bytes.get(index + 2 + digits), Some(b'`' | b']'))
                || bytes
                    .get(index + 2 + digits)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'[' | b'('))
                || (index >= 1 && bytes[index - 1] == b']')
                // "[3]: https://…" on a line of its own: a link's definition shown as text.
                || (bytes[index - usize::from(index > 0)] == b'\n' && bytes.get(index + 2 + digits) == Some(&b':'))
                || indexes_code(&slice[..index]);
            if (1..=MAX_MARKER_DIGITS).contains(&digits)
                && bytes.get(index + 1 + digits) == Some(&b']')
                && index > 0
                && !quoted
            {
                let label = slice[index + 1..index + 1 + digits].parse().unwrap_or(0);
                let span = Span::new(block.start + index, block.start + index + digits + 2);
                out.push(Candidate {
                    span,
                    label,
                    strength: Strength::Certain,
                });
            }
            index += 1;
        } else if byte >= 0x80 {
            // Most such characters are quotes and dashes (E2 80 xx): passed without decoding.
            if !may_be_superscript_digit(&bytes[index..]) {
                index += 1;
                continue;
            }
            let c = slice[index..].chars().next().unwrap_or(' ');
            if superscript_digit(c).is_some()
                && !is_unit_power(&slice[..index], c)
                && !is_charge(&slice[index..])
            {
                let run: String = slice[index..]
                    .chars()
                    .take_while(|&c| superscript_digit(c).is_some())
                    .collect();
                let label: String = run.chars().filter_map(superscript_digit).collect();
                let span = Span::new(block.start + index, block.start + index + run.len());
                out.push(Candidate {
                    span,
                    label: label.parse().unwrap_or(0),
                    strength: Strength::Certain,
                });
                index += run.len();
            } else {
                // A power's digits are one run ("2⁶³"): none of them is a marker.
                index += slice[index..]
                    .chars()
                    .take_while(|&c| superscript_digit(c).is_some())
                    .map(char::len_utf8)
                    .sum::<usize>()
                    .max(c.len_utf8());
            }
        } else {
            index += 1;
        }
    }
}

/// The run of text at the end of `before` back to the last whitespace or `stop` character.
fn token_before(before: &str, stop: impl Fn(char) -> bool) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || stop(c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    &before[start..]
}

/// Whether a `[` glued to the text before it indexes code: after a one-letter name (`a[3]`) or
/// a name with an underscore, a call or a dotted path (`version_info[0]`, `f()[1]`,
/// `sys.path[0]`), not after a word or an abbreviation ("the city[3]", "the U.S.[4]").
fn indexes_code(before: &str) -> bool {
    let token = token_before(before, |c| matches!(c, '"' | '\'' | '`' | '(' | '“'));
    let Some(last) = token.chars().next_back() else {
        return false;
    };
    if !last.is_ascii_alphanumeric() && last != ')' {
        return false;
    }
    let dotted = token
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_lowercase() && w[1] == b'.' && w[2].is_ascii_lowercase());
    token.chars().count() == 1 || token.contains('_') || token.ends_with("()") || dotted
}

/// Whether a superscript glued to `before` is a power, not a note: after a superscript minus;
/// of a number of one or two digits, of a one-letter variable, or a quoted character; and "m²",
/// "km³", "µg/m³", a square or cube glued to a unit symbol.
fn is_unit_power(before: &str, c: char) -> bool {
    // "h⁻¹", "m⁻²": after a superscript minus a digit is always a power.
    if before.ends_with('⁻') {
        return true;
    }
    // "2⁶³", "10⁵": a power of a small base (a note after a figure follows a year or an
    // amount, "in 2020³"); "O(n²)", "x²": a power of a variable; "'⁹'": a quoted character.
    let base_digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&base_digits) {
        let ahead = &before[..before.len() - base_digits];
        if !ahead.ends_with([',', '.']) || !ahead[..ahead.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    let mut last = before.chars().rev();
    if let (Some(variable), Some(ahead)) = (last.next(), last.next())
        && variable.is_ascii_alphabetic()
        && !ahead.is_alphanumeric()
    {
        return true;
    }
    if before.ends_with(['\'', '‘']) {
        return true;
    }
    if !matches!(c, '²' | '³') {
        return false;
    }
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    !word.is_empty()
        && (crate::lexicon::units::unit_word(word).is_some()
            || crate::lexicon::units::table_symbol(word).is_some())
}

/// Whether the superscript digits that open `from` are an ion's charge: followed by a
/// superscript plus or minus ("Ca²⁺", "SO₄²⁻", "Fe³⁺").
fn is_charge(from: &str) -> bool {
    let digits: usize = from
        .chars()
        .take_while(|&c| superscript_digit(c).is_some())
        .map(char::len_utf8)
        .sum();
    from[digits..].starts_with(['⁺', '⁻'])
}

/// Whether `bytes` may open a superscript digit: "¹²³" are C2 B9, B2 and B3, "⁰" and "⁴"–"⁹"
/// E2 81 B0 and B4–B9.
fn may_be_superscript_digit(bytes: &[u8]) -> bool {
    match bytes {
        [0xC2, second, ..] => matches!(second, 0xB2 | 0xB3 | 0xB9),
        [0xE2, 0x81, ..] => true,
        _ => false,
    }
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// Is the digit run at `start` (of `len` digits) a marker glued after punctuation?
fn glued_strength(slice: &str, start: usize, len: usize) -> Option<Strength> {
    // "Directive 1601A.02": notes are numbered from 1, never written with a leading zero.
    if len > MAX_MARKER_DIGITS || slice[start..].starts_with('0') {
        return None;
    }
    let after = &slice[start + len..];
    let next = after.chars().next();
    let ends_well = next.is_none_or(|c| c.is_whitespace() || ",;:)".contains(c));
    if !ends_well {
        return None;
    }
    // "plan.14 USC 663": the title of a code, not a note.
    let code = after.trim_start();
    if ["USC", "U.S.C", "CFR", "C.F.R", "Stat."]
        .iter()
        .any(|c| code.starts_with(c))
    {
        return None;
    }
    // Walk back over the punctuation and closing quotes glued before the digits.
    let before = &slice[..start];
    let mut punctuation = 0;
    let mut only_dot = true;
    let mut chars = before.char_indices().rev();
    let mut previous = None;
    for (at, c) in chars.by_ref() {
        if ".,;:!?’”\"')".contains(c) {
            punctuation += 1;
            only_dot &= c == '.';
        } else {
            previous = Some((at, c));
            break;
        }
    }
    let (previous_at, previous) = previous?;
    if punctuation == 0 || previous.is_whitespace() {
        return None;
    }
    // "score-effect:14", "weight:1": a value glued after a key's colon, not a note.
    if punctuation == 1 && before.ends_with(':') {
        return None;
    }
    // `(2014)"9 things to look for"`: a straight quote that opens a quotation (an odd one of
    // the block) comes before the title's first word, not after a sentence's last.
    if before.ends_with('"') && before.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        return None;
    }
    // "Feb'18", "summer’19": a year cut to two digits after an apostrophe.
    if punctuation == 1 && len == 2 && before.ends_with(['\'', '’']) && previous.is_alphabetic() {
        return None;
    }
    if !previous.is_ascii_digit() {
        let word: String = before[..previous_at + previous.len_utf8()]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        // "Table L.210", "(Z.1)", "c.180" (circa), "p.12": a lone letter and a dot before
        // digits is a code or an abbreviation, not a word ending a sentence.
        if only_dot && punctuation == 1 && word.chars().count() == 1 {
            return None;
        }
        // "1601A.02", "B2B.3": a word with digits in it is an identifier and its part number.
        if only_dot && word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // "libpython3.so.1", "connection.py:316", "src/main.rs:42": a file name or path with
        // its version or line number, not a word ending a sentence.
        let word_end = previous_at + previous.len_utf8();
        if token_before(&before[..word_end], |_| false).contains(['.', '/', '\\', '_']) {
            return None;
        }
        // "worldwide.1", "sovereignty’.3", "integrated.”17", "(2011-2015).4"; not "U.S.1"-like
        // dotted abbreviations followed by digits with no space, which glue nothing.
        return (previous.is_alphabetic() || "%)’”\"'".contains(previous)).then_some(Strength::Certain);
    }
    if !(only_dot && punctuation == 1) {
        // "2020”.5": a closing quote after a figure cannot be part of it; "1,234" and
        // "10:30" are one figure.
        let quoted = before[previous_at..].chars().any(|c| "’”\"')".contains(c));
        return quoted.then_some(Strength::Certain);
    }
    // "2035.2": a marker only at a sentence end, and not after a label ("Figure 1.2").
    let followed_by_sentence = after
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || "“\"‘'([".contains(c));
    let integer_start = before[..previous_at]
        .rfind(|c: char| !c.is_ascii_digit() && c != ',')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let words_before = before[..integer_start].trim_end();
    let preceded_by_label = words_before.ends_with('.')
        || words_before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(crate::lexicon::labels::is_label_word);
    // Only a year takes a glued note this way ("by 2035.2", "end 2020.9"): a smaller figure
    // followed by ".2" is a decimal ("7.2", "GBP 3.01").
    let integer = &before[integer_start..=previous_at];
    let year_like = integer.len() == 4 && integer.parse::<u32>().is_ok_and(|y| (1500..=2100).contains(&y));
    (followed_by_sentence && !preceded_by_label && year_like).then_some(Strength::FigureLike)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strength(text: &str, digit_at: usize) -> Option<Strength> {
        let len = text[digit_at..].bytes().take_while(u8::is_ascii_digit).count();
        glued_strength(text, digit_at, len)
    }

    #[test]
    fn word_then_dot_then_digits_is_certain() {
        assert_eq!(strength("worldwide.1 The", 10), Some(Strength::Certain));
        assert_eq!(
            strength("sovereignty’.3 The", "sovereignty’.".len()),
            Some(Strength::Certain)
        );
        assert_eq!(
            strength("integrated.”17", "integrated.”".len()),
            Some(Strength::Certain)
        );
    }

    #[test]
    fn figure_then_dot_then_digit_is_figure_like() {
        assert_eq!(strength("by 2035.2", 8), Some(Strength::FigureLike));
        assert_eq!(strength("end 2020.9 Alibaba", 9), Some(Strength::FigureLike));
        assert_eq!(strength("grew 2.5 percent", 7), None);
        assert_eq!(strength("7.2", 2), None);
        assert_eq!(strength("It cost GBP 3.01", 14), None);
        assert_eq!(strength("see Figure 1.2 Next", 13), None);
        assert_eq!(strength("a 5.5m rise", 4), None);
    }

    #[test]
    fn an_identifier_and_its_part_number_are_no_marker() {
        assert_eq!(strength("Order 2207B.02, March", "Order 2207B.".len()), None);
        assert_eq!(strength("the handbook.07 The", "the handbook.".len()), None);
        assert_eq!(strength("form K9X.4 applies", "form K9X.".len()), None);
        assert_eq!(
            strength("the handbook.7 The", "the handbook.".len()),
            Some(Strength::Certain)
        );
    }
}
