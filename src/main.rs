//! Mounts the app; everything else lives in the library so tests can import it.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ficha::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Ficha runs in the browser: build it with `trunk build --release` (see README.md).");
}
