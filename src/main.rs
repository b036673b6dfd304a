//! Mounts the app; everything else lives in the library so tests can import it.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic is written to the console, then the recovery screen replaces the stopped app.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        ficha::ui::recovery::on_panic(info);
    }));
    // The static first screen gives way to the app in the same task: no frame shows neither.
    ficha::ui::browser::remove_first_screen();
    leptos::mount::mount_to_body(ficha::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Ficha runs in the browser: build it with `trunk build --release` (see README.md).");
}
