//! The ficha's text as blocks (paragraphs, bullets, numbered items, tables, footnotes) of bold or
//! plain spans, and the editor's plain-text shape of a section, read back into the same blocks.

use crate::domain::ficha::TableId;

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

/// The line that stands for a table in a section's plain text, so an edit can keep or drop it: "[Cuadro 1]".
pub fn table_marker(table: TableId) -> String {
    format!("[{}]", table.label())
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    /// Bullets one level in, under the bullet before them.
    SubBullets(Vec<Vec<Span>>),
    Numbered(Vec<Vec<Span>>),
    /// A computed table, drawn with its caption, footnotes and source lines.
    Table(TableId),
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
            Block::Table(table) => table_marker(*table),
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
        if let Some(table) = TableId::ALL.into_iter().chain(TableId::INFORME).find(|t| table_marker(*t) == line.trim()) {
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
