//! Hostile and oversized files through the importers' one entry point (`ao_file::read_cells`): each is refused at its limit (docs/FILE-LIMITS.md) with a Spanish message, before it is allocated, and a real sheet passes.

use ficha::io::ao_file::{read_cells, FileError};
use ficha::io::import::{ArchiveError, BookError};
use ficha::io::limits::{
    MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_ROWS, MAX_SHARED_STRINGS, MAX_STYLES,
    MAX_TEXT_BYTES,
};
use ficha::io::office::{column_name, crc32, ZipWriter};
use crate::support::{deflate_repeated, inflate, zip_of, RawEntry};

// This binary builds its archives entry by entry, without the shared `deflated_zip`.
#[allow(dead_code)]

const MIB: usize = 1_048_576;

/// A workbook of stored entries: the sheet's rows and, when given, the shared strings and styles.
fn workbook(rows: &str, shared_strings: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut zip = ZipWriter::new();
    zip.add("xl/workbook.xml", b"<workbook/>");
    if let Some(text) = shared_strings {
        zip.add("xl/sharedStrings.xml", text.as_bytes());
    }
    if let Some(text) = styles {
        zip.add("xl/styles.xml", text.as_bytes());
    }
    zip.add("xl/worksheets/sheet1.xml", format!("<worksheet><sheetData>{rows}</sheetData></worksheet>").as_bytes());
    zip.finish()
}

/// A row holding one inline string at `reference`.
fn text_row(row: usize, reference: &str, text: &str) -> String {
    format!("<row r=\"{row}\"><c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c></row>")
}

/// Rows 1 to `count`, each using shared string 0 in column A.
fn shared_uses(count: usize) -> String {
    (1..=count).map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>")).collect()
}

fn refusal(bytes: &[u8]) -> String {
    read_cells(bytes).unwrap_err().to_string()
}

const ROWS_REFUSED: &str = "el archivo pasa del máximo de 100,000 filas (las filas vacías también cuentan); importe la hoja en partes";

#[test]
fn a_csv_of_blank_lines_is_refused_at_the_row_limit() {
    let blank_lines = vec![b'\n'; 2_600_000];
    assert_eq!(refusal(&blank_lines), format!("Fila 100,001: {ROWS_REFUSED}"));
    assert_eq!(read_cells(&blank_lines[..MAX_ROWS]).unwrap().len(), MAX_ROWS);
    assert_eq!(refusal(&blank_lines[..MAX_ROWS + 1]), format!("Fila 100,001: {ROWS_REFUSED}"));
}

#[test]
fn a_cell_at_row_1048576_is_refused_and_an_empty_one_there_is_not() {
    assert_eq!(refusal(&workbook(&text_row(1_048_576, "A1048576", "x"), None, None)), format!("Fila 1,048,576: {ROWS_REFUSED}"));
    // The import page's path (recognise the header, then read) refuses it by the same limit, not as "empty".
    let opened = ficha::io::ao_file::open(&workbook(&text_row(1_048_576, "A1048576", "x"), None, None), &Default::default());
    assert_eq!(opened.err().map(|e| e.to_string()), Some(format!("Fila 1,048,576: {ROWS_REFUSED}")));
    let styled_but_empty = format!("{}<row r=\"1048576\"><c r=\"A1048576\" s=\"1\"/></row>", text_row(1, "A1", "x"));
    assert_eq!(read_cells(&workbook(&styled_but_empty, None, None)).unwrap(), vec![vec!["x".to_string()]]);
    assert_eq!(read_cells(&workbook(&text_row(MAX_ROWS, "A100000", "x"), None, None)).unwrap().len(), MAX_ROWS);
    assert_eq!(refusal(&workbook(&text_row(MAX_ROWS + 1, "A100001", "x"), None, None)), format!("Fila 100,001: {ROWS_REFUSED}"));
}

