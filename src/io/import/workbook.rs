//! A file opened for import: sniffed, checked before calamine reads it, repaired if needed, and
//! read tab by tab as sparse rows of cells (the first rows whole, then only the columns asked for).

use std::future::Future;
use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Ods, OdsError, Range, Reader, Xls, XlsError, Xlsx, XlsxError};

use super::cell::{date_text, CellValue, Raw};
use super::error::{ArchiveError, BookError, FileError};
use super::html_table::read_html_table;
use super::preflight::{check_shared_strings, check_styles, scan_ods, Archive, Kind, OdsFacts, Styles, ZipKind};
use super::repair::{outline_xlsx, repair_ods, repair_xlsx, xlsx_repairs, XlsxRepairs};
use super::xls::{scan_xls, XlsFacts};
use super::xlsx_sheet::{Declined, SheetXml, Workbook, CHUNK};
use crate::io::csv::{self, Encoding};
use crate::io::limits::{check_position, fits_cell, Budget, Exceeded, MAX_FILE_BYTES};

/// Rows read whole from the top of each tab to find its header.
pub const PROBE_ROWS: u32 = 30;
/// Rows read between two reports of progress (and two chances for the page to repaint).
pub const ROWS_PER_STEP: u32 = 1_000;

/// What kind of file it was, for the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    /// The Aplicativo CEPLAN's HTML table saved as `.xls`.
    Html,
    Csv(Encoding),
}

impl Format {
    /// "libro de Excel (.xlsx)", "CSV (UTF-8)"…
    pub fn label(self) -> &'static str {
        match self {
            Format::Xlsx => "libro de Excel (.xlsx)",
            Format::Xls => "libro de Excel 97-2003 (.xls)",
            Format::Ods => "hoja de cálculo OpenDocument (.ods)",
            Format::Html => "tabla HTML descargada del Aplicativo (.xls)",
            Format::Csv(Encoding::Utf16) => "texto Unicode (UTF-16)",
            Format::Csv(Encoding::Windows1252) => "CSV (Windows-1252)",
            Format::Csv(Encoding::MacRoman) => "CSV (Mac Roman)",
            Format::Csv(_) => "CSV (UTF-8)",
        }
    }

    /// Whether each row is a line of fields (CSV, HTML): a row with a field short or long is suspect.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Csv(_) | Format::Html)
    }
}

/// One row as read: its place, how far it reaches, and the cells kept (column, value), in column order.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    /// Zero-based row of the sheet.
    pub row: u32,
    /// One past the last column with something other than spaces, among the columns kept and
    /// those past the columns asked for (where a stray value lies).
    pub reach: u32,
    /// Fields of the line, for text files (CSV, HTML); 0 for workbooks.
    pub fields: u32,
    pub cells: Vec<(u32, CellValue)>,
}

impl SheetRow {
    /// The value at a column, if kept and not empty.
    pub fn get(&self, column: u32) -> Option<&CellValue> {
        self.cells.binary_search_by_key(&column, |(c, _)| *c).ok().map(|i| &self.cells[i].1)
    }
}

/// How far a read has come, for the progress shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub rows: u32,
    /// Rows the sheet says it has, when it says so (a hint: some writers say less).
    pub of: Option<u32>,
}

enum Inner {
    Xlsx(Box<XlsxBook>),
    Xls { book: Box<Xls<Cursor<Vec<u8>>>>, facts: XlsFacts, ranges: Vec<Option<Range<Data>>> },
    Ods { book: Box<Ods<Cursor<Vec<u8>>>>, facts: OdsFacts, ranges: Vec<Option<Range<Data>>> },
    Grid(Vec<Vec<String>>),
}

/// An .xlsx: its bytes (repaired when calamine needed it), what the straight read knows of it, and
/// calamine, opened on the workbook's outline while the straight read reads the cells.
struct XlsxBook {
    source: Vec<u8>,
    styles: Styles,
    /// `None` when the workbook's parts are not written the plain way the straight read follows.
    straight: Option<Workbook>,
    calamine: Calamine,
    /// Whether `calamine` holds the whole workbook (else its outline: tabs, styles, relationships).
    whole: bool,
}

