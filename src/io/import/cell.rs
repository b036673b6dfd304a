//! One cell as the readers give it (text, number, boolean, date, error), read as text or as an exact decimal.

use std::borrow::Cow;

use rust_decimal::{Decimal, RoundingStrategy};

pub use sheet_xml::cell::{builtin_format_kind, date_text, format_kind, FormatKind, Raw};

use crate::domain::language::check_bounds;
use crate::domain::language::{NumberError, NumberKind};

/// A cell's value, whatever file it came from.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(Box<str>),
    /// A number cell; `pad` is the width a zero-only number format (`00`) pads integers to, 0 for none.
    Number { value: f64, pad: u8 },
    Bool(bool),
    /// A number shown as a date: its serial and how it reads (`2023-12-31`).
    Date { serial: f64, text: Box<str> },
    /// An Excel error value such as `#DIV/0!`.
    Error(Box<str>),
}

impl CellValue {
    /// A text cell.
    pub fn text(text: impl Into<Box<str>>) -> Self {
        CellValue::Text(text.into())
    }

    /// Nothing in it, or only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, numbers as Excel shows them (15 significant digits, zero-padded by their format).
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            CellValue::Empty => Cow::Borrowed(""),
            CellValue::Text(text) => Cow::Borrowed(text),
            CellValue::Number { value, pad } => Cow::Owned(number_text(*value, *pad)),
            CellValue::Bool(true) => Cow::Borrowed("VERDADERO"),
            CellValue::Bool(false) => Cow::Borrowed("FALSO"),
            CellValue::Date { text, .. } => Cow::Borrowed(text),
            CellValue::Error(code) => Cow::Borrowed(code),
        }
    }

    /// The number a number (or date) cell holds; `None` for other cells.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            CellValue::Number { value, .. } => Some(*value),
            CellValue::Date { serial, .. } => Some(*serial),
            _ => None,
        }
    }
}

/// A double as Excel shows it: 15 significant digits, so what lies past them is binary noise
/// (`0.30000000000000004` is `0.3`). A number no `Decimal` holds (`1E+30`) is written in plain
/// digits, which the validation refuses as past the bounds.
pub fn number_text(value: f64, pad: u8) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = match shown(value) {
        Some(decimal) => decimal.to_string(),
        None => value.to_string(),
    };
    let width = usize::from(pad);
    if width > 0 && value.fract() == 0.0 && value >= 0.0 {
        format!("{text:0>width$}")
    } else {
        text
    }
}

/// The decimal of 15 significant digits Excel shows for a double, trailing zeros dropped.
fn shown(value: f64) -> Option<Decimal> {
    if value == 0.0 {
        return Some(Decimal::ZERO);
    }
    // Rust's exponent formatting is correctly rounded: 15 significant digits, no logarithm needed.
    Decimal::from_scientific(&format!("{value:.14e}")).ok().map(|d| d.normalize())
}

/// A number cell as an exact decimal of a kind (money: 2 decimals, quantities: 6), checked against
/// the kind's bounds (docs/LIMITS.md). What lies past the kind's decimals is taken for binary
/// noise when it is below a thousandth of the last decimal (`5.55E-17` reads 0,
/// `1234567.8899999999` reads 1234567.89); a real `21000.505` in a money column is refused.
pub fn cell_decimal(value: f64, kind: NumberKind) -> Result<Decimal, NumberError> {
    if !value.is_finite() {
        return Err(NumberError::NotANumber);
    }
    let scale = kind.decimals();
    // Far below the last decimal (and below what a `Decimal` holds): noise around zero.
    if value.abs() < NOISE.get(scale as usize).copied().unwrap_or_else(|| 10f64.powi(-(scale as i32) - 4)) {
        return Ok(Decimal::ZERO);
    }
    if let Some(decimal) = exact_at_scale(value, scale) {
        // Below 2^53 at the kind's scale: within the kind's decimals and far below its maximum
        // (a test checks it), so of `check_bounds` only the sign is left.
        return if decimal.is_sign_negative() && !decimal.is_zero() { Err(NumberError::Negative) } else { Ok(decimal) };
    }
    let Some(shown) = shown(value) else { return Err(NumberError::TooLarge(kind)) };
    let rounded = shown.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
    let noise = Decimal::new(1, scale + 3);
    if (shown - rounded).abs() > noise {
        return Err(NumberError::TooManyDecimals(kind));
    }
    let decimal = rounded.normalize();
    check_bounds(decimal, kind)?;
    Ok(decimal)
}

/// The fast reading of most cells: a double that is the nearest one to a decimal of at most
/// `scale` decimals (what typing `57872.54` stores) is that decimal.
fn exact_at_scale(value: f64, scale: u32) -> Option<Decimal> {
    let factor = TENS.get(scale as usize).copied().unwrap_or_else(|| 10f64.powi(scale as i32));
    let scaled = (value * factor).round();
    if scaled.abs() >= EXACT || scaled / factor != value {
        return None;
    }
    if value.fract() == 0.0 {
        // Most cells: a whole number, with no trailing zero to drop at scale 0.
        return Some(Decimal::new(value as i64, 0));
    }
    Some(without_trailing_zeros(scaled as i64, scale))
}

