//! The ficha as a document: its text as blocks, the seven sections drafted from the data, and what
//! the user writes (actions, per-AO text, problems, edited sections) laid over the draft.

mod blocks;
mod draft;
mod narrative;
mod sections;
mod sentences;
mod wording;

pub use blocks::{blocks_from_text, spans_from_markup, table_marker, Block, Section, Span, BOLD_MARK};
pub use draft::{draft_ficha, section_state, FichaDraft, SectionState, TitleBlock};
pub use narrative::{
    ActivityNarrative, AeiNarrative, CorrectiveMeasure, EntityReference, NarrativeInputs, PreviousEvaluation, Problem, SectionEdit,
};
