//! The rules of the Aplicativo CEPLAN's export (docs/FORMAT-ceplan.md): one Unidad Ejecutora, rows of
//! one AO (one per department) summed before anything is counted, totals checked, cumulative months found.

use std::borrow::Cow;
use std::collections::HashMap;

use rust_decimal::Decimal;

use super::layout::Field;
use crate::domain::plan::Series;
use crate::domain::language::{check_bounds, NumberKind};
use crate::domain::plan::Month;
use crate::domain::plan::exact_sum;

/// One row of the file as read: texts trimmed (borrowed from the cells that hold text), figures exact.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record<'a> {
    /// The row as the spreadsheet numbers it (1-based).
    pub row: usize,
    pub code: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub unit: Cow<'a, str>,
    pub aei_code: Cow<'a, str>,
    pub aei_name: Cow<'a, str>,
    pub oei_code: Cow<'a, str>,
    pub oei_name: Cow<'a, str>,
    pub cc_code: Cow<'a, str>,
    pub cc_name: Cow<'a, str>,
    pub category: Cow<'a, str>,
    pub category_name: Cow<'a, str>,
    pub follow_up: bool,
    /// What the follow-up column says when it is not an approval (CEPLAN's `Estado(SE)`).
    pub follow_up_text: Cow<'a, str>,
    pub place: Cow<'a, str>,
    pub ue_code: Cow<'a, str>,
    pub ue_name: Cow<'a, str>,
    pub active: bool,
    /// The four series (`Series::ALL` order), month by month.
    pub months: [[Decimal; 12]; 4],
    /// Each series' `Total` column, when the file has one.
    pub totals: [Option<Decimal>; 4],
    pub motives: [Cow<'a, str>; 12],
}

/// A Unidad Ejecutora of a file that holds several, for the user to choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UeOption {
    pub code: String,
    pub name: String,
    pub rows: usize,
    pub activities: usize,
}

/// Two rows of one AO that say different things in a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub field: Field,
    pub code: String,
    pub row: usize,
    pub value: String,
    pub first_row: usize,
    pub first_value: String,
}

/// A sum of an AO's rows past its series' bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumPastBounds {
    pub field: Field,
    pub code: String,
    pub row: usize,
    pub sum: Decimal,
}

/// The AO of a Unidad Ejecutora once the rows of each are summed.
#[derive(Debug, Default)]
pub struct Grouped<'a> {
    /// One per AO, in order of first appearance, at its first row.
    pub records: Vec<Record<'a>>,
    /// Rows added into an earlier row of their AO.
    pub summed: usize,
    /// A different centro de costo, AEI, OEI or unit between rows of one AO: errors.
    pub conflicts: Vec<Disagreement>,
    /// A different name: a warning, the first row's wins.
    pub renamed: Vec<Disagreement>,
    pub past_bounds: Vec<SumPastBounds>,
}

/// The place and the motives of a row that gives a motive.
type PlaceMotives<'a> = (Cow<'a, str>, [Cow<'a, str>; 12]);

/// The rows of one Unidad Ejecutora, gathered as they are read.
struct Unit<'a> {
    option: UeOption,
    /// Each AO code's first record.
    first: HashMap<Cow<'a, str>, usize>,
    /// The record the last row went into: the rows of an AO come together in the export.
    last: usize,
    grouped: Grouped<'a>,
    /// For each AO of several rows, the place and motives of each row that gives a motive.
    motives: HashMap<usize, Vec<PlaceMotives<'a>>>,
}

/// The active rows of a file, gathered as they are read: by Unidad Ejecutora in order of
/// appearance, and within each, when the file's rows are grouped, one record per AO, the rows of
/// one AO (one per department in the export) summed into its first. Summing as the rows come
/// keeps only the AO in memory, not every row.
pub struct Gathered<'a> {
    grouped: bool,
    units: Vec<Unit<'a>>,
}

impl<'a> Gathered<'a> {
    /// Rows of one AO are summed when `grouped`, else each row is a record of its own.
    pub fn new(grouped: bool) -> Self {
        Gathered { grouped, units: Vec::new() }
    }

