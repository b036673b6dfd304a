//! The AO follow-up sheet: reading every accepted shape, refusing with every error, importing and exporting.

use std::str::FromStr;
use std::time::Instant;

use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW, REST_OF_POI};
use ficha::domain::import_memory::ImportMemory;
use ficha::domain::language::{DecimalMark, NumberError};
use ficha::domain::plan::{Aei, Amendment, CostCenter, Indicator, OperativeActivity, PoiVersion, Resolution};
use ficha::domain::YearPlan;
use ficha::io::ao_sheet::{
    self, apply_import, export_csv, export_rows, ficha_mapping, header, parse_csv, parse_rows, plan_import, text_rows, AoSheet, Catalog,
    Choices, ImportError, Parsed, SheetErrors, SheetProblem, SheetWarning, Source,
};
use ficha::io::import::cell::CellValue;
use ficha::io::import::{layout, Layout};
use ficha::io::csv::{read_csv, write_csv, Delimiter, Encoding};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// A data row in the header's order: a complete AO with every number empty, then the given cells.
fn row(cells: &[(&str, &str)]) -> Vec<String> {
    let defaults = [
        ("aei_codigo", "AEI.08.05"),
        ("aei_nombre", "MODELO DE INTEGRIDAD IMPLEMENTADO"),
        ("cc_codigo", "07"),
        ("cc_nombre", "OFICINA NACIONAL Y UNIDADES ZONALES"),
        ("ao_codigo", "AOI00106600085"),
        ("ao_nombre", "SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD"),
        ("unidad_medida", "INFORME"),
        ("categoria_presupuestal", "PP 0073: Trabaja Perú"),
        ("seguimiento_aprobado", "SI"),
    ];
    header()
        .iter()
        .map(|column| {
            let given = cells.iter().chain(&defaults).find(|(name, _)| name == column);
            given.map_or(String::new(), |(_, value)| value.to_string())
        })
        .collect()
}

/// File text with the header, joining cells without quoting (the cells are chosen not to need it).
fn file(rows: &[Vec<String>], delimiter: &str) -> String {
    std::iter::once(header()).chain(rows.iter().cloned()).map(|cells| cells.join(delimiter) + "\n").collect()
}

fn parse(text: &str) -> Result<AoSheet, SheetErrors> {
    parse_csv(text.as_bytes())
}

fn messages(result: Result<AoSheet, SheetErrors>) -> Vec<String> {
    result.unwrap_err().errors().iter().map(ToString::to_string).collect()
}

fn fin_prog_05(sheet: &AoSheet) -> Decimal {
    sheet.activities()[0].financial.programmed[4]
}

#[test]
fn money_cells_read_every_accepted_shape() {
    for (cell, expected) in [
        ("21000", "21000"),
        ("21000.5", "21000.5"),
        ("21,000.00", "21000.00"),
        ("S/ 21,000.00", "21000.00"),
        ("S/. 1,250,000.10", "1250000.10"),
        ("s/ 3500", "3500"),
        (" 7 ", "7"),
        (".5", "0.5"),
        ("", "0"),
        ("21,000", "21000"),
    ] {
        let sheet = parse(&file(&[row(&[("fin_prog_05", cell)])], ";")).unwrap();
        assert_eq!(fin_prog_05(&sheet), d(expected), "{cell}");
        assert_eq!(sheet.decimal_mark(), DecimalMark::Point, "{cell}");
    }
}

#[test]
fn quantities_keep_more_than_two_decimals() {
    let sheet = parse(&file(&[row(&[("fis_prog_12", "0.125"), ("fis_ejec_12", "1,250.5")])], ";")).unwrap();
    assert_eq!(sheet.activities()[0].physical.programmed[11], d("0.125"));
    assert_eq!(sheet.activities()[0].physical.executed[11], d("1250.5"));
}

#[test]
fn a_file_written_with_decimal_comma_throughout_reads_spanish_amounts() {
    let text = file(
        &[
            row(&[("ao_codigo", "AO1"), ("fin_prog_05", "S/. 21 000,00"), ("fis_prog_05", "1,5")]),
            row(&[
                ("ao_codigo", "AO2"),
                ("fin_prog_05", "1.234.567,8"),
                ("fin_ejec_05", "3500"),
                ("fis_prog_05", "2.000"),
            ]),
        ],
        ";",
    );
    let sheet = parse(&text).unwrap();
    assert_eq!(sheet.decimal_mark(), DecimalMark::Comma);
    let [first, second] = sheet.activities() else { panic!("two AO") };
    assert_eq!(first.financial.programmed[4], d("21000.00"));
    assert_eq!(first.physical.programmed[4], d("1.5"));
    assert_eq!(second.financial.programmed[4], d("1234567.8"));
    assert_eq!(second.financial.executed[4], d("3500"));
    assert_eq!(second.physical.programmed[4], d("2000"));
}

