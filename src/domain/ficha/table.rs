//! The ficha's tables as every output lays them out: caption, header rows with their group titles
//! and spans, rows of cells (text, or a number with its format, or "–"), footnotes and the source
//! lines. Built once per table from the computed figures and `labels`; the page (HTML), Word and
//! Excel/CSV only lay this out, so a caption or a column exists once.

use rust_decimal::Decimal;

use super::figures::ActivityFigures;
use super::labels::{self, AEI_SUMMARY_CAPTION, BUDGET_EXECUTION_CAPTION, BUDGET_EXECUTION_COLUMNS, CUADRO1_CAPTION, CUADRO1_COLUMNS, NO_MONTHLY_DETAIL, CUADRO2_COLUMNS, CUADRO2_GOAL_COLUMNS, TABLA3_COLUMNS, TABLA3_GROUPS, TABLA3_GROUP_COLUMNS};
use super::tables::{AeiSummary, BudgetRow, Cuadro1, Cuadro1Row, Tabla3};
use crate::domain::language::NumberFormat;
use crate::domain::plan::{Period, PoiVersion};

/// A table of the ficha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TableId {
    #[default]
    Cuadro1,
    Cuadro2,
    Tabla3,
    /// The Informe's summary of every AEI (its section 1.2).
    AeiSummary,
    /// The Informe's execution by categoría presupuestal (its annex 4.1).
    BudgetExecution,
}

impl TableId {
    /// The tables of one AEI's ficha.
    pub const ALL: [TableId; 3] = [TableId::Cuadro1, TableId::Cuadro2, TableId::Tabla3];
    /// The tables of the Informe over every AEI.
    pub const INFORME: [TableId; 2] = [TableId::AeiSummary, TableId::BudgetExecution];

    /// "Cuadro 1": how the text, an export's tab and its file name call the table.
    pub fn label(self) -> &'static str {
        match self {
            TableId::Cuadro1 => "Cuadro 1",
            TableId::Cuadro2 => "Cuadro 2",
            TableId::Tabla3 => "Tabla 3",
            TableId::AeiSummary => "Resumen de las AEI",
            TableId::BudgetExecution => "Ejecución por categoría presupuestal",
        }
    }

    /// "cuadro1": the element id of the table on the page.
    pub fn element_id(self) -> &'static str {
        match self {
            TableId::Cuadro1 => "cuadro1",
            TableId::Cuadro2 => "cuadro2",
            TableId::Tabla3 => "tabla3",
            TableId::AeiSummary => "resumen-aei",
            TableId::BudgetExecution => "ejecucion-categoria",
        }
    }
}

/// What a header cell heads: one column, or a group of columns under one title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Column,
    ColumnGroup,
}

/// A column title. A title spanning both header rows (`rows` 2) stands alone; a group's title spans
/// the `columns` of its group, whose own titles are in the row under it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HeaderCell {
    pub text: String,
    pub columns: usize,
    pub rows: usize,
    pub scope: Scope,
}

impl HeaderCell {
    fn column(text: impl Into<String>) -> Self {
        Self { text: text.into(), columns: 1, rows: 1, scope: Scope::Column }
    }

    fn both_rows(text: impl Into<String>) -> Self {
        Self { rows: 2, ..Self::column(text) }
    }

    fn group(text: impl Into<String>, columns: usize) -> Self {
        Self { text: text.into(), columns, rows: 1, scope: Scope::ColumnGroup }
    }
}

/// One header row; `marks` is the row of footnote marks under Cuadro 1's titles ("1/" … "4/").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HeaderRow {
    pub cells: Vec<HeaderCell>,
    pub marks: bool,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CellValue {
    Text(String),
    /// A figure and how it prints (`21,000.00`, `99.3%`).
    Number(Decimal, NumberFormat),
    /// No figure (programming 0, nothing counted): "–".
    NotApplicable,
}

impl CellValue {
    /// The cell as the ficha prints it.
    pub fn display(&self) -> String {
        match self {
            CellValue::Text(text) => text.clone(),
            CellValue::Number(value, format) => format.display(*value),
            CellValue::NotApplicable => crate::domain::language::NOT_APPLICABLE.to_string(),
        }
    }

    /// Figures and "–" are right-aligned; text is not.
    pub fn is_figure(&self) -> bool {
        !matches!(self, CellValue::Text(_))
    }
}

/// A body cell: what it holds, how many columns it spans, and whether it heads its row ("Total").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TableCell {
    pub value: CellValue,
    pub columns: usize,
    pub row_header: bool,
}

