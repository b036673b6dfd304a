//! Reading a file for import, whatever a planner has: CSV and text, .xlsx, .xls, .ods (calamine,
//! behind the limits of `io/limits.rs`) and the Aplicativo CEPLAN's HTML ".xls"; its layout
//! recognised from the header (docs/FORMAT-ceplan.md), its rows read for `io/ao_sheet.rs`.

pub mod cell;
pub mod ceplan;
mod error;
pub mod html_table;
pub mod layout;
mod ole;
pub mod preflight;
pub mod recognise;
pub mod repair;
pub mod workbook;
pub mod xls;
mod xlsx_sheet;

pub use error::{cell_reference, ArchiveError, BookError, FileError};
pub use layout::{Field, Layout, Mapping};
pub use recognise::{read_rows, recognise, Recognition};
pub use workbook::{Book, Format, Progress, SheetReader};
