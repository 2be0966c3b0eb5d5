//! The decompression cap hayro does not have: how far a PDF's streams inflate, measured before
//! hayro decodes any of them.
//!
//! hayro decodes a stream whole into memory when it needs it (a page's content, a font, an
//! object stream while the file loads), so a few megabytes of deflated spaces become gigabytes.
//! Before hayro sees the file, every stream is found in the raw bytes (the `stream` keyword, its
//! dictionary before it) and its filters are run here with a ceiling: the last filter only
//! counts what it would produce, the ones before it decode into memory that the ceiling bounds.
//! Images are left out: hayro decodes them only for a device that draws them, and ours does
//! not. In an encrypted file the streams are measured again as hayro decrypts them (an object
//! stream hayro reads while it loads the file is the one stream measured after it is decoded).

use std::io::Read;

use hayro_syntax::object::{ObjectIdentifier, Stream};
use hayro_syntax::{Filter, Pdf};
use memchr::memmem;

/// How far one stream and all streams together may inflate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ceiling {
    pub stream: u64,
    pub total: u64,
}

impl Ceiling {
    /// Adds one stream's inflated `size` to the `total` so far: an overrun if either is over.
    fn count(self, total: &mut u64, size: u64, object: u32) -> Result<(), Overrun> {
        *total = total.saturating_add(size);
        if size > self.stream {
            return Err(Overrun::Stream { object });
        }
        if *total > self.total {
            return Err(Overrun::Total);
        }
        Ok(())
    }
}

/// What broke the ceiling: the stream's object number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Overrun {
    /// One stream inflates past the per-stream ceiling.
    Stream { object: u32 },
    /// The streams together inflate past the total ceiling.
    Total,
}

/// The filters this check runs; anything else (image codecs, unknown names) ends the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Flate,
    Lzw,
    RunLength,
    AsciiHex,
    Ascii85,
}

/// One stream found in the raw bytes: its object, its stages and where its data starts.
struct Found {
    object: Option<(u32, i32)>,
    stages: Vec<Stage>,
    image: bool,
    data_start: usize,
}

/// Measures every stream of the raw file against the ceiling.
pub(super) fn check_raw(bytes: &[u8], ceiling: Ceiling) -> Result<Vec<(u32, i32)>, Overrun> {
    let mut total = 0u64;
    let mut objects = Vec::new();
    for found in streams(bytes) {
        if let Some(object) = found.object {
            objects.push(object);
        }
        if found.image || found.stages.is_empty() {
            continue;
        }
        let size = inflated_size(&bytes[found.data_start..], &found.stages, ceiling.stream);
        let object = found.object.map_or(0, |(number, _)| number);
        ceiling.count(&mut total, size, object)?;
    }
    Ok(objects)
}

/// Measures the streams of an encrypted file as hayro decrypts them.
pub(super) fn check_decrypted(pdf: &Pdf, objects: &[(u32, i32)], ceiling: Ceiling) -> Result<(), Overrun> {
    let mut total = 0u64;
    for &(number, generation) in objects {
        let Some(stream) = pdf
            .xref()
            .get::<Stream<'_>>(ObjectIdentifier::new(number, generation))
        else {
            continue;
        };
        let subtype = stream
            .dict()
            .get::<hayro_syntax::object::Name<'_>>(b"Subtype".as_slice());
        if subtype.is_some_and(|name| &*name == b"Image") {
            continue;
        }
        let stages: Vec<Stage> = stream
            .filters()
            .iter()
            .filter(|filter| **filter != Filter::Crypt)
            .map_while(|filter| match filter {
                Filter::FlateDecode => Some(Stage::Flate),
                Filter::LzwDecode => Some(Stage::Lzw),
                Filter::RunLengthDecode => Some(Stage::RunLength),
                Filter::AsciiHexDecode => Some(Stage::AsciiHex),
                Filter::Ascii85Decode => Some(Stage::Ascii85),
                _ => None,
            })
            .collect();
        if stages.is_empty() {
            continue;
        }
        let size = inflated_size(&stream.raw_data(), &stages, ceiling.stream);
        ceiling.count(&mut total, size, number)?;
    }
    Ok(())
}

