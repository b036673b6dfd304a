//! Workspace backups: exact round trip, migration of the version 0 layout, refusals that change nothing.

use std::str::FromStr;

use ficha::domain::example::{reference_workspace, REFERENCE_VIEW};
use ficha::domain::plan::{Aei, Amendment, BudgetCategory, CostCenter, Entity, Indicator, Investment, MonthlyValues, Oei, OperativeActivity, Period, Resolution};
use ficha::domain::synthetic::synthetic_workspace;
use ficha::domain::{Selection, Workspace};
use ficha::io::backup::{file_name, read_backup, BackupError, MAX_BACKUP_BYTES, Overview};
use ficha::storage::document::{decode, decode_document, encode, CURRENT_VERSION, DocumentError, FORMAT_NAME};
use proptest::prelude::*;
use rust_decimal::Decimal;

const FIXTURE_V0: &str = include_str!("../fixtures/backup-v0.json");

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// Twelve months, zero but for the given (index, value) pairs.
fn months(values: &[(usize, &str)]) -> [Decimal; 12] {
    let mut months = [Decimal::ZERO; 12];
    for (i, v) in values {
        months[*i] = d(v);
    }
    months
}

/// The workspace `tests/fixtures/backup-v0.json` holds, built in the current model.
fn fixture_workspace() -> Workspace {
    let mut ws = Workspace::empty(2024);
    ws.entity = Entity {
        name: "001234 - MUNICIPALIDAD DISTRITAL DE EJEMPLO".to_string(),
        short_name: "La Municipalidad".to_string(),
        sector: "Gobiernos locales".to_string(),
        office: "Oficina de Planeamiento y Presupuesto".to_string(),
        purpose: String::new(),
    };
    let year = &mut ws.years[0];
    year.oeis.push(Oei { code: "OEI.01".to_string(), name: "Fortalecer la gestión institucional".to_string() });
    year.aeis.push(Aei {
        code: "AEI.01.02".to_string(),
        name: "Modelo de integridad implementado".to_string(),
        oei_code: "OEI.01".to_string(),
        indicator: Indicator {
            name: "Porcentaje de implementación del modelo de integridad".to_string(),
            unit: "Porcentaje".to_string(),
            baseline: Some(d("20")),
            expected_value: Some(d("60.5")),
        },
    });
    year.cost_centers.push(CostCenter { code: "03".to_string(), name: "OFICINA DE PLANEAMIENTO".to_string() });
    year.budget_categories.push(BudgetCategory { code: "APNOP".to_string(), name: "Asignaciones presupuestarias que no resultan en productos".to_string() });
    let mut first = OperativeActivity::new("AOI00123400001", "SEGUIMIENTO DEL MODELO DE INTEGRIDAD", "INFORME", "AEI.01.02", "03");
    first.budget_category_code = "APNOP".to_string();
    for month in [2, 5, 8, 11] {
        first.physical.programmed[month] = d("1");
        first.financial.programmed[month] = d("1500.50");
    }
    for month in [2, 5, 8] {
        first.physical.executed[month] = d("1");
        first.financial.executed[month] = d("1500.5");
    }
    let mut second = OperativeActivity::new("AOI00123400002", "CAPACITACIÓN EN ÉTICA PÚBLICA", "TALLER", "AEI.01.02", "03");
    second.follow_up_approved = false;
    second.physical.programmed[5] = d("2.5");
    second.physical.executed[5] = d("2");
    second.financial.programmed[5] = d("800");
    second.financial.executed[5] = d("799.99");
    year.poi.amend(
        Resolution { kind: "Resolución de Alcaldía".to_string(), number: "010-2024-MDE".to_string(), date: "2024-01-05".to_string() },
        Amendment::default(),
    );
    year.poi.versions[0].amendments.clear();
    year.poi.versions[0].pia_amount = Some(d("1200000"));
    year.poi.versions[0].activities.push(first.clone());
    year.poi.amend(
        Resolution { kind: "Resolución de Gerencia Municipal".to_string(), number: "045-2024-GM/MDE".to_string(), date: "2024-06-14".to_string() },
        Amendment { instrument: String::new(), reason: "Incorpora la capacitación en ética pública".to_string(), activities_added: Some(1), amount: Some(d("800")) },
    );
    year.poi.versions[1].activities.push(second);
    year.poi.versions[1].investments.push(Investment {
        cui: "2456789".to_string(),
        name: "MEJORAMIENTO DEL SERVICIO DE ATENCIÓN AL CIUDADANO".to_string(),
        unit: String::new(),
        aei_code: "AEI.01.02".to_string(),
        cost_center_code: "03".to_string(),
        follow_up_approved: true,
        physical: MonthlyValues::default(),
        financial: MonthlyValues { programmed: months(&[(11, "50000")]), executed: months(&[(11, "48750.25")]) },
    });
    year.ficha_date = "2025-01-20".to_string();
    ws
}

