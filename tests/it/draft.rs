//! The drafted ficha against the reference's wording, its response to the data, and edits over it.

use std::str::FromStr;

use ficha::domain::document::{
    blocks_from_text, draft_ficha, section_state, spans_from_markup, Block, EntityReference, FichaDraft, NarrativeInputs,
    SectionEdit, SectionState, Span,
};
use ficha::domain::example::{reference_inputs, reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::ficha::TableId;
use ficha::domain::plan::{OperativeActivity, Period};
use ficha::domain::synthetic::synthetic_workspace;
use ficha::domain::{Selection, Workspace};
use rust_decimal::Decimal;

const AEI: &str = "AEI.08.05";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn draft(ws: &Workspace) -> FichaDraft {
    draft_viewed(ws, REFERENCE_VIEW)
}

fn draft_viewed(ws: &Workspace, view: Selection) -> FichaDraft {
    draft_ficha(ws, view, &reference_inputs(), AEI)
}

fn reference() -> FichaDraft {
    draft(&reference_workspace())
}

/// The section's blocks as plain text, one string per block.
fn blocks(ficha: &FichaDraft, number: u8) -> Vec<String> {
    ficha.section(number).unwrap().plain_text().split("\n\n").map(str::to_string).collect()
}

fn has_block(ficha: &FichaDraft, number: u8, text: &str) -> bool {
    blocks(ficha, number).iter().any(|b| b == text)
}

fn assert_block(ficha: &FichaDraft, number: u8, text: &str) {
    assert!(
        has_block(ficha, number, text),
        "section {number} lacks:\n{text}\n\nit reads:\n{}",
        ficha.section(number).unwrap().plain_text()
    );
}

/// The integrity AO in the evaluated version (3), for changing its data.
fn integrity_ao(ws: &mut Workspace) -> &mut OperativeActivity {
    ws.year_mut(2023).unwrap().poi.editable_version_mut(3).unwrap().activity_mut(INTEGRITY_AO).unwrap()
}

fn add_activity_to_aei(ws: &mut Workspace, code: &str) {
    let mut ao = OperativeActivity::new(code, "OTRA ACTIVIDAD DE INTEGRIDAD", "INFORME", AEI, "07");
    ao.physical.programmed[11] = Decimal::ONE;
    ws.year_mut(2023).unwrap().poi.editable_version_mut(3).unwrap().activities.push(ao);
}

// --- The reference, sentence by sentence ----------------------------------------------------------

#[test]
fn title_block_is_the_references() {
    let title = reference().title;
    assert_eq!(title.entity_name, "001066 - PROGRAMA PARA LA GENERACION DE EMPLEO SOCIAL INCLUSIVO \"TRABAJA PERU\"");
    assert_eq!(
        title.title,
        "Ficha de implementación de la AEI.08.05: MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO."
    );
    assert_eq!(title.period_line, "Correspondiente al año 2023");
    assert_eq!(title.date, "13 de mayo, 2024");
}

#[test]
fn headings_are_the_references() {
    let headings: Vec<String> = reference().sections.iter().map(|s| s.heading.clone()).collect();
    assert_eq!(
        headings,
        [
            "1. Implementación de la AEI.08.05",
            "2. Modificaciones de las AO en la etapa de ejecución del POI",
            "3. Estado de ejecución financiera de las AO por AEI.08.05",
            "4. Análisis de contribución y pertinencia de las AO a la implementación de la AEI.08.05",
            "5. Seguimiento a la aplicación de las recomendaciones de evaluaciones previas",
            "6. Medidas correctivas y preventivas para la implementación en el siguiente periodo de la AEI.08.05",
            "7. Conclusión",
        ]
    );
}

#[test]
fn section1_opens_with_the_entitys_purpose() {
    let ws = reference_workspace();
    assert_eq!(blocks(&reference(), 1)[0], ws.entity.purpose);
}

#[test]
fn section1_states_the_aei_without_goal_and_its_icp_as_the_reference() {
    // The reference's stray space before the comma after the indicator ("MTPE” ,") is dropped.
    assert_block(
        &reference(),
        1,
        "Respecto al Plan Estratégico Institucional (PEI), el Programa se encuentra alineado en la Acción Estratégica Institucional AEI N° 8.5 “Modelo de Integridad implementado en la Gestión Interna del Ministerio de Trabajo y Promoción del Empleo”, y cuyo indicador es el “Porcentaje de implementación del Programa de Integridad del MTPE”, por lo que en el año 2023 no presenta una meta programada, no obstante, a través de las acciones que realizaron para la implementación de la etapa 1 y 2 del Modelo de Integridad, obtuvo un Índice de Capacidad Preventiva frente a la Corrupción (ICP) de 1.80, ocupando el primer lugar a nivel de entidades del sector Trabajo y Promoción del Empleo, según el reporte nacional de la implementación del modelo de Integridad, correspondiente al año 2023.",
    );
}

#[test]
fn section1_counts_the_aeis_activity_in_words_as_the_reference() {
    assert_block(
        &reference(),
        1,
        "En ese sentido, de acuerdo con el Plan Operativo Institucional (POI) 2023, el Programa contó con una (01) actividad operativa que estuvo relacionada directamente con el modelo de integridad, el cual se detalla a continuación:",
    );
}

#[test]
fn section1_physical_result_reads_as_the_reference() {
    assert_block(
        &reference(),
        1,
        "Durante el año 2023, el Programa elaboró un (01) informe sobre la evaluación de los resultados proporcionados por la Secretaria de Integridad Pública respecto a la implementación del modelo de integridad, en función al cumplimiento a lo establecido en la Guía de Evaluación del Estándar de Integridad de la Etapa 1, aprobada por Resolución de Secretaria de Integridad Pública N° 003-2023-PCM/SIP lo que representó el 100% de la meta física anual programada (01 informe).",
    );
}

#[test]
fn section1_places_cuadro1_before_and_cuadro2_after_the_ao_result() {
    let ficha = reference();
    let section = ficha.section(1).unwrap();
    let tables: Vec<(usize, TableId)> = section
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Table(t) => Some((i, *t)),
            _ => None,
        })
        .collect();
    assert_eq!(tables, [(3, TableId::Cuadro1), (5, TableId::Cuadro2)]);
    assert!(
        matches!(&section.blocks[4], Block::Paragraph(spans) if spans[0].text.starts_with("Durante el año 2023, el Programa elaboró"))
    );
}

