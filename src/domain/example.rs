//! The reference ficha (AEI.08.05, 2023) as the preloaded example workspace (docs/EXAMPLE.md): all example data, nowhere else.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::domain::calendar::Date;
use crate::domain::document::{
    ActivityNarrative, AeiNarrative, CorrectiveMeasure, EntityReference, NarrativeInputs, Problem,
};
use crate::domain::ficha::{IntegrityResult, IntegrityStage};
use crate::domain::plan::{
    Aei, Amendment, BudgetCategory, CostCenter, Entity, Indicator, MonthlyValues, OperativeActivity, Period, Poi, PoiVersion, Resolution,
};
use crate::domain::recommendations::{Recommendation, RecommendationRegister, RecommendationSource, RecommendationType};
use crate::domain::{Selection, Settings, Workspace, YearPlan};

/// Code of the example's integrity AO.
pub const INTEGRITY_AO: &str = "AOI00106600085";
/// Code of the line that aggregates the rest of the POI, which the reference does not publish AO by AO.
pub const REST_OF_POI: &str = "RESTO-POI-2023";
/// What a newcomer sees of the example first: 2023, the latest version, the whole year.
pub const REFERENCE_VIEW: Selection = Selection { year: 2023, version: None, period: Period::Annual };

fn soles(units: i64, cents: u32) -> Decimal {
    Decimal::new(units * 100 + i64::from(cents), 2)
}

/// Spreads an annual amount over the twelve months to the cent; December takes the remainder.
fn spread_over_year(total: Decimal) -> [Decimal; 12] {
    let monthly = (total / Decimal::from(12)).round_dp(2);
    let mut months = [monthly; 12];
    months[11] = total - monthly * Decimal::from(11);
    months
}

fn integrity_activity() -> OperativeActivity {
    let mut ao = OperativeActivity::new(
        INTEGRITY_AO,
        "SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD",
        "INFORME",
        "AEI.08.05",
        "07",
    );
    ao.budget_category_code = "PP 0073".to_string();
    ao.physical.programmed[11] = Decimal::ONE;
    ao.physical.executed[11] = Decimal::ONE;
    // Incorporated in version 2: programmed and spent in the second half, S/ 3,500 a month.
    for month in 6..12 {
        ao.financial.programmed[month] = soles(3_500, 0);
        ao.financial.executed[month] = soles(3_500, 0);
    }
    ao
}

fn rest_of_poi(programmed: Decimal, executed: Decimal) -> OperativeActivity {
    let mut ao = OperativeActivity::new(
        REST_OF_POI,
        "Resto de actividades operativas del POI (línea agregada del ejemplo)",
        "VARIAS",
        "",
        "07",
    );
    ao.budget_category_code = "PP 0073".to_string();
    ao.financial = MonthlyValues { programmed: spread_over_year(programmed), executed: spread_over_year(executed) };
    ao
}

fn version(number: u32, kind: &str, resolution: &str, amendments: Vec<Amendment>, activities: Vec<OperativeActivity>) -> PoiVersion {
    PoiVersion {
        number,
        resolution: Resolution { kind: kind.to_string(), number: resolution.to_string(), date: String::new() },
        amendments,
        activities,
        ..PoiVersion::default()
    }
}

fn amendment(instrument: &str, reason: &str, added: u32, amount: Option<Decimal>) -> Amendment {
    Amendment { instrument: instrument.to_string(), reason: reason.to_string(), activities_added: Some(added), amount }
}

