//! Every change the UI dispatches, validated whole before it touches the workspace: monthly
//! values typed or pasted (into an AO's grid or the AEI sheet), the plan's structure, undo and redo.

mod history;
mod monthly;
mod paste;
pub mod sheet;
mod structure;

pub use history::{History, UNDO_STEPS};
pub use monthly::{far_above_programming, row_summary, EditError, MonthlyPatch, RowSummary};
pub use paste::{is_block, parse_block, parse_sheet_block};
pub use sheet::SheetError;
pub use structure::{
    next_free_code, AeiDraft, AmendmentDraft, Catalog, CodeNameDraft, Dependents, Field, Item, ItemDraft, StructureError,
    RESOLUTION_KINDS,
};
