//! The scan of a worksheet's `<sheetData>`: cells in file order, those a read steps over found
//! and left without reading their value.

use std::io::Read;

use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
use memchr::{memchr, memmem};

use crate::cell::{date_text, FormatKind, Raw};
use crate::text::{inline_text, office_plain, xml_text};
use crate::{Declined, Parts};

/// Bytes inflated at a time.
pub const CHUNK: usize = 1 << 20;

/// `-12.5E3`: what Excel writes in a number cell. Anything else is left to calamine.
fn plain_number(raw: &[u8]) -> Option<f64> {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = usize::from(raw.first() == Some(&b'-'));
    let whole = digits(&raw[i..]);
    if whole == 0 {
        return None;
    }
    i += whole;
    if raw.get(i) == Some(&b'.') {
        let fraction = digits(&raw[i + 1..]);
        if fraction == 0 {
            return None;
        }
        i += 1 + fraction;
    }
    if matches!(raw.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(raw.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exponent = digits(&raw[i..]);
        if exponent == 0 {
            return None;
        }
        i += exponent;
    }
    if i != raw.len() {
        return None;
    }
    std::str::from_utf8(raw).ok()?.parse().ok()
}

/// A whole number of digits only.
fn plain_index(raw: &[u8]) -> Option<usize> {
    if raw.is_empty() || raw.len() > 9 || !raw.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(raw.iter().fold(0, |n, b| n * 10 + usize::from(b - b'0')))
}

/// `AB12` as (row, column), zero-based: one to three letters, then one to seven digits.
fn reference(raw: &[u8]) -> Option<(u32, u32)> {
    let (mut column, mut row, mut letters, mut digits) = (0u32, 0u32, 0usize, 0usize);
    for &b in raw {
        match b {
            b'A'..=b'Z' if digits == 0 => {
                column = column * 26 + u32::from(b - b'A') + 1;
                letters += 1;
            }
            b'a'..=b'z' if digits == 0 => {
                column = column * 26 + u32::from(b - b'a') + 1;
                letters += 1;
            }
            b'0'..=b'9' => {
                row = row * 10 + u32::from(b - b'0');
                digits += 1;
            }
            _ => return None,
        }
    }
    if letters == 0 || letters > 3 || digits == 0 || digits > 7 || row == 0 {
        return None;
    }
    Some((row - 1, column - 1))
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/')
}

/// The `r`, `s` and `t` of a cell's start tag (the bytes between `<c` and `>`).
fn cell_attributes(tag: &[u8]) -> Result<(&[u8], Option<&[u8]>, Option<&[u8]>), Declined> {
    let (mut r, mut s, mut t) = (None, None, None);
    let mut rest = tag;
    loop {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(rest.len());
        rest = &rest[start..];
        if rest.is_empty() || rest == b"/" {
            break;
        }
        let eq = memchr(b'=', rest).ok_or(Declined)?;
        let name = rest[..eq].trim_ascii();
        let quote = *rest.get(eq + 1).ok_or(Declined)?;
        if quote != b'"' && quote != b'\'' {
            return Err(Declined);
        }
        let value_start = eq + 2;
        let len = memchr(quote, &rest[value_start..]).ok_or(Declined)?;
        let value = &rest[value_start..value_start + len];
        if value.contains(&b'&') {
            return Err(Declined);
        }
        match name {
            [b'r'] => r = Some(value),
            [b's'] => s = Some(value),
            [b't'] => t = Some(value),
            _ => {}
        }
        rest = &rest[value_start + len + 1..];
    }
    Ok((r.ok_or(Declined)?, s, t))
}

/// The `s` and `t` of a start tag written ` r="A1" s="3" t="s"`, each optional and in that
/// order, values without quotes or `&` inside; `None` for anything else ([`cell_attributes`] reads it).
fn style_and_type(tag: &[u8]) -> Option<(Option<&[u8]>, Option<&[u8]>)> {
    fn value<'t>(rest: &mut &'t [u8], name: &[u8]) -> Option<Option<&'t [u8]>> {
        let Some(after) = rest.strip_prefix(b" ").and_then(|r| r.strip_prefix(name)).and_then(|r| r.strip_prefix(b"=\"")) else {
            return Some(None);
        };
        let len = after.iter().position(|&b| b == b'"')?;
        let found = &after[..len];
        if found.contains(&b'&') {
            return None;
        }
        *rest = &after[len + 1..];
        Some(Some(found))
    }
    let mut rest = tag.strip_prefix(b" r=\"")?;
    rest = &rest[rest.iter().position(|&b| b == b'"')? + 1..];
    let s = value(&mut rest, b"s")?;
    let t = value(&mut rest, b"t")?;
    matches!(rest, b"" | b"/").then_some((s, t))
}

