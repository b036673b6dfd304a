//! What the user writes that the data cannot give: actions, per-AO narrative, problems, edited sections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::blocks::Section;
use crate::domain::language::UnitNoun;

/// How prose names the entity after its first mention, and the gender its adjectives take.
/// Left empty, the draft takes the article and first word of the entity's short name ("el Programa").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EntityReference {
    /// Article and noun, lower-case article: "el Programa".
    pub name: String,
    /// Agreement in feminine ("la Superintendencia … alineada").
    pub feminine: bool,
}

/// One corrective or preventive measure answering a problem (section 6).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CorrectiveMeasure {
    pub description: String,
}

/// A problem met while executing an AO, with the measures taken for the next period (section 6).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Problem {
    pub description: String,
    pub measures: Vec<CorrectiveMeasure>,
}

/// What the user writes about one AO; the figures come from the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityNarrative {
    /// The AO's name as prose writes it; empty: the plan's name in sentence case.
    pub prose_name: String,
    /// Overrides the noun drawn from the AO's unit of measure.
    pub unit_noun: Option<UnitNoun>,
    /// What the physical goal consists of, after the quantity (section 3):
    /// "a través de los cuales se reportan las acciones y/o tareas realizadas, …".
    pub goal_description: String,
    /// The achievement's verb in the preterite: "elaboró". Empty: "ejecutó".
    pub achievement_verb: String,
    /// What was achieved, after the quantity: "sobre la evaluación de los resultados …".
    pub achievement: String,
    /// Contribution and relevance of the AO to the AEI (section 4).
    pub contribution: String,
    pub problems: Vec<Problem>,
}

/// A section the user rewrote, with the draft it was rewritten from (to tell when the data changed since).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SectionEdit {
    /// As typed in the editor (`Section::editable_text`'s shape, bold between `**`).
    pub text: String,
    /// The draft's `Section::plain_text` when the edit was made or last reviewed.
    pub drafted_from: String,
}

impl SectionEdit {
    /// Keeps the user's text and records that it was reviewed against the current draft (its plain text).
    pub fn mark_reviewed(&mut self, current_draft: &str) {
        self.drafted_from = current_draft.to_string();
    }
}

/// What the user writes for one AEI's ficha.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AeiNarrative {
    /// The AEI's name as prose writes it; empty: the plan's name in sentence case.
    pub prose_name: String,
    /// What the AEI is about, after "relacionada directamente con": "el modelo de integridad".
    pub theme: String,
    /// The AEI's result is the ICP of the Modelo de Integridad.
    pub reports_icp: bool,
    /// Actions that contributed to the ICP (section 3 bullets).
    pub icp_actions: Vec<String>,
    /// By AO code.
    pub activities: BTreeMap<String, ActivityNarrative>,
    /// Section 6 cites the indicators of the control recommendations (implemented %, overdue).
    pub cite_control_indicators: bool,
    /// By section number, 1 to 7.
    pub edits: BTreeMap<u8, SectionEdit>,
}

/// What the user writes for one Informe de evaluación: the parts they rewrote, by part key ("resumen", "1.2:AEI.01.01").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InformeNarrative {
    pub edits: BTreeMap<String, SectionEdit>,
}

/// Saves what the user typed for a section drafted as `draft` under `key`: an edit recording the
/// draft it was made from, or, when it is the draft unchanged, no edit at all. Whether anything changed.
fn save_in<K: Ord + Clone>(edits: &mut BTreeMap<K, SectionEdit>, key: &K, draft: &Section, text: String) -> bool {
    if text.trim_end() == draft.editable_text() {
        return edits.remove(key).is_some();
    }
    let edit = SectionEdit { text, drafted_from: draft.plain_text() };
    let changed = edits.get(key) != Some(&edit);
    edits.insert(key.clone(), edit);
    changed
}

/// "Conservar mi texto" for the edit under `key`: reviewed against `draft`. Whether anything changed.
fn keep_in<K: Ord>(edits: Option<&mut BTreeMap<K, SectionEdit>>, key: &K, draft: &Section) -> bool {
    let current = draft.plain_text();
    match edits.and_then(|e| e.get_mut(key)) {
        Some(edit) if edit.drafted_from != current => {
            edit.mark_reviewed(&current);
            true
        }
        _ => false,
    }
}