type Calamine = Xlsx<Cursor<Vec<u8>>>;

/// Calamine's error opening an .xlsx (some are repaired before giving up).
struct XlsxOpenError(XlsxError);

impl From<XlsxOpenError> for BookError {
    fn from(error: XlsxOpenError) -> Self {
        xlsx_error(error.0)
    }
}

impl XlsxBook {
    /// Opens the workbook: calamine on its outline when the straight read can read its parts,
    /// else on the whole of it.
    fn open(source: Vec<u8>, styles: Styles) -> Result<XlsxBook, XlsxOpenError> {
        let mut archive = Archive::open(&source).ok();
        let straight = archive.as_mut().and_then(|a| Workbook::read(a, styles.clone()).ok());
        let outline = archive.filter(|_| straight.is_some()).and_then(|mut a| outline_xlsx(&mut a).ok());
        let whole = outline.is_none();
        let calamine = Calamine::new(Cursor::new(outline.unwrap_or_else(|| source.clone()))).map_err(XlsxOpenError)?;
        Ok(XlsxBook { source, styles, straight, calamine, whole })
    }

    /// Calamine on the whole workbook, opened the first time a read needs it.
    fn calamine(&mut self) -> Result<&mut Calamine, BookError> {
        if !self.whole {
            self.calamine = Calamine::new(Cursor::new(self.source.clone())).map_err(xlsx_error)?;
            self.whole = true;
        }
        Ok(&mut self.calamine)
    }
}

/// Which reader reads the columns asked for in an .xlsx sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetReader {
    /// The sheet's XML read straight, stepping over the columns not kept (`crates/sheet-xml`).
    Straight,
    Calamine,
}

/// An opened file: its format, its tabs (workbook order) and the reader behind them.
pub struct Book {
    format: Format,
    tabs: Vec<String>,
    inner: Inner,
    /// The reader tried first for an .xlsx read of some columns.
    prefer: SheetReader,
    /// The reader that read the last tab.
    used: Option<SheetReader>,
}

/// A calamine error of an .xlsx in Spanish: the archive's own errors are damage; error values
/// calamine does not know (`#SPILL!`) carry no cell.
fn xlsx_error(error: XlsxError) -> BookError {
    match error {
        XlsxError::Password => BookError::Password,
        XlsxError::CellError(code) => BookError::ErrorValue(code),
        XlsxError::Zip(_) => BookError::Archive(ArchiveError::Corrupt),
        XlsxError::Io(_) => BookError::Archive(ArchiveError::Corrupt),
        XlsxError::Xml(quick_xml::Error::Io(_)) => BookError::Archive(ArchiveError::Corrupt),
        XlsxError::Unexpected(what) if what.contains("shared strings") => {
            BookError::Damaged("una celda remite a un texto compartido que no existe en el libro".into())
        }
        other => BookError::Damaged(other.to_string()),
    }
}

fn xls_error(error: XlsError) -> BookError {
    match error {
        XlsError::Password => BookError::Password,
        other => BookError::Damaged(format!("libro de Excel 97-2003: {other}")),
    }
}

fn ods_error(error: OdsError) -> BookError {
    match error {
        OdsError::Password => BookError::Password,
        OdsError::CellLimitExceeded { .. } => BookError::Limit(Exceeded::DenseCells),
        other => BookError::Damaged(format!("hoja OpenDocument: {other}")),
    }
}

fn raw_of_data(data: &Data, pad: u8) -> Raw<'_> {
    match data {
        Data::Empty => Raw::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Raw::Text(s),
        Data::Float(f) => Raw::Number(*f, pad),
        Data::Int(i) => Raw::Number(*i as f64, pad),
        Data::Bool(b) => Raw::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => Raw::Date(d.as_f64(), date_text(d.to_ymd_hms_milli())),
        Data::DateTime(d) => Raw::Number(d.as_f64(), pad),
        Data::Error(e) => Raw::Error(e.to_string()),
    }
}