#[test]
fn section2_narrates_each_version_as_the_reference() {
    let ficha = reference();
    assert_block(
        &ficha,
        2,
        "Mediante la Resolución del Secretario General N° 052-2023-TR/SG, se aprobó la modificación del Plan Operativo Institucional (POI) 2023 versión 1 del Ministerio de Trabajo y Promoción del Empleo, debido a la incorporación de recursos financieros a través de la Ley No. 31728 - Ley que aprueba créditos suplementarios para el financiamiento de mayores gastos en el marco de la reactivación económica, a favor de diversos pliegos del gobierno nacional, gobiernos regionales y gobiernos locales, y dicta otras medidas. Agregando cuatro (04) nuevas actividades operativas.",
    );
    assert_block(
        &ficha,
        2,
        "- Adicionalmente, mediante Decreto Supremo N° 113-2023-EF, se aprobó la transferencia de partidas por el monto de S/ 12,000 para financiar el pago de sentencias judiciales en calidad de cosa juzgada y en ejecución al 31 de diciembre del año 2022. Agregando una (01) nueva actividad operativa.",
    );
    assert_block(
        &ficha,
        2,
        "Mediante la Resolución del Secretario General N° 013-2024-TR/SG, se aprobó la modificación del Plan Operativo Institucional (POI) 2023 versión 3 del Ministerio de Trabajo y Promoción del Empleo, debido a la Transferencias de Partidas en el Presupuesto del Sector Público para el Año Fiscal 2023 a favor de la Reserva de Contingencia del Ministerio de Economía y Finanzas a través de las Resoluciones Ministeriales N° 461 y 462-2023-TR.",
    );
    for heading in [
        "- Plan Operativo Institucional (POI)",
        "- Modificación del Plan Operativo Institucional (POI)-1ra. Versión",
        "- Modificación del Plan Operativo Institucional (POI)-2da. Versión",
        "- Modificación del Plan Operativo Institucional (POI)-3ra. Versión",
    ] {
        assert_block(&ficha, 2, heading);
    }
}

#[test]
fn section2_initial_version_states_its_count_of_activities() {
    // The reference's Anexo B-5 and pliego 012 detail is not in the data; the count and the PIA are.
    assert_block(
        &reference(),
        2,
        "Mediante la Resolución Ministerial N° 011-2023-TR, se aprobó el Plan Operativo Institucional (POI) 2023 Consistente con el Presupuesto Institucional de Apertura (PIA) 2023 del Ministerio de Trabajo y Promoción del Empleo, por el monto de S/ 529,836,736. Al respecto, el Plan Operativo Institucional contó con cuatro (04) actividades operativas.",
    );
}

#[test]
fn section2_total_is_the_sum_of_the_chain() {
    // 4 (PIA) + 4 + 1 (version 1) + 1 (version 2, the integrity AO) + 0 = 10. The reference says
    // "nueve (09)": it leaves out the AO version 2 added, which its own chain declares.
    assert_eq!(
        blocks(&reference(), 2)[0],
        "El Programa de Empleo Temporal “Llamkasun Perú”, contó con diez (10) actividades operativas vinculadas a la AEI.08.05, debido a las modificaciones realizadas al Plan Operativo Institucional (POI), las mismas que se detallan a continuación:"
    );
}

