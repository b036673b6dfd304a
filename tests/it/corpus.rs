//! Every spreadsheet of tests/fixtures/corpus/ (written by Excel-like tools, LibreOffice, pandas,
//! SheetJS, ExcelJS…) does what its README's "should" column says, through the page's reading.

use std::path::Path;

use ficha::domain::import_memory::ImportMemory;
use ficha::domain::plan::OperativeActivity;
use ficha::io::ao_file::read_file;
use ficha::io::ao_sheet::{Choices, Parsed};
use ficha::io::import::Layout;
use rust_decimal::Decimal;
use serde_json::Value;

const DIR: &str = "tests/fixtures/corpus";

/// What a file should give.
enum Expect {
    /// These AO, exactly (values, codes, names, order), from this JSON.
    Exactly(&'static str),
    /// The AO of this JSON with their names and units as the file holds them (ExcelJS's rich text as
    /// JSON, mojibake LibreOffice wrote): codes and every figure exact.
    FiguresOf(&'static str),
    /// Refused, with a message holding every one of these.
    Refused(&'static [&'static str]),
}

use Expect::{Exactly, FiguresOf, Refused};

const CASES: &[(&str, Expect)] = &[
    ("csv-utf8-lf.csv", Exactly("expected.json")),
    ("csv-utf8-bom-crlf.csv", Exactly("expected.json")),
    ("csv-quote-all.csv", Exactly("expected.json")),
    ("csv-mac-cr.csv", Exactly("expected.json")),
    ("csv-win1252-semicolon-deccomma.csv", Exactly("expected.json")),
    ("csv-win1252-semicolon-thousands.csv", Exactly("expected.json")),
    ("csv-utf8-semicolon-nbsp.csv", Exactly("expected.json")),
    ("csv-semicolon-point.csv", Exactly("expected.json")),
    ("csv-tab.tsv", Exactly("expected.json")),
    ("excel-unicode-text-utf16.txt", Exactly("expected.json")),
    ("csv-currency-soles.csv", Exactly("expected.json")),
    ("csv-currency-soles-es.csv", Exactly("expected.json")),
    ("csv-currency-soles-dot.csv", Exactly("expected.json")),
    ("csv-embedded-newline.csv", Exactly("expected-csv-embedded-newline.csv.json")),
    ("csv-trailing-empty.csv", Exactly("expected.json")),
    ("csv-ragged-trailing.csv", Exactly("expected.json")),
    ("csv-title-row.csv", Exactly("expected.json")),
    ("csv-spaces-around.csv", Exactly("expected.json")),
    ("csv-header-variants.csv", Exactly("expected.json")),
    ("pandas-to_csv-default.csv", Exactly("expected.json")),
    ("pandas-to_csv-es.csv", Exactly("expected.json")),
    ("pandas-to_csv-nan.csv", Exactly("expected.json")),
    ("openpyxl-plain.xlsx", Exactly("expected.json")),
    ("openpyxl-numbers-as-text.xlsx", Exactly("expected.json")),
    ("openpyxl-text-deccomma.xlsx", Exactly("expected.json")),
    ("openpyxl-formats-currency-zeropad-date.xlsx", Exactly("expected.json")),
    ("openpyxl-total-formula-nocache.xlsx", Exactly("expected.json")),
    ("openpyxl-monthly-formula-nocache.xlsx", Refused(&["Celda BE2: tiene una fórmula sin valor calculado; abra y guarde el archivo en Excel"])),
    ("openpyxl-richtext-bool.xlsx", Exactly("expected.json")),
    ("openpyxl-title-merged-groups.xlsx", Exactly("expected.json")),
    ("openpyxl-merged-aei-vertical.xlsx", Exactly("expected-openpyxl-merged-aei-vertical.xlsx.json")),
    ("openpyxl-formatted-empty-trailing.xlsx", Exactly("expected.json")),
    ("openpyxl-stray-space.xlsx", Exactly("expected.json")),
    ("openpyxl-second-sheet.xlsx", Exactly("expected.json")),
    ("openpyxl-data-on-second-tab.xlsx", Exactly("expected.json")),
    ("openpyxl-float-noise.xlsx", Exactly("expected.json")),
    ("pandas-to_excel-default.xlsx", Exactly("expected.json")),
    ("pandas-to_excel-xlsxwriter.xlsx", Exactly("expected.json")),
    ("pandas-to_excel-int-codes.xlsx", Exactly("expected-pandas-to_excel-int-codes.xlsx.json")),
    ("xlsxwriter-plain.xlsx", Exactly("expected.json")),
    ("xlsxwriter-constant-memory.xlsx", Exactly("expected.json")),
    ("xlsxwriter-formulas-with-value.xlsx", Exactly("expected.json")),
    ("xlsxwriter-richtext.xlsx", Exactly("expected.json")),
    ("xlsxwriter-numbers-as-text-and-bool.xlsx", Exactly("expected.json")),
    ("csv-macroman-cr.csv", Exactly("expected.json")),
    ("csv-utf8-one-ansi-byte.csv", Refused(&["El archivo está en UTF-8 pero la fila", "no son UTF-8"])),
    ("csv-sep-line.csv", Exactly("expected.json")),
    ("sheetjs-default.xlsx", Exactly("expected.json")),
    ("sheetjs-sst.xlsx", Exactly("expected.json")),
    ("sheetjs.xls", Exactly("expected.json")),
    ("sheetjs.ods", Exactly("expected.json")),
    ("sheetjs.csv", Exactly("expected.json")),
    ("sheetjs.xlsb", Refused(&[".xlsb", "Guardar como", "(.xlsx)"])),
    ("sheetjs-numfmt.xlsx", Exactly("expected.json")),
    ("exceljs-richtext-formulas.xlsx", Exactly("expected.json")),
    ("exceljs-stream.xlsx", Exactly("expected.json")),
    ("exceljs.csv", FiguresOf("expected.json")),
    ("libreoffice-csv2xlsx-textcodes.xlsx", Exactly("expected.json")),
    ("libreoffice-resave-formats.xlsx", Exactly("expected.json")),
    ("libreoffice-resave-formula.xlsx", Exactly("expected.json")),
    ("libreoffice-resave-merged.xlsx", Exactly("expected-openpyxl-merged-aei-vertical.xlsx.json")),
    ("libreoffice.xls", Exactly("expected.json")),
    ("libreoffice.ods", Exactly("expected.json")),
    ("libreoffice-xlsx2csv-utf8-asshown.csv", Exactly("expected.json")),
    ("libreoffice-xlsx2csv-semicolon-ansi-raw.csv", Exactly("expected-lossy-cc.json")),
    ("libreoffice-es-xlsx2csv-asshown.csv", Exactly("expected.json")),
    ("libreoffice-es-xlsx2csv-raw.csv", Exactly("expected-lossy-cc.json")),
    ("libreoffice-es-csv2xlsx.xlsx", Exactly("expected.json")),
    ("libreoffice-csv2xlsx-C-locale-mojibake.xlsx", FiguresOf("expected-lossy-cc.json")),
    ("libreoffice-csv2xlsx-utf8-autodetect.xlsx", Exactly("expected-lossy-cc.json")),
    ("craft-excel-like.xlsx", Exactly("expected.json")),
    ("craft-prefixed-x.xlsx", Exactly("expected.json")),
    ("craft-strict-ooxml.xlsx", Exactly("expected.json")),
    ("craft-tab-order-sheet2-first.xlsx", Exactly("expected.json")),
    ("craft-no-r-attributes.xlsx", Exactly("expected.json")),
    ("craft-backslash-paths.xlsx", Exactly("expected.json")),
    ("craft-data-descriptors.xlsx", Exactly("expected.json")),
    ("craft-zip64.xlsx", Exactly("expected.json")),
    ("craft-stored.xlsx", Exactly("expected.json")),
    ("craft-bom-phonetic-spaces.xlsx", Exactly("expected.json")),
    ("craft-inline-sci.xlsx", Exactly("expected.json")),
    ("craft-error-cell.xlsx", Refused(&["columna fin_ejec_12: «#DIV/0!» es un error de Excel"])),
    ("craft-no-styles-no-rels.xlsx", Exactly("expected.json")),
    ("craft-float-residues.xlsx", Exactly("expected.json")),
    ("craft-zip64-real.xlsx", Exactly("expected.json")),
    ("excel-password-protected.xlsx", Refused(&["protegido con contraseña"])),
];

/// An AO as the expected JSON writes it.
fn as_json(ao: &OperativeActivity) -> Value {
    let months = |values: &[Decimal; 12]| Value::Array(values.iter().map(|v| Value::String(v.normalize().to_string())).collect());
    serde_json::json!({
        "code": ao.code, "name": ao.name, "unit": ao.unit, "aei": ao.aei_code, "cc": ao.cost_center_code,
        "cat": ao.budget_category_code, "fu": ao.follow_up_approved,
        "fp": months(&ao.physical.programmed), "fe": months(&ao.physical.executed),
        "mp": months(&ao.financial.programmed), "me": months(&ao.financial.executed),
    })
}

fn expected(name: &str) -> Vec<Value> {
    serde_json::from_slice(&std::fs::read(Path::new(DIR).join(name)).unwrap()).unwrap()
}

/// What the file gives: its AO as JSON, or the refusal's lines.
fn read(file: &str) -> Result<(Layout, Vec<Value>), Vec<String>> {
    let bytes = std::fs::read(Path::new(DIR).join(file)).unwrap();
    match read_file(&bytes, &ImportMemory::default(), &Choices::default()) {
        Ok((recognition, Parsed::Sheet(sheet))) => Ok((recognition.layout, sheet.activities().iter().map(as_json).collect())),
        Ok((_, Parsed::Ask(question))) => Err(vec![format!("asks {question:?}")]),
        Err(refusal) => Err(refusal.messages()),
    }
}

#[test]
fn every_corpus_file_does_what_its_readme_says() {
    let mut failures = Vec::new();
    for (file, expect) in CASES {
        let outcome = read(file);
        let failure = match (expect, outcome) {
            (Exactly(json), Ok((layout, got))) => {
                let want = expected(json);
                if layout != Layout::FichaSheet {
                    Some(format!("recognised as {layout:?}"))
                } else if got.len() != want.len() {
                    Some(format!("{} AO, expected {}", got.len(), want.len()))
                } else {
                    got.iter().zip(&want).find(|(g, w)| g != w).map(|(g, w)| format!("got {g}\n   expected {w}"))
                }
            }
            (FiguresOf(json), Ok((_, got))) => {
                let strip = |mut v: Value| {
                    let object = v.as_object_mut().unwrap();
                    object.remove("name");
                    object.remove("unit");
                    v
                };
                let want: Vec<Value> = expected(json).into_iter().map(strip).collect();
                let got: Vec<Value> = got.into_iter().map(strip).collect();
                (got != want).then(|| format!("figures differ: {:?}", got.iter().zip(&want).find(|(g, w)| g != w)))
            }
            (Refused(says), Err(messages)) => {
                let all = messages.join("\n");
                says.iter().find(|s| !all.contains(*s)).map(|s| format!("refused without «{s}»: {all}"))
            }
            (Refused(_), Ok(_)) => Some("imported, should be refused".to_string()),
            (_, Err(messages)) => Some(format!("refused: {}", messages.join(" | "))),
        };
        if let Some(failure) = failure {
            failures.push(format!("{file}: {failure}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} files:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn every_spreadsheet_of_the_corpus_is_in_the_table() {
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| !name.starts_with("expected") && name != "README.md")
        .collect();
    files.sort();
    let listed: Vec<&str> = CASES.iter().map(|(file, _)| *file).collect();
    // Each of these has a test of its own below.
    let own_test = ["excel-issue530-backslash.xlsx", "xlsxwriter-formulas-cached0.xlsx"];
    let missing: Vec<&String> = files.iter().filter(|f| !listed.contains(&f.as_str()) && !own_test.contains(&f.as_str())).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn a_workbook_of_another_layout_opens_and_asks_for_its_columns() {
    // calamine's own test file: backslash part names, a Chinese tab, no AO header.
    let bytes = std::fs::read(Path::new(DIR).join("excel-issue530-backslash.xlsx")).unwrap();
    let opened = ficha::io::ao_file::open(&bytes, &ImportMemory::default()).unwrap();
    assert_eq!(opened.recognition.layout, Layout::Other);
    assert!(opened.recognition.needs_mapping());
    assert_eq!(opened.recognition.tab_name, "出勤分类组织汇总表");
}

#[test]
fn a_cached_zero_imports_as_zero_and_a_readme_rule_holds_for_it() {
    // xlsxwriter-formulas-cached0.xlsx: fin_ejec_12 is a formula whose cached result is 0.
    let (_, got) = read("xlsxwriter-formulas-cached0.xlsx").unwrap();
    let want = expected("expected.json");
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g["me"][11], "0");
        assert_eq!(g["code"], w["code"]);
        assert_eq!(g["mp"], w["mp"]);
    }
}
