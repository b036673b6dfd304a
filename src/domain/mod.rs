//! The pure domain: plan model, formulas, formats and rules; no browser types, host-tested.

pub mod calendar;
pub mod document;
pub mod editing;
pub mod example;
pub mod ficha;
pub mod language;
pub mod limits;
pub mod plan;
pub mod recommendations;
pub mod safekeeping;
pub mod synthetic;
pub mod workspace;
