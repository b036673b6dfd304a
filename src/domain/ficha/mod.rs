//! The ficha's figures: the computed tables (Cuadro 1, Cuadro 2, Tabla 3), their wording, the
//! charts' monthly series and the Modelo de Integridad; every formula once (docs/FORMULAS.md).

mod charts;
mod figures;
mod integrity;
pub mod labels;
mod selected;
mod table;
mod tables;

pub use charts::{progress_chart, AnnualOnly, Axis, ChartSeries, ProgressChart, ProgressPoint, CHARTS_SECTION, NO_COUNTED_ACTIVITIES};
pub use figures::{adjusted, aei_figures, aei_items, financial_in, counted_items, mean, progress, ActivityFigures, Figures, TableOptions};
pub use integrity::{parse_count, CountField, Icp, InputProblem, IntegrityInputError, IntegrityResult, IntegrityStage};
pub use table::{CellValue, HeaderCell, HeaderRow, RowRole, Scope, Table, TableCell, TableId, TableRow};
pub use tables::{aei_summary, budget_execution, cuadro1, cuadro2, tabla3, version_financial_total, AeiSummary, BudgetRow, Cuadro1, Cuadro1Row, Tabla3, NO_BUDGET_CATEGORY};
