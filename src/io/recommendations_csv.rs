//! Recommendations in spreadsheets (docs/FORMAT-recommendations.md): the import from CSV or XLSX, all-or-nothing with every error listed, and the register and dashboard as sheets for XLSX and CSV.

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;

use super::ao_file::{check_size, read_cells, FileError};
use super::csv::{fold, header_key, write_location};
use super::office::{Cell, Row, RowKind, Sheet};
use crate::domain::language::NumberFormat;
use crate::domain::calendar::{Date, DateError};
use crate::domain::language::NOT_APPLICABLE;
use crate::domain::recommendations::{
    Action, ControlReport, FollowUp, Origin, Problem, Recommendation, RecommendationKind, RecommendationRegister,
    RecommendationSource, RecommendationStatus, RecommendationType, RegisterError, StatusCatalog, StatusUpdate,
};
use crate::domain::recommendations::{due_soon, indicator_rows, Figure, Grouping, INDICATOR_COLUMNS, Listed};

/// The columns of the import layout, in the documented order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Register,
    Report,
    ReportDate,
    ReportTitle,
    ServiceType,
    Origin,
    Received,
    Number,
    Text,
    Type,
    Unit,
    Officer,
    FollowUp,
    Aei,
    Action,
    ActionResponsible,
    ActionStart,
    ActionDeadline,
    Status,
    StatusDate,
    VerifiedBy,
}

impl Column {
    pub const ALL: [Column; 21] = [
        Column::Register,
        Column::Report,
        Column::ReportDate,
        Column::ReportTitle,
        Column::ServiceType,
        Column::Origin,
        Column::Received,
        Column::Number,
        Column::Text,
        Column::Type,
        Column::Unit,
        Column::Officer,
        Column::FollowUp,
        Column::Action,
        Column::ActionResponsible,
        Column::ActionStart,
        Column::ActionDeadline,
        Column::Status,
        Column::StatusDate,
        Column::VerifiedBy,
        Column::Aei,
    ];

    /// The header name.
    pub fn name(self) -> &'static str {
        match self {
            Column::Register => "registro",
            Column::Report => "informe",
            Column::ReportDate => "fecha_informe",
            Column::ReportTitle => "titulo_informe",
            Column::ServiceType => "tipo_servicio",
            Column::Origin => "origen",
            Column::Received => "fecha_recepcion",
            Column::Number => "numero",
            Column::Text => "recomendacion",
            Column::Type => "tipo",
            Column::Unit => "unidad_responsable",
            Column::Officer => "funcionario",
            Column::FollowUp => "seguimiento",
            Column::Aei => "aei",
            Column::Action => "accion",
            Column::ActionResponsible => "responsable_accion",
            Column::ActionStart => "inicio_accion",
            Column::ActionDeadline => "plazo_accion",
            Column::Status => "estado",
            Column::StatusDate => "fecha_estado",
            Column::VerifiedBy => "verificado_por",
        }
    }

    /// Whether the header must have the column.
    fn required(self) -> bool {
        matches!(self, Column::Register | Column::Report | Column::Number | Column::Text)
    }
}

/// The header of the import layout, for a template.
pub fn template_header() -> Vec<String> {
    Column::ALL.iter().map(|c| c.name().to_string()).collect()
}

