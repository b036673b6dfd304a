//! Synthetic workspaces of any size, for the benchmark and the stored-size checks.

use rust_decimal::Decimal;

use super::example::reference_workspace;
use super::plan::{Aei, CostCenter, Indicator, OperativeActivity};
use super::workspace::Workspace;

/// The example workspace with `activities` AO spread over `aeis` AEI and 10 CC in its latest
/// version, every month programmed and executed with realistic values.
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

/// Computes every table (Cuadro 1, Cuadro 2, Tabla 3) of every AEI; returns the AO rows produced.
pub fn compute_every_table(ws: &Workspace) -> usize {
    let Some(year) = ws.year() else { return 0 };
    year.aeis
        .iter()
        .map(|aei| {
            let c1 = ws.cuadro1(&aei.code).map_or(0, |t| t.cost_centers.len() + 1);
            let c2 = ws.cuadro2(&aei.code).len();
            let t3 = ws.tabla3(&aei.code).map_or(0, |t| t.rows.len());
            c1 + c2 + t3
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::document::encode;

    #[test]
    fn five_thousand_ao_are_stored_in_under_two_and_a_half_megabytes() {
        let text = encode(&synthetic_workspace(5_000, 40));
        assert!(text.len() < 2_500_000, "stored size {} bytes", text.len());
    }
}
