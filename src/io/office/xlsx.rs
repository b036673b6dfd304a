//! Writing XLSX without a spreadsheet library: sheets of text and numbers with their formats,
//! merged cells, column widths and row heights, in a stored ZIP.

use rust_decimal::{Decimal, RoundingStrategy};

use super::escape::escape;
use super::zip::ZipWriter;
use crate::domain::language::NumberFormat;

/// The media type a browser offers the download as.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Text as an inline string holds it: a literal `_xHHHH_` gets its underscore escaped (`_x005F_`),
/// or Excel would read it as an escape.
fn office_escape(text: &str) -> String {
    let escaped = escape(text);
    if !escaped.contains("_x") {
        return escaped;
    }
    let bytes = escaped.as_bytes();
    let mut out = String::with_capacity(escaped.len() + 8);
    for (i, c) in escaped.char_indices() {
        let looks_escaped = c == '_'
            && bytes.get(i + 1) == Some(&b'x')
            && bytes.get(i + 2..i + 6).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            && bytes.get(i + 6) == Some(&b'_');
        if looks_escaped {
            out.push_str("_x005F_");
        } else {
            out.push(c);
        }
    }
    out
}

/// One cell to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal, NumberFormat),
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }

    /// The cell as the ficha prints it; what a CSV holds.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(value, format) => format.display(*value),
        }
    }
}

/// What a row is, which decides its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The caption above a table: bold, no border.
    Title,
    /// Column titles: bold, shaded, wrapped, bordered.
    Header,
    /// A data row: bordered.
    Body,
    /// A data row in bold (the AEI row of Cuadro 1, a Total).
    Strong,
    /// Footnotes, "Fuente:", "Elaboración:": plain, no border, wrapped across the table's width.
    Note,
}

const ROW_KINDS: [RowKind; 5] = [RowKind::Title, RowKind::Header, RowKind::Body, RowKind::Strong, RowKind::Note];

/// A row of cells, left to right from column A.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn new(kind: RowKind, cells: Vec<Cell>) -> Self {
        Self { kind, cells }
    }
}

/// Cells shown as one, zero-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub first_column: usize,
    pub last_row: usize,
    pub last_column: usize,
}

/// One worksheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The tab's name (at most 31 characters; `[]:*?/\` are replaced).
    pub name: String,
    pub rows: Vec<Row>,
    pub merges: Vec<Merge>,
    /// Rows kept in view while scrolling (the header of a long list).
    pub frozen_rows: usize,
}

/// "A", "Z", "AA" for zero-based column 0, 25, 26.
pub fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// The number formats of the style sheet, in the order cell styles are numbered.
const FORMATS: [Option<NumberFormat>; 6] = [
    None,
    Some(NumberFormat::Count),
    Some(NumberFormat::Quantity),
    Some(NumberFormat::Money),
    Some(NumberFormat::Average),
    Some(NumberFormat::Percent),
];

/// Excel's number format id: built-in `General`, `#,##0`, `#,##0.00`, and the custom `0.0%` below.
fn format_id(format: Option<NumberFormat>) -> u32 {
    match format {
        None | Some(NumberFormat::Quantity) => 0,
        Some(NumberFormat::Count) => 3,
        Some(NumberFormat::Money | NumberFormat::Average) => 4,
        Some(NumberFormat::Percent) => 164,
    }
}

/// The cell style index of a row kind and number format (see `styles`).
fn style_index(kind: RowKind, format: Option<NumberFormat>) -> usize {
    let kind = ROW_KINDS.iter().position(|k| *k == kind).expect("every kind is listed");
    let format = FORMATS.iter().position(|f| *f == format).expect("every format is listed");
    kind * FORMATS.len() + format
}

