//! The Aplicativo CEPLAN's "Exporta POI" download: an HTML table saved as `.xls`, read into rows of text.

use super::error::BookError;
use crate::io::csv::decode;
use crate::io::limits::{check_position, fits_cell, Budget, Exceeded, MAX_RAW_CELL_BYTES};

/// `&amp;`, `&#243;`, `&nbsp;`… as the character they stand for; an unknown entity stays as written.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{A0}'),
        "aacute" => Some('á'),
        "eacute" => Some('é'),
        "iacute" => Some('í'),
        "oacute" => Some('ó'),
        "uacute" => Some('ú'),
        "Aacute" => Some('Á'),
        "Eacute" => Some('É'),
        "Iacute" => Some('Í'),
        "Oacute" => Some('Ó'),
        "Uacute" => Some('Ú'),
        "ntilde" => Some('ñ'),
        "Ntilde" => Some('Ñ'),
        "uuml" => Some('ü'),
        "Uuml" => Some('Ü'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// A cell's text as a spreadsheet shows it: white space collapsed, `<br>` a line break, entities
/// decoded, and one leading `'` (Excel's mark for "this is text") dropped.
fn cell_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut space = false;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        let c = if c == '&' {
            match rest.find(';').filter(|&end| end <= 10).and_then(|end| entity(&rest[..end]).map(|c| (c, end))) {
                Some((decoded, end)) => {
                    rest = &rest[end + 1..];
                    decoded
                }
                None => '&',
            }
        } else {
            c
        };
        if c.is_whitespace() && c != '\u{A0}' && c != '\u{2028}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with('\n') && c != '\u{2028}' {
            out.push(' ');
        }
        space = false;
        out.push(if c == '\u{2028}' { '\n' } else { c });
    }
    let trimmed = out.trim_matches(|c: char| c.is_whitespace());
    trimmed.strip_prefix('\'').unwrap_or(trimmed).trim().to_string()
}

/// The lower-case name of the tag starting at `<` and where the tag ends (past `>`).
fn tag_at(text: &str, at: usize) -> Option<(String, bool, usize)> {
    let rest = &text[at + 1..];
    let end = rest.find('>')?;
    let inner = &rest[..end];
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some((name, closing, at + 1 + end + 1))
}

/// Every row of the file's tables, cells in order, within the limits of `io/limits.rs`.
pub fn read_html_table(bytes: &[u8]) -> Result<Vec<Vec<String>>, BookError> {
    let (text, _) = decode(bytes);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut budget = Budget::default();
    let mut at = 0;
    let finish_cell = |row: &mut Option<Vec<String>>, cell: &mut Option<String>, rows: usize, budget: &mut Budget| -> Result<(), BookError> {
        if let Some(raw) = cell.take() {
            let cells = row.get_or_insert_with(Vec::new);
            check_position(rows + 1, cells.len())?;
            budget.cells(1)?;
            let text = cell_text(&raw);
            if !fits_cell(&text) {
                return Err(Exceeded::CellText { row: rows + 1, column: cells.len() }.into());
            }
            budget.text(text.len())?;
            cells.push(text);
        }
        Ok(())
    };
    while let Some(offset) = text[at..].find('<') {
        let start = at + offset;
        if let Some(open) = cell.as_mut() {
            if open.len() + offset > MAX_RAW_CELL_BYTES {
                return Err(Exceeded::CellText { row: rows.len() + 1, column: row.as_ref().map_or(0, Vec::len) }.into());
            }
            open.push_str(&text[at..start]);
        }
        if text[start..].starts_with("<!--") {
            at = text[start..].find("-->").map_or(text.len(), |end| start + end + 3);
            continue;
        }
        let Some((name, closing, end)) = tag_at(&text, start) else { break };
        at = end;
        match (name.as_str(), closing) {
            ("script" | "style", false) => {
                let close = format!("</{name}");
                at = text[at..].to_ascii_lowercase().find(&close).map_or(text.len(), |i| at + i);
            }
            ("tr", _) => {
                finish_cell(&mut row, &mut cell, rows.len(), &mut budget)?;
                if let Some(done) = row.take() {
                    rows.push(done);
                }
                if !closing {
                    row = Some(Vec::new());
                }
            }
            ("td" | "th", false) => {
                finish_cell(&mut row, &mut cell, rows.len(), &mut budget)?;
                cell = Some(String::new());
            }
            ("td" | "th", true) => finish_cell(&mut row, &mut cell, rows.len(), &mut budget)?,
            ("br", _) => {
                if let Some(open) = cell.as_mut() {
                    open.push('\u{2028}');
                }
            }
            ("table", true) => {
                finish_cell(&mut row, &mut cell, rows.len(), &mut budget)?;
                if let Some(done) = row.take() {
                    rows.push(done);
                }
            }
            _ => {}
        }
    }
    finish_cell(&mut row, &mut cell, rows.len(), &mut budget)?;
    if let Some(done) = row.take() {
        rows.push(done);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aplicativo_table_reads_as_rows_of_text() {
        let html = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\"><html><head><title>www.devjoker.com</title>\
            <meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" /><style>.x { mso-number-format:\\@; }</style></head>\
            <body><p><table><tr><td bgcolor=\"TEAL\">POI</td><td>UE ID</td><td>Centro de Costo</td></tr>\n\
            <tr><td >2026</td><td >'000127</td><td >DEPARTAMENTO DE GINECOLOG&Iacute;A &amp; OBSTETRICIA</td><td ></td></tr>\
            <tr><td>2026</td><td>'000127</td><td>L&iacute;nea 1<br>l&#237;nea   2</td></tr></table></body></html>";
        assert_eq!(
            read_html_table(html.as_bytes()).unwrap(),
            vec![
                vec!["POI", "UE ID", "Centro de Costo"],
                vec!["2026", "000127", "DEPARTAMENTO DE GINECOLOGÍA & OBSTETRICIA", ""],
                vec!["2026", "000127", "Línea 1\nlínea 2"],
            ]
        );
    }
}
