//! Text compared the way people type it: lower case and without accents ("Gestión" = "gestion").

/// Appends `text` lowercased without accents.
pub fn push_folded(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(match lower {
                'á' | 'à' | 'ä' | 'â' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ì' | 'ï' | 'î' => 'i',
                'ó' | 'ò' | 'ö' | 'ô' => 'o',
                'ú' | 'ù' | 'ü' | 'û' => 'u',
                'ñ' => 'n',
                other => other,
            });
        }
    }
}

/// Lower case without accents, trimmed: how header names, catalogue words and searches are compared.
pub fn fold(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    push_folded(&mut out, text);
    out
}

/// A name as two spellings of it compare: folded, runs of white space as one space
/// ("Dirección  de Adopciones" and "DIRECCION DE ADOPCIONES" are the same name).
pub fn name_key(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_surrounding_spaces_do_not_count() {
        assert_eq!(fold("  Código ÑANDÚ Gestión "), "codigo nandu gestion");
        let mut out = String::from("x ");
        push_folded(&mut out, "ÁÉÍÓÚÜ");
        assert_eq!(out, "x aeiouu");
        assert_eq!(name_key(" Dirección  de Adopciones "), name_key("DIRECCION DE ADOPCIONES"));
    }
}
