//! The ficha drafted from the data (docs/FICHA.md): its cover and sections, and the user's edits
//! laid over them; `Drafter` gathers once what every section reads.

use crate::domain::calendar::Date;
use crate::domain::ficha::{ActivityFigures, Cuadro1Row, IntegrityResult};
use crate::domain::language::{capitalized, is_feminine_word, quantity, sentence_case, unit_noun, UnitNoun};
use crate::domain::plan::{Aei, Period, PoiVersion};
use crate::domain::{Selection, Workspace};

use super::blocks::{blocks_from_text, Section};
use super::narrative::{ActivityNarrative, AeiNarrative, NarrativeInputs, SectionEdit};
use super::wording::{long_date, written_or};

/// The cover of the ficha.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleBlock {
    pub entity_name: String,
    /// "Ficha de implementación de la AEI.08.05: MODELO DE INTEGRIDAD …"
    pub title: String,
    /// "Correspondiente al año 2023"
    pub period_line: String,
    /// "13 de mayo, 2024"
    pub date: String,
}

/// Whether a section shows the draft, the user's edit, or an edit made from a draft the data has since changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionState {
    Drafted,
    Edited,
    /// `new_draft` is the current draft in the editor's shape, to show beside the user's text.
    Stale { new_draft: String },
}

/// The state of a section given its current draft and the user's edit, if any. Only the words
/// count: an edit records the draft's plain text, so bold alone never makes it stale.
pub fn section_state(draft: &Section, edit: Option<&SectionEdit>) -> SectionState {
    match edit {
        None => SectionState::Drafted,
        Some(edit) if edit.drafted_from == draft.plain_text() => SectionState::Edited,
        Some(_) => SectionState::Stale { new_draft: draft.editable_text() },
    }
}

/// The drafted ficha of one AEI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FichaDraft {
    pub aei_code: String,
    pub title: TitleBlock,
    /// Sections 1 to 7, in order.
    pub sections: Vec<Section>,
}

impl FichaDraft {
    /// The section with that number (1 to 7).
    pub fn section(&self, number: u8) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// Drafted, edited or stale, for the section with that number.
    pub fn state(&self, inputs: &NarrativeInputs, number: u8) -> Option<SectionState> {
        let section = self.section(number)?;
        Some(section_state(section, inputs.edit(&self.aei_code, number)))
    }

    /// The ficha as it prints: every edited section shows the user's text, stale or not.
    pub fn with_edits(&self, inputs: &NarrativeInputs) -> FichaDraft {
        let mut ficha = self.clone();
        for section in &mut ficha.sections {
            if let Some(edit) = inputs.edit(&self.aei_code, section.number) {
                section.blocks = blocks_from_text(&edit.text);
            }
        }
        ficha
    }
}

/// The date a document of the selection is dated, which its follow-up is counted as of: the
/// year's ficha date, or, where none is written, the last day of the evaluated period.
pub fn document_date(ws: &Workspace, selection: Selection) -> Date {
    let written = ws.year(selection.year).and_then(|y| Date::parse_iso(y.ficha_date.trim()).ok());
    let (month, day) = match selection.period {
        Period::Annual => (12, 31),
        Period::FirstHalf => (6, 30),
    };
    written.or_else(|| Date::new(selection.year, month, day).ok()).unwrap_or(Date::MAX)
}

/// Drafts the ficha of the AEI for the selected year, evaluated version and period.
pub fn draft_ficha(ws: &Workspace, selection: Selection, inputs: &NarrativeInputs, aei_code: &str) -> FichaDraft {
    Drafter::new(ws, selection, inputs, aei_code).draft()
}

/// Everything one draft reads, gathered once.
pub(super) struct Drafter<'a> {
    pub(super) ws: &'a Workspace,
    pub(super) inputs: &'a NarrativeInputs,
    pub(super) aei: Aei,
    pub(super) narrative: AeiNarrative,
    /// Stands in for an AO the user wrote nothing about.
    pub(super) unwritten: ActivityNarrative,
    pub(super) year: u16,
    pub(super) period: Period,
    /// The versions up to the evaluated one, in approval order.
    pub(super) chain: Vec<&'a PoiVersion>,
    pub(super) activities: Vec<ActivityFigures>,
    /// Cuadro 1's AEI row.
    pub(super) counted: Option<Cuadro1Row>,
    pub(super) icp: Option<&'a IntegrityResult>,
    /// The document's date: what section 5 and section 6 count the register as of.
    pub(super) as_of: Date,
}

impl<'a> Drafter<'a> {
    pub(super) fn new(ws: &'a Workspace, selection: Selection, inputs: &'a NarrativeInputs, aei_code: &str) -> Self {
        let year = ws.year(selection.year);
        let aei = year.and_then(|y| y.aei(aei_code)).cloned().unwrap_or_else(|| Aei {
            code: aei_code.to_string(),
            name: String::new(),
            oei_code: String::new(),
            indicator: Default::default(),
        });
        let narrative = inputs.aei(aei_code).cloned().unwrap_or_default();
        let chain = match (year, ws.evaluated_version(selection)) {
            (Some(y), Some(evaluated)) => {
                let end = y.poi.versions.iter().position(|v| v.number == evaluated.number).map_or(0, |i| i + 1);
                y.poi.versions[..end].iter().collect()
            }
            _ => Vec::new(),
        };
        let icp = year.and_then(|y| y.integrity.as_ref()).filter(|r| narrative.reports_icp && r.evaluated_stages() > 0);
        Self {
            ws,
            inputs,
            aei,
            narrative,
            unwritten: ActivityNarrative::default(),
            year: selection.year,
            period: selection.period,
            chain,
            activities: ws.cuadro2(selection, aei_code),
            counted: ws.cuadro1(selection, aei_code).map(|c| c.aei),
            icp,
            as_of: document_date(ws, selection),
        }
    }

