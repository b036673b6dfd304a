//! Synthetic workspaces of any size, for the benchmark and the stored-size checks.

use rust_decimal::Decimal;

use super::example::reference_workspace;
use crate::domain::ficha::every_table;
use crate::domain::plan::{Aei, CostCenter, Indicator, OperativeActivity};
use crate::domain::{Selection, Workspace};

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

/// How many times one timed sample of the benchmark computes every table of `activities` AO: a
/// sample of small workspaces repeats so that it lasts well above the browser's clock resolution
/// (0.1 ms), the same in the native and the wasm run so their ratio is fair.
pub fn bench_batch(activities: usize) -> usize {
    20_000usize.div_ceil(activities.max(1))
}

/// Computes every table (Cuadro 1, Cuadro 2, Tabla 3) of every AEI; returns the rows produced.
pub fn compute_every_table(ws: &Workspace, selection: Selection) -> usize {
    let (Some(year), Some(version)) = (ws.year(selection.year), ws.evaluated_version(selection)) else { return 0 };
    let tables = every_table(version, &year.aeis, &year.cost_centers, selection.period, ws.settings.table_options());
    tables.aeis.iter().map(|(c1, rows)| c1.cost_centers.len() + 1 + rows.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::REFERENCE_VIEW;
    use crate::storage::document::encode;

    #[test]
    fn every_table_agrees_with_the_per_aei_tables() {
        let ws = synthetic_workspace(500, 7);
        let view = REFERENCE_VIEW;
        let year = ws.year(view.year).unwrap();
        let all = every_table(ws.evaluated_version(view).unwrap(), &year.aeis, &year.cost_centers, view.period, ws.settings.table_options());
        for (aei, (cuadro1, rows)) in year.aeis.iter().zip(&all.aeis) {
            assert_eq!(Some(cuadro1), ws.cuadro1(view, &aei.code).as_ref());
            let expected: Vec<_> = ws.cuadro2(view, &aei.code).iter().map(|f| (f.code.clone(), f.figures())).collect();
            let got: Vec<_> = rows.iter().map(|(ao, f)| (ao.code.clone(), *f)).collect();
            assert_eq!(got, expected);
        }
        let tabla3 = ws.tabla3(view, &year.aeis[0].code).unwrap();
        assert_eq!(all.total_financial_programmed, tabla3.total_financial_programmed);
        assert_eq!(all.total_financial_executed, tabla3.total_financial_executed);
    }

    #[test]
    fn five_thousand_ao_are_stored_in_under_two_and_a_half_megabytes() {
        let text = encode(&synthetic_workspace(5_000, 40));
        assert!(text.len() < 2_500_000, "stored size {} bytes", text.len());
    }
}