/// Why a file, or a row of it, is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// The file gives no cells: too large, an old .xls, a damaged workbook, an unclosed quote.
    File(FileError),
    MissingHeader,
    MissingColumn,
    DuplicateColumn,
    WrongCellCount {
        expected: usize,
        found: usize,
    },
    NoRows,
    EmptyRequired,
    UnknownRegister,
    UnknownType,
    UnknownOrigin,
    UnknownStatus,
    BadDate(DateError),
    /// A control report's column differs from what the register or an earlier row says.
    ReportMismatch {
        expected: String,
    },
    /// The action's other columns are filled but its deadline is not.
    ActionWithoutDeadline,
    /// The same recommendation number of the same report appears on an earlier row of the file.
    DuplicateInFile {
        first_row: usize,
    },
    /// A rule of the register, with where it happened in the register.
    Register(RegisterError),
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportProblem::MissingHeader => f.write_str(
                "no hay encabezado; la primera fila debe tener los nombres de columna (registro, informe, numero, recomendacion, …)",
            ),
            ImportProblem::File(error) => error.fmt(f),
            ImportProblem::MissingColumn => f.write_str("falta en el encabezado y es obligatoria"),
            ImportProblem::DuplicateColumn => f.write_str("repite una columna que ya está en el encabezado"),
            ImportProblem::WrongCellCount { expected, found } => {
                write!(f, "tiene {found} celdas y el encabezado tiene {expected}")
            }
            ImportProblem::NoRows => f.write_str("el archivo no tiene filas de recomendaciones debajo del encabezado"),
            ImportProblem::EmptyRequired => f.write_str("está vacía y es obligatoria"),
            ImportProblem::UnknownRegister => {
                f.write_str("no se reconoce: use «control» (informe de control) o «evaluacion» (evaluación previa)")
            }
            ImportProblem::UnknownType => f.write_str(
                "no se reconoce: use «Mejora de la gestión», «Inicio de procedimiento administrativo» o «Inicio de acciones legales»",
            ),
            ImportProblem::UnknownOrigin => f.write_str("no se reconoce: use OCI, CGR o SOA"),
            ImportProblem::UnknownStatus => f.write_str(
                "no se reconoce: use Pendiente, En proceso, Implementada, Inaplicable por causal sobreviniente o No aplicable",
            ),
            ImportProblem::BadDate(DateError::Format(_)) => f.write_str(
                "no es una fecha: escríbala como aaaa-mm-dd (2024-03-28) o dd/mm/aaaa (28/03/2024), o use una celda de fecha de Excel",
            ),
            ImportProblem::BadDate(error) => error.fmt(f),
            ImportProblem::ReportMismatch { expected } => {
                write!(f, "no coincide con lo ya indicado para el mismo informe («{expected}»)")
            }
            ImportProblem::ActionWithoutDeadline => f.write_str("está vacía y la fila describe una acción: indique su plazo"),
            ImportProblem::DuplicateInFile { first_row } => {
                write!(f, "ya figura en la fila {first_row} para el mismo informe; cada recomendación va en una sola fila")
            }
            ImportProblem::Register(error) => error.fmt(f),
        }
    }
}

/// One problem, with the row and column as the spreadsheet shows them and the value found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based, the header being row 1; `None` for the file as a whole.
    pub row: Option<usize>,
    /// The column's header name.
    pub column: Option<&'static str>,
    /// The cell's text, when a value is the problem.
    pub value: Option<String>,
    pub problem: ImportProblem,
}

/// "Fila 3, columna plazo_accion: «2024-01-05» Acción 1 de la recomendación N° 2 …: el plazo … es anterior …".
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_location(f, self.row, self.column, self.value.as_deref())?;
        self.problem.fmt(f)
    }
}

/// A register with the file's recommendations added, and what was added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub register: RecommendationRegister,
    pub reports_added: usize,
    pub recommendations_added: usize,
    /// Header cells that name no column of the layout: skipped.
    pub ignored_columns: Vec<String>,
    /// The file row of each recommendation added, in the register's order.
    rows: Vec<usize>,
}

/// The columns of the preview's first rows (see [`Imported::first_rows`]).
pub const PREVIEW_COLUMNS: [&str; 6] = ["Fila", "Registro", "Informe", "N°", "Recomendación", "Estado"];

fn register_label(kind: RecommendationKind) -> &'static str {
    match kind {
        RecommendationKind::Control => "Informe de control",
        RecommendationKind::PreviousEvaluation => "Evaluación previa",
    }
}

impl Imported {
    /// The first `limit` recommendations the file adds, as the preview lists them (one cell per
    /// [`PREVIEW_COLUMNS`]): the file row, the register, the report, the number, the text, the status.
    pub fn first_rows(&self, limit: usize) -> Vec<[String; 6]> {
        let added = &self.register.recommendations()[self.register.recommendations().len() - self.rows.len()..];
        added
            .iter()
            .zip(&self.rows)
            .take(limit)
            .map(|(r, row)| {
                [
                    row.to_string(),
                    register_label(r.kind()).to_string(),
                    r.report_key().to_string(),
                    r.number.clone(),
                    r.text.clone(),
                    self.register.settings.statuses.label(r.status()).to_string(),
                ]
            })
            .collect()
    }
}

