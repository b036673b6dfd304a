//! What a file's header says: the fields the import needs, their names in each known layout (Ficha's
//! AO sheet, the Aplicativo CEPLAN's "Exporta POI"), the header row and tab, and the best guess for any other.

use std::fmt;

use super::workbook::SheetRow;
use crate::domain::plan::Series;
use crate::domain::plan::Month;
use crate::io::csv::header_key;

/// What the import needs from a file, one column each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    AoCode,
    AoName,
    Unit,
    AeiCode,
    AeiName,
    OeiCode,
    OeiName,
    CcCode,
    CcName,
    /// `PP 0073` or `PP 0073: Nombre` (Ficha), or the code alone (CEPLAN's `Categoria ID`).
    Category,
    CategoryName,
    FollowUp,
    /// Where a row's figures are (CEPLAN's department): rows of one AO in several places are summed.
    Place,
    UeCode,
    UeName,
    /// CEPLAN's `Activo AO`: rows of inactive AO are left out.
    Active,
    Monthly(Series, Month),
    Total(Series),
    /// The explanation of the month's execution (CEPLAN's `Motivo(SE) MM`).
    Motive(Month),
}

/// The fields that are one column each, in the order the mapping step shows them.
pub const SINGLE_FIELDS: [Field; 16] = [
    Field::AoCode,
    Field::AoName,
    Field::Unit,
    Field::AeiCode,
    Field::AeiName,
    Field::OeiCode,
    Field::OeiName,
    Field::CcCode,
    Field::CcName,
    Field::Category,
    Field::CategoryName,
    Field::FollowUp,
    Field::Place,
    Field::UeCode,
    Field::UeName,
    Field::Active,
];

/// How many fields there are: the single ones, 48 months, 4 totals, 12 motives.
pub const FIELD_COUNT: usize = SINGLE_FIELDS.len() + 48 + 4 + 12;

impl Field {
    /// Every field, in [`Field::index`] order.
    pub fn all() -> impl Iterator<Item = Field> {
        SINGLE_FIELDS
            .into_iter()
            .chain(Series::ALL.into_iter().flat_map(|s| Month::all().map(move |m| Field::Monthly(s, m))))
            .chain(Series::ALL.into_iter().map(Field::Total))
            .chain(Month::all().map(Field::Motive))
    }

    /// A dense number for the field, below [`FIELD_COUNT`].
    pub fn index(self) -> usize {
        let singles = SINGLE_FIELDS.len();
        match self {
            Field::Monthly(s, m) => singles + s.position() * 12 + m.index(),
            Field::Total(s) => singles + 48 + s.position(),
            Field::Motive(m) => singles + 52 + m.index(),
            Field::AoCode => 0,
            Field::AoName => 1,
            Field::Unit => 2,
            Field::AeiCode => 3,
            Field::AeiName => 4,
            Field::OeiCode => 5,
            Field::OeiName => 6,
            Field::CcCode => 7,
            Field::CcName => 8,
            Field::Category => 9,
            Field::CategoryName => 10,
            Field::FollowUp => 11,
            Field::Place => 12,
            Field::UeCode => 13,
            Field::UeName => 14,
            Field::Active => 15,
        }
    }

    /// The name of the field in Ficha's AO sheet and in a remembered mapping: `ao_codigo`, `fis_prog_03`.
    pub fn key(self) -> String {
        let prefix = |s: Series| match s {
            Series::PhysicalProgrammed => "fis_prog",
            Series::PhysicalExecuted => "fis_ejec",
            Series::FinancialProgrammed => "fin_prog",
            Series::FinancialExecuted => "fin_ejec",
        };
        match self {
            Field::AoCode => "ao_codigo".into(),
            Field::AoName => "ao_nombre".into(),
            Field::Unit => "unidad_medida".into(),
            Field::AeiCode => "aei_codigo".into(),
            Field::AeiName => "aei_nombre".into(),
            Field::OeiCode => "oei_codigo".into(),
            Field::OeiName => "oei_nombre".into(),
            Field::CcCode => "cc_codigo".into(),
            Field::CcName => "cc_nombre".into(),
            Field::Category => "categoria_presupuestal".into(),
            Field::CategoryName => "categoria_nombre".into(),
            Field::FollowUp => "seguimiento_aprobado".into(),
            Field::Place => "lugar".into(),
            Field::UeCode => "ue_codigo".into(),
            Field::UeName => "ue_nombre".into(),
            Field::Active => "ao_activa".into(),
            Field::Monthly(s, m) => format!("{}_{:02}", prefix(s), m.number()),
            Field::Total(s) => format!("{}_total", prefix(s)),
            Field::Motive(m) => format!("motivo_{:02}", m.number()),
        }
    }

