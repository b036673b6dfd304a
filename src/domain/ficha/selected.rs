//! What the pages and the documents read of the selected year, evaluated version and period: the
//! workspace's accessors of every table and chart of an AEI.

use super::charts::{progress_chart, ProgressChart};
use super::figures::ActivityFigures;
use super::table::{Table, TableId};
use super::tables::{aei_summary, budget_execution, cuadro1, cuadro2, tabla3, AeiSummary, Cuadro1, Tabla3};
use crate::domain::{Selection, Workspace};

/// The tables and charts of one AEI of the selected year, evaluated version and period.
impl Workspace {
    /// Cuadro 1 of the AEI, if the AEI and an evaluated version exist.
    pub fn cuadro1(&self, selection: Selection, aei_code: &str) -> Option<Cuadro1> {
        let year = self.year(selection.year)?;
        let version = self.evaluated_version(selection)?;
        let aei = year.aei(aei_code)?;
        Some(cuadro1(version, aei, &year.cost_centers, selection.period, self.settings.table_options()))
    }

    /// Cuadro 2 of the AEI.
    pub fn cuadro2(&self, selection: Selection, aei_code: &str) -> Vec<ActivityFigures> {
        self.evaluated_version(selection).map_or_else(Vec::new, |v| cuadro2(v, aei_code, selection.period))
    }

    /// Tabla 3 of the AEI, its Total over the whole version.
    pub fn tabla3(&self, selection: Selection, aei_code: &str) -> Option<Tabla3> {
        self.evaluated_version(selection).map(|v| tabla3(v, aei_code, selection.period))
    }

    /// The Informe's summary of every AEI of the year, if an evaluated version exists.
    pub fn aei_summary(&self, selection: Selection) -> Option<AeiSummary> {
        let year = self.year(selection.year)?;
        let version = self.evaluated_version(selection)?;
        Some(aei_summary(version, &year.aeis, selection.period, self.settings.table_options()))
    }

    /// The table as it prints, or `None` where the page shows none: Cuadro 1 needs the AEI and an evaluated
    /// version, Tabla 3 and the Informe's tables (which take no AEI) an evaluated version; Cuadro 2
    /// is always there (without rows when there is nothing to list).
    pub fn table(&self, selection: Selection, aei_code: &str, id: TableId) -> Option<Table> {
        let office = &self.entity.office;
        match id {
            TableId::Cuadro1 => self.cuadro1(selection, aei_code).map(|c| Table::cuadro1(c, selection.period, office)),
            TableId::Cuadro2 => {
                Some(Table::cuadro2(self.cuadro2(selection, aei_code), selection.year, aei_code, selection.period, office))
            }
            TableId::Tabla3 => {
                let version = self.evaluated_version(selection)?;
                let tabla3 = self.tabla3(selection, aei_code)?;
                Some(Table::tabla3(tabla3, version, selection.year, selection.period, office))
            }
            TableId::AeiSummary => self.aei_summary(selection).map(|s| Table::aei_summary(s, selection.period, office)),
            TableId::BudgetExecution => {
                let year = self.year(selection.year)?;
                let rows = budget_execution(self.evaluated_version(selection)?, &year.budget_categories, selection.period);
                Some(Table::budget_execution(rows, selection.year, selection.period, office))
            }
        }
    }

    /// The AEI's progress chart for the selected year, evaluated version and period.
    pub fn progress_chart(&self, selection: Selection, aei_code: &str) -> Option<ProgressChart> {
        let version = self.evaluated_version(selection)?;
        Some(progress_chart(version, aei_code, selection.period, self.settings.table_options()))
    }
}
