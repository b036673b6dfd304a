//! The stored document: format name, schema version, migrations; text in, workspace out.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::workspace::Workspace;

/// Name written at the top of every stored document and backup.
pub const FORMAT_NAME: &str = "ficha-workspace";
/// Schema version this build writes.
pub const CURRENT_VERSION: u32 = 1;

/// Why stored text could not be read. The raw text is always kept by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Not JSON, or JSON that does not hold a workspace.
    Broken(String),
    /// Another program's file.
    UnknownFormat,
    /// Written by a newer build of the app.
    Newer(u32),
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Broken(detail) => write!(f, "los datos guardados están dañados y no se pueden leer ({detail})"),
            DocumentError::UnknownFormat => {
                write!(f, "el archivo no es un espacio de trabajo de Ficha (falta \"format\": \"{FORMAT_NAME}\")")
            }
            DocumentError::Newer(v) => write!(
                f,
                "los datos fueron guardados por una versión más reciente de Ficha (formato {v}; esta versión lee hasta el {CURRENT_VERSION}). Actualice la página"
            ),
        }
    }
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u32,
    revision: u64,
    workspace: &'a Workspace,
}

#[derive(Deserialize)]
struct Envelope {
    format: Option<String>,
    version: Option<u32>,
    workspace: Option<Value>,
}

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    revision: u64,
}

/// The workspace as stored text, stamped with a revision that grows with every save.
pub fn encode_revision(workspace: &Workspace, revision: u64) -> String {
    serde_json::to_string(&DocumentOut { format: FORMAT_NAME, version: CURRENT_VERSION, revision, workspace })
        .expect("a workspace always serializes")
}

/// The workspace as a backup file (revision 0).
pub fn encode(workspace: &Workspace) -> String {
    encode_revision(workspace, 0)
}

/// The revision stamped on stored text (0 when absent or unreadable); a tab that holds an older
/// revision than storage must not overwrite it.
pub fn revision_of(text: &str) -> u64 {
    serde_json::from_str::<Head>(text).map_or(0, |h| h.revision)
}

/// Reads stored text, migrating older schema versions; never panics.
pub fn decode(text: &str) -> Result<Workspace, DocumentError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| DocumentError::Broken(e.to_string()))?;
    if envelope.format.as_deref() != Some(FORMAT_NAME) {
        return Err(DocumentError::UnknownFormat);
    }
    let version = envelope.version.ok_or_else(|| DocumentError::Broken("falta \"version\"".into()))?;
    if version > CURRENT_VERSION {
        return Err(DocumentError::Newer(version));
    }
    let value = envelope.workspace.ok_or_else(|| DocumentError::Broken("falta \"workspace\"".into()))?;
    let migrated = migrate(version, value)?;
    serde_json::from_value(migrated).map_err(|e| DocumentError::Broken(e.to_string()))
}

/// Brings a workspace of an older schema version up to `CURRENT_VERSION`, one step at a time.
fn migrate(version: u32, value: Value) -> Result<Value, DocumentError> {
    match version {
        CURRENT_VERSION => Ok(value),
        other => Err(DocumentError::Broken(format!("versión de formato desconocida: {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::reference_workspace;

    #[test]
    fn encode_then_decode_gives_back_the_same_workspace() {
        let ws = reference_workspace();
        assert_eq!(decode(&encode(&ws)), Ok(ws));
    }

    #[test]
    fn monthly_values_are_stored_as_compact_decimal_strings() {
        let text = encode(&reference_workspace());
        assert!(text.contains("\"||||||3500|3500|3500|3500|3500|3500\""), "soles are decimal text, never floats");
    }

    #[test]
    fn a_negative_or_garbled_month_is_refused_on_load() {
        let text = encode(&reference_workspace()).replacen("|3500|", "|-3500|", 1);
        assert!(matches!(decode(&text), Err(DocumentError::Broken(_))));
        let text = encode(&reference_workspace()).replacen("|3500|", "|35x0|", 1);
        assert!(matches!(decode(&text), Err(DocumentError::Broken(_))));
    }

    #[test]
    fn the_revision_is_read_without_the_workspace() {
        assert_eq!(revision_of(&encode_revision(&reference_workspace(), 42)), 42);
        assert_eq!(revision_of("{broken"), 0);
    }

    #[test]
    fn broken_unknown_and_newer_documents_are_refused() {
        assert!(matches!(decode("{not json"), Err(DocumentError::Broken(_))));
        assert_eq!(decode("{\"hello\":1}"), Err(DocumentError::UnknownFormat));
        assert_eq!(decode("{\"format\":\"ficha-workspace\",\"version\":99,\"workspace\":{}}"), Err(DocumentError::Newer(99)));
        assert!(matches!(decode("{\"format\":\"ficha-workspace\",\"version\":1,\"workspace\":{}}"), Err(DocumentError::Broken(_))));
        assert!(decode("").is_err());
    }
}
