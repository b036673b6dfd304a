//! The ficha's prose drafted from the data (DOMAIN.md §4), and the user's edits laid over it.

use rust_decimal::Decimal;

use super::calendar::Date;
use crate::domain::ficha::{ActivityFigures, Cuadro1Row, IntegrityResult};
use crate::domain::language::{counted, money, money_in_prose, number_words, percent, quantity, Gender};
use super::narrative::{ActivityNarrative, AeiNarrative, NarrativeInputs, SectionEdit, UnitNoun};
use crate::domain::plan::{Aei, Amendment, Period, PoiVersion, Resolution};
use super::workspace::{Selection, Workspace};

/// Mark of the ICP footnote, as the reference sets it after "(ICP)".
const ICP_NOTE_MARK: &str = "¹";

/// The ICP footnote of section 3, as the reference words it.
const ICP_NOTE: &str = "A través del cual se asigna una puntuación a las entidades públicas en función del avance alcanzado dentro de la exigencia de cada etapa. De este modo, se asigna una puntuación de 0 a 1; donde 0 supone que no se ha verificado ningún avance y 1 que se ha cumplido plenamente en la etapa evaluada.";

/// A run of text, bold or plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: false }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: true }
    }
}

/// A computed table placed in the text; the UI draws it with its caption, footnotes and source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRef {
    Cuadro1,
    Cuadro2,
    Tabla3,
}

impl TableRef {
    const ALL: [TableRef; 3] = [TableRef::Cuadro1, TableRef::Cuadro2, TableRef::Tabla3];

    /// The line that stands for the table in a section's plain text, so an edit can keep or drop it.
    pub fn marker(self) -> &'static str {
        match self {
            TableRef::Cuadro1 => "[Cuadro 1]",
            TableRef::Cuadro2 => "[Cuadro 2]",
            TableRef::Tabla3 => "[Tabla 3]",
        }
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    /// Bullets one level in, under the bullet before them.
    SubBullets(Vec<Vec<Span>>),
    Numbered(Vec<Vec<Span>>),
    Table(TableRef),
    /// A note the text refers to by its mark ("¹").
    Footnote {
        mark: String,
        text: String,
    },
}

/// Opens and closes bold in a section's editable text: "**Plan Operativo Institucional (POI)**".
pub const BOLD_MARK: &str = "**";

/// The spans' words alone, as they read.
fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// The spans as the editor shows them, bold runs between `BOLD_MARK`s.
fn spans_markup(spans: &[Span]) -> String {
    spans.iter().map(|s| if s.bold { format!("{BOLD_MARK}{}{BOLD_MARK}", s.text) } else { s.text.clone() }).collect()
}

/// Reads `**bold**` marks into spans; a mark left without its pair stays in the text as written.
pub fn spans_from_markup(text: &str) -> Vec<Span> {
    let parts: Vec<&str> = text.split(BOLD_MARK).collect();
    // An even count of parts means an odd count of marks: the last one has no pair.
    let paired = if parts.len().is_multiple_of(2) { parts.len() - 1 } else { parts.len() };
    let mut spans: Vec<Span> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let span = if i < paired {
            Span { text: part.to_string(), bold: i % 2 == 1 }
        } else {
            Span::plain(format!("{BOLD_MARK}{part}"))
        };
        match spans.last_mut() {
            _ if span.text.is_empty() => {}
            Some(last) if last.bold == span.bold => last.text.push_str(&span.text),
            _ => spans.push(span),
        }
    }
    spans
}

impl Block {
    /// The block as text: bullets as "- ", tables as markers; `spans` writes each paragraph's or item's runs.
    fn text(&self, spans: fn(&[Span]) -> String) -> String {
        let items = |items: &[Vec<Span>], prefix: &dyn Fn(usize) -> String| {
            items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{}{}", prefix(i), spans(item)))
                .collect::<Vec<_>>()
                .join("\n")
        };
        match self {
            Block::Paragraph(list) => spans(list),
            Block::Bullets(list) => items(list, &|_| "- ".to_string()),
            Block::SubBullets(list) => items(list, &|_| "  - ".to_string()),
            Block::Numbered(list) => items(list, &|i| format!("{}. ", i + 1)),
            Block::Table(table) => table.marker().to_string(),
            Block::Footnote { mark, text } => format!("{mark} {text}"),
        }
    }
}

/// One numbered section of the ficha.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub number: u8,
    /// As printed: "1. Implementación de la AEI.08.05".
    pub heading: String,
    pub blocks: Vec<Block>,
}

impl Section {
    fn text(&self, spans: fn(&[Span]) -> String) -> String {
        self.blocks.iter().map(|b| b.text(spans)).collect::<Vec<_>>().join("\n\n")
    }

    /// The section as it reads, without bold marks: what an edit records it was drafted from.
    pub fn plain_text(&self) -> String {
        self.text(spans_text)
    }

    /// The section as the editor shows it: blocks separated by a blank line, bullets as "- ",
    /// bold between `BOLD_MARK`s, tables as markers. `blocks_from_text` reads it back into the same blocks.
    pub fn editable_text(&self) -> String {
        self.text(spans_markup)
    }
}

