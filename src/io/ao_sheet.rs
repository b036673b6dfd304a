//! The AO rows of an imported file, whatever its layout (docs/FORMAT-ao-sheet.md, docs/FORMAT-ceplan.md):
//! validated all or nothing with every error listed, previewed against the year, applied; and the AO sheet export.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::csv::{self, guard_text, header_key, unguard_text, CsvError, Delimiter};
use super::import::ceplan::{self, Cumulative, Gathered, Record, UeOption};
use super::import::cell::{cell_decimal, CellValue};
use super::import::layout::{Columns, Field, Header, Layout, Mapping, FIELD_COUNT};
use super::import::workbook::SheetRow;
use crate::domain::plan::Series;
use crate::domain::import_memory::ImportMemory;
use crate::domain::language::{parse_number, DecimalMark, NumberError, NumberKind};
use crate::domain::plan::Month;
use crate::domain::plan::{exact_sum, Aei, AnnualFinancial, BudgetCategory, CostCenter, Indicator, MonthNotes, Oei, OperativeActivity};
use crate::domain::plan::{Poi, PoiVersion};
use crate::domain::editing::next_free_code;
use crate::domain::language::{fold, name_key};
use crate::domain::YearPlan;

/// The text columns of Ficha's sheet, in its order (docs/FORMAT-ao-sheet.md).
const FICHA_TEXT: [Field; 9] = [
    Field::AeiCode,
    Field::AeiName,
    Field::CcCode,
    Field::CcName,
    Field::AoCode,
    Field::AoName,
    Field::Unit,
    Field::Category,
    Field::FollowUp,
];

/// Whether Ficha's sheet must have the column.
fn ficha_required(field: Field) -> bool {
    !matches!(field, Field::AeiName | Field::CcName | Field::Category | Field::FollowUp)
}

/// The four monthly series, in the order of the format (the grid's order).
const SERIES: [Series; 4] = Series::ALL;

/// The columns of Ficha's sheet: text columns, then each series for months 01–12.
fn ficha_columns() -> impl Iterator<Item = Field> {
    FICHA_TEXT.into_iter().chain(SERIES.into_iter().flat_map(|s| Month::all().map(move |m| Field::Monthly(s, m))))
}

/// The header names of the format, in order: text columns, then each series for months 01–12.
pub fn header() -> Vec<String> {
    ficha_columns().map(Field::key).collect()
}

/// Why a sheet is refused; where and what is carried by [`SheetError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// The file is empty or its first row is blank.
    MissingHeader,
    /// The CSV reader gave no records: an unclosed quote, or more than the readers take.
    Unreadable(CsvError),
    MissingColumn,
    DuplicateColumn,
    WrongCellCount {
        expected: usize,
        found: usize,
    },
    EmptyRequired,
    DuplicateCode {
        first_row: usize,
    },
    BadNumber(NumberError),
    BadFollowUp,
    /// The cell holds an Excel error value (`#DIV/0!`).
    ErrorValue,
    /// Another row of the same AO says something else (a different centro de costo or AEI).
    DiffersWithinActivity { code: String, first_row: usize, first_value: String },
    /// The rows of an AO add up past the bounds of their series.
    SumPastBounds { code: String, error: NumberError },
}

/// One problem of the sheet, with the row and column as the spreadsheet shows them and the value found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    /// 1-based, as the spreadsheet numbers rows; `None` for the file as a whole.
    pub row: Option<usize>,
    /// The column: as the format names it for Ficha's sheet, as the file's header says otherwise.
    pub column: Option<String>,
    /// The cell's text, when a value is the problem.
    pub value: Option<String>,
    pub problem: SheetProblem,
}

/// What is wrong, to follow the location and the value.
impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetProblem::MissingHeader => f.write_str(
                "no hay encabezado; la primera fila debe tener los nombres de columna (aei_codigo, cc_codigo, ao_codigo, …)",
            ),
            SheetProblem::Unreadable(error) => error.fmt(f),
            SheetProblem::MissingColumn => f.write_str("falta en el encabezado y es obligatoria"),
            SheetProblem::DuplicateColumn => f.write_str("repite una columna que ya está en el encabezado"),
            SheetProblem::WrongCellCount { expected, found } => {
                write!(f, "tiene {found} celdas y el encabezado tiene {expected}")
            }
            SheetProblem::EmptyRequired => f.write_str("está vacía y es obligatoria"),
            SheetProblem::DuplicateCode { first_row } => {
                write!(f, "ya figura en la fila {first_row}; cada AO va en una sola fila")
            }
            SheetProblem::BadNumber(NumberError::TooManyDecimals(kind)) => {
                write!(f, "tiene más de {0} decimales; {1} admite como máximo {0}", kind.decimals(), kind.a_value())
            }
            SheetProblem::BadNumber(NumberError::Ambiguous) => f.write_str(
                "es ambiguo: escriba 21000.00 o 21,000.00, o use coma decimal (21.000,00) en todo el archivo",
            ),
            SheetProblem::BadNumber(error) => error.fmt(f),
            SheetProblem::BadFollowUp => f.write_str("no se reconoce: use SI o NO (también S/N, 1/0, true/false o X)"),
            SheetProblem::ErrorValue => {
                f.write_str("es un error de Excel, no un valor; corrija la fórmula en Excel y vuelva a guardar el archivo")
            }
            SheetProblem::DiffersWithinActivity { code, first_row, first_value } => write!(
                f,
                "difiere de «{first_value}» de la fila {first_row}, otra fila de la AO {code}; las filas de una AO deben coincidir"
            ),
            SheetProblem::SumPastBounds { code, error } => write!(f, "la suma de las filas de la AO {code}: {error}"),
        }
    }
}

/// "Fila 3, columna fin_prog_05: «-20» no puede ser negativo".
impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The CSV reader's message already says where.
        let located = !matches!(self.problem, SheetProblem::Unreadable(_));
        csv::write_location(f, self.row.filter(|_| located), self.column.as_deref(), self.value.as_deref())?;
        self.problem.fmt(f)
    }
}

/// Every problem of a refused sheet; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetErrors(Vec<SheetError>);

impl SheetErrors {
    /// The problems in file order: header first, then rows.
    pub fn errors(&self) -> &[SheetError] {
        &self.0
    }
}

impl fmt::Display for SheetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            error.fmt(f)?;
        }
        Ok(())
    }
}

/// A list the import can create an entry in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Catalog {
    Aei,
    CostCenter,
    BudgetCategory,
    Oei,
}

impl Catalog {
    fn label(self) -> &'static str {
        match self {
            Catalog::Aei => "La AEI",
            Catalog::CostCenter => "El centro de costo",
            Catalog::BudgetCategory => "La categoría presupuestal",
            Catalog::Oei => "El OEI",
        }
    }
}

