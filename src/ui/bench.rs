//! Browser side of the benchmark, called by `tests/e2e/bench.mjs` through `window.wasmBindings`.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::domain::example::REFERENCE_VIEW;
use crate::domain::synthetic::{bench_batch, compute_every_table, synthetic_workspace};
use crate::storage::document::{decode, encode};
use crate::ui::browser::now;

fn median_ms(rounds: u32, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..rounds.max(1))
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Median ms to compute every table of a synthetic workspace of `activities` AO (timed in batches).
#[wasm_bindgen]
pub fn bench_tables(activities: u32, rounds: u32) -> f64 {
    let ws = synthetic_workspace(activities as usize, 40);
    let batch = bench_batch(activities as usize);
    median_ms(rounds, || {
        for _ in 0..batch {
            std::hint::black_box(compute_every_table(std::hint::black_box(&ws), REFERENCE_VIEW));
        }
    }) / batch as f64
}

/// [save ms, load ms, stored bytes] of a synthetic workspace of `activities` AO.
#[wasm_bindgen]
pub fn bench_storage(activities: u32, rounds: u32) -> Vec<f64> {
    let ws = synthetic_workspace(activities as usize, 40);
    let text = encode(&ws);
    let save = median_ms(rounds, || {
        std::hint::black_box(encode(&ws));
    });
    let load = median_ms(rounds, || {
        std::hint::black_box(decode(&text).ok());
    });
    vec![save, load, text.len() as f64]
}

/// A stored document of `activities` AO in `aeis` AEI, to seed localStorage before a page load.
#[wasm_bindgen]
pub fn bench_document(activities: u32, aeis: u32) -> String {
    encode(&synthetic_workspace(activities as usize, aeis as usize))
}