fn poi() -> Poi {
    const RSG: &str = "Resolución del Secretario General";
    // Whole-POI totals of version 3 less the integrity AO, so that Tabla 3's Total is the reference's.
    let rest = || rest_of_poi(soles(650_748_332, 0), soles(646_129_876, 90));
    let pia_amount = soles(529_836_736, 0);
    let mut pia = version(
        0,
        "Resolución Ministerial",
        "011-2023-TR",
        vec![amendment("", "la aprobación del Plan Operativo Institucional (POI) 2023 Consistente con el Presupuesto Institucional de Apertura (PIA) 2023", 4, Some(pia_amount))],
        vec![rest_of_poi(pia_amount, Decimal::ZERO)],
    );
    pia.pia_amount = Some(pia_amount);
    pia.declared_activity_count = Some(4);
    let v1 = version(
        1,
        RSG,
        "052-2023-TR/SG",
        vec![
            amendment(
                "",
                "la incorporación de recursos financieros a través de la Ley No. 31728 - Ley que aprueba créditos suplementarios para el financiamiento de mayores gastos en el marco de la reactivación económica, a favor de diversos pliegos del gobierno nacional, gobiernos regionales y gobiernos locales, y dicta otras medidas",
                4,
                None,
            ),
            amendment(
                "Decreto Supremo N° 113-2023-EF",
                "la transferencia de partidas por el monto de S/ 12,000 para financiar el pago de sentencias judiciales en calidad de cosa juzgada y en ejecución al 31 de diciembre del año 2022",
                1,
                Some(soles(12_000, 0)),
            ),
        ],
        vec![rest()],
    );
    let v2 = version(
        2,
        RSG,
        "069-2023-TR/SG",
        vec![amendment(
            "",
            "la incorporación una actividad operativa Seguimiento a la Implementación del Modelo de Integridad en cumplimiento de la AEI 8.5 y a lo establecido en la Guía de Evaluación del Estándar de Integridad de la Etapa 1, aprobada mediante la Resolución de Secretaria de Integridad Pública N° 003-2023-PCM/SIP",
            1,
            None,
        )],
        vec![integrity_activity(), rest()],
    );
    let v3 = version(
        3,
        RSG,
        "013-2024-TR/SG",
        vec![amendment(
            "",
            "la Transferencias de Partidas en el Presupuesto del Sector Público para el Año Fiscal 2023 a favor de la Reserva de Contingencia del Ministerio de Economía y Finanzas a través de las Resoluciones Ministeriales N° 461 y 462-2023-TR",
            0,
            None,
        )],
        vec![integrity_activity(), rest()],
    );
    Poi { versions: vec![pia, v1, v2, v3] }
}

fn integrity() -> IntegrityResult {
    let mut result = IntegrityResult::empty();
    result.stages[0] = IntegrityStage { name: "Cumplimiento normativo e Institucionalización".to_string(), score: Some(Decimal::new(87, 2)) };
    result.stages[1] = IntegrityStage { name: "Aplicación e implementación".to_string(), score: Some(Decimal::new(93, 2)) };
    result.sector_place = Some(1);
    result.entities_evaluated = Some(189);
    result
}

/// The reference ficha as a workspace: entity, 2023, AEI.08.05, CC 07, the version chain, the ICP.
pub fn reference_workspace() -> Workspace {
    let year = YearPlan {
        year: 2023,
        oeis: Vec::new(),
        aeis: vec![Aei {
            code: "AEI.08.05".to_string(),
            name: "MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO.".to_string(),
            oei_code: String::new(),
            indicator: Indicator {
                name: "Porcentaje de implementación del Programa de Integridad del MTPE".to_string(),
                unit: "Porcentaje".to_string(),
                baseline: None,
                expected_value: None,
            },
        }],
        cost_centers: vec![CostCenter { code: "07".to_string(), name: "OFICINA NACIONAL Y UNIDADES ZONALES".to_string() }],
        budget_categories: vec![BudgetCategory {
            code: "PP 0073".to_string(),
            name: "Programa para la Generación de Empleo Social Inclusivo – Trabaja Perú".to_string(),
        }],
        poi: poi(),
        integrity: Some(integrity()),
        ficha_date: "2024-05-13".to_string(),
        informe_name: String::new(),
    };
    Workspace {
        is_example: true,
        entity: Entity {
            name: "001066 - PROGRAMA PARA LA GENERACION DE EMPLEO SOCIAL INCLUSIVO \"TRABAJA PERU\"".to_string(),
            short_name: "Programa de Empleo Temporal “Llamkasun Perú”".to_string(),
            sector: "Trabajo y Promoción del Empleo".to_string(),
            office: "Unidad Funcional de Planeamiento y Presupuesto – UFPP".to_string(),
            purpose: "El Programa de Empleo Temporal “Llamkasun Perú” tiene como objetivo generar empleo temporal en la población en edad de trabajar a partir de los 18 años, que se encuentren en situación de desempleo, sub empleo, en condición de pobreza, pobreza extrema, o que enfrente especiales dificultades estructurales o coyunturales, afectada por crisis económica y/o en situación de emergencia o desastres. Para lo cual, realiza el financiamiento o cofinanciamiento de proyectos de inversión y actividades de intervención inmediata intensivas en mano de obra no calificada (MONC), con pertinencia social, cuya ejecución está a cargo de los gobiernos locales y regionales.".to_string(),
        },
        years: vec![year],
        settings: Settings::default(),
        narrative: reference_inputs(),
        recommendations: reference_register(),
        imports: Default::default(),
    }
}

