//! Recommendations in CSV (docs/FORMAT-recommendations.md): all-or-nothing import and the exports.

use ficha::domain::calendar::Date;
use ficha::domain::recommendations::{
    ControlReport, Origin, Recommendation, RecommendationKind, RecommendationRegister, RecommendationSource,
    RecommendationStatus, RecommendationType, StatusUpdate,
};
use ficha::domain::recommendations::{list, RegisterQuery};
use ficha::io::csv::{read_csv, Delimiter};
use ficha::io::limits::MAX_FILE_BYTES;
use ficha::io::recommendations_csv::{
    check_file_size, dashboard_sheet, import_file, read_date, register_sheet, template_header, template_sheet,
    ImportProblem, PREVIEW_COLUMNS,
};
use ficha::io::tables::sheet_csv;
use ficha::io::ao_file::read_cells;
use ficha::io::office::{write_workbook, Cell, Row, RowKind};

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn today() -> Date {
    d("2024-12-31")
}

const HEADER: &str = "registro,informe,fecha_informe,titulo_informe,tipo_servicio,origen,fecha_recepcion,numero,recomendacion,tipo,unidad_responsable,funcionario,seguimiento,accion,responsable_accion,inicio_accion,plazo_accion,estado,fecha_estado,verificado_por";

fn file(rows: &[&str]) -> Vec<u8> {
    std::iter::once(HEADER).chain(rows.iter().copied()).collect::<Vec<_>>().join("\r\n").into_bytes()
}

fn messages(bytes: &[u8], register: &RecommendationRegister) -> Vec<String> {
    import_file(register, bytes, today()).unwrap_err().iter().map(ToString::to_string).collect()
}

/// Two rows of a new OCI report, and one previous evaluation.
fn good_file() -> Vec<u8> {
    file(&[
        "control,005-2024-OCI/0191,2024-03-15,Auditoría de cumplimiento a la UFPP,Auditoría de cumplimiento,OCI,2024-03-20,1,\"Aprobar la directiva, y difundirla\",Mejora de la gestión,Oficina de Administración,Jefe de la OA,,Aprobar la directiva,OA,2024-04-01,2024-06-28,Implementada,2024-07-01,OCI",
        "control,005-2024-OCI/0191,,,,,,2,Deslindar responsabilidades,Inicio de procedimiento administrativo,Secretaría General,,,,,,,En proceso,20/05/2024,",
        "evaluacion,Evaluación del POI 2024 – I semestre,2024-07-15,,,,,1,Mejorar la programación,,UFPP,,Se reprogramó la meta.,,,,,,,",
    ])
}

#[test]
fn a_good_file_adds_its_reports_recommendations_actions_and_statuses() {
    let imported = import_file(&RecommendationRegister::default(), &good_file(), today()).unwrap();
    assert_eq!((imported.reports_added, imported.recommendations_added), (1, 3));
    assert!(imported.ignored_columns.is_empty());
    let register = &imported.register;
    assert!(register.validate(today()).is_empty());
    let report = register.report("005-2024-OCI/0191").unwrap();
    assert_eq!(
        (report.title.as_str(), report.service_type.as_str(), report.origin, report.issued, report.received),
        (
            "Auditoría de cumplimiento a la UFPP",
            "Auditoría de cumplimiento",
            Origin::Oci,
            d("2024-03-15"),
            d("2024-03-20")
        )
    );
    let [first, second, third] = register.recommendations() else { panic!("three recommendations") };
    assert_eq!(first.text, "Aprobar la directiva, y difundirla");
    assert_eq!(
        (first.responsible_unit.as_str(), first.officer.as_str()),
        ("Oficina de Administración", "Jefe de la OA")
    );
    let action = &first.action_plan.actions[0];
    assert_eq!(
        (action.description.as_str(), action.start, action.deadline),
        ("Aprobar la directiva", Some(d("2024-04-01")), d("2024-06-28"))
    );
    assert_eq!(first.status(), RecommendationStatus::Implementada);
    assert_eq!(
        (first.history()[0].verified_by.as_str(), first.history()[0].recorded_by.as_str()),
        ("OCI", "Importación de archivo")
    );
    assert_eq!(second.recommendation_type, RecommendationType::AdministrativeProcedure);
    assert_eq!((second.status(), second.history()[0].date), (RecommendationStatus::EnProceso, d("2024-05-20")));
    assert!(second.action_plan.actions.is_empty());
    assert_eq!(third.kind(), RecommendationKind::PreviousEvaluation);
    assert_eq!((third.status(), third.history().len()), (RecommendationStatus::Pendiente, 0));
    assert_eq!(third.follow_up, "Se reprogramó la meta.");
    assert_eq!(third.aei_code, "", "without the column, the whole entity's");
}

