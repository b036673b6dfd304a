//! What a file is, and the checks of a workbook before calamine reads it: everything calamine reads
//! at once (archive directory, shared strings, styles, an .ods sheet) is held to `io/limits.rs` first.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::{CompressionMethod, ZipArchive};

pub use sheet_xml::cell::Styles;

use super::cell::{builtin_format_kind, format_kind, zero_pad_width, FormatKind};
use super::error::{ArchiveError, BookError};
use crate::io::limits::{
    Exceeded, MAX_CELL_CHARS, MAX_COLUMNS, MAX_DENSE_CELLS, MAX_INFLATED_BYTES, MAX_NUMBER_FORMAT_CHARS, MAX_RAW_CELL_BYTES,
    MAX_ROWS, MAX_SHARED_STRINGS, MAX_STYLES,
};

/// What the first bytes say a file is (its name can lie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A ZIP: .xlsx, .xlsb, .ods, or no workbook.
    Zip,
    /// An OLE compound file: .xls, or an .xlsx saved with a password.
    Ole,
    /// An HTML table, as the Aplicativo CEPLAN's "Exporta POI" downloads it (named .xls).
    Html,
    /// Anything else: CSV, TSV, Excel's "Texto Unicode".
    Text,
}

impl Kind {
    pub fn of(bytes: &[u8]) -> Kind {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            Kind::Zip
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            Kind::Ole
        } else if looks_like_html(bytes) {
            Kind::Html
        } else {
            Kind::Text
        }
    }
}

/// `<!DOCTYPE html`, `<html` or `<table` after an optional byte order mark and white space.
fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start: Vec<u8> =
        start.iter().skip_while(|b| b.is_ascii_whitespace()).take(14).map(u8::to_ascii_lowercase).collect();
    [&b"<!doctype html"[..], b"<html", b"<table"].iter().any(|tag| start.starts_with(tag))
}

/// The workbook an archive holds, from its entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipKind {
    Xlsx,
    Xlsb,
    Ods,
}