/// Reads text written in `Section::editable_text`'s shape back into blocks.
pub fn blocks_from_text(text: &str) -> Vec<Block> {
    let mut chunks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if !line.trim().is_empty() {
            current.push(line);
        } else if !current.is_empty() {
            chunks.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks.iter().map(|lines| block_from_lines(lines)).collect()
}

fn block_from_lines(lines: &[&str]) -> Block {
    let items = |prefix: &dyn Fn(&str) -> Option<String>| -> Option<Vec<Vec<Span>>> {
        lines.iter().map(|l| prefix(l).map(|t| spans_from_markup(&t))).collect()
    };
    let numbered = |line: &str| {
        let (number, rest) = line.split_once(". ")?;
        (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then(|| rest.trim().to_string())
    };
    let joined = || lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    if let [line] = lines {
        if let Some(table) = TableRef::ALL.into_iter().find(|t| t.marker() == line.trim()) {
            return Block::Table(table);
        }
    }
    if let Some(list) = items(&|l| l.strip_prefix("  - ").map(|t| t.trim().to_string())) {
        return Block::SubBullets(list);
    }
    if let Some(list) = items(&|l| l.trim_start().strip_prefix("- ").map(|t| t.trim().to_string())) {
        return Block::Bullets(list);
    }
    if let Some(list) = items(&numbered) {
        return Block::Numbered(list);
    }
    let text = joined();
    match text.split_once(' ') {
        Some((mark, rest)) if !mark.is_empty() && mark.chars().all(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)) => {
            Block::Footnote { mark: mark.to_string(), text: rest.to_string() }
        }
        _ => Block::Paragraph(spans_from_markup(&text)),
    }
}

/// The cover of the ficha.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleBlock {
    pub entity_name: String,
    /// "Ficha de implementación de la AEI.08.05: MODELO DE INTEGRIDAD …"
    pub title: String,
    /// "Correspondiente al año 2023"
    pub period_line: String,
    /// "13 de mayo, 2024"
    pub date: String,
}

/// Whether a section shows the draft, the user's edit, or an edit made from a draft the data has since changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionState {
    Drafted,
    Edited,
    /// `new_draft` is the current draft in the editor's shape, to show beside the user's text.
    Stale { new_draft: String },
}

/// The state of a section given its current draft and the user's edit, if any. Only the words
/// count: an edit records the draft's plain text, so bold alone never makes it stale.
pub fn section_state(draft: &Section, edit: Option<&SectionEdit>) -> SectionState {
    match edit {
        None => SectionState::Drafted,
        Some(edit) if edit.drafted_from == draft.plain_text() => SectionState::Edited,
        Some(_) => SectionState::Stale { new_draft: draft.editable_text() },
    }
}

/// The drafted ficha of one AEI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FichaDraft {
    pub aei_code: String,
    pub title: TitleBlock,
    /// Sections 1 to 7, in order.
    pub sections: Vec<Section>,
}

impl FichaDraft {
    /// The section with that number (1 to 7).
    pub fn section(&self, number: u8) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// Drafted, edited or stale, for the section with that number.
    pub fn state(&self, inputs: &NarrativeInputs, number: u8) -> Option<SectionState> {
        let section = self.section(number)?;
        Some(section_state(section, inputs.edit(&self.aei_code, number)))
    }

    /// The ficha as it prints: every edited section shows the user's text, stale or not.
    pub fn with_edits(&self, inputs: &NarrativeInputs) -> FichaDraft {
        let mut ficha = self.clone();
        for section in &mut ficha.sections {
            if let Some(edit) = inputs.edit(&self.aei_code, section.number) {
                section.blocks = blocks_from_text(&edit.text);
            }
        }
        ficha
    }
}

/// Drafts the ficha of the AEI for the selected year, evaluated version and period.
pub fn draft_ficha(ws: &Workspace, selection: Selection, inputs: &NarrativeInputs, aei_code: &str) -> FichaDraft {
    Drafter::new(ws, selection, inputs, aei_code).draft()
}

fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

fn bold_bullet(text: impl Into<String>) -> Block {
    Block::Bullets(vec![vec![Span::bold(text)]])
}

fn section(number: u8, title: String, blocks: Vec<Block>) -> Section {
    Section { number, heading: format!("{number}. {title}"), blocks }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A name kept in capitals by the Aplicativo, as prose writes it: "Seguimiento de la implementación …".
fn sentence_case(name: &str) -> String {
    let name = name.trim().trim_end_matches('.');
    if name.chars().any(char::is_lowercase) {
        name.to_string()
    } else {
        capitalized(&name.to_lowercase())
    }
}

/// What the user wrote, or what the data gives when they wrote nothing.
fn written_or(text: &str, fallback: impl FnOnce() -> String) -> String {
    match text.trim() {
        "" => fallback(),
        written => written.to_string(),
    }
}

/// User text set inside a sentence, without the full stop it may end with.
fn clause(text: &str) -> &str {
    text.trim().trim_end_matches('.').trim_end()
}

/// "a", "a y b", "a, b y c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} y {last}", init.join(", ")),
    }
}

/// A percentage in prose: whole when whole ("100%"), else one decimal ("87.5%").
fn prose_percent(value: Option<Decimal>) -> String {
    let text = percent(value);
    text.strip_suffix(".0%").map_or(text.clone(), |whole| format!("{whole}%"))
}

/// Two decimals, as the national integrity report prints scores ("0.87", "1.80").
fn score(value: Decimal) -> String {
    money(value)
}

fn whole(value: Decimal) -> Option<u32> {
    if value.fract().is_zero() {
        u32::try_from(value).ok()
    } else {
        None
    }
}

fn gender(feminine: bool) -> Gender {
    if feminine {
        Gender::Feminine
    } else {
        Gender::Masculine
    }
}

fn activities_count(n: u32) -> String {
    counted(n, Gender::Feminine, "actividad operativa", "actividades operativas")
}

/// " Agregando cuatro (04) nuevas actividades operativas.", or nothing when none was added.
fn added_sentence(added: u32) -> String {
    if added == 0 {
        String::new()
    } else {
        format!(
            " Agregando {}.",
            counted(added, Gender::Feminine, "nueva actividad operativa", "nuevas actividades operativas")
        )
    }
}

/// Nouns that end in -a but are masculine, among those a unit of measure may use.
const MASCULINE_IN_A: [&str; 8] = ["día", "mapa", "programa", "sistema", "problema", "tema", "esquema", "diagrama"];

fn is_feminine_word(word: &str) -> bool {
    !MASCULINE_IN_A.contains(&word)
        && (word.ends_with('a') || ["ión", "ion", "dad", "tud", "umbre"].iter().any(|end| word.ends_with(end)))
}