/// Something the user should know that does not stop the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetWarning {
    /// A header the format does not know; its column is skipped.
    UnknownColumn { header: String },
    /// An AO without `aei_codigo`: imported unlinked, it only adds to the POI total.
    UnlinkedActivity { row: usize, code: String },
    /// The same code named differently in two rows; the first name is used.
    NameConflict { row: usize, column: String, code: String, value: String, first_row: usize, first_value: String },
    /// An existing entry is named differently in the file; the existing name is kept.
    ExistingNameDiffers { catalog: Catalog, code: String, existing: String, in_file: String },
    /// A new entry the file gives no name for.
    CreatedWithoutName { catalog: Catalog, code: String },
    /// An AO whose months do not add up to the file's `Total` column; the months are imported.
    TotalDiffers { code: String, column: String, sum: Decimal, total: Decimal },
}

impl fmt::Display for SheetWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SheetWarning::UnknownColumn { header } => {
                write!(f, "Columna «{header}»: no es una columna del formato; se ignora")
            }
            SheetWarning::UnlinkedActivity { row, code } => write!(
                f,
                "Fila {row}, columna aei_codigo: la AO «{code}» no tiene AEI; se importa sin vincular y solo suma en el total del POI"
            ),
            SheetWarning::NameConflict { row, column, code, value, first_row, first_value } => write!(
                f,
                "Fila {row}, columna {column}: «{value}» difiere del nombre de {code} en la fila {first_row} («{first_value}»); se usa el de la fila {first_row}"
            ),
            SheetWarning::ExistingNameDiffers { catalog, code, existing, in_file } => write!(
                f,
                "{} {code} ya existe como «{existing}»; se mantiene ese nombre y no «{in_file}» del archivo",
                catalog.label()
            ),
            SheetWarning::CreatedWithoutName { catalog, code } => {
                write!(f, "{} {code} se creará sin nombre; puede completarlo después", catalog.label())
            }
            SheetWarning::TotalDiffers { code, column, sum, total } => write!(
                f,
                "AO {code}: los meses suman {} y la columna {column} dice {}; se importan los meses",
                sum.normalize(),
                total.normalize()
            ),
        }
    }
}

/// What the user chose for a file: which Unidad Ejecutora, and whether cumulative-looking months
/// are running totals to turn into monthly values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices {
    pub ue: Option<String>,
    pub cumulative: Option<bool>,
}

/// What must be asked before the rows can be read into AO.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// The file holds several Unidades Ejecutoras.
    Ue(Vec<UeOption>),
    /// Some AO's months look like running totals: `count` series, the first one shown.
    Cumulative { count: usize, example: Cumulative },
}

/// A centro de costo the file names (CEPLAN's `Centro de Costo` holds names), and what the user
/// chose for it in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedCostCenter {
    pub name: String,
    /// The file's own code for it (`Centro Costo ID`), `'` dropped; empty when none.
    pub file_code: String,
    pub choice: CostCenterChoice,
}

/// For a named centro de costo: the rule's code, a code the user typed, or an existing centro de
/// costo it is linked to (remembered as an alias of the year).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CostCenterChoice {
    Rule,
    Code(String),
    Link(String),
}

/// How many rows became how many AO, and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportStats {
    /// Data rows read (blank rows aside).
    pub rows: usize,
    /// Rows of inactive AO (`Activo AO` = NO), left out.
    pub inactive: usize,
    /// Rows of other Unidades Ejecutoras, left out, and the one imported.
    pub other_ue_rows: usize,
    pub ue: Option<(String, String)>,
    /// Rows summed into an earlier row of their AO.
    pub summed: usize,
    /// Series turned from running totals into monthly values.
    pub cumulative_converted: usize,
    /// AO whose follow-up is not approved, with what the file says.
    pub not_approved: Vec<(String, String)>,
    /// AO with annual financial totals only.
    pub annual_only: usize,
}

impl ImportStats {
    /// What the preview says about rows: «116 filas → 60 AO; 56 filas sumadas por departamento».
    pub fn lines(&self) -> Vec<String> {
        let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { many.to_string() };
        let mut lines = Vec::new();
        let read = self.rows - self.inactive - self.other_ue_rows;
        let activities = read - self.summed;
        if self.summed > 0 {
            lines.push(format!(
                "{read} filas → {activities} AO; {} {} por departamento",
                self.summed,
                plural(self.summed, "fila sumada", "filas sumadas")
            ));
        }
        if self.inactive > 0 {
            lines.push(format!(
                "{} {} omitida{}",
                self.inactive,
                plural(self.inactive, "fila de AO inactiva", "filas de AO inactivas"),
                if self.inactive == 1 { "" } else { "s" }
            ));
        }
        if let Some((code, name)) = &self.ue {
            if self.other_ue_rows > 0 {
                lines.push(format!("Unidad Ejecutora {code} {name}; {} filas de otras Unidades Ejecutoras omitidas", self.other_ue_rows));
            }
        }
        if self.cumulative_converted > 0 {
            lines.push(format!("{} series de meses acumulados convertidas a valores mensuales", self.cumulative_converted));
        }
        if self.annual_only > 0 {
            lines.push(format!(
                "{} AO con la ejecución financiera solo en totales anuales (sin detalle mensual)",
                self.annual_only
            ));
        }
        if !self.not_approved.is_empty() {
            lines.push(format!(
                "{} AO sin seguimiento aprobado (no se cuentan en el Cuadro 1): {}",
                self.not_approved.len(),
                self.not_approved.iter().take(10).map(|(code, state)| format!("{code} ({state})")).collect::<Vec<_>>().join(", ")
            ));
        }
        lines
    }
}

/// A validated sheet: its AO and the AEI, OEI, centros de costo and categorías it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AoSheet {
    activities: Vec<OperativeActivity>,
    aeis: Vec<Aei>,
    oeis: Vec<Oei>,
    cost_centers: Vec<CostCenter>,
    named_cost_centers: Vec<NamedCostCenter>,
    /// For each AO, the named centro de costo it belongs to (when centros de costo come by name).
    activity_cost_center: Vec<Option<usize>>,
    budget_categories: Vec<BudgetCategory>,
    decimal_mark: DecimalMark,
    warnings: Vec<SheetWarning>,
    stats: ImportStats,
}

impl AoSheet {
    /// The AO in file order, codes unique.
    pub fn activities(&self) -> &[OperativeActivity] {
        &self.activities
    }

    /// Each AEI code of the file with the name `aei_nombre` gave it (empty indicator).
    pub fn aeis(&self) -> &[Aei] {
        &self.aeis
    }

    /// Each OEI code of the file with its name.
    pub fn oeis(&self) -> &[Oei] {
        &self.oeis
    }

    /// Each centro de costo code with its `cc_nombre` (files that give codes).
    pub fn cost_centers(&self) -> &[CostCenter] {
        &self.cost_centers
    }

    /// The centros de costo the file names (files that give names), in order of appearance.
    pub fn named_cost_centers(&self) -> &[NamedCostCenter] {
        &self.named_cost_centers
    }

    /// Sets what a named centro de costo becomes (by its position in [`Self::named_cost_centers`]).
    pub fn choose_cost_center(&mut self, index: usize, choice: CostCenterChoice) {
        if let Some(named) = self.named_cost_centers.get_mut(index) {
            named.choice = choice;
        }
    }

