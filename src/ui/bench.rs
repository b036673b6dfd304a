//! Browser side of the benchmark, called by `tests/e2e/bench.mjs` through `window.wasmBindings`;
//! only in the build of `make bench` (the `bench` feature).

use wasm_bindgen::prelude::wasm_bindgen;

use crate::domain::example::REFERENCE_VIEW;
use crate::domain::synthetic::{aei_page_tables, bench_batch, summary_page_cuadro1, synthetic_workspace, version_total};
use crate::domain::Workspace;
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

/// Median ms of one call of `f`, timed in batches as the native half is (`bench_batch`).
fn per_call_ms(ws: &Workspace, activities: usize, rounds: u32, f: impl Fn(&Workspace) -> usize) -> f64 {
    let batch = bench_batch(activities);
    median_ms(rounds, || {
        for _ in 0..batch {
            std::hint::black_box(f(std::hint::black_box(ws)));
        }
    }) / batch as f64
}

/// [AEI page's tables, Resumen's Cuadro 1 of every AEI, Tabla 3's Total alone] in median ms, for
/// a synthetic workspace of `activities` AO in 40 AEI: what the pages compute after an edit.
#[wasm_bindgen]
pub fn bench_pages(activities: u32, rounds: u32) -> Vec<f64> {
    let n = activities as usize;
    let ws = synthetic_workspace(n, 40);
    let aei = ws.year(REFERENCE_VIEW.year).map(|y| y.aeis[0].code.clone()).unwrap_or_default();
    vec![
        per_call_ms(&ws, n, rounds, |ws| aei_page_tables(ws, REFERENCE_VIEW, &aei)),
        per_call_ms(&ws, n, rounds, |ws| summary_page_cuadro1(ws, REFERENCE_VIEW)),
        per_call_ms(&ws, n, rounds, |ws| usize::from(!version_total(ws, REFERENCE_VIEW).is_zero())),
    ]
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

/// [open and recognise, read the mapped columns, validate, preview, inflate the first worksheet alone]
/// in ms, for an import file (the CEPLAN export `make bench` writes): where the import's time goes in wasm.
#[wasm_bindgen]
pub fn bench_import_stages(bytes: Vec<u8>) -> Vec<f64> {
    use crate::io::ao_file::{open, preview, validate};
    use crate::io::ao_sheet::{Choices, Parsed};
    use crate::io::import::preflight::Archive;
    use crate::io::import::workbook::run_ready;
    use std::io::Read;

    let ws = Workspace::empty(2023);
    let start = now();
    let Ok(mut opened) = open(&bytes, &crate::domain::import_memory::ImportMemory::default()) else { return Vec::new() };
    let opened_at = now();
    let mapping = opened.recognition.mapping.clone();
    let Ok(cells) = run_ready(opened.read(&mapping, |_| std::future::ready(()))) else { return Vec::new() };
    let read_at = now();
    let Ok(Parsed::Sheet(sheet)) = validate(&opened.recognition, &cells, &mapping, &Choices::default()) else { return Vec::new() };
    let validated_at = now();
    std::hint::black_box(preview(&ws, 2023, &sheet));
    let done = now();
    let inflate = Archive::open(&bytes).map_or(0.0, |mut archive| {
        let sheet = archive.names().iter().position(|n| n.starts_with("xl/worksheets/")).unwrap_or(0);
        let began = now();
        let mut sink = Vec::new();
        if let Ok(mut entry) = archive.entry(sheet) {
            let _ = entry.read_to_end(&mut sink);
        }
        now() - began
    });
    vec![opened_at - start, read_at - opened_at, validated_at - read_at, done - validated_at, inflate]
}
