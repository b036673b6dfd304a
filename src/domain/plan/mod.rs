//! What a POI is: the entity and the year's lists, the items it programmes (AO and inversiones
//! behind one `PoiItem`), their monthly series, the period, the versions, and two versions compared.

mod catalog;
mod compare;
mod items;
mod period;
mod poi;
mod series;

pub use catalog::{Aei, BudgetCategory, CostCenter, Entity, Indicator, Oei};
pub use compare::{compare, ActivityChange, ActivityRef, FieldChange, SeriesChange, VersionComparison};
pub use items::{Investment, ItemDescription, ItemKind, OperativeActivity, PoiItem};
pub use period::{Month, Period};
pub use poi::{AddedActivities, Amendment, Poi, PoiVersion, Resolution};
pub use series::{exact_sum, saturating_sum, AnnualFinancial, MonthNotes, MonthlyValues, Series};
