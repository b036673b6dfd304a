//! The Aplicativo CEPLAN V.01's "Exporta POI" imported (docs/FORMAT-ceplan.md): rows of one AO summed
//! across departments, centros de costo by name, monthly or annual financial data, running totals,
//! several Unidades Ejecutoras, extra columns, the raw HTML download; the mapping of another layout remembered.

use std::str::FromStr;

use ficha::domain::plan::Series;
use ficha::domain::import_memory::ImportMemory;
use ficha::domain::plan::{Month, Period};
use ficha::domain::plan::{AnnualFinancial, CostCenter};
use ficha::domain::editing::next_free_code;
use ficha::domain::{Selection, Workspace};
use ficha::io::ao_file::{self, read_file};
use ficha::io::ao_sheet::{AoSheet, Choices, CostCenterChoice, CostCenterStatus, Parsed, Question, SheetWarning};
use ficha::domain::ficha::TableId;
use ficha::io::import::{Field, Layout};
use rust_decimal::Decimal;
use crate::support::ceplan::{CeplanAo, CeplanBook, Department, Financial};


const YEAR: u16 = 2026;
const AEI: (&str, &str) = ("AEI.01.01", "PROTECCIÓN INTEGRAL DE NIÑAS, NIÑOS Y ADOLESCENTES");
const OEI: (&str, &str) = ("OEI.01", "GARANTIZAR LOS DERECHOS DE LA NIÑEZ");
const UE: (&str, &str) = ("000127", "INSTITUTO NACIONAL MATERNO PERINATAL");

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn department(name: &'static str, f_re: [u32; 12], f_se: [Option<u32>; 12], fn_re: i64, fn_se: (i64, usize)) -> Department {
    let mut dep = Department::named(name);
    dep.f_re = f_re;
    dep.f_se = f_se;
    dep.fn_re = [fn_re; 12];
    for m in 0..fn_se.1 {
        dep.fn_se[m] = Some(fn_se.0);
    }
    for m in fn_se.1..12 {
        dep.fn_se[m] = None;
    }
    dep
}

fn ao(code: &'static str, cc: (&'static str, &'static str), departments: Vec<Department>) -> CeplanAo {
    CeplanAo {
        ue: UE,
        cc_id: cc.0,
        cc_name: cc.1,
        oei: OEI,
        aei: AEI,
        categoria: ("0024", "PREVENCIÓN Y CONTROL DEL CÁNCER"),
        code,
        name: "0215086 - TRATAMIENTO DEL CANCER DE CUELLO UTERINO",
        unit: "ATENCION",
        departments,
        estado_se: "APROBADO",
        activo: "SI",
    }
}

const ADOPCIONES: (&str, &str) = ("13.05", "Direccion de Adopciones");
const PLANEAMIENTO: (&str, &str) = ("13.10", "OFICINA DE PLANEAMIENTO");

/// Four AO over seven rows: AO1 in Lima and Cusco, AO2 in three departments, AO3 not approved,
/// AO4 inactive. Financial programming S/ 1,000.00 (Lima) and 500.00 (Cusco) a month for AO1.
pub(super) fn book() -> CeplanBook {
    let none = [None; 12];
    let mut lima = department("LIMA", [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1], none, 100_000, (90_000, 6));
    lima.f_se[..6].copy_from_slice(&[Some(0), Some(0), Some(1), Some(0), Some(0), Some(1)]);
    lima.motive[2] = "Se realizó el taller";
    let mut cusco = department("CUSCO", [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], none, 50_000, (50_000, 6));
    cusco.f_se[..6].copy_from_slice(&[Some(0), Some(0), Some(0), Some(1), Some(0), Some(0)]);
    cusco.motive[2] = "Falta personal";
    let three = |name, programmed: u32, executed: u32| {
        let mut f_re = [0; 12];
        let mut f_se = [None; 12];
        for m in 0..3 {
            f_re[m] = u32::from(m < programmed as usize);
            f_se[m] = Some(u32::from(m < executed as usize));
        }
        department(name, f_re, f_se, 200_000, (123_456, 3))
    };
    let mut not_approved = ao("AOI00012700003", PLANEAMIENTO, vec![three("LIMA", 2, 1)]);
    not_approved.estado_se = "PENDIENTE";
    let mut inactive = ao("AOI00012700004", PLANEAMIENTO, vec![three("LIMA", 3, 3)]);
    inactive.activo = "NO";
    CeplanBook::of(vec![
        ao("AOI00012700001", ADOPCIONES, vec![lima, cusco]),
        ao("AOI00012700002", PLANEAMIENTO, vec![three("LIMA", 3, 3), three("CUSCO", 2, 2), three("PIURA", 1, 2)]),
        not_approved,
        inactive,
    ])
}

