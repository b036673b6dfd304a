//! es-PE: figures as the reference prints them and as planners type them, number words, grammar, text folding.

mod folding;
mod format;
mod grammar;
mod numbers;
mod words;

pub use folding::{fold, name_key, push_folded};
pub use format::{average, money, money_in_prose, percent, percent_in_prose, plain, quantity, score, NumberFormat, NOT_APPLICABLE};
pub use grammar::{capitalized, gender, is_feminine_word, listed, ordinal, ordinal_abbreviation, sentence_case, unit_noun, UnitNoun};
pub use numbers::{
    check_bounds, parse_number, DecimalMark, NumberError, NumberKind, MAX_MONEY, MAX_QUANTITY, MONEY_DECIMALS,
    QUANTITY_DECIMALS,
};
pub use words::{count_of, counted, number_with_digits, number_words, Gender};