/// What a read keeps and where it stands.
struct Collector<'k> {
    /// Rows from this one on are kept (zero-based).
    from_row: u32,
    /// Rows before this one keep every column (the top of the tab).
    whole_rows: u32,
    /// Columns kept below `whole_rows`; `None` keeps them all.
    columns: Option<&'k [bool]>,
    budget: Budget,
    rows: Vec<SheetRow>,
    /// Kept cells that were present but empty, in rows at or past `formula_row`.
    present_empty: Vec<(u32, u32)>,
    /// Those of them that hold a formula, when the reader saw it (the straight read does).
    formulas_found: Option<Vec<(u32, u32)>>,
    formula_row: u32,
    /// The cells of the last row, gathered here and moved into it, sized to fit, when the next
    /// row starts: one allocation per row.
    cells: Vec<(u32, CellValue)>,
}

impl Collector<'_> {
    fn keeps(&self, row: u32, column: u32) -> bool {
        row < self.whole_rows || self.columns.is_none_or(|keep| keep.get(column as usize).copied().unwrap_or(false))
    }

    /// Whether the row has something other than spaces already (a cell kept or not).
    fn has_row(&self, row: u32) -> bool {
        self.rows.last().is_some_and(|last| last.row == row)
    }

    /// Forgets what was collected, for another reader to start over.
    fn restart(&mut self) {
        self.rows.clear();
        self.cells.clear();
        self.present_empty.clear();
        self.formulas_found = None;
        self.budget = Budget::default();
    }

    /// The row being read (its cells are in `self.cells`), started if it is a new one.
    fn row_mut(&mut self, row: u32) -> &mut SheetRow {
        if self.rows.last().is_none_or(|last| last.row != row) {
            self.close_row();
            self.rows.push(SheetRow { row, reach: 0, fields: 0, cells: Vec::new() });
        }
        self.rows.last_mut().expect("just pushed")
    }

    /// Moves the gathered cells into the last row.
    fn close_row(&mut self) {
        if let Some(last) = self.rows.last_mut() {
            if !self.cells.is_empty() {
                last.cells = self.cells.drain(..).collect();
            }
        }
    }

    /// One cell, in file order (rows ascending; a writer may put a row's cells out of order).
    fn take(&mut self, row: u32, column: u32, raw: Raw<'_>) -> Result<(), BookError> {
        if row < self.from_row {
            return Ok(());
        }
        if matches!(raw, Raw::Empty) {
            if row >= self.formula_row && self.keeps(row, column) {
                self.present_empty.push((row, column));
            }
            return Ok(());
        }
        if matches!(raw, Raw::Text("")) {
            return Ok(());
        }
        check_position(row as usize + 1, column as usize)?;
        let blank = raw.is_blank();
        let keep = self.keeps(row, column);
        let value = if keep {
            if let Raw::Text(text) = raw {
                if !fits_cell(text) {
                    return Err(Exceeded::CellText { row: row as usize + 1, column: column as usize }.into());
                }
                self.budget.text(text.len())?;
            }
            self.budget.cells(1)?;
            Some(CellValue::from(raw))
        } else {
            None
        };
        if value.is_none() && blank {
            return Ok(());
        }
        // A column left out by the read counts only past the columns asked for (a stray value).
        let past_kept = self.columns.is_none_or(|keep| column as usize >= keep.len());
        let current = self.row_mut(row);
        if !blank && (value.is_some() || past_kept) {
            current.reach = current.reach.max(column + 1);
        }
        if let Some(value) = value {
            let cells = &mut self.cells;
            match cells.last() {
                Some((last, _)) if *last >= column => {
                    let at = cells.partition_point(|(c, _)| *c < column);
                    if cells.get(at).is_some_and(|(c, _)| *c == column) {
                        cells[at].1 = value;
                    } else {
                        cells.insert(at, (column, value));
                    }
                }
                _ => cells.push((column, value)),
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Vec<SheetRow> {
        self.close_row();
        // Rows arrive in order from every writer seen; one that does not is sorted here.
        if self.rows.windows(2).any(|w| w[0].row >= w[1].row) {
            self.rows.sort_by_key(|r| r.row);
            self.rows.dedup_by(|later, earlier| {
                if later.row == earlier.row {
                    earlier.reach = earlier.reach.max(later.reach);
                    earlier.cells.append(&mut later.cells);
                    earlier.cells.sort_by_key(|(c, _)| *c);
                    true
                } else {
                    false
                }
            });
        }
        self.rows
    }
}

/// A read tab: its rows (sparse, kept columns only) and what the reader found about it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetCells {
    pub rows: Vec<SheetRow>,
}

/// Merged regions as (first row, first column, last row, last column), zero-based, inclusive.
type Merge = (u32, u32, u32, u32);


impl Book {
    fn new(format: Format, tabs: Vec<String>, inner: Inner) -> Book {
        Book { format, tabs, inner, prefer: SheetReader::Straight, used: None }
    }

    /// Chooses the reader tried first for an .xlsx (the straight read unless told; tests compare both).
    pub fn prefer(&mut self, reader: SheetReader) {
        self.prefer = reader;
    }

    /// The reader that read the last tab of an .xlsx; `None` for other files.
    pub fn used(&self) -> Option<SheetReader> {
        self.used
    }

    /// Sniffs the file, checks it before any reader allocates, repairs what calamine would trip
    /// on, and opens it. A CSV or an HTML table is read whole here (within the limits).
    pub fn open(bytes: &[u8]) -> Result<Book, FileError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(FileError::TooLarge { bytes: bytes.len() });
        }
        match Kind::of(bytes) {
            Kind::Text => {
                let table = csv::read_csv(bytes).map_err(FileError::Csv)?;
                Ok(Book::new(Format::Csv(table.encoding), vec![String::new()], Inner::Grid(table.rows)))
            }
            Kind::Html => {
                let rows = read_html_table(bytes)?;
                Ok(Book::new(Format::Html, vec![String::new()], Inner::Grid(rows)))
            }
            Kind::Ole => Ok(Self::open_xls(bytes)?),
            Kind::Zip => {
                let mut archive = Archive::open(bytes)?;
                match archive.kind()? {
                    ZipKind::Xlsx | ZipKind::Xlsb => Ok(Self::open_xlsx(&mut archive, bytes)?),
                    ZipKind::Ods => Ok(Self::open_ods(&mut archive, bytes)?),
                }
            }
        }
    }

    fn open_xls(bytes: &[u8]) -> Result<Book, BookError> {
        let facts = scan_xls(bytes)?;
        let book: Xls<_> = Xls::new(Cursor::new(bytes.to_vec())).map_err(xls_error)?;
        let tabs = book.sheet_names();
        let ranges = vec![None; tabs.len()];
        Ok(Book::new(Format::Xls, tabs, Inner::Xls { book: Box::new(book), facts, ranges }))
    }

    fn open_xlsx(archive: &mut Archive<'_>, bytes: &[u8]) -> Result<Book, BookError> {
        let mut styles = Styles::default();
        for index in archive.ending_with("styles.xml") {
            if archive.names()[index].starts_with("xl/") {
                let checked = check_styles(&archive.read_index(index)?)?;
                if archive.names()[index] == "xl/styles.xml" {
                    styles = checked;
                }
            }
        }
        for index in archive.ending_with("sharedstrings.xml") {
            check_shared_strings(&archive.read_index(index)?)?;
        }
        let repairs = xlsx_repairs(archive)?;
        let source = if repairs.any() { repair_xlsx(archive, repairs)? } else { bytes.to_vec() };
        let book = match XlsxBook::open(source, styles.clone()) {
            // Relationships that do not say a sheet is a worksheet (minimal writers): written anew.
            Err(XlsxOpenError(XlsxError::Unrecognized { typ: "sheet:type", .. } | XlsxError::RelationshipNotFound)) => {
                let repairs = XlsxRepairs { workbook_relationships: true, ..repairs };
                XlsxBook::open(repair_xlsx(archive, repairs)?, styles)?
            }
            other => other?,
        };
        let tabs = book.calamine.sheet_names();
        Ok(Book::new(Format::Xlsx, tabs, Inner::Xlsx(Box::new(book))))
    }

    fn open_ods(archive: &mut Archive<'_>, bytes: &[u8]) -> Result<Book, BookError> {
        let content = archive.read("content.xml")?.ok_or(BookError::NotWorkbook)?;
        let facts = scan_ods(&content)?;
        drop(content);
        let book: Ods<_> = match Ods::new(Cursor::new(bytes.to_vec())) {
            Ok(book) => book,
            Err(OdsError::Mismatch { .. }) => Ods::new(Cursor::new(repair_ods(archive)?)).map_err(ods_error)?,
            Err(error) => return Err(ods_error(error)),
        };
        let tabs = book.sheet_names();
        let ranges = vec![None; tabs.len()];
        Ok(Book::new(Format::Ods, tabs, Inner::Ods { book: Box::new(book), facts, ranges }))
    }

    /// A CSV's or HTML table's rows as they were read; a workbook is given back.
    pub fn into_text_rows(self) -> Result<Vec<Vec<String>>, Book> {
        match self.inner {
            Inner::Grid(rows) => Ok(rows),
            _ => Err(self),
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Tab names in workbook order; one unnamed tab for CSV and HTML.
    pub fn tabs(&self) -> &[String] {
        &self.tabs
    }

    /// The first [`PROBE_ROWS`] rows of a tab, every column.
    pub fn probe(&mut self, tab: usize) -> Result<Vec<SheetRow>, FileError> {
        let mut collector = Collector {
            from_row: 0,
            whole_rows: PROBE_ROWS,
            columns: Some(&[]),
            budget: Budget::default(),
            rows: Vec::new(),
            present_empty: Vec::new(),
            formulas_found: None,
            formula_row: u32::MAX,
            cells: Vec::new(),
        };
        run_ready(self.collect(tab, &mut collector, Some(PROBE_ROWS), &mut |_| std::future::ready(())))?;
        Ok(collector.finish())
    }

    /// Rows from `from_row` on, keeping the `columns` marked (every column when `None`); formulas
    /// without a calculated value in those cells are refused, merged cells fill every row they
    /// span. The merged regions are read only when a cell of `merged` (the columns of texts every
    /// row has, such as the AEI code) is missing: for an .xlsx that is a second pass over the sheet.
    pub async fn read<F, P>(
        &mut self,
        tab: usize,
        from_row: u32,
        columns: Option<&[bool]>,
        merged: &[u32],
        mut pause: P,
    ) -> Result<SheetCells, FileError>
    where
        P: FnMut(Progress) -> F,
        F: Future<Output = ()>,
    {
        let mut collector = Collector {
            from_row,
            whole_rows: 0,
            columns,
            budget: Budget::default(),
            rows: Vec::new(),
            present_empty: Vec::new(),
            formulas_found: None,
            formula_row: from_row,
            cells: Vec::new(),
        };
        self.collect(tab, &mut collector, None, &mut pause).await?;
        let present_empty = std::mem::take(&mut collector.present_empty);
        let formulas_found = collector.formulas_found.take();
        let keep: Option<Vec<bool>> = columns.map(<[bool]>::to_vec);
        let mut rows = collector.finish();
        if !present_empty.is_empty() {
            let cells = match formulas_found {
                Some(found) => found,
                None => self.formulas_without_value(tab, &present_empty)?,
            };
            if !cells.is_empty() {
                return Err(BookError::FormulasWithoutValue(cells).into());
            }
        }
        let merges = self.merges(tab, &rows, merged)?;
        fill_merges(&mut rows, &merges, keep.as_deref());
        Ok(SheetCells { rows })
    }

    /// Every cell of the tab, handed to the collector in order, `limit` rows at most.
    async fn collect<F, P>(&mut self, tab: usize, collector: &mut Collector<'_>, limit: Option<u32>, pause: &mut P) -> Result<(), FileError>
    where
        P: FnMut(Progress) -> F,
        F: Future<Output = ()>,
    {
        let name = self.tabs.get(tab).cloned().ok_or(BookError::NoSheet)?;
        let stop = limit.unwrap_or(u32::MAX);
        let mut next_pause = ROWS_PER_STEP;
        match &mut self.inner {
            Inner::Grid(rows) => {
                let of = Some(rows.len() as u32);
                for (r, cells) in rows.iter().enumerate() {
                    let r = r as u32;
                    if r >= stop {
                        break;
                    }
                    if r >= next_pause {
                        next_pause += ROWS_PER_STEP;
                        pause(Progress { rows: r, of }).await;
                    }
                    for (c, text) in cells.iter().enumerate() {
                        collector.take(r, c as u32, Raw::Text(text))?;
                    }
                    if r >= collector.from_row {
                        collector.row_mut(r).fields = cells.len() as u32;
                    }
                }
            }
            Inner::Xlsx(xlsx) => {
                if self.prefer == SheetReader::Straight && collector.columns.is_some() {
                    if let Some(workbook) = &xlsx.straight {
                        match read_straight(&xlsx.source, workbook, &name, collector, stop, pause).await {
                            Ok(()) => {
                                self.used = Some(SheetReader::Straight);
                                return Ok(());
                            }
                            Err(StraightError::Failed(error)) => return Err(error.into()),
                            Err(StraightError::Declined) => collector.restart(),
                        }
                    }
                }
                self.used = Some(SheetReader::Calamine);
                let pads = xlsx.styles.pads.clone();
                let mut cells = xlsx.calamine()?.worksheet_cells_reader(&name).map_err(xlsx_error)?;
                let dimensions = cells.dimensions();
                let of = (dimensions.end.0 > 0).then_some(dimensions.end.0 + 1);
                while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(xlsx_error)? {
                    let (r, c) = cell.get_position();
                    if r >= stop {
                        break;
                    }
                    if r >= next_pause {
                        next_pause = r + ROWS_PER_STEP;
                        pause(Progress { rows: r, of }).await;
                    }
                    let pad = pads.get(style).copied().unwrap_or(0);
                    let raw = match cell.get_value() {
                        DataRef::Empty => Raw::Empty,
                        DataRef::SharedString(s) => Raw::Text(s),
                        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Raw::Text(s),
                        DataRef::Float(f) => Raw::Number(*f, pad),
                        DataRef::Int(i) => Raw::Number(*i as f64, pad),
                        DataRef::Bool(b) => Raw::Bool(*b),
                        DataRef::DateTime(d) if d.is_datetime() => Raw::Date(d.as_f64(), date_text(d.to_ymd_hms_milli())),
                        DataRef::DateTime(d) => Raw::Number(d.as_f64(), pad),
                        DataRef::Error(e) => Raw::Error(e.to_string()),
                    };
                    collector.take(r, c, raw)?;
                }
            }
            Inner::Xls { book, facts, ranges } => {
                if ranges[tab].is_none() {
                    ranges[tab] = Some(book.worksheet_range(&name).map_err(xls_error)?);
                }
                let range = ranges[tab].as_ref().expect("just read");
                let pad_at = |r: u32, c: u32| {
                    facts.padded.binary_search_by_key(&(tab, r, c), |(at, _)| *at).map_or(0, |i| facts.padded[i].1)
                };
                walk_range(range, stop, collector, pause, |r, c, data| raw_of_data(data, pad_at(r, c))).await?;
            }
            Inner::Ods { book, facts, ranges } => {
                if ranges[tab].is_none() {
                    ranges[tab] = Some(book.worksheet_range(&name).map_err(ods_error)?);
                }
                let range = ranges[tab].as_ref().expect("just read");
                let padded = &facts.padded;
                walk_range(range, stop, collector, pause, |r, c, data| {
                    match padded.binary_search_by_key(&(tab, r, c), |(at, _)| *at) {
                        Ok(i) => Raw::Text(&padded[i].1),
                        Err(_) => raw_of_data(data, 0),
                    }
                })
                .await?;
            }
        }
        Ok(())
    }

    /// Cells (row, column) among `cells` that hold a formula without a calculated value.
    fn formulas_without_value(&mut self, tab: usize, cells: &[(u32, u32)]) -> Result<Vec<(u32, u32)>, FileError> {
        let name = self.tabs[tab].clone();
        let mut found = Vec::new();
        match &mut self.inner {
            Inner::Xlsx(xlsx) => {
                let mut reader = xlsx.calamine()?.worksheet_cells_reader(&name).map_err(xlsx_error)?;
                while let Some(record) = reader.next_cell_with_formula_metadata().map_err(xlsx_error)? {
                    if record.formula.is_some() && matches!(record.value, DataRef::Empty) && cells.contains(&record.pos) {
                        found.push(record.pos);
                    }
                }
            }
            Inner::Ods { book, .. } => {
                let formulas = book.worksheet_formula(&name).map_err(ods_error)?;
                for &(r, c) in cells {
                    if formulas.get_value((r, c)).is_some_and(|f| !f.is_empty()) {
                        found.push((r, c));
                    }
                }
            }
            Inner::Xls { .. } | Inner::Grid(_) => {}
        }
        Ok(found)
    }

    /// The tab's merged regions, read only when a cell of the `merged` columns is missing in some
    /// row (a full pass over an .xlsx sheet, free for .xls, from the pre-scan for .ods).
    fn merges(&mut self, tab: usize, rows: &[SheetRow], merged: &[u32]) -> Result<Vec<Merge>, FileError> {
        let gaps = rows.iter().any(|row| merged.iter().any(|&c| row.get(c).is_none()));
        if !gaps {
            return Ok(Vec::new());
        }
        let name = self.tabs[tab].clone();
        let as_tuple = |d: Dimensions| (d.start.0, d.start.1, d.end.0, d.end.1);
        Ok(match &mut self.inner {
            Inner::Xlsx(xlsx) => xlsx.calamine()?.merge_cells_by_sheet_name(&name).map_err(xlsx_error)?.into_iter().map(as_tuple).collect(),
            Inner::Xls { book, .. } => book.merge_cells_by_sheet_name(&name).map_err(xls_error)?.into_iter().map(as_tuple).collect(),
            Inner::Ods { facts, .. } => facts
                .merges
                .iter()
                .filter(|((t, _, _), _, _)| *t == tab)
                .map(|((_, r, c), rows, columns)| (*r, *c, r + rows.saturating_sub(1), c + columns.saturating_sub(1)))
                .collect(),
            Inner::Grid(_) => Vec::new(),
        })
    }
}

/// Why a straight read stopped: the sheet is not plain (calamine reads it), or a limit.
enum StraightError {
    Declined,
    Failed(BookError),
}

impl From<Declined> for StraightError {
    fn from(_: Declined) -> Self {
        StraightError::Declined
    }
}

/// The kept cells of an .xlsx tab read straight from its XML: a cell in a column not kept is
/// stepped over once its row has something (what the collector would make of it).
async fn read_straight<F, P>(
    source: &[u8],
    workbook: &Workbook,
    tab: &str,
    collector: &mut Collector<'_>,
    stop: u32,
    pause: &mut P,
) -> Result<(), StraightError>
where
    P: FnMut(Progress) -> F,
    F: Future<Output = ()>,
{
    let mut archive = Archive::open(source).map_err(|_| Declined)?;
    let index = workbook.sheet(tab).ok_or(Declined)?;
    let entry = archive.entry(index).map_err(|_| Declined)?;
    let mut sheet = SheetXml::open(entry, &workbook.parts, CHUNK)?;
    let of = sheet.last_row.filter(|&r| r > 0).map(|r| r + 1);
    let width = collector.columns.map_or(0, |keep| keep.len()) as u32;
    let mut next_pause = ROWS_PER_STEP;
    let mut formulas = Vec::new();
    loop {
        let skip = |r: u32, c: u32| r < collector.from_row || (c < width && !collector.keeps(r, c) && collector.has_row(r));
        let Some(cell) = sheet.next_cell(&skip)? else { break };
        let (r, c) = (cell.row, cell.column);
        if r >= stop {
            break;
        }
        if r >= next_pause {
            next_pause = r + ROWS_PER_STEP;
            pause(Progress { rows: r, of }).await;
        }
        if cell.formula && matches!(cell.raw, Raw::Empty) && r >= collector.formula_row && collector.keeps(r, c) {
            formulas.push((r, c));
        }
        collector.take(r, c, cell.raw).map_err(StraightError::Failed)?;
    }
    collector.formulas_found = Some(formulas);
    Ok(())
}

/// The cells of a dense range (an .xls or .ods tab) handed to the collector.
async fn walk_range<'r, F, P>(
    range: &'r Range<Data>,
    stop: u32,
    collector: &mut Collector<'_>,
    pause: &mut P,
    raw: impl Fn(u32, u32, &'r Data) -> Raw<'r>,
) -> Result<(), FileError>
where
    P: FnMut(Progress) -> F,
    F: Future<Output = ()>,
{
    let Some((top, left)) = range.start() else { return Ok(()) };
    let of = range.end().map(|(bottom, _)| bottom + 1);
    let mut next_pause = ROWS_PER_STEP;
    for (r, c, data) in range.used_cells() {
        let (r, c) = (top + r as u32, left + c as u32);
        if r >= stop {
            break;
        }
        if r >= next_pause {
            next_pause = r + ROWS_PER_STEP;
            pause(Progress { rows: r, of }).await;
        }
        collector.take(r, c, raw(r, c, data))?;
    }
    Ok(())
}

/// Gives a merged region's value to every kept cell it spans in the rows read (clamped to them:
/// a region as large as the grid costs only the rows there are).
fn fill_merges(rows: &mut [SheetRow], merges: &[Merge], keep: Option<&[bool]>) {
    let kept = |c: u32| keep.is_none_or(|k| k.get(c as usize).copied().unwrap_or(false));
    for &(top, left, bottom, right) in merges {
        let first = rows.partition_point(|r| r.row < top);
        let Some(value) = rows.get(first).filter(|r| r.row == top).and_then(|r| r.get(left)).cloned() else { continue };
        let end = rows.partition_point(|r| r.row <= bottom);
        for row in &mut rows[first..end] {
            let columns: Vec<u32> = (left..=right.min(left + 1_024)).filter(|&c| kept(c)).collect();
            for c in columns {
                if (row.row, c) != (top, left) && row.get(c).is_none() {
                    let at = row.cells.partition_point(|(col, _)| *col < c);
                    row.cells.insert(at, (c, value.clone()));
                    row.reach = row.reach.max(c + 1);
                }
            }
        }
    }
}

/// Runs a future whose awaits are all ready (pauses that do nothing), without an executor.
pub fn run_ready<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

/// A read whose pauses do nothing: for callers that do not report progress.
pub fn read_now(book: &mut Book, tab: usize, from_row: u32, columns: Option<&[bool]>) -> Result<SheetCells, FileError> {
    run_ready(book.read(tab, from_row, columns, &[], |_| std::future::ready(())))
}