#[test]
fn section2_counts_new_codes_when_the_amendment_declares_no_count() {
    let mut ws = reference_workspace();
    ws.year_mut(2023).unwrap().poi.editable_version_mut(3).unwrap().amendments[0].activities_added = None;
    add_activity_to_aei(&mut ws, "AOI-NUEVA-1");
    add_activity_to_aei(&mut ws, "AOI-NUEVA-2");
    let ficha = draft(&ws);
    assert!(blocks(&ficha, 2)
        .iter()
        .any(|b| b.contains("462-2023-TR. Agregando dos (02) nuevas actividades operativas.")));
    assert!(blocks(&ficha, 2)[0].contains("contó con doce (12) actividades operativas vinculadas"));
}

#[test]
fn section3_alignment_and_icp_read_as_the_reference() {
    let ficha = reference();
    // The reference breaks this paragraph across a page ("del\n\nPrograma"); the words are the same.
    assert_block(
        &ficha,
        3,
        "El Programa de Empleo Temporal “Llamkasun Perú” se encuentra alineado a la Acción Estratégica Institucional (AEI) N° 8.5 “Modelo de Integridad implementado en la Gestión Interna del Ministerio de Trabajo y Promoción del Empleo”, cuyo indicador se encuentra definido como “Porcentaje de implementación del Programa de Integridad del MTPE”. Para el año 2023, no se cuenta con una meta programada.",
    );
    assert_block(
        &ficha,
        3,
        "No obstante, el Programa obtuvo un Índice de Capacidad Preventiva frente a la Corrupción (ICP)¹ de 1.80, ocupando el primer lugar a nivel de entidades del sector Trabajo y Promoción del Empleo, según el reporte nacional de la implementación del modelo de Integridad, correspondiente al año 2023. Obteniendo un nivel de avance en la primera etapa de 0.87 y en la segunda etapa de 0.93. Donde se evaluaron a 189 entidades respecto a las dos primeras etapas (Etapa 1: Cumplimiento normativo e Institucionalización y Etapa 2: Aplicación e implementación) de cinco previstas para la implementación del Modelo de Integridad en el sector público.",
    );
}

#[test]
fn section3_lists_the_icp_actions_and_defines_the_icp_in_a_footnote() {
    let ficha = reference();
    let section = ficha.section(3).unwrap();
    assert_block(
        &ficha,
        3,
        "Las acciones que contribuyeron con la implementación de la etapa 1 y 2 del Modelo de Integridad fueron:",
    );
    let actions: Vec<Vec<Span>> =
        reference_inputs().aeis[AEI].icp_actions.iter().map(|a| vec![Span::plain(a.as_str())]).collect();
    assert_eq!(actions.len(), 5);
    assert!(section.blocks.contains(&Block::Bullets(actions)));
    assert!(section.blocks.iter().any(|b| matches!(b, Block::Footnote { mark, text } if mark == "¹" && text.starts_with("A través del cual se asigna una puntuación"))));
}

#[test]
fn section3_groups_the_ao_under_their_budget_category() {
    let section = reference().section(3).unwrap().clone();
    let i = section
        .blocks
        .iter()
        .position(|b| {
            *b == Block::Bullets(vec![vec![Span::bold(
                "PP 0073: Programa para la Generación de Empleo Social Inclusivo – Trabaja Perú",
            )]])
        })
        .unwrap();
    assert_eq!(
        section.blocks[i + 1],
        Block::SubBullets(vec![vec![Span::bold("Seguimiento de la implementación del modelo de integridad")]])
    );
}

#[test]
fn section3_describes_the_ao_goals_from_the_data_and_the_users_words() {
    // The reference writes "de un informe" here; numbers in prose take their digits (docs/FICHA.md).
    assert_block(
        &reference(),
        3,
        "La actividad operativa “Seguimiento de la implementación del modelo de integridad”, contó con una meta física anual de un (01) informe, a través de los cuales se reportan las acciones y/o tareas realizadas, en el marco del seguimiento de la implementación del modelo de integridad. Dicha actividad operativa contó con una meta financiera anual de S/ 21,000.",
    );
}

#[test]
fn section3_financial_result_reads_as_the_reference() {
    // The reference's "representado" is corrected to "representando".
    let ficha = reference();
    let result = blocks(&ficha, 3).into_iter().find(|b| b.starts_with("Al respecto, durante el año 2023")).unwrap();
    assert!(result
        .contains("N° 003-2023-PCM/SIP lo que representó el 100% de la meta física anual programada (01 informe)."));
    assert!(result.ends_with(
        "Dicha actividad contó con una ejecución presupuestal de S/ 21,000.00, representando el 100.0% de la meta financiera anual (S/ 21,000)."
    ));
}