fn styles() -> String {
    let mut cell_formats = String::new();
    for kind in ROW_KINDS {
        for format in FORMATS {
            let font = u32::from(matches!(kind, RowKind::Title | RowKind::Header | RowKind::Strong));
            let fill = if kind == RowKind::Header { 2 } else { 0 };
            let border = u32::from(matches!(kind, RowKind::Header | RowKind::Body | RowKind::Strong));
            let alignment = match kind {
                RowKind::Header => r#"<alignment horizontal="center" vertical="center" wrapText="1"/>"#,
                RowKind::Body | RowKind::Strong if format.is_none() => r#"<alignment vertical="top" wrapText="1"/>"#,
                RowKind::Body | RowKind::Strong => r#"<alignment vertical="top"/>"#,
                RowKind::Note => r#"<alignment vertical="top" wrapText="1"/>"#,
                RowKind::Title => "",
            };
            cell_formats.push_str(&format!(
                r#"<xf numFmtId="{}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">{alignment}</xf>"#,
                format_id(format)
            ));
        }
    }
    let thin = r#"style="thin"><color rgb="FF9AA5B1"/>"#;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="10"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="10"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left {thin}</left><right {thin}</right><top {thin}</top><bottom {thin}</bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{}">{cell_formats}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#,
        ROW_KINDS.len() * FORMATS.len()
    )
}

/// The value Excel stores: a percentage as its fraction; decimals past 12 are below any display.
fn stored_value(value: Decimal, format: NumberFormat) -> String {
    let value = match format {
        // A hundredth of any `Decimal` is one: the division cannot fail, and is checked all the same.
        NumberFormat::Percent => value.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default(),
        _ => value,
    };
    value.round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero).normalize().to_string()
}

/// How wide a text prints, in hundredths of the digit width Excel measures columns in: capitals
/// are wider than a digit, lower case and punctuation narrower.
fn print_width(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '0'..='9' => 100,
            c if c.is_uppercase() => 110,
            _ => 85,
        })
        .sum()
}

/// Columns as wide as their widest text (headers wrap, captions overflow, notes wrap across), within limits.
fn column_widths(sheet: &Sheet) -> Vec<usize> {
    let spans_columns =
        |row: usize, column: usize| sheet.merges.iter().any(|m| m.first_row == row && m.first_column == column && m.last_column > m.first_column);
    let mut widths: Vec<usize> = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate() {
        if matches!(row.kind, RowKind::Title | RowKind::Note) {
            continue;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            if spans_columns(r, c) {
                continue;
            }
            let text = cell.display();
            let needed = match row.kind {
                // A header wraps between words: as wide as its longest word, and at least 14 digits.
                RowKind::Header => {
                    let longest_word = text.split_whitespace().map(print_width).max().unwrap_or(0);
                    longest_word.max(print_width(&text).min(1_400))
                }
                _ => print_width(&text),
            };
            if widths.len() <= c {
                widths.resize(c + 1, 0);
            }
            widths[c] = widths[c].max(needed.div_ceil(100));
        }
    }
    widths.into_iter().map(|w| (w + 2).clamp(8, 70)).collect()
}

/// Lines a text needs in a wrapped cell `width` digits wide.
fn lines_needed(text: &str, width: usize) -> usize {
    let room = width.saturating_sub(1).max(1) * 100;
    text.split('\n').map(|line| print_width(line).div_ceil(room).max(1)).sum()
}

/// Row height in points for the given number of lines of 10-point text.
fn row_height(lines: usize) -> usize {
    13 * lines + 2
}