#[test]
fn the_decimal_mark_is_the_whole_files_when_its_first_text_amount_comes_after_number_cells() {
    // As a workbook holds it: AO1's amount a number cell, the others typed as text further down.
    let grid = [
        header(),
        row(&[("ao_codigo", "AO1"), ("fin_prog_05", "21000.5")]),
        row(&[("ao_codigo", "AO2"), ("fin_prog_05", "1.500")]),
        row(&[("ao_codigo", "AO3"), ("fis_prog_05", "2,5")]),
    ];
    let mut rows = text_rows(&grid);
    for (_, cell) in rows[1].cells.iter_mut().filter(|(_, cell)| cell.as_text() == "21000.5") {
        *cell = CellValue::Number { value: 21000.5, pad: 0 };
    }
    let headers = layout::headers(&rows[0]);
    let (mapping, errors, warnings) = ficha_mapping(0, &headers);
    let source = Source { rows: &rows, mapping: &mapping, headers: &headers, layout: Layout::FichaSheet, text_fields: false };
    let Ok(Parsed::Sheet(sheet)) = ao_sheet::parse(&source, &Choices::default(), errors, warnings) else { panic!("a sheet") };
    assert_eq!(sheet.decimal_mark(), DecimalMark::Comma);
    let [first, second, third] = sheet.activities() else { panic!("three AO") };
    assert_eq!(first.financial.programmed[4], d("21000.5"));
    // Read with the file's comma, known before the row of "2,5" is reached.
    assert_eq!(second.financial.programmed[4], d("1500"));
    assert_eq!(third.physical.programmed[4], d("2.5"));
}

#[test]
fn texts_lose_every_space_around_them_a_cell_may_hold() {
    let text = file(
        &[
            row(&[("ao_codigo", " AO1\t"), ("ao_nombre", "\u{a0}TALLER\u{202f}"), ("unidad_medida", "\u{3000}INFORME ")]),
            row(&[("ao_codigo", "A"), ("cc_codigo", " 08"), ("aei_codigo", "AEI.09"), ("aei_nombre", "ÑANDÚ ")]),
        ],
        ";",
    );
    let sheet = parse(&text).unwrap();
    let [first, second] = sheet.activities() else { panic!("two AO") };
    assert_eq!((first.code.as_str(), first.name.as_str(), first.unit.as_str()), ("AO1", "TALLER", "INFORME"));
    assert_eq!((second.code.as_str(), second.cost_center_code.as_str()), ("A", "08"));
    assert_eq!(sheet.aeis()[1].name, "ÑANDÚ");
}

#[test]
fn a_decimal_comma_amount_in_a_point_file_is_ambiguous() {
    let text = file(&[row(&[("fin_prog_05", "S/. 21 000,00"), ("fin_prog_06", "21000.50")])], ";");
    assert_eq!(messages(parse(&text)), vec![
        "Fila 2, columna fin_prog_05: «S/. 21 000,00» es ambiguo: escriba 21000.00 o 21,000.00, o use coma decimal (21.000,00) en todo el archivo"
    ]);
}

#[test]
fn a_space_grouped_amount_without_decimal_comma_evidence_is_ambiguous() {
    let errors = parse(&file(&[row(&[("fin_prog_01", "21 000")])], ";")).unwrap_err();
    assert_eq!(errors.errors()[0].problem, SheetProblem::BadNumber(NumberError::Ambiguous));
}

#[test]
fn every_error_is_reported_at_once_with_row_column_and_value() {
    let mut short = row(&[("ao_codigo", "AO5")]);
    short.truncate(50);
    let text = file(
        &[
            row(&[("ao_codigo", "AO1"), ("fin_prog_05", "-20")]),
            row(&[("ao_codigo", "AO2"), ("fis_ejec_03", "dos"), ("fin_ejec_12", "1.234")]),
            row(&[("ao_codigo", "AO3"), ("ao_nombre", "  "), ("unidad_medida", "")]),
            row(&[("ao_codigo", "AO1"), ("seguimiento_aprobado", "quizá")]),
            short,
            row(&[("ao_codigo", ""), ("cc_codigo", "")]),
        ],
        ";",
    );
    assert_eq!(
        messages(parse(&text)),
        vec![
        "Fila 2, columna fin_prog_05: «-20» no puede ser negativo",
        "Fila 3, columna fis_ejec_03: «dos» no es un número",
        "Fila 3, columna fin_ejec_12: «1.234» tiene más de 2 decimales; un monto en soles admite como máximo 2",
        "Fila 4, columna ao_nombre: está vacía y es obligatoria",
        "Fila 4, columna unidad_medida: está vacía y es obligatoria",
        "Fila 5, columna ao_codigo: «AO1» ya figura en la fila 2; cada AO va en una sola fila",
        "Fila 5, columna seguimiento_aprobado: «quizá» no se reconoce: use SI o NO (también S/N, 1/0, true/false o X)",
        "Fila 6: tiene 50 celdas y el encabezado tiene 57",
        "Fila 7, columna cc_codigo: está vacía y es obligatoria",
        "Fila 7, columna ao_codigo: está vacía y es obligatoria",
    ]
    );
}