    /// Each categoría of the file: `PP 0073: Nombre` gives code and name, a cell without colon a code.
    pub fn budget_categories(&self) -> &[BudgetCategory] {
        &self.budget_categories
    }

    /// How the file wrote decimals.
    pub fn decimal_mark(&self) -> DecimalMark {
        self.decimal_mark
    }

    /// What does not stop the import: unknown columns, AO without AEI, names given twice differently.
    pub fn warnings(&self) -> &[SheetWarning] {
        &self.warnings
    }

    /// Rows, AO, what was summed and left out.
    pub fn stats(&self) -> &ImportStats {
        &self.stats
    }
}

/// The header of Ficha's sheet read the strict way: every column of the format by its name,
/// unknown columns warned about, repeated or missing required ones refused.
pub fn ficha_mapping(header_row: u32, headers: &[Header]) -> (Mapping, Vec<SheetError>, Vec<SheetWarning>) {
    let known: HashMap<String, Field> = ficha_columns().map(|f| (f.key(), f)).collect();
    let mut mapping = Mapping { header_row, columns: Vec::new() };
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for header in headers {
        let Some(&field) = known.get(&header_key(&header.text)) else {
            warnings.push(SheetWarning::UnknownColumn { header: header.text.clone() });
            continue;
        };
        if mapping.has(field) {
            errors.push(SheetError {
                row: Some(header_row as usize + 1),
                column: Some(field.key()),
                value: Some(header.text.clone()),
                problem: SheetProblem::DuplicateColumn,
            });
        } else {
            mapping.set(field, Some(header.column));
        }
    }
    let missing = ficha_columns().filter(|f| (f.series().is_some() || ficha_required(*f)) && !mapping.has(*f));
    for field in missing {
        errors.push(SheetError { row: None, column: Some(field.key()), value: None, problem: SheetProblem::MissingColumn });
    }
    (mapping, errors, warnings)
}

/// The rows to validate and how to read them.
pub struct Source<'a> {
    /// The tab's rows; those up to the header's are skipped.
    pub rows: &'a [SheetRow],
    pub mapping: &'a Mapping,
    pub headers: &'a [Header],
    pub layout: Layout,
    /// Rows are lines of fields (CSV, HTML): a line short of fields is an error.
    pub text_fields: bool,
}

/// What validation gives: the sheet, or a question to answer first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    Sheet(AoSheet),
    Ask(Question),
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Spanish spreadsheets also group thousands with spaces ("21 000,00"); in a decimal-comma file
/// they mean what points mean, which is what `parse_number` reads as thousands there.
fn spaces_as_points(text: &str) -> Cow<'_, str> {
    if !text.contains(is_group_space) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let between_digits =
        |i: usize| i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
    Cow::Owned(
        chars.iter().enumerate().map(|(i, &c)| if is_group_space(c) && between_digits(i) { '.' } else { c }).collect(),
    )
}

fn read_number(text: &str, kind: NumberKind, mark: DecimalMark) -> Result<Decimal, NumberError> {
    match mark {
        DecimalMark::Point => parse_number(text, kind, mark),
        DecimalMark::Comma => parse_number(&spaces_as_points(text), kind, mark),
    }
}

/// Whether the text, folded, is one of the words (lower-case ASCII): ASCII text, what most
/// cells hold, is compared as it is instead of folded into a new string.
fn folds_to_one_of(text: &str, words: &[&str]) -> bool {
    let text = text.trim();
    if text.is_ascii() {
        words.iter().any(|word| text.eq_ignore_ascii_case(word))
    } else {
        words.contains(&fold(text).as_str())
    }
}

/// SI/NO, S/N, 1/0, true/false (and Excel's VERDADERO/FALSO), X; empty means SI.
fn follow_up_flag(text: &str) -> Option<bool> {
    if folds_to_one_of(text, &["", "si", "s", "1", "true", "verdadero", "x"]) {
        Some(true)
    } else if folds_to_one_of(text, &["no", "n", "0", "false", "falso"]) {
        Some(false)
    } else {
        None
    }
}

/// "PP 0073: Programa …" gives code and name; a cell without a colon is a code alone.
fn split_category(text: &str) -> (&str, &str) {
    match text.split_once(':') {
        Some((code, name)) => (code.trim(), name.trim()),
        None => (text, ""),
    }
}

/// Codes in order of appearance with the first name given to each.
#[derive(Default)]
struct NamesSeen {
    entries: Vec<(String, String)>,
    /// Position in `entries`, and the row that gave the name.
    index: HashMap<String, (usize, Option<usize>)>,
}

impl NamesSeen {
    fn see(&mut self, code: &str, name: &str, row: usize, column: &str, warnings: &mut Vec<SheetWarning>) {
        if code.is_empty() {
            return;
        }
        let Some((position, name_row)) = self.index.get_mut(code) else {
            self.index.insert(code.to_string(), (self.entries.len(), (!name.is_empty()).then_some(row)));
            self.entries.push((code.to_string(), name.to_string()));
            return;
        };
        let known = &mut self.entries[*position].1;
        match name_row {
            _ if name.is_empty() || known == name => {}
            None => {
                *known = name.to_string();
                *name_row = Some(row);
            }
            Some(first_row) => warnings.push(SheetWarning::NameConflict {
                row,
                column: column.to_string(),
                code: code.to_string(),
                value: name.to_string(),
                first_row: *first_row,
                first_value: known.clone(),
            }),
        }
    }
}

/// The row-by-row validation, gathering every error; the rows' texts are borrowed from the cells.
struct RowReader<'a> {
    source: &'a Source<'a>,
    /// The mapping's column of each field.
    columns: Columns,
    /// For each column of the sheet, the index of the field it holds (`Field::index`).
    field_of_column: Vec<Option<usize>>,
    /// The header's width: one past its last named column.
    width: usize,
    /// For each column, the kinds of the series it holds ([`series_kinds`]).
    kinds: Vec<Vec<NumberKind>>,
    /// The file's decimal mark, found at the first text cell of a series' column: until then
    /// (and in a file of number cells) no text says otherwise than a point.
    mark: Option<DecimalMark>,
    /// Rows of one AO are summed (the file says where each row is), not refused as repeated.
    grouped: bool,
    cc_by_name: bool,
    /// The follow-up column is a state (CEPLAN's `Estado(SE)`: APROBADO), not a yes/no flag.
    follow_up_state: bool,
    first_rows: HashMap<Cow<'a, str>, usize>,
    errors: Vec<SheetError>,
    warnings: Vec<SheetWarning>,
    /// Data rows read (blank rows aside), and those of inactive AO, left out of `gathered`.
    rows: usize,
    inactive: usize,
    gathered: Gathered<'a>,
}

impl<'a> RowReader<'a> {
    /// The column of a field as messages name it: the format's name for Ficha's sheet, the
    /// file's header otherwise.
    fn label(&self, field: Field) -> String {
        column_label(self.source, field)
    }