    /// Adds an active row.
    pub fn add(&mut self, record: Record<'a>) {
        let at = match self.units.iter().position(|u| u.option.code == *record.ue_code) {
            Some(at) => at,
            None => {
                let option = UeOption { code: record.ue_code.to_string(), name: record.ue_name.to_string(), rows: 0, activities: 0 };
                self.units.push(Unit { option, first: HashMap::new(), last: 0, grouped: Grouped::default(), motives: HashMap::new() });
                self.units.len() - 1
            }
        };
        self.units[at].add(record, self.grouped);
    }

    /// The file's Unidades Ejecutoras in order of appearance, with their rows and AO.
    pub fn ue_options(&self) -> Vec<UeOption> {
        self.units.iter().map(|u| u.option.clone()).collect()
    }

    /// The AO of the Unidad Ejecutora at `ue` of [`Self::ue_options`] (none past them); the
    /// motives of an AO of several rows are kept with their place: «LIMA: …; CUSCO: …».
    pub fn into_unit(self, ue: usize) -> Grouped<'a> {
        let Some(unit) = self.units.into_iter().nth(ue) else { return Grouped::default() };
        let mut grouped = unit.grouped;
        for (at, places) in unit.motives {
            for (m, motive) in grouped.records[at].motives.iter_mut().enumerate() {
                *motive = Cow::Owned(motive_of_places(&places, m));
            }
        }
        grouped
    }
}

impl<'a> Unit<'a> {
    fn add(&mut self, mut record: Record<'a>, grouped: bool) {
        self.option.rows += 1;
        let known = match self.grouped.records.get(self.last) {
            Some(last) if last.code == record.code => Some(self.last),
            _ => self.first.get(&*record.code).copied(),
        };
        let Some(at) = known.filter(|_| grouped) else {
            if known.is_none() {
                self.option.activities += 1;
                self.first.insert(record.code.clone(), self.grouped.records.len());
            }
            self.last = self.grouped.records.len();
            self.grouped.records.push(record);
            return;
        };
        self.last = at;
        let Grouped { records, summed, conflicts, renamed, past_bounds } = &mut self.grouped;
        *summed += 1;
        let first = &mut records[at];
        add_row(first, &mut record, conflicts, renamed, past_bounds);
        let places = self.motives.entry(at).or_insert_with(|| said_motives(first).into_iter().collect());
        places.extend(said_motives(&mut record));
    }
}

fn text_of<'r>(record: &'r Record<'_>, field: Field) -> &'r str {
    match field {
        Field::CcCode => &record.cc_code,
        Field::CcName => &record.cc_name,
        Field::AeiCode => &record.aei_code,
        Field::OeiCode => &record.oei_code,
        Field::Unit => &record.unit,
        Field::AoName => &record.name,
        _ => "",
    }
}

/// Adds a later row of an AO into its first, exactly: what they disagree on (the rows must agree
/// on what the AO is: centro de costo, AEI, OEI, unit; a different name is a warning), the sums
/// month by month and total by total (and those past the bounds), the follow-up.
fn add_row<'a>(
    first: &mut Record<'a>,
    record: &mut Record<'a>,
    conflicts: &mut Vec<Disagreement>,
    renamed: &mut Vec<Disagreement>,
    past_bounds: &mut Vec<SumPastBounds>,
) {
    for field in [Field::CcCode, Field::CcName, Field::AeiCode, Field::OeiCode, Field::Unit, Field::AoName] {
        let (value, first_value) = (text_of(record, field), text_of(first, field));
        if value != first_value && !value.is_empty() {
            let disagreement = Disagreement {
                field,
                code: record.code.to_string(),
                row: record.row,
                value: value.to_string(),
                first_row: first.row,
                first_value: first_value.to_string(),
            };
            if field == Field::AoName {
                renamed.push(disagreement);
            } else {
                conflicts.push(disagreement);
            }
        }
    }
    for (s, series) in Series::ALL.into_iter().enumerate() {
        for month in Month::all() {
            let m = month.index();
            let sum = first.months[s][m].checked_add(record.months[s][m]).unwrap_or(Decimal::MAX);
            if past_the_bounds(sum, series.kind()) {
                past_bounds.push(SumPastBounds { field: Field::Monthly(series, month), code: record.code.to_string(), row: record.row, sum });
            }
            first.months[s][m] = sum;
        }
        first.totals[s] = match (first.totals[s], record.totals[s]) {
            (Some(a), Some(b)) => {
                let sum = a.checked_add(b).unwrap_or(Decimal::MAX);
                if past_the_bounds(sum, series.kind()) {
                    past_bounds.push(SumPastBounds { field: Field::Total(series), code: record.code.to_string(), row: record.row, sum });
                }
                Some(sum)
            }
            (a, b) => a.or(b),
        };
    }
    first.follow_up &= record.follow_up;
    if first.follow_up_text.is_empty() {
        first.follow_up_text = std::mem::take(&mut record.follow_up_text);
    }
}

