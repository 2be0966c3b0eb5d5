//! Character references shared by the HTML and XML readers. Only the predefined and common
//! named entities and numeric references are decoded; any other `&name;` stays as written —
//! entities declared in a DOCTYPE are never expanded (no "billion laughs").

use crate::span::SourceMap;

/// Decodes the entities of an attribute value.
#[must_use]
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(amp) = text[at..].find('&') {
        out.push_str(&text[at..at + amp]);
        if let Some((c, length)) = decode_entity(&text[at + amp..]) {
            out.push(c);
            at += amp + length;
        } else {
            out.push('&');
            at += amp + 1;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Decodes one entity at the start of `text` (`&euro;`, `&#8364;`, `&#x20AC;`): the character
/// and the entity's length in bytes.
#[must_use]
pub fn decode_entity(text: &str) -> Option<(char, usize)> {
    let window = crate::span::floor_char_boundary(text, text.len().min(12));
    let semicolon = text[..window].find(';')?;
    let body = &text[1..semicolon];
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            "thinsp" => '\u{2009}',
            "ensp" => '\u{2002}',
            "emsp" => '\u{2003}',
            "euro" => '€',
            "pound" => '£',
            "yen" => '¥',
            "cent" => '¢',
            "copy" => '©',
            "reg" => '®',
            "deg" => '°',
            "ndash" => '–',
            "mdash" => '—',
            "minus" => '−',
            "times" => '×',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "frac12" => '½',
            "frac14" => '¼',
            "frac34" => '¾',
            "sup1" => '¹',
            "sup2" => '²',
            "sup3" => '³',
            "percnt" => '%',
            "shy" => '\u{ad}',
            "middot" => '·',
            "bull" => '•',
            "sect" => '§',
            "para" => '¶',
            "plusmn" => '±',
            "micro" => 'µ',
            _ => return None,
        }
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
            text.push(decoded);
            map.push(text_at, decoded.len_utf8(), original_start + entity_start, length);
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
}