    fn error(&mut self, row: usize, field: Field, value: Option<&str>, problem: SheetProblem) {
        let column = self.label(field);
        self.errors.push(SheetError { row: Some(row), column: Some(column), value: value.map(str::to_string), problem });
    }

    /// How the file writes decimals ([`decimal_mark`]).
    fn mark(&self) -> DecimalMark {
        self.mark.unwrap_or(DecimalMark::Point)
    }

    fn read(&mut self, sheet_row: &'a SheetRow) {
        let mut cells: [Option<&'a CellValue>; FIELD_COUNT] = [None; FIELD_COUNT];
        for (column, value) in &sheet_row.cells {
            let column = *column as usize;
            if self.mark.is_none() && matches!(value, CellValue::Text(_)) && self.kinds.get(column).is_some_and(|k| !k.is_empty()) {
                self.mark = Some(decimal_mark(self.source, &self.kinds));
            }
            if let Some(Some(field)) = self.field_of_column.get(column) {
                cells[*field] = Some(value);
            }
        }
        let blank = cells.iter().all(|c| c.is_none_or(CellValue::is_blank));
        if blank && sheet_row.reach as usize <= self.width {
            return;
        }
        let row = sheet_row.row as usize + 1;
        let found = if self.source.text_fields && (sheet_row.fields as usize) < self.width {
            Some(sheet_row.fields as usize)
        } else if sheet_row.reach as usize > self.width {
            Some(sheet_row.reach as usize)
        } else {
            None
        };
        if let Some(found) = found {
            self.errors.push(SheetError {
                row: Some(row),
                column: None,
                value: None,
                problem: SheetProblem::WrongCellCount { expected: self.width, found },
            });
            return;
        }
        let text_fields = self.source.text_fields;
        let mut error_values = Vec::new();
        let mut text = |field: Field| -> Cow<'a, str> {
            match cells[field.index()] {
                None => Cow::Borrowed(""),
                Some(CellValue::Error(code)) => {
                    error_values.push((field, code.to_string()));
                    Cow::Borrowed("")
                }
                Some(value) => cell_text(value, text_fields),
            }
        };
        let mut record = Record { row, active: true, ..Record::default() };
        record.aei_code = text(Field::AeiCode);
        record.aei_name = text(Field::AeiName);
        record.cc_code = narrowed(text(Field::CcCode), |code| code.trim_start_matches('\''));
        record.cc_name = text(Field::CcName);
        record.code = text(Field::AoCode);
        record.name = text(Field::AoName);
        record.unit = text(Field::Unit);
        record.oei_code = text(Field::OeiCode);
        record.oei_name = text(Field::OeiName);
        record.category_name = text(Field::CategoryName);
        record.category = match cells[Field::Category.index()] {
            // A re-saved export loses `Categoria ID`'s zeros: 24 is category 0024.
            Some(CellValue::Number { value, pad: 0 }) if self.source.layout == Layout::Ceplan && value.fract() == 0.0 => {
                Cow::Owned(format!("{:04}", *value as u64))
            }
            _ => text(Field::Category),
        };
        let flag = text(Field::FollowUp);
        record.place = text(Field::Place);
        record.ue_code = narrowed(text(Field::UeCode), |code| code.trim_start_matches('\''));
        record.ue_name = text(Field::UeName);
        record.active = follow_up_flag(&text(Field::Active)) != Some(false);
        for month in Month::all() {
            record.motives[month.index()] = text(Field::Motive(month));
        }
        for (field, code) in error_values {
            self.error(row, field, Some(&code), SheetProblem::ErrorValue);
        }
        let cc_field = if self.cc_by_name { Field::CcName } else { Field::CcCode };
        for field in [cc_field, Field::AoCode, Field::AoName, Field::Unit] {
            let value: &str = match field {
                Field::CcName => &record.cc_name,
                Field::CcCode => &record.cc_code,
                Field::AoCode => &record.code,
                Field::AoName => &record.name,
                _ => &record.unit,
            };
            if self.columns.has(field) && value.is_empty() {
                self.error(row, field, None, SheetProblem::EmptyRequired);
            }
        }
        if !record.code.is_empty() && !self.grouped {
            match self.first_rows.entry(record.code.clone()) {
                Entry::Occupied(first) => {
                    let first_row = *first.get();
                    self.error(row, Field::AoCode, Some(&record.code), SheetProblem::DuplicateCode { first_row });
                }
                Entry::Vacant(slot) => {
                    slot.insert(row);
                }
            }
        }
        if self.columns.has(Field::AeiCode) && record.aei_code.is_empty() && !record.code.is_empty() {
            self.warnings.push(SheetWarning::UnlinkedActivity { row, code: record.code.to_string() });
        }
        record.follow_up = match follow_up_flag(&flag) {
            Some(approved) => approved,
            None if folds_to_one_of(&flag, &["aprobado"]) => true,
            None if self.follow_up_state => {
                record.follow_up_text = flag.clone();
                false
            }
            None => {
                self.error(row, Field::FollowUp, Some(&flag), SheetProblem::BadFollowUp);
                true
            }
        };
        if self.follow_up_state && flag.is_empty() {
            record.follow_up = false;
            record.follow_up_text = Cow::Borrowed("(vacío)");
        }
        for series in SERIES {
            let fields = Month::all().map(|m| Field::Monthly(series, m)).chain(std::iter::once(Field::Total(series)));
            for field in fields {
                let Some(cell) = cells[field.index()] else { continue };
                let value = match cell {
                    CellValue::Empty => Ok(Decimal::ZERO),
                    CellValue::Number { value, .. } | CellValue::Date { serial: value, .. } => cell_decimal(*value, series.kind()),
                    CellValue::Text(text) => read_number(text.trim(), series.kind(), self.mark()),
                    CellValue::Bool(_) => Err(NumberError::NotANumber),
                    CellValue::Error(code) => {
                        let code = code.to_string();
                        self.error(row, field, Some(&code), SheetProblem::ErrorValue);
                        continue;
                    }
                };
                match (value, field) {
                    (Ok(value), Field::Total(_)) => record.totals[series.position()] = Some(value),
                    (Ok(value), Field::Monthly(_, month)) => record.months[series.position()][month.index()] = value,
                    (Ok(_), _) => {}
                    (Err(error), _) => {
                        let shown = cell.as_text().trim().to_string();
                        self.error(row, field, Some(&shown), SheetProblem::BadNumber(error));
                    }
                }
            }
        }
        self.rows += 1;
        if record.active {
            self.gathered.add(record);
        } else {
            self.inactive += 1;
        }
    }
}

/// A cell's text as the validation reads it: trimmed, and in text files without the `'` an
/// export puts before text that starts like a formula (csv::guard_text).
fn cell_text(value: &CellValue, text_fields: bool) -> Cow<'_, str> {
    narrowed(value.as_text(), |shown| unguarded(shown, text_fields).trim())
}

/// A part of a text, still borrowed when the text was.
fn narrowed<'t>(text: Cow<'t, str>, part: impl Fn(&str) -> &str) -> Cow<'t, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(part(text)),
        Cow::Owned(text) => Cow::Owned(part(&text).to_string()),
    }
}