/// Whether a sum of figures the validation read (each within the bounds of its kind) is past
/// them: only its size can be, and one whose digits (`mantissa`) are no larger than the maximum
/// (a whole number) is not, without comparing it to the maximum at its scale.
fn past_the_bounds(sum: Decimal, kind: NumberKind) -> bool {
    sum.mantissa() > kind.max().mantissa() && check_bounds(sum, kind).is_err()
}

/// A row's place and motives, taken from it, when it gives a motive (a row without one adds
/// nothing to its AO's motives).
fn said_motives<'a>(record: &mut Record<'a>) -> Option<PlaceMotives<'a>> {
    let gives = record.motives.iter().any(|text| said_text(text));
    gives.then(|| (record.place.clone(), std::mem::take(&mut record.motives)))
}

/// Whether a motive says something.
fn said_text(text: &str) -> bool {
    !text.trim().is_empty()
}

/// One month's motive of an AO of several rows: each place's text once, with its place
/// («LIMA: …; CUSCO: …»), or the text alone when only one is said.
fn motive_of_places(places: &[PlaceMotives<'_>], m: usize) -> String {
    let mut said: Vec<(&str, &str)> = Vec::new();
    for (place, texts) in places.iter().filter(|(_, texts)| said_text(&texts[m])) {
        let text = texts[m].trim();
        if !said.contains(&(&**place, text)) {
            said.push((&**place, text));
        }
    }
    match said.as_slice() {
        [] => String::new(),
        [(_, text)] => text.to_string(),
        _ => said
            .iter()
            .map(|(place, text)| if place.is_empty() { text.to_string() } else { format!("{place}: {text}") })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A series whose months look like running totals: never decreasing up to the last month with a
/// value (later months are not reported yet), that month equal to the `Total`, and their plain sum
/// different from it (so reading them either way is not the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cumulative {
    pub code: String,
    pub series: Series,
    pub months: [Decimal; 12],
}

/// The series of each AO that look cumulative, for the series that have months and a `Total`.
pub fn cumulative_series(records: &[Record<'_>], checked: &[Series]) -> Vec<Cumulative> {
    let mut found = Vec::new();
    for record in records {
        for &series in checked {
            let s = series.position();
            let (months, Some(total)) = (&record.months[s], record.totals[s]) else { continue };
            let Some(last) = months.iter().rposition(|m| !m.is_zero()) else { continue };
            let rising = months[..=last].windows(2).all(|w| w[0] <= w[1]);
            if rising && months[last] == total && exact_sum(months) != total {
                found.push(Cumulative { code: record.code.to_string(), series, months: *months });
            }
        }
    }
    found
}

/// Running totals as the month's own values: each month less the one before, up to the last
/// month reported.
pub fn to_monthly(months: &mut [Decimal; 12]) {
    let last = months.iter().rposition(|m| !m.is_zero()).unwrap_or(0);
    for m in (1..=last).rev() {
        months[m] -= months[m - 1];
    }
}

/// An AO whose `Total` is not the sum of its months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalMismatch {
    pub code: String,
    pub series: Series,
    pub sum: Decimal,
    pub total: Decimal,
}

/// The AO whose months do not add up to their `Total`, for the series that have both.
pub fn total_mismatches(records: &[Record<'_>], checked: &[Series]) -> Vec<TotalMismatch> {
    let mut found = Vec::new();
    for record in records {
        for &series in checked {
            let s = series.position();
            let Some(total) = record.totals[s] else { continue };
            let sum = exact_sum(&record.months[s]);
            if sum != total {
                found.push(TotalMismatch { code: record.code.to_string(), series, sum, total });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn record<'a>(row: usize, code: &'a str, place: &'a str, physical: [u32; 12], motive: &'a str) -> Record<'a> {
        let mut r = Record { row, code: code.into(), place: place.into(), cc_name: "OFICINA".into(), active: true, follow_up: true, ..Default::default() };
        r.months[0] = physical.map(Decimal::from);
        r.totals[0] = Some(Decimal::from(physical.iter().sum::<u32>()));
        r.motives[3] = motive.into();
        r
    }

    fn group_by_activity(records: Vec<Record<'_>>) -> Grouped<'_> {
        let mut gathered = Gathered::new(true);
        for record in records {
            gathered.add(record);
        }
        gathered.into_unit(0)
    }

    #[test]
    fn rows_of_one_activity_are_summed_and_their_motives_kept_by_place() {
        let grouped = group_by_activity(vec![
            record(2, "AO1", "LIMA", [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], "Se realizó"),
            record(3, "AO2", "LIMA", [1; 12], ""),
            record(4, "AO1", "CUSCO", [1, 3, 1, 0, 1, 2, 1, 1, 1, 1, 1, 1], "Falta personal"),
        ]);
        assert_eq!((grouped.records.len(), grouped.summed), (2, 1));
        let ao1 = &grouped.records[0];
        assert_eq!(ao1.months[0], [1, 3, 1, 1, 1, 2, 1, 2, 1, 1, 1, 2].map(Decimal::from));
        assert_eq!(ao1.totals[0], Some(d("17")));
        assert_eq!(ao1.motives[3], "LIMA: Se realizó; CUSCO: Falta personal");
        assert!(grouped.conflicts.is_empty());
    }

    #[test]
    fn a_motive_said_in_one_place_is_kept_alone_and_blank_ones_are_emptied() {
        let grouped = group_by_activity(vec![
            record(2, "AO1", "LIMA", [1; 12], "  "),
            record(3, "AO1", "CUSCO", [1; 12], ""),
            record(4, "AO2", "LIMA", [1; 12], ""),
            record(5, "AO2", "CUSCO", [1; 12], " Falta personal "),
            record(6, "AO3", "PIURA", [1; 12], "  "),
        ]);
        let motives: Vec<&str> = grouped.records.iter().map(|r| &*r.motives[3]).collect();
        assert_eq!(motives, ["", "Falta personal", "  "], "a single row keeps its motive as read");
        assert_eq!(grouped.records.iter().map(|r| &*r.place).collect::<Vec<_>>(), ["LIMA", "LIMA", "PIURA"]);
    }

    #[test]
    fn running_totals_are_found_and_turned_into_months() {
        let mut running = record(2, "AO1", "", [1, 3, 3, 6, 6, 6, 8, 8, 8, 8, 8, 10], "");
        running.totals[0] = Some(d("10"));
        let single = record(3, "AO2", "", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4], "");
        let found = cumulative_series(&[running.clone(), single], &[Series::PhysicalProgrammed]);
        assert_eq!(found.len(), 1, "a single month reads the same either way");
        to_monthly(&mut running.months[0]);
        assert_eq!(running.months[0], [1, 2, 0, 3, 0, 0, 2, 0, 0, 0, 0, 2].map(Decimal::from));
        assert!(total_mismatches(&[running], &[Series::PhysicalProgrammed]).is_empty());
    }
}
