//! The host tests of the crate, one binary (one link of the crate) with a module per area; unit
//! tests live beside the code they test.

mod ao_sheet;
mod backup;
mod bounds;
mod calendar;
mod ceplan;
mod charts;
mod compare;
mod corpus;
mod docx;
mod draft;
mod formulas;
mod golden;
mod hostile_files;
mod informe;
mod paste;
mod recommendations;
mod recommendations_csv;
mod recommendations_summary;
mod seed_figures;
mod sheet;
mod structure;
mod xlsx;
mod xlsx_sheet;
mod support;
