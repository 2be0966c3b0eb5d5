//! The ledger as an Excel workbook (`--ledger claims.xlsx`), for auditors who live in a
//! spreadsheet: one sheet, the same columns as the CSV, every cell written as text (a cell
//! style of the text number format `@`), so that an id such as `e1234567` or a value of 28
//! digits is never turned into a number or a date, and what an auditor types into a cell stays
//! text too. The header row is bold, frozen and filtered.
//!
//! Written and read with the crates claimlint already uses for DOCX (`zip`, `quick-xml`):
//! inline strings when written; shared strings, inline strings, numbers and booleans when read
//! back from whatever Excel or `LibreOffice` saved. The archive is read within a ledger's size
//! limit, so a hostile workbook is refused before it inflates.

use std::fmt::Write as _;
use std::io::Write as _;

use quick_xml::events::Event;

use crate::files::{ZipEntryError, ZipLimits};
use crate::ingest::docx::attribute;

/// What a workbook may inflate to: its sheet and shared strings, within a ledger's size.
const LIMITS: ZipLimits = ZipLimits {
    part: super::ledger::MAX_LEDGER_BYTES,
    total: super::ledger::MAX_LEDGER_BYTES,
    ratio: 200,
};

/// Is `path` a workbook by its name (`.xlsx`, any case)?
#[must_use]
pub fn is_workbook(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="claims" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">claims!$A$1:$LAST$1</definedName></definedNames></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Style 1: text (`@`, number format 49); style 2: text, bold (the header).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs></styleSheet>"#;

/// The column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA.
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The zero-based column of a cell reference ("AB12" → 27), if it has one.
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic);
    let mut index = 0usize;
    let mut any = false;
    for letter in letters {
        index = index
            .checked_mul(26)?
            .checked_add(usize::from(letter.to_ascii_uppercase() - b'A') + 1)?;
        any = true;
    }
    any.then(|| index - 1)
}

/// Escapes text for an XML element, dropping the control characters XML 1.0 cannot hold.
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// A workbook of one sheet holding `rows` (the first is the header), every cell text.
pub fn write(rows: &[Vec<&str>]) -> std::io::Result<Vec<u8>> {
    let width = rows.first().map_or(1, Vec::len).max(1);
    let last = column_name(width - 1);
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>"#,
    );
    for (number, row) in rows.iter().enumerate() {
        let style = if number == 0 { 2 } else { 1 };
        let _ = write!(sheet, "<row r=\"{}\">", number + 1);
        for (index, cell) in row.iter().enumerate() {
            let _ = write!(
                sheet,
                "<c r=\"{}{}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">",
                column_name(index),
                number + 1
            );
            escape(cell, &mut sheet);
            sheet.push_str("</t></is></c>");
        }
        sheet.push_str("</row>");
    }
    let _ = write!(sheet, "</sheetData><autoFilter ref=\"A1:{last}1\"/></worksheet>");
    let workbook = WORKBOOK.replace("$LAST$", &format!("${last}$"));
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed time: the same ledger writes the same bytes (`ledger update` twice changes
    // nothing).
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook.as_str()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", sheet.as_str()),
    ] {
        archive.start_file(name, options).map_err(std::io::Error::other)?;
        archive.write_all(text.as_bytes())?;
    }
    Ok(archive.finish().map_err(std::io::Error::other)?.into_inner())
}

/// The rows of a workbook's first sheet as text, each padded to its last cell. The error is a
/// sentence for the ledger's error.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("not a workbook: {e}"))?;
    let mut total = 0;
    let mut entry = |archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str| {
        crate::files::zip_entry(archive, name, &mut total, LIMITS).map_err(|e| match e {
            ZipEntryError::Encrypted => "the workbook is encrypted".to_owned(),
            ZipEntryError::Refused(reason) => reason,
        })
    };
    let shared = match entry(&mut archive, "xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let sheet_name = first_sheet(&mut archive, &mut entry)?;
    let sheet =
        entry(&mut archive, &sheet_name)?.ok_or_else(|| format!("the workbook has no {sheet_name}"))?;
    sheet_rows(&sheet, &shared)
}

/// The path of the workbook's first sheet: from the workbook's relationships, else the usual
/// name.
fn first_sheet(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    entry: &mut impl FnMut(&mut zip::ZipArchive<std::io::Cursor<&[u8]>>, &str) -> Result<Option<Vec<u8>>, String>,
) -> Result<String, String> {
    const USUAL: &str = "xl/worksheets/sheet1.xml";
    let Some(workbook) = entry(archive, "xl/workbook.xml")? else {
        return Ok(USUAL.to_owned());
    };
    let Some(id) = first_attribute(&workbook, b"sheet", "id") else {
        return Ok(USUAL.to_owned());
    };
    let Some(rels) = entry(archive, "xl/_rels/workbook.xml.rels")? else {
        return Ok(USUAL.to_owned());
    };
    let mut reader = quick_xml::Reader::from_reader(rels.as_slice());
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Empty(e) | Event::Start(e))
                if e.local_name().as_ref() == b"Relationship"
                    && attribute(&e, "Id").as_deref() == Some(id.as_str()) =>
            {
                let target = attribute(&e, "Target").unwrap_or_default();
                return Ok(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("xl/{target}"),
                });
            }
            Ok(Event::Eof) => return Ok(USUAL.to_owned()),
            Err(e) => return Err(format!("xl/_rels/workbook.xml.rels: {e}")),
            _ => {}
        }
        buffer.clear();
    }
}

