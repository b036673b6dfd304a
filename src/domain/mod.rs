//! The pure domain: plan model, formulas, formats and rules; no browser types, host-tested.

pub mod calendar;
pub mod edit;
pub mod draft;
pub mod example;
pub mod ficha;
pub mod history;
pub mod language;
pub mod limits;
pub mod narrative;
pub mod paste;
pub mod plan;
pub mod recommendations;
pub mod recommendations_summary;
pub mod safekeeping;
pub mod sheet;
pub mod structure;
pub mod synthetic;
pub mod workspace;