/// `2024-03-28`, `28/03/2024` (what Excel in Spanish writes in a CSV) or a date cell of a workbook,
/// which arrives as Excel's day number (45379 is 2024-03-28).
pub fn read_date(text: &str) -> Result<Date, DateError> {
    let text = text.trim();
    let format_error = || DateError::Format(text.to_string());
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if digits(text) && text.len() <= 7 {
        // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was, so from
        // 1 March 1900 on the day number is the days since 1899-12-30.
        let day: i64 = text.parse().map_err(|_| format_error())?;
        if day < 61 {
            return Err(format_error());
        }
        return Ok(Date::new(1899, 12, 30).map_err(|_| format_error())?.add_days(day));
    }
    let parts: Vec<&str> = text.split('/').collect();
    match parts.as_slice() {
        [day, month, year] if digits(day) && digits(month) && year.len() == 4 && digits(year) => {
            let (Ok(day), Ok(month), Ok(year)) = (day.parse(), month.parse(), year.parse()) else {
                return Err(format_error());
            };
            Date::new(year, month, day)
        }
        _ => Date::parse_iso(text),
    }
}

fn read_register(text: &str) -> Option<RecommendationKind> {
    let folded = fold(text);
    if folded.starts_with("control") || folded.starts_with("informe de control") {
        Some(RecommendationKind::Control)
    } else if folded.starts_with("evaluacion") {
        Some(RecommendationKind::PreviousEvaluation)
    } else {
        None
    }
}

fn read_type(text: &str) -> Option<RecommendationType> {
    if text.trim().is_empty() {
        return Some(RecommendationType::default());
    }
    let folded = fold(text);
    RecommendationType::ALL.into_iter().find(|t| fold(t.label()) == folded)
}

fn read_origin(text: &str) -> Option<Origin> {
    let folded = fold(text);
    Origin::ALL.into_iter().find(|o| fold(o.label()) == folded || fold(o.name()) == folded)
}

fn read_status(text: &str, catalog: &StatusCatalog) -> Option<RecommendationStatus> {
    let folded = fold(text);
    RecommendationStatus::ALL.into_iter().find(|&s| fold(catalog.label(s)) == folded || fold(s.label()) == folded)
}

/// The column a register rule refers to, to point at the cell that broke it.
fn column_of(problem: &Problem) -> Option<Column> {
    match problem {
        Problem::MissingReportNumber | Problem::DuplicateReport | Problem::UnknownReport { .. } => Some(Column::Report),
        Problem::ReceivedBeforeIssued { .. } => Some(Column::Received),
        Problem::MissingRecommendationNumber | Problem::DuplicateRecommendationNumber => Some(Column::Number),
        Problem::DeadlineBeforeReport { .. } => Some(Column::ActionDeadline),
        Problem::StartAfterDeadline { .. } => Some(Column::ActionStart),
        Problem::MissingStatusDate { .. }
        | Problem::StatusDateInFuture { .. }
        | Problem::StatusDateBeforeLast { .. }
        | Problem::StatusDateBeforeReport { .. } => Some(Column::StatusDate),
        Problem::MissingVerifier { .. } => Some(Column::VerifiedBy),
        Problem::MissingReprogrammingReason { .. }
        | Problem::ReportHasRecommendations { .. }
        | Problem::UnknownRecommendation
        | Problem::HasHistory => None,
    }
}

/// Where each column is in the file.
struct Layout {
    positions: HashMap<Column, usize>,
    width: usize,
}

fn read_header(cells: &[String], errors: &mut Vec<ImportError>, ignored: &mut Vec<String>) -> Layout {
    let mut positions = HashMap::new();
    for (i, cell) in cells.iter().enumerate() {
        let key = header_key(cell);
        match Column::ALL.into_iter().find(|c| c.name() == key) {
            Some(column) if positions.contains_key(&column) => errors.push(ImportError {
                row: Some(1),
                column: Some(column.name()),
                value: Some(cell.clone()),
                problem: ImportProblem::DuplicateColumn,
            }),
            Some(column) => {
                positions.insert(column, i);
            }
            None if key.is_empty() => {}
            None => ignored.push(cell.trim().to_string()),
        }
    }
    for column in Column::ALL.into_iter().filter(|c| c.required() && !positions.contains_key(c)) {
        errors.push(ImportError {
            row: None,
            column: Some(column.name()),
            value: None,
            problem: ImportProblem::MissingColumn,
        });
    }
    Layout { positions, width: cells.len() }
}

