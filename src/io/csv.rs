//! A small CSV reader and writer: delimiter detection (and Excel's `sep=` line), quoting, UTF-8/BOM,
//! UTF-16 ("Texto Unicode"), Windows-1252 and Mac Roman.

use std::borrow::Cow;
use std::fmt;

use super::limits::{check_position, fits_cell, Budget, Exceeded, MAX_RAW_CELL_BYTES};

/// The field separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    /// What Excel in Spanish writes.
    Semicolon,
    Tab,
}

impl Delimiter {
    /// The separator character.
    pub fn as_char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
            Delimiter::Tab => '\t',
        }
    }
}

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 starting with the byte order mark Excel adds ("CSV UTF-8").
    Utf8WithBom,
    /// Not valid UTF-8: read as Windows-1252, what Excel in Spanish saves as plain "CSV".
    Windows1252,
    /// UTF-16 with its byte order mark: Excel's "Texto Unicode (*.txt)".
    Utf16,
    /// Not valid UTF-8, lines ending in CR alone, and Spanish letters only when read as Mac Roman:
    /// Excel for Mac's old "CSV (Macintosh)".
    MacRoman,
}

/// The records of a CSV file, with what was detected to read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub rows: Vec<Vec<String>>,
    pub delimiter: Delimiter,
    pub encoding: Encoding,
}

/// A quoted field that never closes: everything after it would be swallowed, so the file is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnterminatedQuote {
    /// Physical line (1-based) where the quote opens.
    pub line: usize,
    /// Record (1-based, as a spreadsheet numbers rows) that contains it.
    pub row: usize,
}

impl fmt::Display for UnterminatedQuote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fila {}: las comillas abiertas en la línea {} del archivo no se cierran", self.row, self.line)
    }
}

/// Why a CSV file gives no records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    UnterminatedQuote(UnterminatedQuote),
    /// More rows, columns, cells or characters in a cell than the readers take.
    Limit(Exceeded),
    /// A UTF-8 file with bytes that are not UTF-8 (a name typed in another program): the rows
    /// (1-based) where they are. Read as Windows-1252 the whole file would change.
    InvalidUtf8 { rows: Vec<usize> },
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::UnterminatedQuote(quote) => quote.fmt(f),
            CsvError::Limit(exceeded) => exceeded.fmt(f),
            CsvError::InvalidUtf8 { rows } => {
                let listed: Vec<String> = rows.iter().take(20).map(ToString::to_string).collect();
                write!(
                    f,
                    "El archivo está en UTF-8 pero {} {} tiene{} caracteres que no son UTF-8 (escritos en otra codificación); corríjalos o guarde el archivo de nuevo como «CSV UTF-8»",
                    if rows.len() == 1 { "la fila" } else { "las filas" },
                    listed.join(", "),
                    if rows.len() == 1 { "" } else { "n" }
                )
            }
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Windows-1252 for bytes 0x80–0x9F; the five undefined bytes map to the C1 controls, as browsers do.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Mac Roman for bytes 0x80–0xFF (0xF0 is Apple's logo, a private-use character).
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

fn mac_roman(bytes: &[u8]) -> String {
    let high: Vec<char> = MAC_ROMAN_HIGH.chars().collect();
    bytes.iter().map(|&b| if b < 0x80 { char::from(b) } else { high[usize::from(b - 0x80)] }).collect()
}

/// How Spanish a text looks: its accented letters, eñes and opening marks.
fn spanish_letters(text: &str) -> usize {
    text.chars().filter(|c| "áéíóúÁÉÍÓÚñÑüÜ¿¡".contains(*c)).count()
}

/// Rows (1-based, counting line breaks) holding bytes that are not UTF-8.
fn rows_with_invalid_utf8(bytes: &[u8]) -> Vec<usize> {
    let mut rows = Vec::new();
    let mut rest = bytes;
    let mut offset = 0;
    while let Err(error) = std::str::from_utf8(rest) {
        let at = offset + error.valid_up_to();
        let row = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        if rows.last() != Some(&row) {
            rows.push(row);
        }
        let skip = error.error_len().unwrap_or(rest.len() - error.valid_up_to()).max(1);
        offset = at + skip;
        rest = &bytes[offset.min(bytes.len())..];
    }
    rows
}

/// Text of the file: UTF-16 by its byte order mark; UTF-8 (a leading BOM dropped) when valid;
/// a UTF-8 file with a few stray bytes is refused with their rows; otherwise Windows-1252, or
/// Mac Roman for a file of CR line ends that reads as Spanish only so.
pub fn decode_checked(bytes: &[u8]) -> Result<(String, Encoding), CsvError> {
    let utf16 = |big: bool, body: &[u8]| {
        let units = body.chunks_exact(2).map(|p| if big { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>()
    };
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok((utf16(false, body), Encoding::Utf16));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok((utf16(true, body), Encoding::Utf16));
    }
    let (body, utf8) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, Encoding::Utf8WithBom),
        None => (bytes, Encoding::Utf8),
    };
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok((text.to_string(), utf8));
    }
    // A file whose accents are UTF-8 sequences was written in UTF-8: its other bytes are mistakes.
    let lossy = String::from_utf8_lossy(body);
    let replaced = lossy.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
    if utf8 == Encoding::Utf8WithBom || spanish_letters(&lossy) > replaced {
        return Err(CsvError::InvalidUtf8 { rows: rows_with_invalid_utf8(body) });
    }
    let cr_only = body.contains(&b'\r') && !body.contains(&b'\n');
    if cr_only {
        let roman = mac_roman(body);
        let windows = windows_1252(body);
        if spanish_letters(&roman) > spanish_letters(&windows) {
            return Ok((roman, Encoding::MacRoman));
        }
        return Ok((windows, Encoding::Windows1252));
    }
    Ok((windows_1252(body), Encoding::Windows1252))
}

