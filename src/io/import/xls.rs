//! The pre-flight of an .xls workbook (BIFF8 records in an OLE compound file), before calamine lays every tab out
//! at once: positions, dimensions and merges within `io/limits.rs`, a password named, zero-padded integers noted.

use super::cell::zero_pad_width;
use super::ole::Ole;
use super::error::BookError;
use crate::io::limits::{Exceeded, MAX_COLUMNS, MAX_DENSE_CELLS, MAX_FILE_BYTES, MAX_ROWS};

/// What the scan learnt for the reading.
#[derive(Debug, Default)]
pub struct XlsFacts {
    /// Number cells whose format is made only of zeros: (tab index, row, column) and the width.
    pub padded: Vec<((usize, u32, u32), u8)>,
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    data.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn damaged(what: &str) -> BookError {
    BookError::Damaged(format!("libro de Excel 97-2003: {what}"))
}

/// One BIFF record: type and data.
struct Records<'a> {
    stream: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = (usize, u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let typ = u16_at(self.stream, self.at)?;
        let len = usize::from(u16_at(self.stream, self.at + 2)?);
        let start = self.at + 4;
        let data = self.stream.get(start..start + len)?;
        let at = self.at;
        self.at = start + len;
        Some((at, typ, data))
    }
}

/// The format code of a FORMAT record (BIFF8: index, then a counted string of 8- or 16-bit characters).
fn format_record(data: &[u8]) -> Option<(u16, String)> {
    let index = u16_at(data, 0)?;
    let chars = usize::from(u16_at(data, 2)?);
    let wide = *data.get(4)? & 1 == 1;
    let text = if wide {
        let units: Vec<u16> = (0..chars).map_while(|i| u16_at(data, 5 + 2 * i)).collect();
        String::from_utf16_lossy(&units)
    } else {
        data.get(5..5 + chars)?.iter().map(|&b| char::from(b)).collect()
    };
    Some((index, text))
}