#[test]
fn a_backup_round_trips_exactly() {
    for ws in [reference_workspace(), synthetic_workspace(300, 7), Workspace::empty(2026), fixture_workspace()] {
        let text = encode(&ws);
        let restored = read_backup(text.as_bytes()).unwrap();
        assert_eq!(restored, ws);
        assert_eq!(encode(&restored), text, "written again, byte for byte the same file");
    }
}

#[test]
fn the_reference_backup_keeps_narrative_recommendations_and_settings() {
    let ws = reference_workspace();
    assert!(!ws.recommendations.recommendations().is_empty(), "the example has recommendations to carry");
    let restored = read_backup(encode(&ws).as_bytes()).unwrap();
    assert_eq!(restored.narrative, ws.narrative);
    assert_eq!(restored.recommendations, ws.recommendations);
    assert_eq!(restored.settings, ws.settings);
    assert_eq!(restored.cuadro1(REFERENCE_VIEW, "AEI.08.05"), ws.cuadro1(REFERENCE_VIEW, "AEI.08.05"));
}

#[test]
fn a_backup_starts_with_its_format_name_and_version() {
    let text = encode(&Workspace::empty(2026));
    assert!(text.starts_with(&format!("{{\"format\":\"{FORMAT_NAME}\",\"version\":{CURRENT_VERSION},")), "{text}");
}

#[test]
fn a_byte_order_mark_before_the_json_is_accepted() {
    let text = format!("\u{FEFF}{}", encode(&fixture_workspace()));
    assert_eq!(read_backup(text.as_bytes()), Ok(fixture_workspace()));
}

#[test]
fn the_version_0_fixture_migrates_to_the_current_model() {
    assert!(FIXTURE_V0.contains("\"version\": 0"));
    assert!(FIXTURE_V0.contains("\"programmed\": [\"0.00\", \"0.00\", \"1500.50\""));
    let ws = read_backup(FIXTURE_V0.as_bytes()).unwrap();
    assert_eq!(ws, fixture_workspace());
    let view = decode_document(FIXTURE_V0).unwrap().view;
    assert_eq!(view, Some(Selection { year: 2024, version: None, period: Period::FirstHalf }), "its view goes to the tab");
}

#[test]
fn the_migrated_fixture_gives_the_tables_of_its_figures() {
    let ws = read_backup(FIXTURE_V0.as_bytes()).unwrap();
    let view = Selection::of_year(2024);
    let cuadro1 = ws.cuadro1(view, "AEI.01.02").unwrap();
    // The taller has follow-up not approved: only the integrity AO is counted, 3 of 4 informes.
    assert_eq!((cuadro1.aei.activity_count, cuadro1.aei.fully_executed_count), (1, 0));
    assert_eq!(cuadro1.aei.financial_execution, d("4501.50"));
    assert_eq!(cuadro1.aei.average_adjusted_physical_execution, Some(d("75")));
    let tabla3 = ws.tabla3(view, "AEI.01.02").unwrap();
    assert_eq!(tabla3.total_financial_programmed, d("6802.00"));
    assert_eq!(tabla3.total_financial_executed, d("5301.49"));
}

#[test]
fn a_migrated_backup_is_written_in_the_current_compact_layout() {
    let text = encode(&read_backup(FIXTURE_V0.as_bytes()).unwrap());
    assert!(text.contains(&format!("\"version\":{CURRENT_VERSION}")));
    assert!(text.contains("\"p\":\"||1|||1|||1|||1\""), "{text}");
    assert!(text.contains("\"p\":\"||1500.5|||1500.5|||1500.5|||1500.5\""));
    assert!(!text.contains("\"programmed\""));
}