#[test]
fn errors_carry_row_column_and_value_as_data() {
    let errors = parse(&file(&[row(&[]), row(&[("ao_codigo", "AO9"), ("fin_prog_05", "-20")])], ";")).unwrap_err();
    let error = &errors.errors()[0];
    assert_eq!(error.row, Some(3));
    assert_eq!(error.column.as_deref(), Some("fin_prog_05"));
    assert_eq!(error.value.as_deref(), Some("-20"));
    assert_eq!(error.problem, SheetProblem::BadNumber(NumberError::Negative));
}

#[test]
fn missing_required_columns_are_errors_and_unknown_columns_warnings() {
    let keep = |name: &str| name != "ao_nombre" && name != "fis_prog_03";
    let mut head: Vec<String> = header().into_iter().filter(|n| keep(n)).collect();
    head.push("Observaciones".to_string());
    let text = format!("{}\n", head.join(";"));
    assert_eq!(
        messages(parse(&text)),
        vec![
            "Columna ao_nombre: falta en el encabezado y es obligatoria",
            "Columna fis_prog_03: falta en el encabezado y es obligatoria",
        ]
    );

    let mut head = header();
    head.push(" Observaciones ".to_string());
    let mut cells = row(&[]);
    cells.push("revisar".to_string());
    let sheet = parse(&format!("{}\n{}\n", head.join(";"), cells.join(";"))).unwrap();
    assert_eq!(sheet.warnings(), [SheetWarning::UnknownColumn { header: "Observaciones".to_string() }]);
    assert_eq!(sheet.warnings()[0].to_string(), "Columna «Observaciones»: no es una columna del formato; se ignora");
}

#[test]
fn optional_columns_may_be_absent_and_follow_up_then_means_approved() {
    let optional = ["aei_nombre", "cc_nombre", "categoria_presupuestal", "seguimiento_aprobado"];
    let positions: Vec<usize> = (0..header().len()).filter(|&i| !optional.contains(&header()[i].as_str())).collect();
    let pick = |cells: Vec<String>| positions.iter().map(|&i| cells[i].clone()).collect::<Vec<_>>().join(";");
    let text = format!("{}\n{}\n", pick(header()), pick(row(&[("fin_ejec_01", "10")])));
    let sheet = parse(&text).unwrap();
    let ao = &sheet.activities()[0];
    assert!(ao.follow_up_approved);
    assert_eq!(ao.budget_category_code, "");
    assert_eq!(ao.financial.executed[0], d("10"));
    assert_eq!(sheet.aeis()[0].name, "");
}

#[test]
fn duplicate_header_column_is_an_error() {
    let mut head = header();
    head.push("AO Código".to_string());
    assert_eq!(
        messages(parse(&format!("{}\n", head.join(";")))),
        vec!["Fila 1, columna ao_codigo: «AO Código» repite una columna que ya está en el encabezado"]
    );
}

#[test]
fn headers_match_ignoring_case_accents_and_surrounding_spaces() {
    let head: Vec<String> = header()
        .into_iter()
        .map(|name| match name.as_str() {
            "aei_codigo" => "  AEI_Código ".to_string(),
            "ao_codigo" => "AO Código".to_string(),
            "categoria_presupuestal" => "Categoría Presupuestal".to_string(),
            "seguimiento_aprobado" => "SEGUIMIENTO_APROBADO".to_string(),
            "fin_prog_05" => "Fin-Prog-05".to_string(),
            _ => name,
        })
        .collect();
    let text = format!("{}\n{}\n", head.join(";"), row(&[("fin_prog_05", "99")]).join(";"));
    let sheet = parse(&text).unwrap();
    assert!(sheet.warnings().is_empty());
    assert_eq!(sheet.activities()[0].aei_code, "AEI.08.05");
    assert_eq!(sheet.activities()[0].code, "AOI00106600085");
    assert_eq!(sheet.activities()[0].budget_category_code, "PP 0073");
    assert_eq!(fin_prog_05(&sheet), d("99"));
}