fn plural_word(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ión") {
        return format!("{stem}iones");
    }
    match word.chars().last() {
        None | Some('s' | 'x') => word.to_string(),
        Some('z') => format!("{}ces", &word[..word.len() - 1]),
        Some(c) if "aeiouáéó".contains(c) => format!("{word}s"),
        Some(_) => format!("{word}es"),
    }
}

/// The noun of a unit of measure: "INFORME" → informe / informes; "ACCION DE CONTROL" → acciones de control.
fn unit_noun(unit: &str) -> UnitNoun {
    const PREPOSITIONS: [&str; 11] = ["de", "del", "a", "al", "en", "para", "con", "por", "sobre", "sin", "ante"];
    let singular = unit.trim().to_lowercase();
    let mut inflecting = true;
    let plural = singular
        .split_whitespace()
        .map(|word| {
            inflecting &= !PREPOSITIONS.contains(&word);
            if inflecting {
                plural_word(word)
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let feminine = singular.split_whitespace().next().is_some_and(is_feminine_word);
    UnitNoun { singular, plural, feminine }
}

/// "un (01) informe", or "2.5 informes" for a quantity that is not whole.
fn amount(value: Decimal, noun: &UnitNoun) -> String {
    match whole(value) {
        Some(n) => counted(n, gender(noun.feminine), &noun.singular, &noun.plural),
        None => format!("{} {}", quantity(value), noun.plural),
    }
}

/// The goal in brackets as the reference writes it: "01 informe", "12 informes".
fn amount_in_digits(value: Decimal, noun: &UnitNoun) -> String {
    match whole(value) {
        Some(1) => format!("01 {}", noun.singular),
        Some(n) if n < 10 => format!("{n:02} {}", noun.plural),
        _ => format!("{} {}", quantity(value), noun.plural),
    }
}

/// "primer"/"primera", "segundo"/"segunda" … up to "décimo".
fn ordinal(n: usize, gender: Gender) -> Option<String> {
    const STEMS: [&str; 10] =
        ["primer", "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav", "noven", "décim"];
    let stem = STEMS.get(n.checked_sub(1)?)?;
    Some(match gender {
        Gender::Feminine => format!("{stem}a"),
        Gender::Masculine if n == 1 || n == 3 => stem.to_string(),
        Gender::Masculine => format!("{stem}o"),
    })
}

/// "1ra.", "2da.", "4ta.": the abbreviated feminine ordinal of "1ra. Versión".
fn ordinal_abbreviation(n: u32) -> String {
    let ending = match (n % 100, n % 10) {
        (11 | 12, _) => "va",
        (_, 1 | 3) => "ra",
        (_, 2) => "da",
        (_, 4..=6) => "ta",
        (_, 8) => "va",
        (_, 9) => "na",
        _ => "ma",
    };
    format!("{n}{ending}.")
}

/// "AEI.08.05" → "8.5", as prose numbers the AEI ("AEI N° 8.5").
fn aei_number(code: &str) -> String {
    let digits = code.trim_start_matches("AEI").trim_start_matches(['.', ' ', '_']);
    let parts: Option<Vec<String>> = digits.split('.').map(|p| p.parse::<u32>().ok().map(|n| n.to_string())).collect();
    parts.filter(|p| !p.is_empty()).map_or_else(|| code.to_string(), |p| p.join("."))
}

/// "2024-05-13" → "13 de mayo, 2024"; text that is not a date is kept as it is.
fn long_date(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(
        |_| iso.to_string(),
        |d| format!("{} de {}, {}", d.day(), super::calendar::MONTH_NAMES[usize::from(d.month() - 1)], d.year()),
    )
}

/// "la Resolución …", "el Decreto …": the article a resolution's kind takes.
fn with_article(resolution: &Resolution) -> String {
    let first = resolution.kind.split_whitespace().next().unwrap_or_default().to_lowercase();
    let article = if is_feminine_word(&first) { "la" } else { "el" };
    format!("{article} {}", resolution.citation())
}

/// "Mediante la Resolución Ministerial N° 011-2023-TR, se aprobó", or "Se aprobó" when the act is unknown.
fn approved_by(resolution: &Resolution) -> String {
    if resolution.number.trim().is_empty() {
        "Se aprobó".to_string()
    } else {
        format!("Mediante {}, se aprobó", with_article(resolution))
    }
}

/// Adds counts of AO as stored, which may be any `u32`: saturating keeps a nonsense count from
/// stopping the draft (words past 999,999 are written as digits).
fn count_sum(counts: impl IntoIterator<Item = u32>) -> u32 {
    counts.into_iter().fold(0, u32::saturating_add)
}

fn listed_count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// AO in the first version: as declared, else as its amendments declare, else as listed.
fn initial_activity_count(version: &PoiVersion) -> u32 {
    let declared: Vec<u32> = version.amendments.iter().filter_map(|a| a.activities_added).collect();
    version
        .declared_activity_count
        .or_else(|| (!declared.is_empty()).then(|| count_sum(declared)))
        .unwrap_or(listed_count(version.activities.len()))
}

/// The AO a version added: its own count, and one per amendment made by another instrument.
struct AddedActivities<'v> {
    own: u32,
    by_instrument: Vec<(&'v Amendment, u32)>,
}

/// Declared counts where the version's amendments declare them, else the AO codes new to this version.
fn added_activities<'v>(previous: &PoiVersion, version: &'v PoiVersion) -> AddedActivities<'v> {
    let declared = version.amendments.iter().any(|a| a.activities_added.is_some());
    let by_instrument: Vec<(&Amendment, u32)> = version
        .amendments
        .iter()
        .filter(|a| !a.instrument.trim().is_empty())
        .map(|a| (a, if declared { a.activities_added.unwrap_or(0) } else { 0 }))
        .collect();
    let own = if declared {
        count_sum(version.amendments.iter().filter(|a| a.instrument.trim().is_empty()).filter_map(|a| a.activities_added))
    } else {
        listed_count(version.activities.iter().filter(|a| previous.activity(&a.code).is_none()).count())
    };
    AddedActivities { own, by_instrument }
}

impl AddedActivities<'_> {
    fn total(&self) -> u32 {
        self.own.saturating_add(count_sum(self.by_instrument.iter().map(|(_, n)| *n)))
    }
}

