//! XLSX in and out: Excel's own workbooks read into the AO sheet, every table written with numbers and formats.

use std::str::FromStr;

use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::synthetic::synthetic_workspace;
use ficha::domain::Workspace;
use ficha::io::ao_file::{self, FileError};
use ficha::io::import::preflight::Kind;
use ficha::io::import::BookError;
use ficha::io::limits::MAX_FILE_BYTES;
use ficha::io::ao_sheet::{export_csv, header, parse_rows};
use ficha::io::tables::{ao_sheet, ao_sheet_csv, file_name, sheet_csv, table_sheet, tables_workbook};
use ficha::domain::ficha::TableId;
use ficha::domain::language::NumberFormat;
use ficha::io::office::{write_workbook, Cell, Row, RowKind, Sheet, ZipWriter};
use quick_xml::events::Event;
use proptest::prelude::*;
use rust_decimal::Decimal;
use crate::support::{deflated_zip, entry_text};

// This binary needs only deflated archives of the shared helpers.
#[allow(dead_code)]

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn column(i: usize) -> String {
    ficha::io::office::column_name(i)
}

/// A workbook as Excel saves it: two tabs (the AO sheet first in tab order but stored as sheet2.xml),
/// header names in the shared strings (one in rich-text runs, one with a phonetic guide), a
/// centro de costo typed as the number 7 with the format "00", a boolean, an inline string,
/// a number with binary noise, an empty row 3 and a row 4 whose cells carry no references.
fn excel_workbook() -> Vec<u8> {
    let names = header();
    let mut strings: Vec<String> = names
        .iter()
        .map(|name| match name.as_str() {
            "ao_codigo" => "<si><r><rPr><b/></rPr><t>ao_</t></r><r><t>codigo</t></r></si>".to_string(),
            "ao_nombre" => "<si><t>ao_nombre</t><rPh sb=\"0\" eb=\"1\"><t>エイオー</t></rPh></si>".to_string(),
            _ => format!("<si><t>{name}</t></si>"),
        })
        .collect();
    strings.push("<si><t xml:space=\"preserve\">AOI00106600085</t></si>".to_string());
    let ao_code_index = strings.len() - 1;
    let position = |name: &str| names.iter().position(|n| n == name).unwrap();
    let header_row: String =
        (0..names.len()).map(|i| format!("<c r=\"{}1\" t=\"s\"><v>{i}</v></c>", column(i))).collect();
    let row2 = [
        "<c r=\"A2\" t=\"inlineStr\"><is><t>AEI.08.05</t></is></c>".to_string(),
        format!("<c r=\"{}2\" s=\"1\"><v>7</v></c>", column(position("cc_codigo"))),
        format!("<c r=\"{}2\" t=\"s\"><v>{ao_code_index}</v></c>", column(position("ao_codigo"))),
        format!(
            "<c r=\"{}2\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">SEGUIMIENTO &amp; </t></r><r><t>CON_x0054_ROL</t></r></is></c>",
            column(position("ao_nombre"))
        ),
        format!("<c r=\"{}2\" t=\"str\"><f>UPPER(\"informe\")</f><v>INFORME</v></c>", column(position("unidad_medida"))),
        format!("<c r=\"{}2\" t=\"b\"><v>0</v></c>", column(position("seguimiento_aprobado"))),
        format!("<c r=\"{}2\"><v>1</v></c>", column(position("fis_prog_12"))),
        format!("<c r=\"{}2\"><v>1</v></c>", column(position("fis_ejec_12"))),
        format!("<c r=\"{}2\" s=\"0\"><v>1500.4999999999998</v></c>", column(position("fin_prog_05"))),
        format!("<c r=\"{}2\"><v>2.1E+4</v></c>", column(position("fin_ejec_12"))),
        format!("<c r=\"{}2\" s=\"1\"/>", column(position("fin_ejec_11"))),
    ]
    .concat();
    let row4: String = names
        .iter()
        .map(|name| match name.as_str() {
            "aei_codigo" => "<c t=\"inlineStr\"><is><t>AEI.08.05</t></is></c>".to_string(),
            "cc_codigo" => "<c t=\"inlineStr\"><is><t>07</t></is></c>".to_string(),
            "ao_codigo" => "<c t=\"inlineStr\"><is><t>AOI00106600099</t></is></c>".to_string(),
            "ao_nombre" => "<c t=\"inlineStr\"><is><t>OTRA AO</t></is></c>".to_string(),
            "unidad_medida" => "<c t=\"inlineStr\"><is><t>TALLER</t></is></c>".to_string(),
            "fis_prog_01" => "<c><v>3</v></c>".to_string(),
            _ => "<c/>".to_string(),
        })
        .collect();
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><dimension ref=\"A1:BE4\"/><sheetData><row r=\"1\" spans=\"1:57\">{header_row}</row><row r=\"2\">{row2}</row><row r=\"4\">{row4}</row></sheetData></worksheet>"
    );
    deflated_zip(&[
        ("[Content_Types].xml", "<Types/>".to_string()),
        (
            "xl/workbook.xml",
            format!("<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><bookViews/><sheets><sheet name=\"AO\" sheetId=\"3\" r:id=\"rId7\"/><sheet name=\"Notas\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!("<Relationships><Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId7\" Type=\"{REL}/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>"),
        ),
        ("xl/sharedStrings.xml", format!("<sst xmlns=\"{MAIN}\" count=\"{0}\" uniqueCount=\"{0}\">{1}</sst>", strings.len(), strings.concat())),
        (
            "xl/styles.xml",
            format!("<styleSheet xmlns=\"{MAIN}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"00\"/></numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"164\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"><alignment/></xf></cellXfs></styleSheet>"),
        ),
        ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>notas</t></is></c></row></sheetData></worksheet>".to_string()),
        ("xl/worksheets/sheet2.xml", sheet),
    ])
}