/// One data row with its number, reading cells by column and collecting errors.
struct FileRow<'a> {
    number: usize,
    cells: &'a [String],
    layout: &'a Layout,
    errors: Vec<ImportError>,
}

impl<'a> FileRow<'a> {
    fn cell(&self, column: Column) -> &'a str {
        self.layout.positions.get(&column).map_or("", |&i| self.cells[i].trim())
    }

    fn fail(&mut self, column: Column, problem: ImportProblem) {
        let value = Some(self.cell(column).to_string()).filter(|v| !v.is_empty());
        self.errors.push(ImportError { row: Some(self.number), column: Some(column.name()), value, problem });
    }

    fn required(&mut self, column: Column) -> Option<&'a str> {
        let text = self.cell(column);
        if text.is_empty() {
            self.fail(column, ImportProblem::EmptyRequired);
            return None;
        }
        Some(text)
    }

    fn date(&mut self, column: Column) -> Option<Option<Date>> {
        let text = self.cell(column);
        if text.is_empty() {
            return Some(None);
        }
        match read_date(text) {
            Ok(date) => Some(Some(date)),
            Err(error) => {
                self.fail(column, ImportProblem::BadDate(error));
                None
            }
        }
    }

    fn required_date(&mut self, column: Column) -> Option<Date> {
        match self.date(column) {
            Some(Some(date)) => Some(date),
            Some(None) => {
                self.fail(column, ImportProblem::EmptyRequired);
                None
            }
            None => None,
        }
    }

    fn register_error(&mut self, error: RegisterError) {
        let column = column_of(&error.problem);
        let value = column.map(|c| self.cell(c).to_string()).filter(|v| !v.is_empty());
        self.errors.push(ImportError {
            row: Some(self.number),
            column: column.map(Column::name),
            value,
            problem: ImportProblem::Register(error),
        });
    }
}

/// A control report as a row describes it, each part `None` when its cell is empty.
struct ReportCells {
    title: String,
    service_type: String,
    origin: Option<Origin>,
    issued: Option<Date>,
    received: Option<Date>,
}

/// Checks a row's report cells against a known report: an empty cell agrees with anything.
fn check_report_cells(row: &mut FileRow, cells: &ReportCells, report: &ControlReport) {
    let checks: [(Column, bool, String); 5] = [
        (Column::ReportTitle, cells.title.is_empty() || cells.title == report.title, report.title.clone()),
        (
            Column::ServiceType,
            cells.service_type.is_empty() || cells.service_type == report.service_type,
            report.service_type.clone(),
        ),
        (Column::Origin, cells.origin.is_none_or(|o| o == report.origin), report.origin.label().to_string()),
        (Column::ReportDate, cells.issued.is_none_or(|d| d == report.issued), report.issued.to_string()),
        (Column::Received, cells.received.is_none_or(|d| d == report.received), report.received.to_string()),
    ];
    for (column, agrees, expected) in checks {
        if !agrees {
            row.fail(column, ImportProblem::ReportMismatch { expected });
        }
    }
}

/// Reads one row into the register being built; its errors are left in `row.errors`.
/// What the file has added so far: the reports it created, the row of each recommendation, and
/// the rows of those added, in order.
#[derive(Default)]
struct FileSoFar {
    new_reports: Vec<String>,
    rows: HashMap<(RecommendationKind, String, String), usize>,
    added_rows: Vec<usize>,
}

