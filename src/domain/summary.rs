//! The Resumen as every layout of it shows it (the live page and the first screen written into
//! index.html at build time): the app's header, the page's wording and its AEI overview.

use rust_decimal::Decimal;

use crate::domain::{Selection, Workspace};

/// The app's name, as the header shows it.
pub const APP_NAME: &str = "Ficha · Fichas de implementación de AEI";

/// The header's links: (hash, label).
pub const NAV: [(&str, &str); 8] = [
    ("#/", "Resumen"),
    ("#/aei", "AEI"),
    ("#/estructura", "Estructura"),
    ("#/versiones", "Versiones"),
    ("#/integridad", "Integridad"),
    ("#/informe", "Informe"),
    ("#/recomendaciones", "Recomendaciones"),
    ("#/datos", "Importar / Exportar"),
];

/// The notice over the example.
pub const EXAMPLE_LABEL: &str = "EJEMPLO: ficha publicada de la AEI.08.05 (2023), con sus cifras. Puede explorarla y editarla.";
/// The example's button to the user's own workspace, before it holds anything.
pub const START_OWN: &str = "Empezar mi espacio de trabajo";
/// The same button once the own workspace holds something.
pub const GO_TO_OWN: &str = "Ir a mi espacio de trabajo";
/// The example's button that drops its edits.
pub const RESET_EXAMPLE: &str = "Restablecer el ejemplo";

pub const TITLE: &str = "Resumen";
pub const ENTITY_NAME_LABEL: &str = "Unidad Ejecutora";
pub const ENTITY_OFFICE_LABEL: &str = "Oficina que elabora la ficha";
pub const YEAR_LABEL: &str = "Año";
pub const VERSION_LABEL: &str = "Versión del POI evaluada";
pub const PERIOD_LABEL: &str = "Periodo";
pub const AEI_SECTION_TITLE: &str = "Acciones Estratégicas Institucionales";

/// Caption of the AEI overview.
pub const AEI_LIST_CAPTION: &str = "AEI del año y su ejecución";
/// Column titles of the AEI overview.
pub const AEI_LIST_COLUMNS: [&str; 4] = ["CÓDIGO", "DENOMINACIÓN", "NÚMERO DE AO", "PROMEDIO DE EJECUCIÓN FÍSICA AJUSTADO"];
/// What the overview says of a year without AEI.
pub const NO_AEI: &str = "Aún no hay AEI en este año. Importe una hoja de AO o agréguelas en la página AEI.";

/// One line of the AEI overview: the AEI and its Cuadro 1 figures 1/ and 4/.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AeiLine {
    pub code: String,
    pub name: String,
    pub activity_count: usize,
    pub average_adjusted_physical_execution: Option<Decimal>,
}

/// The AEI of the selected year, each with its Cuadro 1 figures.
pub fn aei_overview(ws: &Workspace, selection: Selection) -> Vec<AeiLine> {
    let Some(year) = ws.year(selection.year) else { return Vec::new() };
    year.aeis
        .iter()
        .map(|aei| {
            let cuadro1 = ws.cuadro1(selection, &aei.code);
            AeiLine {
                code: aei.code.clone(),
                name: aei.name.clone(),
                activity_count: cuadro1.as_ref().map_or(0, |c| c.aei.activity_count),
                average_adjusted_physical_execution: cuadro1.and_then(|c| c.aei.average_adjusted_physical_execution),
            }
        })
        .collect()
}

/// The evaluated version as the version picker names it: "POI Modificado versión 1 (Resolución … N° …)".
pub fn version_option(label: &str, citation: &str) -> String {
    format!("{label} ({citation})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{reference_workspace, REFERENCE_VIEW};
    use crate::domain::language::average;

    #[test]
    fn the_example_overview_is_cuadro1_of_its_aei() {
        let lines = aei_overview(&reference_workspace(), REFERENCE_VIEW);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].code, "AEI.08.05");
        assert_eq!(lines[0].activity_count, 1);
        assert_eq!(average(lines[0].average_adjusted_physical_execution), "100.00");
    }

    #[test]
    fn a_year_the_workspace_lacks_has_no_lines() {
        assert!(aei_overview(&reference_workspace(), Selection::of_year(1999)).is_empty());
    }
}