fn unguarded(shown: &str, text_fields: bool) -> &str {
    if text_fields {
        unguard_text(shown)
    } else {
        shown
    }
}

/// The column of a field as messages name it.
fn column_label(source: &Source<'_>, field: Field) -> String {
    if source.layout == Layout::FichaSheet {
        return field.key();
    }
    source
        .mapping
        .column(field)
        .and_then(|c| source.headers.iter().find(|h| h.column == c))
        .map_or_else(|| field.label(), |h| h.text.clone())
}

/// For each column, the kinds of the series mapped to it (the mapping step may give a column to two fields).
fn series_kinds(mapping: &Mapping) -> Vec<Vec<NumberKind>> {
    let mut kinds: Vec<Vec<NumberKind>> = Vec::new();
    for (field, column) in &mapping.columns {
        let Some(series) = field.series() else { continue };
        let column = *column as usize;
        if kinds.len() <= column {
            kinds.resize_with(column + 1, Vec::new);
        }
        kinds[column].push(series.kind());
    }
    kinds
}

/// Decimal comma only when the whole file agrees: some cell is readable only with a decimal comma,
/// and no cell is readable only with a decimal point. Cells invalid either way are left to the errors.
/// `kinds` are those of [`series_kinds`].
fn decimal_mark(source: &Source<'_>, kinds: &[Vec<NumberKind>]) -> DecimalMark {
    let mut comma_decimal_seen = false;
    for row in source.rows.iter().filter(|r| r.row > source.mapping.header_row) {
        for (column, cell) in &row.cells {
            let CellValue::Text(text) = cell else { continue };
            let Some(kinds) = kinds.get(*column as usize).filter(|k| !k.is_empty()) else { continue };
            let text = text.trim();
            if !text.contains(|c: char| c == ',' || c == '.' || is_group_space(c)) {
                continue;
            }
            for &kind in kinds {
                let as_point = read_number(text, kind, DecimalMark::Point).is_ok();
                let as_comma = read_number(text, kind, DecimalMark::Comma).is_ok();
                if as_point && !as_comma {
                    return DecimalMark::Point;
                }
                comma_decimal_seen |= as_comma && !as_point && text.contains(',');
            }
        }
    }
    if comma_decimal_seen {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// Validates the rows under the header: the sheet, a question to ask first (which Unidad
/// Ejecutora; whether months are running totals), or every error found. `errors` and `warnings`
/// are the header's own (Ficha's strict header).
pub fn parse(source: &Source<'_>, choices: &Choices, errors: Vec<SheetError>, warnings: Vec<SheetWarning>) -> Result<Parsed, SheetErrors> {
    let mapping = source.mapping;
    let width = source.headers.iter().map(|h| h.column as usize + 1).max().unwrap_or(0);
    let mut field_of_column = vec![None; mapping.columns.iter().map(|(_, c)| *c as usize + 1).max().unwrap_or(0)];
    for (field, column) in &mapping.columns {
        field_of_column[*column as usize] = Some(field.index());
    }
    let grouped = mapping.has(Field::Place) || source.layout == Layout::Ceplan;
    let mut reader = RowReader {
        source,
        columns: mapping.lookup(),
        field_of_column,
        width,
        kinds: series_kinds(mapping),
        mark: None,
        grouped,
        cc_by_name: source.layout == Layout::Ceplan || !mapping.has(Field::CcCode),
        follow_up_state: source.layout == Layout::Ceplan,
        first_rows: HashMap::new(),
        errors,
        warnings,
        rows: 0,
        inactive: 0,
        gathered: Gathered::new(grouped),
    };
    for row in source.rows.iter().filter(|r| r.row > mapping.header_row) {
        reader.read(row);
    }
    let mark = reader.mark();
    let RowReader { cc_by_name, errors, mut warnings, rows, inactive, gathered, .. } = reader;
    if !errors.is_empty() {
        return Err(SheetErrors(errors));
    }
    let mut stats = ImportStats { rows, inactive, ..ImportStats::default() };
    // Without a UE column every row is of the one UE "".
    let mut ue = 0;
    if mapping.has(Field::UeCode) {
        let options = gathered.ue_options();
        if options.len() > 1 {
            let Some(chosen) = choices.ue.as_ref().and_then(|ue| options.iter().position(|o| &o.code == ue)) else {
                return Ok(Parsed::Ask(Question::Ue(options)));
            };
            ue = chosen;
            stats.other_ue_rows = rows - inactive - options[chosen].rows;
        }
        stats.ue = options.get(ue).map(|o| (o.code.clone(), o.name.clone()));
    }
    let group = gathered.into_unit(ue);
    let mut records = group.records;
    if grouped {
        // Centros de costo come by name or by code: only that column must agree.
        let unused = if cc_by_name { Field::CcCode } else { Field::CcName };
        let mut errors: Vec<SheetError> = group
            .conflicts
            .iter()
            .filter(|d| d.field != unused)
            .map(|d| SheetError {
                row: Some(d.row),
                column: Some(column_label(source, d.field)),
                value: Some(d.value.clone()),
                problem: SheetProblem::DiffersWithinActivity {
                    code: d.code.clone(),
                    first_row: d.first_row,
                    first_value: d.first_value.clone(),
                },
            })
            .collect();
        errors.extend(group.past_bounds.iter().map(|p| SheetError {
            row: Some(p.row),
            column: Some(column_label(source, p.field)),
            value: Some(p.sum.normalize().to_string()),
            problem: SheetProblem::SumPastBounds {
                code: p.code.clone(),
                error: crate::domain::language::check_bounds(p.sum, p.field.series().map_or(NumberKind::Quantity, Series::kind))
                    .err()
                    .unwrap_or(NumberError::NotANumber),
            },
        }));
        if !errors.is_empty() {
            return Err(SheetErrors(errors));
        }
        warnings.extend(group.renamed.iter().map(|d| SheetWarning::NameConflict {
            row: d.row,
            column: column_label(source, d.field),
            code: d.code.clone(),
            value: d.value.clone(),
            first_row: d.first_row,
            first_value: d.first_value.clone(),
        }));
        stats.summed = group.summed;
    }
    let checked: Vec<Series> =
        SERIES.into_iter().filter(|s| mapping.has_months(*s) && mapping.has(Field::Total(*s))).collect();
    let cumulative = ceplan::cumulative_series(&records, &checked);
    if !cumulative.is_empty() {
        match choices.cumulative {
            None => {
                return Ok(Parsed::Ask(Question::Cumulative { count: cumulative.len(), example: cumulative[0].clone() }));
            }
            Some(true) => {
                to_monthly(&mut records, &cumulative);
                stats.cumulative_converted = cumulative.len();
            }
            Some(false) => {}
        }
    }
    for mismatch in ceplan::total_mismatches(&records, &checked) {
        warnings.push(SheetWarning::TotalDiffers {
            code: mismatch.code,
            column: column_label(source, Field::Total(mismatch.series)),
            sum: mismatch.sum,
            total: mismatch.total,
        });
    }
    Ok(Parsed::Sheet(build_sheet(source, records, cc_by_name, mark, warnings, stats)))
}

/// Turns the running totals found into monthly values, in the first AO of each code.
fn to_monthly(records: &mut [Record<'_>], cumulative: &[Cumulative]) {
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (at, record) in records.iter().enumerate() {
        first_of.entry(&record.code).or_insert(at);
    }
    let found: Vec<(usize, usize)> =
        cumulative.iter().filter_map(|c| first_of.get(c.code.as_str()).map(|&at| (at, c.series.position()))).collect();
    for (at, series) in found {
        ceplan::to_monthly(&mut records[at].months[series]);
    }
}

/// The sheet of the validated, summed rows: AO, and the entries of every list they name.
fn build_sheet(
    source: &Source<'_>,
    records: Vec<Record<'_>>,
    cc_by_name: bool,
    mark: DecimalMark,
    mut warnings: Vec<SheetWarning>,
    mut stats: ImportStats,
) -> AoSheet {
    let mapping = source.mapping;
    let annual_only = !mapping.has_months(Series::FinancialProgrammed) || !mapping.has_months(Series::FinancialExecuted);
    let (mut aeis, mut oeis, mut cost_centers, mut categories) =
        (NamesSeen::default(), NamesSeen::default(), NamesSeen::default(), NamesSeen::default());
    let mut aei_oei: HashMap<String, String> = HashMap::new();
    let mut named: Vec<NamedCostCenter> = Vec::new();
    let mut named_index: HashMap<String, usize> = HashMap::new();
    // The same name as written: most rows, found without folding it again.
    let mut named_by_text: HashMap<String, usize> = HashMap::new();
    let mut activities = Vec::with_capacity(records.len());
    let mut activity_cost_center = Vec::with_capacity(records.len());
    let has_category_name = mapping.has(Field::CategoryName);
    let aei_label = column_label(source, Field::AeiName);
    let oei_label = column_label(source, Field::OeiName);
    let category_label = column_label(source, Field::Category);
    let cc_label = column_label(source, Field::CcName);
    for mut record in records {
        let (category_code, category_name) = if has_category_name {
            (&*record.category, &*record.category_name)
        } else {
            split_category(&record.category)
        };
        let cc_code = if cc_by_name { "" } else { &record.cc_code };
        let mut ao = OperativeActivity::new(&record.code, &record.name, &record.unit, &record.aei_code, cc_code);
        ao.budget_category_code = category_code.to_string();
        ao.follow_up_approved = record.follow_up;
        if !record.follow_up {
            stats.not_approved.push((record.code.to_string(), record.follow_up_text.to_string()));
        }
        for series in SERIES {
            *series.values_mut(&mut ao) = record.months[series.position()];
        }
        if annual_only {
            let total = |s: Series| record.totals[s.position()].unwrap_or_else(|| exact_sum(&record.months[s.position()]));
            ao.financial_annual = Some(AnnualFinancial {
                programmed: total(Series::FinancialProgrammed),
                executed: total(Series::FinancialExecuted),
            });
            ao.financial = Default::default();
            stats.annual_only += 1;
        }
        ao.execution_notes = MonthNotes(std::mem::take(&mut record.motives).map(Cow::into_owned));
        aeis.see(&record.aei_code, &record.aei_name, record.row, &aei_label, &mut warnings);
        if !record.aei_code.is_empty() && !record.oei_code.is_empty() && !aei_oei.contains_key(&*record.aei_code) {
            aei_oei.insert(record.aei_code.to_string(), record.oei_code.to_string());
        }
        oeis.see(&record.oei_code, &record.oei_name, record.row, &oei_label, &mut warnings);
        categories.see(category_code, category_name, record.row, &category_label, &mut warnings);
        if cc_by_name {
            let at = match named_by_text.get(&*record.cc_name) {
                Some(&at) => at,
                None => {
                    let at = *named_index.entry(name_key(&record.cc_name)).or_insert_with(|| {
                        named.push(NamedCostCenter { name: record.cc_name.to_string(), file_code: String::new(), choice: CostCenterChoice::Rule });
                        named.len() - 1
                    });
                    named_by_text.insert(record.cc_name.to_string(), at);
                    at
                }
            };
            if named[at].file_code.is_empty() {
                named[at].file_code = record.cc_code.to_string();
            }
            activity_cost_center.push(Some(at));
        } else {
            cost_centers.see(&ao.cost_center_code, &record.cc_name, record.row, &cc_label, &mut warnings);
            activity_cost_center.push(None);
        }
        activities.push(ao);
    }
    let code_name = |seen: NamesSeen| seen.entries;
    AoSheet {
        activities,
        aeis: code_name(aeis)
            .into_iter()
            .map(|(code, name)| Aei { oei_code: aei_oei.get(&code).cloned().unwrap_or_default(), code, name, indicator: Indicator::default() })
            .collect(),
        oeis: code_name(oeis).into_iter().map(|(code, name)| Oei { code, name }).collect(),
        cost_centers: code_name(cost_centers).into_iter().map(|(code, name)| CostCenter { code, name }).collect(),
        named_cost_centers: named,
        activity_cost_center,
        budget_categories: code_name(categories).into_iter().map(|(code, name)| BudgetCategory { code, name }).collect(),
        decimal_mark: mark,
        warnings,
        stats,
    }
}

/// Rows of text cells (a CSV's, or a grid a test writes) as sheet rows.
pub fn text_rows(rows: &[Vec<String>]) -> Vec<SheetRow> {
    rows.iter()
        .enumerate()
        .map(|(r, cells)| {
            let reach = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |c| c + 1) as u32;
            let cells = cells
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.is_empty())
                .map(|(c, text)| (c as u32, CellValue::text(text.as_str())))
                .collect();
            SheetRow { row: r as u32, reach, fields: rows[r].len() as u32, cells }
        })
        .collect()
}

/// Validates a grid of cells in Ficha's layout, the header in row 1: the sheet, or every error found.
pub fn parse_rows(rows: &[Vec<String>]) -> Result<AoSheet, SheetErrors> {
    if rows.first().is_none_or(|cells| cells.iter().all(|c| c.trim().is_empty())) {
        return Err(SheetErrors(vec![SheetError { row: Some(1), column: None, value: None, problem: SheetProblem::MissingHeader }]));
    }
    let sheet_rows = text_rows(rows);
    let headers = super::import::layout::headers(&sheet_rows[0]);
    let (mapping, errors, warnings) = ficha_mapping(0, &headers);
    let source = Source { rows: &sheet_rows, mapping: &mapping, headers: &headers, layout: Layout::FichaSheet, text_fields: true };
    match parse(&source, &Choices::default(), errors, warnings)? {
        Parsed::Sheet(sheet) => Ok(sheet),
        Parsed::Ask(_) => unreachable!("Ficha's sheet has no Unidad Ejecutora nor totals to ask about"),
    }
}

/// Reads a CSV file (encoding and delimiter detected) and validates it.
pub fn parse_csv(bytes: &[u8]) -> Result<AoSheet, SheetErrors> {
    let table = csv::read_csv(bytes).map_err(|error| {
        let row = match &error {
            CsvError::UnterminatedQuote(quote) => Some(quote.row),
            CsvError::Limit(_) | CsvError::InvalidUtf8 { .. } => None,
        };
        SheetErrors(vec![SheetError { row, column: None, value: None, problem: SheetProblem::Unreadable(error) }])
    })?;
    parse_rows(&table.rows)
}

/// How a centro de costo named in the file lands in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostCenterStatus {
    /// The year has a centro de costo of that name (case and accents aside).
    Existing,
    /// A name linked before to an existing centro de costo (remembered).
    Alias,
    /// Linked now, in this preview, to an existing centro de costo.
    Linked,
    /// Created with the code shown.
    New,
}

