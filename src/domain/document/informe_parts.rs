//! The Informe's parts drafted from the data (docs/INFORME.md): the Resumen ejecutivo, 1.1–1.4,
//! the conclusions, the default recommendations and the annexes' headings.

use rust_decimal::Decimal;

use super::blocks::{Block, Section, Span};
use super::draft::Drafter;
use super::wording::{activities_count, bold_bullet, paragraph, written_or};
use crate::domain::ficha::{version_financial_total, Cuadro1Row, TableId};
use crate::domain::language::{capitalized, count_of, counted, listed, money, number_with_digits, percent_in_prose, sentence_case, Gender};
use crate::domain::plan::{Aei, PoiVersion};
use crate::domain::{Selection, Workspace};

/// The part whose numbered items are the Informe's recommendations.
pub const RECOMMENDATIONS_PART: &str = "3";

/// One part of the Informe: a heading and, unless it is a heading alone, a section the user can rewrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InformePart {
    /// "resumen", "1.1", "1.2:AEI.01.01": what its edit is stored under.
    pub key: String,
    /// 1 for "Resumen ejecutivo" and the numbered chapters, 2 for "1.1", 3 for "1.2.1".
    pub level: u8,
    /// The AEI whose tables it shows ("" for the Informe's own).
    pub aei_code: String,
    /// Its heading and blocks; a heading alone has no blocks and no editor.
    pub section: Section,
    pub editable: bool,
}

const WITH_GOAL: &str = "con meta física programada y seguimiento aprobado";

/// "tres (03) Acciones Estratégicas Institucionales (AEI)".
fn aei_count(n: usize) -> String {
    counted(count_of(n), Gender::Feminine, "Acción Estratégica Institucional (AEI)", "Acciones Estratégicas Institucionales (AEI)")
}

/// Everything the parts read, gathered once.
struct Informe<'a> {
    ws: &'a Workspace,
    /// Reads the entity's wording and the version chain (its AEI is none).
    drafter: Drafter<'a>,
    year: u16,
    version: Option<&'a PoiVersion>,
    /// Each AEI of the year with its Cuadro 1 row, in the year's order.
    aeis: Vec<(&'a Aei, Cuadro1Row)>,
    /// Every counted item of the version, as one row.
    total: Option<Cuadro1Row>,
}

impl<'a> Informe<'a> {
    fn new(ws: &'a Workspace, selection: Selection) -> Self {
        let summary = ws.aei_summary(selection);
        let year_aeis = ws.year(selection.year).map_or(&[][..], |y| y.aeis.as_slice());
        let aeis = match &summary {
            Some(s) => year_aeis.iter().zip(s.rows.iter().cloned()).collect(),
            None => Vec::new(),
        };
        Self {
            ws,
            drafter: Drafter::new(ws, selection, &ws.narrative, ""),
            year: selection.year,
            version: ws.evaluated_version(selection),
            aeis,
            total: summary.map(|s| s.total),
        }
    }

    fn name(&self, aei: &Aei) -> String {
        let written = self.ws.narrative.aei(&aei.code).map_or("", |n| n.prose_name.as_str());
        written_or(written, || sentence_case(&aei.name))
    }

    fn during(&self) -> String {
        capitalized(&self.drafter.during())
    }

    fn counted_aeis(&self) -> impl Iterator<Item = &(&'a Aei, Cuadro1Row)> {
        self.aeis.iter().filter(|(_, row)| row.activity_count > 0)
    }

    fn uncounted_codes(&self) -> Vec<String> {
        self.aeis.iter().filter(|(_, row)| row.activity_count == 0).map(|(aei, _)| aei.code.clone()).collect()
    }

    /// "La ejecución financiera del Plan Operativo Institucional (POI) 2023 fue de S/ …".
    fn financial_sentence(&self) -> String {
        let Some(version) = self.version else {
            return format!("No se registran versiones del Plan Operativo Institucional (POI) {}.", self.year);
        };
        let poi = format!("La ejecución financiera del Plan Operativo Institucional (POI) {}", self.year);
        let Some((programmed, executed)) = version_financial_total(version, self.drafter.period) else {
            return format!("{poi} no se conoce para el periodo: la fuente solo registra totales anuales (sin detalle mensual).");
        };
        match crate::domain::ficha::progress(executed, programmed) {
            Some(progress) => format!(
                "{poi} fue de S/ {}, de una programación de S/ {}, lo que representó el {} de avance.",
                money(executed),
                money(programmed),
                percent_in_prose(Some(progress))
            ),
            None => format!("{poi} fue de S/ {}, sin programación financiera en el periodo.", money(executed)),
        }
    }