    /// The field a key names.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::all().find(|f| f.key() == key)
    }

    /// What the mapping step calls the field.
    pub fn label(self) -> String {
        match self {
            Field::AoCode => "Código de la AO".into(),
            Field::AoName => "Nombre de la AO".into(),
            Field::Unit => "Unidad de medida".into(),
            Field::AeiCode => "Código de la AEI".into(),
            Field::AeiName => "Nombre de la AEI".into(),
            Field::OeiCode => "Código del OEI".into(),
            Field::OeiName => "Nombre del OEI".into(),
            Field::CcCode => "Código del centro de costo".into(),
            Field::CcName => "Nombre del centro de costo".into(),
            Field::Category => "Categoría presupuestal".into(),
            Field::CategoryName => "Nombre de la categoría presupuestal".into(),
            Field::FollowUp => "Seguimiento aprobado".into(),
            Field::Place => "Lugar (filas de una AO que se suman)".into(),
            Field::UeCode => "Código de la Unidad Ejecutora".into(),
            Field::UeName => "Nombre de la Unidad Ejecutora".into(),
            Field::Active => "AO activa".into(),
            Field::Monthly(s, m) => format!("{}, {}", s.label(), m.short_name()),
            Field::Total(s) => format!("{}, total anual", s.label()),
            Field::Motive(m) => format!("Motivo del seguimiento, {}", m.short_name()),
        }
    }

    /// Whether the field holds figures (read as decimals of its series' kind).
    pub fn series(self) -> Option<Series> {
        match self {
            Field::Monthly(s, _) | Field::Total(s) => Some(s),
            _ => None,
        }
    }

    /// Header names the field goes by, as `header_key` folds them: Ficha's, the Aplicativo
    /// CEPLAN's, and the spellings planners use.
    fn synonyms(self) -> Vec<String> {
        let month = |prefixes: &[&str], m: Month| prefixes.iter().map(|p| format!("{p}_{:02}", m.number())).collect();
        let total = |prefixes: &[&str]| prefixes.iter().map(|p| format!("{p}_total")).collect();
        let series = |s: Series| -> &'static [&'static str] {
            match s {
                Series::PhysicalProgrammed => &["fis_prog", "f(re)", "f(re1)"],
                Series::PhysicalExecuted => &["fis_ejec", "f(se)", "f(se1)"],
                Series::FinancialProgrammed => &["fin_prog", "fn(re)", "fn(re1)"],
                Series::FinancialExecuted => &["fin_ejec", "fn(se)", "fn(se1)"],
            }
        };
        let words: &[&str] = match self {
            Field::AoCode => &["ao_codigo", "actividad_operativa_id", "codigo_ao", "codigo_de_ao", "cod_ao", "codigo_actividad_operativa"],
            Field::AoName => &["ao_nombre", "actividad_operativa", "nombre_ao", "nombre_de_la_ao", "nombre_actividad_operativa"],
            Field::Unit => &["unidad_medida", "unidad_de_medida", "um"],
            Field::AeiCode => &["aei_codigo", "aei", "codigo_aei", "cod_aei"],
            Field::AeiName => &["aei_nombre", "accion_estrategica_institucional", "nombre_aei"],
            Field::OeiCode => &["oei_codigo", "oei", "codigo_oei"],
            Field::OeiName => &["oei_nombre", "objetivo_estrategico_institucional", "nombre_oei"],
            Field::CcCode => &["cc_codigo", "centro_costo_id", "codigo_cc", "codigo_centro_de_costo", "cod_cc"],
            Field::CcName => &["cc_nombre", "centro_de_costo", "nombre_cc", "centro_costo", "nombre_centro_de_costo"],
            Field::Category => &["categoria_presupuestal", "categoria_id", "categoria_codigo"],
            Field::CategoryName => &["categoria", "categoria_nombre"],
            Field::FollowUp => &["seguimiento_aprobado", "estado(se)", "estado_seguimiento"],
            Field::Place => &["departamento_nombre_ubigeo", "departamento"],
            Field::UeCode => &["ue_id", "ue_codigo", "codigo_ue"],
            Field::UeName => &["ue", "ue_nombre", "unidad_ejecutora"],
            Field::Active => &["activo_ao", "ao_activa"],
            Field::Monthly(s, m) => return month(series(s), m),
            Field::Total(s) => return total(series(s)),
            Field::Motive(m) => return month(&["motivo", "motivo(se)"], m),
        };
        words.iter().map(|w| w.to_string()).collect()
    }
}