#[test]
fn follow_up_accepts_every_listed_spelling() {
    for (cell, approved) in [
        ("SI", true),
        ("Sí", true),
        ("s", true),
        ("1", true),
        ("true", true),
        ("VERDADERO", true),
        ("X", true),
        ("", true),
        ("NO", false),
        ("n", false),
        ("0", false),
        ("False", false),
        ("FALSO", false),
    ] {
        let sheet = parse(&file(&[row(&[("seguimiento_aprobado", cell)])], ";")).unwrap();
        assert_eq!(sheet.activities()[0].follow_up_approved, approved, "{cell}");
    }
}

#[test]
fn each_delimiter_gives_the_same_sheet() {
    let rows = [row(&[("fin_prog_05", "21000.50"), ("fis_prog_12", "1")])];
    let comma = parse(&file(&rows, ",")).unwrap();
    assert_eq!(parse(&file(&rows, ";")).unwrap(), comma);
    assert_eq!(parse(&file(&rows, "\t")).unwrap(), comma);
    assert_eq!(fin_prog_05(&comma), d("21000.50"));
}

#[test]
fn each_encoding_reads_accents_and_enye() {
    let cells = row(&[("ao_nombre", "ACCIÓN – SEGUIMIENTO"), ("cc_nombre", "Compañía")]);
    let text = file(&[cells], ";");
    let utf8 = parse(&text).unwrap();
    assert_eq!(read_csv(text.as_bytes()).unwrap().encoding, Encoding::Utf8);
    assert_eq!(utf8.activities()[0].name, "ACCIÓN – SEGUIMIENTO");
    assert_eq!(utf8.cost_centers()[0].name, "Compañía");

    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(read_csv(&with_bom).unwrap().encoding, Encoding::Utf8WithBom);
    assert_eq!(parse_csv(&with_bom).unwrap(), utf8);

    // Latin-1 letters are their own code point; the dash is one of the 0x80–0x9F table's.
    let windows_1252: Vec<u8> = text.chars().map(|c| if c == '–' { 0x96 } else { u8::try_from(c).unwrap() }).collect();
    assert!(windows_1252.contains(&0xD3) && windows_1252.contains(&0xF1));
    assert_eq!(read_csv(&windows_1252).unwrap().encoding, Encoding::Windows1252);
    assert_eq!(parse_csv(&windows_1252).unwrap(), utf8);
}

#[test]
fn a_spanish_excel_file_in_windows_1252_with_decimal_comma_reads_whole() {
    let bytes = include_bytes!("../fixtures/ao_excel_windows1252.csv");
    let table = read_csv(bytes).unwrap();
    assert_eq!((table.encoding, table.delimiter), (Encoding::Windows1252, Delimiter::Semicolon));
    let sheet = parse_csv(bytes).unwrap();
    assert_eq!(sheet.decimal_mark(), DecimalMark::Comma);
    assert!(sheet.warnings().is_empty());
    let [integrity, training] = sheet.activities() else { panic!("two AO") };
    assert_eq!(integrity.name, "SEGUIMIENTO DE LA IMPLEMENTACIÓN\nDEL MODELO DE INTEGRIDAD");
    assert_eq!(integrity.financial.programmed.iter().sum::<Decimal>(), d("21000.00"));
    assert_eq!(integrity.financial.executed.iter().sum::<Decimal>(), d("21000.00"));
    assert_eq!((integrity.physical.programmed[11], integrity.physical.executed[11]), (d("1"), d("1")));
    assert!(integrity.follow_up_approved);
    assert_eq!(training.name, "CAPACITACIÓN; \"ÉTICA\" PÚBLICA");
    assert_eq!((training.physical.programmed[0], training.physical.executed[0]), (d("12.5"), d("10")));
    assert_eq!((training.financial.programmed[0], training.financial.executed[0]), (d("1250.50"), d("1000")));
    assert!(!training.follow_up_approved);
    assert_eq!(training.budget_category_code, "PP 0073");
    assert_eq!(
        sheet.budget_categories()[0].name,
        "Programa para la Generación de Empleo Social Inclusivo – Trabaja Perú"
    );
}

#[test]
fn quoted_fields_keep_delimiters_quotes_and_line_breaks() {
    let mut cells = row(&[("fin_prog_05", "\"21,000.00\"")]);
    cells[5] = "\"SEGUIMIENTO, \"\"MODELO\"\"\r\nDE INTEGRIDAD\"".to_string();
    let text = format!("{}\r\n{}\r\n", header().join(","), cells.join(","));
    let sheet = parse(&text).unwrap();
    assert_eq!(sheet.activities()[0].name, "SEGUIMIENTO, \"MODELO\"\nDE INTEGRIDAD");
    assert_eq!(fin_prog_05(&sheet), d("21000.00"));
}