    pub(super) fn draft(&self) -> FichaDraft {
        FichaDraft {
            aei_code: self.aei.code.clone(),
            title: self.title(),
            sections: vec![
                self.section1(),
                self.section2(),
                self.section3(),
                self.section4(),
                self.section5(),
                self.section6(),
                self.section7(),
            ],
        }
    }

    pub(super) fn title(&self) -> TitleBlock {
        let name = self.aei.name.trim();
        let title = if name.is_empty() {
            format!("Ficha de implementación de la {}", self.aei.code)
        } else {
            format!("Ficha de implementación de la {}: {name}", self.aei.code)
        };
        let period_line = match self.period {
            Period::Annual => format!("Correspondiente al año {}", self.year),
            Period::FirstHalf => format!("Correspondiente al primer semestre de {}", self.year),
        };
        let date = self.ws.year(self.year).map(|y| long_date(&y.ficha_date)).unwrap_or_default();
        TitleBlock { entity_name: self.ws.entity.name.clone(), title, period_line, date }
    }

    // --- Wording shared by the sections -------------------------------------------------------

    /// "el Programa", and whether it is feminine: as written, else from the short name's first word.
    pub(super) fn entity_reference(&self) -> (String, bool) {
        let written = &self.inputs.entity_reference;
        if !written.name.trim().is_empty() {
            return (written.name.trim().to_string(), written.feminine);
        }
        match self.ws.entity.short_name.split_whitespace().next() {
            Some(noun) => {
                let feminine = is_feminine_word(&noun.to_lowercase());
                (format!("{} {noun}", if feminine { "la" } else { "el" }), feminine)
            }
            None => ("la entidad".to_string(), true),
        }
    }

    pub(super) fn entity(&self) -> String {
        self.entity_reference().0
    }

    /// "El Programa de Empleo Temporal “Llamkasun Perú”": the short name with the article its first word takes.
    pub(super) fn first_mention(&self) -> String {
        match self.ws.entity.short_name.trim() {
            "" => capitalized(&self.entity()),
            short_name => {
                let first = short_name.split_whitespace().next().unwrap_or_default().to_lowercase();
                format!("{} {short_name}", if is_feminine_word(&first) { "La" } else { "El" })
            }
        }
    }

    pub(super) fn aligned(&self) -> &'static str {
        if self.entity_reference().1 {
            "alineada"
        } else {
            "alineado"
        }
    }

    pub(super) fn aei_name(&self) -> String {
        written_or(&self.narrative.prose_name, || sentence_case(&self.aei.name))
    }

    pub(super) fn indicator(&self) -> &str {
        self.aei.indicator.name.trim()
    }

    pub(super) fn theme(&self) -> String {
        written_or(&self.narrative.theme, || format!("la {}", self.aei.code))
    }

    /// The indicator's logro esperado for the year, if it has one: "80%", "12 (número)".
    pub(super) fn expected_value(&self) -> Option<String> {
        let indicator = &self.aei.indicator;
        let value = quantity(indicator.expected_value?);
        let unit = indicator.unit.trim();
        Some(if unit.is_empty() {
            value
        } else if unit == "%" || unit.eq_ignore_ascii_case("porcentaje") {
            format!("{value}%")
        } else {
            format!("{value} ({})", unit.to_lowercase())
        })
    }

    /// "durante el año 2023", "durante el primer semestre de 2023".
    pub(super) fn during(&self) -> String {
        match self.period {
            Period::Annual => format!("durante el año {}", self.year),
            Period::FirstHalf => format!("durante el primer semestre de {}", self.year),
        }
    }

    /// The period as a goal's qualifier: "meta física anual", "meta física del primer semestre".
    pub(super) fn span(&self) -> &'static str {
        match self.period {
            Period::Annual => "anual",
            Period::FirstHalf => "del primer semestre",
        }
    }

    /// "meta física anual programada", "meta financiera programada del primer semestre".
    pub(super) fn programmed_goal(&self, kind: &str) -> String {
        match self.period {
            Period::Annual => format!("meta {kind} anual programada"),
            Period::FirstHalf => format!("meta {kind} programada del primer semestre"),
        }
    }

    pub(super) fn of_pliego(&self) -> String {
        let pliego = self.inputs.pliego.trim();
        if pliego.is_empty() {
            String::new()
        } else {
            format!(" del {pliego}")
        }
    }

    pub(super) fn written(&self, ao: &ActivityFigures) -> &ActivityNarrative {
        self.narrative.activities.get(&ao.code).unwrap_or(&self.unwritten)
    }

    pub(super) fn activity_name(&self, ao: &ActivityFigures) -> String {
        written_or(&self.written(ao).prose_name, || sentence_case(&ao.name))
    }

    pub(super) fn noun(&self, ao: &ActivityFigures) -> UnitNoun {
        self.written(ao).unit_noun.clone().unwrap_or_else(|| unit_noun(&ao.unit))
    }

    pub(super) fn verb(&self, ao: &ActivityFigures) -> String {
        written_or(&self.written(ao).achievement_verb, || "ejecutó".to_string())
    }

}
