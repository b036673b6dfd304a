//! The AO follow-up sheet (docs/FORMAT-ao-sheet.md): CSV in and out, all-or-nothing with every error listed.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::csv::{self, fold, guard_text, header_key, unguard_text, CsvError, Delimiter};
use crate::domain::plan::{Aei, BudgetCategory, CostCenter, Indicator, Month, OperativeActivity, Poi, PoiVersion, Series};
use crate::domain::language::{parse_number, DecimalMark, NumberError, NumberKind};
use crate::domain::YearPlan;

/// The text columns, in the order of docs/FORMAT-ao-sheet.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextColumn {
    AeiCode,
    AeiName,
    CcCode,
    CcName,
    AoCode,
    AoName,
    Unit,
    BudgetCategory,
    FollowUp,
}

const TEXT_COLUMNS: [TextColumn; 9] = [
    TextColumn::AeiCode,
    TextColumn::AeiName,
    TextColumn::CcCode,
    TextColumn::CcName,
    TextColumn::AoCode,
    TextColumn::AoName,
    TextColumn::Unit,
    TextColumn::BudgetCategory,
    TextColumn::FollowUp,
];

impl TextColumn {
    fn name(self) -> &'static str {
        match self {
            TextColumn::AeiCode => "aei_codigo",
            TextColumn::AeiName => "aei_nombre",
            TextColumn::CcCode => "cc_codigo",
            TextColumn::CcName => "cc_nombre",
            TextColumn::AoCode => "ao_codigo",
            TextColumn::AoName => "ao_nombre",
            TextColumn::Unit => "unidad_medida",
            TextColumn::BudgetCategory => "categoria_presupuestal",
            TextColumn::FollowUp => "seguimiento_aprobado",
        }
    }

    /// Whether the header must have the column.
    fn required(self) -> bool {
        !matches!(self, TextColumn::AeiName | TextColumn::CcName | TextColumn::BudgetCategory | TextColumn::FollowUp)
    }

    /// Whether every row must fill the cell. An empty `aei_codigo` is accepted with a warning: an AO
    /// without AEI (like the example's aggregate line) still belongs to the POI total.
    fn needs_value(self) -> bool {
        matches!(self, TextColumn::CcCode | TextColumn::AoCode | TextColumn::AoName | TextColumn::Unit)
    }
}

/// The four monthly series, in the order of docs/FORMAT-ao-sheet.md (the grid's order).
const SERIES: [Series; 4] = Series::ALL;

/// The column of a series' month: `fis_prog_01` … `fin_ejec_12`.
fn column_name(series: Series, month: Month) -> String {
    let prefix = match series {
        Series::PhysicalProgrammed => "fis_prog",
        Series::PhysicalExecuted => "fis_ejec",
        Series::FinancialProgrammed => "fin_prog",
        Series::FinancialExecuted => "fin_ejec",
    };
    format!("{prefix}_{:02}", month.number())
}

/// The header names of the format, in order: text columns, then each series for months 01–12.
pub fn header() -> Vec<String> {
    TEXT_COLUMNS
        .iter()
        .map(|c| c.name().to_string())
        .chain(SERIES.iter().flat_map(|&s| Month::all().map(move |m| column_name(s, m))))
        .collect()
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
}

/// One problem of the sheet, with the row and column as the spreadsheet shows them and the value found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    /// 1-based, the header being row 1; `None` for the file as a whole.
    pub row: Option<usize>,
    /// The column as docs/FORMAT-ao-sheet.md names it.
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
}

impl Catalog {
    fn label(self) -> &'static str {
        match self {
            Catalog::Aei => "La AEI",
            Catalog::CostCenter => "El centro de costo",
            Catalog::BudgetCategory => "La categoría presupuestal",
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
        }
    }
}