#[test]
fn the_aei_column_links_a_previous_evaluations_recommendation_to_its_aei() {
    let header = format!("{HEADER},aei");
    let bytes = [header.as_str(), "evaluacion,Evaluación I semestre,2024-08-30,,,,,1,Revisar las metas,,,,Se revisaron.,,,,,,,,AEI.01.01"].join("\r\n");
    let register = import_file(&RecommendationRegister::default(), bytes.as_bytes(), today()).unwrap().register;
    assert_eq!(register.recommendations()[0].aei_code, "AEI.01.01");
    let follow_up = register.follow_up(today(), None);
    let listed = list(&register, &follow_up, &RegisterQuery::default());
    let sheet = register_sheet(&register, &listed);
    assert_eq!(sheet.rows[0].cells.last(), Some(&Cell::text("AEI")));
    assert_eq!(sheet.rows[1].cells.last(), Some(&Cell::text("AEI.01.01")));
}

#[test]
fn every_error_is_listed_with_row_column_and_value_and_nothing_is_imported() {
    let bytes = file(&[
        "control,005-2024-OCI/0191,2024-03-15,,,OCI,2024-03-20,1,Aprobar la directiva,,,,,Directiva,OA,,2024-03-01,,,",
        "control,005-2024-OCI/0191,,,,,,1,Repetida,,,,,,,,,,,",
        "control,006-2024-CGR,2024-13-01,,,Contraloría,2024-04-01,1,Texto,Otra cosa,,,,,,,,,,",
        "evaluacion,Evaluación anual,2024-01-31,,,,,,,,,,,,,,,Implementada,2025-01-02,",
        "otro,X,,,,,,1,Texto,,,,,,,,,Terminada,,",
        "control,005-2024-OCI/0191,,,,,,3,Sin fecha,,,,,,,,,En proceso,,",
    ]);
    assert_eq!(
        messages(&bytes, &RecommendationRegister::default()),
        [
            "Fila 2, columna plazo_accion: «2024-03-01» Acción 1 de la recomendación N° 1 del informe N° 005-2024-OCI/0191: el plazo (01/03/2024) es anterior a la fecha del informe (15/03/2024)",
            "Fila 3, columna numero: «1» ya figura en la fila 2 para el mismo informe; cada recomendación va en una sola fila",
            "Fila 4, columna tipo: «Otra cosa» no se reconoce: use «Mejora de la gestión», «Inicio de procedimiento administrativo» o «Inicio de acciones legales»",
            "Fila 4, columna origen: «Contraloría» no se reconoce: use OCI, CGR o SOA",
            "Fila 4, columna fecha_informe: «2024-13-01» el mes 13 no existe: debe estar entre 1 y 12",
            "Fila 5, columna numero: está vacía y es obligatoria",
            "Fila 5, columna recomendacion: está vacía y es obligatoria",
            "Fila 6, columna registro: «otro» no se reconoce: use «control» (informe de control) o «evaluacion» (evaluación previa)",
            "Fila 6, columna estado: «Terminada» no se reconoce: use Pendiente, En proceso, Implementada, Inaplicable por causal sobreviniente o No aplicable",
            "Fila 7, columna fecha_estado: Recomendación N° 3 del informe N° 005-2024-OCI/0191: el cambio al estado «En proceso» no tiene fecha",
        ]
    );
}

#[test]
fn an_implementation_dated_in_the_future_or_without_verifier_is_refused() {
    let bytes = file(&[
        "evaluacion,Evaluación anual,2024-01-31,,,,,1,Texto,,,,,,,,,Implementada,2025-01-02,UFPP",
        "evaluacion,Evaluación anual,2024-01-31,,,,,2,Texto,,,,,,,,,Implementada,2024-06-02,",
        "evaluacion,Evaluación anual,2024-01-31,,,,,3,Texto,,,,,,,,,,2024-06-02,",
    ]);
    assert_eq!(
        messages(&bytes, &RecommendationRegister::default()),
        [
            "Fila 2, columna fecha_estado: «2025-01-02» Recomendación N° 1 de «Evaluación anual»: la fecha del estado «Implementada» (02/01/2025) es posterior a la fecha de corte (31/12/2024)",
            "Fila 3, columna verificado_por: Recomendación N° 2 de «Evaluación anual»: para registrar el estado «Implementada» indique quién verificó la implementación",
            "Fila 4, columna estado: está vacía y es obligatoria",
        ]
    );
}