/// Text of the file as [`decode_checked`] reads it, stray bytes of a UTF-8 file as U+FFFD.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    decode_checked(bytes).unwrap_or_else(|_| {
        let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
        (String::from_utf8_lossy(body).into_owned(), Encoding::Utf8)
    })
}

/// The delimiter that occurs most often in the first record outside quotes; comma when none does.
pub fn detect_delimiter(text: &str) -> Delimiter {
    let (mut commas, mut semicolons, mut tabs) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semicolons += 1,
            '\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if semicolons > commas && semicolons >= tabs {
        Delimiter::Semicolon
    } else if tabs > commas && tabs > semicolons {
        Delimiter::Tab
    } else {
        Delimiter::Comma
    }
}

/// A field being read and where it is; refused once it cannot fit a cell, before it grows further.
struct Field {
    text: String,
    row: usize,
    column: usize,
}

impl Field {
    fn too_long(&self) -> CsvError {
        CsvError::Limit(Exceeded::CellText { row: self.row, column: self.column })
    }

    fn push(&mut self, piece: &str) -> Result<(), CsvError> {
        if self.text.len() + piece.len() > MAX_RAW_CELL_BYTES {
            return Err(self.too_long());
        }
        self.text.push_str(piece);
        Ok(())
    }

    fn finish(self) -> Result<String, CsvError> {
        if fits_cell(&self.text) {
            Ok(self.text)
        } else {
            Err(self.too_long())
        }
    }
}

/// Splits text into records (RFC 4180): quoted fields may hold delimiters, doubled quotes and line
/// breaks; records end with CRLF or LF. A line break inside a field is kept as LF. Rows, columns,
/// cells and a cell's characters are refused past their limits (`io/limits.rs`) before they are kept.
pub fn parse(text: &str, delimiter: Delimiter) -> Result<Vec<Vec<String>>, CsvError> {
    // Every byte the reader stops at is ASCII, so each slice below falls on a character boundary.
    let delimiter = delimiter.as_char() as u8;
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    if bytes.is_empty() {
        return Ok(rows);
    }
    let mut budget = Budget::default();
    let mut row = Vec::new();
    let mut line = 1;
    let mut start = 0;
    loop {
        let number = rows.len() + 1;
        check_position(number, row.len()).map_err(CsvError::Limit)?;
        budget.cells(1).map_err(CsvError::Limit)?;
        let mut field = Field { text: String::new(), row: number, column: row.len() };
        // Writers that pad with spaces before an opening quote still mean a quoted field.
        let opening = start + bytes[start..].iter().take_while(|&&b| b == b' ').count();
        if bytes.get(opening) == Some(&b'"') {
            let quote_line = line;
            let mut at = opening + 1;
            loop {
                let Some(offset) = bytes[at..].iter().position(|&b| matches!(b, b'"' | b'\r' | b'\n')) else {
                    return Err(CsvError::UnterminatedQuote(UnterminatedQuote { line: quote_line, row: number }));
                };
                let stop = at + offset;
                field.push(&text[at..stop])?;
                at = stop + 1;
                match bytes[stop] {
                    b'"' if bytes.get(at) == Some(&b'"') => {
                        field.push("\"")?;
                        at += 1;
                    }
                    b'"' => break,
                    b'\r' if bytes.get(at) == Some(&b'\n') => {}
                    b'\n' => {
                        line += 1;
                        field.push("\n")?;
                    }
                    _ => field.push("\r")?,
                }
            }
            start = at;
        }
        // Unquoted text, or what follows a closing quote, runs to the delimiter or the line end.
        let end = bytes[start..]
            .iter()
            .position(|&b| b == delimiter || b == b'\r' || b == b'\n')
            .map_or(bytes.len(), |offset| start + offset);
        field.push(&text[start..end])?;
        row.push(field.finish()?);
        match bytes.get(end) {
            Some(&b) if b == delimiter => start = end + 1,
            Some(&b) => {
                start = end + if b == b'\r' && bytes.get(end + 1) == Some(&b'\n') { 2 } else { 1 };
                line += 1;
                rows.push(std::mem::take(&mut row));
                if start == bytes.len() {
                    return Ok(rows);
                }
            }
            None => {
                rows.push(row);
                return Ok(rows);
            }
        }
    }
}