/// Checks the workbook and notes its zero-padded number cells; refuses a password, a damaged
/// record calamine would trip on, and any tab that would lay out past the limits.
pub fn scan_xls(bytes: &[u8]) -> Result<XlsFacts, BookError> {
    let incomplete = || BookError::Damaged("no es un libro de Excel 97-2003 completo (¿se descargó a medias?)".into());
    let file = Ole::open(bytes).map_err(|_| incomplete())?;
    if file.has("EncryptedPackage") {
        return Err(BookError::Password);
    }
    let limit = MAX_FILE_BYTES as u64;
    let stream = match file.stream("Workbook", limit).map_err(|_| incomplete())? {
        Some(stream) => stream,
        None => file.stream("Book", limit).map_err(|_| incomplete())?.ok_or_else(|| damaged("no tiene hojas"))?,
    };
    let mut sheets = Vec::new();
    let mut formats: Vec<(u16, u8)> = Vec::new();
    let mut styles: Vec<u16> = Vec::new();
    for (_, typ, data) in (Records { stream: &stream, at: 0 }) {
        match typ {
            0x002F if u16_at(data, 0).is_some_and(|v| v != 0) => return Err(BookError::Password),
            0x0085 => sheets.push(u32_at(data, 0).ok_or_else(|| damaged("lista de hojas"))? as usize),
            0x041E => {
                if let Some((index, code)) = format_record(data) {
                    formats.push((index, zero_pad_width(&code)));
                }
            }
            0x00E0 => styles.push(u16_at(data, 2).ok_or_else(|| damaged("estilo de celda"))?),
            0x000A => break,
            _ => {}
        }
    }
    let pad_of = |style: u16| {
        let format = styles.get(usize::from(style)).copied()?;
        formats.iter().find(|(index, _)| *index == format).map(|(_, width)| *width).filter(|w| *w > 0)
    };
    let mut facts = XlsFacts::default();
    let mut dense = 0usize;
    for (tab, &start) in sheets.iter().enumerate() {
        if start >= stream.len() {
            return Err(damaged("una hoja fuera del archivo"));
        }
        let mut bounds: Option<(u32, u32, u32, u32)> = None;
        let mut seen_bof = false;
        let mut depth = 0usize;
        for (_, typ, data) in (Records { stream: &stream, at: start }) {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let cell = |row: u16, column: u16, bounds: &mut Option<(u32, u32, u32, u32)>| -> Result<(), BookError> {
                let (row, column) = (u32::from(row), u32::from(column));
                if row as usize >= MAX_ROWS {
                    return Err(Exceeded::Rows { row: row as usize + 1 }.into());
                }
                if column as usize >= MAX_COLUMNS {
                    return Err(Exceeded::Columns { row: row as usize + 1, column: column as usize }.into());
                }
                let b = bounds.get_or_insert((row, row, column, column));
                *b = (b.0.min(row), b.1.max(row), b.2.min(column), b.3.max(column));
                Ok(())
            };
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A => break,
                0x0200 => {
                    let (first_row, end_row, first_col, end_col) = match data.len() {
                        10 => (
                            u32::from(u16_at(data, 0).unwrap_or(0)),
                            u32::from(u16_at(data, 2).unwrap_or(0)),
                            u32::from(u16_at(data, 4).unwrap_or(0)),
                            u32::from(u16_at(data, 6).unwrap_or(0)),
                        ),
                        14 | 16 => (
                            u32_at(data, 0).unwrap_or(0),
                            u32_at(data, 4).unwrap_or(0),
                            u32::from(u16_at(data, 8).unwrap_or(0)),
                            u32::from(u16_at(data, 10).unwrap_or(0)),
                        ),
                        _ => return Err(damaged("dimensiones de una hoja")),
                    };
                    let first_col = if first_col > 0xFF || end_col < first_col { 0 } else { first_col };
                    if end_row >= 1 && end_col >= 1 {
                        if first_row > end_row - 1 {
                            return Err(damaged("dimensiones de una hoja"));
                        }
                        let area = (end_row - first_row) as u64 * u64::from(end_col - first_col);
                        if end_row as usize > MAX_ROWS + 1 {
                            return Err(Exceeded::Rows { row: MAX_ROWS + 1 }.into());
                        }
                        if area > MAX_DENSE_CELLS as u64 {
                            return Err(Exceeded::DenseCells.into());
                        }
                    }
                }
                0x0203 | 0x027E | 0x0204 | 0x00FD | 0x0205 | 0x0006 | 0x00D6 => {
                    let (Some(row), Some(column), Some(style)) = (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4)) else {
                        return Err(damaged("una celda incompleta"));
                    };
                    if typ == 0x0006 && data.len() < 20 {
                        return Err(damaged("una fórmula incompleta"));
                    }
                    cell(row, column, &mut bounds)?;
                    if matches!(typ, 0x0203 | 0x027E) {
                        if let Some(width) = pad_of(style) {
                            facts.padded.push(((tab, u32::from(row), u32::from(column)), width));
                        }
                    }
                }
                0x00BD => {
                    let (Some(row), Some(first)) = (u16_at(data, 0), u16_at(data, 2)) else {
                        return Err(damaged("una fila de números incompleta"));
                    };
                    let count = data.len().saturating_sub(6) / 6;
                    for i in 0..count {
                        let column = first.saturating_add(i as u16);
                        cell(row, column, &mut bounds)?;
                        if let Some(width) = u16_at(data, 4 + 6 * i).and_then(pad_of) {
                            facts.padded.push(((tab, u32::from(row), u32::from(column)), width));
                        }
                    }
                }
                0x00E5 => {
                    let count = usize::from(u16_at(data, 0).unwrap_or(0));
                    if data.len() < 2 + 8 * count {
                        return Err(damaged("celdas combinadas"));
                    }
                }
                _ => {}
            }
        }
        if let Some((top, bottom, left, right)) = bounds {
            dense = dense.saturating_add((bottom - top + 1) as usize * (right - left + 1) as usize);
            if dense > MAX_DENSE_CELLS {
                return Err(Exceeded::DenseCells.into());
            }
        }
    }
    facts.padded.sort_by_key(|(at, _)| *at);
    facts.padded.dedup_by_key(|(at, _)| *at);
    Ok(facts)
}
