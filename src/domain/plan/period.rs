//! Months and evaluation periods (annual, first semester).

use serde::{Deserialize, Serialize};

/// A calendar month, 1 (enero) to 12 (diciembre).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(u8);

impl Month {
    /// The month numbered 1–12, or `None` outside that range.
    pub fn new(number: u8) -> Option<Self> {
        (1..=12).contains(&number).then_some(Self(number))
    }

    /// All twelve months in order.
    pub fn all() -> impl Iterator<Item = Month> {
        (1..=12).map(Month)
    }

    /// 1–12.
    pub fn number(self) -> u8 {
        self.0
    }

    /// 0–11, the position in a monthly array.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// Spanish short name as column header ("Ene" … "Dic").
    pub fn short_name(self) -> &'static str {
        ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Set", "Oct", "Nov", "Dic"][self.index()]
    }
}

/// The period a ficha evaluates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Period {
    /// Months 1–12.
    #[default]
    Annual,
    /// Months 1–6.
    FirstHalf,
}

impl Period {
    /// The months the period covers.
    pub fn months(self) -> impl Iterator<Item = Month> {
        (1..=self.month_count() as u8).map(Month)
    }

    /// How many months, from January, the period covers.
    pub fn month_count(self) -> usize {
        match self {
            Period::Annual => 12,
            Period::FirstHalf => 6,
        }
    }

    /// Spanish label as in the ficha ("Anual", "I Semestre").
    pub fn label(self) -> &'static str {
        match self {
            Period::Annual => "Anual",
            Period::FirstHalf => "I Semestre",
        }
    }
}