/// The delimiter Excel's first line `sep=;` names.
fn declared_delimiter(text: &str) -> Option<Delimiter> {
    let line = text.lines().next()?.trim_end_matches('\r');
    match line.trim().strip_prefix("sep=")? {
        ";" => Some(Delimiter::Semicolon),
        "," => Some(Delimiter::Comma),
        "\t" => Some(Delimiter::Tab),
        _ => None,
    }
}

/// Decodes the bytes, takes the delimiter from a `sep=` line or detects it from the first line,
/// and splits the records (a `sep=` line stays row 1).
pub fn read_csv(bytes: &[u8]) -> Result<CsvTable, CsvError> {
    let (text, encoding) = decode_checked(bytes)?;
    let delimiter = declared_delimiter(&text).unwrap_or_else(|| detect_delimiter(&text));
    let rows = parse(&text, delimiter)?;
    Ok(CsvTable { rows, delimiter, encoding })
}

/// Writes records with CRLF line ends, quoting a field only when it holds the delimiter, a quote or a line break.
pub fn write_csv(rows: &[Vec<String>], delimiter: Delimiter) -> String {
    let delimiter = delimiter.as_char();
    let mut out = String::new();
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            if field.contains([delimiter, '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// What makes a spreadsheet opening a CSV take a cell for a formula: `=`, `+`, `-`, `@`, and a
/// leading tab or carriage return, which some skip before looking.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether the text, past any apostrophes it starts with, starts like a formula.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell as a CSV export writes it, safe to open in a spreadsheet: text that starts like a
/// formula, past any apostrophes it already has, gets one more `'` in front (docs/FORMAT-ao-sheet.md).
/// Only text goes through here: the numbers an export writes (`-5`) stay numbers.
pub fn guard_text(text: &str) -> Cow<'_, str> {
    if formula_like(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a cell of an exported CSV stands for: the `'` that [`guard_text`] added is dropped,
/// and only that one, so every text reads back as it was.
pub fn unguard_text(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => text,
    }
}

/// How a problem of an imported table starts: where it is and the cell's text, as in
/// "Fila 3, columna fin_prog_05: «-20» ". Rows are 1-based, the header being row 1.
pub fn write_location(f: &mut fmt::Formatter<'_>, row: Option<usize>, column: Option<&str>, value: Option<&str>) -> fmt::Result {
    match (row, column) {
        (Some(row), Some(column)) => write!(f, "Fila {row}, columna {column}: ")?,
        (Some(row), None) => write!(f, "Fila {row}: ")?,
        (None, Some(column)) => write!(f, "Columna {column}: ")?,
        (None, None) => {}
    }
    match value {
        Some(value) => write!(f, "«{value}» "),
        None => Ok(()),
    }
}

pub use crate::domain::language::fold;

/// A header cell as a column key: "  AO Código " and "ao-codigo" both read as `ao_codigo`.
pub fn header_key(text: &str) -> String {
    fold(text)
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text, detect_delimiter(text)).unwrap()
    }

    #[test]
    fn quoted_fields_keep_delimiters_quotes_and_line_breaks() {
        assert_eq!(
            rows("a;\"b;c\";\"say \"\"hi\"\"\"\r\n1;\"x\r\ny\";3\r\n"),
            vec![
                vec!["a".to_string(), "b;c".to_string(), "say \"hi\"".to_string()],
                vec!["1".to_string(), "x\ny".to_string(), "3".to_string()],
            ]
        );
    }

    #[test]
    fn delimiter_inside_quotes_in_the_header_does_not_count() {
        assert_eq!(detect_delimiter("\"a,b,c,d\";x;y\n1,2,3,4,5,6"), Delimiter::Semicolon);
        assert_eq!(detect_delimiter("a\tb\tc"), Delimiter::Tab);
        assert_eq!(detect_delimiter("solo"), Delimiter::Comma);
    }

    #[test]
    fn unterminated_quote_reports_where_it_opens() {
        assert_eq!(
            parse("a,b\n1,2\n3,\"x\ny", Delimiter::Comma),
            Err(CsvError::UnterminatedQuote(UnterminatedQuote { line: 3, row: 3 }))
        );
    }

    #[test]
    fn blank_lines_are_records_but_the_final_line_break_is_not() {
        assert_eq!(rows("a\n\nb\n").len(), 3);
        assert_eq!(rows("a,b").len(), 1);
        assert!(rows("").is_empty());
    }

    #[test]
    fn writer_quotes_only_when_needed_and_reads_back() {
        let table = vec![vec!["07".to_string(), "a,b".to_string(), "di \"no\"".to_string(), "l1\nl2".to_string()]];
        let text = write_csv(&table, Delimiter::Comma);
        assert_eq!(text, "07,\"a,b\",\"di \"\"no\"\"\",\"l1\nl2\"\r\n");
        assert_eq!(parse(&text, Delimiter::Comma).unwrap(), table);
    }

    #[test]
    fn text_that_starts_like_a_formula_gets_an_apostrophe_and_loses_it_on_reading() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let text = format!("{start}HYPERLINK(\"http://x\")");
            assert_eq!(guard_text(&text), format!("'{text}"), "{start:?}");
            assert_eq!(unguard_text(&guard_text(&text)), text);
        }
        for text in ["AOI00106600085", "07", "– no aplica", "'apóstrofo", "a=b", " =x", ""] {
            assert_eq!(guard_text(text), text);
            assert_eq!(unguard_text(text), text);
        }
        for text in ["'=x", "''-x", "'"] {
            assert_eq!(unguard_text(&guard_text(text)), text);
        }
        assert_eq!(guard_text("'=x"), "''=x");
    }

    #[test]
    fn limits_are_refused_at_their_edge_and_not_before() {
        use crate::io::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};
        let full_row = ",".repeat(MAX_COLUMNS - 1);
        assert_eq!(parse(&full_row, Delimiter::Comma).unwrap()[0].len(), MAX_COLUMNS);
        assert_eq!(
            parse(&format!("{full_row},"), Delimiter::Comma),
            Err(CsvError::Limit(Exceeded::Columns { row: 1, column: MAX_COLUMNS }))
        );
        assert_eq!(parse(&"\n".repeat(MAX_ROWS), Delimiter::Comma).unwrap().len(), MAX_ROWS);
        assert_eq!(
            parse(&"\n".repeat(MAX_ROWS + 1), Delimiter::Comma),
            Err(CsvError::Limit(Exceeded::Rows { row: MAX_ROWS + 1 }))
        );
        let longest = "ñ".repeat(MAX_CELL_CHARS);
        assert_eq!(parse(&format!("a,\"{longest}\""), Delimiter::Comma).unwrap()[0][1], longest);
        assert_eq!(
            parse(&format!("a\n\"{longest}\"\"\""), Delimiter::Comma),
            Err(CsvError::Limit(Exceeded::CellText { row: 2, column: 0 }))
        );
        assert_eq!(
            parse(&format!("b,{longest}x"), Delimiter::Comma),
            Err(CsvError::Limit(Exceeded::CellText { row: 1, column: 1 }))
        );
    }

    #[test]
    fn utf16_mac_roman_and_stray_bytes_are_told_apart() {
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("año\tx".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16), ("año\tx".to_string(), Encoding::Utf16));
        assert_eq!(decode(b"Elaboraci\x97n\rde informe\r"), ("Elaboración\rde informe\r".to_string(), Encoding::MacRoman));
        assert_eq!(decode(b"Elaboraci\xF3n\rx\r"), ("Elaboración\rx\r".to_string(), Encoding::Windows1252));
        assert_eq!(
            decode_checked("Capacitación\nÉtica\nElaboraci".bytes().chain(*b"\xF3n\n").collect::<Vec<u8>>().as_slice()),
            Err(CsvError::InvalidUtf8 { rows: vec![3] })
        );
        assert_eq!(declared_delimiter("sep=;\r\na;b"), Some(Delimiter::Semicolon));
    }

    #[test]
    fn windows_1252_bytes_decode_to_spanish_letters() {
        assert_eq!(decode(b"ACCI\xD3N a\xF1o \x80"), ("ACCIÓN año €".to_string(), Encoding::Windows1252));
        assert_eq!(decode("\u{FEFF}año".as_bytes()), ("año".to_string(), Encoding::Utf8WithBom));
    }
}
