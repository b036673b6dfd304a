//! Repacks of workbooks for calamine (docs/FORMAT-ceplan.md, "Reading the file"): three for those
//! it cannot read as they are (spaces inside `<v>`, a workbook without relationships, an .ods whose
//! cells are separated by white space), and an .xlsx's outline without its cells.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::error::BookError;
use super::preflight::Archive;
use crate::io::office::escape;
use crate::io::office::ZipWriter;

/// How much of each worksheet is looked at for spaces inside `<v>`.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Whether a value element holds white space around its number: `<v> 0 </v>` (calamine reads
/// every such shared-string index as string 0).
fn spaced_values(xml: &[u8]) -> bool {
    let mut rest = xml;
    while let Some(start) = find_value_start(rest) {
        rest = &rest[start..];
        let end = rest.iter().position(|&b| b == b'<').unwrap_or(rest.len());
        let text = &rest[..end];
        if text.first().is_some_and(u8::is_ascii_whitespace) || text.last().is_some_and(u8::is_ascii_whitespace) {
            return true;
        }
        rest = &rest[end..];
    }
    false
}

/// `<v> 7 </v>` as `<v>7</v>` (also with a prefix: `<x:v>`).
fn trim_values(xml: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = find_value_start(rest) {
        out.extend_from_slice(&rest[..start]);
        rest = &rest[start..];
        let end = rest.iter().position(|&b| b == b'<').unwrap_or(rest.len());
        out.extend_from_slice(rest[..end].trim_ascii());
        rest = &rest[end..];
    }
    out.extend_from_slice(rest);
    out
}