#[test]
fn row_numbers_count_lines_of_quoted_breaks_as_one_row_and_blank_rows_as_rows() {
    let mut first = row(&[("ao_codigo", "AO1")]);
    first[5] = "\"DOS\nLÍNEAS\"".to_string();
    let blank = vec![String::new(); header().len()];
    let text = file(&[first, blank, row(&[("ao_codigo", "AO2"), ("fin_prog_01", "x")])], ";");
    assert_eq!(messages(parse(&text)), vec!["Fila 4, columna fin_prog_01: «x» no es un número"]);
}

#[test]
fn an_unterminated_quote_is_refused_with_its_line() {
    let mut cells = row(&[("ao_codigo", "AO2")]);
    cells[5] = "\"SIN CERRAR".to_string();
    let text = file(&[row(&[("ao_codigo", "AO1")]), cells, row(&[("ao_codigo", "AO3")])], ";");
    assert_eq!(messages(parse(&text)), vec!["Fila 3: las comillas abiertas en la línea 3 del archivo no se cierran"]);
}

#[test]
fn an_empty_file_or_a_blank_first_row_has_no_header() {
    let expected = vec!["Fila 1: no hay encabezado; la primera fila debe tener los nombres de columna (aei_codigo, cc_codigo, ao_codigo, …)"];
    assert_eq!(messages(parse("")), expected);
    assert_eq!(messages(parse(";;;\n")), expected);
}

#[test]
fn a_header_alone_is_a_sheet_without_activities() {
    let sheet = parse(&file(&[], ";")).unwrap();
    assert!(sheet.activities().is_empty());
}

#[test]
fn a_grid_of_cells_validates_like_a_csv_file() {
    let grid = vec![header(), row(&[("fin_prog_05", "21000.5")]), row(&[("ao_codigo", "AO2"), ("fis_prog_01", "-1")])];
    assert_eq!(messages(parse_rows(&grid)), vec!["Fila 3, columna fis_prog_01: «-1» no puede ser negativo"]);
    let sheet = parse_rows(&grid[..2]).unwrap();
    assert_eq!(sheet, parse(&file(&grid[1..2], ";")).unwrap());
    assert_eq!(fin_prog_05(&sheet), d("21000.5"));
}

#[test]
fn leading_zeros_of_codes_are_kept() {
    let sheet = parse(&file(&[row(&[("cc_codigo", "07"), ("ao_codigo", "000123")])], ",")).unwrap();
    assert_eq!(sheet.activities()[0].cost_center_code, "07");
    assert_eq!(sheet.activities()[0].code, "000123");
    assert_eq!(
        sheet.cost_centers(),
        [CostCenter { code: "07".into(), name: "OFICINA NACIONAL Y UNIDADES ZONALES".into() }]
    );
}

#[test]
fn names_seen_keep_the_first_and_warn_about_the_others() {
    let text = file(
        &[
            row(&[("ao_codigo", "AO1"), ("aei_nombre", "")]),
            row(&[("ao_codigo", "AO2"), ("aei_nombre", "PRIMER NOMBRE")]),
            row(&[("ao_codigo", "AO3"), ("aei_nombre", "OTRO NOMBRE")]),
        ],
        ";",
    );
    let sheet = parse(&text).unwrap();
    assert_eq!(sheet.aeis().len(), 1);
    assert_eq!(sheet.aeis()[0].name, "PRIMER NOMBRE");
    assert_eq!(sheet.warnings().iter().map(ToString::to_string).collect::<Vec<_>>(), vec![
        "Fila 4, columna aei_nombre: «OTRO NOMBRE» difiere del nombre de AEI.08.05 en la fila 3 («PRIMER NOMBRE»); se usa el de la fila 3"
    ]);
}

#[test]
fn an_activity_without_aei_is_imported_with_a_warning() {
    let sheet = parse(&file(&[row(&[("aei_codigo", ""), ("aei_nombre", "")])], ";")).unwrap();
    assert_eq!(sheet.activities()[0].aei_code, "");
    assert!(sheet.aeis().is_empty());
    assert_eq!(sheet.warnings()[0].to_string(), "Fila 2, columna aei_codigo: la AO «AOI00106600085» no tiene AEI; se importa sin vincular y solo suma en el total del POI");
}

