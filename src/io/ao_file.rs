//! An import file read into cells (every importer reads files through here, within the limits of
//! `io/limits.rs`), previewed and imported into the workspace.

use std::future::Future;

use super::ao_sheet::{self, apply_import, plan_import, AoSheet, Choices, ImportError, ImportPreview, ImportSummary, Parsed, SheetErrors, Source};
pub use super::import::FileError;
use super::import::workbook::{read_now, run_ready, Book, Progress, SheetCells, SheetRow};
use super::import::{read_rows, recognise, Mapping, Recognition};
use crate::domain::import_memory::ImportMemory;
use super::limits::{Budget, MAX_FILE_BYTES};
use crate::domain::plan::PoiVersion;
use crate::domain::{Workspace, YearPlan};

/// Refuses a file past [`MAX_FILE_BYTES`]; the pages ask with the size the browser tells, before reading it.
pub fn check_size(bytes: usize) -> Result<(), FileError> {
    if bytes > MAX_FILE_BYTES {
        Err(FileError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// The first tab's cells as text, row 1 first, for importers of a fixed layout (the
/// recommendations): a CSV's records as they are; a workbook's rows with the rows it leaves out as
/// empty rows, each row as wide as its last cell and at least as the first row (cells past it are
/// kept, so a stray value is reported), numbers as Excel shows them.
pub fn read_cells(bytes: &[u8]) -> Result<Vec<Vec<String>>, FileError> {
    check_size(bytes.len())?;
    let book = Book::open(bytes)?;
    let mut book = match book.into_text_rows() {
        Ok(rows) => return Ok(rows),
        Err(book) => book,
    };
    let read = read_now(&mut book, 0, 0, None)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut budget = Budget::default();
    let extent = |row: &SheetRow| row.cells.last().map_or(0, |(c, _)| *c as usize + 1).max(row.reach as usize);
    let width = read.rows.first().filter(|r| r.row == 0).map_or(0, extent);
    for row in read.rows {
        if rows.len() < row.row as usize {
            rows.resize_with(row.row as usize, Vec::new);
        }
        let len = extent(&row).max(width);
        budget.cells(len)?;
        let mut cells = vec![String::new(); len];
        for (c, value) in row.cells {
            if let Some(cell) = cells.get_mut(c as usize) {
                *cell = value.as_text().into_owned();
            }
        }
        rows.push(cells);
    }
    Ok(rows)
}

/// A file opened and its header recognised, ready to read.
pub struct Opened {
    pub book: Book,
    pub recognition: Recognition,
}

/// Opens the file (within the limits) and recognises its tab, header and layout; the mapping is
/// the layout's, the one remembered for this header (`Workspace::imports`), or the best guess.
pub fn open(bytes: &[u8], memory: &ImportMemory) -> Result<Opened, FileError> {
    check_size(bytes.len())?;
    let mut book = Book::open(bytes)?;
    let recognition = recognise(&mut book, memory)?;
    Ok(Opened { book, recognition })
}

impl Opened {
    /// The rows under the header, the mapped columns only, with progress every thousand rows.
    pub async fn read<F, P>(&mut self, mapping: &Mapping, pause: P) -> Result<SheetCells, FileError>
    where
        P: FnMut(Progress) -> F,
        F: Future<Output = ()>,
    {
        read_rows(&mut self.book, &self.recognition, mapping, pause).await
    }
}

/// Validates the rows read with a mapping: the sheet, a question to answer first, or every error.
pub fn validate(recognition: &Recognition, cells: &SheetCells, mapping: &Mapping, choices: &Choices) -> Result<Parsed, SheetErrors> {
    let source = Source {
        rows: &cells.rows,
        mapping,
        headers: &recognition.headers,
        layout: recognition.layout,
        text_fields: recognition.format.is_text(),
    };
    let same_header = *mapping == recognition.mapping;
    let (errors, warnings) = if same_header {
        (recognition.header_errors.clone(), recognition.header_warnings.clone())
    } else {
        (Vec::new(), Vec::new())
    };
    ao_sheet::parse(&source, choices, errors, warnings)
}

/// Why a file gives no sheet: its cells could not be read, or they are not valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    File(FileError),
    Sheet(SheetErrors),
}

impl Refusal {
    /// Every problem, one line each.
    pub fn messages(&self) -> Vec<String> {
        match self {
            Refusal::File(error) => error.messages(),
            Refusal::Sheet(errors) => errors.errors().iter().map(ToString::to_string).collect(),
        }
    }
}

/// A file read whole with the mapping recognised and the given choices, without progress: what
/// the page does, in one call, for callers that do not show progress (tests, tools).
pub fn read_file(bytes: &[u8], memory: &ImportMemory, choices: &Choices) -> Result<(Recognition, Parsed), Refusal> {
    let mut opened = open(bytes, memory).map_err(Refusal::File)?;
    let mapping = opened.recognition.mapping.clone();
    let cells = run_ready(opened.read(&mapping, |_| std::future::ready(()))).map_err(Refusal::File)?;
    let parsed = validate(&opened.recognition, &cells, &mapping, choices).map_err(Refusal::Sheet)?;
    Ok((opened.recognition, parsed))
}

/// Where the import lands, for the preview: "POI 2023 · POI Modificado versión 3". Only the latest
/// version of the year is editable; a year without POI gets its first version.
pub fn target_label(ws: &Workspace, year: u16) -> String {
    match ws.year(year).and_then(|y| y.poi.latest()) {
        Some(version) => format!("POI {year} · {}", version.label()),
        None => format!("POI {year} · {} (se creará)", PoiVersion::default().label()),
    }
}

/// What importing the sheet into the year would add, replace, keep and create.
pub fn preview(ws: &Workspace, year: u16, sheet: &AoSheet) -> ImportPreview {
    let empty_year;
    let year = match ws.year(year) {
        Some(plan) => plan,
        None => {
            empty_year = YearPlan::new(year);
            &empty_year
        }
    };
    let empty_version;
    let version = match year.poi.latest() {
        Some(version) => version,
        None => {
            empty_version = PoiVersion::default();
            &empty_version
        }
    };
    plan_import(sheet, year, version, &ImportMemory::of(&ws.imports))
}

/// Imports the sheet into the year's latest version, creating the year and its first version
/// when missing, and remembers the centro de costo names linked in the preview. The sheet is
/// already valid and the latest version is always editable.
pub fn import(ws: &mut Workspace, year: u16, sheet: &AoSheet) -> Result<ImportSummary, ImportError> {
    if ws.year(year).is_none() {
        ws.years.push(YearPlan::new(year));
        ws.years.sort_by_key(|y| y.year);
    }
    let mut memory = ImportMemory::of(&ws.imports);
    let year = ws.year_mut(year).expect("the year exists now");
    if year.poi.versions.is_empty() {
        year.poi.versions.push(PoiVersion::default());
    }
    let number = year.poi.latest().map_or(0, |v| v.number);
    let summary = apply_import(sheet, year, number, &mut memory)?;
    ws.imports = memory.to_text();
    Ok(summary)
}
