//! Reading XLSX without a spreadsheet library: the first sheet as a grid of text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::limits::{
    check_position, fits_cell, Budget, Exceeded, MAX_NUMBER_FORMAT_CHARS, MAX_RAW_CELL_BYTES, MAX_SHARED_STRINGS,
    MAX_STYLES,
};
use super::unzip::{UnzipError, ZipArchive};
use super::xml::{Event, Reader, XmlError};
use super::office::column_name;

/// Excel's grid: a reference past it is a damaged file. What a reader takes is smaller (`io/limits.rs`).
const EXCEL_ROWS: usize = 1_048_576;
const EXCEL_COLUMNS: usize = 16_384;

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxError {
    Zip(UnzipError),
    /// A ZIP without a workbook (a .docx, an .ods, an arbitrary archive).
    NotWorkbook,
    /// The workbook names a sheet that is not in the archive.
    MissingSheet(String),
    /// A part is not UTF-8 text.
    NotText(String),
    Xml { part: String, error: XmlError },
    /// A cell points to a shared string that does not exist.
    BadSharedString { cell: String },
    /// A cell reference outside Excel's grid.
    BadReference { reference: String },
    /// More rows, columns, cells, text or styles than the readers take.
    Limit(Exceeded),
}

impl fmt::Display for XlsxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XlsxError::Zip(error) => write!(f, "No se pudo abrir el libro de Excel: {error}"),
            XlsxError::NotWorkbook => {
                f.write_str("El archivo comprimido no es un libro de Excel (.xlsx): no contiene xl/workbook.xml")
            }
            XlsxError::MissingSheet(part) => write!(f, "El libro de Excel está incompleto: falta la hoja {part}"),
            XlsxError::NotText(part) => write!(f, "El libro de Excel está dañado: {part} no es texto UTF-8"),
            XlsxError::Xml { part, error } => write!(f, "El libro de Excel está dañado: {part}: {error}"),
            XlsxError::BadSharedString { cell } => {
                write!(f, "Celda {cell}: remite a un texto compartido que no existe en el libro")
            }
            XlsxError::BadReference { reference } => {
                write!(f, "El libro de Excel está dañado: la referencia de celda «{reference}» no es válida")
            }
            XlsxError::Limit(exceeded) => exceeded.fmt(f),
        }
    }
}

fn xml_error(part: &str) -> impl Fn(XmlError) -> XlsxError + '_ {
    move |error| XlsxError::Xml { part: part.to_string(), error }
}

/// What reading a part can fail on: its XML, or what it holds or refers to.
enum PartError {
    Xml(XmlError),
    Xlsx(XlsxError),
}

impl From<XmlError> for PartError {
    fn from(error: XmlError) -> Self {
        PartError::Xml(error)
    }
}

impl From<Exceeded> for PartError {
    fn from(exceeded: Exceeded) -> Self {
        PartError::Xlsx(XlsxError::Limit(exceeded))
    }
}

impl PartError {
    /// The error, an XML one naming the part it was found in.
    fn in_part(self, part: &str) -> XlsxError {
        match self {
            PartError::Xml(error) => xml_error(part)(error),
            PartError::Xlsx(error) => error,
        }
    }
}

/// The text of a part, `None` when the archive does not have it.
fn part(archive: &ZipArchive, name: &str) -> Result<Option<String>, XlsxError> {
    match archive.read(name) {
        None => Ok(None),
        Some(Err(error)) => Err(XlsxError::Zip(error)),
        Some(Ok(bytes)) => String::from_utf8(bytes).map(Some).map_err(|_| XlsxError::NotText(name.to_string())),
    }
}