/// A validated sheet: its AO and the AEI, centros de costo and categorías it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AoSheet {
    activities: Vec<OperativeActivity>,
    aeis: Vec<Aei>,
    cost_centers: Vec<CostCenter>,
    budget_categories: Vec<BudgetCategory>,
    decimal_mark: DecimalMark,
    warnings: Vec<SheetWarning>,
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

    /// Each centro de costo code with its `cc_nombre`.
    pub fn cost_centers(&self) -> &[CostCenter] {
        &self.cost_centers
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
}

/// Where each known column sits in the file.
struct Layout {
    width: usize,
    text: [Option<usize>; TEXT_COLUMNS.len()],
    monthly: [[Option<usize>; 12]; SERIES.len()],
}

impl Layout {
    fn text(&self, column: TextColumn) -> Option<usize> {
        self.text[column as usize]
    }
}

enum Slot {
    Text(TextColumn),
    Monthly(Series, Month),
}

fn read_header(cells: &[String], errors: &mut Vec<SheetError>, warnings: &mut Vec<SheetWarning>) -> Layout {
    let mut known: HashMap<String, Slot> =
        TEXT_COLUMNS.iter().map(|&c| (c.name().to_string(), Slot::Text(c))).collect();
    for series in SERIES {
        known.extend(Month::all().map(|m| (column_name(series, m), Slot::Monthly(series, m))));
    }
    let mut layout =
        Layout { width: cells.len(), text: [None; TEXT_COLUMNS.len()], monthly: [[None; 12]; SERIES.len()] };
    for (position, cell) in cells.iter().enumerate() {
        let key = header_key(cell);
        if key.is_empty() {
            continue;
        }
        let (target, name) = match known.get(&key) {
            Some(Slot::Text(column)) => (&mut layout.text[*column as usize], column.name().to_string()),
            Some(Slot::Monthly(series, month)) => {
                (&mut layout.monthly[series.position()][month.index()], column_name(*series, *month))
            }
            None => {
                warnings.push(SheetWarning::UnknownColumn { header: cell.trim().to_string() });
                continue;
            }
        };
        if target.is_some() {
            errors.push(SheetError {
                row: Some(1),
                column: Some(name),
                value: Some(cell.trim().to_string()),
                problem: SheetProblem::DuplicateColumn,
            });
        } else {
            *target = Some(position);
        }
    }
    let missing_text =
        TEXT_COLUMNS.iter().filter(|c| c.required() && layout.text(**c).is_none()).map(|c| c.name().to_string());
    let missing_monthly = SERIES
        .iter()
        .flat_map(|&s| Month::all().map(move |m| (s, m)))
        .filter(|(s, m)| layout.monthly[s.position()][m.index()].is_none())
        .map(|(s, m)| column_name(s, m));
    for column in missing_text.chain(missing_monthly) {
        errors.push(SheetError { row: None, column: Some(column), value: None, problem: SheetProblem::MissingColumn });
    }
    layout
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

/// Decimal comma only when the whole file agrees: some cell is readable only with a decimal comma,
/// and no cell is readable only with a decimal point. Cells invalid either way are left to the errors.
fn decimal_mark<'a>(rows: impl Iterator<Item = &'a [String]>, layout: &Layout) -> DecimalMark {
    let mut comma_decimal_seen = false;
    for cells in rows {
        for series in SERIES {
            for &position in layout.monthly[series.position()].iter().flatten() {
                let text = cells[position].trim();
                if !text.contains(|c: char| c == ',' || c == '.' || is_group_space(c)) {
                    continue;
                }
                let as_point = read_number(text, series.kind(), DecimalMark::Point).is_ok();
                let as_comma = read_number(text, series.kind(), DecimalMark::Comma).is_ok();
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

/// SI/NO, S/N, 1/0, true/false (and Excel's VERDADERO/FALSO), X; empty means SI.
fn follow_up_flag(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "" | "si" | "s" | "1" | "true" | "verdadero" | "x" => Some(true),
        "no" | "n" | "0" | "false" | "falso" => Some(false),
        _ => None,
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
    fn see(&mut self, code: &str, name: &str, row: usize, column: TextColumn, warnings: &mut Vec<SheetWarning>) {
        if code.is_empty() {
            return;
        }
        match self.index.entry(code.to_string()) {
            Entry::Vacant(entry) => {
                entry.insert((self.entries.len(), (!name.is_empty()).then_some(row)));
                self.entries.push((code.to_string(), name.to_string()));
            }
            Entry::Occupied(mut entry) => {
                let (position, name_row) = entry.get_mut();
                let known = &mut self.entries[*position].1;
                match name_row {
                    _ if name.is_empty() || known == name => {}
                    None => {
                        *known = name.to_string();
                        *name_row = Some(row);
                    }
                    Some(first_row) => warnings.push(SheetWarning::NameConflict {
                        row,
                        column: column.name().to_string(),
                        code: code.to_string(),
                        value: name.to_string(),
                        first_row: *first_row,
                        first_value: known.clone(),
                    }),
                }
            }
        }
    }
}

/// The row-by-row validation, gathering every error.
struct RowReader<'a> {
    layout: &'a Layout,
    mark: DecimalMark,
    first_rows: HashMap<String, usize>,
    aeis: NamesSeen,
    cost_centers: NamesSeen,
    budget_categories: NamesSeen,
    activities: Vec<OperativeActivity>,
    errors: Vec<SheetError>,
    warnings: Vec<SheetWarning>,
}

impl RowReader<'_> {
    fn error(&mut self, row: usize, column: String, value: Option<&str>, problem: SheetProblem) {
        self.errors.push(SheetError {
            row: Some(row),
            column: Some(column),
            value: value.map(str::to_string),
            problem,
        });
    }

    fn read(&mut self, row: usize, cells: &[String]) {
        let layout = self.layout;
        // The `'` an export puts before text that starts like a formula is dropped (csv::guard_text).
        let text = |column: TextColumn| layout.text(column).map_or("", |i| unguard_text(&cells[i]).trim());
        for column in TEXT_COLUMNS {
            if column.needs_value() && layout.text(column).is_some() && text(column).is_empty() {
                self.error(row, column.name().to_string(), None, SheetProblem::EmptyRequired);
            }
        }
        let code = text(TextColumn::AoCode);
        if !code.is_empty() {
            match self.first_rows.entry(code.to_string()) {
                Entry::Occupied(first) => {
                    let first_row = *first.get();
                    self.error(
                        row,
                        TextColumn::AoCode.name().to_string(),
                        Some(code),
                        SheetProblem::DuplicateCode { first_row },
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert(row);
                }
            }
        }
        let aei_code = text(TextColumn::AeiCode);
        if layout.text(TextColumn::AeiCode).is_some() && aei_code.is_empty() && !code.is_empty() {
            self.warnings.push(SheetWarning::UnlinkedActivity { row, code: code.to_string() });
        }
        let flag = text(TextColumn::FollowUp);
        let follow_up_approved = follow_up_flag(flag).unwrap_or_else(|| {
            self.error(row, TextColumn::FollowUp.name().to_string(), Some(flag), SheetProblem::BadFollowUp);
            true
        });
        let (category_code, category_name) = split_category(text(TextColumn::BudgetCategory));
        let mut ao = OperativeActivity::new(
            code,
            text(TextColumn::AoName),
            text(TextColumn::Unit),
            aei_code,
            text(TextColumn::CcCode),
        );
        ao.budget_category_code = category_code.to_string();
        ao.follow_up_approved = follow_up_approved;
        for series in SERIES {
            for month in Month::all() {
                let Some(position) = layout.monthly[series.position()][month.index()] else { continue };
                let cell = cells[position].trim();
                match read_number(cell, series.kind(), self.mark) {
                    Ok(value) => series.values_mut(&mut ao)[month.index()] = value,
                    Err(error) => {
                        self.error(row, column_name(series, month), Some(cell), SheetProblem::BadNumber(error))
                    }
                }
            }
        }
        self.aeis.see(aei_code, text(TextColumn::AeiName), row, TextColumn::AeiName, &mut self.warnings);
        self.cost_centers.see(
            ao.cost_center_code.as_str(),
            text(TextColumn::CcName),
            row,
            TextColumn::CcName,
            &mut self.warnings,
        );
        self.budget_categories.see(category_code, category_name, row, TextColumn::BudgetCategory, &mut self.warnings);
        self.activities.push(ao);
    }
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

/// Validates a grid of cells (first row the header): the sheet, or every error found.
pub fn parse_rows(rows: &[Vec<String>]) -> Result<AoSheet, SheetErrors> {
    let Some(header_cells) = rows.first().filter(|cells| !is_blank(cells)) else {
        return Err(SheetErrors(vec![SheetError {
            row: Some(1),
            column: None,
            value: None,
            problem: SheetProblem::MissingHeader,
        }]));
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let layout = read_header(header_cells, &mut errors, &mut warnings);
    // Row numbers as the spreadsheet shows them; blank rows (Excel's trailing ";;;;") are skipped.
    let data =
        || rows.iter().enumerate().skip(1).map(|(i, cells)| (i + 1, cells.as_slice())).filter(|(_, c)| !is_blank(c));
    let mark = decimal_mark(data().map(|(_, cells)| cells).filter(|cells| cells.len() == layout.width), &layout);
    let mut reader = RowReader {
        layout: &layout,
        mark,
        first_rows: HashMap::new(),
        aeis: NamesSeen::default(),
        cost_centers: NamesSeen::default(),
        budget_categories: NamesSeen::default(),
        activities: Vec::new(),
        errors,
        warnings,
    };
    for (row, cells) in data() {
        if cells.len() == layout.width {
            reader.read(row, cells);
        } else {
            reader.errors.push(SheetError {
                row: Some(row),
                column: None,
                value: None,
                problem: SheetProblem::WrongCellCount { expected: layout.width, found: cells.len() },
            });
        }
    }
    if !reader.errors.is_empty() {
        return Err(SheetErrors(reader.errors));
    }
    Ok(AoSheet {
        activities: reader.activities,
        aeis: reader
            .aeis
            .entries
            .into_iter()
            .map(|(code, name)| Aei { code, name, oei_code: String::new(), indicator: Indicator::default() })
            .collect(),
        cost_centers: reader.cost_centers.entries.into_iter().map(|(code, name)| CostCenter { code, name }).collect(),
        budget_categories: reader
            .budget_categories
            .entries
            .into_iter()
            .map(|(code, name)| BudgetCategory { code, name })
            .collect(),
        decimal_mark: mark,
        warnings: reader.warnings,
    })
}

/// Reads a CSV file (encoding and delimiter detected) and validates it.
pub fn parse_csv(bytes: &[u8]) -> Result<AoSheet, SheetErrors> {
    let table = csv::read_csv(bytes).map_err(|error| {
        let row = match error {
            CsvError::UnterminatedQuote(quote) => Some(quote.row),
            CsvError::Limit(_) => None,
        };
        SheetErrors(vec![SheetError { row, column: None, value: None, problem: SheetProblem::Unreadable(error) }])
    })?;
    parse_rows(&table.rows)
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
    pub new_cost_centers: Vec<CostCenter>,
    pub new_budget_categories: Vec<BudgetCategory>,
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
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "AO agregadas: {}, reemplazadas: {}, mantenidas: {}. AEI creadas: {}, centros de costo creados: {}, categorías presupuestales creadas: {}.",
            self.added, self.replaced, self.kept, self.aeis_created, self.cost_centers_created, self.budget_categories_created
        )
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

fn preview(
    sheet: &AoSheet,
    aeis: &[Aei],
    cost_centers: &[CostCenter],
    budget_categories: &[BudgetCategory],
    version: &PoiVersion,
) -> ImportPreview {
    let existing: HashSet<&str> = version.activities.iter().map(|a| a.code.as_str()).collect();
    let in_file: HashSet<&str> = sheet.activities.iter().map(|a| a.code.as_str()).collect();
    let (replaced, added): (Vec<String>, Vec<String>) =
        sheet.activities.iter().map(|a| a.code.clone()).partition(|code| existing.contains(code.as_str()));
    let kept =
        version.activities.iter().filter(|a| !in_file.contains(a.code.as_str())).map(|a| a.code.clone()).collect();
    let mut warnings = sheet.warnings.clone();
    let new_aeis = new_entries(&sheet.aeis, aeis, |a| (&a.code, &a.name), Catalog::Aei, &mut warnings);
    let new_cost_centers =
        new_entries(&sheet.cost_centers, cost_centers, |c| (&c.code, &c.name), Catalog::CostCenter, &mut warnings);
    let new_budget_categories = new_entries(
        &sheet.budget_categories,
        budget_categories,
        |c| (&c.code, &c.name),
        Catalog::BudgetCategory,
        &mut warnings,
    );
    ImportPreview { added, replaced, kept, new_aeis, new_cost_centers, new_budget_categories, warnings }
}

/// What importing the sheet into the version would add, replace and keep, and what it would create.
pub fn plan_import(sheet: &AoSheet, year: &YearPlan, version: &PoiVersion) -> ImportPreview {
    preview(sheet, &year.aeis, &year.cost_centers, &year.budget_categories, version)
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
/// added, the rest kept; missing AEI, centros de costo and categorías are created. All or nothing.
pub fn apply_import(sheet: &AoSheet, year: &mut YearPlan, version_number: u32) -> Result<ImportSummary, ImportError> {
    let Some(version) = year.poi.editable_version_mut(version_number) else {
        return Err(refusal(&year.poi, version_number));
    };
    let preview = preview(sheet, &year.aeis, &year.cost_centers, &year.budget_categories, version);
    let positions: HashMap<String, usize> =
        version.activities.iter().enumerate().map(|(i, a)| (a.code.clone(), i)).collect();
    for ao in &sheet.activities {
        match positions.get(&ao.code) {
            Some(&i) => version.activities[i] = ao.clone(),
            None => version.activities.push(ao.clone()),
        }
    }
    let summary = preview.summary();
    year.aeis.extend(preview.new_aeis);
    year.cost_centers.extend(preview.new_cost_centers);
    year.budget_categories.extend(preview.new_budget_categories);
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
        let text = TEXT_COLUMNS.iter().map(|column| match column {
            TextColumn::AeiCode => ao.aei_code.clone(),
            TextColumn::AeiName => name(&aei_names, &ao.aei_code),
            TextColumn::CcCode => ao.cost_center_code.clone(),
            TextColumn::CcName => name(&cc_names, &ao.cost_center_code),
            TextColumn::AoCode => ao.code.clone(),
            TextColumn::AoName => ao.name.clone(),
            TextColumn::Unit => ao.unit.clone(),
            TextColumn::BudgetCategory => match category_names.get(ao.budget_category_code.as_str()) {
                Some(name) if !name.is_empty() => format!("{}: {name}", ao.budget_category_code),
                _ => ao.budget_category_code.clone(),
            },
            TextColumn::FollowUp => if ao.follow_up_approved { "SI" } else { "NO" }.to_string(),
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
    for cell in rows.iter_mut().skip(1).flat_map(|row| row.iter_mut().take(TEXT_COLUMNS.len())) {
        if let Cow::Owned(guarded) = guard_text(cell) {
            *cell = guarded;
        }
    }
    csv::write_csv(&rows, Delimiter::Comma)
}
