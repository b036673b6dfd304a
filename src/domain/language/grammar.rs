//! Spanish grammar the drafted prose needs: capitals, lists, gender and plural of nouns, ordinals.

use serde::{Deserialize, Serialize};

use super::words::Gender;

/// The unit of measure as a Spanish noun, where the plan's unit ("INFORME") cannot be inflected reliably.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnitNoun {
    pub singular: String,
    pub plural: String,
    pub feminine: bool,
}

/// The text with its first letter in capitals.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A name kept in capitals by the Aplicativo, as prose writes it: "Seguimiento de la implementación …".
pub fn sentence_case(name: &str) -> String {
    let name = name.trim().trim_end_matches('.');
    if name.chars().any(char::is_lowercase) {
        name.to_string()
    } else {
        capitalized(&name.to_lowercase())
    }
}

/// "a", "a y b", "a, b y c".
pub fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} y {last}", init.join(", ")),
    }
}

/// The gender of a noun known to be feminine or not.
pub fn gender(feminine: bool) -> Gender {
    if feminine {
        Gender::Feminine
    } else {
        Gender::Masculine
    }
}

/// Nouns that end in -a but are masculine, among those a unit of measure may use.
const MASCULINE_IN_A: [&str; 8] = ["día", "mapa", "programa", "sistema", "problema", "tema", "esquema", "diagrama"];

pub fn is_feminine_word(word: &str) -> bool {
    !MASCULINE_IN_A.contains(&word)
        && (word.ends_with('a') || ["ión", "ion", "dad", "tud", "umbre"].iter().any(|end| word.ends_with(end)))
}

fn plural_word(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ión") {
        return format!("{stem}iones");
    }
    match word.chars().last() {
        None | Some('s' | 'x') => word.to_string(),
        Some('z') => format!("{}ces", &word[..word.len() - 1]),
        Some(c) if "aeiouáéó".contains(c) => format!("{word}s"),
        Some(_) => format!("{word}es"),
    }
}

/// The noun of a unit of measure: "INFORME" → informe / informes; "ACCION DE CONTROL" → acciones de control.
pub fn unit_noun(unit: &str) -> UnitNoun {
    const PREPOSITIONS: [&str; 11] = ["de", "del", "a", "al", "en", "para", "con", "por", "sobre", "sin", "ante"];
    let singular = unit.trim().to_lowercase();
    let mut inflecting = true;
    let plural = singular
        .split_whitespace()
        .map(|word| {
            inflecting &= !PREPOSITIONS.contains(&word);
            if inflecting {
                plural_word(word)
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let feminine = singular.split_whitespace().next().is_some_and(is_feminine_word);
    UnitNoun { singular, plural, feminine }
}

/// "primer"/"primera", "segundo"/"segunda" … up to "décimo".
pub fn ordinal(n: usize, gender: Gender) -> Option<String> {
    const STEMS: [&str; 10] =
        ["primer", "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav", "noven", "décim"];
    let stem = STEMS.get(n.checked_sub(1)?)?;
    Some(match gender {
        Gender::Feminine => format!("{stem}a"),
        Gender::Masculine if n == 1 || n == 3 => stem.to_string(),
        Gender::Masculine => format!("{stem}o"),
    })
}

/// "1ra.", "2da.", "4ta.": the abbreviated feminine ordinal of "1ra. Versión".
pub fn ordinal_abbreviation(n: u32) -> String {
    let ending = match (n % 100, n % 10) {
        (11 | 12, _) => "va",
        (_, 1 | 3) => "ra",
        (_, 2) => "da",
        (_, 4..=6) => "ta",
        (_, 8) => "va",
        (_, 9) => "na",
        _ => "ma",
    };
    format!("{n}{ending}.")
}
