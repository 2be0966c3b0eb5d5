//! Character references shared by the HTML and XML readers: numeric references and HTML5's
//! named references (quick-xml's table) are decoded; any other `&name;` stays as written —
//! entities declared in a DOCTYPE are never expanded (no "billion laughs").

use std::borrow::Cow;

use crate::span::SourceMap;

/// Decodes the entities of an attribute value.
#[must_use]
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(amp) = text[at..].find('&') {
        out.push_str(&text[at..at + amp]);
        if let Some((decoded, length)) = decode_entity(&text[at + amp..]) {
            out.push_str(&decoded);
            at += amp + length;
        } else {
            out.push('&');
            at += amp + 1;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// The longest named reference read, in bytes with its `&` and `;`
/// ("&CounterClockwiseContourIntegral;" is 33).
const MAX_REFERENCE_BYTES: usize = 40;

/// Decodes one entity at the start of `text` (`&euro;`, `&#8364;`, `&#x20AC;`, any of HTML5's
/// named references): the text it stands for and the entity's length in bytes.
#[must_use]
pub fn decode_entity(text: &str) -> Option<(Cow<'static, str>, usize)> {
    let window = crate::span::floor_char_boundary(text, text.len().min(MAX_REFERENCE_BYTES));
    let semicolon = text[..window].find(';')?;
    let body = &text[1..semicolon];
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        Cow::Owned(char::from_u32(code).filter(|c| *c != '\0')?.to_string())
    } else {
        Cow::Borrowed(quick_xml::escape::resolve_html5_entity(body)?)
    };
    Some((decoded, semicolon + 1))
}

/// Appends `raw` (source text with references) to `text`, decoded, mapping each stretch to
/// its place in the original: plain stretches byte for byte, a reference to its whole span.
pub fn append_decoded(text: &mut String, map: &mut SourceMap, raw: &str, original_start: usize) {
    let mut at = 0;
    while at < raw.len() {
        let Some(amp) = raw[at..].find('&') else {
            push(text, map, &raw[at..], original_start + at);
            break;
        };
        push(text, map, &raw[at..at + amp], original_start + at);
        let entity_start = at + amp;
        if let Some((decoded, length)) = decode_entity(&raw[entity_start..]) {
            let text_at = text.len();
            text.push_str(&decoded);
            map.push(text_at, decoded.len(), original_start + entity_start, length);
            at = entity_start + length;
        } else {
            push(text, map, "&", original_start + entity_start);
            at = entity_start + 1;
        }
    }
}

fn push(text: &mut String, map: &mut SourceMap, piece: &str, original: usize) {
    if piece.is_empty() {
        return;
    }
    let at = text.len();
    text.push_str(piece);
    map.push(at, piece.len(), original, piece.len());
}

/// `%E2%80%93` → `–`: a URL's percent escapes decoded (a fragment as the id it names, a
/// `file:` URI as its path); text that is no UTF-8 once decoded is kept as written.
#[must_use]
pub fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[at],
            bytes.get(at + 1).copied().and_then(hex),
            bytes.get(at + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                at += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("&euro;1.84&nbsp;billion &#8364; &#x20AC; &bogus; a&b"),
            "€1.84\u{a0}billion € € &bogus; a&b"
        );
    }

    #[test]
    fn declared_entities_are_not_expanded() {
        assert_eq!(decode_entities("&lol9; &amp;"), "&lol9; &");
    }

    #[test]
    fn every_html5_named_reference_decodes() {
        // Beyond the forty common ones: currencies, arithmetic, fractions, the longest name.
        assert_eq!(
            decode_entities("&dollar;&permil;&le;&ge;&asymp;&frac38;&CounterClockwiseContourIntegral;"),
            "$‰≤≥≈⅜∳"
        );
    }

    #[test]
    fn a_long_reference_maps_back_to_its_whole_span() {
        let raw = "a &CounterClockwiseContourIntegral; b";
        let mut text = String::new();
        let mut map = SourceMap::new(raw.to_owned());
        append_decoded(&mut text, &mut map, raw, 0);
        assert_eq!(text, "a ∳ b");
        let b = text.find('b').expect("b");
        assert_eq!(map.original_offset(b), raw.find('b').expect("b"));
    }
}
