//! Native side of the benchmark: what the pages compute (the AEI page's three tables, Resumen's
//! Cuadro 1 of every AEI, Tabla 3's Total) for 1,000 / 5,000 / 20,000 AO, and saving and loading.
//! Prints one JSON object; `tests/e2e/bench.mjs` merges it with the browser figures into one table.

use std::time::Instant;

use ficha::domain::example::REFERENCE_VIEW;
use ficha::domain::synthetic::{aei_page_tables, bench_batch, summary_page_cuadro1, synthetic_workspace, version_total};
use ficha::domain::Workspace;
use ficha::storage::document::{decode, encode};

/// Median milliseconds of `rounds` runs of `f`.
fn median_ms(rounds: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Median ms of one call of `f`, timed in batches as the wasm half is (`bench_batch`).
fn per_call_ms(ws: &Workspace, activities: usize, f: impl Fn(&Workspace) -> usize) -> f64 {
    let batch = bench_batch(activities);
    median_ms(15, || {
        for _ in 0..batch {
            std::hint::black_box(f(std::hint::black_box(ws)));
        }
    }) / batch as f64
}

fn main() {
    let mut pages = Vec::new();
    for n in [1_000, 5_000, 20_000] {
        let ws = synthetic_workspace(n, 40);
        let aei = ws.year(REFERENCE_VIEW.year).expect("the example's year").aeis[0].code.clone();
        let aei_page = per_call_ms(&ws, n, |ws| aei_page_tables(ws, REFERENCE_VIEW, &aei));
        let summary = per_call_ms(&ws, n, |ws| summary_page_cuadro1(ws, REFERENCE_VIEW));
        let total = per_call_ms(&ws, n, |ws| usize::from(!version_total(ws, REFERENCE_VIEW).is_zero()));
        pages.push(format!("\"{n}\":[{aei_page:.4},{summary:.4},{total:.4}]"));
    }
    let ws = synthetic_workspace(5_000, 40);
    let text = encode(&ws);
    let save = median_ms(9, || {
        std::hint::black_box(encode(&ws));
    });
    let load = median_ms(9, || {
        std::hint::black_box(decode(&text).expect("round trip"));
    });
    println!(
        "{{\"pages_ms\":{{{}}},\"save_5000_ms\":{save:.3},\"load_5000_ms\":{load:.3},\"stored_5000_bytes\":{}}}",
        pages.join(","),
        text.len()
    );
}