/// An own workspace for 2026 that already has the cost centre the file names in another spelling.
fn workspace() -> Workspace {
    let mut ws = Workspace::empty(YEAR);
    ws.year_mut(YEAR).unwrap().cost_centers.push(CostCenter { code: "05".into(), name: "DIRECCIÓN DE ADOPCIONES".into() });
    ws
}

fn sheet_of(bytes: &[u8], choices: &Choices) -> (Layout, String, AoSheet) {
    match read_file(bytes, &ImportMemory::default(), choices) {
        Ok((recognition, Parsed::Sheet(sheet))) => (recognition.layout, recognition.describe(), sheet),
        Ok((_, Parsed::Ask(question))) => panic!("asks {question:?}"),
        Err(refusal) => panic!("{:?}", refusal.messages()),
    }
}

fn question_of(bytes: &[u8]) -> Question {
    match read_file(bytes, &ImportMemory::default(), &Choices::default()) {
        Ok((_, Parsed::Ask(question))) => question,
        other => panic!("no question: {other:?}"),
    }
}

/// Cuadro 1 rows as the page shows them: code, N° AO, AO ≥ 100 %, financial execution, average.
fn cuadro1(ws: &Workspace) -> Vec<(String, usize, usize, String, String)> {
    let selection = Selection { year: YEAR, version: None, period: Period::Annual };
    let table = ws.cuadro1(selection, AEI.0).unwrap();
    std::iter::once(&table.aei)
        .chain(&table.cost_centers)
        .map(|row| {
            let average = row.average_adjusted_physical_execution.map_or("–".into(), |a| ficha::domain::language::average(Some(a)));
            (row.code.clone(), row.activity_count, row.fully_executed_count, ficha::domain::language::money(row.financial_execution), average)
        })
        .collect()
}

#[test]
fn rows_of_one_ao_are_summed_by_department_and_cost_centres_matched_by_name() {
    let (layout, describe, sheet) = sheet_of(&book().xlsx(), &Choices::default());
    assert_eq!(layout, Layout::Ceplan);
    assert_eq!(describe, "Exporta POI del Aplicativo CEPLAN V.01 (hoja POI_Por_ActividadOperativaAnual)");
    assert_eq!(
        sheet.stats().lines(),
        [
            "6 filas → 3 AO; 3 filas sumadas por departamento",
            "1 fila de AO inactiva omitida",
            "1 AO sin seguimiento aprobado (no se cuentan en el Cuadro 1): AOI00012700003 (PENDIENTE)",
        ]
    );
    let ao1 = &sheet.activities()[0];
    assert_eq!(ao1.name, "0215086 - TRATAMIENTO DEL CANCER DE CUELLO UTERINO", "names are kept as written");
    assert_eq!(ao1.physical.programmed, [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 2].map(Decimal::from));
    assert_eq!(ao1.physical.executed[..6], [0, 0, 1, 1, 0, 1].map(Decimal::from));
    assert_eq!(ao1.financial.programmed[0], d("1500.00"));
    assert_eq!(ao1.financial.executed[5], d("1400.00"));
    assert_eq!(ao1.financial.executed[6], Decimal::ZERO, "unreported months are empty");
    assert_eq!(ao1.execution_notes.of(Month::new(3).unwrap()), "LIMA: Se realizó el taller; CUSCO: Falta personal");
    assert_eq!(ao1.budget_category_code, "0024");
    assert_eq!(sheet.aeis()[0].oei_code, OEI.0);
    assert_eq!(sheet.oeis()[0].name, OEI.1);

    let mut ws = workspace();
    let preview = ao_file::preview(&ws, YEAR, &sheet);
    let named: Vec<(&str, &str, CostCenterStatus)> =
        preview.cost_center_names.iter().map(|r| (r.name.as_str(), r.code.as_str(), r.status)).collect();
    assert_eq!(
        named,
        [("Direccion de Adopciones", "05", CostCenterStatus::Existing), ("OFICINA DE PLANEAMIENTO", "13.10", CostCenterStatus::New)]
    );
    assert_eq!(ao_file::import(&mut ws, YEAR, &sheet).unwrap().to_string(),
        "AO agregadas: 3, reemplazadas: 0, mantenidas: 0. AEI creadas: 1, centros de costo creados: 1, categorías presupuestales creadas: 1. OEI creados: 1.");
    // Cuadro 1 by hand. Counted: AO1 (P = 4 + 3 = 7, X = 2 + 1 = 3, EF = 300/7 = 42.857…) and AO2
    // (P = 3 + 2 + 1 = 6, X = 3 + 2 + 2 = 7, EF ≥ 100 → 100); AO3 is not approved, AO4 inactive.
    // Financial execution: AO1 900.00 × 6 + 500.00 × 6 = 8,400.00; AO2 1,234.56 × 3 × 3 = 11,111.04.
    // Average: (42.857… + 100) / 2 = 71.43.
    assert_eq!(
        cuadro1(&ws),
        [
            ("AEI.01.01".into(), 2, 1, "19,511.04".into(), "71.43".into()),
            ("05".into(), 1, 0, "8,400.00".into(), "42.86".into()),
            ("13.10".into(), 1, 1, "11,111.04".into(), "100.00".into()),
        ]
    );
}

