//! Native side of the benchmark: what the pages compute (the AEI page's three tables, Resumen's
//! Cuadro 1 of every AEI, Tabla 3's Total) for 1,000 / 5,000 / 20,000 AO, saving and loading, and
//! a CEPLAN-shaped export of 5,000 AO × 3 departments (written to `target/bench/`, imported natively
//! here and through the page by `tests/e2e/bench.mjs`). Prints one JSON object;
//! `tests/e2e/bench.mjs` merges it with the browser figures into one table.

use std::time::Instant;

use ficha::domain::example::REFERENCE_VIEW;
use ficha::domain::import_memory::ImportMemory;
use ficha::domain::synthetic::{aei_page_tables, bench_batch, summary_page_cuadro1, synthetic_workspace, version_total};
use ficha::domain::Workspace;
use ficha::io::ao_file::read_file;
use ficha::io::ao_sheet::{Choices, Parsed};
use support::ceplan::{CeplanAo, CeplanBook, Department};
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

// The test builders: the same CEPLAN workbook the host tests write.
#[allow(dead_code)]
#[path = "../tests/it/support/mod.rs"]
mod support;

/// 5,000 AO in 3 departments each (15,000 rows), reported to June: as sparse as a real export
/// (the F(SE)/Fn(SE) months of the second half, the RE_P/SE_P blocks and most motives empty).
fn ceplan_export() -> CeplanBook {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let places = ["LIMA", "CUSCO", "PIURA"];
    let aos = (0..5_000u32)
        .map(|i| {
            let departments = places
                .iter()
                .enumerate()
                .map(|(d, place)| {
                    let mut dep = Department::named(place);
                    dep.f_re = std::array::from_fn(|m| (i + d as u32 + m as u32) % 4);
                    dep.fn_re = std::array::from_fn(|m| i64::from((i * 7 + m as u32) % 90_000) * 100 + 55);
                    for m in 0..6 {
                        dep.f_se[m] = Some((i + m as u32) % 4);
                        dep.fn_se[m] = Some(i64::from((i * 3 + m as u32) % 90_000) * 100 + 25);
                    }
                    if i % 3 == 0 {
                        dep.motive[5] = "Se realizó la actividad según lo programado";
                    }
                    dep
                })
                .collect();
            CeplanAo {
                ue: ("000127", "INSTITUTO NACIONAL MATERNO PERINATAL"),
                cc_id: leak(format!("13.{:02}", i % 40)),
                cc_name: leak(format!("CENTRO DE COSTO {}", i % 40)),
                oei: ("OEI.01", "GARANTIZAR LOS DERECHOS"),
                aei: (leak(format!("AEI.01.{:02}", 1 + i % 8)), "ACCIÓN ESTRATÉGICA"),
                categoria: ("0024", "PREVENCIÓN Y CONTROL DEL CÁNCER"),
                code: leak(format!("AOI000127{i:05}")),
                name: leak(format!("{:07} - ACTIVIDAD OPERATIVA {i}", 215_000 + i)),
                unit: "ATENCION",
                departments,
                estado_se: "APROBADO",
                activo: "SI",
            }
        })
        .collect();
    CeplanBook::of(aos)
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
    let export = ceplan_export().xlsx();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench");
    std::fs::create_dir_all(dir).expect("target/bench");
    let path = format!("{dir}/ceplan-5000x3.xlsx");
    std::fs::write(&path, &export).expect("the export is written");
    let import = median_ms(3, || {
        let read = read_file(&export, &ImportMemory::default(), &Choices::default());
        assert!(matches!(read, Ok((_, Parsed::Sheet(ref sheet))) if sheet.activities().len() == 5_000), "{:?}", read.err());
    });
    println!(
        "{{\"pages_ms\":{{{}}},\"save_5000_ms\":{save:.3},\"load_5000_ms\":{load:.3},\"stored_5000_bytes\":{},\"ceplan_path\":\"{path}\",\"ceplan_bytes\":{},\"import_15000_ms\":{import:.1}}}",
        pages.join(","),
        text.len(),
        export.len()
    );
}