#[test]
fn a_version_0_file_with_a_wrong_month_list_is_refused() {
    let eleven = FIXTURE_V0.replacen("\"0\", \"0\", \"1\", \"0\", \"0\", \"1\", \"0\", \"0\", \"1\", \"0\", \"0\", \"1\"", "\"0\", \"1\"", 1);
    let as_number = FIXTURE_V0.replacen("\"1500.50\"", "1500.5", 1);
    let garbled = FIXTURE_V0.replacen("\"799.99\"", "\"799,99\"", 1);
    let negative = FIXTURE_V0.replacen("\"799.99\"", "\"-799.99\"", 1);
    for (text, says) in [
        (eleven, "physical.programmed: tiene 2 meses y deben ser 12"),
        (as_number, "financial.programmed: 1500.5 no es un texto decimal"),
        (garbled, "financial.executed: «799,99» no es un número"),
    ] {
        let error = read_backup(text.as_bytes()).unwrap_err();
        assert!(matches!(error, BackupError::Document(DocumentError::Broken(_))), "{error:?}");
        assert!(error.to_string().contains(says), "{error}");
    }
    // A negative month reads as a decimal, and is refused by the bounds every figure passes.
    let error = read_backup(negative.as_bytes()).unwrap_err();
    assert!(matches!(error, BackupError::Document(DocumentError::OutOfBounds(_))), "{error:?}");
    assert!(error.to_string().contains("«-799.99» no puede ser negativo"), "{error}");
}

#[test]
fn newer_unknown_and_broken_backups_are_refused_with_a_message() {
    let newer = encode(&Workspace::empty(2026)).replacen(&format!("\"version\":{CURRENT_VERSION}"), "\"version\":7", 1);
    let newer_says = format!("versión más reciente de Ficha (formato 7; esta versión lee hasta el {CURRENT_VERSION})");
    let cases: [(&[u8], &str); 6] = [
        (newer.as_bytes(), &newer_says),
        (b"{\"format\":\"otra-app\",\"version\":1,\"workspace\":{}}", "no es un espacio de trabajo de Ficha"),
        (b"aei_codigo;cc_codigo\n", "el contenido está dañado y no se puede leer"),
        (b"{\"format\":\"ficha-workspace\",\"version\":1,\"workspace\":{\"years\":3}}", "dañado"),
        (b"PK\x03\x04\xff\xfe binary", "no es texto JSON"),
        (b"", "dañado"),
    ];
    for (bytes, says) in cases {
        let error = read_backup(bytes).unwrap_err();
        assert!(error.to_string().contains(says), "{error}");
    }
    let too_large = vec![b' '; MAX_BACKUP_BYTES + 1];
    assert_eq!(read_backup(&too_large), Err(BackupError::TooLarge { bytes: MAX_BACKUP_BYTES + 1 }));
    assert!(BackupError::TooLarge { bytes: MAX_BACKUP_BYTES + 1 }.to_string().contains("pesa 20.1 MB y un respaldo no pasa de 20.0 MB"));
}

#[test]
fn the_overview_compares_entity_years_and_latest_activities() {
    let reference = Overview::of(&reference_workspace());
    assert_eq!(reference.years_text(), "2023");
    assert_eq!(reference.activities, 2, "the integrity AO and the aggregate line of version 3");
    let fixture = Overview::of(&fixture_workspace());
    assert_eq!(
        (fixture.entity_text(), fixture.years.as_slice(), fixture.activities, fixture.recommendations),
        ("001234 - MUNICIPALIDAD DISTRITAL DE EJEMPLO", &[2024][..], 2, 0)
    );
    let empty = Overview::of(&Workspace { years: Vec::new(), ..Workspace::empty(2026) });
    assert_eq!((empty.entity_text(), empty.years_text().as_str()), ("(sin nombre)", "–"));
    assert_eq!(file_name("2026-03-31"), "ficha-respaldo-2026-03-31.json");
}

proptest! {
    #[test]
    fn arbitrary_bytes_are_a_workspace_or_an_error_and_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_backup(&bytes);
    }

    #[test]
    fn a_fixture_with_a_byte_changed_never_panics(at in 0..FIXTURE_V0.len(), byte in any::<u8>()) {
        let mut bytes = FIXTURE_V0.as_bytes().to_vec();
        bytes[at] = byte;
        if let Err(error) = read_backup(&bytes) {
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn arbitrary_json_under_a_version_0_envelope_never_panics(body in "[\\[\\]{}\":,0-9a-z .\\-]{0,200}") {
        let text = format!("{{\"format\":\"ficha-workspace\",\"version\":0,\"workspace\":{{\"years\":[{{\"poi\":{{\"versions\":[{{\"activities\":[{body}]}}]}}}}]}}}}");
        let _ = decode(&text);
    }
}