#[test]
fn section3_leads_tabla3_as_the_reference_when_every_ao_reached_its_goal() {
    let ficha = reference();
    assert_block(
        &ficha,
        3,
        "En ese sentido, evidenciamos que, durante el año 2023, se ha logrado cumplir con los avances de los objetivos programados en el Plan Operativo Institucional (POI) 2023, según como se detalla en la siguiente tabla:",
    );
    assert_eq!(ficha.section(3).unwrap().blocks.last(), Some(&Block::Table(TableId::Tabla3)));
}

#[test]
fn tabla3_lead_admits_an_unmet_goal() {
    let mut ws = reference_workspace();
    integrity_ao(&mut ws).physical.executed[11] = Decimal::ZERO;
    assert_block(
        &draft(&ws),
        3,
        "En ese sentido, evidenciamos que, durante el año 2023, no se ha logrado cumplir con la totalidad de los avances de los objetivos programados en el Plan Operativo Institucional (POI) 2023, según como se detalla en la siguiente tabla:",
    );
}

#[test]
fn section4_pairs_each_ao_with_its_contribution() {
    let ficha = reference();
    assert_block(
        &ficha,
        4,
        "El Programa se encuentra alineado en la Acción Estratégica Institucional AEI N° 8.5 “Modelo de Integridad implementado en la Gestión Interna del Ministerio de Trabajo y Promoción del Empleo”, y cuyo indicador es el “Porcentaje de implementación del Programa de Integridad del MTPE”.",
    );
    let text = blocks(&ficha, 4);
    assert_eq!(text[1], "- Seguimiento de la implementación del modelo de integridad");
    assert!(text[2].starts_with("Mediante esta actividad el equipo técnico de la Coordinación Funcional de Integridad"));
}

#[test]
fn section5_numbers_the_previous_recommendations() {
    let ficha = reference();
    // The reference's "las cuales se detalla" agrees in number here.
    assert_eq!(
        blocks(&ficha, 5)[0],
        "En el marco de las recomendaciones brindadas en el Informe de Evaluación de Implementación del Plan Operativo Institucional (POI) Anual 2023 correspondiente al primer semestre, las cuales se detallan a continuación:"
    );
    let list = &blocks(&ficha, 5)[1];
    assert!(list.starts_with("1. Se recomienda la inclusión de los empleos temporales"));
    assert!(list.contains("\n2. Se recomienda que, a través de las Unidades Territoriales"));
    assert!(list.ends_with("realizar visitas inopinadas. Estado al 13 de mayo, 2024: Pendiente."), "the status as of the ficha's date");
    assert_eq!(
        blocks(&ficha, 5)[2],
        "Al respecto, durante el primer semestre de 2023, no se contaba con la actividad operativa vinculada a la AEI.8.5, dado que esta fue incorporada en el Plan Operativo Institucional (POI) Modificado Versión 2."
    );
}

#[test]
fn section6_sets_each_problem_before_its_corrective_measure() {
    // The reference names "AEI N° 7.4" here, copied from another ficha; the draft names this AEI.
    let text = blocks(&reference(), 6);
    assert_eq!(
        text[..4],
        [
            "A continuación, se informa la problemática y medida correctiva que se presentaron durante el año 2023 para la ejecución de la AEI N° 8.5 a través de las Actividades Operativas del Plan Operativo Institucional (POI):",
            "Plan Operativo Institucional (POI)",
            "- Seguimiento de la implementación del modelo de integridad",
            "Problemática",
        ]
    );
    assert!(text[4].starts_with("No se cuenta con información respecto al nivel de avance"));
    assert_eq!(text[5], "Medida correctiva");
    assert!(text[6].starts_with("Se implementará un sistema de monitoreo y supervisión"));
}

#[test]
fn section6_without_problems_says_none_was_found() {
    let mut inputs = reference_inputs();
    inputs.aei_mut(AEI).activities.get_mut(INTEGRITY_AO).unwrap().problems.clear();
    let ficha = draft_ficha(&reference_workspace(), REFERENCE_VIEW, &inputs, AEI);
    assert_eq!(
        blocks(&ficha, 6),
        ["Durante el año 2023, no se identificó problemática en la ejecución de la AEI N° 8.5 a través de las Actividades Operativas del Plan Operativo Institucional (POI)."]
    );
}

