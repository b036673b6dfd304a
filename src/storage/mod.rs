//! Keeping the workspace: the versioned document and key names (pure), the browser's localStorage (wasm only).

pub mod document;
pub mod keys;
#[cfg(target_arch = "wasm32")]
pub mod local;
