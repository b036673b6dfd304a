//! The ficha's prose drafted from the data (DOMAIN.md §4).