#[test]
fn conclusion_reads_as_the_reference_and_sums_up_the_ao() {
    // Fixed from the reference: "El Programa ," and "Presidencia del Consejo del Ministro".
    let text = reference().section(7).unwrap().plain_text();
    let bullets: Vec<&str> = text.lines().collect();
    assert_eq!(
        bullets,
        [
            "- El Programa, en el marco de Acción Estratégica Institucional (AEI) N° 8.5, cuyo indicador es “Porcentaje de implementación del Programa de Integridad del MTPE”, no tuvo una meta programada para el año 2023, sin embargo, a través de las acciones que realizaron para la implementación del Modelo de Integridad obtuvo un Índice de Capacidad Preventiva frente a la Corrupción (ICP) de 1.80, ocupando el primer lugar a nivel de entidades del sector Trabajo y Promoción del Empleo, según el reporte nacional de la implementación del modelo de Integridad elaborado por la Presidencia del Consejo de Ministros, correspondiente al año 2023, donde se evaluaron a 189 entidades respecto a las dos primeras etapas de cinco previstas para la implementación del Modelo de Integridad en el sector público.",
            "- Durante el año 2023, la AEI.08.05 contó con una (01) actividad operativa con meta física programada y seguimiento aprobado, que alcanzó un promedio de ejecución física ajustado de 100% y una ejecución financiera de S/ 21,000.00.",
        ]
    );
}

// --- The draft follows the data ---------------------------------------------------------------------

#[test]
fn no_physical_execution_changes_the_result_sentence() {
    let mut ws = reference_workspace();
    integrity_ao(&mut ws).physical.executed[11] = Decimal::ZERO;
    let ficha = draft(&ws);
    assert_block(
        &ficha,
        1,
        "Durante el año 2023, la actividad operativa “Seguimiento de la implementación del modelo de integridad” no registró ejecución física, lo que representó el 0% de la meta física anual programada (01 informe).",
    );
    assert!(!ficha.section(1).unwrap().plain_text().contains("elaboró un (01) informe"));
}

#[test]
fn financial_execution_drives_the_budget_sentence() {
    let mut ws = reference_workspace();
    integrity_ao(&mut ws).financial.executed[11] = Decimal::ZERO;
    let result = blocks(&draft(&ws), 3).into_iter().find(|b| b.starts_with("Al respecto,")).unwrap();
    assert!(result.ends_with(
        "Dicha actividad contó con una ejecución presupuestal de S/ 17,500.00, representando el 83.3% de la meta financiera anual (S/ 21,000)."
    ));
}

#[test]
fn number_words_follow_the_data_in_context() {
    let mut ws = reference_workspace();
    let ao = integrity_ao(&mut ws);
    ao.physical.programmed[11] = d("12");
    ao.physical.executed[11] = d("2");
    add_activity_to_aei(&mut ws, "AOI-NUEVA-1");
    add_activity_to_aei(&mut ws, "AOI-NUEVA-2");
    let ficha = draft(&ws);
    assert_block(
        &ficha,
        1,
        "En ese sentido, de acuerdo con el Plan Operativo Institucional (POI) 2023, el Programa contó con tres (03) actividades operativas que estuvieron relacionadas directamente con el modelo de integridad, las cuales se detallan a continuación:",
    );
    let result = blocks(&ficha, 1).into_iter().find(|b| b.contains("elaboró")).unwrap();
    assert!(result.starts_with("Durante el año 2023, el Programa elaboró dos (02) informes sobre la evaluación"));
    assert!(result.ends_with("lo que representó el 16.7% de la meta física anual programada (12 informes)."));
    assert!(blocks(&ficha, 3)
        .iter()
        .any(|b| b.contains("contó con una meta física anual de doce (12) informes, a través")));
}

#[test]
fn number_words_agree_with_a_feminine_unit() {
    let mut ws = reference_workspace();
    let ao = integrity_ao(&mut ws);
    ao.unit = "ACCIÓN DE CONTROL".to_string();
    ao.physical.programmed[11] = d("4");
    let result = blocks(&draft(&ws), 1).into_iter().find(|b| b.contains("elaboró")).unwrap();
    assert!(result.starts_with("Durante el año 2023, el Programa elaboró una (01) acción de control sobre"));
    assert!(result.ends_with("lo que representó el 25% de la meta física anual programada (04 acciones de control)."));
}

#[test]
fn an_expected_value_replaces_the_no_goal_wording() {
    let mut ws = reference_workspace();
    ws.year_mut(2023).unwrap().aeis[0].indicator.expected_value = Some(d("80"));
    let ficha = draft(&ws);
    let section1 = ficha.section(1).unwrap().plain_text();
    assert!(section1
        .contains("del MTPE”, con un logro esperado de 80% para el año 2023; asimismo, a través de las acciones"));
    assert!(!section1.contains("no presenta una meta programada"));
    assert!(blocks(&ficha, 3)[0].ends_with("Para el año 2023, se cuenta con un logro esperado de 80%."));
    assert!(blocks(&ficha, 3)[1].starts_with("Asimismo, el Programa obtuvo un Índice"));
    assert!(ficha
        .section(7)
        .unwrap()
        .plain_text()
        .contains("tuvo un logro esperado de 80% para el año 2023; asimismo, a través"));
}