/// The layouts the import knows, and what the preview says it recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The Aplicativo CEPLAN V.01's "Exporta POI" (a re-saved workbook, or its HTML table).
    Ceplan,
    /// Ficha's own AO sheet (docs/FORMAT-ao-sheet.md).
    FichaSheet,
    /// Anything else: the columns are chosen in the mapping step.
    Other,
}

impl Layout {
    /// "Exporta POI del Aplicativo CEPLAN V.01 (hoja POI_Por_ActividadOperativaAnual)".
    pub fn describe(self, tab: &str) -> String {
        let name = match self {
            Layout::Ceplan => "Exporta POI del Aplicativo CEPLAN V.01",
            Layout::FichaSheet => "Hoja de AO de Ficha",
            Layout::Other => "otro formato",
        };
        if tab.is_empty() {
            name.to_string()
        } else {
            format!("{name} (hoja {tab})")
        }
    }
}

/// Where each field is: the header row and the column of every field found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// Zero-based row of the header.
    pub header_row: u32,
    pub columns: Vec<(Field, u32)>,
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<u32> {
        self.columns.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// Sets (or, with `None`, clears) the column of a field.
    pub fn set(&mut self, field: Field, column: Option<u32>) {
        self.columns.retain(|(f, _)| *f != field);
        if let Some(column) = column {
            self.columns.push((field, column));
        }
    }

    /// Whether every month of a series has a column.
    pub fn has_months(&self, series: Series) -> bool {
        Month::all().all(|m| self.has(Field::Monthly(series, m)))
    }

    /// The column of every field at once, for a validation that asks for each row.
    pub fn lookup(&self) -> Columns {
        let mut columns = [None; FIELD_COUNT];
        for (field, column) in &self.columns {
            // The first entry of a field wins, as in `column`.
            columns[field.index()].get_or_insert(*column);
        }
        Columns(columns)
    }

    /// Which columns a read keeps, `width` wide at least.
    pub fn kept(&self, width: usize) -> Vec<bool> {
        let last = self.columns.iter().map(|(_, c)| *c as usize + 1).max().unwrap_or(0);
        let mut keep = vec![false; width.max(last)];
        for (_, c) in &self.columns {
            keep[*c as usize] = true;
        }
        keep
    }

    /// The fields needed and not mapped; the mapping step blocks on them.
    pub fn missing(&self) -> Vec<Field> {
        let mut missing: Vec<Field> = [Field::AoCode, Field::AoName, Field::Unit].into_iter().filter(|f| !self.has(*f)).collect();
        if !self.has(Field::CcCode) && !self.has(Field::CcName) {
            missing.push(Field::CcName);
        }
        for series in [Series::PhysicalProgrammed, Series::PhysicalExecuted] {
            missing.extend(Month::all().map(|m| Field::Monthly(series, m)).filter(|f| !self.has(*f)));
        }
        for series in [Series::FinancialProgrammed, Series::FinancialExecuted] {
            if !self.has_months(series) && !self.has(Field::Total(series)) {
                missing.push(Field::Total(series));
            }
        }
        missing
    }
}