/// Where the text of the next `<v>` or `<prefix:v>` starts.
fn find_value_start(xml: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(offset) = xml[at..].iter().position(|&b| b == b'<') {
        let start = at + offset + 1;
        let end = start + xml[start..].iter().position(|&b| b == b'>')?;
        let tag = &xml[start..end];
        if tag == b"v" || (tag.ends_with(b":v") && !tag.starts_with(b"/") && !tag.contains(&b' ')) {
            return Some(end + 1);
        }
        at = end + 1;
    }
    None
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// What `xl/workbook.xml` says of its tabs.
pub struct WorkbookTabs {
    /// The tab names, in the workbook's order.
    pub names: Vec<String>,
    /// Each tab's relationship id (`r:id`), in the same order.
    pub relationships: Vec<String>,
    /// Dates count from 1904.
    pub date1904: bool,
}

/// The tabs a workbook lists, and whether it counts dates from 1904.
pub fn workbook_tabs(xml: &[u8]) -> WorkbookTabs {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut tabs = WorkbookTabs { names: Vec::new(), relationships: Vec::new(), date1904: false };
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let value = |key: &str, prefixed: bool| {
                    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == key && a.key.prefix().is_some() == prefixed).map(|a| {
                        quick_xml::escape::unescape(&a.value).map_or_else(|_| a.value.to_string(), |v| v.into_owned())
                    })
                };
                match e.local_name().as_ref() {
                    "sheet" => {
                        tabs.names.push(value("name", false).unwrap_or_default());
                        tabs.relationships.push(value("id", true).unwrap_or_default());
                    }
                    "workbookPr" => tabs.date1904 = matches!(value("date1904", false).as_deref(), Some("1" | "true")),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    tabs
}

/// The number in `xl/worksheets/sheet12.xml`, to keep the sheets in order.
fn sheet_number(name: &str) -> u32 {
    name.trim_end_matches(".xml").rsplit(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// What a workbook needs repaired before calamine can read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct XlsxRepairs {
    /// `<v> 0 </v>` in some worksheet.
    pub spaced_values: bool,
    /// No `_rels/.rels`: the package does not say where its workbook is.
    pub package_relationships: bool,
    /// No `xl/_rels/workbook.xml.rels`: the workbook does not say where its sheets are.
    pub workbook_relationships: bool,
}

impl XlsxRepairs {
    pub fn any(self) -> bool {
        self.spaced_values || self.package_relationships || self.workbook_relationships
    }
}

/// Looks at what calamine would trip on: missing relationships, spaces inside values.
pub fn xlsx_repairs(archive: &mut Archive<'_>) -> Result<XlsxRepairs, BookError> {
    let has = |name: &str| archive.names().iter().any(|n| n == name);
    let package_relationships = !has("_rels/.rels");
    let workbook_relationships = !has("xl/_rels/workbook.xml.rels");
    let mut spaced = false;
    for index in worksheet_entries(archive) {
        if spaced_values(&archive.read_start(index, SNIFF_BYTES)?) {
            spaced = true;
            break;
        }
    }
    Ok(XlsxRepairs { spaced_values: spaced, package_relationships, workbook_relationships })
}

fn worksheet_entries(archive: &Archive<'_>) -> Vec<usize> {
    let mut sheets: Vec<usize> = archive
        .names()
        .iter()
        .enumerate()
        .filter(|(_, n)| n.starts_with("xl/worksheets/") && n.ends_with(".xml") && !n.contains("/_rels/"))
        .map(|(i, _)| i)
        .collect();
    sheets.sort_by_key(|&i| sheet_number(&archive.names()[i]));
    sheets
}

/// The workbook repacked with what calamine needs: values trimmed, relationships written (the
/// tabs the workbook lists paired in order with its worksheets, or one tab per worksheet).
/// Only the parts calamine reads are copied; the rest (pictures, printer settings) is left out.
pub fn repair_xlsx(archive: &mut Archive<'_>, repairs: XlsxRepairs) -> Result<Vec<u8>, BookError> {
    let mut zip = ZipWriter::new();
    let sheets = worksheet_entries(archive);
    let names = archive.names().to_vec();
    for (index, name) in names.iter().enumerate() {
        let keep = name.starts_with("xl/worksheets/")
            || matches!(name.as_str(), "xl/sharedstrings.xml" | "xl/styles.xml" | "xl/theme/theme1.xml")
            || name == "_rels/.rels"
            || (!repairs.workbook_relationships && matches!(name.as_str(), "xl/workbook.xml" | "xl/_rels/workbook.xml.rels"));
        if !keep {
            continue;
        }
        let data = archive.read_index(index)?;
        let data = if repairs.spaced_values && sheets.contains(&index) { trim_values(&data) } else { data };
        zip.add(&archive.raw_names()[index].clone(), &data);
    }
    if repairs.workbook_relationships {
        let workbook = archive.read("xl/workbook.xml")?.unwrap_or_default();
        let WorkbookTabs { names: listed, date1904, .. } = workbook_tabs(&workbook);
        let mut tabs = String::new();
        let mut relationships = String::new();
        for (i, &index) in sheets.iter().enumerate() {
            let n = i + 1;
            let name = listed.get(i).filter(|n| !n.trim().is_empty()).cloned().unwrap_or_else(|| format!("Hoja{n}"));
            tabs.push_str(&format!(r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#, escape(&name)));
            let target = names[index].trim_start_matches("xl/");
            relationships.push_str(&format!(r#"<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="{target}"/>"#));
        }
        let properties = if date1904 { r#"<workbookPr date1904="1"/>"# } else { "" };
        zip.add(
            "xl/workbook.xml",
            format!(r#"<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">{properties}<sheets>{tabs}</sheets></workbook>"#).as_bytes(),
        );
        zip.add("xl/_rels/workbook.xml.rels", format!(r#"<Relationships xmlns="{PACKAGE}">{relationships}</Relationships>"#).as_bytes());
    }
    if repairs.package_relationships {
        zip.add(
            "_rels/.rels",
            format!(r#"<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
                .as_bytes(),
        );
    }
    Ok(zip.finish())
}

/// The workbook without its worksheets and shared strings: what calamine reads of it when it opens
/// (tabs, styles, relationships), for the tab list and the errors of opening when the straight read
/// reads the cells.
pub fn outline_xlsx(archive: &mut Archive<'_>) -> Result<Vec<u8>, BookError> {
    let mut zip = ZipWriter::new();
    let names = archive.names().to_vec();
    for (index, name) in names.iter().enumerate() {
        if name.starts_with("xl/worksheets/") || name == "xl/sharedstrings.xml" {
            continue;
        }
        let data = archive.read_index(index)?;
        zip.add(&archive.raw_names()[index].clone(), &data);
    }
    Ok(zip.finish())
}

/// An .ods `content.xml` without the white space between a row's cells (a pretty-printed file),
/// which calamine takes for content it does not expect.
pub fn trim_ods_content(xml: &[u8]) -> Vec<u8> {
    const NEXT: [&[u8]; 3] = [b"<table:table-cell", b"<table:covered-table-cell", b"</table:table-row>"];
    let mut out = Vec::with_capacity(xml.len());
    let mut i = 0;
    while i < xml.len() {
        let b = xml[i];
        out.push(b);
        i += 1;
        if b == b'>' {
            let spaces = xml[i..].iter().take_while(|b| b.is_ascii_whitespace()).count();
            if spaces > 0 && NEXT.iter().any(|tag| xml[i + spaces..].starts_with(tag)) {
                i += spaces;
            }
        }
    }
    out
}

/// The .ods repacked with its content trimmed; the other parts copied as they are.
pub fn repair_ods(archive: &mut Archive<'_>) -> Result<Vec<u8>, BookError> {
    let mut zip = ZipWriter::new();
    let names = archive.names().to_vec();
    for (index, name) in names.iter().enumerate() {
        if !matches!(name.as_str(), "mimetype" | "content.xml" | "meta.xml" | "styles.xml" | "meta-inf/manifest.xml") {
            continue;
        }
        let data = archive.read_index(index)?;
        let data = if name == "content.xml" { trim_ods_content(&data) } else { data };
        zip.add(&archive.raw_names()[index].clone(), &data);
    }
    Ok(zip.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_inside_values_are_seen_and_trimmed() {
        assert!(spaced_values(b"<c t=\"s\"><v> 0 </v></c>"));
        assert!(spaced_values(b"<x:c><x:v>3 </x:v></x:c>"));
        assert!(!spaced_values(b"<c><v>3</v></c><c><is><t> a </t></is></c>"));
        assert_eq!(trim_values(b"<c><v> 0 </v></c><x:c><x:v>\n7\n</x:v></x:c>"), b"<c><v>0</v></c><x:c><x:v>7</x:v></x:c>");
    }

    #[test]
    fn white_space_between_ods_cells_goes_and_inside_text_stays() {
        let pretty = b"<table:table-row>\n  <table:table-cell><text:p> a b </text:p></table:table-cell>\n</table:table-row>";
        assert_eq!(
            trim_ods_content(pretty),
            b"<table:table-row><table:table-cell><text:p> a b </text:p></table:table-cell></table:table-row>".to_vec()
        );
    }

    #[test]
    fn sheets_keep_their_numeric_order() {
        assert_eq!(sheet_number("xl/worksheets/sheet12.xml"), 12);
        assert_eq!(sheet_number("xl/worksheets/sheet2.xml"), 2);
    }
}
