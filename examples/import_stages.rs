//! Where the time of a CEPLAN import goes, natively: open (pre-flight, repairs, calamine's
//! opening) and recognition, the read of the mapped columns, validation, the preview against the
//! example's workspace. Reads the export `make bench` writes to `target/bench/`, or the file given:
//! `cargo run --release --example import_stages [file]`.

use std::time::Instant;

use ficha::domain::import_memory::ImportMemory;
use ficha::domain::example::reference_workspace;
use ficha::io::ao_file::{open, preview, validate};
use ficha::io::ao_sheet::{Choices, Parsed};
use ficha::io::import::workbook::run_ready;

/// Time this thread has run on a CPU, in ms (Linux), to compare runs on a busy machine.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()).unwrap_or(0.0) / 1e6
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench/ceplan-5000x3.xlsx").into());
    let bytes = std::fs::read(&path).expect("the export");
    let ws = reference_workspace();
    for _ in 0..2 {
        let cpu = cpu_ms();
        let start = Instant::now();
        let mut opened = open(&bytes, &ImportMemory::default()).expect("opens");
        let opened_at = start.elapsed();
        let mapping = opened.recognition.mapping.clone();
        let cpu_opened = cpu_ms();
        let cells = run_ready(opened.read(&mapping, |_| std::future::ready(()))).expect("reads");
        let read_at = start.elapsed();
        let cpu_read = cpu_ms();
        let Ok(Parsed::Sheet(sheet)) = validate(&opened.recognition, &cells, &mapping, &Choices::default()) else {
            panic!("the export validates without questions")
        };
        let validated_at = start.elapsed();
        let shown = preview(&ws, 2023, &sheet);
        let done = start.elapsed();
        let cpu_done = cpu_ms();
        assert_eq!(shown.added.len() + shown.replaced.len(), sheet.activities().len());
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        println!(
            "open+recognise {:.0} ms · read {:.0} ms ({:?}) · validate {:.0} ms · preview {:.0} ms · total {:.0} ms",
            ms(opened_at),
            ms(read_at - opened_at),
            opened.book.used(),
            ms(validated_at - read_at),
            ms(done - validated_at),
            ms(done)
        );
        println!("  on the CPU: open {:.0} · read {:.0} · validate and preview {:.0} ms", cpu_opened - cpu, cpu_read - cpu_opened, cpu_done - cpu_read);
    }
}