/// The path of the first sheet (the first tab), through the workbook and its relationships.
fn first_sheet_path(archive: &ZipArchive) -> Result<String, XlsxError> {
    const WORKBOOK: &str = "xl/workbook.xml";
    const RELATIONSHIPS: &str = "xl/_rels/workbook.xml.rels";
    let workbook = part(archive, WORKBOOK)?.ok_or(XlsxError::NotWorkbook)?;
    let mut reader = Reader::new(&workbook);
    let mut id = None;
    while let Some(event) = reader.next_event().map_err(xml_error(WORKBOOK))? {
        if let Event::Start { name: "sheet", attributes, .. } = event {
            id = attributes.get("id").map(|id| id.into_owned());
            break;
        }
    }
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let (Some(id), Some(relationships)) = (id, part(archive, RELATIONSHIPS)?) else { return Ok(fallback) };
    let mut reader = Reader::new(&relationships);
    while let Some(event) = reader.next_event().map_err(xml_error(RELATIONSHIPS))? {
        if let Event::Start { name: "Relationship", attributes, .. } = event {
            if attributes.get("Id").as_deref() == Some(id.as_str()) {
                let target = attributes.get("Target").unwrap_or_default();
                return Ok(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                });
            }
        }
    }
    Ok(fallback)
}