/// Everything one draft reads, gathered once.
struct Drafter<'a> {
    ws: &'a Workspace,
    inputs: &'a NarrativeInputs,
    aei: Aei,
    narrative: AeiNarrative,
    /// Stands in for an AO the user wrote nothing about.
    unwritten: ActivityNarrative,
    year: u16,
    period: Period,
    /// The versions up to the evaluated one, in approval order.
    chain: Vec<&'a PoiVersion>,
    activities: Vec<ActivityFigures>,
    /// Cuadro 1's AEI row.
    counted: Option<Cuadro1Row>,
    icp: Option<&'a IntegrityResult>,
}

impl<'a> Drafter<'a> {
    fn new(ws: &'a Workspace, selection: Selection, inputs: &'a NarrativeInputs, aei_code: &str) -> Self {
        let year = ws.year(selection.year);
        let aei = year.and_then(|y| y.aei(aei_code)).cloned().unwrap_or_else(|| Aei {
            code: aei_code.to_string(),
            name: String::new(),
            oei_code: String::new(),
            indicator: Default::default(),
        });
        let narrative = inputs.aei(aei_code).cloned().unwrap_or_default();
        let chain = match (year, ws.evaluated_version(selection)) {
            (Some(y), Some(evaluated)) => {
                let end = y.poi.versions.iter().position(|v| v.number == evaluated.number).map_or(0, |i| i + 1);
                y.poi.versions[..end].iter().collect()
            }
            _ => Vec::new(),
        };
        let icp = year.and_then(|y| y.integrity.as_ref()).filter(|r| narrative.reports_icp && r.evaluated_stages() > 0);
        Self {
            ws,
            inputs,
            aei,
            narrative,
            unwritten: ActivityNarrative::default(),
            year: selection.year,
            period: selection.period,
            chain,
            activities: ws.cuadro2(selection, aei_code),
            counted: ws.cuadro1(selection, aei_code).map(|c| c.aei),
            icp,
        }
    }

    fn draft(&self) -> FichaDraft {
        FichaDraft {
            aei_code: self.aei.code.clone(),
            title: self.title(),
            sections: vec![
                self.section1(),
                self.section2(),
                self.section3(),
                self.section4(),
                self.section5(),
                self.section6(),
                self.section7(),
            ],
        }
    }

    fn title(&self) -> TitleBlock {
        let name = self.aei.name.trim();
        let title = if name.is_empty() {
            format!("Ficha de implementación de la {}", self.aei.code)
        } else {
            format!("Ficha de implementación de la {}: {name}", self.aei.code)
        };
        let period_line = match self.period {
            Period::Annual => format!("Correspondiente al año {}", self.year),
            Period::FirstHalf => format!("Correspondiente al primer semestre de {}", self.year),
        };
        let date = self.ws.year(self.year).map(|y| long_date(&y.ficha_date)).unwrap_or_default();
        TitleBlock { entity_name: self.ws.entity.name.clone(), title, period_line, date }
    }

    // --- Wording shared by the sections -------------------------------------------------------

    /// "el Programa", and whether it is feminine: as written, else from the short name's first word.
    fn entity_reference(&self) -> (String, bool) {
        let written = &self.inputs.entity_reference;
        if !written.name.trim().is_empty() {
            return (written.name.trim().to_string(), written.feminine);
        }
        match self.ws.entity.short_name.split_whitespace().next() {
            Some(noun) => {
                let feminine = is_feminine_word(&noun.to_lowercase());
                (format!("{} {noun}", if feminine { "la" } else { "el" }), feminine)
            }
            None => ("la entidad".to_string(), true),
        }
    }

    fn entity(&self) -> String {
        self.entity_reference().0
    }

    /// "El Programa de Empleo Temporal “Llamkasun Perú”": the short name with the article its first word takes.
    fn first_mention(&self) -> String {
        match self.ws.entity.short_name.trim() {
            "" => capitalized(&self.entity()),
            short_name => {
                let first = short_name.split_whitespace().next().unwrap_or_default().to_lowercase();
                format!("{} {short_name}", if is_feminine_word(&first) { "La" } else { "El" })
            }
        }
    }