#[test]
fn an_excel_workbook_reads_its_first_tab_with_shared_strings_styles_and_deflate() {
    let rows = ao_file::read_cells(&excel_workbook()).unwrap();
    assert_eq!(rows[0], header(), "rich-text runs joined, phonetic guides left out");
    assert_eq!(rows.len(), 4);
    assert!(rows[2].is_empty(), "row 3 is blank and keeps its place");
    assert!(rows.iter().filter(|r| !r.is_empty()).all(|r| r.len() == 57));
    let sheet = parse_rows(&rows).unwrap();
    let [first, second] = sheet.activities() else { panic!("two AO") };
    assert_eq!((first.code.as_str(), first.cost_center_code.as_str()), (INTEGRITY_AO, "07"));
    assert_eq!(first.name, "SEGUIMIENTO & CONTROL", "runs joined, _x0054_ decoded");
    assert_eq!(first.unit, "INFORME");
    assert!(!first.follow_up_approved, "the boolean FALSO");
    assert_eq!(first.financial.programmed[4], d("1500.5"), "15 significant digits, as Excel shows");
    assert_eq!(first.financial.executed[11], d("21000"));
    assert_eq!((first.physical.programmed[11], first.physical.executed[11]), (d("1"), d("1")));
    assert_eq!((second.code.as_str(), second.cost_center_code.as_str()), ("AOI00106600099", "07"));
    assert_eq!(second.physical.programmed[0], d("3"));
}

#[test]
fn the_ao_sheet_saved_again_by_libreoffice_reads_back_to_the_cent() {
    // tests/fixtures/ao-sheet-libreoffice.xlsx: the reference's AO sheet as exported here, opened
    // and saved as .xlsx by LibreOffice Calc 7.4 (shared strings, its own styles, deflated parts).
    let bytes = include_bytes!("../fixtures/ao-sheet-libreoffice.xlsx");
    let reference = reference_workspace();
    let sheet = parse_rows(&ao_file::read_cells(bytes).unwrap()).unwrap();
    assert_eq!(sheet.activities(), reference.evaluated_version(REFERENCE_VIEW).unwrap().activities.as_slice());
    let mut ws = Workspace::empty(2023);
    ao_file::import(&mut ws, 2023, &sheet).unwrap();
    assert_eq!(ws.cuadro1(REFERENCE_VIEW, "AEI.08.05"), reference.cuadro1(REFERENCE_VIEW, "AEI.08.05"));
}