/// 10^n for the kinds' scales, written out: `powi` is a loop in wasm, run twice per number cell.
const TENS: [f64; 7] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
/// 10^-(n+4): below it a double is noise around zero at scale n.
const NOISE: [f64; 7] = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];

/// 2^53: every integer below is a double.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// What `Decimal::new(mantissa, scale).normalize()` gives, by integer steps instead of decimal division.
fn without_trailing_zeros(mut mantissa: i64, mut scale: u32) -> Decimal {
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::new(mantissa, scale)
}

/// The width a number format made only of zeros (`00`, `000`) pads integers to; 0 for any other format.
pub fn zero_pad_width(format_code: &str) -> u8 {
    if format_code.len() >= 2 && format_code.len() <= usize::from(u8::MAX) && format_code.bytes().all(|b| b == b'0') {
        format_code.len() as u8
    } else {
        0
    }
}

/// A cell kept: its value owned.
impl From<Raw<'_>> for CellValue {
    fn from(raw: Raw<'_>) -> Self {
        match raw {
            Raw::Empty => CellValue::Empty,
            Raw::Text(text) => CellValue::text(text),
            Raw::Number(value, pad) => CellValue::Number { value, pad },
            Raw::Bool(b) => CellValue::Bool(b),
            Raw::Date(serial, text) => CellValue::Date { serial, text: text.into() },
            Raw::Error(code) => CellValue::Error(code.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(0.30000000000000004, 0), "0.3");
        assert_eq!(number_text(21000.0, 0), "21000");
        assert_eq!(number_text(1234567.8899999999, 0), "1234567.89");
        assert_eq!(number_text(7.0, 2), "07");
        assert_eq!(number_text(7.5, 2), "7.5");
        assert_eq!(number_text(-0.0, 0), "0");
        assert_eq!(number_text(1.2345678901234567E-3, 0), "0.00123456789012346");
        assert_eq!(number_text(1E+30, 0), "1000000000000000000000000000000");
        assert_eq!(number_text(1E-30, 0), format!("0.{}1", "0".repeat(29)));
    }

    #[test]
    fn residues_read_as_zero_and_real_decimals_past_the_kind_are_refused() {
        let money = NumberKind::Money;
        let quantity = NumberKind::Quantity;
        assert_eq!(cell_decimal(5.551115123125783e-17, money), Ok(Decimal::ZERO));
        assert_eq!(cell_decimal(1.4551915228366852e-11, money), Ok(Decimal::ZERO));
        assert_eq!(cell_decimal(-1.4551915228366852e-11, money), Ok(Decimal::ZERO));
        assert_eq!(cell_decimal(0.1 + 0.2, money), Ok(d("0.3")));
        assert_eq!(cell_decimal(57872.54, money), Ok(d("57872.54")));
        assert_eq!(cell_decimal(1234567.8899999999, money), Ok(d("1234567.89")));
        assert_eq!(cell_decimal(21000.505, money), Err(NumberError::TooManyDecimals(money)));
        assert_eq!(cell_decimal(0.125, quantity), Ok(d("0.125")));
        assert_eq!(cell_decimal(-5.0, quantity), Err(NumberError::Negative));
        assert_eq!(cell_decimal(1E+30, money), Err(NumberError::TooLarge(money)));
        assert_eq!(cell_decimal(1E+16, money), Err(NumberError::TooLarge(money)));
        assert_eq!(cell_decimal(f64::NAN, money), Err(NumberError::NotANumber));
    }

    #[test]
    fn what_the_exact_reading_gives_is_within_the_bounds_of_its_kind() {
        for kind in [NumberKind::Money, NumberKind::Quantity] {
            let largest = Decimal::new(EXACT as i64 - 1, kind.decimals());
            assert_eq!(check_bounds(largest, kind), Ok(()), "{kind:?}");
            assert_eq!(cell_decimal(-2.5, kind), Err(NumberError::Negative));
        }
        assert_eq!(cell_decimal(21000.0, NumberKind::Money).map(|d| (d, d.scale())), Ok((d("21000"), 0)));
        assert_eq!(cell_decimal(0.5, NumberKind::Quantity).map(|d| (d, d.scale())), Ok((d("0.5"), 1)));
    }

    #[test]
    fn the_written_out_powers_are_those_powi_computes() {
        for n in 0..TENS.len() {
            assert_eq!(TENS[n], 10f64.powi(n as i32), "10^{n}");
            assert_eq!(NOISE[n], 10f64.powi(-(n as i32) - 4), "10^-{}", n + 4);
        }
    }

    #[test]
    fn trailing_zeros_are_dropped_as_normalize_drops_them() {
        for (mantissa, scale) in [(0, 0), (0, 6), (2_100_000, 2), (-2_100_000, 2), (5_787_254, 2), (125_000, 6), (7, 0), (10, 1)] {
            let normalized = Decimal::new(mantissa, scale).normalize();
            let stripped = without_trailing_zeros(mantissa, scale);
            assert_eq!((stripped, stripped.scale(), stripped.is_sign_negative()), (normalized, normalized.scale(), normalized.is_sign_negative()));
        }
    }

    #[test]
    fn only_zero_formats_pad() {
        assert_eq!(zero_pad_width("00"), 2);
        assert_eq!(zero_pad_width("0"), 0);
        assert_eq!(zero_pad_width("0.00"), 0);
    }
}
