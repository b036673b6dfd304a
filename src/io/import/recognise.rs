//! What a file is and where its data sits: the tab and header row found, the layout recognised, the
//! columns mapped (by the layout, by a remembered choice, or by the best guess), and the rows read.

use std::future::Future;

use super::error::FileError;
use super::layout::{self, choose_tab, families, find_header, Family, Field, Header, Layout, Mapping};
use super::workbook::{read_now, Book, Format, Progress, SheetCells, SheetRow};
use crate::domain::import_memory::{ImportMemory, RememberedImport};
use crate::io::ao_sheet::{ficha_mapping, Choices, SheetError, SheetWarning};

/// Rows under the header shown in the mapping step.
pub const PREVIEW_ROWS: usize = 5;

/// What the header search found, and what the import will read.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub format: Format,
    pub tab: usize,
    /// The tab's name; empty for CSV and HTML.
    pub tab_name: String,
    pub layout: Layout,
    /// Zero-based.
    pub header_row: u32,
    pub headers: Vec<Header>,
    pub mapping: Mapping,
    pub signature: String,
    /// The mapping and the answers come from an earlier file with the same header.
    pub remembered: bool,
    pub choices: Choices,
    /// The first rows under the header, every column.
    pub first_rows: Vec<SheetRow>,
    /// Monthly families of the header, for the mapping step.
    pub families: Vec<Family>,
    /// A strict header's own problems (Ficha's sheet: a repeated column) and notes (unknown columns).
    pub header_errors: Vec<SheetError>,
    pub header_warnings: Vec<SheetWarning>,
}

impl Recognition {
    /// "Exporta POI del Aplicativo CEPLAN V.01 (hoja POI_Por_ActividadOperativaAnual)".
    pub fn describe(&self) -> String {
        self.layout.describe(&self.tab_name)
    }

    /// Whether the user must choose the columns: a layout Ficha does not know, seen for the first time.
    pub fn needs_mapping(&self) -> bool {
        self.layout == Layout::Other && !self.remembered
    }

    /// What to remember of this import for the next file with the same header.
    pub fn to_remember(&self, mapping: &Mapping, choices: &Choices) -> RememberedImport {
        let columns = match self.layout {
            Layout::Other => mapping.columns.iter().map(|(f, c)| (f.key(), *c)).collect(),
            Layout::Ceplan | Layout::FichaSheet => Vec::new(),
        };
        RememberedImport {
            signature: self.signature.clone(),
            header_row: mapping.header_row,
            columns,
            ue: choices.ue.clone(),
            cumulative: choices.cumulative,
        }
    }
}

/// Finds the tab and header, recognises the layout and maps the columns.
pub fn recognise(book: &mut Book, memory: &ImportMemory) -> Result<Recognition, FileError> {
    let mut found = Vec::new();
    let mut probes = Vec::new();
    for tab in 0..book.tabs().len() {
        let rows = book.probe(tab)?;
        if let Some(header) = find_header(tab, &rows) {
            found.push(header);
        }
        probes.push(rows);
    }
    let Some(found) = choose_tab(found, book.tabs()) else {
        // No header in the first rows: a file past a limit further down (a lone cell at row
        // 1,048,576) is refused by that limit, which says more than "empty".
        for tab in 0..book.tabs().len() {
            read_now(book, tab, 0, None)?;
        }
        return Err(FileError::NoHeader);
    };
    if layout::is_financial_programming_export(&found.headers) {
        return Err(FileError::FinancialProgrammingExport);
    }
    let signature = layout::signature(&found.headers);
    let remembered = memory.recall(&signature);
    let (mut header_errors, mut header_warnings) = (Vec::new(), Vec::new());
    let (mapping, from_memory) = match found.layout {
        Layout::Ceplan => (layout::known_mapping(found.header_row, &found.headers), remembered.is_some()),
        Layout::FichaSheet => {
            let (mapping, errors, warnings) = ficha_mapping(found.header_row, &found.headers);
            (header_errors, header_warnings) = (errors, warnings);
            (mapping, remembered.is_some())
        }
        Layout::Other => match remembered.filter(|r| !r.columns.is_empty()) {
            Some(choice) => {
                let columns = choice.columns.iter().filter_map(|(key, c)| Field::from_key(key).map(|f| (f, *c))).collect();
                (Mapping { header_row: choice.header_row, columns }, true)
            }
            None => (layout::guess_mapping(found.header_row, &found.headers), false),
        },
    };
    let choices = remembered.map_or_else(Choices::default, |r| Choices { ue: r.ue.clone(), cumulative: r.cumulative });
    let first_rows =
        probes[found.tab].iter().filter(|r| r.row > found.header_row).take(PREVIEW_ROWS).cloned().collect();
    Ok(Recognition {
        format: book.format(),
        tab: found.tab,
        tab_name: book.tabs()[found.tab].clone(),
        layout: found.layout,
        header_row: found.header_row,
        families: families(&found.headers),
        headers: found.headers,
        mapping,
        signature,
        remembered: from_memory,
        choices,
        first_rows,
        header_errors,
        header_warnings,
    })
}

/// The rows under the header, only the mapped columns (and as wide as the header, so a stray
/// cell past it is seen), reporting progress every thousand rows.
pub async fn read_rows<F, P>(book: &mut Book, recognition: &Recognition, mapping: &Mapping, pause: P) -> Result<SheetCells, FileError>
where
    P: FnMut(Progress) -> F,
    F: Future<Output = ()>,
{
    let width = recognition.headers.iter().map(|h| h.column as usize + 1).max().unwrap_or(0);
    let keep = mapping.kept(width);
    // A merged cell hides a text every row has (an AEI written once over its AO): when one is
    // missing, the merged regions are read.
    let texts = [Field::AoCode, Field::AoName, Field::Unit, Field::AeiCode, Field::AeiName, Field::CcCode, Field::CcName, Field::Category];
    let merged: Vec<u32> = texts.iter().filter_map(|f| mapping.column(*f)).collect();
    book.read(recognition.tab, mapping.header_row + 1, Some(&keep), &merged, pause).await
}
