//! Spanish (Peru) number words with the bracketed-digits form used in public documents: "cuatro (04)".

/// Grammatical gender of the noun the number qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// Largest number spelled out in words; anything above is returned as digits.
const MAX_WORDS: u32 = 999_999;

/// Units 2..=9 (index = value); 0 and 1 are handled separately.
const UNITS: [&str; 10] = [
    "", "", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
];

/// 10..=19 (index = value - 10).
const TEENS: [&str; 10] = [
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
];

/// 22..=29 (index = value - 22); 20 and 21 are handled separately.
const TWENTIES: [&str; 8] = [
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
];

/// Tens 30..=90 (index = tens digit); 0..=2 are handled separately.
const TENS: [&str; 10] = [
    "",
    "",
    "",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
];

/// Stems of 200..=900 (index = hundreds digit); the gender ending "os"/"as" is appended.
const HUNDRED_STEMS: [&str; 10] = [
    "",
    "",
    "doscient",
    "trescient",
    "cuatrocient",
    "quinient",
    "seiscient",
    "setecient",
    "ochocient",
    "novecient",
];

/// Cardinal number in words, as used before a noun ("un", "una", "veintiún", "veintiuna", "cien", "ciento un"...)
pub fn number_words(n: u32, gender: Gender) -> String {
    if n == 0 {
        return "cero".to_string();
    }
    if n > MAX_WORDS {
        return n.to_string();
    }
    let thousands = n / 1000;
    let rest = n % 1000;
    let mut parts: Vec<String> = Vec::with_capacity(2);
    match thousands {
        0 => {}
        1 => parts.push("mil".to_string()),
        t => parts.push(format!("{} mil", below_thousand(t, gender))),
    }
    if rest > 0 {
        parts.push(below_thousand(rest, gender));
    }
    parts.join(" ")
}

/// The reference form: words then the number with at least two digits in brackets: "un (01)", "una (01)", "cuatro (04)", "nueve (09)", "veintiún (21)", "cien (100)", "mil (1000)".
pub fn number_with_digits(n: u32, gender: Gender) -> String {
    format!("{} ({:02})", number_words(n, gender), n)
}

/// A count of listed things as the number words take it; past `u32::MAX` (never reached) it stays there.
pub fn count_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Noun phrase: "un (01) informe", "cuatro (04) actividades operativas", "una (01) actividad operativa". `singular`/`plural` are the noun forms.
pub fn counted(n: u32, gender: Gender, singular: &str, plural: &str) -> String {
    let noun = if n == 1 { singular } else { plural };
    format!("{} {}", number_with_digits(n, gender), noun)
}

/// Words for 1..=999 in the before-noun (apocopated) form.
fn below_thousand(n: u32, gender: Gender) -> String {
    if n == 100 {
        return "cien".to_string();
    }
    let hundreds = n / 100;
    let rest = n % 100;
    let mut parts: Vec<String> = Vec::with_capacity(2);
    match hundreds {
        0 => {}
        1 => parts.push("ciento".to_string()),
        h => {
            let ending = match gender {
                Gender::Masculine => "os",
                Gender::Feminine => "as",
            };
            parts.push(format!("{}{}", HUNDRED_STEMS[h as usize], ending));
        }
    }
    if rest > 0 {
        parts.push(below_hundred(rest, gender));
    }
    parts.join(" ")
}