/// A cell's `t`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CellType {
    /// No `t`, or `n`.
    Number,
    Shared,
    Bool,
    Error,
    /// A formula's text result.
    Str,
    /// An ISO 8601 date.
    IsoDate,
    Inline,
}

impl CellType {
    fn of(t: Option<&[u8]>) -> Result<CellType, Declined> {
        Ok(match t {
            None | Some(b"n") => CellType::Number,
            Some(b"s") => CellType::Shared,
            Some(b"b") => CellType::Bool,
            Some(b"e") => CellType::Error,
            Some(b"str") => CellType::Str,
            Some(b"d") => CellType::IsoDate,
            Some(b"inlineStr" | b"is") => CellType::Inline,
            Some(_) => return Err(Declined),
        })
    }
}

/// What a cell holds, by its children: calamine takes the last one's value, so only
/// `<f>` then `<v>` or `<is>` (each optional) are read here.
enum Content<'x> {
    Nothing,
    Value(&'x [u8]),
    Inline(&'x [u8]),
}

/// A cell read: where it is, its value, and whether it holds a formula.
pub struct XmlCell<'v> {
    pub row: u32,
    pub column: u32,
    pub raw: Raw<'v>,
    pub formula: bool,
}

/// The cell's content, and whether it has a formula.
fn cell_content(content: &[u8]) -> Result<(Content<'_>, bool), Declined> {
    let mut found = Content::Nothing;
    let mut formula = false;
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &content[i..]) {
        let rest = &content[i + lt + 1..];
        if !matches!(found, Content::Nothing) {
            return Err(Declined);
        }
        match rest {
            [b'v', b'>', after @ ..] => {
                let len = closing(after, b"v").ok_or(Declined)?;
                found = Content::Value(&after[..len]);
                i += lt + 1 + 2 + len + 4;
            }
            [b'i', b's', b'>', after @ ..] => {
                let len = closing(after, b"is").ok_or(Declined)?;
                found = Content::Inline(&after[..len]);
                i += lt + 1 + 3 + len + 5;
            }
            [b'f', d, ..] if is_delimiter(*d) => {
                let gt = memchr(b'>', rest).ok_or(Declined)?;
                let end = if rest[gt - 1] == b'/' { gt + 1 } else { gt + closing(&rest[gt..], b"f").ok_or(Declined)? + 3 + 1 };
                i += lt + 1 + end;
                formula = true;
            }
            _ => return Err(Declined),
        }
    }
    Ok((found, formula))
}