/// An archive whose directory passed the checks: entries stored or deflated, not encrypted, and all
/// of them together within [`MAX_INFLATED_BYTES`] as declared (no entry inflates past what it declares).
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Entry names as calamine looks them up: lower case, `\` as `/`.
    names: Vec<String>,
    /// Entry names as the archive writes them.
    raw_names: Vec<String>,
}

fn zip_error(error: zip::result::ZipError) -> BookError {
    use zip::result::ZipError;
    match error {
        ZipError::InvalidArchive(_) | ZipError::Io(_) => BookError::Archive(ArchiveError::NotZip),
        ZipError::UnsupportedArchive(what) if what.contains("assword") || what.contains("ncrypt") => {
            BookError::Archive(ArchiveError::Encrypted)
        }
        ZipError::CompressionMethodNotSupported(method) => {
            BookError::Archive(ArchiveError::Unsupported(format!("n.° {method}")))
        }
        other => BookError::Damaged(other.to_string()),
    }
}

/// Reading an entry that inflates past its size or fails its checksum.
fn corrupt(_: std::io::Error) -> BookError {
    BookError::Archive(ArchiveError::Corrupt)
}

impl<'a> Archive<'a> {
    /// Opens the archive's directory and checks every entry before anything is inflated.
    pub fn open(bytes: &'a [u8]) -> Result<Self, BookError> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        let mut names = Vec::with_capacity(zip.len());
        let mut raw_names = Vec::with_capacity(zip.len());
        let mut total: u64 = 0;
        for i in 0..zip.len() {
            let entry = zip.by_index_raw(i).map_err(zip_error)?;
            if entry.encrypted() {
                return Err(ArchiveError::Encrypted.into());
            }
            match entry.compression() {
                CompressionMethod::Stored | CompressionMethod::Deflated => {}
                other => return Err(ArchiveError::Unsupported(format!("{other:?}")).into()),
            }
            total = total.saturating_add(entry.size());
            let name = entry.name().map_err(zip_error)?.replace('\\', "/");
            names.push(name.to_ascii_lowercase());
            raw_names.push(name);
        }
        if total > MAX_INFLATED_BYTES {
            return Err(ArchiveError::TooLarge { bytes: total }.into());
        }
        Ok(Archive { zip, names, raw_names })
    }

    /// Which workbook it is, or none.
    pub fn kind(&self) -> Result<ZipKind, BookError> {
        let has = |name: &str| self.names.iter().any(|n| n == name);
        if has("xl/workbook.bin") {
            Err(BookError::Xlsb)
        } else if has("xl/workbook.xml") {
            Ok(ZipKind::Xlsx)
        } else if has("content.xml") && has("mimetype") {
            Ok(ZipKind::Ods)
        } else {
            Err(BookError::NotWorkbook)
        }
    }

    /// Entry names, normalised as calamine looks them up.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Entry names as the archive writes them (`\` as `/`), in the order of [`Archive::names`].
    pub fn raw_names(&self) -> &[String] {
        &self.raw_names
    }

    /// The whole entry at `index`, checked against the size and checksum it declares.
    pub fn read_index(&mut self, index: usize) -> Result<Vec<u8>, BookError> {
        let mut entry = self.zip.by_index(index).map_err(zip_error)?;
        let mut out = Vec::with_capacity(entry.size().min(MAX_INFLATED_BYTES) as usize);
        entry.read_to_end(&mut out).map_err(corrupt)?;
        Ok(out)
    }

    /// The entry at `index` as it inflates, checked against its size and checksum at the end.
    pub fn entry(&mut self, index: usize) -> Result<zip::read::ZipFile<'_, Cursor<&'a [u8]>>, BookError> {
        self.zip.by_index(index).map_err(zip_error)
    }

    /// The first `limit` bytes of the entry at `index`.
    pub fn read_start(&mut self, index: usize, limit: u64) -> Result<Vec<u8>, BookError> {
        let entry = self.zip.by_index(index).map_err(zip_error)?;
        let mut out = Vec::new();
        entry.take(limit).read_to_end(&mut out).map_err(corrupt)?;
        Ok(out)
    }

    /// The whole entry of this (normalised) name, if the archive has it.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, BookError> {
        match self.names.iter().position(|n| n == name) {
            Some(index) => self.read_index(index).map(Some),
            None => Ok(None),
        }
    }

    /// Indices of the entries whose name ends with `suffix` (normalised).
    pub fn ending_with(&self, suffix: &str) -> Vec<usize> {
        self.names.iter().enumerate().filter(|(_, n)| n.ends_with(suffix)).map(|(i, _)| i).collect()
    }
}

/// The local name of an element: `x:numFmt` and `numFmt` both read `numFmt`.
fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// An attribute's value, entities decoded, by its local or full name.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name || a.key.as_ref() == name)
        .map(|a| quick_xml::escape::unescape(&a.value).map_or_else(|_| a.value.to_string(), |v| v.into_owned()))
}

fn damaged(part: &str) -> impl Fn(quick_xml::Error) -> BookError + '_ {
    move |error| BookError::Damaged(format!("{part}: {error}"))
}

/// The styles of an .xlsx: refused when a number format code is longer than Excel allows, or
/// when there are more formats, fonts, fills, borders or cell styles than [`MAX_STYLES`] (each
/// cell style copies its format and font when calamine reads it). Gives, per cell style, the
/// width a zero-only number format pads integers to and whether it shows a date.
pub fn check_styles(xml: &[u8]) -> Result<Styles, BookError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut styles = Styles::default();
    let mut custom: Vec<(String, u8)> = Vec::new();
    let mut codes: HashMap<String, String> = HashMap::new();
    let (mut formats, mut fonts, mut fills, mut borders) = (0usize, 0usize, 0usize, 0usize);
    let mut in_cell_styles = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(damaged("xl/styles.xml"))?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                if e.local_name().as_ref() == "cellXfs" {
                    in_cell_styles = false;
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        let over = |n: usize| if n > MAX_STYLES { Err(BookError::Limit(Exceeded::Styles)) } else { Ok(()) };
        match local(e).as_str() {
            "numFmt" => {
                formats += 1;
                over(formats)?;
                let code = attribute(e, "formatCode").unwrap_or_default();
                let chars = code.chars().count();
                if chars > MAX_NUMBER_FORMAT_CHARS {
                    return Err(Exceeded::NumberFormat { chars }.into());
                }
                if let Some(id) = attribute(e, "numFmtId") {
                    let width = zero_pad_width(&code);
                    if width > 0 && !custom.iter().any(|(known, _)| *known == id) {
                        custom.push((id.clone(), width));
                    }
                    if attribute(e, "formatCode").is_some() {
                        codes.insert(id, code);
                    }
                }
            }
            "font" => {
                fonts += 1;
                over(fonts)?;
            }
            "fill" => {
                fills += 1;
                over(fills)?;
            }
            "border" => {
                borders += 1;
                over(borders)?;
            }
            "cellXfs" => in_cell_styles = !empty,
            "xf" if in_cell_styles => {
                over(styles.pads.len() + 1)?;
                let id = attribute(e, "numFmtId");
                let kind = id.as_deref().map_or(FormatKind::Number, |id| codes.get(id).map_or_else(|| builtin_format_kind(id), |code| format_kind(code)));
                let id = id.unwrap_or_default();
                styles.pads.push(custom.iter().find(|(known, _)| *known == id).map_or(0, |(_, width)| *width));
                styles.kinds.push(kind);
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(styles)
}

/// Characters of a cell's text once Office's `_xHHHH_` escapes are decoded (each is one).
fn office_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let escapes = (0..bytes.len().saturating_sub(6))
        .filter(|&i| {
            bytes[i] == b'_'
                && bytes[i + 1] == b'x'
                && bytes[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
                && bytes[i + 6] == b'_'
        })
        .count();
    text.chars().count() - 6 * escapes
}

/// The shared strings of an .xlsx: each fits a cell, and there are at most [`MAX_SHARED_STRINGS`]
/// (declared or found), before calamine reserves room for them and copies them.
pub fn check_shared_strings(xml: &[u8]) -> Result<(), BookError> {
    const PART: &str = "xl/sharedStrings.xml";
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut count = 0usize;
    let mut text = String::new();
    let (mut in_item, mut in_text, mut phonetic) = (false, false, 0usize);
    let too_long = |index: usize| BookError::Limit(Exceeded::SharedText { index });
    loop {
        match reader.read_event_into(&mut buf).map_err(damaged(PART))? {
            // Compared in place: one event in three is a start tag, too many for a `String` each.
            Event::Start(e) => match e.local_name().as_ref() {
                "sst" => {
                    let declared = attribute(&e, "uniqueCount").and_then(|n| n.trim().parse::<u64>().ok());
                    if declared.is_some_and(|n| n > MAX_SHARED_STRINGS as u64) {
                        return Err(Exceeded::SharedStrings.into());
                    }
                }
                "si" => {
                    in_item = true;
                    text.clear();
                }
                "t" => in_text = true,
                "rPh" => phonetic += 1,
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => {
                count += 1;
                if count > MAX_SHARED_STRINGS {
                    return Err(Exceeded::SharedStrings.into());
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "si" if in_item => {
                    in_item = false;
                    if office_chars(&text) > MAX_CELL_CHARS {
                        return Err(too_long(count));
                    }
                    count += 1;
                    if count > MAX_SHARED_STRINGS {
                        return Err(Exceeded::SharedStrings.into());
                    }
                }
                "t" => in_text = false,
                "rPh" => phonetic = phonetic.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_item && in_text && phonetic == 0 => {
                if text.len() + t.len() > MAX_RAW_CELL_BYTES {
                    return Err(too_long(count));
                }
                text.push_str(&&*t);
            }
            Event::GeneralRef(_) if in_item && in_text && phonetic == 0 => {
                if text.len() + 1 > MAX_RAW_CELL_BYTES {
                    return Err(too_long(count));
                }
                text.push('&');
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Where a cell of an .ods sheet lies, zero-based: table (tab), row, column.
pub type OdsPosition = (usize, u32, u32);

/// What the .ods pre-scan learnt for the reading.
#[derive(Debug, Default)]
pub struct OdsFacts {
    /// Integers shown with leading zeros (`07` of a `00` format): their text, which calamine loses.
    pub padded: Vec<(OdsPosition, String)>,
    /// Merged cells: the first cell and how many rows and columns it spans.
    pub merges: Vec<(OdsPosition, u32, u32)>,
}

/// The sheets of an .ods `content.xml` as calamine lays them out (repeated rows and columns
/// expanded, every tab dense from its first to its last cell with data): refused past
/// [`MAX_ROWS`], [`MAX_COLUMNS`] or, for all tabs together, [`MAX_DENSE_CELLS`], before calamine
/// allocates them. Also notes zero-padded integers and merged cells.
pub fn scan_ods(xml: &[u8]) -> Result<OdsFacts, BookError> {
    const PART: &str = "content.xml";
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut facts = OdsFacts::default();
    let mut dense = 0u64;
    let mut table: Option<usize> = None;
    let mut tables = 0usize;
    // The current tab: next row, and the rows and columns with data.
    let (mut row, mut first_row, mut last_row, mut last_column) = (0u64, None::<u64>, 0u64, 0u64);
    let mut row_repeat = 1u64;
    let mut column = 0u64;
    let mut row_has_data = false;
    let mut row_last_column = 0u64;
    // The float cell being read, whose text may show leading zeros.
    let mut float_cell: Option<(u64, String, String)> = None;
    let finish_table = |first: Option<u64>, last_row: u64, last_column: u64, dense: &mut u64| -> Result<(), BookError> {
        if let Some(first) = first {
            *dense = dense.saturating_add((last_row + 1 - first).saturating_mul(last_column + 1));
            if *dense > MAX_DENSE_CELLS as u64 {
                return Err(Exceeded::DenseCells.into());
            }
        }
        Ok(())
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(damaged(PART))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    "table:table" => {
                        table = Some(tables);
                        tables += 1;
                        (row, first_row, last_row, last_column) = (0, None, 0, 0);
                    }
                    "table:table-row" => {
                        row_repeat = attribute(e, "table:number-rows-repeated")
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(1u64)
                            .max(1);
                        column = 0;
                        row_has_data = false;
                        row_last_column = 0;
                        if empty {
                            row = row.saturating_add(row_repeat);
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        let repeat = attribute(e, "table:number-columns-repeated")
                            .and_then(|n| n.parse().ok())
                            .unwrap_or(1u64)
                            .max(1);
                        let value_type = attribute(e, "office:value-type");
                        let has_data = value_type.is_some() || attribute(e, "table:formula").is_some();
                        if has_data {
                            let last = column.saturating_add(repeat - 1);
                            if row >= MAX_ROWS as u64 {
                                return Err(Exceeded::Rows { row: row as usize + 1 }.into());
                            }
                            if last >= MAX_COLUMNS as u64 {
                                return Err(Exceeded::Columns { row: row as usize + 1, column: MAX_COLUMNS }.into());
                            }
                            row_has_data = true;
                            row_last_column = last;
                            if let Some(t) = table {
                                let position = (t, row as u32, column as u32);
                                let rows = attribute(e, "table:number-rows-spanned").and_then(|n| n.parse().ok()).unwrap_or(1u32);
                                let columns =
                                    attribute(e, "table:number-columns-spanned").and_then(|n| n.parse().ok()).unwrap_or(1u32);
                                if rows > 1 || columns > 1 {
                                    facts.merges.push((position, rows, columns));
                                }
                                if value_type.as_deref() == Some("float") && !empty && repeat == 1 {
                                    let value = attribute(e, "office:value").unwrap_or_default();
                                    float_cell = Some((column, value, String::new()));
                                }
                            }
                        }
                        column = column.saturating_add(repeat);
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((_, _, text)) = float_cell.as_mut() {
                    if text.len() < 32 {
                        text.push_str(&&**t);
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" => {
                    if let (Some((at, value, text)), Some(t)) = (float_cell.take(), table) {
                        let text = text.trim();
                        let padded = text.len() >= 2
                            && text.starts_with('0')
                            && text.bytes().all(|b| b.is_ascii_digit())
                            && text.trim_start_matches('0').parse::<u64>().ok() == value.parse::<u64>().ok();
                        if padded {
                            facts.padded.push(((t, row as u32, at as u32), text.to_string()));
                        }
                    }
                }
                "table:table-row" => {
                    if row_has_data {
                        first_row.get_or_insert(row);
                        last_row = row.saturating_add(row_repeat - 1);
                        last_column = last_column.max(row_last_column);
                        if last_row >= MAX_ROWS as u64 {
                            return Err(Exceeded::Rows { row: MAX_ROWS + 1 }.into());
                        }
                    }
                    row = row.saturating_add(row_repeat);
                }
                "table:table" => {
                    finish_table(first_row, last_row, last_column, &mut dense)?;
                    table = None;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    facts.padded.sort_by(|a, b| a.0.cmp(&b.0));
    facts.padded.dedup_by(|a, b| a.0 == b.0);
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_their_first_bytes() {
        assert_eq!(Kind::of(b"PK\x03\x04rest"), Kind::Zip);
        assert_eq!(Kind::of(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), Kind::Ole);
        assert_eq!(Kind::of(b"\xEF\xBB\xBF  <!DOCTYPE HTML PUBLIC"), Kind::Html);
        assert_eq!(Kind::of(b"<table><tr>"), Kind::Html);
        assert_eq!(Kind::of(b"aei_codigo,cc_codigo"), Kind::Text);
    }

    #[test]
    fn escapes_count_as_one_character() {
        assert_eq!(office_chars("a_x000D_b"), 3);
        assert_eq!(office_chars("_x_"), 3);
    }

    #[test]
    fn an_ods_row_repeated_past_the_row_limit_is_refused_before_calamine_expands_it() {
        let content = |repeat: u64| {
            format!(
                r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="A"><table:table-row table:number-rows-repeated="{repeat}"><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
            )
        };
        assert!(scan_ods(content(1_000).as_bytes()).is_ok());
        assert_eq!(scan_ods(content(1_000_000).as_bytes()).unwrap_err(), BookError::Limit(Exceeded::Rows { row: MAX_ROWS + 1 }));
    }

    #[test]
    fn an_ods_integer_shown_with_zeros_is_noted() {
        let content = r#"<table:table><table:table-row><table:table-cell office:value-type="float" office:value="7"><text:p>07</text:p></table:table-cell><table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>AEI</text:p></table:table-cell></table:table-row></table:table>"#;
        let facts = scan_ods(content.as_bytes()).unwrap();
        assert_eq!(facts.padded, vec![((0, 0, 0), "07".to_string())]);
        assert_eq!(facts.merges, vec![((0, 0, 1), 3, 1)]);
    }
}