/// Whether the raw file says it is encrypted (its trailer names an `/Encrypt` dictionary).
pub(super) fn is_encrypted(bytes: &[u8]) -> bool {
    memmem::find(bytes, b"/Encrypt").is_some()
}

/// The streams of the raw file, in file order.
fn streams(bytes: &[u8]) -> impl Iterator<Item = Found> + '_ {
    memmem::find_iter(bytes, b"stream").filter_map(move |at| {
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            return None;
        }
        let after = &bytes[at + 6..];
        let eol = if after.starts_with(b"\r\n") {
            2
        } else if after.starts_with(b"\n") || after.starts_with(b"\r") {
            1
        } else {
            return None;
        };
        // The dictionary: back to the `obj` keyword that opens the object (within 64 KiB).
        let window_start = at.saturating_sub(65_536);
        let window = &bytes[window_start..at];
        let obj = memmem::rfind(window, b"obj")?;
        let dict = &window[obj + 3..];
        if !dict.trim_ascii_start().starts_with(b"<<") || !dict.trim_ascii_end().ends_with(b">>") {
            return None;
        }
        Some(Found {
            object: object_number(&window[..obj]),
            stages: stages(dict),
            image: name_after(dict, b"/Subtype").is_some_and(|name| name == b"Image"),
            data_start: at + 6 + eol,
        })
    })
}

/// "12 0" before the `obj` keyword: the object's number and generation.
fn object_number(before: &[u8]) -> Option<(u32, i32)> {
    let before = before.trim_ascii_end();
    let generation_start = before.iter().rposition(|b| !b.is_ascii_digit())? + 1;
    let generation = std::str::from_utf8(&before[generation_start..])
        .ok()?
        .parse()
        .ok()?;
    let rest = before[..generation_start].trim_ascii_end();
    let number_start = rest
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |at| at + 1);
    let number = std::str::from_utf8(&rest[number_start..]).ok()?.parse().ok()?;
    Some((number, generation))
}

/// The name after a key of a dictionary (`/Subtype /Image` → `Image`).
fn name_after<'a>(dict: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = memmem::find(dict, key)? + key.len();
    let rest = dict[at..].trim_ascii_start().strip_prefix(b"/")?;
    let end = rest
        .iter()
        .position(|b| b.is_ascii_whitespace() || b"/<>[]()".contains(b))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The decoding stages a stream dictionary's `/Filter` names, up to the first this check does
/// not run (an image codec: what follows it is an image's data).
fn stages(dict: &[u8]) -> Vec<Stage> {
    let Some(at) = memmem::find(dict, b"/Filter") else {
        return Vec::new();
    };
    let rest = dict[at + 7..].trim_ascii_start();
    let names: &[u8] = if let Some(array) = rest.strip_prefix(b"[") {
        &array[..array.iter().position(|&b| b == b']').unwrap_or(array.len())]
    } else {
        let end = rest[1.min(rest.len())..]
            .iter()
            .position(|&b| b == b'/' || b == b'>' || b.is_ascii_whitespace())
            .map_or(rest.len(), |at| at + 1);
        &rest[..end]
    };
    names
        .split(|&b| b == b'/' || b.is_ascii_whitespace())
        .filter(|name| !name.is_empty())
        .filter(|name| *name != b"Crypt")
        .map_while(|name| match name {
            b"FlateDecode" | b"Fl" => Some(Stage::Flate),
            b"LZWDecode" | b"LZW" => Some(Stage::Lzw),
            b"RunLengthDecode" | b"RL" => Some(Stage::RunLength),
            b"ASCIIHexDecode" | b"AHx" => Some(Stage::AsciiHex),
            b"ASCII85Decode" | b"A85" => Some(Stage::Ascii85),
            _ => None,
        })
        .collect()
}

