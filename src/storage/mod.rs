//! Keeping the workspace: the versioned document (pure) and the browser's localStorage (wasm only).

pub mod document;