#[test]
fn icp_sentences_follow_the_stage_scores_and_place() {
    let mut ws = reference_workspace();
    let integrity = ws.year_mut(2023).unwrap().integrity.as_mut().unwrap();
    integrity.stages[1].score = Some(d("0.95"));
    integrity.sector_place = Some(3);
    let ficha = draft(&ws);
    let icp = &blocks(&ficha, 3)[1];
    assert!(icp.contains(
        "(ICP)¹ de 1.82, ocupando el tercer lugar a nivel de entidades del sector Trabajo y Promoción del Empleo"
    ));
    assert!(icp.contains("Obteniendo un nivel de avance en la primera etapa de 0.87 y en la segunda etapa de 0.95."));
}

#[test]
fn first_half_speaks_of_the_semester() {
    let mut ws = reference_workspace();
    let view = Selection { period: Period::FirstHalf, ..REFERENCE_VIEW };
    let ao = integrity_ao(&mut ws);
    ao.physical.programmed[5] = Decimal::ONE;
    ao.physical.executed[5] = Decimal::ONE;
    let ficha = draft_viewed(&ws, view);
    assert_eq!(ficha.title.period_line, "Correspondiente al primer semestre de 2023");
    let result = blocks(&ficha, 1).into_iter().find(|b| b.contains("elaboró")).unwrap();
    assert!(result.starts_with("Durante el primer semestre de 2023, el Programa elaboró un (01) informe"));
    assert!(
        result.ends_with("lo que representó el 100% de la meta física programada del primer semestre (01 informe).")
    );
    assert!(blocks(&ficha, 3).iter().any(|b| b.ends_with(
        "Dicha actividad contó con una ejecución presupuestal de S/ 0.00, sin contar con meta financiera programada del primer semestre."
    )));
}

#[test]
fn first_half_without_programming_says_so() {
    let ws = reference_workspace();
    let view = Selection { period: Period::FirstHalf, ..REFERENCE_VIEW };
    assert_block(
        &draft_viewed(&ws, view),
        1,
        "Durante el primer semestre de 2023, la actividad operativa “Seguimiento de la implementación del modelo de integridad” no contó con meta física programada del primer semestre ni registró ejecución física.",
    );
}

#[test]
fn entity_reference_comes_from_the_short_name_unless_written() {
    let mut ws = reference_workspace();
    ws.entity.short_name = "Superintendencia Nacional de Fiscalización Laboral".to_string();
    let ficha = draft(&ws);
    assert!(blocks(&ficha, 3)[0]
        .starts_with("La Superintendencia Nacional de Fiscalización Laboral se encuentra alineada a la"));
    assert!(blocks(&ficha, 4)[0].starts_with("La Superintendencia se encuentra alineada en la"));

    let mut inputs = reference_inputs();
    inputs.entity_reference = EntityReference { name: "la Unidad Ejecutora".to_string(), feminine: true };
    let ficha = draft_ficha(&reference_workspace(), REFERENCE_VIEW, &inputs, AEI);
    assert!(blocks(&ficha, 4)[0].starts_with("La Unidad Ejecutora se encuentra alineada en la"));
    assert!(blocks(&ficha, 2)[0].starts_with("El Programa de Empleo Temporal “Llamkasun Perú”, contó con"));
}

#[test]
fn an_aei_without_narrative_is_drafted_from_the_data_alone() {
    let mut ws = reference_workspace();
    ws.recommendations = Default::default();
    let ficha = draft_ficha(&ws, REFERENCE_VIEW, &NarrativeInputs::default(), AEI);
    assert_block(
        &ficha,
        1,
        "Durante el año 2023, el Programa ejecutó un (01) informe, lo que representó el 100% de la meta física anual programada (01 informe).",
    );
    assert!(!ficha.section(3).unwrap().plain_text().contains("ICP"));
    assert_eq!(
        blocks(&ficha, 5),
        ["No se registran recomendaciones de evaluaciones previas vinculadas a la AEI.08.05."]
    );
}

#[test]
fn an_unknown_aei_is_drafted_without_panicking() {
    let ficha = draft_ficha(&reference_workspace(), REFERENCE_VIEW, &reference_inputs(), "AEI.99.99");
    assert_eq!(ficha.title.title, "Ficha de implementación de la AEI.99.99");
    assert_block(
        &ficha,
        1,
        "En ese sentido, de acuerdo con el Plan Operativo Institucional (POI) 2023, el Programa no contó con actividades operativas relacionadas directamente con la AEI.99.99.",
    );
}