/// How many bytes the stages make of `data`, counted up to one past `limit`. Every stage but
/// the last decodes into memory of at most `limit` bytes; the last only counts.
fn inflated_size(data: &[u8], stages: &[Stage], limit: u64) -> u64 {
    let mut owned: Vec<u8>;
    let mut current = data;
    for (index, &stage) in stages.iter().enumerate() {
        let last = index + 1 == stages.len();
        if last && stage == Stage::Flate {
            return inflate(current, limit, None);
        }
        let cap = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
        owned = match stage {
            Stage::Flate => {
                let mut out = Vec::new();
                inflate(current, limit, Some(&mut out));
                out
            }
            Stage::Lzw => lzw(current, cap),
            Stage::RunLength => run_length(current, cap),
            Stage::AsciiHex => ascii_hex(current),
            Stage::Ascii85 => ascii_85(current),
        };
        if owned.len() as u64 > limit || last {
            return owned.len() as u64;
        }
        current = &owned;
    }
    current.len() as u64
}

/// Inflates zlib or raw deflate data (as hayro tries them), counting the output up to one past
/// `limit`, keeping it in `out` when given. Damaged data counts what came out before the damage.
fn inflate(data: &[u8], limit: u64, mut out: Option<&mut Vec<u8>>) -> u64 {
    let zlib = count_into(flate2::read::ZlibDecoder::new(data), limit, out.as_deref_mut());
    if zlib > 0 {
        return zlib;
    }
    count_into(flate2::read::DeflateDecoder::new(data), limit, out)
}

fn count_into(mut reader: impl Read, limit: u64, mut out: Option<&mut Vec<u8>>) -> u64 {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut count = 0u64;
    while count <= limit {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => {
                count += read as u64;
                if let Some(out) = out.as_deref_mut() {
                    out.extend_from_slice(&buffer[..read]);
                }
            }
        }
    }
    count
}

/// LZW as PDF writes it (codes of 9 to 12 bits, most significant bit first, early change),
/// stopping once `cap` bytes are out. Each table entry is a stretch of the output: the string
/// before and the first byte of the one after it, which follows it in the output.
fn lzw(data: &[u8], cap: usize) -> Vec<u8> {
    const CLEAR: u32 = 256;
    const END: u32 = 257;
    let mut out = Vec::new();
    let mut table: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<(usize, usize)> = None;
    let (mut width, mut bits, mut held) = (9u32, 0u32, 0u64);
    let mut bytes = data.iter();
    while out.len() < cap {
        while bits < width {
            let Some(&byte) = bytes.next() else {
                return out;
            };
            held = (held << 8) | u64::from(byte);
            bits += 8;
        }
        let code = u32::try_from((held >> (bits - width)) & ((1 << width) - 1)).unwrap_or(END);
        bits -= width;
        match code {
            CLEAR => {
                table.clear();
                width = 9;
                previous = None;
                continue;
            }
            END => break,
            _ => {}
        }
        let start = out.len();
        let entry = usize::try_from(code).unwrap_or(usize::MAX).checked_sub(258);
        let length = match entry {
            None => {
                out.push(u8::try_from(code).unwrap_or(0));
                1
            }
            Some(entry) if entry < table.len() => {
                let (at, length) = table[entry];
                out.extend_from_within(at..at + length);
                length
            }
            Some(entry) if entry == table.len() => {
                let Some((at, length)) = previous else { break };
                out.extend_from_within(at..at + length);
                out.push(out[at]);
                length + 1
            }
            Some(_) => break,
        };
        if let Some((at, length)) = previous
            && table.len() < 4096 - 258
        {
            table.push((at, length + 1));
        }
        previous = Some((start, length));
        if 258 + table.len() + 1 >= 1 << width && width < 12 {
            width += 1;
        }
    }
    out
}

