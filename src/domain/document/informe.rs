//! The Informe de evaluación over every AEI (docs/INFORME.md): its name by year, its parts drafted
//! from the data with the user's edits laid over them, its annexed fichas, and its recommendations
//! registered for the next period's follow-up.

use crate::domain::calendar::Date;
use crate::domain::language::{counted, Gender};
use crate::domain::plan::Period;
use crate::domain::recommendations::{Recommendation, RecommendationKind, RecommendationSource, RecommendationType};
use crate::domain::{Selection, Workspace};

use super::blocks::{blocks_from_text, Block, Span};
use super::informe_parts::{parts, InformePart, RECOMMENDATIONS_PART};
use super::draft::{document_date, draft_ficha, section_state, FichaDraft, SectionState, TitleBlock};
use super::narrative::NarrativeInputs;
use super::wording::long_date;

/// The name CEPLAN gave the document in `year`: the *Informe de evaluación de implementación del
/// POI* up to 2024, the *Informe de Evaluación Institucional* from 2025.
pub fn default_informe_name(year: u16) -> &'static str {
    if year <= 2024 {
        "Informe de evaluación de implementación del POI"
    } else {
        "Informe de Evaluación Institucional"
    }
}

/// The name of the year's Informe: as the user set it, else the year's default.
pub fn informe_name(ws: &Workspace, year: u16) -> String {
    match ws.year(year).map(|y| y.informe_name.trim()) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => default_informe_name(year).to_string(),
    }
}

/// How the register cites the Informe of a year and period: "Informe de evaluación de
/// implementación del POI 2023 correspondiente al primer semestre".
pub fn informe_citation(ws: &Workspace, year: u16, period: Period) -> String {
    let name = informe_name(ws, year);
    match period {
        Period::Annual => format!("{name} anual {year}"),
        Period::FirstHalf => format!("{name} {year} correspondiente al primer semestre"),
    }
}

/// The key of an Informe's edits in `NarrativeInputs::informes`: "2023", "2023-S1".
pub fn informe_key(selection: Selection) -> String {
    match selection.period {
        Period::Annual => selection.year.to_string(),
        Period::FirstHalf => format!("{}-S1", selection.year),
    }
}

/// The drafted Informe: title block, parts in order, and the annexed ficha of every AEI (4.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InformeDraft {
    /// `informe_key` of the selection.
    pub key: String,
    pub title: TitleBlock,
    pub parts: Vec<InformePart>,
    /// Every AEI's ficha as it prints, with the user's edits, in the year's order.
    pub annexes: Vec<FichaDraft>,
}

impl InformeDraft {
    /// The part with that key.
    pub fn part(&self, key: &str) -> Option<&InformePart> {
        self.parts.iter().find(|p| p.key == key)
    }

    /// Drafted, edited or stale, for the part with that key.
    pub fn state(&self, inputs: &NarrativeInputs, key: &str) -> Option<SectionState> {
        let part = self.part(key)?;
        Some(section_state(&part.section, inputs.informe_edit(&self.key, key)))
    }

    /// The Informe as it prints: every edited part shows the user's text, stale or not.
    pub fn with_edits(&self, inputs: &NarrativeInputs) -> InformeDraft {
        let mut informe = self.clone();
        for part in &mut informe.parts {
            if let Some(edit) = inputs.informe_edit(&self.key, &part.key) {
                part.section.blocks = blocks_from_text(&edit.text);
            }
        }
        informe
    }