    /// The AEI with the highest and the lowest average, the first in the year's order on a tie.
    fn extremes_sentence(&self) -> String {
        let counted: Vec<(&Aei, Decimal)> =
            self.counted_aeis().filter_map(|(aei, row)| row.average_adjusted_physical_execution.map(|a| (*aei, a))).collect();
        let quoted = |aei: &Aei| format!("la {} “{}”", aei.code, self.name(aei));
        let mut highest = None::<(&Aei, Decimal)>;
        let mut lowest = None::<(&Aei, Decimal)>;
        for &(aei, average) in &counted {
            if highest.is_none_or(|(_, h)| average > h) {
                highest = Some((aei, average));
            }
            if lowest.is_none_or(|(_, l)| average < l) {
                lowest = Some((aei, average));
            }
        }
        match (counted.len(), highest, lowest) {
            (0, ..) => format!(
                "Ninguna AEI contó con actividades operativas {WITH_GOAL}, por lo que no se calcula su promedio de ejecución física ajustado."
            ),
            (1, Some((aei, average)), _) => format!(
                "{} alcanzó un promedio de ejecución física ajustado de {}.",
                capitalized(&quoted(aei)),
                percent_in_prose(Some(average))
            ),
            (_, Some((_, h)), Some((_, l))) if h == l => format!(
                "Las AEI con actividades operativas {WITH_GOAL} alcanzaron un mismo promedio de ejecución física ajustado: {}.",
                percent_in_prose(Some(h))
            ),
            (_, Some((top, h)), Some((bottom, l))) => format!(
                "La AEI con el mayor promedio de ejecución física ajustado fue {} ({}), y la de menor promedio, {} ({}).",
                quoted(top),
                percent_in_prose(Some(h)),
                quoted(bottom),
                percent_in_prose(Some(l))
            ),
            _ => String::new(),
        }
    }

    /// "La AEI.03.01 no contó con …", or nothing when every AEI counted some AO.
    fn uncounted_sentence(&self) -> Option<String> {
        match self.uncounted_codes().as_slice() {
            [] => None,
            [one] => Some(format!("La {one} no contó con actividades operativas {WITH_GOAL}.")),
            many => Some(format!("Las {} no contaron con actividades operativas {WITH_GOAL}.", listed(many))),
        }
    }

    fn resumen(&self) -> Vec<Block> {
        let n = self.aeis.len();
        let evaluated = if n == 1 { "se evaluó" } else { "se evaluaron" };
        let ao = self.total.as_ref().map_or(0, |t| t.activity_count);
        let through = if ao == 0 {
            format!(", sin actividades operativas {WITH_GOAL}")
        } else {
            format!(", a través de {} {WITH_GOAL}", activities_count(count_of(ao)))
        };
        let mut blocks = vec![
            paragraph(format!(
                "{}, {evaluated} {} del Plan Operativo Institucional (POI) {}{through}.",
                self.during(),
                aei_count(n),
                self.year
            )),
            paragraph(self.financial_sentence()),
        ];
        if n > 0 {
            blocks.push(paragraph(self.extremes_sentence()));
        }
        blocks.extend(self.uncounted_sentence().map(paragraph));
        blocks
    }

    fn modifications(&self) -> Vec<Block> {
        match self.drafter.version_chain() {
            None => vec![paragraph(format!("No se registran versiones del Plan Operativo Institucional (POI) {}.", self.year))],
            Some((total, why, chain)) => {
                let mut blocks = vec![paragraph(format!(
                    "{}, contó con {} en el Plan Operativo Institucional (POI) {}, {why}",
                    self.drafter.first_mention(),
                    activities_count(total),
                    self.year
                ))];
                blocks.extend(chain);
                blocks
            }
        }
    }

    fn analysis(&self) -> Vec<Block> {
        vec![
            paragraph(format!(
                "{}, la ejecución física y financiera de {} evaluadas se resume en el siguiente cuadro:",
                self.during(),
                if self.aeis.len() == 1 { "la AEI".to_string() } else { format!("las {}", aei_count(self.aeis.len())) }
            )),
            Block::Table(TableId::AeiSummary),
        ]
    }