/// The reference ficha's texts for AEI.08.05 and its AO.
pub fn reference_inputs() -> NarrativeInputs {
    let integrity = ActivityNarrative {
        prose_name: String::new(),
        unit_noun: None,
        goal_description: "a través de los cuales se reportan las acciones y/o tareas realizadas, en el marco del seguimiento de la implementación del modelo de integridad".to_string(),
        achievement_verb: "elaboró".to_string(),
        achievement: "sobre la evaluación de los resultados proporcionados por la Secretaria de Integridad Pública respecto a la implementación del modelo de integridad, en función al cumplimiento a lo establecido en la Guía de Evaluación del Estándar de Integridad de la Etapa 1, aprobada por Resolución de Secretaria de Integridad Pública N° 003-2023-PCM/SIP".to_string(),
        contribution: "Mediante esta actividad el equipo técnico de la Coordinación Funcional de Integridad perteneciente a la Dirección Ejecutiva llevo a cabo diferentes acciones para cumplir con lo establecido en la Guía de Evaluación Estándar de Integridad de la Etapa 1, aprobada por Resolución de Secretaria de Integridad Pública N° 003-2023-PCM/SIP.".to_string(),
        problems: vec![Problem {
            description: "No se cuenta con información respecto al nivel de avance de implementación de las recomendaciones derivadas de informes de servicios de control posterior emitidos por el OCI, CGR y Sociedades de Auditoría.".to_string(),
            measures: vec![CorrectiveMeasure {
                description: "Se implementará un sistema de monitoreo y supervisión respecto al avance de implementación de las recomendaciones derivadas de informes de servicios de control posterior emitidos por el OCI, CGR y Sociedades de Auditoría.".to_string(),
            }],
        }],
    };
    let aei = AeiNarrative {
        prose_name: "Modelo de Integridad implementado en la Gestión Interna del Ministerio de Trabajo y Promoción del Empleo".to_string(),
        theme: "el modelo de integridad".to_string(),
        reports_icp: true,
        icp_actions: [
            "Creación de la Coordinación Funcional de Integridad, como equipo de trabajo al interior de la Dirección Ejecutiva del Programa, mediante Resolución Directoral N° 050-2023-LP/DE.",
            "Incorporación de la actividad operativa integridad en el POI 2023.",
            "Implementación del registro de visitas en línea en todas las sedes a nivel nacional.",
            "Incorporación del enfoque de integridad en los Procesos de Selección de Personal, mediante la Resolución Directoral N° 294-2023-LLP/DE.",
            "Aprobación de la “Directiva que establece el procedimiento para el reconocimiento de las/os servidoras/es civiles del Programa de Empleo Temporal “Llamkasun Perú””, mediante la Resolución Directoral N° 260-2023-LLP/DE.",
        ]
        .map(str::to_string)
        .to_vec(),
        activities: BTreeMap::from([(INTEGRITY_AO.to_string(), integrity)]),
        cite_control_indicators: false,
        edits: BTreeMap::new(),
    };
    NarrativeInputs {
        entity_reference: EntityReference::default(),
        pliego: "Ministerio de Trabajo y Promoción del Empleo".to_string(),
        aeis: BTreeMap::from([("AEI.08.05".to_string(), aei)]),
        informes: BTreeMap::new(),
    }
}

/// The reference ficha's two recommendations of the first-semester POI evaluation (section 5), as
/// the example's register holds them.
pub fn reference_register() -> RecommendationRegister {
    const REPORT: &str = "Informe de Evaluación de Implementación del Plan Operativo Institucional (POI) Anual 2023 correspondiente al primer semestre";
    const FOLLOW_UP: &str = "Al respecto, durante el primer semestre de 2023, no se contaba con la actividad operativa vinculada a la AEI.8.5, dado que esta fue incorporada en el Plan Operativo Institucional (POI) Modificado Versión 2.";
    const TEXTS: [&str; 2] = [
        "Se recomienda la inclusión de los empleos temporales producto de la intervención de las actividades de intervención inmediata, modificando el nombre del indicador de Acción Estratégica Institucional (AEI) N° 7.4, de la siguiente manera: “Número de empleos temporales generados a través del financiamiento o cofinanciamiento de proyectos de inversión pública y actividades intensivas en mano de obra no calificada.",
        "Se recomienda que, a través de las Unidades Territoriales se brinde un seguimiento constante a los Organismos Ejecutores (Gobiernos Locales), así como, realizar visitas inopinadas.",
    ];
    // The reference does not date the report; the example assumes the end of August 2023, after
    // the first semester it evaluates closed.
    let date = Date::new(2023, 8, 31).expect("a valid date");
    let mut register = RecommendationRegister::default();
    for (i, text) in TEXTS.iter().enumerate() {
        let source = RecommendationSource::PreviousEvaluation { report: REPORT.to_string(), date };
        let mut recommendation =
            Recommendation::new(source, &(i + 1).to_string(), text, RecommendationType::ManagementImprovement);
        recommendation.follow_up = FOLLOW_UP.to_string();
        register.add_recommendation(recommendation).expect("the reference recommendations are valid");
    }
    register
}
