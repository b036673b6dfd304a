//! The ficha's tables and the AO sheet as spreadsheet sheets, to download as XLSX or CSV.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::ao_sheet::{export_csv, export_rows};
use super::csv::{guard_text, write_csv, Delimiter};
use super::office::{write_workbook, Cell, Merge, Row, RowKind, Sheet};
use crate::domain::ficha::{CellValue, Table, TableId};
use crate::domain::language::{NumberFormat, NOT_APPLICABLE};
use crate::domain::{Selection, Workspace};

/// Excel opens a CSV as UTF-8 only when it starts with a byte order mark; the import skips it.
const BOM: &str = "\u{FEFF}";

/// A table laid out as a sheet: the caption in row 1, the header rows under it (a title spanning
/// columns or rows is merged over them), the body and the foot, then the notes and source lines.
pub fn sheet_of(table: &Table) -> Sheet {
    let mut rows = vec![Row::new(RowKind::Title, vec![Cell::Text(table.caption.clone())])];
    let mut merges = Vec::new();
    // Which columns of the header row being laid out a title from the row above still covers.
    let mut covered: Vec<usize> = Vec::new();
    for header in &table.header {
        let at = rows.len();
        let mut cells = Vec::new();
        let mut below = Vec::new();
        for cell in &header.cells {
            while covered.contains(&cells.len()) {
                cells.push(Cell::Empty);
            }
            let first = cells.len();
            if cell.columns > 1 || cell.rows > 1 {
                merges.push(Merge { first_row: at, first_column: first, last_row: at + cell.rows - 1, last_column: first + cell.columns - 1 });
            }
            if cell.rows > 1 {
                below.extend(first..first + cell.columns);
            }
            cells.push(Cell::Text(cell.text.clone()));
            cells.extend(std::iter::repeat_n(Cell::Empty, cell.columns - 1));
        }
        covered = below;
        rows.push(Row::new(RowKind::Header, cells));
    }
    for row in table.body.iter().chain(&table.foot) {
        let at = rows.len();
        let mut cells = Vec::new();
        for cell in &row.cells {
            if cell.columns > 1 {
                merges.push(Merge { first_row: at, first_column: cells.len(), last_row: at, last_column: cells.len() + cell.columns - 1 });
            }
            cells.push(match &cell.value {
                CellValue::Text(text) => Cell::Text(text.clone()),
                CellValue::Number(value, format) => Cell::Number(*value, *format),
                CellValue::NotApplicable => Cell::text(NOT_APPLICABLE),
            });
            cells.extend(std::iter::repeat_n(Cell::Empty, cell.columns - 1));
        }
        rows.push(Row::new(if row.role.is_strong() { RowKind::Strong } else { RowKind::Body }, cells));
    }
    rows.extend(table.footnotes.iter().chain(&table.sources).map(|line| Row::new(RowKind::Note, vec![Cell::Text(line.clone())])));
    Sheet { name: table.id.label().to_string(), rows, merges, frozen_rows: 0 }
}

/// The table of the AEI for the selected year, evaluated version and period; `None` when the AEI
/// or the version does not exist.
pub fn table_sheet(ws: &Workspace, selection: Selection, aei_code: &str, table: TableId) -> Option<Sheet> {
    ws.year(selection.year)?.aei(aei_code)?;
    ws.table(selection, aei_code, table).map(|t| sheet_of(&t))
}

/// Cuadro 1, Cuadro 2 and Tabla 3 of the AEI as one workbook, a tab each.
pub fn tables_workbook(ws: &Workspace, selection: Selection, aei_code: &str) -> Option<Vec<u8>> {
    let sheets: Option<Vec<Sheet>> = TableId::ALL.iter().map(|&t| table_sheet(ws, selection, aei_code, t)).collect();
    sheets.map(|sheets| write_workbook(&sheets))
}

/// A sheet as CSV: every cell as the ficha prints it (`21,000.00`, `99.3%`, `-5`), comma-separated;
/// a text that starts like a formula gets a `'` in front so that a spreadsheet shows it as text.
pub fn sheet_csv(sheet: &Sheet) -> String {
    let field = |cell: &Cell| match cell {
        Cell::Text(text) => guard_text(text).into_owned(),
        number_or_empty => number_or_empty.display(),
    };
    let rows: Vec<Vec<String>> = sheet.rows.iter().map(|row| row.cells.iter().map(field).collect()).collect();
    format!("{BOM}{}", write_csv(&rows, Delimiter::Comma))
}

/// The evaluated version's AO in the import layout, numbers as numbers (codes stay text, so `07` keeps its zero).
pub fn ao_sheet(ws: &Workspace, selection: Selection) -> Option<Sheet> {
    let year = ws.year(selection.year)?;
    let version = ws.evaluated_version(selection)?;
    let mut grid = export_rows(year, version).into_iter();
    let header = grid.next()?;
    // The text columns come first; every column from `fis_prog_01` on is a monthly figure.
    let first_number = header.iter().position(|name| name == "fis_prog_01")?;
    let format_of = |name: &str| if name.starts_with("fin_") { NumberFormat::Money } else { NumberFormat::Quantity };
    let formats: Vec<NumberFormat> = header[first_number..].iter().map(|name| format_of(name)).collect();
    let mut rows = vec![Row::new(RowKind::Header, header.into_iter().map(Cell::Text).collect())];
    rows.extend(grid.map(|cells| {
        let cells = cells.into_iter().enumerate().map(|(i, value)| match i.checked_sub(first_number) {
            Some(month_column) => match Decimal::from_str(&value) {
                Ok(number) => Cell::Number(number, formats[month_column]),
                Err(_) => Cell::Text(value),
            },
            None => Cell::Text(value),
        });
        Row::new(RowKind::Body, cells.collect())
    }));
    Some(Sheet { name: "Hoja de AO".to_string(), rows, merges: Vec::new(), frozen_rows: 1 })
}

/// The evaluated version's AO as the import's CSV, with the byte order mark Excel needs.
pub fn ao_sheet_csv(ws: &Workspace, selection: Selection) -> Option<String> {
    let year = ws.year(selection.year)?;
    let version = ws.evaluated_version(selection)?;
    Some(format!("{BOM}{}", export_csv(year, version)))
}

/// "Cuadro-1-AEI.08.05-2023.xlsx", "Hoja-AO-2023-v3.csv": what was exported, for what, of when.
pub fn file_name(what: &str, ws: &Workspace, selection: Selection, aei_code: Option<&str>, extension: &str) -> String {
    let safe = |text: &str| -> String {
        text.chars().map(|c| if c.is_alphanumeric() || c == '.' || c == '-' { c } else { '-' }).collect()
    };
    let mut name = safe(what);
    if let Some(code) = aei_code {
        name.push('-');
        name.push_str(&safe(code));
    }
    name.push_str(&format!("-{}", selection.year));
    if aei_code.is_none() {
        if let Some(version) = ws.evaluated_version(selection) {
            name.push_str(&format!("-v{}", version.number));
        }
    }
    format!("{name}.{extension}")
}