    /// The subsection of one AEI in 1.2: its Cuadro 1 figures in prose, then its Cuadro 1.
    fn aei_analysis(&self, aei: &Aei, row: &Cuadro1Row) -> Vec<Block> {
        let indicator = aei.indicator.name.trim();
        let indicator = if indicator.is_empty() { String::new() } else { format!(", cuyo indicador es “{indicator}”,") };
        let lead = format!("{}, la {} “{}”{indicator}", self.during(), aei.code, self.name(aei));
        let text = if row.activity_count == 0 {
            format!(
                "{lead} no contó con actividades operativas {WITH_GOAL}, por lo que no se calcula su promedio de ejecución física ajustado."
            )
        } else {
            let (n, m) = (count_of(row.activity_count), count_of(row.fully_executed_count));
            let complete = "una ejecución física igual o mayor al 100%";
            let which = match (n, m) {
                (1, 1) => format!("que alcanzó {complete}"),
                (1, _) => format!("que no alcanzó {complete}"),
                (_, 0) => format!("de las cuales ninguna alcanzó {complete}"),
                (_, 1) => format!("de las cuales {} alcanzó {complete}", number_with_digits(1, Gender::Feminine)),
                (_, m) => format!("de las cuales {} alcanzaron {complete}", number_with_digits(m, Gender::Feminine)),
            };
            format!(
                "{lead} contó con {} {WITH_GOAL}, {which}. Su promedio de ejecución física ajustado fue de {} y su ejecución financiera, de S/ {}.",
                activities_count(n),
                percent_in_prose(row.average_adjusted_physical_execution),
                money(row.financial_execution)
            )
        };
        vec![paragraph(text), Block::Table(TableId::Cuadro1)]
    }

    /// 1.3: the actions each ficha reports (section 3).
    fn measures_taken(&self) -> Vec<Block> {
        let mut blocks = Vec::new();
        for (aei, _) in &self.aeis {
            let actions: Vec<Vec<Span>> = self
                .ws
                .narrative
                .aei(&aei.code)
                .map(|n| n.icp_actions.iter().filter(|a| !a.trim().is_empty()).map(|a| vec![Span::plain(a.trim())]).collect())
                .unwrap_or_default();
            if !actions.is_empty() {
                blocks.push(bold_bullet(format!("{}: {}", aei.code, self.name(aei))));
                blocks.push(Block::SubBullets(actions));
            }
        }
        if blocks.is_empty() {
            return vec![paragraph(format!(
                "{}, las fichas de implementación de las AEI no registran medidas adoptadas.",
                self.during()
            ))];
        }
        blocks.insert(0, paragraph("Según las fichas de implementación, las medidas adoptadas para la implementación de las AEI fueron las siguientes:"));
        blocks
    }

    /// 1.4: the corrective measures of every ficha's section 6, by AEI.
    fn measures_required(&self) -> Vec<Block> {
        let mut blocks = Vec::new();
        for (aei, _) in &self.aeis {
            let Some(narrative) = self.ws.narrative.aei(&aei.code) else { continue };
            let mut items = Vec::new();
            for ao in self.version.into_iter().flat_map(|v| v.activities.iter().filter(|a| a.aei_code == aei.code)) {
                let Some(written) = narrative.activities.get(&ao.code) else { continue };
                let name = written_or(&written.prose_name, || sentence_case(&ao.name));
                for problem in &written.problems {
                    for measure in problem.measures.iter().filter(|m| !m.description.trim().is_empty()) {
                        items.push(vec![Span::bold(format!("{name}: ")), Span::plain(measure.description.trim())]);
                    }
                }
            }
            if !items.is_empty() {
                blocks.push(bold_bullet(format!("{}: {}", aei.code, self.name(aei))));
                blocks.push(Block::SubBullets(items));
            }
        }
        if blocks.is_empty() {
            return vec![paragraph(format!(
                "{}, las fichas de implementación de las AEI no identificaron problemática que requiera medidas correctivas.",
                self.during()
            ))];
        }
        blocks.insert(0, paragraph("Las fichas de implementación identificaron las siguientes medidas correctivas y preventivas para el siguiente periodo:"));
        blocks
    }

