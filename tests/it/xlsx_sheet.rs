//! The straight read of an .xlsx sheet (crates/sheet-xml) gives exactly the cells
//! calamine gives (the top rows the recognition looks at, and the columns an import reads), for
//! every workbook of the corpus and for the CEPLAN exports the tests write, and it is the reader
//! used for plainly written workbooks; the tabs are calamine's.

use std::path::Path;

use ficha::domain::import_memory::ImportMemory;
use ficha::io::ao_file::{open, Opened};
use ficha::io::import::workbook::{run_ready, Book, SheetCells, SheetRow};
use ficha::io::import::{FileError, SheetReader};

use super::ceplan::book;

const CORPUS: &str = "tests/fixtures/corpus";

fn opened(bytes: &[u8], reader: SheetReader) -> Option<Opened> {
    let mut opened = open(bytes, &ImportMemory::default()).ok()?;
    opened.book.prefer(reader);
    Some(opened)
}

/// The rows the import reads (the mapped columns) and every column of the tab, by one reader.
fn reads(bytes: &[u8], reader: SheetReader) -> Option<(Result<SheetCells, FileError>, Result<SheetCells, FileError>, Option<SheetReader>)> {
    let mut import = opened(bytes, reader)?;
    let mapping = import.recognition.mapping.clone();
    let mapped = run_ready(import.read(&mapping, |_| std::future::ready(())));
    let used = import.book.used();
    let mut whole = opened(bytes, reader)?;
    let tab = whole.recognition.tab;
    let every_column = vec![true; 1_024];
    let all = run_ready(whole.book.read(tab, 0, Some(&every_column), &[], |_| std::future::ready(())));
    Some((mapped, all, used))
}

/// Both readers' reads of a file, asserted equal; the reader the import used.
fn same_cells(name: &str, bytes: &[u8]) -> Option<SheetReader> {
    let straight = reads(bytes, SheetReader::Straight)?;
    let calamine = reads(bytes, SheetReader::Calamine)?;
    assert_eq!(straight.0, calamine.0, "{name}: the mapped columns");
    assert_eq!(straight.1, calamine.1, "{name}: every column");
    assert_eq!(calamine.2, Some(SheetReader::Calamine), "{name}");
    straight.2
}

/// The tabs and the top rows of each tab, as the recognition sees them, by one reader.
fn probes(bytes: &[u8], reader: SheetReader) -> Option<(Vec<String>, Vec<(Result<Vec<SheetRow>, FileError>, Option<SheetReader>)>)> {
    let mut book = Book::open(bytes).ok()?;
    book.prefer(reader);
    let tabs = book.tabs().to_vec();
    let rows = (0..tabs.len()).map(|tab| (book.probe(tab), book.used())).collect();
    Some((tabs, rows))
}

/// The probes of both readers, asserted equal; whether every tab was probed straight.
fn same_probes(name: &str, bytes: &[u8]) -> bool {
    let straight = probes(bytes, SheetReader::Straight);
    let calamine = probes(bytes, SheetReader::Calamine);
    let rows = |p: &Option<(Vec<String>, Vec<(Result<Vec<SheetRow>, FileError>, Option<SheetReader>)>)>| {
        p.as_ref().map(|(tabs, rows)| (tabs.clone(), rows.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>()))
    };
    assert_eq!(rows(&straight), rows(&calamine), "{name}: the tabs and their top rows");
    straight.is_some_and(|(_, rows)| rows.iter().all(|(_, used)| *used == Some(SheetReader::Straight)))
}

#[test]
fn every_corpus_workbook_reads_the_same_cells_either_way() {
    let mut straight = Vec::new();
    let mut probed_straight = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(CORPUS).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "xlsx")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        if same_probes(&name, &bytes) {
            probed_straight.push(name.clone());
        }
        // calamine's own list of tabs, where it opens the file as it is.
        if let Ok(whole) = <calamine::Xlsx<_> as calamine::Reader<_>>::new(std::io::Cursor::new(bytes.clone())) {
            let tabs = Book::open(&bytes).unwrap().tabs().to_vec();
            assert_eq!(tabs, calamine::Reader::sheet_names(&whole), "{name}: the tabs");
        }
        if same_cells(&name, &bytes) == Some(SheetReader::Straight) {
            straight.push(name);
        }
    }
    // Excel's, openpyxl's and LibreOffice's plain workbooks are read straight; prefixed
    // namespaces, Office escapes and cells without a reference go to calamine.
    for expected in ["craft-excel-like.xlsx", "openpyxl-plain.xlsx", "openpyxl-merged-aei-vertical.xlsx"] {
        assert!(straight.iter().any(|n| n == expected), "{expected} not read straight: {straight:?}");
        assert!(probed_straight.iter().any(|n| n == expected), "{expected} not probed straight: {probed_straight:?}");
    }
    for declined in ["craft-prefixed-x.xlsx", "craft-no-r-attributes.xlsx"] {
        assert!(!straight.iter().any(|n| n == declined), "{declined} read straight");
    }
    assert!(Path::new(CORPUS).join("craft-prefixed-x.xlsx").exists());
}

#[test]
fn a_ceplan_export_is_read_straight_with_the_cells_calamine_reads() {
    let mut export = book();
    export.tab_before = true;
    let bytes = export.xlsx();
    assert!(same_probes("CEPLAN", &bytes), "the export's tabs are probed straight");
    assert_eq!(same_cells("CEPLAN", &bytes), Some(SheetReader::Straight));
}