#[test]
fn the_raw_html_download_and_an_ods_give_the_same_activities_as_the_xlsx() {
    let (_, _, from_xlsx) = sheet_of(&book().xlsx(), &Choices::default());
    let (layout, describe, from_html) = sheet_of(&book().html(), &Choices::default());
    assert_eq!((layout, describe.as_str()), (Layout::Ceplan, "Exporta POI del Aplicativo CEPLAN V.01"));
    assert_eq!(from_html.activities(), from_xlsx.activities());
    assert_eq!(from_html.named_cost_centers()[0].file_code, "13.05", "the Aplicativo's ' is dropped");
    let (_, _, from_ods) = sheet_of(&book().ods(), &Choices::default());
    assert_eq!(from_ods.activities(), from_xlsx.activities());
}

#[test]
fn the_data_tab_is_found_by_name_and_unknown_columns_are_ignored() {
    let mut moved = book();
    moved.tab_before = true;
    moved.extra_columns = vec![("Columna nueva 2027", "x"), ("Observación", "revisar")];
    let (layout, describe, sheet) = sheet_of(&moved.xlsx(), &Choices::default());
    assert_eq!(layout, Layout::Ceplan);
    assert_eq!(describe, "Exporta POI del Aplicativo CEPLAN V.01 (hoja POI_Por_ActividadOperativaAnual)");
    assert!(sheet.warnings().is_empty(), "{:?}", sheet.warnings());
    assert_eq!(sheet.activities(), sheet_of(&book().xlsx(), &Choices::default()).2.activities());
}

