//! An AO sheet file of either kind (CSV or XLSX) read into cells, previewed and imported into the workspace.

use std::fmt;

use super::ao_sheet::{apply_import, plan_import, AoSheet, ImportError, ImportPreview, ImportSummary};
use super::csv::{self, CsvError};
use super::limits::{megabytes, MAX_FILE_BYTES};
use super::xlsx::{self, XlsxError};
use crate::domain::plan::PoiVersion;
use crate::domain::{Workspace, YearPlan};

/// Why a file gives no cells to validate; nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge { bytes: usize },
    /// The binary Excel 97–2003 format.
    OldExcel,
    Csv(CsvError),
    Xlsx(XlsxError),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { bytes } => write!(
                f,
                "El archivo pesa {} y el máximo es {}; impórtelo en partes (lo que no está en el archivo se mantiene)",
                megabytes(*bytes as u64),
                megabytes(MAX_FILE_BYTES as u64)
            ),
            FileError::OldExcel => f.write_str(
                "Es un libro de Excel 97-2003 (.xls), que no se puede leer: ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)» o «CSV UTF-8»",
            ),
            FileError::Csv(quote) => quote.fmt(f),
            FileError::Xlsx(error) => error.fmt(f),
        }
    }
}

/// The kind of file, from its first bytes (the name can lie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
    OldExcel,
}

impl FileKind {
    /// A ZIP is taken for a workbook, the OLE signature for an old .xls, anything else for text.
    pub fn of(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            FileKind::Xlsx
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            FileKind::OldExcel
        } else {
            FileKind::Csv
        }
    }
}

/// Refuses a file past [`MAX_FILE_BYTES`]; the pages ask with the size the browser tells, before reading it.
pub fn check_size(bytes: usize) -> Result<(), FileError> {
    if bytes > MAX_FILE_BYTES {
        Err(FileError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// The file's cells, row 1 first, ready for `ao_sheet::parse_rows`: every importer reads through
/// here, so every file is held to the limits of `io/limits.rs`.
pub fn read_cells(bytes: &[u8]) -> Result<Vec<Vec<String>>, FileError> {
    check_size(bytes.len())?;
    match FileKind::of(bytes) {
        FileKind::Xlsx => xlsx::read_first_sheet(bytes).map_err(FileError::Xlsx),
        FileKind::OldExcel => Err(FileError::OldExcel),
        FileKind::Csv => csv::read_csv(bytes).map(|table| table.rows).map_err(FileError::Csv),
    }
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
    plan_import(sheet, year, version)
}

/// Imports the sheet into the year's latest version, creating the year and its first version
/// when missing. The sheet is already valid and the latest version is always editable.
pub fn import(ws: &mut Workspace, year: u16, sheet: &AoSheet) -> Result<ImportSummary, ImportError> {
    if ws.year(year).is_none() {
        ws.years.push(YearPlan::new(year));
        ws.years.sort_by_key(|y| y.year);
    }
    let year = ws.year_mut(year).expect("the year exists now");
    if year.poi.versions.is_empty() {
        year.poi.versions.push(PoiVersion::default());
    }
    let number = year.poi.latest().map_or(0, |v| v.number);
    apply_import(sheet, year, number)
}