/// A year whose only version holds AO "A", "B" and "C" of AEI.01.01 and CC 01.
fn year_with_abc() -> YearPlan {
    let mut year = YearPlan::new(2024);
    year.aeis.push(Aei {
        code: "AEI.01.01".into(),
        name: "AEI UNO".into(),
        oei_code: String::new(),
        indicator: Indicator::default(),
    });
    year.cost_centers.push(CostCenter { code: "01".into(), name: "SEDE".into() });
    year.poi.amend(Resolution::default(), Amendment::default());
    year.poi.versions[0].activities =
        ["A", "B", "C"].iter().map(|code| OperativeActivity::new(code, code, "INFORME", "AEI.01.01", "01")).collect();
    year
}

fn sheet_with_b_and_d() -> AoSheet {
    let common = [("aei_nombre", "NOMBRE NUEVO"), ("cc_nombre", ""), ("categoria_presupuestal", "")];
    let mut b = vec![("ao_codigo", "B"), ("aei_codigo", "AEI.01.01"), ("cc_codigo", "01"), ("fin_prog_01", "5")];
    b.extend_from_slice(&common);
    let mut new = vec![("ao_codigo", "D"), ("aei_codigo", "AEI.02.01"), ("cc_codigo", "02")];
    new.extend_from_slice(&common);
    parse(&file(&[row(&b), row(&new)], ";")).unwrap()
}

#[test]
fn preview_counts_added_replaced_and_kept_and_what_will_be_created() {
    let year = year_with_abc();
    let preview = plan_import(&sheet_with_b_and_d(), &year, &year.poi.versions[0], &ImportMemory::default());
    assert_eq!(preview.added, ["D"]);
    assert_eq!(preview.replaced, ["B"]);
    assert_eq!(preview.kept, ["A", "C"]);
    assert_eq!(
        preview.new_aeis.iter().map(|a| (a.code.as_str(), a.name.as_str())).collect::<Vec<_>>(),
        [("AEI.02.01", "NOMBRE NUEVO")]
    );
    assert_eq!(preview.new_cost_centers, [CostCenter { code: "02".into(), name: String::new() }]);
    assert!(preview.new_budget_categories.is_empty());
    assert_eq!(
        preview.warnings,
        [
            SheetWarning::ExistingNameDiffers {
                catalog: Catalog::Aei,
                code: "AEI.01.01".into(),
                existing: "AEI UNO".into(),
                in_file: "NOMBRE NUEVO".into(),
            },
            SheetWarning::CreatedWithoutName { catalog: Catalog::CostCenter, code: "02".into() },
        ]
    );
    assert_eq!(
        preview.warnings[0].to_string(),
        "La AEI AEI.01.01 ya existe como «AEI UNO»; se mantiene ese nombre y no «NOMBRE NUEVO» del archivo"
    );
    assert_eq!(
        preview.warnings[1].to_string(),
        "El centro de costo 02 se creará sin nombre; puede completarlo después"
    );
}

#[test]
fn import_replaces_adds_keeps_and_creates_in_the_target_version_only() {
    let mut year = year_with_abc();
    let summary = apply_import(&sheet_with_b_and_d(), &mut year, 0, &mut ImportMemory::default()).unwrap();
    assert_eq!(summary.to_string(), "AO agregadas: 1, reemplazadas: 1, mantenidas: 2. AEI creadas: 1, centros de costo creados: 1, categorías presupuestales creadas: 0.");
    let version = &year.poi.versions[0];
    assert_eq!(version.activities.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["A", "B", "C", "D"]);
    assert_eq!(version.activity("B").unwrap().financial.programmed[0], d("5"));
    assert_eq!(version.activity("A").unwrap(), &OperativeActivity::new("A", "A", "INFORME", "AEI.01.01", "01"));
    assert_eq!(year.aeis.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["AEI.01.01", "AEI.02.01"]);
    assert_eq!(year.aeis[0].name, "AEI UNO");
    assert_eq!(year.aeis[1].indicator, Indicator::default());
    assert_eq!(year.cost_centers.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["01", "02"]);
}

#[test]
fn import_into_an_earlier_or_unknown_version_changes_nothing() {
    let mut year = year_with_abc();
    year.poi.amend(Resolution::default(), Amendment::default());
    let before = year.clone();
    let earlier = apply_import(&sheet_with_b_and_d(), &mut year, 0, &mut ImportMemory::default()).unwrap_err();
    assert_eq!(
        earlier,
        ImportError::VersionNotEditable {
            label: "POI consistente con el PIA".into(),
            latest_label: "POI Modificado versión 1".into(),
        }
    );
    assert_eq!(earlier.to_string(), "«POI consistente con el PIA» es una versión aprobada anterior y no se modifica; importe a la última («POI Modificado versión 1»)");
    let unknown = apply_import(&sheet_with_b_and_d(), &mut year, 7, &mut ImportMemory::default()).unwrap_err();
    assert_eq!(unknown.to_string(), "La versión 7 no existe en el POI de este año; no se importó nada");
    assert_eq!(year, before);
}

