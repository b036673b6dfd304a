//! es-PE display of figures as the reference prints them: `21,000.00`, `100.00`, `100.0%`, "–".

use rust_decimal::{Decimal, RoundingStrategy};

/// A value as an input holds it for editing: plain digits with a point, no grouping, no trailing
/// zeros (`21000.5`), as it is typed back.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// What an empty cell shows (programming 0, nothing counted).
pub const NOT_APPLICABLE: &str = "–";

fn rounded(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Groups the integer digits by thousands with commas and keeps exactly `decimals` decimals.
fn grouped(value: Decimal, decimals: u32) -> String {
    let text = format!("{:.*}", decimals as usize, rounded(value, decimals));
    let (sign, unsigned) = text.strip_prefix('-').map_or(("", text.as_str()), |rest| ("-", rest));
    let (integer, fraction) = unsigned.split_once('.').map_or((unsigned, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(text.len() + integer.len() / 3);
    out.push_str(sign);
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Money in soles: `650,769,332.00`.
pub fn money(value: Decimal) -> String {
    grouped(value, 2)
}

/// Cuadro 1's average: `100.00`, or "–" when nothing is counted.
pub fn average(value: Option<Decimal>) -> String {
    value.map_or_else(|| NOT_APPLICABLE.to_string(), |v| grouped(v, 2))
}

/// % de avance with one decimal: `99.3%`, or "–" when programming is 0.
pub fn percent(value: Option<Decimal>) -> String {
    value.map_or_else(|| NOT_APPLICABLE.to_string(), |v| format!("{}%", grouped(v, 1)))
}

/// A physical quantity: whole numbers without decimals (`1`, `1,250`), others with up to two (`2.5`).
pub fn quantity(value: Decimal) -> String {
    let value = rounded(value, 2);
    if value.fract().is_zero() {
        grouped(value, 0)
    } else {
        let text = grouped(value, 2);
        text.trim_end_matches('0').to_string()
    }
}

/// A percentage in prose: whole when whole ("100%"), else one decimal ("87.5%").
pub fn percent_in_prose(value: Option<Decimal>) -> String {
    let text = percent(value);
    text.strip_suffix(".0%").map_or(text.clone(), |whole| format!("{whole}%"))
}

/// Two decimals, as the national integrity report prints scores ("0.87", "1.80").
pub fn score(value: Decimal) -> String {
    grouped(value, 2)
}

/// How a figure of a table prints (and which Excel format it takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberFormat {
    /// A count of AO: `4`.
    Count,
    /// A physical quantity: `1`, `2.5`.
    Quantity,
    /// Soles: `21,000.00`.
    Money,
    /// Cuadro 1's average: `100.00`.
    Average,
    /// % de avance, given as a percentage (99.29 prints `99.3%`).
    Percent,
}

impl NumberFormat {
    /// The value as the ficha prints it.
    pub fn display(self, value: Decimal) -> String {
        match self {
            NumberFormat::Count => plain(value),
            NumberFormat::Quantity => quantity(value),
            NumberFormat::Money => money(value),
            NumberFormat::Average => average(Some(value)),
            NumberFormat::Percent => percent(Some(value)),
        }
    }
}

/// Money without decimals when whole, as prose writes it: "S/ 21,000".
pub fn money_in_prose(value: Decimal) -> String {
    quantity(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_groups_thousands_with_two_decimals() {
        assert_eq!(money(d("650769332")), "650,769,332.00");
        assert_eq!(money(d("646150876.9")), "646,150,876.90");
        assert_eq!(money(d("21000")), "21,000.00");
        assert_eq!(money(d("0")), "0.00");
        assert_eq!(money(d("999.995")), "1,000.00");
        assert_eq!(money(d("-1234.5")), "-1,234.50");
    }

    #[test]
    fn percent_rounds_half_away_from_zero_to_one_decimal() {
        assert_eq!(percent(Some(d("99.29")),), "99.3%");
        assert_eq!(percent(Some(d("99.25"))), "99.3%");
        assert_eq!(percent(Some(d("99.24999"))), "99.2%");
        assert_eq!(percent(Some(d("100"))), "100.0%");
        assert_eq!(percent(None), "–");
    }

    #[test]
    fn average_prints_two_decimals_or_dash() {
        assert_eq!(average(Some(d("100"))), "100.00");
        assert_eq!(average(Some(d("66.666666"))), "66.67");
        assert_eq!(average(None), "–");
    }

    #[test]
    fn quantity_hides_zero_decimals() {
        assert_eq!(quantity(d("1")), "1");
        assert_eq!(quantity(d("1250")), "1,250");
        assert_eq!(quantity(d("2.50")), "2.5");
        assert_eq!(quantity(d("0.125")), "0.13");
    }
}