// --- Edits and staleness ----------------------------------------------------------------------------

fn edit_section1(inputs: &mut NarrativeInputs, ficha: &FichaDraft) -> String {
    let section = ficha.section(1).unwrap();
    let text = format!("{}\n\nPárrafo añadido por la UFPP.", section.editable_text());
    inputs.set_edit(AEI, 1, SectionEdit { text: text.clone(), drafted_from: section.plain_text() });
    text
}

#[test]
fn an_unedited_section_is_drafted() {
    assert_eq!(reference().state(&reference_inputs(), 1), Some(SectionState::Drafted));
    assert_eq!(section_state(reference().section(1).unwrap(), None), SectionState::Drafted);
}

#[test]
fn an_edit_over_unchanged_data_is_edited() {
    let mut inputs = reference_inputs();
    let ficha = reference();
    edit_section1(&mut inputs, &ficha);
    assert_eq!(ficha.state(&inputs, 1), Some(SectionState::Edited));
    assert_eq!(draft_ficha(&reference_workspace(), REFERENCE_VIEW, &inputs, AEI).state(&inputs, 1), Some(SectionState::Edited));
    assert_eq!(ficha.state(&inputs, 2), Some(SectionState::Drafted));
}

#[test]
fn an_edit_goes_stale_when_the_data_changes_and_is_kept() {
    let mut inputs = reference_inputs();
    let text = edit_section1(&mut inputs, &reference());
    let mut ws = reference_workspace();
    integrity_ao(&mut ws).physical.executed[11] = Decimal::ZERO;
    let ficha = draft_ficha(&ws, REFERENCE_VIEW, &inputs, AEI);
    let new_draft = ficha.section(1).unwrap().plain_text();
    assert!(new_draft.contains("no registró ejecución física"));
    assert_eq!(ficha.state(&inputs, 1), Some(SectionState::Stale { new_draft }));
    assert_eq!(inputs.edit(AEI, 1).unwrap().text, text);
    let printed = ficha.with_edits(&inputs);
    assert_eq!(printed.section(1).unwrap().plain_text(), text);
    assert_eq!(printed.section(2), ficha.section(2));
}

#[test]
fn reviewing_a_stale_edit_keeps_the_text_and_clears_the_flag() {
    let mut inputs = reference_inputs();
    let text = edit_section1(&mut inputs, &reference());
    let mut ws = reference_workspace();
    integrity_ao(&mut ws).physical.executed[11] = Decimal::ZERO;
    let ficha = draft_ficha(&ws, REFERENCE_VIEW, &inputs, AEI);
    let current = ficha.section(1).unwrap().plain_text();
    inputs.aei_mut(AEI).edits.get_mut(&1).unwrap().mark_reviewed(&current);
    assert_eq!(ficha.state(&inputs, 1), Some(SectionState::Edited));
    assert_eq!(inputs.edit(AEI, 1).unwrap().text, text);
}

#[test]
fn saving_the_draft_unchanged_keeps_no_edit_and_saving_a_change_records_its_draft() {
    let mut inputs = reference_inputs();
    let ficha = reference();
    let section = ficha.section(1).unwrap();
    assert_eq!(inputs.editor_text(AEI, section), section.editable_text());
    assert!(!inputs.save_section(AEI, section, format!("{}\n", section.editable_text())), "the draft with a trailing newline is the draft");
    assert_eq!(inputs.edit(AEI, 1), None);
    let text = format!("{}\n\nPárrafo añadido por la UFPP.", section.editable_text());
    assert!(inputs.save_section(AEI, section, text.clone()));
    assert_eq!(inputs.edit(AEI, 1), Some(&SectionEdit { text: text.clone(), drafted_from: section.plain_text() }));
    assert_eq!(inputs.editor_text(AEI, section), text);
    assert!(!inputs.save_section(AEI, section, text), "the same text again changes nothing");
    assert!(inputs.save_section(AEI, section, section.editable_text()), "back to the draft drops the edit");
    assert_eq!(ficha.state(&inputs, 1), Some(SectionState::Drafted));
}

#[test]
fn keeping_a_stale_edit_reviews_it_against_the_new_draft_once() {
    let mut inputs = reference_inputs();
    let text = edit_section1(&mut inputs, &reference());
    let mut ws = reference_workspace();
    integrity_ao(&mut ws).physical.executed[11] = Decimal::ZERO;
    let ficha = draft_ficha(&ws, REFERENCE_VIEW, &inputs, AEI);
    let section = ficha.section(1).unwrap();
    assert!(inputs.keep_section(AEI, section));
    assert_eq!(ficha.state(&inputs, 1), Some(SectionState::Edited));
    assert_eq!(inputs.edit(AEI, 1).unwrap().text, text);
    assert!(!inputs.keep_section(AEI, section), "already reviewed");
    assert!(!inputs.keep_section(AEI, ficha.section(2).unwrap()), "an unedited section has nothing to keep");
}

