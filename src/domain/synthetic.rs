//! Synthetic workspaces of any size, and what the pages compute from them, for the benchmark
//! (`make bench`) and the stored-size check; compiled only with the `bench` feature.

use rust_decimal::Decimal;

use super::example::reference_workspace;
use super::ficha::{version_financial_total, TableId};
use super::plan::{Aei, CostCenter, Indicator, OperativeActivity};
use super::{Selection, Workspace};

/// The example workspace with `activities` AO spread over `aeis` AEI and 10 CC in its latest
/// version, every month programmed and executed with realistic values; viewed as the example is
/// (`REFERENCE_VIEW`).
pub fn synthetic_workspace(activities: usize, aeis: usize) -> Workspace {
    let mut ws = reference_workspace();
    ws.is_example = false;
    let year = ws.years.first_mut().expect("the example has a year");
    year.aeis = (1..=aeis.max(1))
        .map(|i| Aei {
            code: format!("AEI.{:02}.{:02}", i / 10 + 1, i % 10 + 1),
            name: format!("ACCIÓN ESTRATÉGICA INSTITUCIONAL SINTÉTICA {i}"),
            oei_code: String::new(),
            indicator: Indicator::default(),
        })
        .collect();
    year.cost_centers =
        (1..=10).map(|i| CostCenter { code: format!("{i:02}"), name: format!("CENTRO DE COSTO {i:02}") }).collect();
    let aei_codes: Vec<String> = year.aeis.iter().map(|a| a.code.clone()).collect();
    let version = year.poi.versions.last_mut().expect("the example has versions");
    version.activities = (0..activities)
        .map(|i| {
            let mut ao = OperativeActivity::new(
                &format!("AOI{:011}", 100_000 + i),
                &format!("ACTIVIDAD OPERATIVA SINTÉTICA NÚMERO {i}"),
                "INFORME",
                &aei_codes[i % aei_codes.len()],
                &format!("{:02}", i % 10 + 1),
            );
            ao.follow_up_approved = i % 17 != 0;
            for m in 0..12 {
                let seed = (i * 31 + m * 7) % 23;
                ao.physical.programmed[m] = Decimal::from(seed % 5);
                ao.physical.executed[m] = Decimal::from((seed + i) % 6);
                ao.financial.programmed[m] = Decimal::new(((seed as i64) + 1) * 123_456, 2);
                ao.financial.executed[m] = Decimal::new((seed as i64) * 118_765, 2);
            }
            ao
        })
        .collect();
    ws
}

/// How many times one timed sample of the benchmark repeats a computation over `activities` AO:
/// a sample of small workspaces repeats so that it lasts well above the browser's clock resolution
/// (0.1 ms), the same in the native and the wasm run so their ratio is fair.
pub fn bench_batch(activities: usize) -> usize {
    20_000usize.div_ceil(activities.max(1))
}

/// What the AEI page computes after an edit: Cuadro 1, Cuadro 2 and Tabla 3 of the AEI as they
/// print (Tabla 3's Total over the whole version); the rows produced.
pub fn aei_page_tables(ws: &Workspace, selection: Selection, aei_code: &str) -> usize {
    TableId::ALL.iter().filter_map(|&id| ws.table(selection, aei_code, id)).map(|t| t.body.len() + t.foot.len()).sum()
}

/// What the Resumen page computes: Cuadro 1 of every AEI of the year; the AEI counted.
pub fn summary_page_cuadro1(ws: &Workspace, selection: Selection) -> usize {
    let Some(year) = ws.year(selection.year) else { return 0 };
    year.aeis.iter().filter(|aei| ws.cuadro1(selection, &aei.code).is_some()).count()
}

/// Tabla 3's Total alone: the financial programming and execution of every AO of the version.
pub fn version_total(ws: &Workspace, selection: Selection) -> Decimal {
    ws.evaluated_version(selection).map_or(Decimal::ZERO, |v| version_financial_total(v, selection.period).map_or(Decimal::ZERO, |(_, executed)| executed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::REFERENCE_VIEW;
    use crate::storage::document::encode;

    #[test]
    fn the_benchmarked_computations_are_the_pages_tables() {
        let ws = synthetic_workspace(400, 8);
        let aei = &ws.year(2023).unwrap().aeis[0].code;
        // 50 AO in Cuadro 2 and Tabla 3, the AEI and its CC in Cuadro 1, the Total.
        let cuadro1_rows = 1 + ws.cuadro1(REFERENCE_VIEW, aei).unwrap().cost_centers.len();
        assert_eq!(aei_page_tables(&ws, REFERENCE_VIEW, aei), cuadro1_rows + 50 + 50 + 1);
        assert_eq!(summary_page_cuadro1(&ws, REFERENCE_VIEW), 8);
        assert_eq!(version_total(&ws, REFERENCE_VIEW), ws.tabla3(REFERENCE_VIEW, aei).unwrap().total_financial_executed);
    }

    #[test]
    fn five_thousand_ao_are_stored_in_under_two_and_a_half_megabytes() {
        let text = encode(&synthetic_workspace(5_000, 40));
        assert!(text.len() < 2_500_000, "stored size {} bytes", text.len());
    }
}