/// The columns of a mapping indexed by field: what [`Mapping::column`] says, without a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns([Option<u32>; FIELD_COUNT]);

impl Columns {
    pub fn column(&self, field: Field) -> Option<u32> {
        self.0[field.index()]
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// Whether every month of a series has a column.
    pub fn has_months(&self, series: Series) -> bool {
        Month::all().all(|m| self.has(Field::Monthly(series, m)))
    }
}

/// A header as the mapping step lists it, and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub column: u32,
    pub text: String,
    key: String,
}

/// The non-empty header cells of a row, in order.
pub fn headers(row: &SheetRow) -> Vec<Header> {
    row.cells
        .iter()
        .map(|(c, v)| (*c, v.as_text().trim().to_string()))
        .filter(|(_, text)| !text.is_empty())
        .map(|(column, text)| Header { column, key: header_key(&text), text })
        .collect()
}

/// The file's header as one text for remembering its mapping: the folded headers in order,
/// hashed (FNV-1a, 64 bits) with their count, so a 277-column header takes 20 characters.
pub fn signature(headers: &[Header]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for header in headers {
        for byte in header.key.bytes().chain(std::iter::once(0x1F)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{}-{hash:016x}", headers.len())
}

/// The column whose header is one of the field's names: the first one, so a repeated header
/// (a mistake the sheet's validation names) does not move the field.
fn exact(field: Field, headers: &[Header]) -> Option<u32> {
    let names = field.synonyms();
    headers.iter().find(|h| names.contains(&h.key)).map(|h| h.column)
}

/// How many fields a header row names: rows of a title, of group titles or of data name few.
fn score(headers: &[Header]) -> usize {
    Field::all().filter(|f| exact(*f, headers).is_some()).count()
}

/// The layout a header is in. A CEPLAN export has the AO id, the physical months and a cost
/// centre; Ficha's sheet has every column its format requires.
pub fn layout_of(headers: &[Header]) -> Layout {
    let has = |key: &str| headers.iter().any(|h| h.key == key);
    let months = |prefixes: [&str; 2]| (1..=12).all(|m| prefixes.iter().any(|p| has(&format!("{p}_{m:02}"))));
    if has("actividad_operativa_id")
        && months(["f(re)", "f(re1)"])
        && months(["f(se)", "f(se1)"])
        && (has("centro_de_costo") || has("centro_costo_id"))
    {
        return Layout::Ceplan;
    }
    let ficha_text = ["aei_codigo", "cc_codigo", "ao_codigo", "ao_nombre", "unidad_medida"];
    let ficha_months = ["fis_prog", "fis_ejec", "fin_prog", "fin_ejec"];
    if ficha_text.iter().all(|k| has(k)) && ficha_months.iter().all(|p| (1..=12).all(|m| has(&format!("{p}_{m:02}")))) {
        return Layout::FichaSheet;
    }
    Layout::Other
}

/// Whether the header is the Aplicativo's "programación financiera" export, not "Exporta POI".
pub fn is_financial_programming_export(headers: &[Header]) -> bool {
    let has = |key: &str| headers.iter().any(|h| h.key == key);
    has("actividad_operativa_id") && has("gg_id") && !has("f(se)_01")
}

/// The mapping of a known layout: every field by its names.
pub fn known_mapping(header_row: u32, headers: &[Header]) -> Mapping {
    Mapping { header_row, columns: Field::all().filter_map(|f| exact(f, headers).map(|c| (f, c))).collect() }
}

/// Words of a header or a field's name, for a guess by overlap.
fn words(text: &str) -> Vec<String> {
    header_key(text).split(['_', '(', ')', '.']).filter(|w| w.len() > 1).map(str::to_string).collect()
}

/// The best guess for a file of another layout: the known names first, then the header sharing
/// most words with the field's label (at least half of them); a column goes to one field only.
pub fn guess_mapping(header_row: u32, headers: &[Header]) -> Mapping {
    let mut mapping = known_mapping(header_row, headers);
    for field in SINGLE_FIELDS {
        if mapping.has(field) {
            continue;
        }
        let target = words(&field.label());
        let taken: Vec<u32> = mapping.columns.iter().map(|(_, c)| *c).collect();
        let best = headers
            .iter()
            .filter(|h| !taken.contains(&h.column))
            .map(|h| {
                let mine = words(&h.text);
                let shared = mine.iter().filter(|w| target.contains(w)).count();
                let union = mine.len() + target.len() - shared;
                (h.column, if union == 0 { 0.0 } else { shared as f64 / union as f64 })
            })
            .filter(|(_, overlap)| *overlap >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((column, _)) = best {
            mapping.set(field, Some(column));
        }
    }
    for family in families(headers) {
        let Some(series) = family_series(&family.prefix) else { continue };
        if !mapping.has_months(series) {
            for (m, column) in Month::all().zip(family.columns) {
                mapping.set(Field::Monthly(series, m), Some(column));
            }
        }
    }
    mapping
}

/// Twelve headers sharing a prefix and numbered 1 to 12 (`F(RE) 01` … `F(RE) 12`, `prog_fis_1` …):
/// one monthly series in another layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// The headers' common start as written (`F(RE)`).
    pub prefix: String,
    /// The columns of months 1 to 12.
    pub columns: [u32; 12],
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 01 … 12", self.prefix)
    }
}

/// The monthly families of a header, in the order they start.
pub fn families(headers: &[Header]) -> Vec<Family> {
    let mut found: Vec<(String, String, [Option<u32>; 12])> = Vec::new();
    for header in headers {
        let text = header.text.trim();
        let digits = text.chars().rev().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            continue;
        }
        let Ok(month) = text[text.len() - digits..].parse::<usize>() else { continue };
        if !(1..=12).contains(&month) {
            continue;
        }
        let prefix = text[..text.len() - digits].trim_end_matches([' ', '_', '-']).to_string();
        if prefix.is_empty() {
            continue;
        }
        let key = header_key(&prefix);
        let slot = match found.iter().position(|(k, _, _)| *k == key) {
            Some(i) => i,
            None => {
                found.push((key, prefix, [None; 12]));
                found.len() - 1
            }
        };
        found[slot].2[month - 1].get_or_insert(header.column);
    }
    found
        .into_iter()
        .filter_map(|(_, prefix, columns)| {
            let columns: Vec<u32> = columns.iter().copied().collect::<Option<Vec<u32>>>()?;
            Some(Family { prefix, columns: columns.try_into().ok()? })
        })
        .collect()
}