#[test]
fn a_cell_at_column_xfd_is_refused_and_amj_is_the_last_column_read() {
    let xfd = format!("{}{}", text_row(1, "A1", "aei_codigo"), text_row(2, "XFD2", "x"));
    assert_eq!(refusal(&workbook(&xfd, None, None)), "Celda XFD2: la columna XFD pasa del máximo de 1,024 columnas (la última es la AMJ)");
    assert_eq!(read_cells(&workbook(&text_row(1, "AMJ1", "x"), None, None)).unwrap()[0].len(), MAX_COLUMNS);
    assert_eq!(refusal(&workbook(&text_row(1, "AMK1", "x"), None, None)), "Celda AMK1: la columna AMK pasa del máximo de 1,024 columnas (la última es la AMJ)");
    let csv_row = ",".repeat(MAX_COLUMNS - 1);
    assert_eq!(read_cells(csv_row.as_bytes()).unwrap()[0].len(), MAX_COLUMNS);
    assert_eq!(refusal(format!("a\n{csv_row},").as_bytes()), "Celda AMK2: la columna AMK pasa del máximo de 1,024 columnas (la última es la AMJ)");
}

#[test]
fn a_number_format_of_65536_zeros_is_refused_and_one_of_255_pads() {
    let styles = |zeros: usize| {
        format!(
            "<styleSheet><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"{}\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>",
            "0".repeat(zeros)
        )
    };
    let seven = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>7</v></c></row>";
    assert_eq!(
        refusal(&workbook(seven, None, Some(&styles(65_536)))),
        "El libro tiene un formato de número de 65,536 caracteres y el máximo es 255"
    );
    assert_eq!(read_cells(&workbook(seven, None, Some(&styles(255)))).unwrap()[0][0], format!("{}7", "0".repeat(254)));
    assert_eq!(
        refusal(&workbook(seven, None, Some(&styles(256)))),
        "El libro tiene un formato de número de 256 caracteres y el máximo es 255"
    );
}

#[test]
fn more_styles_or_number_formats_than_the_limit_are_refused() {
    let seven = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>7</v></c></row>";
    let cell_styles = |n: usize| format!("<styleSheet><cellXfs>{}</cellXfs></styleSheet>", "<xf numFmtId=\"0\"/>".repeat(n));
    assert_eq!(read_cells(&workbook(seven, None, Some(&cell_styles(MAX_STYLES)))).unwrap()[0][0], "7");
    let refused = "El libro pasa del máximo de 65,536 formatos de número o estilos de celda";
    assert_eq!(refusal(&workbook(seven, None, Some(&cell_styles(MAX_STYLES + 1)))), refused);
    let formats = format!("<styleSheet><numFmts>{}</numFmts></styleSheet>", "<numFmt numFmtId=\"164\" formatCode=\"00\"/>".repeat(MAX_STYLES + 1));
    assert_eq!(refusal(&workbook(seven, None, Some(&formats))), refused);
}

#[test]
fn a_10_mib_shared_string_reused_2000_times_is_refused_before_any_copy() {
    let shared = format!("<sst><si><t>{}</t></si></sst>", "a".repeat(10 * MIB));
    assert_eq!(
        refusal(&workbook(&shared_uses(2_000), Some(&shared), None)),
        "El texto compartido n.° 1 del libro pasa del máximo de 32,767 caracteres de una celda"
    );
}

#[test]
fn a_shared_string_as_long_as_a_cell_reads_and_each_use_counts_against_the_text_budget() {
    let longest = "ñ".repeat(MAX_CELL_CHARS);
    let shared = format!("<sst><si><t>x</t></si><si><r><t>{}</t></r><r><t>{}</t></r></si></sst>", &longest[..2], &longest[2..]);
    let uses = |count: usize| {
        (1..=count).map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>1</v></c></row>")).collect::<String>()
    };
    let fit = MAX_TEXT_BYTES / longest.len();
    let rows = read_cells(&workbook(&uses(fit), Some(&shared), None)).unwrap();
    assert_eq!((rows.len(), rows[fit - 1][0].len()), (fit, longest.len()));
    drop(rows);
    assert_eq!(
        refusal(&workbook(&uses(fit + 1), Some(&shared), None)),
        "Los textos de las celdas pasan del máximo de 128.0 MB por archivo (un texto compartido cuenta cada vez que se usa)"
    );
    let one_more = format!("<sst><si><t>x</t></si><si><t>{longest}a</t></si></sst>");
    assert_eq!(
        refusal(&workbook(&uses(1), Some(&one_more), None)),
        "El texto compartido n.° 2 del libro pasa del máximo de 32,767 caracteres de una celda"
    );
}