/// The value of the attribute `name` (by local name: `r:id` is `id`) on the first element
/// named `element`.
fn first_attribute(xml: &[u8], element: &[u8], name: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).ok()? {
            Event::Empty(e) | Event::Start(e) if e.local_name().as_ref() == element => {
                return attribute(&e, name);
            }
            Event::Eof => return None,
            _ => {}
        }
        buffer.clear();
    }
}

/// The shared strings: each `si`'s text, its runs joined, phonetic readings left out.
fn shared_strings(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut strings = Vec::new();
    let (mut current, mut in_text, mut in_phonetic) = (String::new(), false, false);
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => current.clear(),
                b"t" => in_text = true,
                b"rPh" => in_phonetic = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => strings.push(std::mem::take(&mut current)),
                b"t" => in_text = false,
                b"rPh" => in_phonetic = false,
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => strings.push(String::new()),
            Ok(Event::Text(t)) if in_text && !in_phonetic => {
                current.push_str(&t.decode().map_err(|e| format!("xl/sharedStrings.xml: {e}"))?);
            }
            Ok(Event::GeneralRef(r)) if in_text && !in_phonetic => push_reference(&r, &mut current),
            Ok(Event::Eof) => return Ok(strings),
            Err(e) => return Err(format!("xl/sharedStrings.xml: {e}")),
            _ => {}
        }
        buffer.clear();
    }
}

/// An entity or character reference inside text (`&amp;`, `&#233;`).
fn push_reference(reference: &quick_xml::events::BytesRef<'_>, out: &mut String) {
    let name = reference.decode().unwrap_or_default();
    let number = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => name.strip_prefix('#').and_then(|decimal| decimal.parse().ok()),
    };
    if let Some(c) = number.and_then(char::from_u32) {
        out.push(c);
        return;
    }
    out.push_str(match name.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    });
}

/// The sheet's rows: each cell by its reference's column; shared strings looked up, inline
/// strings and formulas' cached values read as written, numbers as Excel saved them.
fn sheet_rows(xml: &[u8], shared: &[String]) -> Result<Vec<Vec<String>>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let (mut column, mut kind) = (0usize, String::new());
    let (mut value, mut in_value) = (String::new(), false);
    let fault = |e: &dyn std::fmt::Display| format!("the sheet: {e}");
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"row" => row.clear(),
                b"c" => {
                    column = attribute(&e, "r")
                        .and_then(|r| column_of(&r))
                        .unwrap_or(row.len());
                    kind = attribute(&e, "t").unwrap_or_default();
                    value.clear();
                }
                b"v" | b"t" => in_value = true,
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"row" => rows.push(Vec::new()),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    let text = match kind.as_str() {
                        "s" => value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| shared.get(i))
                            .cloned()
                            .ok_or_else(|| format!("a cell names shared string {value}, which is missing"))?,
                        "b" => (if value.trim() == "1" { "TRUE" } else { "FALSE" }).to_owned(),
                        _ => std::mem::take(&mut value),
                    };
                    if column >= MAX_COLUMNS {
                        return Err(format!("a cell lies past column {MAX_COLUMNS}"));
                    }
                    if row.len() <= column {
                        row.resize(column + 1, String::new());
                    }
                    row[column] = text;
                }
                b"row" => rows.push(std::mem::take(&mut row)),
                _ => {}
            },
            Ok(Event::Text(t)) if in_value => value.push_str(&t.decode().map_err(|e| fault(&e))?),
            Ok(Event::GeneralRef(r)) if in_value => push_reference(&r, &mut value),
            Ok(Event::Eof) => return Ok(rows),
            Err(e) => return Err(fault(&e)),
            _ => {}
        }
        buffer.clear();
    }
}

/// Columns a ledger row may reach: the ledger has about thirty.
const MAX_COLUMNS: usize = 1_024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_and_references() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_of("AB12"), Some(27));
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("12"), None);
    }

    #[test]
    fn a_workbook_round_trips_its_text() {
        let rows = vec![
            vec!["id", "text", "value"],
            vec![
                "e1234567",
                "a < b & \"c\" — 5 %",
                "0.3333333333333333333333333333",
            ],
            vec!["a7654321", "", "=1+1"],
        ];
        let bytes = write(&rows).expect("writes");
        let read = read(&bytes).expect("reads");
        let expected: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect();
        assert_eq!(read, expected);
    }
}
