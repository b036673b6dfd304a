//! What the import remembers between files: the columns and answers given for a file's header (so
//! next month's file imports in one click) and the centro de costo names linked to existing ones.

use serde::{Deserialize, Serialize};

/// Remembered files at most; the oldest is forgotten first.
pub const REMEMBERED_FILES: usize = 20;

/// The choices made for one header (identified by its signature), newest first in [`ImportMemory`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RememberedImport {
    /// The header's signature: its folded names in order, hashed.
    pub signature: String,
    /// The header's row (zero-based) and, for a layout Ficha does not know, each field's column
    /// by the field's key (`ao_codigo`, `fis_prog_03`); empty for a known layout.
    #[serde(default)]
    pub header_row: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<(String, u32)>,
    /// The Unidad Ejecutora chosen in a file of several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ue: Option<String>,
    /// Whether months that looked cumulative were turned into monthly values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cumulative: Option<bool>,
}

/// The remembered imports of a workspace. The workspace keeps it as JSON text
/// (`Workspace::imports`): only the import reads it, so the rest of the app carries no code for
/// it; a text that does not read as this shape is forgotten, never an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ImportMemory {
    #[serde(default)]
    pub files: Vec<RememberedImport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<CostCenterAlias>,
}

impl ImportMemory {
    /// The memory kept in a workspace's `imports`.
    pub fn of(stored: &str) -> Self {
        serde_json::from_str(stored).unwrap_or_default()
    }

    /// The memory as the workspace keeps it (empty when there is nothing to remember).
    pub fn to_text(&self) -> String {
        if self.is_empty() {
            String::new()
        } else {
            serde_json::to_string(self).unwrap_or_default()
        }
    }

    /// The code a centro de costo name of an import file was linked to in a year.
    pub fn alias(&self, year: u16, name: &str) -> Option<&str> {
        self.aliases.iter().find(|a| a.year == year && a.name == name).map(|a| a.code.as_str())
    }

    /// Links a (folded) name to a code in a year, replacing an older link of the name.
    pub fn link(&mut self, year: u16, name: String, code: String) {
        self.aliases.retain(|a| !(a.year == year && a.name == name));
        self.aliases.push(CostCenterAlias { year, name, code });
    }

    /// What was chosen for a header with this signature.
    pub fn recall(&self, signature: &str) -> Option<&RememberedImport> {
        self.files.iter().find(|f| f.signature == signature)
    }

    /// Remembers the choices for their signature, replacing older ones, newest first.
    pub fn remember(&mut self, choice: RememberedImport) {
        self.files.retain(|f| f.signature != choice.signature);
        self.files.insert(0, choice);
        self.files.truncate(REMEMBERED_FILES);
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.aliases.is_empty()
    }
}

/// A centro de costo name of an import file linked to an existing centro de costo of a year (a
/// renamed one): the name as `text::name_key` folds it, and the code it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostCenterAlias {
    pub year: u16,
    pub name: String,
    pub code: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_choice_replaces_the_old_one_and_the_list_is_capped() {
        let mut memory = ImportMemory::default();
        for i in 0..REMEMBERED_FILES + 3 {
            memory.remember(RememberedImport { signature: format!("s{i}"), ..Default::default() });
        }
        memory.remember(RememberedImport { signature: "s5".into(), ue: Some("000127".into()), ..Default::default() });
        assert_eq!(memory.files.len(), REMEMBERED_FILES);
        assert_eq!(memory.files[0].ue.as_deref(), Some("000127"));
        assert_eq!(memory.files.iter().filter(|f| f.signature == "s5").count(), 1);
        assert!(memory.recall("s0").is_none(), "the oldest went first");
        memory.link(2026, "direccion de adopciones".into(), "05".into());
        assert_eq!(ImportMemory::of(&memory.to_text()), memory);
        assert_eq!(ImportMemory::of(r#"{"files": 3}"#), ImportMemory::default(), "forgotten, not an error");
        assert_eq!(ImportMemory::default().to_text(), "");
    }
}