/// Where `</name>` starts in `hay`: the end tags of a cell are a few bytes away, where a plain
/// loop beats a search's set-up.
fn closing(hay: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(lt) = hay[from..].iter().position(|&b| b == b'<') {
        let at = from + lt;
        let tag = &hay[at + 1..];
        let n = name.len();
        if tag.len() > n + 1 && tag[0] == b'/' && tag[1..=n].iter().zip(name).all(|(a, b)| a == b) && tag[n + 1] == b'>' {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where a cell's `</c>` starts. Most cells are `<v>…</v></c>`: one search for the `<` of `</v>`.
fn cell_end(hay: &[u8]) -> Option<usize> {
    if hay.len() > 3 && hay[0] == b'<' && hay[1] == b'v' && hay[2] == b'>' {
        let close = 3 + hay[3..].iter().position(|&b| b == b'<')?;
        if hay.get(close..close + 8).is_some_and(|tags| tags == b"</v></c>") {
            return Some(close + 4);
        }
    }
    closing(hay, b"c")
}

/// A worksheet's cells in file order, inflated a chunk at a time and read whole rows at a time.
pub struct SheetXml<'a> {
    input: Box<dyn Read + 'a>,
    parts: &'a Parts,
    buf: Vec<u8>,
    pos: usize,
    /// Past the last whole row inflated so far.
    end: usize,
    eof: bool,
    done: bool,
    chunk: usize,
    text: String,
    /// The last row the sheet declares (`<dimension ref="A1:JQ15001">`), zero-based.
    pub last_row: Option<u32>,
}

impl<'a> SheetXml<'a> {
    /// Inflates up to `<sheetData>`; declined when there is none written plainly.
    pub fn open(input: impl Read + 'a, parts: &'a Parts, chunk: usize) -> Result<Self, Declined> {
        let mut sheet =
            SheetXml { input: Box::new(input), parts, buf: Vec::new(), pos: 0, end: 0, eof: false, done: false, chunk, text: String::new(), last_row: None };
        let start = loop {
            if let Some(at) = memmem::find(&sheet.buf, b"<sheetData") {
                break at;
            }
            if sheet.eof {
                return Err(Declined);
            }
            sheet.fill()?;
        };
        while memchr(b'>', &sheet.buf[start..]).is_none() && !sheet.eof {
            sheet.fill()?;
        }
        sheet.last_row = declared_last_row(&sheet.buf[..start]);
        let tag = &sheet.buf[start + b"<sheetData".len()..];
        if !tag.first().copied().is_some_and(is_delimiter) {
            return Err(Declined);
        }
        let gt = memchr(b'>', tag).ok_or(Declined)?;
        sheet.done = tag[..gt].ends_with(b"/");
        sheet.pos = start + b"<sheetData".len() + gt + 1;
        sheet.find_end();
        Ok(sheet)
    }

    /// Inflates one more chunk, dropping what was read.
    fn fill(&mut self) -> Result<(), Declined> {
        self.buf.drain(..self.pos);
        self.end -= self.pos.min(self.end);
        self.pos = 0;
        let read = (&mut self.input).take(self.chunk as u64).read_to_end(&mut self.buf).map_err(|_| Declined)?;
        self.eof = read < self.chunk;
        Ok(())
    }

    fn find_end(&mut self) {
        self.end = if self.eof {
            self.buf.len()
        } else {
            memmem::rfind(&self.buf[self.pos..], b"</row>").map_or(self.pos, |at| self.pos + at + b"</row>".len())
        };
    }

    /// The next cell (row, column, value) that `skip(row, column)` does not step over; `None` after `</sheetData>`.
    pub fn next_cell(&mut self, skip: &dyn Fn(u32, u32) -> bool) -> Result<Option<XmlCell<'_>>, Declined> {
        loop {
            if self.done {
                return Ok(None);
            }
            if self.pos >= self.end {
                if self.eof {
                    return Err(Declined);
                }
                self.fill()?;
                self.find_end();
                continue;
            }
            let window = &self.buf[self.pos..self.end];
            // Elements follow each other without white space in most files: no search then.
            let lt = if window[0] == b'<' { Some(0) } else { memchr(b'<', window) };
            let Some(lt) = lt else {
                self.pos = self.end;
                continue;
            };
            let rest = &window[lt + 1..];
            if rest.len() > 1 && rest[0] == b'c' && is_delimiter(rest[1]) {
                let gt = rest.iter().position(|&b| b == b'>').ok_or(Declined)?;
                let tag = &rest[1..gt];
                let r = match tag {
                    [b' ', b'r', b'=', b'"', value @ ..] => &value[..value.iter().position(|&b| b == b'"').ok_or(Declined)?],
                    _ => cell_attributes(tag)?.0,
                };
                let (row, column) = reference(r).ok_or(Declined)?;
                let content_start = self.pos + lt + 1 + gt + 1;
                let (content, next) = if tag.ends_with(b"/") {
                    (content_start..content_start, content_start)
                } else {
                    let len = cell_end(&self.buf[content_start..self.end]).ok_or(Declined)?;
                    (content_start..content_start + len, content_start + len + b"</c>".len())
                };
                self.pos = next;
                if skip(row, column) {
                    continue;
                }
                let (s, t) = match style_and_type(tag) {
                    Some(found) => found,
                    None => {
                        let (_, s, t) = cell_attributes(tag)?;
                        (s, t)
                    }
                };
                let style = s.map(|s| plain_index(s).ok_or(Declined)).transpose()?;
                let kind = CellType::of(t)?;
                let (raw, formula) = self.value(content, style, kind)?;
                return Ok(Some(XmlCell { row, column, raw, formula }));
            }
            match rest {
                [b'r', b'o', b'w', d, ..] if is_delimiter(*d) => {
                    let gt = memchr(b'>', rest).ok_or(Declined)?;
                    self.pos += lt + 1 + gt + 1;
                }
                [b'/', b'r', b'o', b'w', b'>', ..] => self.pos += lt + 1 + b"/row>".len(),
                _ if rest.starts_with(b"/sheetData>") => self.done = true,
                _ => return Err(Declined),
            }
        }
    }

    /// A cell's value as calamine reads it, by its type (`t`) and style (`s`).
    fn value(&mut self, content: std::ops::Range<usize>, style: Option<usize>, kind: CellType) -> Result<(Raw<'_>, bool), Declined> {
        let parts = self.parts;
        let (content, formula) = cell_content(&self.buf[content])?;
        let raw = match content {
            Content::Nothing => return Ok((Raw::Empty, formula)),
            Content::Inline(inner) => {
                self.text = inline_text(inner)?;
                return Ok((Raw::Text(&self.text), formula));
            }
            Content::Value(raw) => raw,
        };
        let value = match kind {
            CellType::Inline => Ok(Raw::Empty),
            CellType::Str | CellType::IsoDate => {
                let text = xml_text(raw)?;
                let text = if kind == CellType::Str { office_plain(&text)? } else { &text };
                self.text = text.to_string();
                Ok(Raw::Text(&self.text))
            }
            _ if raw.is_empty() => Ok(Raw::Empty),
            _ if raw.contains(&b'&') => Err(Declined),
            CellType::Shared => plain_index(raw).and_then(|i| parts.strings.get(i)).map(|s| Raw::Text(s)).ok_or(Declined),
            CellType::Bool => match raw.trim_ascii() {
                b"" => Ok(Raw::Empty),
                b"0" => Ok(Raw::Bool(false)),
                b"1" => Ok(Raw::Bool(true)),
                v if v.eq_ignore_ascii_case(b"false") => Ok(Raw::Bool(false)),
                v if v.eq_ignore_ascii_case(b"true") => Ok(Raw::Bool(true)),
                _ => Err(Declined),
            },
            CellType::Error => {
                let code = std::str::from_utf8(raw).map_err(|_| Declined)?;
                code.parse::<CellErrorType>().map(|e| Raw::Error(e.to_string())).map_err(|_| Declined)
            }
            CellType::Number => {
                let value = plain_number(raw).ok_or(Declined)?;
                let pad = parts.styles.pads.get(style.unwrap_or(0)).copied().unwrap_or(0);
                let format = style.and_then(|i| parts.styles.kinds.get(i).copied()).unwrap_or_default();
                Ok(match format {
                    FormatKind::Date => {
                        let date = ExcelDateTime::new(value, ExcelDateTimeType::DateTime, parts.date1904);
                        Raw::Date(value, date_text(date.to_ymd_hms_milli()))
                    }
                    FormatKind::Number | FormatKind::Duration => Raw::Number(value, pad),
                })
            }
        };
        Ok((value?, formula))
    }
}

/// The last row of `<dimension ref="A1:JQ15001"/>`, zero-based.
fn declared_last_row(head: &[u8]) -> Option<u32> {
    let at = memmem::find(head, b"<dimension")?;
    let tag = &head[at..at + memchr(b'>', &head[at..])?];
    let value = &tag[memmem::find(tag, b"ref=\"")? + 5..];
    let value = &value[..memchr(b'"', value)?];
    let last = value.rsplit(|&b| b == b':').next()?;
    reference(last).map(|(row, _)| row)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::cell::Styles;

    fn workbook(strings: &[&str]) -> Parts {
        Parts {
            strings: strings.iter().map(|s| s.to_string()).collect(),
            styles: Styles { pads: vec![0, 2, 0], kinds: vec![FormatKind::Number, FormatKind::Number, FormatKind::Date] },
            date1904: false,
        }
    }

    /// Every cell `skip` lets through, as (row, column, value as text), or declined.
    fn cells(xml: &str, strings: &[&str], chunk: usize, skip: impl Fn(u32, u32) -> bool) -> Result<Vec<(u32, u32, String)>, Declined> {
        let workbook = workbook(strings);
        let mut sheet = SheetXml::open(xml.as_bytes(), &workbook, chunk)?;
        let mut out = Vec::new();
        while let Some(XmlCell { row: r, column: c, raw, .. }) = sheet.next_cell(&skip)? {
            let shown = match raw {
                Raw::Empty => "∅".to_string(),
                Raw::Text(t) => format!("'{t}'"),
                Raw::Number(n, pad) => format!("{n}/{pad}"),
                Raw::Bool(b) => b.to_string(),
                Raw::Date(n, text) => format!("{n}={text}"),
                Raw::Error(e) => e,
            };
            out.push((r, c, shown));
        }
        Ok(out)
    }

    fn sheet(rows: &str) -> String {
        format!(r#"<?xml version="1.0"?><worksheet xmlns="x"><dimension ref="A1:C3"/><sheetData>{rows}</sheetData><mergeCells count="0"/></worksheet>"#)
    }

    #[test]
    fn every_kind_of_cell_reads_as_calamine_reads_it() {
        let xml = sheet(concat!(
            r#"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>7</v></c><c r="C1" s="2"><v>45291</v></c></row>"#,
            r#"<row r="2"><c r="A2" t="str"><f>A1&amp;"x"</f><v>b &amp; c</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row>"#,
            r#"<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> d </t></is></c><c r="B3" s="1"/><c r="C3"><f>1/0</f></c><c r="D3"><v>-1.5E-3</v></c></row>"#,
        ));
        let read = cells(&xml, &["a", "Oficina"], CHUNK, |_, _| false).unwrap();
        let expected = [
            (0, 0, "'Oficina'"),
            (0, 1, "7/2"),
            (0, 2, "45291=2023-12-31"),
            (1, 0, "'b & c'"),
            (1, 1, "true"),
            (1, 2, "#N/A"),
            (2, 0, "' d '"),
            (2, 1, "∅"),
            (2, 2, "∅"),
            (2, 3, "-0.0015/0"),
        ];
        assert_eq!(read, expected.map(|(r, c, v)| (r, c, v.to_string())));
    }

    #[test]
    fn cells_skipped_are_stepped_over_and_rows_cross_chunks() {
        let rows: String = (1..=40).map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="s"><v>0</v></c></row>"#)).collect();
        let read = cells(&sheet(&rows), &["x"], 64, |r, c| r < 2 || c == 1).unwrap();
        assert_eq!(read.len(), 38);
        assert_eq!(read[0], (2, 0, "3/0".to_string()));
        assert_eq!(read[37], (39, 0, "40/0".to_string()));
    }

    #[test]
    fn anything_not_plain_is_declined() {
        let declined = |rows: &str| cells(&sheet(rows), &["x"], CHUNK, |_, _| false) == Err(Declined);
        assert!(declined(r#"<row r="1"><c t="s"><v>0</v></c></row>"#), "a cell without its reference");
        assert!(declined(r#"<row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c></row>"#), "rich inline text");
        assert!(declined(r#"<row r="1"><c r="A1" t="str"><v>a_x000D_b</v></c></row>"#), "an Office escape");
        assert!(declined(r#"<row r="1"><c r="A1" t="s"><v>5</v></c></row>"#), "a shared string that does not exist");
        assert!(declined(r#"<row r="1"><c r="A1"><v> 5 </v></c></row>"#), "spaces around a number");
        assert!(declined(r#"<row r="1"><c r="A1" t="e"><v>#SPILL!</v></c></row>"#), "an error calamine refuses");
        assert!(declined(r#"<row r="1"><!-- note --><c r="A1"><v>5</v></c></row>"#), "a comment");
        let prefixed = r#"<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#;
        let workbook = workbook(&[]);
        assert!(SheetXml::open(prefixed.as_bytes(), &workbook, CHUNK).is_err(), "a prefixed namespace");
    }

    #[test]
    fn the_declared_last_row_and_an_empty_sheet() {
        let workbook = workbook(&[]);
        let xml = sheet("");
        assert_eq!(SheetXml::open(xml.as_bytes(), &workbook, CHUNK).unwrap().last_row, Some(2));
        let empty = r#"<worksheet><dimension ref="A1"/><sheetData/></worksheet>"#;
        let mut sheet = SheetXml::open(empty.as_bytes(), &workbook, CHUNK).unwrap();
        assert!(sheet.next_cell(&|_, _| false).unwrap().is_none());
    }

    #[test]
    fn style_and_type_read_as_every_attribute_is() {
        let tags: [&[u8]; 9] = [
            br#" r="A1""#,
            br#" r="A1" s="3""#,
            br#" r="A1" s="3" t="s""#,
            br#" r="A1" t="str"/"#,
            br#" r="A1" s="12"/"#,
            br#" r="A1" t="s" s="3""#,
            br#" r="A1" s="3" cm="1""#,
            br#" r="A1"  s="3""#,
            br#" r="A1" s='3'"#,
        ];
        for tag in tags {
            let (_, s, t) = cell_attributes(tag).unwrap();
            if let Some(fast) = style_and_type(tag) {
                assert_eq!(fast, (s, t), "{}", String::from_utf8_lossy(tag));
            }
        }
        assert_eq!(style_and_type(br#" r="B2" s="3" t="s""#), Some((Some(&b"3"[..]), Some(&b"s"[..]))));
        assert_eq!(style_and_type(br#" r="B2" t="s" s="3""#), None, "another order is left to the full read");
        assert_eq!(style_and_type(br#" r="B2" s="&#51;""#), None, "an entity");
    }
}