fn import_row(row: &mut FileRow, register: &mut RecommendationRegister, file: &mut FileSoFar, today: Date) {
    let kind = match row.required(Column::Register) {
        Some(text) => read_register(text).or_else(|| {
            row.fail(Column::Register, ImportProblem::UnknownRegister);
            None
        }),
        None => None,
    };
    let report = row.required(Column::Report);
    let number = row.required(Column::Number);
    if let (Some(kind), Some(report), Some(number)) = (kind, report, number) {
        // Checked here too, so a repeated number is named even when its first row has other errors.
        let key = (kind, report.to_string(), number.to_string());
        match file.rows.get(&key) {
            Some(&first_row) => row.fail(Column::Number, ImportProblem::DuplicateInFile { first_row }),
            None => {
                file.rows.insert(key, row.number);
            }
        }
    }
    let text = row.required(Column::Text);
    let recommendation_type = read_type(row.cell(Column::Type)).or_else(|| {
        row.fail(Column::Type, ImportProblem::UnknownType);
        None
    });
    let status_text = row.cell(Column::Status);
    let status = if status_text.is_empty() {
        Some(None)
    } else {
        match read_status(status_text, &register.settings.statuses) {
            Some(status) => Some(Some(status)),
            None => {
                row.fail(Column::Status, ImportProblem::UnknownStatus);
                None
            }
        }
    };
    let status_date = row.date(Column::StatusDate);
    let action_start = row.date(Column::ActionStart);
    let action_deadline = row.date(Column::ActionDeadline);
    let has_action = [Column::Action, Column::ActionResponsible, Column::ActionStart, Column::ActionDeadline]
        .iter()
        .any(|&c| !row.cell(c).is_empty());
    if has_action && row.cell(Column::ActionDeadline).is_empty() {
        row.fail(Column::ActionDeadline, ImportProblem::ActionWithoutDeadline);
    }
    let source = match (kind, report) {
        (Some(RecommendationKind::PreviousEvaluation), Some(report)) => row
            .required_date(Column::ReportDate)
            .map(|date| RecommendationSource::PreviousEvaluation { report: report.to_string(), date }),
        (Some(RecommendationKind::Control), Some(report)) => {
            let origin_text = row.cell(Column::Origin);
            let origin = read_origin(origin_text);
            if !origin_text.is_empty() && origin.is_none() {
                row.fail(Column::Origin, ImportProblem::UnknownOrigin);
            }
            let (issued, received) = (row.date(Column::ReportDate), row.date(Column::Received));
            let cells = ReportCells {
                title: row.cell(Column::ReportTitle).to_string(),
                service_type: row.cell(Column::ServiceType).to_string(),
                origin,
                issued: issued.flatten(),
                received: received.flatten(),
            };
            match register.report(report) {
                Some(known) => check_report_cells(row, &cells, known),
                None if row.errors.is_empty() => {
                    // The first row of a report new to the register describes it; later rows must agree.
                    let issued = row.required_date(Column::ReportDate);
                    let received = row.required_date(Column::Received);
                    if cells.origin.is_none() && origin_text.is_empty() {
                        row.fail(Column::Origin, ImportProblem::EmptyRequired);
                    }
                    if let (Some(origin), Some(issued), Some(received)) = (cells.origin, issued, received) {
                        let new = ControlReport {
                            number: report.to_string(),
                            title: cells.title,
                            service_type: cells.service_type,
                            origin,
                            issued,
                            received,
                        };
                        match register.add_report(new) {
                            Ok(()) => file.new_reports.push(report.to_string()),
                            Err(error) => row.register_error(error),
                        }
                    }
                }
                None => {}
            }
            Some(RecommendationSource::Control { report_number: report.to_string() })
        }
        _ => None,
    };
    if status == Some(None) && status_date.is_some_and(|d| d.is_some()) {
        row.fail(Column::Status, ImportProblem::EmptyRequired);
    }
    if !row.errors.is_empty() {
        return;
    }
    let (
        Some(source),
        Some(number),
        Some(text),
        Some(recommendation_type),
        Some(status),
        Some(status_date),
        Some(start),
        Some(deadline),
    ) = (source, number, text, recommendation_type, status, status_date, action_start, action_deadline)
    else {
        return;
    };
    let mut recommendation = Recommendation::new(source, number, text, recommendation_type);
    recommendation.responsible_unit = row.cell(Column::Unit).to_string();
    recommendation.officer = row.cell(Column::Officer).to_string();
    recommendation.follow_up = row.cell(Column::FollowUp).to_string();
    recommendation.aei_code = row.cell(Column::Aei).to_string();
    if let Some(deadline) = deadline {
        let mut action = Action::new(row.cell(Column::Action), row.cell(Column::ActionResponsible), deadline);
        action.start = start;
        recommendation.action_plan.actions.push(action);
    }
    let id = match register.add_recommendation(recommendation) {
        Ok(id) => {
            file.added_rows.push(row.number);
            id
        }
        Err(error) => {
            row.register_error(error);
            return;
        }
    };
    // A pending recommendation without a date is the default state: nothing to record.
    let change = match status {
        Some(RecommendationStatus::Pendiente) if status_date.is_none() => None,
        other => other,
    };
    if let Some(status) = change {
        let update = StatusUpdate {
            date: status_date,
            status,
            verified_by: row.cell(Column::VerifiedBy).to_string(),
            recorded_by: "Importación de archivo".to_string(),
            ..StatusUpdate::default()
        };
        if let Err(error) = register.change_status(id, update, today) {
            row.register_error(error);
        }
    }
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// Adds the recommendations of a grid of cells (first row the header) to a copy of the register:
/// the new register, or every error found, in which case nothing is added. Status dates may not be
/// after `today`.
pub fn import_rows(
    register: &RecommendationRegister,
    rows: &[Vec<String>],
    today: Date,
) -> Result<Imported, Vec<ImportError>> {
    let Some(header) = rows.first().filter(|cells| !is_blank(cells)) else {
        return Err(vec![ImportError {
            row: Some(1),
            column: None,
            value: None,
            problem: ImportProblem::MissingHeader,
        }]);
    };
    let mut errors = Vec::new();
    let mut ignored_columns = Vec::new();
    let layout = read_header(header, &mut errors, &mut ignored_columns);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut working = register.clone();
    let before = register.recommendations().len();
    let mut file = FileSoFar::default();
    let mut data_rows = 0;
    for (i, cells) in rows.iter().enumerate().skip(1) {
        // Excel's trailing ";;;;" rows are blank: skipped.
        if is_blank(cells) {
            continue;
        }
        data_rows += 1;
        if cells.len() != layout.width {
            errors.push(ImportError {
                row: Some(i + 1),
                column: None,
                value: None,
                problem: ImportProblem::WrongCellCount { expected: layout.width, found: cells.len() },
            });
            continue;
        }
        let mut row = FileRow { number: i + 1, cells, layout: &layout, errors: Vec::new() };
        import_row(&mut row, &mut working, &mut file, today);
        errors.append(&mut row.errors);
    }
    if data_rows == 0 {
        errors.push(ImportError { row: None, column: None, value: None, problem: ImportProblem::NoRows });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let recommendations_added = working.recommendations().len() - before;
    Ok(Imported {
        register: working,
        reports_added: file.new_reports.len(),
        recommendations_added,
        ignored_columns,
        rows: file.added_rows,
    })
}

fn file_error(error: FileError) -> Vec<ImportError> {
    vec![ImportError { row: None, column: None, value: None, problem: ImportProblem::File(error) }]
}

/// Refuses a file larger than the importers take before it is read, from the size the browser tells.
pub fn check_file_size(bytes: usize) -> Result<(), Vec<ImportError>> {
    check_size(bytes).map_err(file_error)
}

/// The cells of a CSV file (encoding and delimiter detected) or of the first sheet of an XLSX
/// workbook, for `import_rows`; the file's size and contents are held to `io/limits.rs`.
pub fn read_file(bytes: &[u8]) -> Result<Vec<Vec<String>>, Vec<ImportError>> {
    read_cells(bytes).map_err(file_error)
}

/// Reads a file (see `read_file`) and imports it (see `import_rows`).
pub fn import_file(register: &RecommendationRegister, bytes: &[u8], today: Date) -> Result<Imported, Vec<ImportError>> {
    import_rows(register, &read_file(bytes)?, today)
}

/// The import layout's header alone, to fill in.
pub fn template_sheet() -> Sheet {
    Sheet {
        name: "Recomendaciones".to_string(),
        rows: vec![header(template_header())],
        merges: Vec::new(),
        frozen_rows: 1,
    }
}

fn text(value: impl Into<String>) -> Cell {
    Cell::text(value)
}

fn count(n: i64) -> Cell {
    Cell::Number(Decimal::from(n), NumberFormat::Count)
}

fn date_cell(date: Option<Date>) -> Cell {
    date.map_or(Cell::Empty, |d| text(d.dmy()))
}

fn figure_cell(figure: Figure) -> Cell {
    match figure {
        Figure::Count(n) => count(n as i64),
        Figure::Percent(Some(value)) => Cell::Number(value, NumberFormat::Percent),
        Figure::Percent(None) => text(NOT_APPLICABLE),
    }
}

fn header(titles: impl IntoIterator<Item = impl Into<String>>) -> Row {
    Row::new(RowKind::Header, titles.into_iter().map(text).collect())
}

/// The register as listed (filters applied), one row per recommendation with its follow-up as of
/// the listing's date, under a header row.
pub fn register_sheet(register: &RecommendationRegister, listed: &[Listed]) -> Sheet {
    let mut rows = vec![header([
        "Registro",
        "Informe",
        "Origen",
        "N°",
        "Recomendación",
        "Tipo",
        "Unidad responsable",
        "Funcionario",
        "Estado",
        "Plazo vigente",
        "Días al plazo",
        "Situación",
        "Antigüedad (días)",
        "Antigüedad (días hábiles)",
        "Plan de acción: vence",
        "Plan de acción: presentado",
        "Seguimiento",
        "AEI",
    ])];
    for item in listed {
        let r = item.recommendation;
        let f = item.follow_up;
        let situation = match f {
            Some(f) if f.overdue => "Vencida",
            Some(f) if f.due_soon => "Por vencer",
            _ => "",
        };
        let days = |value: Option<i64>| value.map_or(Cell::Empty, count);
        rows.push(Row::new(
            RowKind::Body,
            vec![
                text(register_label(r.kind())),
                text(r.report_key()),
                text(item.origin.map_or("", |o| o.label())),
                text(r.number.as_str()),
                text(r.text.as_str()),
                text(r.recommendation_type.label()),
                text(r.responsible_unit.as_str()),
                text(r.officer.as_str()),
                text(register.settings.statuses.label(item.status)),
                date_cell(f.and_then(|f| f.deadline)),
                days(f.and_then(|f| f.days_to_deadline)),
                text(situation),
                days(f.map(|f| f.age_days)),
                days(f.map(|f| f.age_working_days)),
                date_cell(f.and_then(|f| f.action_plan_due)),
                date_cell(r.action_plan.submitted),
                text(r.follow_up.as_str()),
                text(r.aei_code.as_str()),
            ],
        ));
    }
    Sheet { name: "Registro".to_string(), rows, merges: Vec::new(), frozen_rows: 1 }
}

/// The dashboard's tables one under the other, each with its title and header, separated by a
/// blank row: the indicators by group, the ageing buckets, the overdue and the due-soon lists.
pub fn dashboard_sheet(register: &RecommendationRegister, follow_up: &FollowUp) -> Sheet {
    let title = |caption: &str| Row::new(RowKind::Title, vec![text(caption)]);
    let blank = || Row::new(RowKind::Note, Vec::new());
    let mut rows = vec![title(&format!("Seguimiento de recomendaciones al {}", follow_up.as_of.dmy()))];
    for grouping in Grouping::ALL {
        rows.push(blank());
        rows.push(title(grouping.caption()));
        rows.push(header(std::iter::once(grouping.column()).chain(INDICATOR_COLUMNS)));
        for row in indicator_rows(follow_up, grouping) {
            let kind = if grouping == Grouping::Overall { RowKind::Strong } else { RowKind::Body };
            rows.push(Row::new(
                kind,
                std::iter::once(text(row.group.as_str())).chain(row.figures().map(figure_cell)).collect(),
            ));
        }
    }
    rows.push(blank());
    rows.push(title("Antigüedad de las recomendaciones no concluidas"));
    rows.push(header(["ANTIGÜEDAD", "RECOMENDACIONES"]));
    for (bucket, n) in &follow_up.ageing {
        rows.push(Row::new(RowKind::Body, vec![text(bucket.label()), count(*n as i64)]));
    }
    let by_id: HashMap<_, &Recommendation> = register.recommendations().iter().map(|r| (r.id(), r)).collect();
    let lists = [
        ("Recomendaciones vencidas", follow_up.overdue().collect::<Vec<_>>()),
        ("Recomendaciones por vencer", due_soon(follow_up)),
    ];
    for (caption, list) in lists {
        rows.push(blank());
        rows.push(title(caption));
        rows.push(header(["INFORME", "N°", "UNIDAD RESPONSABLE", "ESTADO", "PLAZO VIGENTE", "DÍAS AL PLAZO"]));
        for f in list {
            let r = by_id.get(&f.id);
            let field = |get: fn(&Recommendation) -> &str| text(r.map_or("", |r| get(r)));
            rows.push(Row::new(
                RowKind::Body,
                vec![
                    field(|r| r.report_key()),
                    field(|r| &r.number),
                    field(|r| &r.responsible_unit),
                    text(register.settings.statuses.label(f.status)),
                    date_cell(f.deadline),
                    f.days_to_deadline.map_or(Cell::Empty, count),
                ],
            ));
        }
    }
    Sheet { name: "Tablero".to_string(), rows, merges: Vec::new(), frozen_rows: 0 }
}
