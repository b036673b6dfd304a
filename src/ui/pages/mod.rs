//! The app's pages, one module each.

pub mod aei;
pub mod aeis;
pub mod ao_import;
pub mod data;
pub mod document;
pub mod informe;
pub mod integrity;
pub mod recommendations;
pub mod structure;
pub mod summary;
pub mod versions;
