//! Reading numbers as planners type or paste them: `21000`, `21,000.00`, `S/ 21,000.00`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// What a number measures, which decides how many decimals it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A physical quantity in the AO's own unit: any decimals.
    Quantity,
    /// Soles: at most two decimals.
    Money,
}

/// How the file or paste writes decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalMark {
    /// `21,000.50`: the reference's form.
    #[default]
    Point,
    /// `21.000,50`: only when a whole file uses it consistently.
    Comma,
}

/// Why a text is not an acceptable number; the message says it in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
    Negative,
    TooManyDecimals,
    Ambiguous,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberError::NotANumber => "no es un número",
            NumberError::Negative => "no puede ser negativo",
            NumberError::TooManyDecimals => "un monto en soles admite como máximo 2 decimales",
            NumberError::Ambiguous => "formato ambiguo: use punto decimal y coma de miles (21,000.00)",
        })
    }
}

fn strip_currency(text: &str) -> &str {
    let text = text.trim();
    for prefix in ["S/.", "S/", "s/.", "s/"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    text
}

/// Checks that thousands separators sit every three digits ("1,250,000").
fn well_grouped(integer: &str, separator: char) -> bool {
    let groups: Vec<&str> = integer.split(separator).collect();
    groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3))
}

/// Parses a cell: empty is 0; negatives, text and (for money) more than 2 decimals are errors.
pub fn parse_number(text: &str, kind: NumberKind, mark: DecimalMark) -> Result<Decimal, NumberError> {
    let body = strip_currency(text);
    if body.is_empty() {
        return Ok(Decimal::ZERO);
    }
    if body.starts_with('-') || body.starts_with('(') && body.ends_with(')') {
        return match parse_number(body.trim_start_matches('-').trim_matches(['(', ')']), kind, mark) {
            Ok(value) if value.is_zero() => Ok(value),
            Ok(_) => Err(NumberError::Negative),
            Err(e) => Err(e),
        };
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(if body.chars().any(|c| c.is_whitespace()) && body.chars().any(|c| c.is_ascii_digit()) {
            NumberError::Ambiguous
        } else {
            NumberError::NotANumber
        });
    }
    let (thousands, decimal) = match mark {
        DecimalMark::Point => (',', '.'),
        DecimalMark::Comma => ('.', ','),
    };
    let (integer, fraction) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if fraction.is_some_and(|f| f.contains([',', '.'])) {
        return Err(NumberError::NotANumber);
    }
    if !well_grouped(integer, thousands) {
        return Err(NumberError::Ambiguous);
    }
    let digits: String = integer.chars().filter(|c| *c != thousands).collect();
    let canonical = match fraction {
        Some(f) => format!("{}.{}", if digits.is_empty() { "0" } else { &digits }, f),
        None => digits,
    };
    let value = Decimal::from_str(&canonical).map_err(|_| NumberError::NotANumber)?;
    if kind == NumberKind::Money && fraction.is_some_and(|f| f.len() > 2) {
        return Err(NumberError::TooManyDecimals);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Result<String, NumberError> {
        parse_number(text, NumberKind::Money, DecimalMark::Point).map(|d| d.to_string())
    }

    #[test]
    fn accepts_every_shape_the_spec_lists() {
        for (text, expected) in [
            ("21000", "21000"),
            ("21000.5", "21000.5"),
            ("21,000.00", "21000.00"),
            ("S/ 21,000.00", "21000.00"),
            ("S/. 1,250,000.10", "1250000.10"),
            ("  7 ", "7"),
            ("", "0"),
            (".5", "0.5"),
        ] {
            assert_eq!(money(text).as_deref(), Ok(expected), "{text}");
        }
    }

    #[test]
    fn refuses_negative_text_ambiguous_and_extra_decimals() {
        assert_eq!(money("-5"), Err(NumberError::Negative));
        assert_eq!(money("(5)"), Err(NumberError::Negative));
        assert_eq!(money("abc"), Err(NumberError::NotANumber));
        assert_eq!(money("12a"), Err(NumberError::NotANumber));
        assert_eq!(money("S/. 21 000,00"), Err(NumberError::Ambiguous));
        assert_eq!(money("21,00"), Err(NumberError::Ambiguous));
        assert_eq!(money("1.234"), Err(NumberError::TooManyDecimals));
        assert_eq!(money("1.2.3"), Err(NumberError::NotANumber));
    }

    #[test]
    fn quantities_may_have_more_decimals() {
        assert_eq!(parse_number("0.125", NumberKind::Quantity, DecimalMark::Point).unwrap().to_string(), "0.125");
    }

    #[test]
    fn decimal_comma_mode_reads_the_spanish_form() {
        let v = parse_number("21.000,50", NumberKind::Money, DecimalMark::Comma).unwrap();
        assert_eq!(v.to_string(), "21000.50");
    }
}
