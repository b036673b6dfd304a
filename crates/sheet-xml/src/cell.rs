//! A cell as the readers give it, before it is kept, and what a cell's style says of its number.

/// A date cell as it reads: `2023-12-31`, with the time when it has one.
pub fn date_text(parts: (u16, u8, u8, u8, u8, u8, u16)) -> String {
    let (y, m, d, h, mi, s, _) = parts;
    if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
    }
}

/// A cell as a reader gives it (calamine, the straight read of an .xlsx sheet), before it is kept.
pub enum Raw<'a> {
    /// Present but empty: a formatted empty cell, or a formula without a calculated value.
    Empty,
    Text(&'a str),
    Number(f64, u8),
    Bool(bool),
    Date(f64, String),
    Error(String),
}

impl Raw<'_> {
    /// Nothing in it, or only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// What a number format shows a number as, by the rules calamine reads cells with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatKind {
    #[default]
    Number,
    /// A date or a clock time: the cell reads as a date.
    Date,
    /// An elapsed time (`[h]:mm:ss`): the cell reads as its number.
    Duration,
}

/// Per cell style (`s="3"` is the fourth), what the readers need of its number format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Styles {
    /// The width a zero-only format (`00`) pads integers to, 0 for none.
    pub pads: Vec<u8>,
    pub kinds: Vec<FormatKind>,
}

/// The kind of a custom format code: its first section holds a date or time letter outside
/// quotes, escapes and brackets, or an elapsed-time bracket such as `[h]`.
pub fn format_kind(code: &str) -> FormatKind {
    let (mut escaped, mut quoted, mut brackets) = (false, false, 0u8);
    let (mut prev, mut elapsed, mut am_pm) = (' ', false, false);
    for c in code.chars() {
        match (c, escaped, quoted, am_pm, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => quoted = false,
            (_, _, true, _, _) => (),
            ('"', ..) => quoted = true,
            (';', ..) => return FormatKind::Number,
            ('[', ..) => brackets += 1,
            (']', .., 1) if elapsed => return FormatKind::Duration,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => am_pm = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return FormatKind::Date,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => return FormatKind::Date,
            _ => {
                if !(elapsed && c.eq_ignore_ascii_case(&prev)) {
                    elapsed = prev == '[' && matches!(c, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = c;
    }
    FormatKind::Number
}

/// The kind of a built-in format (ECMA-376's numbered formats, East Asian dates included).
pub fn builtin_format_kind(id: &str) -> FormatKind {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" => FormatKind::Date,
        "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" => FormatKind::Date,
        "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" => FormatKind::Date,
        "46" => FormatKind::Duration,
        _ => FormatKind::Number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_read_as_dates_as_calamine_reads_them() {
        assert_eq!(format_kind("dd/mm/yyyy"), FormatKind::Date);
        assert_eq!(format_kind("h:mm AM/PM"), FormatKind::Date);
        assert_eq!(format_kind("[h]:mm:ss"), FormatKind::Duration);
        assert_eq!(format_kind("#,##0.00"), FormatKind::Number);
        assert_eq!(format_kind("#,##0.00;[Red]-#,##0.00"), FormatKind::Number);
        assert_eq!(format_kind("\"S/\" #,##0.00"), FormatKind::Number);
        assert_eq!(format_kind("[$S/-280A] #,##0"), FormatKind::Number);
        assert_eq!(format_kind("0.0\\d"), FormatKind::Number);
        assert_eq!(builtin_format_kind("14"), FormatKind::Date);
        assert_eq!(builtin_format_kind("46"), FormatKind::Duration);
        assert_eq!(builtin_format_kind("4"), FormatKind::Number);
        assert_eq!(builtin_format_kind("014"), FormatKind::Number);
    }
}