/// A named centro de costo of the file and the code it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostCenterResolution {
    pub name: String,
    pub code: String,
    pub status: CostCenterStatus,
}

/// What an import would do to a version, shown before the user confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// Codes of AO new to the version.
    pub added: Vec<String>,
    /// Codes of AO of the version the file replaces.
    pub replaced: Vec<String>,
    /// Codes of AO of the version the file does not mention, left as they are.
    pub kept: Vec<String>,
    pub new_aeis: Vec<Aei>,
    pub new_oeis: Vec<Oei>,
    pub new_cost_centers: Vec<CostCenter>,
    pub new_budget_categories: Vec<BudgetCategory>,
    /// The centros de costo the file names, in its order, and the code each gets.
    pub cost_center_names: Vec<CostCenterResolution>,
    /// What stops the import until the user changes it (a code given twice).
    pub errors: Vec<String>,
    /// The sheet's warnings, then those about the year's lists.
    pub warnings: Vec<SheetWarning>,
}

impl ImportPreview {
    /// The counts the user is told.
    pub fn summary(&self) -> ImportSummary {
        ImportSummary {
            added: self.added.len(),
            replaced: self.replaced.len(),
            kept: self.kept.len(),
            aeis_created: self.new_aeis.len(),
            cost_centers_created: self.new_cost_centers.len(),
            budget_categories_created: self.new_budget_categories.len(),
            oeis_created: self.new_oeis.len(),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub replaced: usize,
    pub kept: usize,
    pub aeis_created: usize,
    pub cost_centers_created: usize,
    pub budget_categories_created: usize,
    pub oeis_created: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "AO agregadas: {}, reemplazadas: {}, mantenidas: {}. AEI creadas: {}, centros de costo creados: {}, categorías presupuestales creadas: {}.",
            self.added, self.replaced, self.kept, self.aeis_created, self.cost_centers_created, self.budget_categories_created
        )?;
        if self.oeis_created > 0 {
            write!(f, " OEI creados: {}.", self.oeis_created)?;
        }
        Ok(())
    }
}