#[test]
fn export_writes_the_reference_ao_in_the_import_layout() {
    let workspace = reference_workspace();
    let year = workspace.year(2023).unwrap();
    let rows = export_rows(year, workspace.evaluated_version(REFERENCE_VIEW).unwrap());
    assert_eq!(rows[0], header());
    assert_eq!(rows[0].len(), 57);
    let integrity = rows.iter().find(|r| r[4] == INTEGRITY_AO).unwrap();
    assert_eq!(
        &integrity[..9],
        [
            "AEI.08.05",
            "MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO.",
            "07",
            "OFICINA NACIONAL Y UNIDADES ZONALES",
            INTEGRITY_AO,
            "SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD",
            "INFORME",
            "PP 0073: Programa para la Generación de Empleo Social Inclusivo – Trabaja Perú",
            "SI",
        ]
    );
    assert_eq!(integrity[9 + 11], "1");
    assert_eq!(integrity[9 + 24], "0.00");
    assert_eq!(integrity[9 + 24 + 6], "3500.00");
    assert!(export_csv(year, workspace.evaluated_version(REFERENCE_VIEW).unwrap()).starts_with("aei_codigo,aei_nombre,cc_codigo,"));
}

#[test]
fn reference_round_trips_through_the_sheet_to_the_cent() {
    let workspace = reference_workspace();
    let reference_year = workspace.year(2023).unwrap();
    let reference_version = workspace.evaluated_version(REFERENCE_VIEW).unwrap();
    let exported = export_csv(reference_year, reference_version);

    let sheet = parse_csv(exported.as_bytes()).unwrap();
    assert_eq!(sheet.warnings(), [SheetWarning::UnlinkedActivity { row: 3, code: REST_OF_POI.into() }]);
    let mut year = YearPlan::new(2023);
    year.poi.amend(Resolution::default(), Amendment::default());
    let summary = apply_import(&sheet, &mut year, 0, &mut ImportMemory::default()).unwrap();
    assert_eq!((summary.added, summary.replaced, summary.kept), (2, 0, 0));
    assert_eq!(year.poi.versions[0].activities, reference_version.activities);
    let code_and_name = |aeis: &[Aei]| aeis.iter().map(|a| (a.code.clone(), a.name.clone())).collect::<Vec<_>>();
    assert_eq!(code_and_name(&year.aeis), code_and_name(&reference_year.aeis));
    assert_eq!(year.cost_centers, reference_year.cost_centers);
    assert_eq!(year.budget_categories, reference_year.budget_categories);
    assert_eq!(export_csv(&year, &year.poi.versions[0]), exported);
}

#[test]
fn names_that_start_like_formulas_are_neutralised_in_the_csv_and_read_back_exactly() {
    let workspace = reference_workspace();
    let mut year = workspace.year(REFERENCE_VIEW.year).unwrap().clone();
    let names = ["=HYPERLINK(\"http://x\",\"clic\")", "-PLAN", "+1", "@SUM(A1)", "'=x", "''-y"];
    let mut version = year.poi.latest().unwrap().clone();
    let template = version.activities[0].clone();
    version.activities = names
        .iter()
        .enumerate()
        .map(|(i, name)| OperativeActivity { code: format!("-AO{i}"), name: name.to_string(), ..template.clone() })
        .collect();
    let exported = export_csv(&year, &version);
    let lines: Vec<&str> = exported.lines().collect();
    assert!(lines[1].contains(",'-AO0,\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\",INFORME,"), "{}", lines[1]);
    assert!(lines[2].contains(",'-AO1,'-PLAN,"), "{}", lines[2]);
    assert!(lines[5].contains(",'-AO4,''=x,"), "{}", lines[5]);
    assert!(lines[6].contains(",'-AO5,'''-y,"), "{}", lines[6]);
    assert!(lines[1].ends_with(",0.00,0.00,3500.00,3500.00,3500.00,3500.00,3500.00,3500.00"), "numbers stay numbers: {}", lines[1]);
    let sheet = parse_csv(exported.as_bytes()).unwrap();
    assert_eq!(sheet.activities(), version.activities.as_slice());
    let number = version.number;
    *year.poi.versions.last_mut().unwrap() = PoiVersion { activities: Vec::new(), ..version.clone() };
    apply_import(&sheet, &mut year, number, &mut ImportMemory::default()).unwrap();
    assert_eq!(export_csv(&year, year.poi.latest().unwrap()), exported);
}