    /// The recommendations of section 3 as it prints: its numbered and bulleted items, in order.
    pub fn recommendations(&self) -> Vec<String> {
        let Some(part) = self.part(RECOMMENDATIONS_PART) else { return Vec::new() };
        let text = |spans: &Vec<Span>| spans.iter().map(|s| s.text.as_str()).collect::<String>().trim().to_string();
        part.section
            .blocks
            .iter()
            .flat_map(|block| match block {
                Block::Numbered(items) | Block::Bullets(items) => items.iter().map(text).collect(),
                _ => Vec::new(),
            })
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// Drafts the Informe of the selected year, evaluated version and period from the data alone
/// (its annexed fichas carry their own edits, as the document page prints them).
pub fn draft_informe(ws: &Workspace, selection: Selection) -> InformeDraft {
    let inputs = &ws.narrative;
    let annexes = ws
        .year(selection.year)
        .map(|y| y.aeis.iter().map(|aei| draft_ficha(ws, selection, inputs, &aei.code).with_edits(inputs)).collect())
        .unwrap_or_default();
    let name = informe_name(ws, selection.year);
    let period_line = match selection.period {
        Period::Annual => format!("Correspondiente al año {}", selection.year),
        Period::FirstHalf => format!("Correspondiente al primer semestre de {}", selection.year),
    };
    InformeDraft {
        key: informe_key(selection),
        title: TitleBlock {
            entity_name: ws.entity.name.clone(),
            title: format!("{name} {}", selection.year),
            period_line,
            date: ws.year(selection.year).map(|y| long_date(&y.ficha_date)).unwrap_or_default(),
        },
        parts: parts(ws, selection),
        annexes,
    }
}

/// What "Registrar para el seguimiento" did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// How the register cites the Informe.
    pub report: String,
    /// The numbers given to the recommendations added.
    pub added: Vec<String>,
    /// Recommendations of section 3 already in the register from this Informe.
    pub already: usize,
}

impl Registered {
    /// What the page tells the user.
    pub fn message(&self) -> String {
        let added = u32::try_from(self.added.len()).unwrap_or(u32::MAX);
        let already = u32::try_from(self.already).unwrap_or(u32::MAX);
        let noun = |n| counted(n, Gender::Feminine, "recomendación", "recomendaciones");
        match (added, already) {
            (0, 0) => "La sección 3 no tiene recomendaciones que registrar.".to_string(),
            (0, n) => format!(
                "{} de la sección 3 ya {} en el registro; no se agregó ninguna.",
                capital_noun(noun(n)),
                if n == 1 { "estaba" } else { "estaban" }
            ),
            (n, kept) => {
                let verb = if n == 1 { "Se registró" } else { "Se registraron" };
                let numbers = self.added.iter().map(|n| format!("N° {n}")).collect::<Vec<_>>().join(", ");
                let kept = match kept {
                    0 => String::new(),
                    k => format!(" ({} ya {} registrada{})", noun(k), if k == 1 { "estaba" } else { "estaban" }, if k == 1 { "" } else { "s" }),
                };
                format!(
                    "{verb} {} ({numbers}) del «{}» en Recomendaciones → Evaluaciones previas{kept}: las fichas del siguiente periodo las siguen en su sección 5.",
                    noun(n),
                    self.report
                )
            }
        }
    }
}

fn capital_noun(text: String) -> String {
    crate::domain::language::capitalized(&text)
}

/// "Registrar para el seguimiento": the recommendations of section 3 (as it prints) become
/// recommendations of a previous evaluation citing this Informe, dated as the Informe, each linked
/// to the one AEI of the year its text names (else to the whole entity). One already registered
/// from this Informe with the same text is not added again.
pub fn register_for_follow_up(ws: &mut Workspace, selection: Selection) -> Result<Registered, String> {
    let printed = draft_informe(ws, selection).with_edits(&ws.narrative);
    let report = informe_citation(ws, selection.year, selection.period);
    let date: Date = document_date(ws, selection);
    let codes: Vec<String> = ws.year(selection.year).map(|y| y.aeis.iter().map(|a| a.code.clone()).collect()).unwrap_or_default();
    let mut register = ws.recommendations.clone();
    let mut registered = Registered { report: report.clone(), added: Vec::new(), already: 0 };
    for (i, text) in printed.recommendations().into_iter().enumerate() {
        let already = register
            .recommendations_of(RecommendationKind::PreviousEvaluation)
            .any(|r| r.report_key() == report && r.text.trim() == text);
        if already {
            registered.already += 1;
            continue;
        }
        let taken: Vec<String> = register
            .recommendations_of(RecommendationKind::PreviousEvaluation)
            .filter(|r| r.report_key() == report)
            .map(|r| r.number.trim().to_string())
            .collect();
        let number = (i + 1..).map(|n| n.to_string()).find(|n| !taken.contains(n)).unwrap_or_default();
        let source = RecommendationSource::PreviousEvaluation { report: report.clone(), date };
        let mut recommendation = Recommendation::new(source, &number, &text, RecommendationType::ManagementImprovement);
        let named: Vec<&String> = codes.iter().filter(|c| text.contains(c.as_str())).collect();
        if let [only] = named.as_slice() {
            recommendation.aei_code = (*only).clone();
        }
        register.add_recommendation(recommendation).map_err(|e| e.to_string())?;
        registered.added.push(number);
    }
    ws.recommendations = register;
    Ok(registered)
}