/// The series a family's prefix names, when it says so plainly.
fn family_series(prefix: &str) -> Option<Series> {
    let key = header_key(prefix);
    let has = |w: &str| key.contains(w);
    let physical = has("fis") || has("meta");
    let financial = has("fin") || has("pres") || has("monto") || has("gasto");
    let programmed = has("prog") || has("re)");
    let executed = has("ejec") || has("se)") || has("avance");
    match (physical, financial, programmed, executed) {
        (true, false, true, false) => Some(Series::PhysicalProgrammed),
        (true, false, false, true) => Some(Series::PhysicalExecuted),
        (false, true, true, false) => Some(Series::FinancialProgrammed),
        (false, true, false, true) => Some(Series::FinancialExecuted),
        _ => None,
    }
}

/// What the header search found on a tab.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub tab: usize,
    pub header_row: u32,
    pub headers: Vec<Header>,
    pub layout: Layout,
    score: usize,
}

/// The header of a tab: among its first rows, the one naming most fields (the first of equals);
/// when none names any, the first row at least half as wide as the widest (a title above a
/// header is one cell).
pub fn find_header(tab: usize, rows: &[SheetRow]) -> Option<Found> {
    let candidates: Vec<(u32, Vec<Header>, usize)> = rows
        .iter()
        .map(|row| {
            let headers = headers(row);
            let score = score(&headers);
            (row.row, headers, score)
        })
        .filter(|(_, headers, _)| !headers.is_empty())
        .collect();
    let best_score = candidates.iter().map(|(_, _, s)| *s).max()?;
    let widest = candidates.iter().map(|(_, h, _)| h.len()).max().unwrap_or(0);
    let (header_row, headers, score) = candidates
        .into_iter()
        .find(|(_, headers, score)| if best_score > 0 { *score == best_score } else { headers.len() * 2 >= widest })?;
    let layout = layout_of(&headers);
    Some(Found { tab, header_row, headers, layout, score })
}

