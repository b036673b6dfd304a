//! The straight read of an .xlsx sheet (src/io/import/xlsx_sheet.rs) gives exactly the cells
//! calamine gives, for every workbook of the corpus and for the CEPLAN exports the tests write,
//! and it is the reader used for plainly written workbooks.

use std::path::Path;

use ficha::domain::import_memory::ImportMemory;
use ficha::io::ao_file::{open, Opened};
use ficha::io::import::workbook::{run_ready, SheetCells};
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

#[test]
fn every_corpus_workbook_reads_the_same_cells_either_way() {
    let mut straight = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(CORPUS).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "xlsx")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if same_cells(&name, &std::fs::read(path).unwrap()) == Some(SheetReader::Straight) {
            straight.push(name);
        }
    }
    // Excel's, openpyxl's and LibreOffice's plain workbooks are read straight; prefixed
    // namespaces, Office escapes and cells without a reference go to calamine.
    for expected in ["craft-excel-like.xlsx", "openpyxl-plain.xlsx", "openpyxl-merged-aei-vertical.xlsx"] {
        assert!(straight.iter().any(|n| n == expected), "{expected} not read straight: {straight:?}");
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
    assert_eq!(same_cells("CEPLAN", &export.xlsx()), Some(SheetReader::Straight));
}