#[test]
fn prefixed_elements_and_cells_without_references_read() {
    let sheet = format!(
        "<x:worksheet xmlns:x=\"{MAIN}\"><x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row><x:row><x:c r=\"C2\" t=\"e\"><x:v>#DIV/0!</x:v></x:c></x:row></x:sheetData></x:worksheet>"
    );
    let bytes = deflated_zip(&[
        ("xl/workbook.xml", format!("<x:workbook xmlns:x=\"{MAIN}\"><x:sheets><x:sheet name=\"H\" sheetId=\"1\"/></x:sheets></x:workbook>")),
        ("xl/worksheets/sheet1.xml", sheet),
    ]);
    assert_eq!(
        ao_file::read_cells(&bytes).unwrap(),
        vec![vec!["a".to_string(), "1.5".to_string()], vec![String::new(), String::new(), "#DIV/0!".to_string()]]
    );
}

/// A workbook with one sheet of the given rows, all text (numbers written as numbers where they parse).
fn workbook_of(rows: &[Vec<String>]) -> Vec<u8> {
    let rows = rows
        .iter()
        .map(|cells| {
            let cells = cells
                .iter()
                .map(|c| match Decimal::from_str(c) {
                    Ok(n) => Cell::Number(n, NumberFormat::Money),
                    Err(_) if c.is_empty() => Cell::Empty,
                    Err(_) => Cell::Text(c.clone()),
                })
                .collect();
            Row::new(RowKind::Body, cells)
        })
        .collect();
    write_workbook(&[Sheet { name: "AO".into(), rows, merges: Vec::new(), frozen_rows: 0 }])
}

#[test]
fn every_error_of_an_xlsx_names_its_spreadsheet_row_column_and_value() {
    let ws = reference_workspace();
    let mut rows = ficha::io::ao_sheet::export_rows(ws.year(2023).unwrap(), ws.evaluated_version(REFERENCE_VIEW).unwrap());
    let money = rows[0].iter().position(|c| c == "fin_prog_05").unwrap();
    rows[1][money] = "-20".into();
    rows[2][money] = "veinte".into();
    rows[2][4] = rows[1][4].clone();
    rows[2].push("suelta".into());
    let bytes = workbook_of(&rows);
    let errors = parse_rows(&ao_file::read_cells(&bytes).unwrap()).unwrap_err();
    let messages: Vec<String> = errors.errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "Fila 2, columna fin_prog_05: «-20» no puede ser negativo",
            "Fila 3: tiene 58 celdas y el encabezado tiene 57",
        ]
    );
    rows[2].pop();
    let errors = parse_rows(&ao_file::read_cells(&workbook_of(&rows)).unwrap()).unwrap_err();
    let messages: Vec<String> = errors.errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "Fila 2, columna fin_prog_05: «-20» no puede ser negativo",
            "Fila 3, columna ao_codigo: «AOI00106600085» ya figura en la fila 2; cada AO va en una sola fila",
            "Fila 3, columna fin_prog_05: «veinte» no es un número",
        ]
    );
}