#[test]
fn a_new_report_needs_its_origin_and_dates_and_later_rows_must_agree() {
    let bytes = file(&[
        "control,007-2024-OCI,,,,,2024-04-01,1,Texto,,,,,,,,,,,",
        "control,008-2024-OCI,2024-04-01,,,OCI,2024-04-02,1,Texto,,,,,,,,,,,",
        "control,008-2024-OCI,,,,CGR,,2,Texto,,,,,,,,,,,",
        "control,009-2024-SOA,2024-04-05,,,SOA,2024-04-01,1,Texto,,,,,,,,,,,",
    ]);
    assert_eq!(
        messages(&bytes, &RecommendationRegister::default()),
        [
            "Fila 2, columna fecha_informe: está vacía y es obligatoria",
            "Fila 2, columna origen: está vacía y es obligatoria",
            "Fila 4, columna origen: «CGR» no coincide con lo ya indicado para el mismo informe («OCI»)",
            "Fila 5, columna fecha_recepcion: «2024-04-01» Informe N° 009-2024-SOA: la fecha de recepción (01/04/2024) es anterior a la fecha de emisión (05/04/2024)",
        ]
    );
}

#[test]
fn rows_may_refer_to_a_registered_report_and_numbers_stay_unique_against_the_register() {
    let mut register = RecommendationRegister::default();
    register
        .add_report(ControlReport {
            number: "001-2024-OCI".into(),
            title: "Informe".into(),
            service_type: String::new(),
            origin: Origin::Oci,
            issued: d("2024-01-10"),
            received: d("2024-01-12"),
        })
        .unwrap();
    let source = RecommendationSource::Control { report_number: "001-2024-OCI".into() };
    register
        .add_recommendation(Recommendation::new(source, "1", "Existente", RecommendationType::LegalAction))
        .unwrap();
    let before = register.clone();
    let bytes = file(&["control,001-2024-OCI,,,,,,1,Repetida,,,,,,,,,,,"]);
    assert_eq!(
        messages(&bytes, &register),
        ["Fila 2, columna numero: «1» Recomendación N° 1 del informe N° 001-2024-OCI: ya existe otra recomendación con ese número en el mismo informe"]
    );
    assert_eq!(register, before);
    let imported =
        import_file(&register, &file(&["control,001-2024-OCI,,,,OCI,,2,Nueva,,,,,,,,,,,"]), today()).unwrap();
    assert_eq!((imported.reports_added, imported.recommendations_added), (0, 1));
    assert_eq!(imported.register.recommendations().len(), 2);
}

#[test]
fn headers_are_matched_loosely_and_unknown_columns_are_skipped() {
    let text = "Registro;Informe;Fecha Informe;Número;Recomendación;Observación\n\
                Evaluación previa;Evaluación del POI;31/08/2023;1;Mejorar;nota libre\n;;;;;\n";
    let imported = import_file(&RecommendationRegister::default(), text.as_bytes(), today()).unwrap();
    assert_eq!(imported.recommendations_added, 1);
    assert_eq!(imported.ignored_columns, ["Observación"]);
    let windows_1252 = b"registro;informe;fecha_informe;n\xfamero;recomendaci\xf3n\nevaluacion;Evaluaci\xf3n;2023-08-31;1;Gesti\xf3n\n";
    let imported = import_file(&RecommendationRegister::default(), windows_1252, today()).unwrap();
    assert_eq!(imported.register.recommendations()[0].text, "Gestión");
}

#[test]
fn a_file_without_required_columns_or_rows_is_refused_whole() {
    let errors = import_file(&RecommendationRegister::default(), b"registro,informe,informe\n", today()).unwrap_err();
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "Fila 1, columna informe: «informe» repite una columna que ya está en el encabezado",
            "Columna numero: falta en el encabezado y es obligatoria",
            "Columna recomendacion: falta en el encabezado y es obligatoria",
        ]
    );
    let header_only = import_file(&RecommendationRegister::default(), &file(&[]), today()).unwrap_err();
    assert_eq!(header_only[0].problem, ImportProblem::NoRows);
    assert_eq!(
        import_file(&RecommendationRegister::default(), b"", today()).unwrap_err()[0].problem,
        ImportProblem::MissingHeader
    );
    let short = import_file(&RecommendationRegister::default(), &file(&["control,1,2"]), today()).unwrap_err();
    assert_eq!(short[0].to_string(), "Fila 2: tiene 3 celdas y el encabezado tiene 20");
}