#[test]
fn a_cell_holds_as_many_characters_as_excel_allows_and_an_escape_is_one() {
    let escaped = "_x000D_".repeat(MAX_CELL_CHARS);
    let rows = read_cells(&workbook(&text_row(1, "A1", &escaped), None, None)).unwrap();
    assert_eq!(rows[0][0], "\r".repeat(MAX_CELL_CHARS));
    let refused = "Celda B2: el texto pasa del máximo de 32,767 caracteres de una celda";
    let longer = format!("{}{}", text_row(1, "A1", "h"), text_row(2, "B2", &format!("{escaped}a")));
    assert_eq!(refusal(&workbook(&longer, None, None)), refused);
    let plain = format!("{}{}", text_row(1, "A1", "h"), text_row(2, "B2", &"ñ".repeat(MAX_CELL_CHARS + 1)));
    assert_eq!(refusal(&workbook(&plain, None, None)), refused);
    let longest = "ñ".repeat(MAX_CELL_CHARS);
    assert_eq!(read_cells(format!("h,h\n\"\",{longest}").as_bytes()).unwrap()[1][1], longest);
    assert_eq!(refusal(format!("h,h\n\"\",{longest}ñ").as_bytes()), refused);
}

#[test]
fn cells_are_counted_with_each_row_as_wide_as_the_header() {
    let header = text_row(1, &format!("{}1", column_name(999)), "h");
    let rows = |count: usize| -> String { (2..=count + 1).map(|r| text_row(r, &format!("A{r}"), "x")).collect() };
    let cells = read_cells(&workbook(&format!("{header}{}", rows(9_999)), None, None)).unwrap();
    assert_eq!(cells.iter().map(Vec::len).sum::<usize>(), MAX_CELLS);
    drop(cells);
    let refused = "El archivo pasa del máximo de 10,000,000 celdas (filas por columnas hasta la última con datos); importe la hoja en partes";
    assert_eq!(refusal(&workbook(&format!("{header}{}", rows(10_000)), None, None)), refused);
    // In a CSV every field is a cell.
    let csv = format!("{}\n", ",".repeat(999)).repeat(10_000);
    assert_eq!(refusal(format!("{csv}x").as_bytes()), refused);
}

#[test]
fn the_bomb_writer_inflates_to_what_it_says() {
    let data = deflate_repeated(b"<sst>", b"<si/>", 1_000, b"</sst>");
    let expected = format!("<sst>{}</sst>", "<si/>".repeat(1_000));
    assert_eq!(inflate(&data), expected.as_bytes());
    assert!(data.len() < expected.len() / 20, "{} bytes", data.len());
}

/// A deflated entry that inflates to `prefix`, `unit` × `times`, `suffix`, declaring `size` bytes
/// (its true size when `None`) and a CRC-32 of 0.
fn bomb(name: &str, (prefix, unit, times, suffix): (&str, &str, usize, &str), size: Option<usize>) -> RawEntry {
    let inflated = prefix.len() + unit.len() * times + suffix.len();
    RawEntry {
        name: name.to_string(),
        method: 8,
        data: deflate_repeated(prefix.as_bytes(), unit.as_bytes(), times, suffix.as_bytes()),
        crc: 0,
        size: size.unwrap_or(inflated) as u32,
    }
}