#[test]
fn totals_only_financial_data_is_kept_as_annual_totals() {
    let mut totals = book();
    totals.financial = Financial::TotalsOnly;
    let (_, _, sheet) = sheet_of(&totals.xlsx(), &Choices::default());
    let ao1 = &sheet.activities()[0];
    // Lima 1,000.00 × 12 + Cusco 500.00 × 12; executed 900.00 × 6 + 500.00 × 6.
    assert_eq!(ao1.financial_annual, Some(AnnualFinancial { programmed: d("18000.00"), executed: d("8400.00") }));
    assert_eq!(ao1.financial.programmed, [Decimal::ZERO; 12]);
    assert_eq!(ao1.physical, sheet_of(&book().xlsx(), &Choices::default()).2.activities()[0].physical);
    assert!(sheet.stats().lines().contains(&"3 AO con la ejecución financiera solo en totales anuales (sin detalle mensual)".to_string()));
    let mut ws = workspace();
    ao_file::import(&mut ws, YEAR, &sheet).unwrap();
    let text = ficha::storage::document::encode(&ws);
    assert!(text.contains(r#""financial_annual":"18000|8400""#), "stored");
    assert_eq!(ficha::storage::document::decode(&text).unwrap(), ws);
    // The annual tables use the totals: the same Cuadro 1 as the monthly export.
    assert_eq!(cuadro1(&ws)[0], ("AEI.01.01".into(), 2, 1, "19,511.04".into(), "71.43".into()));
    // …and the same Tabla 3 Total (every AO of the version, the one not counted too).
    let mut monthly = workspace();
    ao_file::import(&mut monthly, YEAR, &sheet_of(&book().xlsx(), &Choices::default()).2).unwrap();
    let annual = Selection { year: YEAR, version: None, period: Period::Annual };
    let half = Selection { period: Period::FirstHalf, ..annual };
    let cells = |ws: &Workspace, selection: Selection, id: TableId, foot: bool| -> Vec<Vec<String>> {
        let table = ws.table(selection, AEI.0, id).unwrap();
        let rows = if foot { &table.foot } else { &table.body };
        rows.iter().map(|row| row.cells.iter().map(|c| c.value.display()).collect()).collect()
    };
    assert_eq!(cells(&ws, annual, TableId::Tabla3, true), [["Total", "114,000.00", "23,214.72", "20.4%"]]);
    assert_eq!(cells(&ws, annual, TableId::Tabla3, true), cells(&monthly, annual, TableId::Tabla3, true));
    assert_eq!(cells(&ws, annual, TableId::Tabla3, false), cells(&monthly, annual, TableId::Tabla3, false));
    // The first semester has no monthly financial detail to sum: said, never a wrong figure; the
    // physical figures stay those of the monthly export.
    const NONE: &str = "sin detalle mensual";
    let cuadro1_half = cells(&ws, half, TableId::Cuadro1, false);
    assert_eq!(cuadro1_half[0][4], NONE);
    let monthly_half = cells(&monthly, half, TableId::Cuadro1, false);
    assert_ne!(monthly_half[0][4], NONE);
    assert_eq!([&cuadro1_half[0][..4], &cuadro1_half[0][5..]], [&monthly_half[0][..4], &monthly_half[0][5..]]);
    let tabla3_half = cells(&ws, half, TableId::Tabla3, false);
    assert_eq!(tabla3_half[0][5..], [NONE, NONE, "–"]);
    assert_eq!(cells(&ws, half, TableId::Tabla3, true), [["Total", NONE, NONE, "–"]]);
    // The drafted ficha says so too, where the monthly export gives its figures.
    let inputs = ficha::domain::document::NarrativeInputs::default();
    let section = |ws: &Workspace, n: u8| ficha::domain::document::draft_ficha(ws, half, &inputs, AEI.0).section(n).unwrap().plain_text();
    let all = |ws: &Workspace| (1..=7).map(|n| section(ws, n)).collect::<Vec<_>>().join("\n");
    assert!(all(&ws).contains("no se conoce: la fuente solo registra totales anuales (sin detalle mensual)"), "{}", all(&ws));
    assert!(section(&ws, 7).contains("una ejecución financiera sin detalle mensual"), "{}", section(&ws, 7));
    assert!(!section(&monthly, 7).contains("sin detalle mensual"));
    // Gráfico 2 draws no months that are not the data: the counted AO's annual totals are said
    // instead, the December point of the monthly export's curve.
    let chart = ws.progress_chart(annual, AEI.0).unwrap();
    assert!(chart.financial_series().is_none());
    let december = monthly.progress_chart(annual, AEI.0).unwrap().points[11].clone();
    assert_eq!((chart.annual_only.programmed, chart.annual_only.executed), (december.financial_programmed, december.financial_executed));
    assert_eq!(
        chart.financial_note().as_deref(),
        Some("Sin detalle mensual: las 2 AO contadas solo registran totales anuales (programado S/ 90,000.00, ejecutado S/ 19,511.04); no hay avance financiero mensual que graficar.")
    );
}


#[test]
fn running_totals_are_asked_about_and_converted_or_kept() {
    let mut running = book();
    running.cumulative = true;
    let bytes = running.xlsx();
    let Question::Cumulative { count, example } = question_of(&bytes) else { panic!("asks about the UE") };
    assert_eq!(example.code, "AOI00012700001");
    assert_eq!(example.series, Series::PhysicalProgrammed);
    assert_eq!(example.months, [0, 0, 1, 2, 2, 3, 3, 4, 5, 5, 5, 7].map(Decimal::from));
    assert!(count >= 4, "{count}");
    let converted = sheet_of(&bytes, &Choices { cumulative: Some(true), ..Choices::default() }).2;
    let monthly = sheet_of(&book().xlsx(), &Choices::default()).2;
    for (a, b) in converted.activities().iter().zip(monthly.activities()) {
        assert_eq!(a.physical, b.physical, "{}", a.code);
    }
    let kept = sheet_of(&bytes, &Choices { cumulative: Some(false), ..Choices::default() }).2;
    assert_eq!(kept.activities()[0].physical.programmed[11], d("7"));
    assert!(kept.warnings().iter().any(|w| matches!(w, SheetWarning::TotalDiffers { code, .. } if code == "AOI00012700001")));
}

#[test]
fn a_total_that_disagrees_with_its_months_is_a_warning_naming_the_ao() {
    let mut wrong = book();
    wrong.wrong_total = Some(("AOI00012700002", 9));
    let (_, _, sheet) = sheet_of(&wrong.xlsx(), &Choices::default());
    let messages: Vec<String> = sheet.warnings().iter().map(ToString::to_string).collect();
    // Three departments say 9 each: 27 against months summing to 3 + 2 + 1 = 6.
    assert_eq!(messages, ["AO AOI00012700002: los meses suman 6 y la columna F(RE) Total dice 27; se importan los meses"]);
}

#[test]
fn a_file_of_several_executing_units_asks_which_one() {
    let mut two = book();
    let mut other = ao("AOI00099900001", PLANEAMIENTO, vec![department("LIMA", [1; 12], [Some(1); 12], 1_000, (1_000, 12))]);
    other.ue = ("000999", "OTRA UNIDAD EJECUTORA");
    two.aos.push(other);
    let bytes = two.xlsx();
    let Question::Ue(options) = question_of(&bytes) else { panic!("asks about running totals") };
    let listed: Vec<(&str, &str, usize, usize)> = options.iter().map(|o| (o.code.as_str(), o.name.as_str(), o.rows, o.activities)).collect();
    assert_eq!(listed, [("000127", UE.1, 6, 3), ("000999", "OTRA UNIDAD EJECUTORA", 1, 1)]);
    let (_, _, sheet) = sheet_of(&bytes, &Choices { ue: Some("000999".into()), ..Choices::default() });
    assert_eq!(sheet.activities().iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["AOI00099900001"]);
    assert!(sheet.stats().lines().iter().any(|l| l.starts_with("Unidad Ejecutora 000999 OTRA UNIDAD EJECUTORA; 6 filas")));
}

#[test]
fn new_cost_centre_codes_can_be_changed_and_a_renamed_one_linked_and_remembered() {
    let (_, _, mut sheet) = sheet_of(&book().xlsx(), &Choices::default());
    let ws = workspace();
    sheet.choose_cost_center(1, CostCenterChoice::Code("05".into()));
    assert_eq!(
        ao_file::preview(&ws, YEAR, &sheet).errors,
        ["El código 05 de «OFICINA DE PLANEAMIENTO» ya es del centro de costo «DIRECCIÓN DE ADOPCIONES»"]
    );
    assert!(ao_file::import(&mut ws.clone(), YEAR, &sheet).is_err(), "nothing is imported");
    sheet.choose_cost_center(1, CostCenterChoice::Code("99".into()));
    assert_eq!(ao_file::preview(&ws, YEAR, &sheet).new_cost_centers, [CostCenter { code: "99".into(), name: "OFICINA DE PLANEAMIENTO".into() }]);
    sheet.choose_cost_center(1, CostCenterChoice::Link("05".into()));
    let mut ws = ws;
    ao_file::import(&mut ws, YEAR, &sheet).unwrap();
    let year = ws.year(YEAR).unwrap();
    assert_eq!(year.cost_centers.len(), 1, "linked, not created");
    assert!(year.poi.latest().unwrap().activities.iter().all(|a| a.cost_center_code == "05"));
    // Next month's file: the same name now resolves by the remembered link.
    let (_, _, next) = sheet_of(&book().xlsx(), &Choices::default());
    let statuses: Vec<CostCenterStatus> = ao_file::preview(&ws, YEAR, &next).cost_center_names.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [CostCenterStatus::Existing, CostCenterStatus::Alias]);
}

#[test]
fn a_file_without_cost_centre_codes_gets_the_next_free_ones() {
    let mut no_codes = book();
    for ao in &mut no_codes.aos {
        ao.cc_id = "";
    }
    let (_, _, sheet) = sheet_of(&no_codes.xlsx(), &Choices::default());
    let preview = ao_file::preview(&workspace(), YEAR, &sheet);
    assert_eq!(preview.new_cost_centers, [CostCenter { code: "06".into(), name: "OFICINA DE PLANEAMIENTO".into() }]);
    assert_eq!(next_free_code([]), "01");
    assert_eq!(next_free_code(["07", "001", "12"]), "13", "the most common width");
    assert_eq!(next_free_code(["07", "001", "0203", "12"]), "204");
    assert_eq!(next_free_code(["A", "B"]), "01");
}

#[test]
fn rows_of_one_ao_naming_two_cost_centres_are_refused_naming_both_rows() {
    let mut split = book();
    split.aos.push(ao("AOI00012700001", PLANEAMIENTO, vec![department("PIURA", [1; 12], [Some(1); 12], 1_000, (1_000, 12))]));
    let refusal = read_file(&split.xlsx(), &ImportMemory::default(), &Choices::default()).unwrap_err();
    assert_eq!(
        refusal.messages(),
        ["Fila 9, columna Centro de Costo: «OFICINA DE PLANEAMIENTO» difiere de «Direccion de Adopciones» de la fila 2, otra fila de la AO AOI00012700001; las filas de una AO deben coincidir"]
    );
}

#[test]
fn another_layout_is_mapped_once_and_its_mapping_remembered() {
    let csv = "Código,Actividad,Medida,Oficina,Prog fis 1,Prog fis 2,Prog fis 3,Prog fis 4,Prog fis 5,Prog fis 6,Prog fis 7,Prog fis 8,Prog fis 9,Prog fis 10,Prog fis 11,Prog fis 12,Ejec fis 1,Ejec fis 2,Ejec fis 3,Ejec fis 4,Ejec fis 5,Ejec fis 6,Ejec fis 7,Ejec fis 8,Ejec fis 9,Ejec fis 10,Ejec fis 11,Ejec fis 12,Presupuesto,Gastado\n\
        AO-1,Taller,TALLER,OFICINA DE PLANEAMIENTO,1,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,5000,4500\n";
    let mut ws = workspace();
    let mut memory = ImportMemory::of(&ws.imports);
    let opened = ao_file::open(csv.as_bytes(), &memory).unwrap();
    let recognition = opened.recognition;
    assert_eq!(recognition.describe(), "otro formato");
    assert!(recognition.needs_mapping());
    let mut mapping = recognition.mapping.clone();
    assert_eq!(mapping.column(Field::Monthly(Series::PhysicalProgrammed, Month::new(1).unwrap())), Some(4), "a family named plainly");
    assert_eq!(mapping.column(Field::Monthly(Series::PhysicalExecuted, Month::new(12).unwrap())), Some(27));
    for (field, column) in [(Field::AoCode, 0), (Field::AoName, 1), (Field::Unit, 2), (Field::CcName, 3)] {
        mapping.set(field, Some(column));
    }
    mapping.set(Field::Total(Series::FinancialProgrammed), Some(28));
    mapping.set(Field::Total(Series::FinancialExecuted), Some(29));
    assert!(mapping.missing().is_empty(), "{:?}", mapping.missing());
    memory.remember(recognition.to_remember(&mapping, &Choices::default()));
    ws.imports = memory.to_text();
    let again = ao_file::open(csv.as_bytes(), &ImportMemory::of(&ws.imports)).unwrap().recognition;
    assert!(!again.needs_mapping(), "the same header imports in one click");
    assert_eq!(again.mapping, mapping);
    let Ok((_, Parsed::Sheet(sheet))) = read_file(csv.as_bytes(), &memory, &Choices::default()) else { panic!("reads") };
    let ao = &sheet.activities()[0];
    assert_eq!((ao.code.as_str(), ao.physical.programmed[0]), ("AO-1", d("1")));
    assert_eq!(ao.financial_annual, Some(AnnualFinancial { programmed: d("5000"), executed: d("4500") }));
    let text = ficha::storage::document::encode(&ws);
    assert_eq!(ficha::storage::document::decode(&text).unwrap().imports, ws.imports, "the memory is stored");
}

/// The files the browser tests import (`tests/e2e/import.test.mjs`), written by the builder so
/// that the workbooks have one source: `FICHA_WRITE_FIXTURES=1 cargo test --test it ceplan` writes them.
#[test]
fn the_browser_tests_files_are_the_builders_output() {
    let mut two = book();
    let mut other = ao("AOI00099900001", PLANEAMIENTO, vec![department("LIMA", [1; 12], [Some(1); 12], 1_000, (1_000, 12))]);
    other.ue = ("000999", "OTRA UNIDAD EJECUTORA");
    two.aos.push(other);
    let mut totals = book();
    totals.financial = Financial::TotalsOnly;
    let files = [("ceplan.xlsx", book().xlsx()), ("ceplan.ods", book().ods()), ("ceplan-dos-ue.xlsx", two.xlsx()), ("ceplan-totales.xlsx", totals.xlsx())];
    let dir = std::path::Path::new("tests/e2e/fixtures");
    for (name, bytes) in files {
        let path = dir.join(name);
        if std::env::var_os("FICHA_WRITE_FIXTURES").is_some() {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        assert!(std::fs::read(&path).is_ok_and(|on_disk| on_disk == bytes), "{name} differs from the builder's: run with FICHA_WRITE_FIXTURES=1");
    }
}

#[test]
fn an_ao_code_of_two_executing_units_is_summed_within_the_unit_chosen_only() {
    const CODE: &str = "AOI00012700001";
    let months = |name, n: u32| department(name, [n; 12], [Some(n); 12], i64::from(n) * 1_000, (i64::from(n) * 1_000, 12));
    let mut other = ao(CODE, PLANEAMIENTO, vec![months("CUSCO", 2)]);
    other.ue = ("000999", "OTRA UNIDAD EJECUTORA");
    // The AO's rows of the first unit apart, another unit's row of the same code between them.
    let bytes = CeplanBook::of(vec![
        ao(CODE, ADOPCIONES, vec![months("LIMA", 1)]),
        other,
        ao("AOI00012700002", ADOPCIONES, vec![months("LIMA", 8)]),
        ao(CODE, ADOPCIONES, vec![months("PIURA", 4)]),
    ])
    .xlsx();
    let Question::Ue(options) = question_of(&bytes) else { panic!("asks about running totals") };
    let listed: Vec<(&str, usize, usize)> = options.iter().map(|o| (o.code.as_str(), o.rows, o.activities)).collect();
    assert_eq!(listed, [("000127", 3, 2), ("000999", 1, 1)]);
    let (_, _, sheet) = sheet_of(&bytes, &Choices { ue: Some("000127".into()), ..Choices::default() });
    assert_eq!(sheet.activities().iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), [CODE, "AOI00012700002"]);
    assert_eq!(sheet.activities()[0].physical.programmed, [d("5"); 12]);
    assert_eq!(sheet.activities()[0].financial.executed, [d("50.00"); 12]);
    let lines = sheet.stats().lines();
    assert_eq!(lines[..2], [
        "3 filas → 2 AO; 1 fila sumada por departamento".to_string(),
        format!("Unidad Ejecutora 000127 {}; 1 filas de otras Unidades Ejecutoras omitidas", UE.1),
    ]);
    // The other unit's row is an AO of its own: its centro de costo is no conflict.
    let (_, _, other) = sheet_of(&bytes, &Choices { ue: Some("000999".into()), ..Choices::default() });
    assert_eq!(other.activities()[0].physical.programmed, [d("2"); 12]);
    assert_eq!(other.named_cost_centers()[0].name, PLANEAMIENTO.1);
}

#[test]
fn sums_past_the_maximum_are_refused_at_every_row_that_adds_to_them() {
    let mut lima = department("LIMA", [1; 12], [Some(1); 12], 0, (0, 12));
    // S/ 600,000,000,000,000.00 in April: two of them are past the maximum.
    lima.fn_re[3] = 60_000_000_000_000_000;
    let cusco = Department { name: "CUSCO", ..lima.clone() };
    let piura = department("PIURA", [1; 12], [Some(1); 12], 0, (0, 12));
    let bytes = CeplanBook::of(vec![ao("AOI00012700001", ADOPCIONES, vec![lima, cusco, piura])]).xlsx();
    let messages = match read_file(&bytes, &ImportMemory::default(), &Choices::default()) {
        Err(refusal) => refusal.messages(),
        Ok(other) => panic!("imports: {:?}", other.1),
    };
    let past = |row, column| {
        format!("Fila {row}, columna {column}: «1200000000000000» la suma de las filas de la AO AOI00012700001: el monto supera el máximo de 1,000,000,000,000,000.00")
    };
    // Piura adds nothing, and the sum is still past the maximum at its row.
    assert_eq!(messages, [past(3, "Fn(RE) 04"), past(3, "Fn(RE) Total"), past(4, "Fn(RE) 04"), past(4, "Fn(RE) Total")]);
}