#[test]
fn dates_read_iso_or_day_month_year_as_typed() {
    assert_eq!(read_date("2024-03-28"), Ok(d("2024-03-28")));
    assert_eq!(read_date(" 28/03/2024 "), Ok(d("2024-03-28")));
    assert_eq!(read_date("5/4/2024"), Ok(d("2024-04-05")));
    assert!(read_date("31/02/2024").is_err());
    assert!(read_date("28/03/24").is_err());
    assert!(read_date("marzo").is_err());
    assert!(read_date("12/2024").is_err());
}

#[test]
fn a_workbook_date_cell_is_excel_day_number() {
    assert_eq!(read_date("45379"), Ok(d("2024-03-28")));
    assert_eq!(read_date("61"), Ok(d("1900-03-01")));
    assert!(read_date("60").is_err(), "Excel's 29 February 1900 never was");
    assert_eq!(
        ImportProblem::BadDate(read_date("2024.03.28").unwrap_err()).to_string(),
        "no es una fecha: escríbala como aaaa-mm-dd (2024-03-28) o dd/mm/aaaa (28/03/2024), o use una celda de fecha de Excel"
    );
}

#[test]
fn the_template_header_is_the_documented_layout() {
    assert_eq!(template_header().join(","), format!("{HEADER},aei"), "a file of the layout before `aei` still reads");
}

/// The good file's register with recommendation 2 in progress since 1 June, listed as of 31 July 2024.
fn exported_register() -> (RecommendationRegister, ficha::domain::recommendations::FollowUp) {
    let mut register = import_file(&RecommendationRegister::default(), &good_file(), today()).unwrap().register;
    let id = register.recommendations()[1].id();
    let update = StatusUpdate {
        date: Some(d("2024-06-01")),
        status: RecommendationStatus::EnProceso,
        ..StatusUpdate::default()
    };
    register.change_status(id, update, today()).unwrap();
    let follow_up = register.follow_up(d("2024-07-31"), None);
    (register, follow_up)
}

const FIRST_ROW: [&str; 12] = [
    "Informe de control",
    "005-2024-OCI/0191",
    "OCI",
    "1",
    "Aprobar la directiva, y difundirla",
    "Mejora de la gestión",
    "Oficina de Administración",
    "Jefe de la OA",
    "Implementada",
    "28/06/2024",
    "-33",
    "",
];

#[test]
fn the_register_export_lists_the_follow_up_as_csv() {
    let (register, follow_up) = exported_register();
    let text = sheet_csv(&register_sheet(&register, &list(&register, &follow_up, &RegisterQuery::default())));
    assert!(text.starts_with('\u{FEFF}'), "Excel needs the BOM to read accents");
    let table = read_csv(text.as_bytes()).unwrap();
    assert_eq!(table.delimiter, Delimiter::Comma);
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[0][..4], ["Registro", "Informe", "Origen", "N°"]);
    assert_eq!(table.rows[1][..12], FIRST_ROW);
    assert_eq!(table.rows[3][0], "Evaluación previa");
    assert_eq!(table.rows[3][16], "Se reprogramó la meta.");
}

#[test]
fn the_register_export_opens_as_a_workbook_with_numbers_as_numbers() {
    let (register, follow_up) = exported_register();
    let sheet = register_sheet(&register, &list(&register, &follow_up, &RegisterQuery::default()));
    assert!(matches!(sheet.rows[1].cells[10], Cell::Number(..)), "days to the deadline are a number in Excel");
    let rows = read_cells(&write_workbook(&[sheet])).unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1][..12], FIRST_ROW);
}

#[test]
fn a_workbook_in_the_import_layout_imports_like_a_csv() {
    let mut sheet = template_sheet();
    let row = ["evaluacion", "Evaluación del POI", "2023-08-31", "", "", "", "", "1", "Mejorar la programación"];
    sheet.rows.push(Row::new(RowKind::Body, row.iter().map(|c| Cell::text(*c)).collect()));
    let imported = import_file(&RecommendationRegister::default(), &write_workbook(&[sheet]), today()).unwrap();
    assert_eq!(imported.recommendations_added, 1);
    assert_eq!(imported.register.recommendations()[0].text, "Mejorar la programación");
    let broken = import_file(&RecommendationRegister::default(), b"PK\x03\x04 not a workbook", today()).unwrap_err();
    assert!(matches!(broken[0].problem, ImportProblem::File(_)), "{:?}", broken);
}