impl TableCell {
    fn text(text: impl Into<String>) -> Self {
        Self { value: CellValue::Text(text.into()), columns: 1, row_header: false }
    }

    fn number(value: Decimal, format: NumberFormat) -> Self {
        Self { value: CellValue::Number(value, format), columns: 1, row_header: false }
    }

    fn count(value: usize) -> Self {
        Self::number(Decimal::from(value), NumberFormat::Count)
    }

    /// A figure, or "–" where there is none.
    /// A money figure, or "sin detalle mensual" where the source gave only annual totals.
    fn financial(detail: bool, value: Decimal) -> Self {
        if detail {
            Self::number(value, NumberFormat::Money)
        } else {
            Self::text(NO_MONTHLY_DETAIL)
        }
    }

    fn maybe(value: Option<Decimal>, format: NumberFormat) -> Self {
        value.map_or(Self { value: CellValue::NotApplicable, columns: 1, row_header: false }, |v| Self::number(v, format))
    }
}

/// Which row it is, which decides its look: the AEI's and the Total are bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowRole {
    /// Cuadro 1's AEI row.
    Aei,
    /// Cuadro 1's row of one centro de costo.
    CostCenter,
    /// An AO.
    Item,
    /// Tabla 3's Total over the whole POI.
    Total,
}

impl RowRole {
    /// Whether the row prints in bold.
    pub fn is_strong(self) -> bool {
        matches!(self, RowRole::Aei | RowRole::Total)
    }
}

/// One row of cells, left to right; equal rows are the same row (the page keys its rows by content).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TableRow {
    pub role: RowRole,
    pub cells: Vec<TableCell>,
}

/// A table of the ficha, as it prints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub id: TableId,
    pub caption: String,
    pub header: Vec<HeaderRow>,
    pub body: Vec<TableRow>,
    /// Rows under the body: Tabla 3's Total.
    pub foot: Vec<TableRow>,
    /// Under the table: Cuadro 1's 1/–4/.
    pub footnotes: Vec<String>,
    /// "Fuente:" and "Elaboración:".
    pub sources: Vec<String>,
}

/// The two header rows of a table whose `single` columns span both and whose other columns sit
/// three by three under their group's title.
fn grouped_header(single: &[&str], groups: &[(String, [&str; 3])]) -> Vec<HeaderRow> {
    let mut top: Vec<HeaderCell> = single.iter().map(|title| HeaderCell::both_rows(*title)).collect();
    let mut bottom = Vec::new();
    for (title, columns) in groups {
        top.push(HeaderCell::group(title.clone(), columns.len()));
        bottom.extend(columns.iter().map(|title| HeaderCell::column(*title)));
    }
    vec![HeaderRow { cells: top, marks: false }, HeaderRow { cells: bottom, marks: false }]
}

fn cuadro1_row(row: Cuadro1Row, role: RowRole) -> TableRow {
    TableRow {
        role,
        cells: vec![
            TableCell::text(row.code),
            TableCell::text(row.name),
            TableCell::count(row.activity_count),
            TableCell::count(row.fully_executed_count),
            TableCell::financial(row.financial_detail, row.financial_execution),
            TableCell::maybe(row.average_adjusted_physical_execution, NumberFormat::Average),
        ],
    }
}

fn cuadro2_row(ao: ActivityFigures) -> TableRow {
    let execution = ao.physical_execution();
    TableRow {
        role: RowRole::Item,
        cells: vec![
            TableCell::text(ao.aei_code),
            TableCell::text(format!("{}: {}", ao.code, ao.name)),
            TableCell::text(ao.unit),
            TableCell::number(ao.physical_programmed, NumberFormat::Quantity),
            TableCell::number(ao.physical_executed, NumberFormat::Quantity),
            TableCell::maybe(execution, NumberFormat::Percent),
        ],
    }
}

fn tabla3_row(ao: ActivityFigures) -> TableRow {
    let (physical, financial) = (ao.physical_execution(), ao.financial_progress());
    TableRow {
        role: RowRole::Item,
        cells: vec![
            TableCell::text(ao.name),
            TableCell::text(ao.unit),
            TableCell::number(ao.physical_programmed, NumberFormat::Quantity),
            TableCell::number(ao.physical_executed, NumberFormat::Quantity),
            TableCell::maybe(physical, NumberFormat::Percent),
            TableCell::financial(ao.financial_detail, ao.financial_programmed),
            TableCell::financial(ao.financial_detail, ao.financial_executed),
            TableCell::maybe(financial, NumberFormat::Percent),
        ],
    }
}

