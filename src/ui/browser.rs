//! What the app asks of the browser: the clock and the next paint, files downloaded and chosen,
//! the location, printing, the storage kept, the service worker's update, and page chunks loaded.

use std::future::Future;

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_split_helpers::SplitLoaderError;

use crate::domain::calendar::Date;

// --- Clock -------------------------------------------------------------------------------------

/// Today in the browser's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::new(year as u16, month as u8, day as u8).unwrap_or(Date::MIN)
}

/// Milliseconds since the page opened (since 1970 where the page has no performance clock).
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// "0.42 s" since `start`, without pulling float formatting into the bundle.
pub fn seconds_since(start: f64) -> String {
    let ms = (now() - start).max(0.0) as u64;
    format!("{}.{:02} s", ms / 1000, ms % 1000 / 10)
}

/// Resolves once the browser has painted what changed: after the next frame, or after 100 ms when
/// the tab is hidden and frames are paused.
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        let after_frame = {
            let window = window.clone();
            let resolve = resolve.clone();
            Closure::once_into_js(move || {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            })
        };
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

// --- Files -------------------------------------------------------------------------------------

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

// --- The page ----------------------------------------------------------------------------------

/// The location's hash, which names the page (`route.rs`).
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Removes the first screen index.html shows until the app starts (`io::first_screen`).
pub fn remove_first_screen() {
    if let Some(element) = document().get_element_by_id(crate::io::first_screen::ELEMENT_ID) {
        element.remove();
    }
}

/// Whether the page is being printed (between the window's `beforeprint` and `afterprint`), for
/// what shows only part of itself on screen but prints whole.
pub fn printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    let before = window_event_listener_untyped("beforeprint", move |_| set_printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| set_printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}

/// Opens the browser's print dialog (Imprimir / Guardar PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Moves the focus (and the view, below a long table) to the element with that id.
pub fn focus(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// `data-save-pending` on the root element while a save is scheduled, for whoever must read
/// storage only once the app has written it (the browser tests).
pub fn mark_save_pending(pending: bool) {
    let Some(root) = document().document_element() else { return };
    let _ = if pending { root.set_attribute("data-save-pending", "") } else { root.remove_attribute("data-save-pending") };
}

// --- Storage and updates -----------------------------------------------------------------------

/// The browser's answer, or `None` when storage was kept already or the API is missing. Called
/// through `Reflect` (as `navigator.onLine` is) rather than web-sys's `StorageManager`.
pub async fn ask_to_persist() -> Option<bool> {
    let window: JsValue = web_sys::window()?.into();
    let navigator = Reflect::get(&window, &"navigator".into()).ok()?;
    let manager = Reflect::get(&navigator, &"storage".into()).ok().filter(JsValue::is_object)?;
    let call = |name: &str| -> Option<JsFuture> {
        let method = Reflect::get(&manager, &name.into()).ok()?.dyn_into::<Function>().ok()?;
        method.call0(&manager).ok()?.dyn_into::<Promise>().ok().map(JsFuture::from)
    };
    if call("persisted")?.await.ok()?.as_bool() == Some(true) {
        return None;
    }
    call("persist")?.await.ok()?.as_bool()
}

/// Asks the waiting service worker to take over; the page reloads when it does.
pub fn apply_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("ficha:apply-update")) {
        let _ = window.dispatch_event(&event);
    }
}

// --- Page chunks -------------------------------------------------------------------------------

/// What a split page's loader gives: the page, or why its chunk could not be fetched. The split
/// functions are in `ui/mod.rs` (`#[wasm_split(…, fallible)]`, tools/post-build.mjs): a chunk that
/// cannot be fetched is an `Err`, shown by `lazy_page`, never a panic.
pub type PageLoad = Result<AnyView, SplitLoaderError>;

/// A page whose code is in a wasm chunk: "Cargando…" until the chunk is fetched and the page built.
/// A chunk that cannot be fetched (offline before the service worker stored the app, a deploy that
/// replaced the files) leaves the rest of the app working: the page says so and offers to retry,
/// which fetches the chunk again (a failed load is not remembered).
pub fn lazy_page<P: Future<Output = PageLoad> + 'static>(load: impl Fn() -> P + Send + Sync + 'static) -> AnyView {
    let attempt = RwSignal::new(0_u32);
    let page = move || {
        attempt.track();
        // The loader's future is not `Send`; the app runs on the browser's one thread.
        let page = send_wrapper::SendWrapper::new(load());
        view! {
            <Suspense fallback=|| view! { <p class="loading" role="status">"Cargando…"</p> }>
                {Suspend::new(async move { page.await.unwrap_or_else(|_| page_unavailable(attempt)) })}
            </Suspense>
        }
    };
    page.into_any()
}

/// What a page whose chunk could not be fetched shows; "Reintentar" loads it again.
fn page_unavailable(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="notice error" role="alert" id="page-unavailable">
            <p>"No se pudo cargar esta página. Revise la conexión y vuelva a intentarlo."</p>
            <p>"Sus datos siguen guardados en este navegador. Si Ficha se actualizó mientras estaba abierta, recargue la página."</p>
            <button id="retry-page" on:click=move |_| attempt.update(|n| *n += 1)>"Reintentar"</button>
        </div>
    }
    .into_any()
}
