//! Ficha: AEI implementation fichas computed, drafted and printed in the browser.

pub mod domain;
pub mod io;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
