//! Keeping the workspace: the versioned document, its save stamp and key names (pure), the
//! browser's localStorage (wasm only).

pub mod document;
pub mod keys;
pub mod stamp;
#[cfg(target_arch = "wasm32")]
pub mod local;