#[test]
fn the_reference_ao_sheet_round_trips_through_xlsx_to_the_cent() {
    let reference = reference_workspace();
    let bytes = write_workbook(&[ao_sheet(&reference, REFERENCE_VIEW).unwrap()]);
    assert_eq!(Kind::of(&bytes), Kind::Zip);
    let sheet = parse_rows(&ao_file::read_cells(&bytes).unwrap()).unwrap();
    let mut ws = Workspace::empty(2023);
    assert_eq!(ao_file::target_label(&ws, 2023), "POI 2023 · POI consistente con el PIA (se creará)");
    let summary = ao_file::import(&mut ws, 2023, &sheet).unwrap();
    assert_eq!((summary.added, summary.aeis_created, summary.cost_centers_created), (2, 1, 1));
    let version = ws.evaluated_version(REFERENCE_VIEW).unwrap();
    assert_eq!(version.activities, reference.evaluated_version(REFERENCE_VIEW).unwrap().activities);
    assert_eq!(ws.cuadro1(REFERENCE_VIEW, "AEI.08.05"), reference.cuadro1(REFERENCE_VIEW, "AEI.08.05"));
    let (tabla3, expected) = (ws.tabla3(REFERENCE_VIEW, "AEI.08.05").unwrap(), reference.tabla3(REFERENCE_VIEW, "AEI.08.05").unwrap());
    assert_eq!((tabla3.total_financial_programmed, tabla3.total_financial_executed), (d("650769332"), d("646150876.90")));
    assert_eq!(tabla3, expected);
    assert_eq!(export_csv(ws.year(2023).unwrap(), version), export_csv(reference.year(2023).unwrap(), reference.evaluated_version(REFERENCE_VIEW).unwrap()));
}

#[test]
fn the_ao_sheet_csv_has_a_byte_order_mark_and_reimports() {
    let reference = reference_workspace();
    let text = ao_sheet_csv(&reference, REFERENCE_VIEW).unwrap();
    assert!(text.starts_with("\u{FEFF}aei_codigo,aei_nombre,cc_codigo,"));
    let sheet = parse_rows(&ao_file::read_cells(text.as_bytes()).unwrap()).unwrap();
    let mut ws = Workspace::empty(2023);
    ao_file::import(&mut ws, 2023, &sheet).unwrap();
    assert_eq!(ws.cuadro1(REFERENCE_VIEW, "AEI.08.05"), reference.cuadro1(REFERENCE_VIEW, "AEI.08.05"));
}

#[test]
fn the_import_goes_to_the_latest_version_even_when_an_earlier_one_is_evaluated() {
    let mut ws = reference_workspace();
    assert_eq!(ao_file::target_label(&ws, 2023), "POI 2023 · POI Modificado versión 3");
    let sheet = parse_rows(&ao_file::read_cells(ao_sheet_csv(&reference_workspace(), REFERENCE_VIEW).unwrap().as_bytes()).unwrap()).unwrap();
    let preview = ao_file::preview(&ws, 2023, &sheet);
    assert_eq!((preview.added.len(), preview.replaced.len(), preview.kept.len()), (0, 2, 0));
    let before = ws.years[0].poi.versions[1].clone();
    ao_file::import(&mut ws, 2023, &sheet).unwrap();
    assert_eq!(ws.years[0].poi.versions[1], before, "approved versions are snapshots");
}

#[test]
fn an_import_into_a_year_the_workspace_lacks_creates_it() {
    let mut ws = Workspace::empty(2025);
    let sheet = parse_rows(&ao_file::read_cells(ao_sheet_csv(&reference_workspace(), REFERENCE_VIEW).unwrap().as_bytes()).unwrap()).unwrap();
    assert_eq!(ao_file::preview(&ws, 2024, &sheet).added.len(), 2);
    ao_file::import(&mut ws, 2024, &sheet).unwrap();
    assert_eq!(ws.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2024, 2025]);
    assert_eq!(ws.year(2024).unwrap().poi.versions.len(), 1);
}