/// Why an import was not applied; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    VersionNotFound {
        number: u32,
    },
    /// Only the latest version is editable: earlier ones are approved snapshots.
    VersionNotEditable {
        label: String,
        latest_label: String,
    },
    /// The codes chosen for new centros de costo collide.
    CostCenterCodes(Vec<String>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::VersionNotFound { number } => {
                write!(f, "La versión {number} no existe en el POI de este año; no se importó nada")
            }
            ImportError::VersionNotEditable { label, latest_label } => write!(
                f,
                "«{label}» es una versión aprobada anterior y no se modifica; importe a la última («{latest_label}»)"
            ),
            ImportError::CostCenterCodes(errors) => write!(f, "{}; no se importó nada", errors.join("; ")),
        }
    }
}

/// The sheet's entries missing from the year's list, with warnings about names that differ.
fn new_entries<T: Clone>(
    seen: &[T],
    known: &[T],
    code_and_name: impl Fn(&T) -> (&str, &str),
    catalog: Catalog,
    warnings: &mut Vec<SheetWarning>,
) -> Vec<T> {
    let known: HashMap<&str, &str> = known.iter().map(&code_and_name).collect();
    seen.iter()
        .filter(|entry| {
            let (code, name) = code_and_name(entry);
            match known.get(code) {
                Some(existing) => {
                    if !name.is_empty() && name != *existing {
                        warnings.push(SheetWarning::ExistingNameDiffers {
                            catalog,
                            code: code.to_string(),
                            existing: existing.to_string(),
                            in_file: name.to_string(),
                        });
                    }
                    false
                }
                None => {
                    if name.is_empty() {
                        warnings.push(SheetWarning::CreatedWithoutName { catalog, code: code.to_string() });
                    }
                    true
                }
            }
        })
        .cloned()
        .collect()
}

/// The code each named centro de costo of the file gets in the year: an existing one of the same
/// name (case and accents aside) or linked to it, else a new code: the one the user typed, the
/// file's own code when free, or the next free one. Codes that collide are errors.
fn resolve_cost_centers(sheet: &AoSheet, year: &YearPlan, memory: &ImportMemory) -> (Vec<CostCenterResolution>, Vec<String>) {
    let existing: HashMap<String, &CostCenter> = year.cost_centers.iter().map(|c| (name_key(&c.name), c)).collect();
    let exists = |code: &str| year.cost_centers.iter().any(|c| c.code == code);
    let mut taken: Vec<String> = year.cost_centers.iter().map(|c| c.code.clone()).collect();
    let mut resolved = Vec::with_capacity(sheet.named_cost_centers.len());
    let mut errors = Vec::new();
    for named in &sheet.named_cost_centers {
        let key = name_key(&named.name);
        let alias = memory.alias(year.year, &key).filter(|code| exists(code));
        let (code, status) = match (&named.choice, existing.get(&key), alias) {
            (CostCenterChoice::Link(code), _, _) if exists(code) => (code.clone(), CostCenterStatus::Linked),
            (_, Some(cc), _) => (cc.code.clone(), CostCenterStatus::Existing),
            (_, None, Some(alias)) => (alias.to_string(), CostCenterStatus::Alias),
            (CostCenterChoice::Code(code), None, None) => {
                let code = code.trim().to_string();
                if code.is_empty() {
                    errors.push(format!("El centro de costo «{}» necesita un código", named.name));
                } else if let Some(other) = year.cost_centers.iter().find(|c| c.code == code) {
                    errors.push(format!("El código {code} de «{}» ya es del centro de costo «{}»", named.name, other.name));
                } else if taken.contains(&code) {
                    errors.push(format!("El código {code} de «{}» ya se da a otro centro de costo nuevo del archivo", named.name));
                }
                (code, CostCenterStatus::New)
            }
            _ => {
                let file_code = named.file_code.trim();
                let code = if !file_code.is_empty() && !taken.iter().any(|t| t == file_code) {
                    file_code.to_string()
                } else {
                    next_free_code(taken.iter().map(String::as_str))
                };
                (code, CostCenterStatus::New)
            }
        };
        if status == CostCenterStatus::New {
            taken.push(code.clone());
        }
        resolved.push(CostCenterResolution { name: named.name.clone(), code, status });
    }
    (resolved, errors)
}