#[test]
fn reimporting_an_export_replaces_every_ao_and_keeps_none() {
    let workspace = reference_workspace();
    let mut year = workspace.year(2023).unwrap().clone();
    let sheet = parse_csv(export_csv(&year, year.poi.latest().unwrap()).as_bytes()).unwrap();
    let before = year.clone();
    let summary = apply_import(&sheet, &mut year, 3, &mut ImportMemory::default()).unwrap();
    assert_eq!((summary.added, summary.replaced, summary.kept, summary.aeis_created), (0, 2, 0, 0));
    assert_eq!(year, before);
}

#[test]
fn five_thousand_activities_parse_well_under_a_second() {
    let rows: Vec<Vec<String>> = (0..5_000)
        .map(|i| {
            let code = format!("AOI{i:011}");
            let cc = format!("{:02}", i % 40);
            row(&[
                ("ao_codigo", &code),
                ("cc_codigo", &cc),
                ("fis_prog_06", "12.5"),
                ("fin_prog_03", "1,234,567.89"),
                ("fin_ejec_12", "S/ 99.10"),
            ])
        })
        .collect();
    let text = file(&rows, ";");
    let start = Instant::now();
    let sheet = parse(&text).unwrap();
    let elapsed = start.elapsed();
    assert_eq!(sheet.activities().len(), 5_000);
    assert_eq!(sheet.cost_centers().len(), 40);
    assert_eq!(sheet.activities()[4_999].financial.programmed[2], d("1234567.89"));
    // Timing only means something in an optimised build.
    if !cfg!(debug_assertions) {
        assert!(elapsed.as_millis() < 250, "{elapsed:?}");
    }
}

fn money() -> impl Strategy<Value = Decimal> {
    (0i64..100_000_000_000).prop_map(|cents| Decimal::new(cents, 2))
}

fn quantity() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000, 0u32..4).prop_map(|(units, scale)| Decimal::new(units, scale))
}

prop_compose! {
    fn activity()(
        code in "[A-Z0-9]{1,14}",
        name in "[A-Z][A-Za-zÁÉÍÓÚÑñ0-9,;\"\n ]{0,30}[A-Za-z]",
        cc in "0[0-9]",
        approved in any::<bool>(),
        physical in proptest::collection::vec(quantity(), 24),
        financial in proptest::collection::vec(money(), 24),
    ) -> OperativeActivity {
        let mut ao = OperativeActivity::new(&code, &name, "INFORME", "AEI.01.01", &cc);
        ao.follow_up_approved = approved;
        ao.physical.programmed.copy_from_slice(&physical[..12]);
        ao.physical.executed.copy_from_slice(&physical[12..]);
        ao.financial.programmed.copy_from_slice(&financial[..12]);
        ao.financial.executed.copy_from_slice(&financial[12..]);
        ao
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_give_a_sheet_or_errors_and_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Err(errors) = parse_csv(&bytes) {
            prop_assert!(!errors.errors().is_empty());
        }
    }

    #[test]
    fn arbitrary_text_under_a_valid_header_never_panics(body in "[0-9A-Za-z,;\t\"\n\r .\\-S/]{0,400}") {
        let text = format!("{}\n{body}", header().join(";"));
        if let Err(errors) = parse(&text) {
            prop_assert!(!errors.errors().is_empty());
        }
    }

    #[test]
    fn any_version_round_trips_through_csv(activities in proptest::collection::vec(activity(), 1..6)) {
        let mut activities = activities;
        let mut codes = std::collections::HashSet::new();
        activities.retain(|a| codes.insert(a.code.clone()));
        let mut source = YearPlan::new(2024);
        source.poi.amend(Resolution::default(), Amendment::default());
        source.poi.versions[0].activities = activities;
        let text = export_csv(&source, &source.poi.versions[0]);
        let mut target = YearPlan::new(2024);
        target.poi.amend(Resolution::default(), Amendment::default());
        apply_import(&parse(&text).unwrap(), &mut target, 0, &mut ImportMemory::default()).unwrap();
        prop_assert_eq!(&target.poi.versions[0].activities, &source.poi.versions[0].activities);
    }

    #[test]
    fn written_records_read_back_unchanged(
        rows in proptest::collection::vec(proptest::collection::vec("[a-zñ,;\t\"\r\n ]{0,8}", 3), 1..5),
    ) {
        for delimiter in [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab] {
            let text = write_csv(&rows, delimiter);
            let read = ficha::io::csv::parse(&text, delimiter).unwrap();
            let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|f| f.replace("\r\n", "\n")).collect()).collect();
            prop_assert_eq!(read, expected);
        }
    }
}
