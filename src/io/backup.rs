//! Workspace backups: the stored document as a file, what a restore would replace, what is refused.

use std::fmt;

use super::limits::megabytes;
use crate::domain::Workspace;
use crate::storage::document::{decode, DocumentError};

/// Largest backup accepted; the browser's storage holds about 5 MB, so a real one is far smaller.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// Why a backup is refused; the open workspace is not touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    TooLarge { bytes: usize },
    /// Not UTF-8 text: a spreadsheet or a document picked by mistake.
    NotText,
    Document(DocumentError),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge { bytes } => write!(
                f,
                "el archivo pesa {} y un respaldo no pasa de {}; no es un respaldo de Ficha",
                megabytes(*bytes as u64),
                megabytes(MAX_BACKUP_BYTES as u64)
            ),
            BackupError::NotText => f.write_str("el archivo no es texto JSON; elija el respaldo .json que descargó de Ficha"),
            BackupError::Document(error) => error.fmt(f),
        }
    }
}

/// Reads a backup file: the workspace (migrated if older), or why it is refused.
pub fn read_backup(bytes: &[u8]) -> Result<Workspace, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| BackupError::NotText)?;
    decode(text.strip_prefix('\u{FEFF}').unwrap_or(text)).map_err(BackupError::Document)
}

/// "ficha-respaldo-2026-03-31.json", for the date given as yyyy-mm-dd.
pub fn file_name(date: &str) -> String {
    format!("ficha-respaldo-{date}.json")
}

/// What a workspace holds, to compare the open one with a backup before replacing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub entity: String,
    pub years: Vec<u16>,
    /// AO in the latest version of every year.
    pub activities: usize,
    pub recommendations: usize,
}

impl Overview {
    /// The workspace at a glance.
    pub fn of(ws: &Workspace) -> Self {
        Self {
            entity: ws.entity.name.clone(),
            years: ws.years.iter().map(|y| y.year).collect(),
            activities: ws.years.iter().filter_map(|y| y.poi.latest()).map(|v| v.activities.len()).sum(),
            recommendations: ws.recommendations.recommendations().len(),
        }
    }

    /// "2023, 2024", or "–" for none.
    pub fn years_text(&self) -> String {
        if self.years.is_empty() {
            return "–".to_string();
        }
        self.years.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
    }

    /// The entity's name, or a placeholder when it has none.
    pub fn entity_text(&self) -> &str {
        if self.entity.trim().is_empty() {
            "(sin nombre)"
        } else {
            &self.entity
        }
    }
}
