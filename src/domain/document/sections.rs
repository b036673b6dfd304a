//! Sections 1 to 7 of the ficha, each drafted from the data and what the user wrote.

use rust_decimal::Decimal;

use super::blocks::{Block, Section, Span};
use super::draft::Drafter;
use super::informe::informe_citation;
use super::wording::{activities_count, added_sentence, aei_number, approved_by, bold_bullet, clause, long_date, paragraph, section};
use crate::domain::ficha::{ActivityFigures, TableId};
use crate::domain::language::{capitalized, count_of, money, money_in_prose, ordinal_abbreviation, percent_in_prose, quantity};
use crate::domain::plan::AddedActivities;
use crate::domain::recommendations::{control_indicators_sentence, previous_evaluations_for_ficha};

/// Mark of the ICP footnote, as the reference sets it after "(ICP)".
const ICP_NOTE_MARK: &str = "¹";

/// The ICP footnote of section 3, as the reference words it.
const ICP_NOTE: &str = "A través del cual se asigna una puntuación a las entidades públicas en función del avance alcanzado dentro de la exigencia de cada etapa. De este modo, se asigna una puntuación de 0 a 1; donde 0 supone que no se ha verificado ningún avance y 1 que se ha cumplido plenamente en la etapa evaluada.";

impl Drafter<'_> {
    pub(super) fn section1(&self) -> Section {
        let mut blocks = Vec::new();
        let purpose = self.ws.entity.purpose.trim();
        if !purpose.is_empty() {
            blocks.push(paragraph(purpose));
        }
        let year = self.year;
        let goal = match self.expected_value() {
            None => format!(", por lo que en el año {year} no presenta una meta programada"),
            Some(value) => format!(", con un logro esperado de {value} para el año {year}"),
        };
        let icp = self.icp.map_or_else(String::new, |icp| {
            format!(
                "{}, a través de las acciones que realizaron para la implementación de {} del Modelo de Integridad, obtuvo {}{}",
                if self.expected_value().is_none() { ", no obstante" } else { "; asimismo" },
                Self::stages_worked(icp),
                Self::icp_value(icp, ""),
                self.icp_standing(icp, false)
            )
        });
        blocks.push(paragraph(format!(
            "Respecto al Plan Estratégico Institucional (PEI), {} se encuentra {} en la Acción Estratégica Institucional AEI N° {} “{}”, y cuyo indicador es el “{}”{goal}{icp}.",
            self.entity(),
            self.aligned(),
            aei_number(&self.aei.code),
            self.aei_name(),
            self.indicator()
        )));
        let lead =
            format!("En ese sentido, de acuerdo con el Plan Operativo Institucional (POI) {year}, {}", self.entity());
        let theme = self.theme();
        blocks.push(paragraph(match self.activities.len() {
            0 => format!("{lead} no contó con actividades operativas relacionadas directamente con {theme}."),
            1 => format!(
                "{lead} contó con {} que estuvo relacionada directamente con {theme}, el cual se detalla a continuación:",
                activities_count(1)
            ),
            n => format!(
                "{lead} contó con {} que estuvieron relacionadas directamente con {theme}, las cuales se detallan a continuación:",
                activities_count(count_of(n))
            ),
        }));
        if self.counted.is_some() {
            blocks.push(Block::Table(TableId::Cuadro1));
        }
        blocks.extend(self.activities.iter().map(|ao| paragraph(capitalized(&self.physical_result(ao)))));
        if !self.activities.is_empty() {
            blocks.push(Block::Table(TableId::Cuadro2));
        }
        section(1, format!("Implementación de la {}", self.aei.code), blocks)
    }

    pub(super) fn section2(&self) -> Section {
        let title = "Modificaciones de las AO en la etapa de ejecución del POI".to_string();
        let Some((total, why, chain)) = self.version_chain() else {
            let none = format!("No se registran versiones del Plan Operativo Institucional (POI) {}.", self.year);
            return section(2, title, vec![paragraph(none)]);
        };
        let linked = if total == 1 { "vinculada" } else { "vinculadas" };
        let mut blocks = vec![paragraph(format!(
            "{}, contó con {} {linked} a la {}, {why}",
            self.first_mention(),
            activities_count(total),
            self.aei.code
        ))];
        blocks.extend(chain);
        section(2, title, blocks)
    }

    /// The version chain as section 2 and the Informe's 1.1 tell it: the AO count it ends with,
    /// why (amended or not), and one bullet per version with its resolution and the AO it added;
    /// `None` without versions.
    pub(super) fn version_chain(&self) -> Option<(u32, &'static str, Vec<Block>)> {
        let (initial, amended) = self.chain.split_first()?;
        let initial_count = initial.initial_activity_count();
        let added: Vec<AddedActivities> =
            self.chain.windows(2).map(|pair| pair[1].activities_added_to(pair[0])).collect();
        let total = added.iter().map(AddedActivities::total).fold(initial_count, u32::saturating_add);
        let why = if amended.is_empty() {
            "de acuerdo con el Plan Operativo Institucional (POI), el cual no registró modificaciones en la etapa de ejecución:"
        } else {
            "debido a las modificaciones realizadas al Plan Operativo Institucional (POI), las mismas que se detallan a continuación:"
        };
        let year = self.year;
        let pia =
            initial.pia_amount.map_or_else(String::new, |a| format!(", por el monto de S/ {}", money_in_prose(a)));
        let mut blocks = vec![bold_bullet("Plan Operativo Institucional (POI)")];
        blocks.push(paragraph(format!(
            "{} el Plan Operativo Institucional (POI) {year} Consistente con el Presupuesto Institucional de Apertura (PIA) {year}{}{pia}. Al respecto, el Plan Operativo Institucional contó con {}.",
            approved_by(&initial.resolution),
            self.of_pliego(),
            activities_count(initial_count)
        )));
        for (version, added) in amended.iter().zip(&added) {
            let reasons: Vec<String> = version
                .amendments
                .iter()
                .filter(|a| a.instrument.trim().is_empty() && !a.reason.trim().is_empty())
                .map(|a| clause(&a.reason).to_string())
                .collect();
            let because =
                if reasons.is_empty() { String::new() } else { format!(", debido a {}", reasons.join(" y a ")) };
            blocks.push(bold_bullet(format!(
                "Modificación del Plan Operativo Institucional (POI)-{} Versión",
                ordinal_abbreviation(version.number)
            )));
            blocks.push(paragraph(format!(
                "{} la modificación del Plan Operativo Institucional (POI) {year} versión {}{}{because}.{}",
                approved_by(&version.resolution),
                version.number,
                self.of_pliego(),
                added_sentence(added.own)
            )));
            for (amendment, count) in &added.by_instrument {
                blocks.push(Block::Bullets(vec![vec![Span::plain(format!(
                    "Adicionalmente, mediante {}, se aprobó {}.{}",
                    amendment.instrument.trim(),
                    clause(&amendment.reason),
                    added_sentence(*count)
                ))]]));
            }
        }
        Some((total, why, blocks))
    }

    pub(super) fn section3(&self) -> Section {
        let mut blocks = Vec::new();
        let year = self.year;
        let goal = match self.expected_value() {
            None => format!("Para el año {year}, no se cuenta con una meta programada."),
            Some(value) => format!("Para el año {year}, se cuenta con un logro esperado de {value}."),
        };
        blocks.push(paragraph(format!(
            "{} se encuentra {} a la Acción Estratégica Institucional (AEI) N° {} “{}”, cuyo indicador se encuentra definido como “{}”. {goal}",
            self.first_mention(),
            self.aligned(),
            aei_number(&self.aei.code),
            self.aei_name(),
            self.indicator()
        )));
        if let Some(icp) = self.icp {
            let opening = if self.expected_value().is_none() { "No obstante" } else { "Asimismo" };
            let evaluated = match icp.entities_evaluated {
                Some(n) => format!(
                    "Donde se evaluaron a {} entidades respecto a {}.",
                    quantity(Decimal::from(n)),
                    Self::coverage(icp, true)
                ),
                None => format!("La evaluación comprendió {}.", Self::coverage(icp, true)),
            };
            blocks.push(paragraph(format!(
                "{opening}, {} obtuvo {}{}. Obteniendo un nivel de avance {}. {evaluated}",
                self.entity(),
                Self::icp_value(icp, ICP_NOTE_MARK),
                self.icp_standing(icp, false),
                Self::stage_scores(icp)
            )));
            let actions: Vec<Vec<Span>> = self
                .narrative
                .icp_actions
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| vec![Span::plain(a.trim())])
                .collect();
            if !actions.is_empty() {
                blocks.push(paragraph(format!(
                    "Las acciones que contribuyeron con la implementación de {} del Modelo de Integridad fueron:",
                    Self::stages_worked(icp)
                )));
                blocks.push(Block::Bullets(actions));
            }
            blocks.push(Block::Footnote { mark: ICP_NOTE_MARK.to_string(), text: ICP_NOTE.to_string() });
        }
        if !self.activities.is_empty() {
            blocks.push(paragraph(format!(
                "{}, {} tuvo las siguientes actividades operativas, de acuerdo a las categorías presupuestales correspondientes:",
                capitalized(&self.during()),
                self.entity()
            )));
            blocks.extend(self.activities_by_category());
        }
        for ao in &self.activities {
            blocks.push(paragraph(self.goals(ao)));
            blocks.push(paragraph(format!("Al respecto, {} {}", self.physical_result(ao), self.financial_result(ao))));
        }
        if let Some(row) = &self.counted {
            let poi = format!("de los objetivos programados en el Plan Operativo Institucional (POI) {year}, según como se detalla en la siguiente tabla:");
            let during = self.during();
            blocks.push(paragraph(if row.activity_count == 0 {
                format!("En ese sentido, el avance de ejecución física y financiera del Plan Operativo Institucional (POI) {year} se detalla en la siguiente tabla:")
            } else if row.fully_executed_count == row.activity_count {
                format!("En ese sentido, evidenciamos que, {during}, se ha logrado cumplir con los avances {poi}")
            } else {
                format!("En ese sentido, evidenciamos que, {during}, no se ha logrado cumplir con la totalidad de los avances {poi}")
            }));
            blocks.push(Block::Table(TableId::Tabla3));
        }
        section(3, format!("Estado de ejecución financiera de las AO por {}", self.aei.code), blocks)
    }

    /// Section 3's list: each categoría presupuestal, its AO one level in.
    pub(super) fn activities_by_category(&self) -> Vec<Block> {
        let version = self.chain.last();
        let mut groups: Vec<(&str, Vec<&ActivityFigures>)> = Vec::new();
        for ao in &self.activities {
            let code = version.and_then(|v| v.activity(&ao.code)).map_or("", |a| a.budget_category_code.as_str());
            match groups.iter_mut().find(|(c, _)| *c == code) {
                Some((_, members)) => members.push(ao),
                None => groups.push((code, vec![ao])),
            }
        }
        let categories = self.ws.year(self.year).map_or(&[][..], |y| y.budget_categories.as_slice());
        groups
            .into_iter()
            .flat_map(|(code, members)| {
                let label = match categories.iter().find(|c| c.code == code) {
                    Some(category) => format!("{}: {}", category.code, category.name),
                    None if code.trim().is_empty() => "Sin categoría presupuestal".to_string(),
                    None => code.to_string(),
                };
                [
                    bold_bullet(label),
                    Block::SubBullets(members.iter().map(|ao| vec![Span::bold(self.activity_name(ao))]).collect()),
                ]
            })
            .collect()
    }

    pub(super) fn section4(&self) -> Section {
        let mut blocks = vec![paragraph(format!(
            "{} se encuentra {} en la Acción Estratégica Institucional AEI N° {} “{}”, y cuyo indicador es el “{}”.",
            capitalized(&self.entity()),
            self.aligned(),
            aei_number(&self.aei.code),
            self.aei_name(),
            self.indicator()
        ))];
        for ao in &self.activities {
            blocks.push(bold_bullet(self.activity_name(ao)));
            let contribution = self.written(ao).contribution.trim();
            if !contribution.is_empty() {
                blocks.push(paragraph(contribution));
            }
        }
        section(
            4,
            format!("Análisis de contribución y pertinencia de las AO a la implementación de la {}", self.aei.code),
            blocks,
        )
    }

    pub(super) fn section5(&self) -> Section {
        let evaluations = previous_evaluations_for_ficha(&self.ws.recommendations, &self.aei.code, self.as_of);
        let mut blocks = Vec::new();
        let status_lead = format!("Estado al {}:", long_date(&self.as_of.to_string()));
        // The Informe of this same year and period is not a previous evaluation of its own fichas.
        let own = informe_citation(self.ws, self.year, self.period);
        for evaluation in evaluations.iter().filter(|e| e.report != own) {
            blocks.push(paragraph(format!(
                "En el marco de las recomendaciones brindadas en el {}, las cuales se detallan a continuación:",
                clause(&evaluation.report)
            )));
            blocks.push(Block::Numbered(
                evaluation
                    .recommendations
                    .iter()
                    .map(|r| vec![Span::plain(format!("{} ", r.text)), Span::bold(status_lead.clone()), Span::plain(format!(" {}.", r.status))])
                    .collect(),
            ));
            blocks.extend(evaluation.follow_up_paragraphs().into_iter().map(paragraph));
        }
        if blocks.is_empty() {
            blocks.push(paragraph(format!(
                "No se registran recomendaciones de evaluaciones previas vinculadas a la {}.",
                self.aei.code
            )));
        }
        section(5, "Seguimiento a la aplicación de las recomendaciones de evaluaciones previas".to_string(), blocks)
    }

    /// Section 6's citation of the control recommendations' indicators, when the user asked for it.
    fn control_indicators(&self) -> Option<Block> {
        if !self.narrative.cite_control_indicators {
            return None;
        }
        Some(paragraph(control_indicators_sentence(&self.ws.recommendations, self.as_of).unwrap_or_else(|| {
            format!(
                "Al {}, no se registran recomendaciones derivadas de informes de servicios de control posterior.",
                self.as_of.dmy()
            )
        })))
    }

    pub(super) fn section6(&self) -> Section {
        let title = format!(
            "Medidas correctivas y preventivas para la implementación en el siguiente periodo de la {}",
            self.aei.code
        );
        let through = "a través de las Actividades Operativas del Plan Operativo Institucional (POI)";
        let aei = format!("AEI N° {}", aei_number(&self.aei.code));
        let with_problems: Vec<&ActivityFigures> =
            self.activities.iter().filter(|ao| !self.written(ao).problems.is_empty()).collect();
        if with_problems.is_empty() {
            let none = format!(
                "{}, no se identificó problemática en la ejecución de la {aei} {through}.",
                capitalized(&self.during())
            );
            return section(6, title, [paragraph(none)].into_iter().chain(self.control_indicators()).collect());
        }
        let mut blocks = vec![
            paragraph(format!(
                "A continuación, se informa la problemática y medida correctiva que se presentaron {} para la ejecución de la {aei} {through}:",
                self.during()
            )),
            paragraph("Plan Operativo Institucional (POI)"),
        ];
        for ao in with_problems {
            blocks.push(bold_bullet(self.activity_name(ao)));
            for problem in &self.written(ao).problems {
                blocks.push(paragraph("Problemática"));
                blocks.push(paragraph(problem.description.trim()));
                match problem.measures.as_slice() {
                    [] => {}
                    [measure] => {
                        blocks.push(paragraph("Medida correctiva"));
                        blocks.push(paragraph(measure.description.trim()));
                    }
                    measures => {
                        blocks.push(paragraph("Medidas correctivas"));
                        blocks.push(Block::Bullets(
                            measures.iter().map(|m| vec![Span::plain(m.description.trim())]).collect(),
                        ));
                    }
                }
            }
        }
        blocks.extend(self.control_indicators());
        section(6, title, blocks)
    }

    pub(super) fn section7(&self) -> Section {
        let year = self.year;
        let goal = match self.expected_value() {
            None => format!("no tuvo una meta programada para el año {year}"),
            Some(value) => format!("tuvo un logro esperado de {value} para el año {year}"),
        };
        let icp = self.icp.map_or_else(String::new, |icp| {
            let evaluated = match icp.entities_evaluated {
                Some(n) => format!(
                    ", donde se evaluaron a {} entidades respecto a {}",
                    quantity(Decimal::from(n)),
                    Self::coverage(icp, false)
                ),
                None => format!(", respecto a {}", Self::coverage(icp, false)),
            };
            format!(
                "{}, a través de las acciones que realizaron para la implementación del Modelo de Integridad obtuvo {}{}{evaluated}",
                if self.expected_value().is_none() { ", sin embargo" } else { "; asimismo" },
                Self::icp_value(icp, ""),
                self.icp_standing(icp, true)
            )
        });
        let mut items = vec![vec![Span::plain(format!(
            "{}, en el marco de Acción Estratégica Institucional (AEI) N° {}, cuyo indicador es “{}”, {goal}{icp}.",
            capitalized(&self.entity()),
            aei_number(&self.aei.code),
            self.indicator()
        ))]];
        if let Some(row) = self.counted.as_ref().filter(|r| r.activity_count > 0) {
            let n = count_of(row.activity_count);
            items.push(vec![Span::plain(format!(
                "{}, la {} contó con {} con meta física programada y seguimiento aprobado, que {} un promedio de ejecución física ajustado de {} y {}.",
                capitalized(&self.during()),
                self.aei.code,
                activities_count(n),
                if n == 1 { "alcanzó" } else { "alcanzaron" },
                percent_in_prose(row.average_adjusted_physical_execution),
                if row.financial_detail {
                    format!("una ejecución financiera de S/ {}", money(row.financial_execution))
                } else {
                    "una ejecución financiera sin detalle mensual (la fuente solo registra totales anuales)".to_string()
                }
            ))]);
        }
        section(7, "Conclusión".to_string(), vec![Block::Bullets(items)])
    }
}
