//! The ficha as a document: its text as blocks, the seven sections drafted from the data, and what
//! the user writes (actions, per-AO text, problems, edited sections) laid over the draft; the
//! Informe de evaluación that gathers every AEI's ficha.

mod blocks;
mod draft;
mod informe;
mod informe_parts;
mod narrative;
mod sections;
mod sentences;
mod wording;

pub use blocks::{blocks_from_text, spans_from_markup, table_marker, Block, Section, Span, BOLD_MARK};
pub use draft::{document_date, draft_ficha, section_state, FichaDraft, SectionState, TitleBlock};
pub use informe::{
    default_informe_name, draft_informe, informe_citation, informe_key, informe_name, register_for_follow_up, InformeDraft, Registered,
};
pub use informe_parts::InformePart;
pub use narrative::{
    ActivityNarrative, AeiNarrative, CorrectiveMeasure, EntityReference, InformeNarrative, NarrativeInputs, Problem, SectionEdit,
};
