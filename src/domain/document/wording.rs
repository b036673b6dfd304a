//! The draft's recurring phrases: blocks, user text set in a sentence, amounts of a unit, AO counts,
//! the AEI's number, dates and resolutions as prose writes them.

use rust_decimal::Decimal;

use super::blocks::{Block, Section, Span};
use crate::domain::calendar::{Date, MONTH_NAMES};
use crate::domain::language::{counted, gender, is_feminine_word, quantity, Gender, UnitNoun};
use crate::domain::plan::Resolution;

/// A paragraph of plain text.
pub fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

/// One bullet in bold (a heading within a section).
pub fn bold_bullet(text: impl Into<String>) -> Block {
    Block::Bullets(vec![vec![Span::bold(text)]])
}

/// A section numbered and headed as printed: "1. Implementación de la AEI.08.05".
pub fn section(number: u8, title: String, blocks: Vec<Block>) -> Section {
    Section { number, heading: format!("{number}. {title}"), blocks }
}

/// What the user wrote, or what the data gives when they wrote nothing.
pub fn written_or(text: &str, fallback: impl FnOnce() -> String) -> String {
    match text.trim() {
        "" => fallback(),
        written => written.to_string(),
    }
}

/// User text set inside a sentence, without the full stop it may end with.
pub fn clause(text: &str) -> &str {
    text.trim().trim_end_matches('.').trim_end()
}

/// The quantity as a whole count, when it is one.
pub fn whole(value: Decimal) -> Option<u32> {
    if value.fract().is_zero() {
        u32::try_from(value).ok()
    } else {
        None
    }
}

/// "cuatro (04) actividades operativas".
pub fn activities_count(n: u32) -> String {
    counted(n, Gender::Feminine, "actividad operativa", "actividades operativas")
}

/// " Agregando cuatro (04) nuevas actividades operativas.", or nothing when none was added.
pub fn added_sentence(added: u32) -> String {
    if added == 0 {
        String::new()
    } else {
        format!(
            " Agregando {}.",
            counted(added, Gender::Feminine, "nueva actividad operativa", "nuevas actividades operativas")
        )
    }
}

/// "un (01) informe", or "2.5 informes" for a quantity that is not whole.
pub fn amount(value: Decimal, noun: &UnitNoun) -> String {
    match whole(value) {
        Some(n) => counted(n, gender(noun.feminine), &noun.singular, &noun.plural),
        None => format!("{} {}", quantity(value), noun.plural),
    }
}

/// The goal in brackets as the reference writes it: "01 informe", "12 informes".
pub fn amount_in_digits(value: Decimal, noun: &UnitNoun) -> String {
    match whole(value) {
        Some(1) => format!("01 {}", noun.singular),
        Some(n) if n < 10 => format!("{n:02} {}", noun.plural),
        _ => format!("{} {}", quantity(value), noun.plural),
    }
}

/// "AEI.08.05" → "8.5", as prose numbers the AEI ("AEI N° 8.5").
pub fn aei_number(code: &str) -> String {
    let digits = code.trim_start_matches("AEI").trim_start_matches(['.', ' ', '_']);
    let parts: Option<Vec<String>> = digits.split('.').map(|p| p.parse::<u32>().ok().map(|n| n.to_string())).collect();
    parts.filter(|p| !p.is_empty()).map_or_else(|| code.to_string(), |p| p.join("."))
}

/// "2024-05-13" → "13 de mayo, 2024"; text that is not a date is kept as it is.
pub fn long_date(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(
        |_| iso.to_string(),
        |d| format!("{} de {}, {}", d.day(), MONTH_NAMES[usize::from(d.month() - 1)], d.year()),
    )
}

/// "la Resolución …", "el Decreto …": the article a resolution's kind takes.
pub fn with_article(resolution: &Resolution) -> String {
    let first = resolution.kind.split_whitespace().next().unwrap_or_default().to_lowercase();
    let article = if is_feminine_word(&first) { "la" } else { "el" };
    format!("{article} {}", resolution.citation())
}

/// "Mediante la Resolución Ministerial N° 011-2023-TR, se aprobó", or "Se aprobó" when the act is unknown.
pub fn approved_by(resolution: &Resolution) -> String {
    if resolution.number.trim().is_empty() {
        "Se aprobó".to_string()
    } else {
        format!("Mediante {}, se aprobó", with_article(resolution))
    }
}
