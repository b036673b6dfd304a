//! Keeping the workspace: the versioned document (pure) and the browser's localStorage (wasm only).

pub mod document;
#[cfg(target_arch = "wasm32")]
pub mod local;
