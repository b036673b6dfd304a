//! es-PE: figures as the reference prints them and as planners type them, number words, text folding.

mod folding;
mod format;
mod numbers;
mod words;

pub use folding::{fold, push_folded};
pub use format::{average, money, money_in_prose, percent, quantity, NOT_APPLICABLE};
pub use numbers::{
    check_bounds, parse_number, DecimalMark, NumberError, NumberKind, MAX_MONEY, MAX_QUANTITY, MONEY_DECIMALS,
    QUANTITY_DECIMALS,
};
pub use words::{counted, number_words, number_with_digits, Gender};
