//! Native side of the benchmark: every table for 1,000 / 5,000 / 20,000 AO, and the stored size.
//! Prints one JSON object; `tests/e2e/bench.mjs` merges it with the browser figures into one table.

use std::time::Instant;

use ficha::domain::example::REFERENCE_VIEW;
use ficha::domain::synthetic::{bench_batch, compute_every_table, synthetic_workspace};
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

fn main() {
    let mut tables = Vec::new();
    for n in [1_000, 5_000, 20_000] {
        let ws = synthetic_workspace(n, 40);
        let batch = bench_batch(n);
        let ms = median_ms(15, || {
            for _ in 0..batch {
                std::hint::black_box(compute_every_table(std::hint::black_box(&ws), REFERENCE_VIEW));
            }
        }) / batch as f64;
        tables.push(format!("\"{n}\":{ms:.3}"));
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
        "{{\"tables_ms\":{{{}}},\"save_5000_ms\":{save:.3},\"load_5000_ms\":{load:.3},\"stored_5000_bytes\":{}}}",
        tables.join(","),
        text.len()
    );
}
