//! Components several pages share: the computed tables, an AO's monthly grid and the AEI sheet,
//! the charts, a document's sections and their editor, the selection pickers, the AEI list, the ICP
//! block, form messages, the notices, and the window of rows in view that the sheet and the long
//! tables render.

mod aei_list;
mod charts;
mod forms;
mod grid;
mod icp;
mod notices;
mod section;
mod selection;
mod sheet;
mod tables;
mod window;

pub use aei_list::AeiOverview;
pub use charts::{ProgressCharts, Px};
pub use forms::FormErrors;
pub use grid::ActivityGrid;
pub use icp::IcpBlock;
pub use notices::{StorageNotices, WorkspaceBanner};
pub use section::{blocks_view, EditableText, SectionEdits, TitleBlockView};
pub use selection::SelectionControls;
pub use sheet::AeiSheet;
pub use tables::FichaTable;
