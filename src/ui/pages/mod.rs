//! The app's pages, one module each.

pub mod aei;
pub mod aeis;
pub mod integrity;
pub mod summary;
