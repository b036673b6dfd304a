//! An .xlsx worksheet's cells read straight from its XML, stepping over the columns a read does not
//! keep, each cell as calamine would read it; anything not written plainly is declined (the app
//! then reads the sheet with calamine). A crate of its own so that it is compiled for speed while
//! the app is compiled for size (`Cargo.toml`, `[profile.release.package.sheet-xml]`).

pub mod cell;
mod scan;
pub mod text;

pub use scan::{SheetXml, XmlCell, CHUNK};

use cell::Styles;

/// The part is not written the plain way this reader follows: calamine reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declined;

/// What a sheet's cells refer to: the shared strings, the cell styles and the date system.
pub struct Parts {
    pub strings: Vec<String>,
    pub styles: Styles,
    pub date1904: bool,
}