#[test]
fn files_that_give_no_cells_are_refused_with_a_message() {
    let mut docx = ZipWriter::new();
    docx.add("word/document.xml", b"<w:document/>");
    let docx = docx.finish();
    let truncated = &excel_workbook()[..200];
    let mut bad_index = ZipWriter::new();
    bad_index.add("xl/workbook.xml", b"<workbook><sheets><sheet name=\"A\"/></sheets></workbook>");
    bad_index.add("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row r=\"1\"><c r=\"B1\" t=\"s\"><v>3</v></c></row></sheetData></worksheet>");
    let bad_index = bad_index.finish();
    let mut bad_reference = ZipWriter::new();
    bad_reference.add("xl/workbook.xml", b"<workbook/>");
    bad_reference.add("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c r=\"AAAA1\"><v>3</v></c></row></sheetData></worksheet>");
    let bad_reference = bad_reference.finish();
    let cases: [(&[u8], &str); 6] = [
        (&docx, "El archivo comprimido no es un libro de Excel (.xlsx): no contiene xl/workbook.xml"),
        (truncated, "No se pudo abrir el libro de Excel: no es un archivo ZIP completo"),
        (&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "El libro está dañado y no se puede leer (no es un libro de Excel 97-2003 completo"),
        (b"aei_codigo,cc_codigo\n\"AEI.01,07\n", "Fila 2: las comillas abiertas en la línea 2 del archivo no se cierran"),
        (&bad_index, "El libro está dañado y no se puede leer (una celda remite a un texto compartido que no existe en el libro)"),
        (&bad_reference, "Celda AAAA1: la columna AAAA pasa del máximo de 1,024 columnas"),
    ];
    for (bytes, says) in cases {
        let error = ao_file::read_cells(bytes).unwrap_err();
        assert!(error.to_string().starts_with(says), "{error}");
    }
    assert!(matches!(ao_file::read_cells(&docx), Err(FileError::Book(BookError::NotWorkbook))));
    let too_large = vec![b'a'; MAX_FILE_BYTES + 1];
    let error = ao_file::read_cells(&too_large).unwrap_err();
    assert_eq!(error, FileError::TooLarge { bytes: MAX_FILE_BYTES + 1 });
    assert!(error.to_string().starts_with("El archivo pesa 20.1 MB y el máximo es 20.0 MB;"));
}

/// An attribute of an element, by name.
fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == name).map(|a| a.value.to_string())
}

/// The style index of a cell and the number format id of that style.
fn number_format_of(bytes: &[u8], sheet: &str, reference: &str) -> (String, String) {
    let xml = entry_text(bytes, sheet);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut style = None;
    let mut value = String::new();
    let mut in_cell = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "c" => {
                in_cell = attribute(&e, "r").as_deref() == Some(reference);
                if in_cell {
                    style = attribute(&e, "s").map(|s| s.parse::<usize>().unwrap());
                }
            }
            Event::Text(text) if in_cell => value.push_str(&text),
            Event::End(e) if e.name().as_ref() == "c" => in_cell = false,
            Event::Eof => break,
            _ => {}
        }
    }
    let styles = entry_text(bytes, "xl/styles.xml");
    let mut reader = quick_xml::Reader::from_str(&styles);
    let mut in_cell_formats = false;
    let mut formats = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "cellXfs" => in_cell_formats = true,
            Event::End(e) if e.name().as_ref() == "cellXfs" => in_cell_formats = false,
            Event::Start(e) | Event::Empty(e) if in_cell_formats && e.name().as_ref() == "xf" => {
                formats.push(attribute(&e, "numFmtId").unwrap())
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (value, formats[style.expect("the cell has a style")].clone())
}