const CORRUPT: &str = "No se pudo abrir el libro de Excel: el contenido comprimido está dañado (no coincide con el tamaño o la suma de verificación que declara)";

#[test]
fn a_zip_bomb_is_refused_from_its_directory_and_no_entry_inflates_past_its_declared_size() {
    let strings = bomb("xl/sharedStrings.xml", ("<sst><si><t>", "a", 150 * MIB, "</t></si></sst>"), None);
    let row = "<row><c t=\"s\"><v>0</v></c></row>";
    let rows = ("<worksheet><sheetData>", row, 150 * MIB / row.len(), "</sheetData></worksheet>");
    let sheet = bomb("xl/worksheets/sheet1.xml", rows, None);
    let bytes = zip_of(&[RawEntry::stored("xl/workbook.xml", b"<workbook/>"), strings, sheet]);
    assert!(bytes.len() < 3 * MIB, "{} bytes", bytes.len());
    assert_eq!(
        refusal(&bytes),
        "No se pudo abrir el libro de Excel: su contenido ocupa 300.1 MB descomprimido y el máximo es 256.0 MB por archivo"
    );
    let lying = bomb("xl/worksheets/sheet1.xml", rows, Some(1_024));
    assert_eq!(refusal(&zip_of(&[RawEntry::stored("xl/workbook.xml", b"<workbook/>"), lying])), CORRUPT);
    let stored_lying = RawEntry { size: 3, ..RawEntry::stored("xl/workbook.xml", b"<workbook/>") };
    assert_eq!(refusal(&zip_of(&[stored_lying])), CORRUPT);
}

#[test]
fn the_inflated_budget_sums_every_entry_and_takes_its_limit() {
    let sheet = format!("<worksheet><sheetData>{}</sheetData></worksheet>", text_row(1, "A1", "x"));
    let parts = |padding: u64| {
        let mut image = RawEntry::stored("xl/media/image1.png", b"png");
        image.size = padding as u32;
        zip_of(&[
            RawEntry::stored("xl/workbook.xml", b"<workbook/>"),
            RawEntry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()),
            image,
        ])
    };
    let room = MAX_INFLATED_BYTES - "<workbook/>".len() as u64 - sheet.len() as u64;
    assert_eq!(read_cells(&parts(room)).unwrap(), vec![vec!["x".to_string()]]);
    assert_eq!(
        refusal(&parts(room + 1)),
        "No se pudo abrir el libro de Excel: su contenido ocupa 256.1 MB descomprimido y el máximo es 256.0 MB por archivo"
    );
    assert!(matches!(read_cells(&parts(room + 1)), Err(FileError::Book(BookError::Archive(ArchiveError::TooLarge { .. })))));
}

#[test]
fn a_shared_string_table_takes_its_limit_of_strings_and_no_more() {
    let table = |count: usize| {
        let text = format!("<sst>{}</sst>", "<si/>".repeat(count));
        RawEntry { crc: crc32(text.as_bytes()), ..bomb("xl/sharedStrings.xml", ("<sst>", "<si/>", count, "</sst>"), None) }
    };
    let sheet = format!("<worksheet><sheetData>{}</sheetData></worksheet>", text_row(1, "A1", "x"));
    let file = |count| {
        zip_of(&[
            RawEntry::stored("xl/workbook.xml", b"<workbook/>"),
            table(count),
            RawEntry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ])
    };
    assert_eq!(read_cells(&file(MAX_SHARED_STRINGS)).unwrap(), vec![vec!["x".to_string()]]);
    assert_eq!(refusal(&file(MAX_SHARED_STRINGS + 1)), "El libro pasa del máximo de 2,097,152 textos distintos (textos compartidos)");
}

