//! What the straight read of an .xlsx sheet (crates/sheet-xml) needs of the workbook: the shared
//! strings, the cell styles, the date system and where each tab's part is. calamine parses every
//! cell, and an export of 277 columns is mostly columns no field uses; only SpreadsheetML written
//! plainly is read straight, anything else is declined and calamine reads it
//! (docs/FORMAT-ceplan.md, "Reading the file").

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
pub use sheet_xml::{Declined, SheetXml, CHUNK};
use sheet_xml::text::shared_strings;
use sheet_xml::Parts;

use super::preflight::{Archive, Styles};
use super::repair::workbook_tabs;

/// What a straight read needs besides the sheet, and where each tab's part is.
pub struct Workbook {
    pub parts: Parts,
    /// Each tab's name and its part's index in the archive.
    sheets: Vec<(String, usize)>,
}

impl Workbook {
    /// Reads the parts a straight read needs; declined when one is missing or not plain.
    pub fn read(archive: &mut Archive<'_>, styles: Styles) -> Result<Workbook, Declined> {
        let workbook = archive.read("xl/workbook.xml").ok().flatten().ok_or(Declined)?;
        let tabs = workbook_tabs(&workbook);
        let relations = archive.read("xl/_rels/workbook.xml.rels").ok().flatten().ok_or(Declined)?;
        let targets = relationship_targets(&relations)?;
        let mut sheets = Vec::with_capacity(tabs.names.len());
        for (name, id) in tabs.names.into_iter().zip(tabs.relationships) {
            let Some(target) = targets.get(&id) else { continue };
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_ascii_lowercase(),
                None => format!("xl/{}", target.to_ascii_lowercase()),
            }
            .replace('\\', "/");
            if let Some(index) = archive.names().iter().position(|n| *n == path) {
                sheets.push((name, index));
            }
        }
        let strings = match archive.read("xl/sharedstrings.xml").map_err(|_| Declined)? {
            Some(xml) => shared_strings(&xml)?,
            None => Vec::new(),
        };
        Ok(Workbook { parts: Parts { strings, styles, date1904: tabs.date1904 }, sheets })
    }

    /// The archive index of a tab's part, when one part has that tab's name.
    pub fn sheet(&self, name: &str) -> Option<usize> {
        let mut found = self.sheets.iter().filter(|(n, _)| n == name);
        match (found.next(), found.next()) {
            (Some((_, index)), None) => Some(*index),
            _ => None,
        }
    }
}

/// `Id` → `Target` of the workbook's relationships.
fn relationship_targets(xml: &[u8]) -> Result<HashMap<String, String>, Declined> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut targets = HashMap::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|_| Declined)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attribute(&e, "Id")?, attribute(&e, "Target")?) {
                    targets.insert(id, target);
                }
            }
            Event::Eof => return Ok(targets),
            _ => {}
        }
        buf.clear();
    }
}

fn attribute(e: &BytesStart<'_>, key: &str) -> Result<Option<String>, Declined> {
    match e.try_get_attribute(key).map_err(|_| Declined)? {
        Some(a) => Ok(Some(quick_xml::escape::unescape(&a.value).map_err(|_| Declined)?.into_owned())),
        None => Ok(None),
    }
}