/// Run-length decoding, stopping once `cap` bytes are out.
fn run_length(data: &[u8], cap: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < cap && at < data.len() {
        let length = usize::from(data[at]);
        at += 1;
        match length {
            0..=127 => {
                let end = (at + length + 1).min(data.len());
                out.extend_from_slice(&data[at..end]);
                at = end;
            }
            128 => break,
            _ => {
                let Some(&byte) = data.get(at) else { break };
                out.resize(out.len() + 257 - length, byte);
                at += 1;
            }
        }
    }
    out
}

/// Hexadecimal pairs up to `>`, spacing ignored (never longer than its input).
fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|&&b| b != b'>')
        .filter_map(|&b| char::from(b).to_digit(16))
        .filter_map(|digit| u8::try_from(digit).ok())
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair.get(1).copied().unwrap_or(0))
        .collect()
}

/// Base-85 groups up to `~>`, `z` for four zeros (never longer than its input).
fn ascii_85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut group = [0u32; 5];
    let mut filled = 0;
    for &byte in data {
        match byte {
            b'~' => break,
            b'z' if filled == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[filled] = u32::from(byte - b'!');
                filled += 1;
                if filled == 5 {
                    let value = group
                        .iter()
                        .fold(0u32, |value, &digit| value.wrapping_mul(85).wrapping_add(digit));
                    out.extend_from_slice(&value.to_be_bytes());
                    filled = 0;
                }
            }
            _ => {}
        }
    }
    if filled > 1 {
        group[filled..].fill(84);
        let value = group
            .iter()
            .fold(0u32, |value, &digit| value.wrapping_mul(85).wrapping_add(digit));
        out.extend_from_slice(&value.to_be_bytes()[..filled - 1]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap_or_default();
        encoder.finish().unwrap_or_default()
    }

    #[test]
    fn deflated_streams_count_what_they_make_up_to_the_limit() {
        let spaces = vec![b' '; 1_000_000];
        let data = deflated(&spaces);
        assert_eq!(inflated_size(&data, &[Stage::Flate], 10_000_000), 1_000_000);
        assert!(inflated_size(&data, &[Stage::Flate], 100_000) > 100_000);
        let twice = deflated(&data);
        assert_eq!(
            inflated_size(&twice, &[Stage::Flate, Stage::Flate], 10_000_000),
            1_000_000
        );
    }

    #[test]
    fn lzw_decodes_the_specification_example() {
        // The example of the PDF reference (7.4.4.2): 2D 2D 2D 2D 2D 41 2D 2D 2D 42.
        let data = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        assert_eq!(lzw(&data, 1000), b"\x2D\x2D\x2D\x2D\x2D\x41\x2D\x2D\x2D\x42");
    }

    #[test]
    fn ascii_filters_and_run_length() {
        assert_eq!(ascii_hex(b"48 65 6c6C6f>"), b"Hello");
        assert_eq!(ascii_85(b"87cURDZ~>"), b"Hello");
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 253, b'x', 128], 100),
            b"abcxxxx"
        );
        // A run is written whole once begun: the cap is checked between runs.
        assert_eq!(run_length(&[129, b'x'], 10).len(), 128);
    }

    #[test]
    fn stream_dictionaries_are_read_from_the_raw_file() {
        let file = b"%PDF-1.7\n4 0 obj\n<< /Length 3 /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\nabc\nendstream\nendobj\n5 0 obj <</Subtype/Image/Filter/FlateDecode>> stream\r\nxyz\r\nendstream";
        let found: Vec<Found> = streams(file).collect();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].object, Some((4, 0)));
        assert_eq!(found[0].stages, [Stage::AsciiHex, Stage::Flate]);
        assert!(!found[0].image);
        assert_eq!(&file[found[0].data_start..found[0].data_start + 3], b"abc");
        assert_eq!(found[1].object, Some((5, 0)));
        assert!(found[1].image);
        assert_eq!(found[1].stages, [Stage::Flate]);
    }
}