/// The tab to read: the one whose header names most fields; on a tie, one named as the
/// Aplicativo names its data tab (`POI_Por_ActividadOperativaAnual`, or `DATA` in re-saved
/// copies), else the first in workbook order.
pub fn choose_tab(found: Vec<Found>, tabs: &[String]) -> Option<Found> {
    let preferred = |f: &Found| {
        let name = tabs.get(f.tab).map(|t| t.trim().to_ascii_lowercase()).unwrap_or_default();
        name == "poi_por_actividadoperativaanual" || name == "data"
    };
    found.into_iter().reduce(|best, next| {
        if next.score > best.score || (next.score == best.score && preferred(&next) && !preferred(&best)) {
            next
        } else {
            best
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::cell::CellValue;

    fn row(r: u32, texts: &[&str]) -> SheetRow {
        let cells = texts.iter().enumerate().map(|(c, t)| (c as u32, CellValue::text(*t))).collect();
        SheetRow { row: r, reach: texts.len() as u32, fields: 0, cells }
    }

    #[test]
    fn every_field_has_its_own_index_and_key() {
        let all: Vec<Field> = Field::all().collect();
        assert_eq!(all.len(), FIELD_COUNT);
        for (i, f) in all.iter().enumerate() {
            assert_eq!(f.index(), i);
            assert_eq!(Field::from_key(&f.key()), Some(*f));
        }
    }

    #[test]
    fn the_lookup_answers_as_the_mapping_does() {
        let june = Field::Monthly(Series::FinancialExecuted, Month::new(6).unwrap());
        let mut mapping = Mapping { header_row: 0, columns: vec![(Field::AoCode, 4), (june, 9), (Field::AoCode, 7)] };
        mapping.set(Field::Place, Some(9));
        let lookup = mapping.lookup();
        for field in Field::all() {
            assert_eq!(lookup.column(field), mapping.column(field), "{field:?}");
        }
        assert_eq!(lookup.column(Field::AoCode), Some(4), "the first entry of a field wins");
        assert!(!lookup.has_months(Series::FinancialExecuted));
    }

    #[test]
    fn the_header_row_is_found_below_a_title_and_families_are_grouped() {
        let mut header = vec!["Código", "Nombre", "Unidad", "Centro"];
        let months: Vec<String> = (1..=12).map(|m| format!("Prog fis {m}")).collect();
        header.extend(months.iter().map(String::as_str));
        let rows = [row(0, &["Seguimiento del POI 2024"]), row(1, &[]), row(2, &header)];
        let found = find_header(0, &rows).unwrap();
        assert_eq!((found.header_row, found.layout), (2, Layout::Other));
        let families = families(&found.headers);
        assert_eq!(families.len(), 1);
        assert_eq!(families[0].to_string(), "Prog fis 01 … 12");
        let guess = guess_mapping(2, &found.headers);
        assert_eq!(guess.column(Field::Monthly(Series::PhysicalProgrammed, Month::new(3).unwrap())), Some(6));
        assert_eq!(signature(&found.headers), signature(&headers(&rows[2])));
    }
}