impl Table {
    /// Cuadro 1 with its footnotes 1/–4/ worded for the period.
    pub fn cuadro1(cuadro1: Cuadro1, period: Period, office: &str) -> Self {
        let header = vec![
            HeaderRow { cells: CUADRO1_COLUMNS.iter().map(|(title, _)| HeaderCell::column(*title)).collect(), marks: false },
            HeaderRow { cells: CUADRO1_COLUMNS.iter().map(|(_, mark)| HeaderCell::column(*mark)).collect(), marks: true },
        ];
        let mut body = vec![cuadro1_row(cuadro1.aei, RowRole::Aei)];
        body.extend(cuadro1.cost_centers.into_iter().map(|row| cuadro1_row(row, RowRole::CostCenter)));
        Self {
            id: TableId::Cuadro1,
            caption: CUADRO1_CAPTION.to_string(),
            header,
            body,
            foot: Vec::new(),
            footnotes: labels::cuadro1_footnotes(period).to_vec(),
            sources: labels::source_lines(office).to_vec(),
        }
    }

    /// Cuadro 2 of the AEI `aei_code` in `year`: its AO (`rows`) with their physical progress.
    pub fn cuadro2(rows: Vec<ActivityFigures>, year: u16, aei_code: &str, period: Period, office: &str) -> Self {
        let goals = labels::cuadro2_goals_title(year, period);
        Self {
            id: TableId::Cuadro2,
            caption: labels::cuadro2_caption(year, aei_code),
            header: grouped_header(&CUADRO2_COLUMNS, &[(goals, CUADRO2_GOAL_COLUMNS)]),
            body: rows.into_iter().map(cuadro2_row).collect(),
            foot: Vec::new(),
            footnotes: Vec::new(),
            sources: labels::source_lines(office).to_vec(),
        }
    }

    /// Tabla 3 of the AEI in `version`, its Total over the whole version.
    pub fn tabla3(tabla3: Tabla3, version: &PoiVersion, year: u16, period: Period, office: &str) -> Self {
        let groups = TABLA3_GROUPS.map(|group| (group.to_string(), TABLA3_GROUP_COLUMNS));
        let progress = tabla3.total_financial_progress();
        let total = TableRow {
            role: RowRole::Total,
            cells: vec![
                TableCell { columns: 5, row_header: true, ..TableCell::text("Total") },
                TableCell::financial(tabla3.total_financial_detail, tabla3.total_financial_programmed),
                TableCell::financial(tabla3.total_financial_detail, tabla3.total_financial_executed),
                TableCell::maybe(progress, NumberFormat::Percent),
            ],
        };
        Self {
            id: TableId::Tabla3,
            caption: labels::tabla3_caption(version, year, period),
            header: grouped_header(&TABLA3_COLUMNS, &groups),
            body: tabla3.rows.into_iter().map(tabla3_row).collect(),
            foot: vec![total],
            footnotes: Vec::new(),
            sources: labels::source_lines(office).to_vec(),
        }
    }

    /// The Informe's summary: Cuadro 1's columns, marks and notes, one row per AEI and the entity's Total.
    pub fn aei_summary(summary: AeiSummary, period: Period, office: &str) -> Self {
        let Self { header, footnotes, sources, .. } =
            Self::cuadro1(Cuadro1 { aei: summary.total.clone(), cost_centers: Vec::new() }, period, office);
        let mut total = cuadro1_row(summary.total, RowRole::Total);
        total.cells.remove(0);
        total.cells[0] = TableCell { columns: 2, row_header: true, ..TableCell::text("Total") };
        Self {
            id: TableId::AeiSummary,
            caption: AEI_SUMMARY_CAPTION.to_string(),
            header,
            body: summary.rows.into_iter().map(|row| cuadro1_row(row, RowRole::Item)).collect(),
            foot: vec![total],
            footnotes,
            sources,
        }
    }