/// Everything the user writes for the fichas of a year.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NarrativeInputs {
    pub entity_reference: EntityReference,
    /// The pliego whose POI is amended, as read after "del": "Ministerio de Trabajo y Promoción del Empleo".
    pub pliego: String,
    /// By AEI code.
    pub aeis: BTreeMap<String, AeiNarrative>,
    /// The Informes de evaluación, by year and period (`informe_key`).
    pub informes: BTreeMap<String, InformeNarrative>,
}

impl NarrativeInputs {
    /// What the user wrote for the AEI, if anything.
    pub fn aei(&self, aei_code: &str) -> Option<&AeiNarrative> {
        self.aeis.get(aei_code)
    }

    /// What the user wrote for the AEI, created empty on first write.
    pub fn aei_mut(&mut self, aei_code: &str) -> &mut AeiNarrative {
        self.aeis.entry(aei_code.to_string()).or_default()
    }

    /// The user's version of a section, if they edited it.
    pub fn edit(&self, aei_code: &str, section: u8) -> Option<&SectionEdit> {
        self.aei(aei_code).and_then(|a| a.edits.get(&section))
    }

    /// Stores the user's version of a section.
    pub fn set_edit(&mut self, aei_code: &str, section: u8, edit: SectionEdit) {
        self.aei_mut(aei_code).edits.insert(section, edit);
    }

    /// What the editor of a section opens with: the user's text, or the draft (`draft`, the
    /// section as drafted now) in the editor's shape.
    pub fn editor_text(&self, aei_code: &str, draft: &Section) -> String {
        self.edit(aei_code, draft.number).map_or_else(|| draft.editable_text(), |edit| edit.text.clone())
    }

    /// Saves what the user typed for a section drafted as `draft`: as an edit recording the draft
    /// it was made from, or, when it is the draft unchanged, as no edit at all, so the section
    /// follows the data again. Whether anything changed.
    pub fn save_section(&mut self, aei_code: &str, draft: &Section, text: String) -> bool {
        if text.trim_end() == draft.editable_text() {
            return self.discard_edit(aei_code, draft.number).is_some();
        }
        save_in(&mut self.aei_mut(aei_code).edits, &draft.number, draft, text)
    }

    /// "Conservar mi texto": the user's edit stays, reviewed against the section as drafted now
    /// (`draft`), so it is no longer flagged. Whether anything changed.
    pub fn keep_section(&mut self, aei_code: &str, draft: &Section) -> bool {
        keep_in(self.aeis.get_mut(aei_code).map(|a| &mut a.edits), &draft.number, draft)
    }

    /// The user's version of a part of the Informe `informe` (`informe_key`), if they edited it.
    pub fn informe_edit(&self, informe: &str, part: &str) -> Option<&SectionEdit> {
        self.informes.get(informe).and_then(|i| i.edits.get(part))
    }

    /// What the editor of a part of an Informe opens with: the user's text, or the draft.
    pub fn informe_editor_text(&self, informe: &str, part: &str, draft: &Section) -> String {
        self.informe_edit(informe, part).map_or_else(|| draft.editable_text(), |edit| edit.text.clone())
    }

    /// `save_section`'s rule for a part of an Informe.
    pub fn save_informe_part(&mut self, informe: &str, part: &str, draft: &Section, text: String) -> bool {
        if text.trim_end() == draft.editable_text() {
            return self.discard_informe_part(informe, part);
        }
        save_in(&mut self.informes.entry(informe.to_string()).or_default().edits, &part.to_string(), draft, text)
    }

    /// `keep_section`'s rule for a part of an Informe.
    pub fn keep_informe_part(&mut self, informe: &str, part: &str, draft: &Section) -> bool {
        keep_in(self.informes.get_mut(informe).map(|i| &mut i.edits), &part.to_string(), draft)
    }

    /// Drops the user's version of a part of an Informe. Whether there was one.
    pub fn discard_informe_part(&mut self, informe: &str, part: &str) -> bool {
        self.informes.get_mut(informe).and_then(|i| i.edits.remove(part)).is_some()
    }

    /// Drops the user's version, so the section follows the draft again.
    pub fn discard_edit(&mut self, aei_code: &str, section: u8) -> Option<SectionEdit> {
        self.aeis.get_mut(aei_code).and_then(|a| a.edits.remove(&section))
    }
}