#[test]
fn tables_are_written_with_numbers_as_numbers_and_their_formats() {
    let ws = reference_workspace();
    let bytes = tables_workbook(&ws, REFERENCE_VIEW, "AEI.08.05").unwrap();
    let workbook = entry_text(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("name=\"Cuadro 1\"") && workbook.contains("name=\"Cuadro 2\"") && workbook.contains("name=\"Tabla 3\""));
    let styles = entry_text(&bytes, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"0.0%\"") && styles.contains("<b/>"));
    // Cuadro 1, AEI row: counts, money #,##0.00 (built-in 4), average.
    assert_eq!(number_format_of(&bytes, "xl/worksheets/sheet1.xml", "C4"), ("1".into(), "3".into()));
    assert_eq!(number_format_of(&bytes, "xl/worksheets/sheet1.xml", "E4"), ("21000".into(), "4".into()));
    assert_eq!(number_format_of(&bytes, "xl/worksheets/sheet1.xml", "F4"), ("100".into(), "4".into()));
    // Tabla 3: % de avance stored as the fraction with the 0.0% format; the Total over the whole POI.
    assert_eq!(number_format_of(&bytes, "xl/worksheets/sheet3.xml", "H4"), ("1".into(), "164".into()));
    assert_eq!(number_format_of(&bytes, "xl/worksheets/sheet3.xml", "F5"), ("650769332".into(), "4".into()));
    let (total_progress, format) = number_format_of(&bytes, "xl/worksheets/sheet3.xml", "H5");
    assert_eq!((&total_progress[..6], format.as_str()), ("0.9929", "164"));
    let tabla3 = entry_text(&bytes, "xl/worksheets/sheet3.xml");
    assert!(tabla3.contains("<mergeCell ref=\"A5:E5\"/>") && tabla3.contains("<mergeCell ref=\"C2:E2\"/>"));
    assert!(tabla3.contains("<col min=\"1\" max=\"1\" width=\"63\" customWidth=\"1\"/>"), "the AO name column fits its name");
    assert!(tabla3.contains("<row r=\"4\">"), "so its row needs one line");
    assert!(tabla3.contains("<row r=\"2\" ht=\"28\" customHeight=\"1\">"), "the wrapped header gets two");
}

#[test]
fn each_table_as_csv_prints_as_the_ficha() {
    let ws = reference_workspace();
    let cuadro1 = sheet_csv(&table_sheet(&ws, REFERENCE_VIEW, "AEI.08.05", TableId::Cuadro1).unwrap());
    let lines: Vec<&str> = cuadro1.lines().collect();
    assert_eq!(lines[0], "\u{FEFF}Cuadro 1: Ejecución física de las AO e inversiones vinculadas a la AEI");
    assert_eq!(lines[2], ",,1/,2/,3/,4/");
    assert_eq!(
        lines[3],
        "AEI.08.05,MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO.,1,1,\"21,000.00\",100.00"
    );
    assert_eq!(lines[4], "07,OFICINA NACIONAL Y UNIDADES ZONALES,1,1,\"21,000.00\",100.00");
    assert_eq!(lines.last(), Some(&"Elaboración: Unidad Funcional de Planeamiento y Presupuesto – UFPP."));
    let cuadro2 = sheet_csv(&table_sheet(&ws, REFERENCE_VIEW, "AEI.08.05", TableId::Cuadro2).unwrap());
    assert!(cuadro2.contains("\r\nAEI.08.05,AOI00106600085: SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD,INFORME,1,1,100.0%\r\n"));
    let tabla3 = sheet_csv(&table_sheet(&ws, REFERENCE_VIEW, "AEI.08.05", TableId::Tabla3).unwrap());
    assert!(tabla3.contains("\r\nTotal,,,,,\"650,769,332.00\",\"646,150,876.90\",99.3%\r\n"), "{tabla3}");
    assert!(tabla3.contains("Tabla 3. Avance de ejecución física y financiera del POI Modificado versión 3 al año 2023"));
    assert_eq!(table_sheet(&ws, REFERENCE_VIEW, "AEI.99.99", TableId::Cuadro2), None);
}

/// Text cells starting with each character a spreadsheet reads as a formula, then numbers the
/// exports write (a negative count of days, money, a percentage) and the "no aplica" en dash.
fn cells_that_look_like_formulas() -> Sheet {
    let texts = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "a=b", "–"];
    let mut cells: Vec<Cell> = texts.iter().map(|t| Cell::text(*t)).collect();
    cells.extend([
        Cell::Number(d("-5"), NumberFormat::Count),
        Cell::Number(d("-1234.5"), NumberFormat::Money),
        Cell::Number(d("-7.25"), NumberFormat::Percent),
    ]);
    Sheet { name: "T".into(), rows: vec![Row::new(RowKind::Body, cells)], merges: Vec::new(), frozen_rows: 0 }
}