fn worksheet(sheet: &Sheet) -> String {
    let widths = column_widths(sheet);
    let table_width = sheet
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Header | RowKind::Body | RowKind::Strong))
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(1);
    // A note spans the table, so a long footnote wraps under it instead of running off the page.
    let mut merges = sheet.merges.clone();
    for (r, row) in sheet.rows.iter().enumerate() {
        if row.kind == RowKind::Note && row.cells.len() == 1 && table_width > 1 {
            merges.push(Merge { first_row: r, first_column: 0, last_row: r, last_column: table_width - 1 });
        }
    }
    let span_width = |r: usize, c: usize| {
        let merge = merges.iter().find(|m| m.first_row == r && m.first_column == c);
        let (first, last) = merge.map_or((c, c), |m| (m.first_column, m.last_column));
        (first..=last).map(|i| widths.get(i).copied().unwrap_or(8)).sum::<usize>()
    };
    let mut xml = String::with_capacity(sheet.rows.len() * 64);
    xml.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    xml.push_str(&format!(
        r#"<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0""#
    ));
    if sheet.frozen_rows > 0 {
        let top = sheet.frozen_rows + 1;
        xml.push_str(&format!(
            r#"><pane ySplit="{}" topLeftCell="A{top}" activePane="bottomLeft" state="frozen"/></sheetView>"#,
            sheet.frozen_rows
        ));
    } else {
        xml.push_str("/>");
    }
    xml.push_str("</sheetViews><cols>");
    for (i, width) in widths.iter().enumerate() {
        xml.push_str(&format!(r#"<col min="{0}" max="{0}" width="{width}" customWidth="1"/>"#, i + 1));
    }
    xml.push_str("</cols><sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let number = r + 1;
        let lines = match row.kind {
            RowKind::Title => 1,
            _ => row
                .cells
                .iter()
                .enumerate()
                .filter_map(|(c, cell)| match cell {
                    Cell::Text(text) => Some(lines_needed(text, span_width(r, c))),
                    _ => None,
                })
                .max()
                .unwrap_or(1),
        };
        if lines > 1 {
            xml.push_str(&format!(r#"<row r="{number}" ht="{}" customHeight="1">"#, row_height(lines)));
        } else {
            xml.push_str(&format!(r#"<row r="{number}">"#));
        }
        let bordered = matches!(row.kind, RowKind::Header | RowKind::Body | RowKind::Strong);
        for (c, cell) in row.cells.iter().enumerate() {
            let reference = format!("{}{number}", column_name(c));
            match cell {
                Cell::Number(value, format) => xml.push_str(&format!(
                    r#"<c r="{reference}" s="{}"><v>{}</v></c>"#,
                    style_index(row.kind, Some(*format)),
                    stored_value(*value, *format)
                )),
                Cell::Text(text) if !text.is_empty() => xml.push_str(&format!(
                    r#"<c r="{reference}" s="{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    style_index(row.kind, None),
                    office_escape(text)
                )),
                // An empty cell inside a table keeps its borders (and a merged title its shading).
                _ if bordered => xml.push_str(&format!(r#"<c r="{reference}" s="{}"/>"#, style_index(row.kind, None))),
                _ => {}
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    if !merges.is_empty() {
        xml.push_str(&format!(r#"<mergeCells count="{}">"#, merges.len()));
        for m in &merges {
            xml.push_str(&format!(
                r#"<mergeCell ref="{}{}:{}{}"/>"#,
                column_name(m.first_column),
                m.first_row + 1,
                column_name(m.last_column),
                m.last_row + 1
            ));
        }
        xml.push_str("</mergeCells>");
    }
    // Printed landscape, one page wide.
    xml.push_str(r#"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#);
    xml
}

/// A tab name Excel accepts.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).take(31).collect();
    if clean.trim().is_empty() {
        "Hoja".to_string()
    } else {
        clean
    }
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The workbook's bytes: one tab per sheet, in order.
pub fn write_workbook(sheets: &[Sheet]) -> Vec<u8> {
    let mut content_types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut tabs = String::new();
    let mut relationships = String::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        content_types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        tabs.push_str(&format!(r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#, escape(&sheet_name(&sheet.name))));
        relationships.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
    }
    content_types.push_str("</Types>");
    relationships.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>"#,
        sheets.len() + 1
    ));
    let mut zip = ZipWriter::new();
    zip.add("[Content_Types].xml", content_types.as_bytes());
    zip.add(
        "_rels/.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        .as_bytes(),
    );
    zip.add(
        "xl/workbook.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>{tabs}</sheets></workbook>"#
        )
        .as_bytes(),
    );
    zip.add(
        "xl/_rels/workbook.xml.rels",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{relationships}</Relationships>"#
        )
        .as_bytes(),
    );
    zip.add("xl/styles.xml", styles().as_bytes());
    for (i, sheet) in sheets.iter().enumerate() {
        zip.add(&format!("xl/worksheets/sheet{}.xml", i + 1), worksheet(sheet).as_bytes());
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_run_past_z() {
        for (i, name) in [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")] {
            assert_eq!(column_name(i), name);
        }
    }

    #[test]
    fn literal_escapes_survive() {
        assert_eq!(office_escape("_x0041_ & _x_"), "_x005F_x0041_ &amp; _x_");
    }
}