    fn conclusions(&self) -> Vec<Block> {
        let mut items = vec![vec![Span::plain(self.financial_sentence())]];
        for (aei, row) in &self.aeis {
            items.push(vec![Span::plain(match row.activity_count {
                0 => format!("La {} no contó con actividades operativas {WITH_GOAL}.", aei.code),
                n => format!(
                    "La {} alcanzó un promedio de ejecución física ajustado de {} y una ejecución financiera de S/ {}, con {} {WITH_GOAL}.",
                    aei.code,
                    percent_in_prose(row.average_adjusted_physical_execution),
                    money(row.financial_execution),
                    activities_count(count_of(n))
                ),
            })]);
        }
        vec![Block::Bullets(items)]
    }

    /// 3: one recommendation per AEI below 100% or without counted AO, and the monthly follow-up.
    fn recommendations(&self) -> Vec<Block> {
        let mut items = Vec::new();
        for (aei, row) in &self.aeis {
            match row.average_adjusted_physical_execution {
                None => items.push(format!(
                    "Se recomienda revisar la programación física y la aprobación del seguimiento de las actividades operativas de la {}, a fin de que su implementación pueda ser evaluada.",
                    aei.code
                )),
                Some(average) if average < Decimal::ONE_HUNDRED => items.push(format!(
                    "Se recomienda que las unidades responsables de las actividades operativas de la {} adopten las medidas correctivas identificadas, a fin de alcanzar las metas físicas programadas en el siguiente periodo.",
                    aei.code
                )),
                Some(_) => {}
            }
        }
        items.push(format!(
            "Se recomienda continuar con el seguimiento mensual de la ejecución física y financiera de las actividades operativas del Plan Operativo Institucional (POI) {}.",
            self.year
        ));
        vec![Block::Numbered(items.into_iter().map(|t| vec![Span::plain(t)]).collect())]
    }

    fn budget(&self) -> Vec<Block> {
        vec![
            paragraph(format!(
                "{}, la ejecución financiera de las actividades operativas del Plan Operativo Institucional (POI) {} por categoría presupuestal fue la siguiente:",
                self.during(),
                self.year
            )),
            Block::Table(TableId::BudgetExecution),
        ]
    }
}

fn part(key: &str, level: u8, heading: impl Into<String>, blocks: Vec<Block>) -> InformePart {
    let editable = !blocks.is_empty();
    InformePart { key: key.to_string(), level, aei_code: String::new(), section: Section { number: 0, heading: heading.into(), blocks }, editable }
}

/// The parts of the Informe of the selection, in order.
pub(super) fn parts(ws: &Workspace, selection: Selection) -> Vec<InformePart> {
    let informe = Informe::new(ws, selection);
    let mut parts = vec![
        part("resumen", 1, "Resumen ejecutivo", informe.resumen()),
        part("1", 1, "1. Evaluación de implementación de las acciones estratégicas institucionales", Vec::new()),
        part("1.1", 2, "1.1 Modificaciones del POI durante el periodo", informe.modifications()),
        part("1.2", 2, "1.2 Análisis de implementación de las AEI", informe.analysis()),
    ];
    for (i, (aei, row)) in informe.aeis.iter().enumerate() {
        let heading = format!("1.2.{} {}: {}", i + 1, aei.code, aei.name.trim());
        let mut subsection = part(&format!("1.2:{}", aei.code), 3, heading, informe.aei_analysis(aei, row));
        subsection.aei_code = aei.code.clone();
        parts.push(subsection);
    }
    parts.extend([
        part("1.3", 2, "1.3 Medidas adoptadas para la implementación de las AEI", informe.measures_taken()),
        part("1.4", 2, "1.4 Medidas requeridas para mejorar la implementación de las AEI", informe.measures_required()),
        part("2", 1, "2. Conclusiones", informe.conclusions()),
        part(RECOMMENDATIONS_PART, 1, "3. Recomendaciones", informe.recommendations()),
        part("4", 1, "4. Anexos", Vec::new()),
        part("4.1", 2, "4.1 Ejecución a nivel de categoría / programa presupuestal", informe.budget()),
        part("4.2", 2, "4.2 Fichas de implementación de las AEI", Vec::new()),
    ]);
    parts
}
