//! Reading numbers as planners type or paste them (`21000`, `21,000.00`, `S/ 21,000.00`), within
//! the bounds every figure is held to wherever it enters (docs/LIMITS.md).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::domain::language::{money, quantity};

/// Largest amount in soles: 10^15, thousands of times any public budget of Peru.
pub const MAX_MONEY: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);
/// Decimals an amount in soles may have: céntimos.
pub const MONEY_DECIMALS: u32 = 2;
/// Largest physical quantity (or indicator value, integrity score): 10^12.
pub const MAX_QUANTITY: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);
/// Decimals a physical quantity may have.
pub const QUANTITY_DECIMALS: u32 = 6;

/// What a number measures, which decides how many decimals it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// A physical quantity in the AO's own unit: at most `QUANTITY_DECIMALS` decimals.
    Quantity,
    /// Soles: at most `MONEY_DECIMALS` decimals.
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
    /// More decimals than the kind admits (docs/LIMITS.md).
    TooManyDecimals(NumberKind),
    /// Above the kind's maximum (docs/LIMITS.md).
    TooLarge(NumberKind),
    Ambiguous,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::NotANumber => f.write_str("no es un número"),
            NumberError::Negative => f.write_str("no puede ser negativo"),
            NumberError::TooManyDecimals(kind) => {
                write!(f, "{} admite como máximo {} decimales", kind.a_value(), kind.decimals())
            }
            NumberError::TooLarge(NumberKind::Money) => write!(f, "el monto supera el máximo de {}", money(MAX_MONEY)),
            NumberError::TooLarge(NumberKind::Quantity) => write!(f, "la cantidad supera el máximo de {}", quantity(MAX_QUANTITY)),
            NumberError::Ambiguous => f.write_str("formato ambiguo: use punto decimal y coma de miles (21,000.00)"),
        }
    }
}

impl NumberKind {
    /// The largest value of the kind.
    pub fn max(self) -> Decimal {
        match self {
            NumberKind::Money => MAX_MONEY,
            NumberKind::Quantity => MAX_QUANTITY,
        }
    }

    /// How many decimals the kind admits.
    pub fn decimals(self) -> u32 {
        match self {
            NumberKind::Money => MONEY_DECIMALS,
            NumberKind::Quantity => QUANTITY_DECIMALS,
        }
    }

    /// "un monto en soles", "una cantidad": what the messages call a value of the kind.
    pub fn a_value(self) -> &'static str {
        match self {
            NumberKind::Money => "un monto en soles",
            NumberKind::Quantity => "una cantidad",
        }
    }
}

/// Whether a value is within its kind's bounds: not negative, at most its maximum and its decimals
/// (trailing zeros do not count: `21000.500` is `21000.5`).
pub fn check_bounds(value: Decimal, kind: NumberKind) -> Result<(), NumberError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(NumberError::Negative);
    }
    if value.scale() > kind.decimals() && value.normalize().scale() > kind.decimals() {
        return Err(NumberError::TooManyDecimals(kind));
    }
    if value > kind.max() {
        return Err(NumberError::TooLarge(kind));
    }
    Ok(())
}

/// A number with more integer digits may not fit a `Decimal` (its maximum has 29); every bound is
/// far below, so such a number is too large rather than "not a number".
const DECIMAL_DIGITS: usize = 28;

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

