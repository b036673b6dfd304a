//! The pure domain: what a POI is, the ficha's figures and text, every edit and rule; no browser
//! types, host-tested. Each room's `mod.rs` re-exports what callers use; the workspace is here.

pub mod calendar;
pub mod document;
pub mod editing;
pub mod example;
pub mod ficha;
pub mod import_memory;
pub mod language;
pub mod limits;
pub mod plan;
pub mod recommendations;
pub mod safekeeping;
pub mod summary;
#[cfg(feature = "bench")]
pub mod synthetic;
mod workspace;

pub use workspace::{Selection, Settings, Workspace, YearPlan};
