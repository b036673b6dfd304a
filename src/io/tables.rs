//! The ficha's tables and the AO sheet as spreadsheet sheets, to download as XLSX or CSV.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::ao_sheet::{export_csv, export_rows};
use super::csv::{guard_text, write_csv, Delimiter};
use super::office::{write_workbook, Cell, Merge, NumberFormat, Row, RowKind, Sheet};
use crate::domain::ficha::{ActivityFigures, Cuadro1Row};
use crate::domain::language::NOT_APPLICABLE;
use crate::domain::ficha::labels::{
    self, CUADRO1_CAPTION, CUADRO1_COLUMNS, CUADRO2_COLUMNS, CUADRO2_GOAL_COLUMNS, SOURCE, TABLA3_COLUMNS,
    TABLA3_GROUPS, TABLA3_GROUP_COLUMNS,
};
use crate::domain::{Selection, Workspace};

/// Excel opens a CSV as UTF-8 only when it starts with a byte order mark; the import skips it.
const BOM: &str = "\u{FEFF}";

/// A table of the ficha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Cuadro1,
    Cuadro2,
    Tabla3,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Cuadro1, Table::Cuadro2, Table::Tabla3];

    /// "Cuadro 1": the tab's name and the start of the file name.
    pub fn label(self) -> &'static str {
        match self {
            Table::Cuadro1 => "Cuadro 1",
            Table::Cuadro2 => "Cuadro 2",
            Table::Tabla3 => "Tabla 3",
        }
    }
}

fn count(n: usize) -> Cell {
    Cell::Number(Decimal::from(n), NumberFormat::Count)
}

/// A percentage, or "–" where programming is 0.
fn percent(value: Option<Decimal>) -> Cell {
    value.map_or_else(|| Cell::text(NOT_APPLICABLE), |v| Cell::Number(v, NumberFormat::Percent))
}

/// "Fuente:" and "Elaboración:" under a table.
fn source_rows(office: &str) -> [Row; 2] {
    [Row::new(RowKind::Note, vec![Cell::text(SOURCE)]), Row::new(RowKind::Note, vec![Cell::text(labels::prepared_by(office))])]
}

/// The two header rows under the caption (sheet rows 2 and 3): the `single` columns span both,
/// the others sit three by three under their group's title.
fn grouped_header(single: &[&str], groups: &[(String, [&str; 3])]) -> (Vec<Row>, Vec<Merge>) {
    let mut top: Vec<Cell> = single.iter().map(|t| Cell::text(*t)).collect();
    let mut bottom: Vec<Cell> = single.iter().map(|_| Cell::Empty).collect();
    let mut merges: Vec<Merge> =
        (0..single.len()).map(|c| Merge { first_row: 1, first_column: c, last_row: 2, last_column: c }).collect();
    for (title, columns) in groups {
        let first = top.len();
        top.push(Cell::text(title.clone()));
        top.extend([Cell::Empty, Cell::Empty]);
        bottom.extend(columns.iter().map(|t| Cell::text(*t)));
        merges.push(Merge { first_row: 1, first_column: first, last_row: 1, last_column: first + 2 });
    }
    (vec![Row::new(RowKind::Header, top), Row::new(RowKind::Header, bottom)], merges)
}

fn cuadro1_row(row: &Cuadro1Row, kind: RowKind) -> Row {
    Row::new(
        kind,
        vec![
            Cell::text(row.code.clone()),
            Cell::text(row.name.clone()),
            count(row.activity_count),
            count(row.fully_executed_count),
            Cell::Number(row.financial_execution, NumberFormat::Money),
            row.average_adjusted_physical_execution
                .map_or_else(|| Cell::text(NOT_APPLICABLE), |v| Cell::Number(v, NumberFormat::Average)),
        ],
    )
}

fn cuadro1(ws: &Workspace, selection: Selection, aei_code: &str) -> Option<Sheet> {
    let table = ws.cuadro1(selection, aei_code)?;
    let mut rows = vec![
        Row::new(RowKind::Title, vec![Cell::text(CUADRO1_CAPTION)]),
        Row::new(RowKind::Header, CUADRO1_COLUMNS.iter().map(|(title, _)| Cell::text(*title)).collect()),
        Row::new(RowKind::Header, CUADRO1_COLUMNS.iter().map(|(_, mark)| Cell::text(*mark)).collect()),
        cuadro1_row(&table.aei, RowKind::Strong),
    ];
    rows.extend(table.cost_centers.iter().map(|row| cuadro1_row(row, RowKind::Body)));
    rows.extend(labels::cuadro1_footnotes(selection.period).into_iter().map(|f| Row::new(RowKind::Note, vec![Cell::Text(f)])));
    rows.extend(source_rows(&ws.entity.office));
    Some(Sheet { name: Table::Cuadro1.label().to_string(), rows, merges: Vec::new(), frozen_rows: 0 })
}