/// Parses a cell: empty is 0; negatives, text, and figures past the kind's bounds (docs/LIMITS.md:
/// its maximum, its decimals) are errors.
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
    if fraction.is_some_and(|f| f.len() > kind.decimals() as usize) {
        return Err(NumberError::TooManyDecimals(kind));
    }
    let digits: String = integer.chars().filter(|c| *c != thousands).collect();
    let significant = digits.trim_start_matches('0');
    if significant.len() > DECIMAL_DIGITS {
        return Err(NumberError::TooLarge(kind));
    }
    let whole = if significant.is_empty() { "0" } else { significant };
    let canonical = match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole.to_string(),
    };
    let value = Decimal::from_str(&canonical).map_err(|_| NumberError::NotANumber)?;
    check_bounds(value, kind)?;
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
        assert_eq!(money("1.234"), Err(NumberError::TooManyDecimals(NumberKind::Money)));
        assert_eq!(money("1.2.3"), Err(NumberError::NotANumber));
    }

    fn quantity(text: &str) -> Result<String, NumberError> {
        parse_number(text, NumberKind::Quantity, DecimalMark::Point).map(|d| d.to_string())
    }

    #[test]
    fn quantities_may_have_up_to_six_decimals() {
        assert_eq!(quantity("0.125").as_deref(), Ok("0.125"));
        assert_eq!(quantity("0.000001").as_deref(), Ok("0.000001"));
        assert_eq!(quantity("0.0000001"), Err(NumberError::TooManyDecimals(NumberKind::Quantity)));
        assert_eq!(
            NumberError::TooManyDecimals(NumberKind::Quantity).to_string(),
            "una cantidad admite como máximo 6 decimales"
        );
    }

    #[test]
    fn each_maximum_holds_at_its_edge_and_refuses_one_past_it() {
        assert_eq!(money("1,000,000,000,000,000.00").as_deref(), Ok("1000000000000000.00"));
        assert_eq!(money("1000000000000000.01"), Err(NumberError::TooLarge(NumberKind::Money)));
        assert_eq!(quantity("1,000,000,000,000").as_deref(), Ok("1000000000000"));
        assert_eq!(quantity("999999999999.999999").as_deref(), Ok("999999999999.999999"));
        assert_eq!(quantity("1000000000000.000001"), Err(NumberError::TooLarge(NumberKind::Quantity)));
        assert_eq!(
            NumberError::TooLarge(NumberKind::Money).to_string(),
            "el monto supera el máximo de 1,000,000,000,000,000.00"
        );
        assert_eq!(NumberError::TooLarge(NumberKind::Quantity).to_string(), "la cantidad supera el máximo de 1,000,000,000,000");
    }

    #[test]
    fn numbers_past_what_a_decimal_holds_are_too_large_not_garbage() {
        assert_eq!(money("79228162514264337593543950335"), Err(NumberError::TooLarge(NumberKind::Money)));
        assert_eq!(money("79228162514264337593543950336"), Err(NumberError::TooLarge(NumberKind::Money)));
        assert_eq!(quantity(&"9".repeat(400)), Err(NumberError::TooLarge(NumberKind::Quantity)));
        assert_eq!(money("-99999999999999999999999999999999"), Err(NumberError::TooLarge(NumberKind::Money)));
        assert_eq!(money("0000000000000000000000000000000001.5").as_deref(), Ok("1.5"), "leading zeros are no digits");
    }

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn the_constants_are_the_documented_powers_of_ten() {
        assert_eq!(MAX_MONEY, Decimal::from(10u64.pow(15)));
        assert_eq!(MAX_QUANTITY, Decimal::from(10u64.pow(12)));
    }

    #[test]
    fn each_bound_holds_at_its_edge_and_refuses_one_past_it() {
        let money = NumberKind::Money;
        let quantity = NumberKind::Quantity;
        assert_eq!(check_bounds(d("1000000000000000.00"), money), Ok(()));
        assert_eq!(check_bounds(d("1000000000000000.01"), money), Err(NumberError::TooLarge(money)));
        assert_eq!(check_bounds(d("0.01"), money), Ok(()));
        assert_eq!(check_bounds(d("0.001"), money), Err(NumberError::TooManyDecimals(money)));
        assert_eq!(check_bounds(d("21000.500"), money), Ok(()), "trailing zeros are not decimals");
        assert_eq!(check_bounds(d("999999999999.999999"), quantity), Ok(()));
        assert_eq!(check_bounds(d("1000000000000.000001"), quantity), Err(NumberError::TooLarge(quantity)));
        assert_eq!(check_bounds(d("0.0000001"), quantity), Err(NumberError::TooManyDecimals(quantity)));
        assert_eq!(check_bounds(d("-1"), quantity), Err(NumberError::Negative));
        assert_eq!(check_bounds(Decimal::MAX, money), Err(NumberError::TooLarge(money)));
    }

    #[test]
    fn decimal_comma_mode_reads_the_spanish_form() {
        let v = parse_number("21.000,50", NumberKind::Money, DecimalMark::Comma).unwrap();
        assert_eq!(v.to_string(), "21000.50");
    }
}