#[test]
fn a_csv_export_puts_an_apostrophe_before_formula_like_text_and_leaves_numbers() {
    let text = sheet_csv(&cells_that_look_like_formulas());
    assert_eq!(
        text,
        "\u{FEFF}\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",''=x,a=b,–,-5,\"-1,234.50\",-7.3%\r\n"
    );
}

#[test]
fn an_xlsx_export_writes_formula_like_text_as_text_cells_never_as_formulas() {
    let bytes = write_workbook(&[cells_that_look_like_formulas()]);
    let xml = entry_text(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!xml.contains("<f>") && !xml.contains("<f "), "{xml}");
    assert!(xml.contains(r#"t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t></is></c>"#), "{xml}");
    let rows = ao_file::read_cells(&bytes).unwrap();
    assert_eq!(rows[0][..4], ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)"]);
    assert_eq!(rows[0][9..], ["-5", "-1234.5", "-0.0725"]);
}

#[test]
fn file_names_say_what_for_which_aei_and_when() {
    let ws = reference_workspace();
    assert_eq!(file_name(TableId::Cuadro1.label(), &ws, REFERENCE_VIEW, Some("AEI.08.05"), "xlsx"), "Cuadro-1-AEI.08.05-2023.xlsx");
    assert_eq!(file_name("Hoja AO", &ws, REFERENCE_VIEW, None, "csv"), "Hoja-AO-2023-v3.csv");
}

// Speed is measured by `make bench`, not here.
#[test]
fn five_thousand_activities_go_through_xlsx_and_back() {
    let ws = synthetic_workspace(5_000, 40);
    let bytes = write_workbook(&[ao_sheet(&ws, REFERENCE_VIEW).unwrap()]);
    let sheet = parse_rows(&ao_file::read_cells(&bytes).unwrap()).unwrap();
    assert_eq!(sheet.activities(), ws.evaluated_version(REFERENCE_VIEW).unwrap().activities.as_slice());
}

proptest! {
    #[test]
    fn arbitrary_bytes_give_cells_or_an_error_and_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = ao_file::read_cells(&bytes);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend_from_slice(&bytes);
        let _ = ao_file::read_cells(&zipped);
    }

    #[test]
    fn an_arbitrary_sheet_inside_a_workbook_never_panics(sheet in "[<>/=\"' a-zA-Z0-9:&;#_]{0,300}") {
        let bytes = deflated_zip(&[
            ("xl/workbook.xml", "<workbook><sheets><sheet/></sheets></workbook>".to_string()),
            ("xl/sharedStrings.xml", "<sst><si><t>x</t></si></sst>".to_string()),
            ("xl/worksheets/sheet1.xml", sheet),
        ]);
        let _ = ao_file::read_cells(&bytes);
    }

    #[test]
    fn text_cells_read_back_as_written(rows in proptest::collection::vec(proptest::collection::vec("[a-zA-ZñÁ0-9<>&\"' \n_x]{1,12}", 1..5), 1..5)) {
        let sheet_rows = rows.iter().map(|r| Row::new(RowKind::Body, r.iter().map(|c| Cell::Text(c.clone())).collect())).collect();
        let bytes = write_workbook(&[Sheet { name: "T".into(), rows: sheet_rows, merges: Vec::new(), frozen_rows: 0 }]);
        let read = ao_file::read_cells(&bytes).unwrap();
        let width = rows[0].len();
        let expected: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut r = r.clone();
                if r.len() < width {
                    r.resize(width, String::new());
                }
                r
            })
            .collect();
        prop_assert_eq!(read, expected);
    }
}