#[test]
fn discarding_an_edit_returns_to_the_draft() {
    let mut inputs = reference_inputs();
    let ficha = reference();
    edit_section1(&mut inputs, &ficha);
    assert!(inputs.discard_edit(AEI, 1).is_some());
    assert_eq!(ficha.state(&inputs, 1), Some(SectionState::Drafted));
    assert_eq!(ficha.with_edits(&inputs), ficha);
}

#[test]
fn editable_text_reads_back_into_the_same_blocks() {
    let mut synthetic = synthetic_workspace(30, 3);
    synthetic.narrative = reference_inputs();
    let aeis: Vec<String> = synthetic.year(2023).unwrap().aeis.iter().map(|a| a.code.clone()).collect();
    let fichas = std::iter::once(reference())
        .chain(aeis.iter().map(|code| draft_ficha(&synthetic, REFERENCE_VIEW, &reference_inputs(), code)));
    for ficha in fichas {
        for section in ficha.sections {
            let text = section.editable_text();
            assert_eq!(blocks_from_text(&text), section.blocks, "{} section {}:\n{text}", ficha.aei_code, section.number);
        }
    }
}

#[test]
fn bold_is_marked_in_the_editor_and_read_back_as_bold() {
    let section4 = reference().section(4).unwrap().clone();
    let text = section4.editable_text();
    assert!(text.starts_with("El Programa se encuentra alineado"));
    assert!(text.contains("\n\n- **Seguimiento de la implementación del modelo de integridad**\n\n"), "{text}");
    assert!(!section4.plain_text().contains("**"));
    let edited = format!("{text}\n\nLa UFPP revisó **algo** importante.\n\n- **Primero:** propio\n- Segundo");
    assert_eq!(
        blocks_from_text(&edited)[section4.blocks.len()..],
        [
            Block::Paragraph(vec![Span::plain("La UFPP revisó "), Span::bold("algo"), Span::plain(" importante.")]),
            Block::Bullets(vec![vec![Span::bold("Primero:"), Span::plain(" propio")], vec![Span::plain("Segundo")]]),
        ]
    );
}

#[test]
fn an_edit_keeps_its_bold_when_printed() {
    let mut inputs = reference_inputs();
    let ficha = reference();
    let section = ficha.section(4).unwrap();
    let text = format!("{}\n\nTexto con **algo** en negrita.", section.editable_text());
    inputs.set_edit(AEI, 4, SectionEdit { text, drafted_from: section.plain_text() });
    assert_eq!(ficha.state(&inputs, 4), Some(SectionState::Edited));
    let printed = ficha.with_edits(&inputs);
    let blocks = &printed.section(4).unwrap().blocks;
    assert_eq!(blocks[..section.blocks.len()], section.blocks[..], "the drafted bold lead-ins stay bold");
    assert_eq!(
        blocks.last(),
        Some(&Block::Paragraph(vec![Span::plain("Texto con "), Span::bold("algo"), Span::plain(" en negrita.")]))
    );
}

#[test]
fn a_mark_without_its_pair_stays_as_written() {
    assert_eq!(spans_from_markup("a **b** c **d"), [Span::plain("a "), Span::bold("b"), Span::plain(" c **d")]);
    assert_eq!(spans_from_markup("sin cierre **aquí"), [Span::plain("sin cierre **aquí")]);
    assert_eq!(spans_from_markup("**a****b**"), [Span::bold("ab")]);
    assert_eq!(spans_from_markup("****"), []);
}

#[test]
fn a_stale_section_offers_the_new_draft_with_its_bold() {
    let mut inputs = reference_inputs();
    let section4 = reference().section(4).unwrap().clone();
    inputs.set_edit(AEI, 4, SectionEdit { text: "Mío.".into(), drafted_from: "Otro borrador.".into() });
    assert_eq!(reference().state(&inputs, 4), Some(SectionState::Stale { new_draft: section4.editable_text() }));
}

#[test]
fn narrative_inputs_survive_json() {
    let mut inputs = reference_inputs();
    inputs.set_edit(AEI, 4, SectionEdit { text: "Texto propio.".into(), drafted_from: "Borrador.".into() });
    let json = serde_json::to_string(&inputs).unwrap();
    assert_eq!(serde_json::from_str::<NarrativeInputs>(&json).unwrap(), inputs);
    assert_eq!(serde_json::from_str::<NarrativeInputs>("{}").unwrap(), NarrativeInputs::default());
}