    fn aligned(&self) -> &'static str {
        if self.entity_reference().1 {
            "alineada"
        } else {
            "alineado"
        }
    }

    fn aei_name(&self) -> String {
        written_or(&self.narrative.prose_name, || sentence_case(&self.aei.name))
    }

    fn indicator(&self) -> &str {
        self.aei.indicator.name.trim()
    }

    fn theme(&self) -> String {
        written_or(&self.narrative.theme, || format!("la {}", self.aei.code))
    }

    /// The indicator's logro esperado for the year, if it has one: "80%", "12 (número)".
    fn expected_value(&self) -> Option<String> {
        let indicator = &self.aei.indicator;
        let value = quantity(indicator.expected_value?);
        let unit = indicator.unit.trim();
        Some(if unit.is_empty() {
            value
        } else if unit == "%" || unit.eq_ignore_ascii_case("porcentaje") {
            format!("{value}%")
        } else {
            format!("{value} ({})", unit.to_lowercase())
        })
    }

    /// "durante el año 2023", "durante el primer semestre de 2023".
    fn during(&self) -> String {
        match self.period {
            Period::Annual => format!("durante el año {}", self.year),
            Period::FirstHalf => format!("durante el primer semestre de {}", self.year),
        }
    }

    /// The period as a goal's qualifier: "meta física anual", "meta física del primer semestre".
    fn span(&self) -> &'static str {
        match self.period {
            Period::Annual => "anual",
            Period::FirstHalf => "del primer semestre",
        }
    }

    /// "meta física anual programada", "meta financiera programada del primer semestre".
    fn programmed_goal(&self, kind: &str) -> String {
        match self.period {
            Period::Annual => format!("meta {kind} anual programada"),
            Period::FirstHalf => format!("meta {kind} programada del primer semestre"),
        }
    }

    fn of_pliego(&self) -> String {
        let pliego = self.inputs.pliego.trim();
        if pliego.is_empty() {
            String::new()
        } else {
            format!(" del {pliego}")
        }
    }

    fn written(&self, ao: &ActivityFigures) -> &ActivityNarrative {
        self.narrative.activities.get(&ao.code).unwrap_or(&self.unwritten)
    }

    fn activity_name(&self, ao: &ActivityFigures) -> String {
        written_or(&self.written(ao).prose_name, || sentence_case(&ao.name))
    }

    fn noun(&self, ao: &ActivityFigures) -> UnitNoun {
        self.written(ao).unit_noun.clone().unwrap_or_else(|| unit_noun(&ao.unit))
    }

    fn verb(&self, ao: &ActivityFigures) -> String {
        written_or(&self.written(ao).achievement_verb, || "ejecutó".to_string())
    }

    // --- The ICP ------------------------------------------------------------------------------

    /// (stage number, name, score) of the stages the report scored.
    fn scored_stages(icp: &IntegrityResult) -> Vec<(usize, &str, Decimal)> {
        icp.stages
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.score.map(|score| (i + 1, s.name.as_str(), score)))
            .collect()
    }

    /// "un Índice de Capacidad Preventiva frente a la Corrupción (ICP) de 1.80".
    fn icp_value(icp: &IntegrityResult, mark: &str) -> String {
        format!("un Índice de Capacidad Preventiva frente a la Corrupción (ICP){mark} de {}", score(icp.icp()))
    }

    /// ", ocupando el primer lugar … según el reporte nacional …, correspondiente al año 2023".
    fn icp_standing(&self, icp: &IntegrityResult, with_author: bool) -> String {
        let sector = self.ws.entity.sector.trim();
        let among = if sector.is_empty() { "de su sector".to_string() } else { format!("del sector {sector}") };
        let place = icp.sector_place.map_or_else(String::new, |n| match ordinal(n as usize, Gender::Masculine) {
            Some(word) => format!(", ocupando el {word} lugar a nivel de entidades {among}"),
            None => format!(", ocupando el lugar {n} a nivel de entidades {among}"),
        });
        let author = if with_author { " elaborado por la Presidencia del Consejo de Ministros" } else { "" };
        format!(
            "{place}, según el reporte nacional de la implementación del modelo de Integridad{author}, correspondiente al año {}",
            self.year
        )
    }

    /// "la etapa 1 y 2".
    fn stages_worked(icp: &IntegrityResult) -> String {
        let numbers: Vec<String> = Self::scored_stages(icp).iter().map(|(n, ..)| n.to_string()).collect();
        format!("la etapa {}", listed(&numbers))
    }

    /// "en la primera etapa de 0.87 y en la segunda etapa de 0.93".
    fn stage_scores(icp: &IntegrityResult) -> String {
        let each: Vec<String> = Self::scored_stages(icp)
            .iter()
            .map(|&(n, _, value)| match ordinal(n, Gender::Feminine) {
                Some(word) => format!("en la {word} etapa de {}", score(value)),
                None => format!("en la etapa {n} de {}", score(value)),
            })
            .collect();
        listed(&each)
    }

    /// "las dos primeras etapas (Etapa 1: … y Etapa 2: …) de cinco previstas para la implementación …".
    fn coverage(icp: &IntegrityResult, with_names: bool) -> String {
        let scored = Self::scored_stages(icp);
        let head = match scored.len() {
            1 => "la primera etapa".to_string(),
            n => format!("las {} primeras etapas", number_words(listed_count(n), Gender::Feminine)),
        };
        let names = if with_names {
            let each: Vec<String> = scored.iter().map(|(n, name, _)| format!("Etapa {n}: {name}")).collect();
            format!(" ({})", listed(&each))
        } else {
            String::new()
        };
        format!(
            "{head}{names} de {} previstas para la implementación del Modelo de Integridad en el sector público",
            number_words(listed_count(icp.stages.len()), Gender::Feminine)
        )
    }

    // --- Per-AO sentences ---------------------------------------------------------------------

    /// "durante el año 2023, el Programa elaboró un (01) informe … lo que representó el 100% de la meta física anual programada (01 informe)."
    fn physical_result(&self, ao: &ActivityFigures) -> String {
        let when = self.during();
        let noun = self.noun(ao);
        let goal = self.programmed_goal("física");
        let name = self.activity_name(ao);
        let achievement = clause(&self.written(ao).achievement);
        let done = amount(ao.physical_executed, &noun);
        let what = if achievement.is_empty() { done } else { format!("{done} {achievement}") };
        let entity = self.entity();
        let verb = self.verb(ao);
        match (ao.physical_programmed.is_zero(), ao.physical_executed.is_zero()) {
            (false, false) => format!(
                "{when}, {entity} {verb} {what}{} lo que representó el {} de la {goal} ({}).",
                if achievement.is_empty() { "," } else { "" },
                prose_percent(ao.physical_execution()),
                amount_in_digits(ao.physical_programmed, &noun)
            ),
            (false, true) => format!(
                "{when}, la actividad operativa “{name}” no registró ejecución física, lo que representó el {} de la {goal} ({}).",
                prose_percent(ao.physical_execution()),
                amount_in_digits(ao.physical_programmed, &noun)
            ),
            (true, false) => format!("{when}, {entity} {verb} {what}, sin contar con {goal}."),
            (true, true) => format!("{when}, la actividad operativa “{name}” no contó con {goal} ni registró ejecución física."),
        }
    }

    /// "Dicha actividad contó con una ejecución presupuestal de S/ 21,000.00, representando el 100.0% …".
    fn financial_result(&self, ao: &ActivityFigures) -> String {
        let spent = money(ao.financial_executed);
        if ao.financial_programmed.is_zero() {
            format!(
                "Dicha actividad contó con una ejecución presupuestal de S/ {spent}, sin contar con {}.",
                self.programmed_goal("financiera")
            )
        } else {
            // The reference gives this share with the tables' one decimal ("100.0%"), unlike the physical one.
            format!(
                "Dicha actividad contó con una ejecución presupuestal de S/ {spent}, representando el {} de la meta financiera {} (S/ {}).",
                percent(ao.financial_progress()),
                self.span(),
                money_in_prose(ao.financial_programmed)
            )
        }
    }

    /// Section 3's description of an AO's physical and financial goals.
    fn goals(&self, ao: &ActivityFigures) -> String {
        let name = self.activity_name(ao);
        let physical = if ao.physical_programmed.is_zero() {
            format!("La actividad operativa “{name}”, no contó con {}", self.programmed_goal("física"))
        } else {
            let description = clause(&self.written(ao).goal_description);
            let description = if description.is_empty() { String::new() } else { format!(", {description}") };
            format!(
                "La actividad operativa “{name}”, contó con una meta física {} de {}{description}",
                self.span(),
                amount(ao.physical_programmed, &self.noun(ao))
            )
        };
        let financial = if ao.financial_programmed.is_zero() {
            format!("Dicha actividad operativa no contó con {}.", self.programmed_goal("financiera"))
        } else {
            format!(
                "Dicha actividad operativa contó con una meta financiera {} de S/ {}.",
                self.span(),
                money_in_prose(ao.financial_programmed)
            )
        };
        format!("{physical}. {financial}")
    }

    // --- Sections -----------------------------------------------------------------------------

    fn section1(&self) -> Section {
        let mut blocks = Vec::new();
        let purpose = self.ws.entity.purpose.trim();
        if !purpose.is_empty() {
            blocks.push(paragraph(purpose));
        }
        let year = self.year;
        let goal = match self.expected_value() {
            None => format!(", por lo que en el año {year} no presenta una meta programada"),
            Some(value) => format!(", con un logro esperado de {value} para el año {year}"),
        };
        let icp = self.icp.map_or_else(String::new, |icp| {
            format!(
                "{}, a través de las acciones que realizaron para la implementación de {} del Modelo de Integridad, obtuvo {}{}",
                if self.expected_value().is_none() { ", no obstante" } else { "; asimismo" },
                Self::stages_worked(icp),
                Self::icp_value(icp, ""),
                self.icp_standing(icp, false)
            )
        });
        blocks.push(paragraph(format!(
            "Respecto al Plan Estratégico Institucional (PEI), {} se encuentra {} en la Acción Estratégica Institucional AEI N° {} “{}”, y cuyo indicador es el “{}”{goal}{icp}.",
            self.entity(),
            self.aligned(),
            aei_number(&self.aei.code),
            self.aei_name(),
            self.indicator()
        )));
        let lead =
            format!("En ese sentido, de acuerdo con el Plan Operativo Institucional (POI) {year}, {}", self.entity());
        let theme = self.theme();
        blocks.push(paragraph(match self.activities.len() {
            0 => format!("{lead} no contó con actividades operativas relacionadas directamente con {theme}."),
            1 => format!(
                "{lead} contó con {} que estuvo relacionada directamente con {theme}, el cual se detalla a continuación:",
                activities_count(1)
            ),
            n => format!(
                "{lead} contó con {} que estuvieron relacionadas directamente con {theme}, las cuales se detallan a continuación:",
                activities_count(listed_count(n))
            ),
        }));
        if self.counted.is_some() {
            blocks.push(Block::Table(TableRef::Cuadro1));
        }
        blocks.extend(self.activities.iter().map(|ao| paragraph(capitalized(&self.physical_result(ao)))));
        if !self.activities.is_empty() {
            blocks.push(Block::Table(TableRef::Cuadro2));
        }
        section(1, format!("Implementación de la {}", self.aei.code), blocks)
    }

    fn section2(&self) -> Section {
        let title = "Modificaciones de las AO en la etapa de ejecución del POI".to_string();
        let Some((initial, amended)) = self.chain.split_first() else {
            let none = format!("No se registran versiones del Plan Operativo Institucional (POI) {}.", self.year);
            return section(2, title, vec![paragraph(none)]);
        };
        let initial_count = initial_activity_count(initial);
        let added: Vec<AddedActivities> =
            self.chain.windows(2).map(|pair| added_activities(pair[0], pair[1])).collect();
        let total = initial_count.saturating_add(count_sum(added.iter().map(AddedActivities::total)));
        let linked = if total == 1 { "vinculada" } else { "vinculadas" };
        let why = if amended.is_empty() {
            "de acuerdo con el Plan Operativo Institucional (POI), el cual no registró modificaciones en la etapa de ejecución:"
        } else {
            "debido a las modificaciones realizadas al Plan Operativo Institucional (POI), las mismas que se detallan a continuación:"
        };
        let mut blocks = vec![paragraph(format!(
            "{}, contó con {} {linked} a la {}, {why}",
            self.first_mention(),
            activities_count(total),
            self.aei.code
        ))];
        let year = self.year;
        let pia =
            initial.pia_amount.map_or_else(String::new, |a| format!(", por el monto de S/ {}", money_in_prose(a)));
        blocks.push(bold_bullet("Plan Operativo Institucional (POI)"));
        blocks.push(paragraph(format!(
            "{} el Plan Operativo Institucional (POI) {year} Consistente con el Presupuesto Institucional de Apertura (PIA) {year}{}{pia}. Al respecto, el Plan Operativo Institucional contó con {}.",
            approved_by(&initial.resolution),
            self.of_pliego(),
            activities_count(initial_count)
        )));
        for (version, added) in amended.iter().zip(&added) {
            let reasons: Vec<String> = version
                .amendments
                .iter()
                .filter(|a| a.instrument.trim().is_empty() && !a.reason.trim().is_empty())
                .map(|a| clause(&a.reason).to_string())
                .collect();
            let because =
                if reasons.is_empty() { String::new() } else { format!(", debido a {}", reasons.join(" y a ")) };
            blocks.push(bold_bullet(format!(
                "Modificación del Plan Operativo Institucional (POI)-{} Versión",
                ordinal_abbreviation(version.number)
            )));
            blocks.push(paragraph(format!(
                "{} la modificación del Plan Operativo Institucional (POI) {year} versión {}{}{because}.{}",
                approved_by(&version.resolution),
                version.number,
                self.of_pliego(),
                added_sentence(added.own)
            )));
            for (amendment, count) in &added.by_instrument {
                blocks.push(Block::Bullets(vec![vec![Span::plain(format!(
                    "Adicionalmente, mediante {}, se aprobó {}.{}",
                    amendment.instrument.trim(),
                    clause(&amendment.reason),
                    added_sentence(*count)
                ))]]));
            }
        }
        section(2, title, blocks)
    }

    fn section3(&self) -> Section {
        let mut blocks = Vec::new();
        let year = self.year;
        let goal = match self.expected_value() {
            None => format!("Para el año {year}, no se cuenta con una meta programada."),
            Some(value) => format!("Para el año {year}, se cuenta con un logro esperado de {value}."),
        };
        blocks.push(paragraph(format!(
            "{} se encuentra {} a la Acción Estratégica Institucional (AEI) N° {} “{}”, cuyo indicador se encuentra definido como “{}”. {goal}",
            self.first_mention(),
            self.aligned(),
            aei_number(&self.aei.code),
            self.aei_name(),
            self.indicator()
        )));
        if let Some(icp) = self.icp {
            let opening = if self.expected_value().is_none() { "No obstante" } else { "Asimismo" };
            let evaluated = match icp.entities_evaluated {
                Some(n) => format!(
                    "Donde se evaluaron a {} entidades respecto a {}.",
                    quantity(Decimal::from(n)),
                    Self::coverage(icp, true)
                ),
                None => format!("La evaluación comprendió {}.", Self::coverage(icp, true)),
            };
            blocks.push(paragraph(format!(
                "{opening}, {} obtuvo {}{}. Obteniendo un nivel de avance {}. {evaluated}",
                self.entity(),
                Self::icp_value(icp, ICP_NOTE_MARK),
                self.icp_standing(icp, false),
                Self::stage_scores(icp)
            )));
            let actions: Vec<Vec<Span>> = self
                .narrative
                .icp_actions
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| vec![Span::plain(a.trim())])
                .collect();
            if !actions.is_empty() {
                blocks.push(paragraph(format!(
                    "Las acciones que contribuyeron con la implementación de {} del Modelo de Integridad fueron:",
                    Self::stages_worked(icp)
                )));
                blocks.push(Block::Bullets(actions));
            }
            blocks.push(Block::Footnote { mark: ICP_NOTE_MARK.to_string(), text: ICP_NOTE.to_string() });
        }
        if !self.activities.is_empty() {
            blocks.push(paragraph(format!(
                "{}, {} tuvo las siguientes actividades operativas, de acuerdo a las categorías presupuestales correspondientes:",
                capitalized(&self.during()),
                self.entity()
            )));
            blocks.extend(self.activities_by_category());
        }
        for ao in &self.activities {
            blocks.push(paragraph(self.goals(ao)));
            blocks.push(paragraph(format!("Al respecto, {} {}", self.physical_result(ao), self.financial_result(ao))));
        }
        if let Some(row) = &self.counted {
            let poi = format!("de los objetivos programados en el Plan Operativo Institucional (POI) {year}, según como se detalla en la siguiente tabla:");
            let during = self.during();
            blocks.push(paragraph(if row.activity_count == 0 {
                format!("En ese sentido, el avance de ejecución física y financiera del Plan Operativo Institucional (POI) {year} se detalla en la siguiente tabla:")
            } else if row.fully_executed_count == row.activity_count {
                format!("En ese sentido, evidenciamos que, {during}, se ha logrado cumplir con los avances {poi}")
            } else {
                format!("En ese sentido, evidenciamos que, {during}, no se ha logrado cumplir con la totalidad de los avances {poi}")
            }));
            blocks.push(Block::Table(TableRef::Tabla3));
        }
        section(3, format!("Estado de ejecución financiera de las AO por {}", self.aei.code), blocks)
    }

    /// Section 3's list: each categoría presupuestal, its AO one level in.
    fn activities_by_category(&self) -> Vec<Block> {
        let version = self.chain.last();
        let mut groups: Vec<(&str, Vec<&ActivityFigures>)> = Vec::new();
        for ao in &self.activities {
            let code = version.and_then(|v| v.activity(&ao.code)).map_or("", |a| a.budget_category_code.as_str());
            match groups.iter_mut().find(|(c, _)| *c == code) {
                Some((_, members)) => members.push(ao),
                None => groups.push((code, vec![ao])),
            }
        }
        let categories = self.ws.year(self.year).map_or(&[][..], |y| y.budget_categories.as_slice());
        groups
            .into_iter()
            .flat_map(|(code, members)| {
                let label = match categories.iter().find(|c| c.code == code) {
                    Some(category) => format!("{}: {}", category.code, category.name),
                    None if code.trim().is_empty() => "Sin categoría presupuestal".to_string(),
                    None => code.to_string(),
                };
                [
                    bold_bullet(label),
                    Block::SubBullets(members.iter().map(|ao| vec![Span::bold(self.activity_name(ao))]).collect()),
                ]
            })
            .collect()
    }

    fn section4(&self) -> Section {
        let mut blocks = vec![paragraph(format!(
            "{} se encuentra {} en la Acción Estratégica Institucional AEI N° {} “{}”, y cuyo indicador es el “{}”.",
            capitalized(&self.entity()),
            self.aligned(),
            aei_number(&self.aei.code),
            self.aei_name(),
            self.indicator()
        ))];
        for ao in &self.activities {
            blocks.push(bold_bullet(self.activity_name(ao)));
            let contribution = self.written(ao).contribution.trim();
            if !contribution.is_empty() {
                blocks.push(paragraph(contribution));
            }
        }
        section(
            4,
            format!("Análisis de contribución y pertinencia de las AO a la implementación de la {}", self.aei.code),
            blocks,
        )
    }

    fn section5(&self) -> Section {
        let previous = &self.narrative.previous_evaluation;
        let recommendations: Vec<Vec<Span>> = previous
            .recommendations
            .iter()
            .filter(|r| !r.trim().is_empty())
            .map(|r| vec![Span::plain(r.trim())])
            .collect();
        let source = clause(&previous.source_report);
        let follow_up = previous.follow_up.trim();
        let mut blocks = Vec::new();
        if recommendations.is_empty() && source.is_empty() && follow_up.is_empty() {
            blocks.push(paragraph(format!(
                "No se registran recomendaciones de evaluaciones previas vinculadas a la {}.",
                self.aei.code
            )));
        } else {
            let from = if source.is_empty() { "evaluaciones previas".to_string() } else { format!("el {source}") };
            blocks.push(paragraph(format!(
                "En el marco de las recomendaciones brindadas en {from}, las cuales se detallan a continuación:"
            )));
            if !recommendations.is_empty() {
                blocks.push(Block::Numbered(recommendations));
            }
            if !follow_up.is_empty() {
                blocks.push(paragraph(follow_up));
            }
        }
        section(5, "Seguimiento a la aplicación de las recomendaciones de evaluaciones previas".to_string(), blocks)
    }

    fn section6(&self) -> Section {
        let title = format!(
            "Medidas correctivas y preventivas para la implementación en el siguiente periodo de la {}",
            self.aei.code
        );
        let through = "a través de las Actividades Operativas del Plan Operativo Institucional (POI)";
        let aei = format!("AEI N° {}", aei_number(&self.aei.code));
        let with_problems: Vec<&ActivityFigures> =
            self.activities.iter().filter(|ao| !self.written(ao).problems.is_empty()).collect();
        if with_problems.is_empty() {
            let none = format!(
                "{}, no se identificó problemática en la ejecución de la {aei} {through}.",
                capitalized(&self.during())
            );
            return section(6, title, vec![paragraph(none)]);
        }
        let mut blocks = vec![
            paragraph(format!(
                "A continuación, se informa la problemática y medida correctiva que se presentaron {} para la ejecución de la {aei} {through}:",
                self.during()
            )),
            paragraph("Plan Operativo Institucional (POI)"),
        ];
        for ao in with_problems {
            blocks.push(bold_bullet(self.activity_name(ao)));
            for problem in &self.written(ao).problems {
                blocks.push(paragraph("Problemática"));
                blocks.push(paragraph(problem.description.trim()));
                match problem.measures.as_slice() {
                    [] => {}
                    [measure] => {
                        blocks.push(paragraph("Medida correctiva"));
                        blocks.push(paragraph(measure.description.trim()));
                    }
                    measures => {
                        blocks.push(paragraph("Medidas correctivas"));
                        blocks.push(Block::Bullets(
                            measures.iter().map(|m| vec![Span::plain(m.description.trim())]).collect(),
                        ));
                    }
                }
            }
        }
        section(6, title, blocks)
    }

    fn section7(&self) -> Section {
        let year = self.year;
        let goal = match self.expected_value() {
            None => format!("no tuvo una meta programada para el año {year}"),
            Some(value) => format!("tuvo un logro esperado de {value} para el año {year}"),
        };
        let icp = self.icp.map_or_else(String::new, |icp| {
            let evaluated = match icp.entities_evaluated {
                Some(n) => format!(
                    ", donde se evaluaron a {} entidades respecto a {}",
                    quantity(Decimal::from(n)),
                    Self::coverage(icp, false)
                ),
                None => format!(", respecto a {}", Self::coverage(icp, false)),
            };
            format!(
                "{}, a través de las acciones que realizaron para la implementación del Modelo de Integridad obtuvo {}{}{evaluated}",
                if self.expected_value().is_none() { ", sin embargo" } else { "; asimismo" },
                Self::icp_value(icp, ""),
                self.icp_standing(icp, true)
            )
        });
        let mut items = vec![vec![Span::plain(format!(
            "{}, en el marco de Acción Estratégica Institucional (AEI) N° {}, cuyo indicador es “{}”, {goal}{icp}.",
            capitalized(&self.entity()),
            aei_number(&self.aei.code),
            self.indicator()
        ))]];
        if let Some(row) = self.counted.as_ref().filter(|r| r.activity_count > 0) {
            let n = listed_count(row.activity_count);
            items.push(vec![Span::plain(format!(
                "{}, la {} contó con {} con meta física programada y seguimiento aprobado, que {} un promedio de ejecución física ajustado de {} y una ejecución financiera de S/ {}.",
                capitalized(&self.during()),
                self.aei.code,
                activities_count(n),
                if n == 1 { "alcanzó" } else { "alcanzaron" },
                prose_percent(row.average_adjusted_physical_execution),
                money(row.financial_execution)
            ))]);
        }
        section(7, "Conclusión".to_string(), vec![Block::Bullets(items)])
    }
}