fn preview(sheet: &AoSheet, year: &YearPlan, version: &PoiVersion, memory: &ImportMemory) -> ImportPreview {
    let existing: HashSet<&str> = version.activities.iter().map(|a| a.code.as_str()).collect();
    let in_file: HashSet<&str> = sheet.activities.iter().map(|a| a.code.as_str()).collect();
    let (replaced, added): (Vec<String>, Vec<String>) =
        sheet.activities.iter().map(|a| a.code.clone()).partition(|code| existing.contains(code.as_str()));
    let kept =
        version.activities.iter().filter(|a| !in_file.contains(a.code.as_str())).map(|a| a.code.clone()).collect();
    let mut warnings = sheet.warnings.clone();
    let new_aeis = new_entries(&sheet.aeis, &year.aeis, |a| (&a.code, &a.name), Catalog::Aei, &mut warnings);
    let new_oeis = new_entries(&sheet.oeis, &year.oeis, |o| (&o.code, &o.name), Catalog::Oei, &mut warnings);
    let mut new_cost_centers =
        new_entries(&sheet.cost_centers, &year.cost_centers, |c| (&c.code, &c.name), Catalog::CostCenter, &mut warnings);
    let (cost_center_names, errors) = resolve_cost_centers(sheet, year, memory);
    new_cost_centers.extend(
        cost_center_names
            .iter()
            .filter(|r| r.status == CostCenterStatus::New)
            .map(|r| CostCenter { code: r.code.clone(), name: r.name.clone() }),
    );
    let new_budget_categories = new_entries(
        &sheet.budget_categories,
        &year.budget_categories,
        |c| (&c.code, &c.name),
        Catalog::BudgetCategory,
        &mut warnings,
    );
    ImportPreview {
        added,
        replaced,
        kept,
        new_aeis,
        new_oeis,
        new_cost_centers,
        new_budget_categories,
        cost_center_names,
        errors,
        warnings,
    }
}

/// What importing the sheet into the version would add, replace and keep, and what it would
/// create; `memory` holds the centro de costo names linked before.
pub fn plan_import(sheet: &AoSheet, year: &YearPlan, version: &PoiVersion, memory: &ImportMemory) -> ImportPreview {
    preview(sheet, year, version, memory)
}

fn refusal(poi: &Poi, number: u32) -> ImportError {
    match (poi.version(number), poi.latest()) {
        (Some(version), Some(latest)) => {
            ImportError::VersionNotEditable { label: version.label(), latest_label: latest.label() }
        }
        _ => ImportError::VersionNotFound { number },
    }
}

/// Imports the sheet into the year's latest version: AO with a known code are replaced, new ones
/// added, the rest kept; missing AEI, OEI, centros de costo and categorías are created, and a
/// centro de costo name linked to an existing one is remembered in `memory`. All or nothing.
pub fn apply_import(sheet: &AoSheet, year: &mut YearPlan, version_number: u32, memory: &mut ImportMemory) -> Result<ImportSummary, ImportError> {
    if year.poi.editable_version_mut(version_number).is_none() {
        return Err(refusal(&year.poi, version_number));
    }
    let version = year.poi.version(version_number).expect("the editable version exists");
    let preview = preview(sheet, year, version, memory);
    if !preview.errors.is_empty() {
        return Err(ImportError::CostCenterCodes(preview.errors));
    }
    let version = year.poi.editable_version_mut(version_number).expect("checked to be the latest");
    let positions: HashMap<String, usize> =
        version.activities.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect();
    for (ao, named) in sheet.activities.iter().zip(&sheet.activity_cost_center) {
        let mut ao = ao.clone();
        if let Some(named) = named {
            ao.cost_center_code = preview.cost_center_names[*named].code.clone();
        }
        match positions.get(&ao.code) {
            Some(&i) => version.activities[i] = ao,
            None => version.activities.push(ao),
        }
    }
    let summary = preview.summary();
    year.aeis.extend(preview.new_aeis);
    year.oeis.extend(preview.new_oeis);
    year.cost_centers.extend(preview.new_cost_centers);
    year.budget_categories.extend(preview.new_budget_categories);
    for linked in preview.cost_center_names.iter().filter(|r| r.status == CostCenterStatus::Linked) {
        memory.link(year.year, name_key(&linked.name), linked.code.clone());
    }
    Ok(summary)
}

/// A number cell as the format writes it: money with 2 decimals, quantities as they are; point decimal.
fn number_cell(value: Decimal, kind: NumberKind) -> String {
    match kind {
        NumberKind::Money => format!("{:.2}", value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)),
        NumberKind::Quantity => value.normalize().to_string(),
    }
}

/// The version's AO as a grid in the import layout, header first.
pub fn export_rows(year: &YearPlan, version: &PoiVersion) -> Vec<Vec<String>> {
    let aei_names: HashMap<&str, &str> = year.aeis.iter().map(|a| (a.code.as_str(), a.name.as_str())).collect();
    let cc_names: HashMap<&str, &str> = year.cost_centers.iter().map(|c| (c.code.as_str(), c.name.as_str())).collect();
    let category_names: HashMap<&str, &str> =
        year.budget_categories.iter().map(|c| (c.code.as_str(), c.name.as_str())).collect();
    let name = |names: &HashMap<&str, &str>, code: &str| names.get(code).map_or(String::new(), |n| n.to_string());
    let mut rows = vec![header()];
    rows.extend(version.activities.iter().map(|ao| {
        let text = FICHA_TEXT.iter().map(|column| match column {
            Field::AeiCode => ao.aei_code.clone(),
            Field::AeiName => name(&aei_names, &ao.aei_code),
            Field::CcCode => ao.cost_center_code.clone(),
            Field::CcName => name(&cc_names, &ao.cost_center_code),
            Field::AoCode => ao.code.clone(),
            Field::AoName => ao.name.clone(),
            Field::Unit => ao.unit.clone(),
            Field::Category => match category_names.get(ao.budget_category_code.as_str()) {
                Some(name) if !name.is_empty() => format!("{}: {name}", ao.budget_category_code),
                _ => ao.budget_category_code.clone(),
            },
            _ => if ao.follow_up_approved { "SI" } else { "NO" }.to_string(),
        });
        let numbers = SERIES.iter().flat_map(|&s| s.values(ao).iter().map(move |&v| number_cell(v, s.kind())));
        text.chain(numbers).collect()
    }));
    rows
}

/// The version's AO as a CSV file: comma delimiter, UTF-8, point decimal, no thousands separators.
/// Text that starts like a formula gets a `'` in front, which the import drops; numbers are written as they are.
pub fn export_csv(year: &YearPlan, version: &PoiVersion) -> String {
    let mut rows = export_rows(year, version);
    for cell in rows.iter_mut().skip(1).flat_map(|row| row.iter_mut().take(FICHA_TEXT.len())) {
        if let Cow::Owned(guarded) = guard_text(cell) {
            *cell = guarded;
        }
    }
    csv::write_csv(&rows, Delimiter::Comma)
}