/// Decodes the `_xHHHH_` escapes Office writes for characters XML cannot hold (`_x000D_` is a carriage return).
fn office_unescape(text: &str) -> String {
    if !text.contains("_x") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let code = rest
            .get(2..6)
            .filter(|_| rest.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &rest[7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The shared strings table: one text per `<si>`, rich-text runs joined, phonetic guides left out.
/// A text that cannot fit a cell, or one string too many, is refused before it is kept.
fn shared_strings(text: &str) -> Result<Vec<String>, PartError> {
    let mut reader = Reader::new(text);
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    let mut phonetic = 0usize;
    while let Some(event) = reader.next_event()? {
        let done = match event {
            Event::Start { name: "si", empty: true, .. } => Some(String::new()),
            Event::Start { name: "si", .. } => {
                current = Some(String::new());
                None
            }
            Event::Start { name: "t", empty: false, .. } => {
                in_text = true;
                None
            }
            Event::Start { name: "rPh", empty: false, .. } => {
                phonetic += 1;
                None
            }
            Event::End { name: "t" } => {
                in_text = false;
                None
            }
            Event::End { name: "rPh" } => {
                phonetic = phonetic.saturating_sub(1);
                None
            }
            Event::End { name: "si" } => Some(office_unescape(&current.take().unwrap_or_default())),
            Event::Text(text) if in_text && phonetic == 0 => {
                if let Some(current) = current.as_mut() {
                    if current.len() + text.len() > MAX_RAW_CELL_BYTES {
                        return Err(Exceeded::SharedText { index: strings.len() }.into());
                    }
                    current.push_str(&text);
                }
                None
            }
            _ => None,
        };
        if let Some(string) = done {
            if !fits_cell(&string) {
                return Err(Exceeded::SharedText { index: strings.len() }.into());
            }
            if strings.len() == MAX_SHARED_STRINGS {
                return Err(Exceeded::SharedStrings.into());
            }
            strings.push(string);
        }
    }
    Ok(strings)
}

/// A number format made only of zeros ("00", "000") pads codes such as a centro de costo `07`.
fn zero_pad_width(format_code: &str) -> Option<usize> {
    (format_code.len() >= 2 && format_code.bytes().all(|b| b == b'0')).then_some(format_code.len())
}

/// Per cell style (`s` attribute), the width its number format pads integers to. A format code
/// longer than Excel allows, or more formats or styles than the readers take, refuse the workbook.
fn zero_padding_by_style(text: &str) -> Result<Vec<Option<usize>>, PartError> {
    let mut reader = Reader::new(text);
    let mut widths = Vec::new();
    let mut custom: HashMap<String, usize> = HashMap::new();
    let mut formats = 0usize;
    let mut in_cell_formats = false;
    while let Some(event) = reader.next_event()? {
        match event {
            Event::Start { name: "numFmt", attributes, .. } => {
                formats += 1;
                if formats > MAX_STYLES {
                    return Err(Exceeded::Styles.into());
                }
                let code = attributes.get("formatCode").unwrap_or_default();
                let chars = code.chars().count();
                if chars > MAX_NUMBER_FORMAT_CHARS {
                    return Err(Exceeded::NumberFormat { chars }.into());
                }
                if let (Some(id), Some(width)) = (attributes.get("numFmtId"), zero_pad_width(&code)) {
                    custom.entry(id.into_owned()).or_insert(width);
                }
            }
            Event::Start { name: "cellXfs", empty, .. } => in_cell_formats = !empty,
            Event::End { name: "cellXfs" } => in_cell_formats = false,
            Event::Start { name: "xf", attributes, .. } if in_cell_formats => {
                if widths.len() == MAX_STYLES {
                    return Err(Exceeded::Styles.into());
                }
                let id = attributes.get("numFmtId").unwrap_or_default();
                widths.push(custom.get(id.as_ref()).copied());
            }
            _ => {}
        }
    }
    Ok(widths)
}

/// A numeric cell as text. Excel keeps 15 significant digits, so past them a double's digits are
/// binary noise (`0.30000000000000004` is `0.3`). A number no `Decimal` holds (`1E+30`, `1E-30`) is
/// written out in plain digits, which the sheet's validation refuses as past the bounds; text that
/// is not a number is passed on for it to report.
fn number_text(raw: &str, pad: Option<usize>) -> String {
    let raw = raw.trim();
    let parsed = if raw.contains(['e', 'E']) { Decimal::from_scientific(raw) } else { Decimal::from_str(raw) };
    let Ok(value) = parsed else {
        // A double prints without an exponent: at most some 330 digits.
        return raw.parse::<f64>().ok().filter(|n| n.is_finite()).map_or_else(|| raw.to_string(), |n| n.to_string());
    };
    let digits = value.mantissa().unsigned_abs().to_string().len() as u32;
    let value = match digits.checked_sub(15) {
        Some(excess) if excess > 0 => {
            value.round_dp_with_strategy(value.scale().saturating_sub(excess), RoundingStrategy::MidpointAwayFromZero)
        }
        _ => value,
    };
    let text = value.normalize().to_string();
    match pad {
        Some(width) if value.fract().is_zero() && !value.is_sign_negative() => format!("{text:0>width$}"),
        _ => text,
    }
}

/// "AB12" as a zero-based column and a one-based row (0 when the reference has no digits).
fn cell_position(reference: &str) -> Option<(usize, usize)> {
    let letters = reference.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = reference.bytes().take(letters).fold(0usize, |n, b| n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1);
    let digits = &reference[letters..];
    let row = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    (column <= EXCEL_COLUMNS && row <= EXCEL_ROWS).then_some((column - 1, row))
}

/// The cell being read: where it goes, its type, its style and the text gathered so far.
struct OpenCell {
    reference: String,
    /// One-based; 0 when neither the row nor the cell says where it is.
    row: usize,
    column: usize,
    kind: String,
    style: Option<usize>,
    value: String,
}

/// Reads a worksheet into rows of cell text, each at its spreadsheet row (index 0 is row 1). A
/// cell's place, its text and the cells and text of the whole sheet are checked against the
/// limits before they are kept.
fn sheet_rows(
    text: &str,
    strings: &[String],
    padding: &[Option<usize>],
    budget: &mut Budget,
) -> Result<Vec<Vec<String>>, PartError> {
    let mut reader = Reader::new(text);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = 0usize;
    let mut next_column = 0usize;
    let mut cell: Option<OpenCell> = None;
    let (mut in_value, mut in_inline, mut in_text, mut phonetic) = (false, false, false, 0usize);
    let bad_reference = |reference: String| PartError::Xlsx(XlsxError::BadReference { reference });
    while let Some(event) = reader.next_event()? {
        match event {
            Event::Start { name: "row", attributes, .. } => {
                row = match attributes.get("r") {
                    Some(r) => r
                        .trim()
                        .parse()
                        .ok()
                        .filter(|&r| (1..=EXCEL_ROWS).contains(&r))
                        .ok_or_else(|| bad_reference(r.into_owned()))?,
                    None => row + 1,
                };
                next_column = 0;
            }
            Event::Start { name: "c", attributes, empty } => {
                let (column, cell_row, reference) = match attributes.get("r") {
                    Some(r) => {
                        let (column, cell_row) = cell_position(&r).ok_or_else(|| bad_reference(r.to_string()))?;
                        (column, if cell_row == 0 { row } else { cell_row }, r.into_owned())
                    }
                    None => (next_column, row, format!("{}{row}", column_name(next_column))),
                };
                next_column = column + 1;
                if !empty {
                    cell = Some(OpenCell {
                        reference,
                        row: cell_row,
                        column,
                        kind: attributes.get("t").map_or_else(|| "n".to_string(), |t| t.into_owned()),
                        style: attributes.get("s").and_then(|s| s.trim().parse().ok()),
                        value: String::new(),
                    });
                }
            }
            Event::Start { name: "v", empty: false, .. } => in_value = true,
            Event::End { name: "v" } => in_value = false,
            Event::Start { name: "is", empty: false, .. } => in_inline = true,
            Event::End { name: "is" } => in_inline = false,
            Event::Start { name: "t", empty: false, .. } => in_text = true,
            Event::End { name: "t" } => in_text = false,
            Event::Start { name: "rPh", empty: false, .. } => phonetic += 1,
            Event::End { name: "rPh" } => phonetic = phonetic.saturating_sub(1),
            Event::Text(text) if in_value || (in_inline && in_text && phonetic == 0) => {
                if let Some(cell) = cell.as_mut() {
                    if cell.value.len() + text.len() > MAX_RAW_CELL_BYTES {
                        return Err(Exceeded::CellText { row: cell.row, column: cell.column }.into());
                    }
                    cell.value.push_str(&text);
                }
            }
            Event::End { name: "c" } => {
                let Some(done) = cell.take() else { continue };
                if done.row == 0 {
                    continue;
                }
                let value = cell_text(&done, strings, padding)?;
                if value.is_empty() {
                    continue;
                }
                check_position(done.row, done.column)?;
                if !fits_cell(&value) {
                    return Err(Exceeded::CellText { row: done.row, column: done.column }.into());
                }
                // Each use of a shared string is a copy of it: counted before it is made.
                budget.text(value.len())?;
                if rows.len() < done.row {
                    rows.resize_with(done.row, Vec::new);
                }
                let cells = &mut rows[done.row - 1];
                if cells.len() <= done.column {
                    budget.cells(done.column + 1 - cells.len())?;
                    cells.resize(done.column + 1, String::new());
                }
                cells[done.column] = value.into_owned();
            }
            _ => {}
        }
    }
    Ok(rows)
}

fn cell_text<'a>(cell: &'a OpenCell, strings: &'a [String], padding: &[Option<usize>]) -> Result<Cow<'a, str>, PartError> {
    Ok(match cell.kind.as_str() {
        "s" => Cow::Borrowed(
            cell.value
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|i| strings.get(i))
                .ok_or_else(|| PartError::Xlsx(XlsxError::BadSharedString { cell: cell.reference.clone() }))?,
        ),
        "inlineStr" | "str" => Cow::Owned(office_unescape(&cell.value)),
        "b" => Cow::Borrowed(if cell.value.trim() == "1" { "VERDADERO" } else { "FALSO" }),
        "n" => Cow::Owned(number_text(&cell.value, cell.style.and_then(|s| padding.get(s).copied().flatten()))),
        // Errors (#DIV/0!) and ISO dates stay as written, for the validation to report.
        _ => Cow::Borrowed(&cell.value),
    })
}

/// The first sheet of a workbook as rows of cell text, as `ao_sheet::parse_rows` takes them:
/// row 1 first, rows Excel left out as empty rows, every row as wide as the header (cells past the
/// header are kept, so a stray value is reported). Numbers come as decimal text with a point.
pub fn read_first_sheet(bytes: &[u8]) -> Result<Vec<Vec<String>>, XlsxError> {
    const SHARED_STRINGS: &str = "xl/sharedStrings.xml";
    const STYLES: &str = "xl/styles.xml";
    let archive = ZipArchive::open(bytes).map_err(XlsxError::Zip)?;
    let path = first_sheet_path(&archive)?;
    let strings = match part(&archive, SHARED_STRINGS)? {
        Some(text) => shared_strings(&text).map_err(|e| e.in_part(SHARED_STRINGS))?,
        None => Vec::new(),
    };
    let padding = match part(&archive, STYLES)? {
        Some(text) => zero_padding_by_style(&text).map_err(|e| e.in_part(STYLES))?,
        None => Vec::new(),
    };
    let sheet = part(&archive, &path)?.ok_or_else(|| XlsxError::MissingSheet(path.clone()))?;
    let mut budget = Budget::default();
    let mut rows = sheet_rows(&sheet, &strings, &padding, &mut budget).map_err(|e| e.in_part(&path))?;
    let width = rows.first().map_or(0, Vec::len);
    for cells in rows.iter_mut().filter(|cells| !cells.is_empty() && cells.len() < width) {
        budget.cells(width - cells.len()).map_err(XlsxError::Limit)?;
        cells.resize(width, String::new());
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_fifteen_significant_digits_as_excel_does() {
        assert_eq!(number_text("0.30000000000000004", None), "0.3");
        assert_eq!(number_text("21000", None), "21000");
        assert_eq!(number_text("1234567.8899999999", None), "1234567.89");
        assert_eq!(number_text("2.1E+4", None), "21000");
        assert_eq!(number_text("7", Some(2)), "07");
        assert_eq!(number_text("7.5", Some(2)), "7.5");
        assert_eq!(number_text("#N/A", None), "#N/A");
        assert_eq!(number_text("-0", None), "0");
        assert_eq!(number_text("1.2345678901234567E-3", None), "0.00123456789012346");
        assert_eq!(number_text("123456789012345678", None), "123456789012345678");
        assert_eq!(number_text("1E+30", None), "1000000000000000000000000000000");
        assert_eq!(number_text("-1e300", None).len(), 302);
        assert_eq!(number_text("1E-30", None), format!("0.{}1", "0".repeat(29)));
        assert_eq!(number_text("NaN", None), "NaN");
    }

    #[test]
    fn cell_references_and_column_names_agree() {
        assert_eq!(cell_position("A1"), Some((0, 1)));
        assert_eq!(cell_position("bE57"), Some((56, 57)));
        assert_eq!(cell_position("XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(cell_position("XFE1"), None);
        assert_eq!(cell_position("A1048577"), None);
        assert_eq!(cell_position("12"), None);
        for i in [0, 25, 26, 51, 52, 701, 702, 16_383] {
            assert_eq!(cell_position(&format!("{}1", column_name(i))), Some((i, 1)));
        }
    }

    #[test]
    fn office_escapes_decode() {
        assert_eq!(office_unescape("a_x000D_b_x_c_x00e1_"), "a\rb_x_cá");
        assert_eq!(office_unescape("_x005F_x0041_"), "_x0041_");
    }

    #[test]
    fn zero_formats_pad_and_others_do_not() {
        assert_eq!(zero_pad_width("00"), Some(2));
        assert_eq!(zero_pad_width("0"), None);
        assert_eq!(zero_pad_width("0.00"), None);
    }
}
