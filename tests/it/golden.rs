//! Word and Excel outputs byte for byte against the files committed under `tests/golden/`: the
//! example's .docx, its tables as one workbook, each table as XLSX and CSV, and the AO sheet, for
//! the example as published, its first semester of an earlier version, and a workspace with every
//! kind of row (several CC, an AO not counted, one without programming, an inversión counted).
//! `FICHA_BLESS=1 cargo test --test it golden` writes the files instead (only when an output is meant to change).

use std::path::{Path, PathBuf};

use ficha::domain::example::{reference_workspace, REFERENCE_VIEW};
use ficha::domain::document::SectionEdit;
use ficha::domain::plan::{CostCenter, Investment, OperativeActivity, Period};
use ficha::domain::{Selection, Workspace};
use ficha::io::office::{ficha_docx, write_workbook};
use ficha::io::tables::{ao_sheet, ao_sheet_csv, sheet_csv, table_sheet, tables_workbook};
use ficha::domain::ficha::TableId;
use rust_decimal::Decimal;

const AEI: &str = "AEI.08.05";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Every output of one workspace and view, named as the golden files are.
fn outputs(prefix: &str, ws: &Workspace, selection: Selection) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![
        (format!("{prefix}-ficha.docx"), ficha_docx(ws, selection, AEI)),
        (format!("{prefix}-tablas.xlsx"), tables_workbook(ws, selection, AEI).expect("the tables")),
    ];
    for table in TableId::ALL {
        let sheet = table_sheet(ws, selection, AEI, table).expect("the table");
        let name = table.label().to_lowercase().replace(' ', "-");
        files.push((format!("{prefix}-{name}.xlsx"), write_workbook(std::slice::from_ref(&sheet))));
        files.push((format!("{prefix}-{name}.csv"), sheet_csv(&sheet).into_bytes()));
    }
    files.push((format!("{prefix}-hoja-ao.xlsx"), write_workbook(&[ao_sheet(ws, selection).expect("the AO sheet")])));
    files.push((format!("{prefix}-hoja-ao.csv"), ao_sheet_csv(ws, selection).expect("the AO sheet").into_bytes()));
    files
}

/// The example with a second CC, an AO not approved, one with no programming and quantities with
/// decimals, an inversión counted in Cuadro 1, and section 4 rewritten by the user.
fn every_kind_of_row() -> Workspace {
    let mut ws = reference_workspace();
    ws.settings.investments_in_average = true;
    let year = &mut ws.years[0];
    year.cost_centers.push(CostCenter { code: "12".to_string(), name: "UNIDAD ZONAL LIMA".to_string() });
    let version = year.poi.versions.last_mut().unwrap();
    let mut unapproved = OperativeActivity::new("AOI00106600091", "CAPACITACIÓN EN INTEGRIDAD", "TALLER", AEI, "12");
    unapproved.follow_up_approved = false;
    unapproved.physical.programmed[2] = Decimal::new(4, 0);
    unapproved.physical.executed[2] = Decimal::new(5, 0);
    unapproved.financial.programmed[2] = Decimal::new(1_250_050, 2);
    unapproved.financial.executed[2] = Decimal::new(1_100_025, 2);
    let mut partial = OperativeActivity::new("AOI00106600092", "DIFUSIÓN DEL CÓDIGO DE ÉTICA", "DOCUMENTO", AEI, "12");
    partial.physical.programmed[3] = Decimal::new(25, 1);
    partial.physical.executed[3] = Decimal::new(125, 2);
    partial.financial.programmed[3] = Decimal::new(800, 0);
    partial.financial.executed[8] = Decimal::new(79_999, 2);
    let unprogrammed = OperativeActivity::new("AOI00106600093", "ACTIVIDAD SIN PROGRAMACIÓN", "INFORME", AEI, "07");
    version.activities.extend([unapproved, partial, unprogrammed]);
    let mut investment = Investment::new("2456789", "MEJORAMIENTO DEL SERVICIO DE INTEGRIDAD", "ESTUDIO", AEI, "07");
    investment.physical.programmed[5] = Decimal::ONE;
    investment.financial.programmed[5] = Decimal::new(150_000, 0);
    investment.financial.executed[6] = Decimal::new(149_500, 0);
    version.investments.push(investment);
    ws.narrative.set_edit(
        AEI,
        4,
        SectionEdit { text: "Texto del usuario con **negrita** y <marcas> & \"comillas\".\n\n[Cuadro 2]".to_string(), drafted_from: String::new() },
    );
    ws
}

fn every_output() -> Vec<(String, Vec<u8>)> {
    let example = reference_workspace();
    let semester = Selection { version: Some(2), period: Period::FirstHalf, ..REFERENCE_VIEW };
    let mut files = outputs("ejemplo", &example, REFERENCE_VIEW);
    files.extend(outputs("ejemplo-v2-semestre", &example, semester));
    files.extend(outputs("filas", &every_kind_of_row(), REFERENCE_VIEW));
    files
}

#[test]
fn word_and_excel_outputs_are_the_committed_ones_byte_for_byte() {
    let dir = golden_dir();
    if std::env::var_os("FICHA_BLESS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in every_output() {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        return;
    }
    let mut differing = Vec::new();
    for (name, bytes) in every_output() {
        let expected = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("tests/golden/{name}: {e}"));
        if bytes != expected {
            let at = bytes.iter().zip(&expected).position(|(a, b)| a != b).unwrap_or(bytes.len().min(expected.len()));
            let actual = Path::new(env!("CARGO_TARGET_TMPDIR")).join(&name);
            std::fs::write(&actual, &bytes).unwrap();
            differing.push(format!("{name}: first difference at byte {at}; written to {}", actual.display()));
        }
    }
    assert!(differing.is_empty(), "outputs changed:\n{}", differing.join("\n"));
}
