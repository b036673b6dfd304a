//! Offers bytes to the user as a file download (Blob + object URL), all in the page.

use wasm_bindgen::JsCast;

const NOT_PREPARED: &str = "No se pudo preparar el archivo para descargar.";

/// Starts a download of `text` named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| NOT_PREPARED.to_string())?;
    offer(&blob, file_name)
}

/// Starts a download of binary `bytes` (a .docx, an .xlsx) named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| NOT_PREPARED.to_string())?;
    offer(&blob, file_name)
}

/// Clicks a temporary link to the blob, which the browser saves as `file_name`.
fn offer(blob: &web_sys::Blob, file_name: &str) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| NOT_PREPARED.to_string())?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("Sin documento")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "No se pudo preparar la descarga.".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
