//! The stored document: format name, schema version, migrations; text in, workspace out.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::domain::limits::{check_workspace, OutOfBounds};
use crate::domain::plan::MonthlyValues;
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
    /// Reads, but holds a figure past the bounds of docs/LIMITS.md: opened, it could stop a table.
    OutOfBounds(OutOfBounds),
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Broken(detail) => write!(f, "el contenido está dañado y no se puede leer ({detail})"),
            DocumentError::UnknownFormat => {
                write!(f, "el archivo no es un espacio de trabajo de Ficha (falta \"format\": \"{FORMAT_NAME}\")")
            }
            DocumentError::Newer(v) => write!(
                f,
                "los datos fueron guardados por una versión más reciente de Ficha (formato {v}; esta versión lee hasta el {CURRENT_VERSION}). Actualice la página"
            ),
            DocumentError::OutOfBounds(figure) => write!(f, "contiene una cifra fuera de los límites de Ficha ({figure})"),
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

/// The envelope with the workspace left as unparsed text: the version decides how to read it.
#[derive(Deserialize)]
struct Envelope<'a> {
    format: Option<String>,
    version: Option<u32>,
    #[serde(borrow)]
    workspace: Option<&'a RawValue>,
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

/// Reads stored text, migrating older schema versions, and checks every figure against its
/// bounds; never panics.
pub fn decode(text: &str) -> Result<Workspace, DocumentError> {
    let workspace = read(text)?;
    check_workspace(&workspace).map_err(DocumentError::OutOfBounds)?;
    Ok(workspace)
}

fn read(text: &str) -> Result<Workspace, DocumentError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| DocumentError::Broken(e.to_string()))?;
    if envelope.format.as_deref() != Some(FORMAT_NAME) {
        return Err(DocumentError::UnknownFormat);
    }
    let version = envelope.version.ok_or_else(|| DocumentError::Broken("falta \"version\"".into()))?;
    if version > CURRENT_VERSION {
        return Err(DocumentError::Newer(version));
    }
    let workspace = envelope.workspace.ok_or_else(|| DocumentError::Broken("falta \"workspace\"".into()))?;
    let broken = |e: serde_json::Error| DocumentError::Broken(e.to_string());
    // The current version is read straight from the text into the typed model, with no
    // intermediate JSON tree; only older layouts go through `Value`, and come back as text, so the
    // model's Deserialize impls are compiled for one deserializer only.
    match version {
        CURRENT_VERSION => serde_json::from_str(workspace.get()).map_err(broken),
        0 => {
            let value = serde_json::from_str(workspace.get()).map_err(broken)?;
            let migrated = months_from_arrays(value)?;
            serde_json::from_str(&migrated.to_string()).map_err(broken)
        }
        other => Err(DocumentError::Broken(format!("versión de formato desconocida: {other}"))),
    }
}

/// Version 0 (the pre-release layout, docs/FORMAT-backup.md) wrote each AO's and inversión's
/// monthly values as two arrays of twelve decimal strings, `"programmed"` and `"executed"`;
/// version 1 writes the compact `"p"`/`"e"` strings. The values are read as decimals and written
/// back by the current serializer, so the two layouts cannot drift apart.
fn months_from_arrays(mut workspace: Value) -> Result<Value, DocumentError> {
    let broken = |detail: String| DocumentError::Broken(format!("formato 0: {detail}"));
    let years = workspace.get_mut("years").and_then(Value::as_array_mut).into_iter().flatten();
    let versions = years.flat_map(|year| year.pointer_mut("/poi/versions").and_then(Value::as_array_mut).into_iter().flatten());
    for version in versions {
        for list in ["activities", "investments"] {
            let items = version.get_mut(list).and_then(Value::as_array_mut).into_iter().flatten();
            for item in items {
                for series in ["physical", "financial"] {
                    let Some(months) = item.get_mut(series) else { continue };
                    if months.get("programmed").is_none() && months.get("executed").is_none() {
                        continue;
                    }
                    let monthly = MonthlyValues {
                        programmed: twelve(months.get("programmed")).map_err(|e| broken(format!("{series}.programmed: {e}")))?,
                        executed: twelve(months.get("executed")).map_err(|e| broken(format!("{series}.executed: {e}")))?,
                    };
                    *months = serde_json::to_value(monthly).map_err(|e| broken(e.to_string()))?;
                }
            }
        }
    }
    Ok(workspace)
}

/// Twelve decimal strings (an empty string is 0; a missing array is all zeros).
fn twelve(array: Option<&Value>) -> Result<[Decimal; 12], String> {
    let mut months = [Decimal::ZERO; 12];
    let Some(array) = array else { return Ok(months) };
    let values = array.as_array().ok_or("no es una lista de 12 meses")?;
    if values.len() != 12 {
        return Err(format!("tiene {} meses y deben ser 12", values.len()));
    }
    for (slot, value) in months.iter_mut().zip(values) {
        let text = value.as_str().ok_or_else(|| format!("{value} no es un texto decimal"))?;
        if !text.is_empty() {
            *slot = Decimal::from_str(text).map_err(|_| format!("«{text}» no es un número"))?;
        }
    }
    Ok(months)
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
        assert_eq!(
            decode(&text).unwrap_err().to_string(),
            "contiene una cifra fuera de los límites de Ficha (Año 2023, POI Modificado versión 2, AO AOI00106600085, Programación financiera (S/), Jul: «-3500» no puede ser negativo)"
        );
        let text = encode(&reference_workspace()).replacen("|3500|", "|35x0|", 1);
        assert!(matches!(decode(&text), Err(DocumentError::Broken(_))));
    }

    #[test]
    fn the_workspace_may_come_before_the_version_in_the_text() {
        let ws = reference_workspace();
        let workspace = serde_json::to_string(&ws).unwrap();
        let text = format!("{{\"workspace\":{workspace},\"version\":{CURRENT_VERSION},\"format\":\"{FORMAT_NAME}\"}}");
        assert_eq!(decode(&text), Ok(ws));
    }

    #[test]
    fn a_null_workspace_is_refused_as_missing() {
        let text = format!("{{\"format\":\"{FORMAT_NAME}\",\"version\":{CURRENT_VERSION},\"workspace\":null}}");
        assert_eq!(decode(&text), Err(DocumentError::Broken("falta \"workspace\"".into())));
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