/// Words for 1..=99 in the before-noun (apocopated) form.
fn below_hundred(n: u32, gender: Gender) -> String {
    let one = match gender {
        Gender::Masculine => "un",
        Gender::Feminine => "una",
    };
    match n {
        1 => one.to_string(),
        2..=9 => UNITS[n as usize].to_string(),
        10..=19 => TEENS[(n - 10) as usize].to_string(),
        20 => "veinte".to_string(),
        21 => match gender {
            Gender::Masculine => "veintiún".to_string(),
            Gender::Feminine => "veintiuna".to_string(),
        },
        22..=29 => TWENTIES[(n - 22) as usize].to_string(),
        _ => {
            let tens = TENS[(n / 10) as usize];
            match n % 10 {
                0 => tens.to_string(),
                1 => format!("{tens} y {one}"),
                u => format!("{tens} y {}", UNITS[u as usize]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (number, masculine reference form, feminine reference form)
    const CASES: &[(u32, &str, &str)] = &[
        (0, "cero (00)", "cero (00)"),
        (1, "un (01)", "una (01)"),
        (2, "dos (02)", "dos (02)"),
        (4, "cuatro (04)", "cuatro (04)"),
        (9, "nueve (09)", "nueve (09)"),
        (10, "diez (10)", "diez (10)"),
        (11, "once (11)", "once (11)"),
        (12, "doce (12)", "doce (12)"),
        (13, "trece (13)", "trece (13)"),
        (14, "catorce (14)", "catorce (14)"),
        (15, "quince (15)", "quince (15)"),
        (16, "dieciséis (16)", "dieciséis (16)"),
        (17, "diecisiete (17)", "diecisiete (17)"),
        (18, "dieciocho (18)", "dieciocho (18)"),
        (19, "diecinueve (19)", "diecinueve (19)"),
        (20, "veinte (20)", "veinte (20)"),
        (21, "veintiún (21)", "veintiuna (21)"),
        (22, "veintidós (22)", "veintidós (22)"),
        (23, "veintitrés (23)", "veintitrés (23)"),
        (26, "veintiséis (26)", "veintiséis (26)"),
        (29, "veintinueve (29)", "veintinueve (29)"),
        (30, "treinta (30)", "treinta (30)"),
        (31, "treinta y un (31)", "treinta y una (31)"),
        (45, "cuarenta y cinco (45)", "cuarenta y cinco (45)"),
        (99, "noventa y nueve (99)", "noventa y nueve (99)"),
        (100, "cien (100)", "cien (100)"),
        (101, "ciento un (101)", "ciento una (101)"),
        (115, "ciento quince (115)", "ciento quince (115)"),
        (121, "ciento veintiún (121)", "ciento veintiuna (121)"),
        (200, "doscientos (200)", "doscientas (200)"),
        (300, "trescientos (300)", "trescientas (300)"),
        (400, "cuatrocientos (400)", "cuatrocientas (400)"),
        (500, "quinientos (500)", "quinientas (500)"),
        (
            555,
            "quinientos cincuenta y cinco (555)",
            "quinientas cincuenta y cinco (555)",
        ),
        (600, "seiscientos (600)", "seiscientas (600)"),
        (700, "setecientos (700)", "setecientas (700)"),
        (800, "ochocientos (800)", "ochocientas (800)"),
        (900, "novecientos (900)", "novecientas (900)"),
        (
            999,
            "novecientos noventa y nueve (999)",
            "novecientas noventa y nueve (999)",
        ),
        (1000, "mil (1000)", "mil (1000)"),
        (1001, "mil un (1001)", "mil una (1001)"),
        (1021, "mil veintiún (1021)", "mil veintiuna (1021)"),
        (1100, "mil cien (1100)", "mil cien (1100)"),
        (2000, "dos mil (2000)", "dos mil (2000)"),
        (10000, "diez mil (10000)", "diez mil (10000)"),
        (21000, "veintiún mil (21000)", "veintiuna mil (21000)"),
        (
            31500,
            "treinta y un mil quinientos (31500)",
            "treinta y una mil quinientas (31500)",
        ),
        (100000, "cien mil (100000)", "cien mil (100000)"),
        (101000, "ciento un mil (101000)", "ciento una mil (101000)"),
        (200000, "doscientos mil (200000)", "doscientas mil (200000)"),
        (
            999999,
            "novecientos noventa y nueve mil novecientos noventa y nueve (999999)",
            "novecientas noventa y nueve mil novecientas noventa y nueve (999999)",
        ),
    ];

    #[test]
    fn reference_form_matches_table_in_both_genders() {
        for &(n, masculine, feminine) in CASES {
            assert_eq!(
                number_with_digits(n, Gender::Masculine),
                masculine,
                "masculine {n}"
            );
            assert_eq!(
                number_with_digits(n, Gender::Feminine),
                feminine,
                "feminine {n}"
            );
        }
    }

    #[test]
    fn words_are_the_reference_form_without_brackets() {
        for &(n, masculine, feminine) in CASES {
            let suffix = format!(" ({n:02})");
            assert_eq!(
                number_words(n, Gender::Masculine),
                masculine.strip_suffix(&suffix).unwrap()
            );
            assert_eq!(
                number_words(n, Gender::Feminine),
                feminine.strip_suffix(&suffix).unwrap()
            );
        }
    }

    #[test]
    fn thousand_is_never_un_mil() {
        for gender in [Gender::Masculine, Gender::Feminine] {
            for n in 1000..2000 {
                assert!(!number_words(n, gender).contains("un mil"), "{n}");
            }
        }
    }

    #[test]
    fn numbers_in_range_are_spelled_without_digits_or_stray_spaces() {
        // Every number below 2000, then a stride that still visits every thousands block.
        let sample = (0..2000)
            .chain((2000..=MAX_WORDS).step_by(37))
            .chain([MAX_WORDS]);
        for n in sample {
            for gender in [Gender::Masculine, Gender::Feminine] {
                let words = number_words(n, gender);
                assert!(!words.is_empty(), "{n}");
                assert!(!words.chars().any(|c| c.is_ascii_digit()), "{n}: {words}");
                assert!(
                    !words.contains("  ") && words.trim() == words,
                    "{n}: {words:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_above_range_fall_back_to_digits_without_panicking() {
        assert_eq!(number_words(1_000_000, Gender::Masculine), "1000000");
        assert_eq!(
            number_words(u32::MAX, Gender::Feminine),
            u32::MAX.to_string()
        );
        assert_eq!(
            number_with_digits(1_000_000, Gender::Masculine),
            "1000000 (1000000)"
        );
    }

    #[test]
    fn counted_uses_singular_only_for_one() {
        assert_eq!(
            counted(1, Gender::Masculine, "informe", "informes"),
            "un (01) informe"
        );
        assert_eq!(
            counted(
                4,
                Gender::Feminine,
                "actividad operativa",
                "actividades operativas"
            ),
            "cuatro (04) actividades operativas"
        );
        assert_eq!(
            counted(
                9,
                Gender::Feminine,
                "actividad operativa",
                "actividades operativas"
            ),
            "nueve (09) actividades operativas"
        );
        assert_eq!(
            counted(
                1,
                Gender::Feminine,
                "nueva actividad operativa",
                "nuevas actividades operativas"
            ),
            "una (01) nueva actividad operativa"
        );
        assert_eq!(
            counted(0, Gender::Masculine, "informe", "informes"),
            "cero (00) informes"
        );
        assert_eq!(
            counted(21, Gender::Feminine, "meta", "metas"),
            "veintiuna (21) metas"
        );
    }
}
