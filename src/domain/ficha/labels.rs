//! The reference ficha's fixed wording: table captions, column titles, footnotes, source lines.

use crate::domain::plan::{Period, PoiVersion};

/// "Fuente:" line under every table.
pub const SOURCE: &str = "Fuente: Aplicativo CEPLAN V.01.";

/// A financial cell of a period the source gave no monthly detail for (annual totals only).
pub const NO_MONTHLY_DETAIL: &str = "sin detalle mensual";

/// "Elaboración:" line under every table.
pub fn prepared_by(office: &str) -> String {
    format!("Elaboración: {}.", office.trim_end_matches('.'))
}

/// The lines under every table and chart: "Fuente:" and "Elaboración:".
pub fn source_lines(office: &str) -> [String; 2] {
    [SOURCE.to_string(), prepared_by(office)]
}

/// Caption of Cuadro 1.
pub const CUADRO1_CAPTION: &str = "Cuadro 1: Ejecución física de las AO e inversiones vinculadas a la AEI";

/// Column titles of Cuadro 1 with their footnote marks.
pub const CUADRO1_COLUMNS: [(&str, &str); 6] = [
    ("CÓDIGO", ""),
    ("DENOMINACIÓN ACCIÓN ESTRATÉGICA INSTITUCIONAL / CENTRO DE COSTO", ""),
    ("NÚMERO DE AO", "1/"),
    ("NÚMERO DE AO CON EJECUCIÓN FÍSICA ≥100%", "2/"),
    ("EJECUCIÓN FINANCIERA", "3/"),
    ("PROMEDIO DE EJECUCIÓN FÍSICA AJUSTADO DE LAS AO", "4/"),
];

/// Caption of the Informe's summary of every AEI (section 1.2).
pub const AEI_SUMMARY_CAPTION: &str = "Cuadro: Resumen de la implementación de las AEI";

/// Caption of the Informe's annex 4.1, before the period.
pub const BUDGET_EXECUTION_CAPTION: &str = "Cuadro: Ejecución financiera de las AO por categoría presupuestal";

/// Column titles of the Informe's annex 4.1.
pub const BUDGET_EXECUTION_COLUMNS: [&str; 4] =
    ["CATEGORÍA / PROGRAMA PRESUPUESTAL", "PROGRAMADO (S/)", "EJECUTADO (S/)", "% DE AVANCE"];

/// "del año 2023", "del primer semestre de 2023".
pub fn period_of(year: u16, period: Period) -> String {
    match period {
        Period::Annual => format!("del año {year}"),
        Period::FirstHalf => format!("del primer semestre de {year}"),
    }
}

/// Footnotes 1/–4/ of Cuadro 1, worded for the period.
pub fn cuadro1_footnotes(period: Period) -> [String; 4] {
    let (yearly, in_period) = match period {
        Period::Annual => ("anual", "en el año"),
        Period::FirstHalf => ("semestral", "en el semestre"),
    };
    [
        format!("1/ Se contabiliza el número de AO con programación física {yearly} mayor a cero y con seguimiento aprobado"),
        format!("2/ De las AO resultantes del 1/ se contabiliza cuantos tuvieron un nivel de ejecución promedio mayor o igual al 100% {in_period}"),
        format!("3/ Se obtiene la sumatoria {yearly} del seguimiento financiero definido en 1/"),
        format!("4/ Se obtiene el nivel de ejecución física promedio por CC, considerando valores truncados al 100% en la ejecución de las AO {in_period}. A nivel de AEI no se promedia los valores por CC, sino de todas las AO. En los promedios solo se consideran las AO con programación física mayor a 0 {in_period}."),
    ]
}

/// Caption of Cuadro 2.
pub fn cuadro2_caption(year: u16, aei_code: &str) -> String {
    format!("Cuadro 2: Actividades Operativas del POI {year}, relacionadas con la {aei_code}")
}

/// Column titles of Cuadro 2 that span both header rows.
pub const CUADRO2_COLUMNS: [&str; 3] = ["ACCIÓN ESTRATÉGICA INSTITUCIONAL", "CÓDIGO ACTIVIDAD OPERATIVA", "UNIDAD DE MEDIDA"];

/// Column titles of Cuadro 2's physical goals, under `cuadro2_goals_title`.
pub const CUADRO2_GOAL_COLUMNS: [&str; 3] = ["PROGRAMADO", "EJECUTADO", "% AVANCE"];

/// Column titles of Tabla 3 that span both header rows.
pub const TABLA3_COLUMNS: [&str; 2] = ["ACTIVIDAD OPERATIVA", "UNIDAD DE MEDIDA"];

/// Tabla 3's two column groups, physical then financial, as the reference spells them.
pub const TABLA3_GROUPS: [&str; 2] = ["METAS FISICAS", "METAS FINANCIERA"];

/// Column titles under each of Tabla 3's groups.
pub const TABLA3_GROUP_COLUMNS: [&str; 3] = ["PROGRAMACIÓN", "EJECUCIÓN", "% DE AVANCE"];

/// The group title over Cuadro 2's physical columns.
pub fn cuadro2_goals_title(year: u16, period: Period) -> String {
    match period {
        Period::Annual => format!("METAS FÍSICAS DEL POI ANUAL {year}"),
        Period::FirstHalf => format!("METAS FÍSICAS DEL POI {year} AL I SEMESTRE"),
    }
}

/// Caption of Tabla 3.
pub fn tabla3_caption(version: &PoiVersion, year: u16, period: Period) -> String {
    let when = match period {
        Period::Annual => format!("al año {year}"),
        Period::FirstHalf => format!("al primer semestre {year}"),
    };
    format!("Tabla 3. Avance de ejecución física y financiera del {} {when}", version.label())
}