fn cuadro2(ws: &Workspace, selection: Selection, aei_code: &str) -> Option<Sheet> {
    ws.year(selection.year)?.aei(aei_code)?;
    let year = selection.year;
    let (header, merges) =
        grouped_header(&CUADRO2_COLUMNS, &[(labels::cuadro2_goals_title(year, selection.period), CUADRO2_GOAL_COLUMNS)]);
    let mut rows = vec![Row::new(RowKind::Title, vec![Cell::Text(labels::cuadro2_caption(year, aei_code))])];
    rows.extend(header);
    rows.extend(ws.cuadro2(selection, aei_code).iter().map(|ao: &ActivityFigures| {
        Row::new(
            RowKind::Body,
            vec![
                Cell::text(ao.aei_code.clone()),
                Cell::Text(format!("{}: {}", ao.code, ao.name)),
                Cell::text(ao.unit.clone()),
                Cell::Number(ao.physical_programmed, NumberFormat::Quantity),
                Cell::Number(ao.physical_executed, NumberFormat::Quantity),
                percent(ao.physical_execution()),
            ],
        )
    }));
    rows.extend(source_rows(&ws.entity.office));
    Some(Sheet { name: Table::Cuadro2.label().to_string(), rows, merges, frozen_rows: 0 })
}

fn tabla3(ws: &Workspace, selection: Selection, aei_code: &str) -> Option<Sheet> {
    ws.year(selection.year)?.aei(aei_code)?;
    let table = ws.tabla3(selection, aei_code)?;
    let version = ws.evaluated_version(selection)?;
    let groups = TABLA3_GROUPS.map(|group| (group.to_string(), TABLA3_GROUP_COLUMNS));
    let (header, mut merges) = grouped_header(&TABLA3_COLUMNS, &groups);
    let caption = labels::tabla3_caption(version, selection.year, selection.period);
    let mut rows = vec![Row::new(RowKind::Title, vec![Cell::Text(caption)])];
    rows.extend(header);
    rows.extend(table.rows.iter().map(|ao| {
        Row::new(
            RowKind::Body,
            vec![
                Cell::text(ao.name.clone()),
                Cell::text(ao.unit.clone()),
                Cell::Number(ao.physical_programmed, NumberFormat::Quantity),
                Cell::Number(ao.physical_executed, NumberFormat::Quantity),
                percent(ao.physical_execution()),
                Cell::Number(ao.financial_programmed, NumberFormat::Money),
                Cell::Number(ao.financial_executed, NumberFormat::Money),
                percent(ao.financial_progress()),
            ],
        )
    }));
    merges.push(Merge { first_row: rows.len(), first_column: 0, last_row: rows.len(), last_column: 4 });
    rows.push(Row::new(
        RowKind::Strong,
        vec![
            Cell::text("Total"),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Number(table.total_financial_programmed, NumberFormat::Money),
            Cell::Number(table.total_financial_executed, NumberFormat::Money),
            percent(table.total_financial_progress()),
        ],
    ));
    rows.extend(source_rows(&ws.entity.office));
    Some(Sheet { name: Table::Tabla3.label().to_string(), rows, merges, frozen_rows: 0 })
}

/// The table of the AEI for the selected year, evaluated version and period; `None` when the AEI
/// or the version does not exist.
pub fn table_sheet(ws: &Workspace, selection: Selection, aei_code: &str, table: Table) -> Option<Sheet> {
    match table {
        Table::Cuadro1 => cuadro1(ws, selection, aei_code),
        Table::Cuadro2 => cuadro2(ws, selection, aei_code),
        Table::Tabla3 => tabla3(ws, selection, aei_code),
    }
}

/// Cuadro 1, Cuadro 2 and Tabla 3 of the AEI as one workbook, a tab each.
pub fn tables_workbook(ws: &Workspace, selection: Selection, aei_code: &str) -> Option<Vec<u8>> {
    let sheets: Option<Vec<Sheet>> = Table::ALL.iter().map(|&t| table_sheet(ws, selection, aei_code, t)).collect();
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