#[test]
fn the_file_size_limit_still_applies_before_anything_is_read() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.resize(MAX_FILE_BYTES, 0);
    assert_eq!(read_cells(&bytes), Err(FileError::Book(BookError::Archive(ArchiveError::NotZip))));
    bytes.push(0);
    assert_eq!(read_cells(&bytes), Err(FileError::TooLarge { bytes: MAX_FILE_BYTES + 1 }));
    assert_eq!(
        refusal(&bytes),
        "El archivo pesa 20.1 MB y el máximo es 20.0 MB; impórtelo en partes (lo que no está en el archivo se mantiene)"
    );
}

#[test]
fn a_csv_of_15000_rows_and_280_columns_is_within_every_limit() {
    let line = format!("{}1\n", "1,".repeat(279));
    let csv = line.repeat(15_000);
    assert!(csv.len() < MAX_FILE_BYTES);
    let rows = read_cells(csv.as_bytes()).unwrap();
    assert_eq!((rows.len(), rows[14_999].len()), (15_000, 280));
}

/// An .ods of one tab whose content is `rows` (table rows), stored.
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="A">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#;
    zip_of(&[
        RawEntry::stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        RawEntry::stored("content.xml", content.as_bytes()),
        RawEntry::stored("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

#[test]
fn an_ods_row_repeated_a_million_times_is_refused_before_calamine_lays_it_out() {
    let row = |repeat: usize| {
        format!(r#"<table:table-row table:number-rows-repeated="{repeat}"><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#)
    };
    assert_eq!(read_cells(&ods(&row(MAX_ROWS))).unwrap().len(), MAX_ROWS);
    assert_eq!(refusal(&ods(&row(1_000_000))), format!("Fila 100,001: {ROWS_REFUSED}"));
    let wide = r#"<table:table-row table:number-rows-repeated="5000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#;
    assert_eq!(
        refusal(&ods(wide)),
        "El libro pasa del máximo de 4,500,000 celdas (filas por columnas de todas sus hojas, hasta la última con datos); guárdelo como libro de Excel (.xlsx) o impórtelo en partes"
    );
}

#[test]
fn a_shared_string_count_declared_past_the_limit_is_refused_before_calamine_reserves_it() {
    let shared = r#"<sst uniqueCount="4611686018427387903"><si><t>x</t></si></sst>"#;
    assert_eq!(
        refusal(&workbook(&shared_uses(1), Some(shared), None)),
        "El libro pasa del máximo de 2,097,152 textos distintos (textos compartidos)"
    );
}

#[test]
fn more_fonts_than_the_style_limit_are_refused() {
    let seven = "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>";
    let fonts = |n: usize| format!("<styleSheet><fonts>{}</fonts><cellXfs><xf numFmtId=\"0\"/></cellXfs></styleSheet>", "<font/>".repeat(n));
    assert_eq!(read_cells(&workbook(seven, None, Some(&fonts(MAX_STYLES)))).unwrap()[0][0], "7");
    assert_eq!(refusal(&workbook(seven, None, Some(&fonts(MAX_STYLES + 1)))), "El libro pasa del máximo de 65,536 formatos de número o estilos de celda");
}

#[test]
fn an_xls_cell_moved_to_the_end_of_the_grid_is_refused_before_calamine_lays_the_tab_out() {
    let original = std::fs::read("tests/fixtures/corpus/libreoffice.xls").unwrap();
    assert!(read_cells(&original).is_ok());
    // The first text cell record (LABELSST, 0x00FD) of LibreOffice's file, moved to row 65,536, column IV.
    let at = original.windows(4).position(|w| w == [0xFD, 0x00, 0x0A, 0x00]).unwrap() + 4;
    let mut moved = original.clone();
    moved[at..at + 4].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0x00]);
    assert_eq!(
        refusal(&moved),
        "El libro pasa del máximo de 4,500,000 celdas (filas por columnas de todas sus hojas, hasta la última con datos); guárdelo como libro de Excel (.xlsx) o impórtelo en partes"
    );
    // A DIMENSIONS record that claims 2^32 rows.
    let at = original.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]).unwrap() + 4;
    let mut huge = original;
    huge[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(refusal(&huge), format!("Fila 100,001: {ROWS_REFUSED}"));
}