#[test]
fn the_dashboard_export_holds_every_table() {
    let register = import_file(&RecommendationRegister::default(), &good_file(), today()).unwrap().register;
    let follow_up = register.follow_up(today(), None);
    let text = sheet_csv(&dashboard_sheet(&register, &follow_up));
    let rows = read_csv(text.as_bytes()).unwrap().rows;
    assert_eq!(rows[0], ["Seguimiento de recomendaciones al 31/12/2024"]);
    let total = rows.iter().position(|r| r.first().is_some_and(|c| c == "Total")).unwrap();
    assert_eq!(rows[total], ["Total", "3", "1", "1", "1", "0", "0", "3", "33.3%", "0", "0"]);
    let ageing = rows.iter().position(|r| r.first().is_some_and(|c| c == "ANTIGÜEDAD")).unwrap();
    assert_eq!(rows[ageing + 1..ageing + 5].iter().map(|r| r[1].as_str()).collect::<Vec<_>>(), ["0", "1", "1", "0"]);
    let titles: Vec<&str> = rows.windows(2).filter(|w| w[0] == [""]).map(|w| w[1][0].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Porcentaje de implementación de recomendaciones",
            "Porcentaje de implementación por origen del informe de control",
            "Porcentaje de implementación por tipo de recomendación",
            "Porcentaje de implementación por unidad responsable",
            "Porcentaje de implementación por informe",
            "Antigüedad de las recomendaciones no concluidas",
            "Recomendaciones vencidas",
            "Recomendaciones por vencer",
        ]
    );
}

#[test]
fn the_documented_example_imports() {
    let doc = include_str!("../../docs/FORMAT-recommendations.md");
    let example = doc.split("Example (CSV):\n\n```\n").nth(1).and_then(|rest| rest.split("```").next()).unwrap();
    let imported = import_file(&RecommendationRegister::default(), example.as_bytes(), today()).unwrap();
    assert_eq!((imported.reports_added, imported.recommendations_added), (1, 3));
}

#[test]
fn the_preview_lists_the_first_rows_added_with_their_file_row_and_status() {
    let mut bytes = good_file();
    bytes.extend_from_slice(b"\r\n,,,,,,,,,,,,,,,,,,,\r\ncontrol,005-2024-OCI/0191,,,,,,3,Tercera,,,,,,,,,,,");
    let imported = import_file(&RecommendationRegister::default(), &bytes, today()).unwrap();
    assert_eq!(PREVIEW_COLUMNS, ["Fila", "Registro", "Informe", "N°", "Recomendación", "Estado"]);
    assert_eq!(
        imported.first_rows(10),
        [
            ["2", "Informe de control", "005-2024-OCI/0191", "1", "Aprobar la directiva, y difundirla", "Implementada"],
            ["3", "Informe de control", "005-2024-OCI/0191", "2", "Deslindar responsabilidades", "En proceso"],
            ["4", "Evaluación previa", "Evaluación del POI 2024 – I semestre", "1", "Mejorar la programación", "Pendiente"],
            ["6", "Informe de control", "005-2024-OCI/0191", "3", "Tercera", "Pendiente"],
        ]
        .map(|row| row.map(String::from))
    );
    assert_eq!(imported.first_rows(1).len(), 1);
    let mut register = RecommendationRegister::default();
    register.add_recommendation(Recommendation::new(
        RecommendationSource::PreviousEvaluation { report: "Otra".into(), date: d("2024-01-10") },
        "1",
        "Ya registrada",
        RecommendationType::default(),
    ))
    .unwrap();
    let after_one = import_file(&register, &good_file(), today()).unwrap();
    assert_eq!(after_one.first_rows(1)[0][4], "Aprobar la directiva, y difundirla", "only what the file adds");
}

#[test]
fn the_file_size_is_checked_before_the_file_is_read() {
    assert_eq!(check_file_size(MAX_FILE_BYTES), Ok(()));
    let refused = check_file_size(MAX_FILE_BYTES + 1).unwrap_err();
    assert_eq!(refused.len(), 1);
    assert_eq!(
        refused[0].to_string(),
        "El archivo pesa 20.1 MB y el máximo es 20.0 MB; impórtelo en partes (lo que no está en el archivo se mantiene)"
    );
}