    /// The Informe's annex 4.1: programmed, executed and % by categoría presupuestal, and the Total.
    pub fn budget_execution(rows: Vec<BudgetRow>, year: u16, period: Period, office: &str) -> Self {
        let cells = |label: TableCell, detail: bool, programmed: Decimal, executed: Decimal, progress: Option<Decimal>| {
            vec![
                label,
                TableCell::financial(detail, programmed),
                TableCell::financial(detail, executed),
                TableCell::maybe(progress, NumberFormat::Percent),
            ]
        };
        let (programmed, executed) = rows
            .iter()
            .fold((Decimal::ZERO, Decimal::ZERO), |(p, e), r| (p.saturating_add(r.programmed), e.saturating_add(r.executed)));
        let detail = rows.iter().all(|r| r.detail);
        let total = TableRow {
            role: RowRole::Total,
            cells: cells(
                TableCell { row_header: true, ..TableCell::text("Total") },
                detail,
                programmed,
                executed,
                super::figures::progress(executed, programmed).filter(|_| detail),
            ),
        };
        Self {
            id: TableId::BudgetExecution,
            caption: format!("{BUDGET_EXECUTION_CAPTION} {}", labels::period_of(year, period)),
            header: vec![HeaderRow { cells: BUDGET_EXECUTION_COLUMNS.iter().map(|t| HeaderCell::column(*t)).collect(), marks: false }],
            body: rows
                .into_iter()
                .map(|row| {
                    let progress = row.progress();
                    TableRow { role: RowRole::Item, cells: cells(TableCell::text(row.label), row.detail, row.programmed, row.executed, progress) }
                })
                .collect(),
            foot: vec![total],
            footnotes: Vec::new(),
            sources: labels::source_lines(office).to_vec(),
        }
    }

    /// How many columns the table has.
    pub fn width(&self) -> usize {
        self.header.first().map_or(0, |row| row.cells.iter().map(|c| c.columns).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{reference_workspace, REFERENCE_VIEW};
    use crate::domain::Selection;

    fn texts(row: &TableRow) -> Vec<String> {
        row.cells.iter().map(|c| c.value.display()).collect()
    }

    #[test]
    fn cuadro1_prints_the_reference_figures_with_its_marks_and_notes() {
        let table = reference_workspace().table(REFERENCE_VIEW, "AEI.08.05", TableId::Cuadro1).unwrap();
        assert_eq!(table.header.len(), 2);
        assert!(table.header[1].marks);
        assert_eq!(table.header[1].cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["", "", "1/", "2/", "3/", "4/"]);
        assert_eq!(table.body[0].role, RowRole::Aei);
        assert_eq!(texts(&table.body[0])[2..], ["1", "1", "21,000.00", "100.00"]);
        assert_eq!(table.body[1].role, RowRole::CostCenter);
        assert_eq!(table.footnotes.len(), 4);
        assert_eq!(table.sources, ["Fuente: Aplicativo CEPLAN V.01.", "Elaboración: Unidad Funcional de Planeamiento y Presupuesto – UFPP."]);
        assert_eq!(table.width(), 6);
    }

    #[test]
    fn tabla3_groups_its_columns_and_totals_the_whole_poi_in_its_foot() {
        let table = reference_workspace().table(REFERENCE_VIEW, "AEI.08.05", TableId::Tabla3).unwrap();
        let top = &table.header[0].cells;
        assert_eq!((top[0].rows, top[0].columns, top[0].scope), (2, 1, Scope::Column));
        assert_eq!((top[2].text.as_str(), top[2].columns, top[2].scope), ("METAS FISICAS", 3, Scope::ColumnGroup));
        assert_eq!(table.header[1].cells.len(), 6);
        assert_eq!(table.width(), 8);
        let total = &table.foot[0];
        assert_eq!((total.role, total.cells[0].columns, total.cells[0].row_header), (RowRole::Total, 5, true));
        assert_eq!(texts(total), ["Total", "650,769,332.00", "646,150,876.90", "99.3%"]);
    }

    #[test]
    fn a_cell_without_a_figure_prints_a_dash() {
        let cell = TableCell::maybe(None, NumberFormat::Percent);
        assert_eq!((cell.value.display(), cell.value.is_figure()), ("–".to_string(), true));
    }

    #[test]
    fn cuadro1_needs_the_aei_tabla3_a_version_and_cuadro2_neither() {
        let ws = reference_workspace();
        assert!(ws.table(REFERENCE_VIEW, "AEI.99.99", TableId::Cuadro1).is_none());
        assert!(ws.table(REFERENCE_VIEW, "AEI.99.99", TableId::Cuadro2).unwrap().body.is_empty());
        let no_year = Selection::of_year(2030);
        assert!(ws.table(no_year, "AEI.08.05", TableId::Tabla3).is_none());
    }
}
