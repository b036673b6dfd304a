//! Reads a file the user chose in a file field, all in the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The file chosen in a file field, which is cleared so the same file can be chosen again after fixing it.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The file's bytes, or a Spanish message naming it when the browser cannot read it.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("No se pudo leer el archivo «{}» del disco.", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
