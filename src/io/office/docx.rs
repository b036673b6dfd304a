//! The ficha as a Word document (.docx): title block, sections, real tables, footnotes as text lines,
//! and the charts as native Word line charts (DrawingML chart parts with their values cached).

use rust_decimal::Decimal;

use crate::domain::document::{draft_ficha, Block, FichaDraft, Span, TitleBlock};
use crate::domain::ficha::{labels, Axis, ChartSeries, ProgressChart, TableId, CHARTS_SECTION, NO_COUNTED_ACTIVITIES};
use crate::domain::language::NumberFormat;
use crate::domain::{Selection, Workspace};

use super::escape::escape;
use super::xlsx::{self, write_workbook, Row, RowKind, Sheet};
use super::zip::ZipWriter;

/// The media type a browser offers the download as.
pub const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Text width of an A4 page with 1.8 cm side margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 9866;
/// The list definition every bullet uses (levels 0 and 1); numbered lists get their own from 2 on.
const BULLETS: u32 = 1;
/// Header cells' fill, as the screen's table headers.
const HEADER_FILL: &str = "DDE4EE";

/// "Ficha-AEI.08.05-2023.docx".
pub fn docx_file_name(selection: Selection, aei_code: &str) -> String {
    let safe: String = aei_code.chars().map(|c| if c.is_alphanumeric() || c == '.' || c == '-' { c } else { '_' }).collect();
    format!("Ficha-{safe}-{}.docx", selection.year)
}

/// The document of the AEI as it prints: the draft with the user's edits, the tables of the selection.
pub fn ficha_docx(ws: &Workspace, selection: Selection, aei_code: &str) -> Vec<u8> {
    let ficha = draft_ficha(ws, selection, &ws.narrative, aei_code).with_edits(&ws.narrative);
    let mut body = Body::new(ws, selection);
    body.ficha(&ficha, false);
    body.package(&ficha.title)
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/// The relationships document.xml has before its charts': styles, numbering, footer.
const FIXED_RELATIONSHIPS: usize = 3;

/// "word/charts/chart1.xml": where the n-th chart of the document is stored.
pub fn chart_part(n: usize) -> String {
    format!("word/charts/chart{n}.xml")
}

/// Where the n-th chart's workbook is stored: Word opens it to edit the chart's data.
pub fn chart_workbook_part(n: usize) -> String {
    format!("word/embeddings/Datos_del_grafico_{n}.xlsx")
}

/// The sheet of a chart's workbook that its cell references name.
const CHART_SHEET: &str = "Datos";

/// A chart part with the workbook its values come from.
struct ChartPart {
    xml: String,
    workbook: Vec<u8>,
}

/// What a chart's values are, for its axis labels and its workbook's cells.
#[derive(Clone, Copy)]
enum ChartValues {
    Percent,
    Soles,
}

impl ChartValues {
    /// Value-axis format in Excel notation; Word shows it with the reader's separators.
    fn axis_format(self) -> &'static str {
        match self {
            ChartValues::Percent => r#"0"%""#,
            ChartValues::Soles => "#,##0",
        }
    }

    fn cell_format(self) -> NumberFormat {
        match self {
            ChartValues::Percent => NumberFormat::Percent,
            ChartValues::Soles => NumberFormat::Money,
        }
    }
}

/// A run of text; line breaks in it become Word line breaks.
fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/><w:bCs/></w:rPr>" } else { "" };
    let lines: Vec<String> =
        text.split('\n').map(|line| format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(line))).collect();
    format!("<w:r>{props}{}</w:r>", lines.join("<w:br/>"))
}

fn runs(spans: &[Span]) -> String {
    spans.iter().map(|s| run(&s.text, s.bold)).collect()
}

/// How a paragraph is set; the fields are written in the order the schema requires.
#[derive(Default)]
struct ParagraphStyle<'a> {
    style: &'a str,
    keep_next: bool,
    page_break: bool,
    /// (list, level)
    list: Option<(u32, u32)>,
    rule_below: bool,
    align: Option<&'a str>,
}

impl ParagraphStyle<'_> {
    fn named(style: &str) -> ParagraphStyle<'_> {
        ParagraphStyle { style, ..Default::default() }
    }

    fn properties(&self) -> String {
        let mut p = format!(r#"<w:pPr><w:pStyle w:val="{}"/>"#, self.style);
        if self.keep_next {
            p.push_str("<w:keepNext/>");
        }
        if self.page_break {
            p.push_str("<w:pageBreakBefore/>");
        }
        if let Some((list, level)) = self.list {
            p.push_str(&format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr>"#));
        }
        if self.rule_below {
            p.push_str(r#"<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="1D2733"/></w:pBdr>"#);
        }
        if let Some(align) = self.align {
            p.push_str(&format!(r#"<w:jc w:val="{align}"/>"#));
        }
        p.push_str("</w:pPr>");
        p
    }
}

fn paragraph(style: &ParagraphStyle, content: &str) -> String {
    format!("<w:p>{}{content}</w:p>", style.properties())
}

/// Whether a cell starts, continues or stays out of a vertical merge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Merge {
    None,
    Start,
    Continue,
}

/// One table cell as Word draws it.
struct Cell {
    text: String,
    bold: bool,
    number: bool,
    header: bool,
    span: u32,
    merge: Merge,
}

impl Cell {
    fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: false, number: false, header: false, span: 1, merge: Merge::None }
    }

    fn number(text: impl Into<String>) -> Self {
        Self { number: true, ..Self::text(text) }
    }

    fn header(text: impl Into<String>) -> Self {
        Self { header: true, bold: true, ..Self::text(text) }
    }

    fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    fn spanning(self, span: u32) -> Self {
        Self { span, ..self }
    }

    fn merged(self, merge: Merge) -> Self {
        Self { merge, ..self }
    }

    fn xml(&self, width: u32) -> String {
        let mut props = format!(r#"<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
        if self.span > 1 {
            props.push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, self.span));
        }
        match self.merge {
            Merge::None => {}
            Merge::Start => props.push_str(r#"<w:vMerge w:val="restart"/>"#),
            Merge::Continue => props.push_str("<w:vMerge/>"),
        }
        if self.header {
            props.push_str(&format!(r#"<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/><w:vAlign w:val="center"/>"#));
        }
        props.push_str("</w:tcPr>");
        let align = if self.header {
            Some("center")
        } else if self.number {
            Some("right")
        } else {
            None
        };
        let text = if self.merge == Merge::Continue { String::new() } else { run(&self.text, self.bold) };
        let style = ParagraphStyle { style: "TableText", align, ..Default::default() };
        format!("<w:tc>{props}{}</w:tc>", paragraph(&style, &text))
    }
}

/// A table: column widths, header rows repeated on every page, body rows; no row splits across pages.
fn table_xml(widths: &[u32], header: &[Vec<Cell>], rows: &[Vec<Cell>]) -> String {
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#))
        .collect();
    let grid: String = widths.iter().map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#)).collect();
    let row = |cells: &[Cell], is_header: bool| {
        let mut column = 0;
        let cells: String = cells
            .iter()
            .map(|cell| {
                let span = cell.span as usize;
                let width = widths[column..column + span].iter().sum();
                column += span;
                cell.xml(width)
            })
            .collect();
        let header = if is_header { "<w:tblHeader/>" } else { "" };
        format!("<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{cells}</w:tr>")
    };
    let header: String = header.iter().map(|cells| row(cells, true)).collect();
    let rows: String = rows.iter().map(|cells| row(cells, false)).collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header}{rows}</w:tbl>"#
    )
}

/// The document body being written, with the numbered lists it has opened and the chart parts it refers to.
pub(super) struct Body<'a> {
    ws: &'a Workspace,
    selection: Selection,
    /// The AEI whose tables and charts the blocks being written show ("" for the Informe's own).
    pub(super) aei_code: String,
    xml: String,
    numbered_lists: u32,
    charts: Vec<ChartPart>,
}

impl<'a> Body<'a> {
    pub(super) fn new(ws: &'a Workspace, selection: Selection) -> Self {
        Body { ws, selection, aei_code: String::new(), xml: String::new(), numbered_lists: 0, charts: Vec::new() }
    }

    /// One AEI's ficha: title block and sections with their tables and charts; `new_page` starts it on a new page.
    pub(super) fn ficha(&mut self, ficha: &FichaDraft, new_page: bool) {
        self.aei_code = ficha.aei_code.clone();
        self.title(&ficha.title, new_page);
        self.sections(ficha);
    }

    /// The package around the body: parts, relationships, styles, numbering, footer, charts.
    pub(super) fn package(self, title: &TitleBlock) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}"><w:body>{}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1020" w:bottom="1134" w:left="1020" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.xml
        );
        let mut zip = ZipWriter::new();
        zip.add("[Content_Types].xml", content_types(self.charts.len()).as_bytes());
        zip.add("_rels/.rels", PACKAGE_RELS.as_bytes());
        zip.add("docProps/core.xml", core_properties(title, &self.ws.entity.office).as_bytes());
        zip.add("docProps/app.xml", APP_PROPERTIES.as_bytes());
        zip.add("word/document.xml", document.as_bytes());
        zip.add("word/_rels/document.xml.rels", document_relationships(self.charts.len()).as_bytes());
        zip.add("word/styles.xml", STYLES.as_bytes());
        zip.add("word/numbering.xml", numbering(self.numbered_lists).as_bytes());
        zip.add("word/footer1.xml", FOOTER.as_bytes());
        for (n, chart) in (1..).zip(&self.charts) {
            zip.add(&chart_part(n), chart.xml.as_bytes());
            zip.add(&format!("word/charts/_rels/chart{n}.xml.rels"), chart_relationships(n).as_bytes());
            zip.add(&chart_workbook_part(n), &chart.workbook);
        }
        zip.finish()
    }

    /// A heading of the Informe's body.
    pub(super) fn heading(&mut self, text: &str) {
        self.push(&ParagraphStyle { keep_next: true, ..ParagraphStyle::named("Heading1") }, &run(text, true));
    }

    fn push(&mut self, style: &ParagraphStyle, content: &str) {
        self.xml.push_str(&paragraph(style, content));
    }

    fn note(&mut self, text: &str) {
        self.push(&ParagraphStyle::named("Note"), &run(text, false));
    }

    /// The title block; `new_page` starts it on a new page (an annexed ficha).
    pub(super) fn title(&mut self, title: &TitleBlock, new_page: bool) {
        let centered = |rule_below| ParagraphStyle { style: "Title", align: Some("center"), rule_below, ..Default::default() };
        self.push(&ParagraphStyle { page_break: new_page, ..centered(false) }, &run(&title.entity_name, true));
        self.push(&centered(false), &run(&title.title, true));
        self.push(&centered(true), &run(&title.period_line, true));
        self.push(&centered(false), &run(&title.date, true));
    }

    fn sections(&mut self, ficha: &FichaDraft) {
        for section in &ficha.sections {
            self.push(&ParagraphStyle { keep_next: true, ..ParagraphStyle::named("Heading1") }, &run(&section.heading, true));
            for block in &section.blocks {
                self.block(block);
            }
            if section.number == CHARTS_SECTION {
                if let Some(chart) = self.ws.progress_chart(self.selection, &self.aei_code) {
                    self.charts(&chart);
                }
            }
        }
    }

    /// Gráfico 1 and Gráfico 2 as the document view sets them: caption, chart or what stands in for it, note, source lines.
    fn charts(&mut self, chart: &ProgressChart) {
        let months: Vec<&str> = chart.months().iter().map(|m| m.short_name()).collect();
        self.caption(&chart.physical_caption());
        match chart.physical_series() {
            Some(series) => self.chart(&chart.physical_caption(), &months, &series, &Axis::percent(), ChartValues::Percent),
            None => self.note(NO_COUNTED_ACTIVITIES),
        }
        self.source_lines();
        self.caption(&chart.financial_caption());
        if let Some(series) = chart.financial_series() {
            self.chart(&chart.financial_caption(), &months, &series, &chart.financial_axis(), ChartValues::Soles);
        }
        if let Some(note) = chart.financial_note() {
            self.note(&note);
        }
        self.source_lines();
    }

    /// A paragraph holding the next chart part, kept on the page of its source lines.
    fn chart(&mut self, title: &str, months: &[&str], series: &[ChartSeries], axis: &Axis, values: ChartValues) {
        self.charts.push(ChartPart {
            xml: chart_xml(months, series, axis, values.axis_format()),
            workbook: chart_workbook(months, series, values.cell_format()),
        });
        let n = self.charts.len();
        // The drawing's name is the caption's lead ("Gráfico 1"); its description, for screen readers, the caption.
        let name = title.split(':').next().unwrap_or(title);
        let drawing = format!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{CHART_WIDTH}" cy="{CHART_HEIGHT}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="{}" descr="{}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{C}"><c:chart r:id="rId{}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#,
            escape(name),
            escape(title),
            FIXED_RELATIONSHIPS + n
        );
        self.push(&ParagraphStyle::named("Chart"), &drawing);
    }

    fn list(&mut self, items: &[Vec<Span>], list: u32, level: u32) {
        let style = ParagraphStyle { list: Some((list, level)), ..ParagraphStyle::named("ListParagraph") };
        for item in items {
            self.push(&style, &runs(item));
        }
    }

    pub(super) fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(spans) => self.push(&ParagraphStyle::named("Normal"), &runs(spans)),
            Block::Bullets(items) => self.list(items, BULLETS, 0),
            Block::SubBullets(items) => self.list(items, BULLETS, 1),
            Block::Numbered(items) => {
                self.numbered_lists += 1;
                self.list(items, BULLETS + self.numbered_lists, 0);
            }
            Block::Table(table) => self.table(*table),
            Block::Footnote { mark, text } => self.note(&format!("{mark} {text}")),
        }
    }

    fn caption(&mut self, text: &str) {
        self.push(&ParagraphStyle { keep_next: true, ..ParagraphStyle::named("Caption") }, &run(text, true));
    }

    /// Lines under a table or chart ("Fuente:", "Elaboración:"), the last one spaced from what follows.
    fn lines_under(&mut self, lines: &[String]) {
        if let Some((last, first)) = lines.split_last() {
            for line in first {
                self.note(line);
            }
            self.push(&ParagraphStyle::named("NoteLast"), &run(last, false));
        }
    }

    fn source_lines(&mut self) {
        self.lines_under(&labels::source_lines(&self.ws.entity.office));
    }

    /// A table as the page shows it: caption, header rows repeated on every page (a title spanning
    /// rows merged down them), rows (the AEI's and the Total in bold), footnotes, source lines.
    fn table(&mut self, id: TableId) {
        let Some(table) = self.ws.table(self.selection, &self.aei_code, id) else { return };
        self.caption(&table.caption);
        let mut header = Vec::new();
        // The columns of the header row being laid out that a title from the row above still covers.
        let mut covered: Vec<usize> = Vec::new();
        for row in &table.header {
            let mut cells = Vec::new();
            let mut column = 0;
            let mut below = Vec::new();
            for cell in &row.cells {
                while covered.contains(&column) {
                    cells.push(Cell::header("").merged(Merge::Continue));
                    column += 1;
                }
                let merge = if cell.rows > 1 { Merge::Start } else { Merge::None };
                if cell.rows > 1 {
                    below.extend(column..column + cell.columns);
                }
                cells.push(Cell::header(cell.text.clone()).spanning(cell.columns as u32).merged(merge));
                column += cell.columns;
            }
            covered = below;
            header.push(cells);
        }
        let rows: Vec<Vec<Cell>> = table
            .body
            .iter()
            .chain(&table.foot)
            .map(|row| {
                row.cells
                    .iter()
                    .map(|cell| {
                        let text = cell.value.display();
                        let laid = if cell.value.is_figure() { Cell::number(text) } else { Cell::text(text) };
                        let laid = laid.spanning(cell.columns as u32);
                        if row.role.is_strong() {
                            laid.bold()
                        } else {
                            laid
                        }
                    })
                    .collect()
            })
            .collect();
        self.xml.push_str(&table_xml(column_widths(id), &header, &rows));
        for footnote in &table.footnotes {
            self.note(footnote);
        }
        self.lines_under(&table.sources);
    }
}

/// The tables' column widths in twentieths of a point, summing to the text width.
fn column_widths(id: TableId) -> &'static [u32] {
    match id {
        TableId::Cuadro1 => &[1200, 3666, 1200, 1300, 1300, 1200],
        TableId::Cuadro2 => &[1300, 3766, 1300, 1200, 1200, 1100],
        TableId::Tabla3 => &[2066, 900, 900, 900, 800, 1500, 1500, 1300],
        TableId::AeiSummary => &[1200, 3666, 1200, 1300, 1300, 1200],
        TableId::BudgetExecution => &[4266, 2000, 2000, 1600],
    }
}

/// A chart as wide as the text, in the proportions of the document view's SVG (640 × 250), in EMU.
const CHART_WIDTH: u32 = TEXT_WIDTH * 635;
const CHART_HEIGHT: u32 = CHART_WIDTH / 640 * 250;
/// Line colours, as the document view's charts.
const PROGRAMMED_COLOUR: &str = "7D8A9C";
const EXECUTED_COLOUR: &str = "8A1C1C";

/// A value as a chart caches it: the exact decimal, without trailing zeros.
fn cached(value: Decimal) -> String {
    value.normalize().to_string()
}

/// The chart's data as Word keeps it beside a chart: months down column A, one line per column from B.
fn chart_workbook(months: &[&str], series: &[ChartSeries], format: NumberFormat) -> Vec<u8> {
    let mut rows = vec![Row::new(
        RowKind::Header,
        std::iter::once(xlsx::Cell::Empty).chain(series.iter().map(|line| xlsx::Cell::text(line.name))).collect(),
    )];
    rows.extend(months.iter().enumerate().map(|(i, month)| {
        let values = series.iter().map(|line| match line.values[i] {
            Some(value) => xlsx::Cell::Number(value, format),
            None => xlsx::Cell::Empty,
        });
        Row::new(RowKind::Body, std::iter::once(xlsx::Cell::text(*month)).chain(values).collect())
    }));
    write_workbook(&[Sheet { name: CHART_SHEET.to_string(), rows, merges: Vec::new(), frozen_rows: 1 }])
}

/// A line chart part over the months with its values cached, so Word and LibreOffice draw it as it is;
/// its cell references point into the embedded workbook (months in A, lines in B, C…).
fn chart_xml(months: &[&str], series: &[ChartSeries], axis: &Axis, format: &str) -> String {
    let last_row = months.len() + 1;
    let categories: String = months
        .iter()
        .enumerate()
        .map(|(i, m)| format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, escape(m)))
        .collect();
    let lines: String = series
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let column = char::from(b'B' + i as u8);
            let colour = if line.programmed { PROGRAMMED_COLOUR } else { EXECUTED_COLOUR };
            // Programming is wider and dashed, so it shows where execution runs over it.
            let (width, dash, marker) = if line.programmed { (50800, "dash", 7) } else { (19050, "solid", 5) };
            let points: String = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, cached(v))))
                .collect();
            format!(
                r#"<c:ser><c:idx val="{i}"/><c:order val="{i}"/><c:tx><c:strRef><c:f>{CHART_SHEET}!${column}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr><a:ln w="{width}" cap="rnd"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:prstDash val="{dash}"/><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="{marker}"/><c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker><c:cat><c:strRef><c:f>{CHART_SHEET}!$A$2:$A${last_row}</c:f><c:strCache><c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>{CHART_SHEET}!${column}$2:${column}${last_row}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{count}"/>{points}</c:numCache></c:numRef></c:val><c:smooth val="0"/></c:ser>"#,
                name = escape(line.name),
                count = months.len(),
            )
        })
        .collect();
    let step = match axis.ticks.as_slice() {
        [first, second, ..] => cached(*second - *first),
        _ => cached(axis.max),
    };
    // Arial 9 in the text colour of the document view's charts.
    let text = r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:solidFill><a:srgbClr val="1D2733"/></a:solidFill><a:latin typeface="Arial"/><a:cs typeface="Arial"/></a:defRPr></a:pPr><a:endParaRPr lang="es-PE"/></a:p></c:txPr>"#;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}"><c:date1904 val="0"/><c:lang val="es-PE"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{lines}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart><c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="1D2733"/></a:solidFill></a:ln></c:spPr>{text}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="{max}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="C9D1DB"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="{format}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{text}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="{step}"/></c:valAx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>{text}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>{text}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"#,
        max = cached(axis.max),
        format = escape(format),
    )
}

fn core_properties(title: &TitleBlock, office: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>es-PE</dc:language></cp:coreProperties>"#,
        escape(&title.title),
        escape(office)
    )
}

/// Bullets (two levels), then one decimal list per numbered block so each starts at 1.
fn numbering(numbered_lists: u32) -> String {
    let level = |ilvl: u32, format: &str, text: &str, indent: u32| {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>"#
        )
    };
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{}{}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>{}</w:abstractNum><w:num w:numId="{BULLETS}"><w:abstractNumId w:val="0"/></w:num>"#,
        level(0, "bullet", "•", 720),
        level(1, "bullet", "◦", 1440),
        level(0, "decimal", "%1.", 720)
    );
    for n in 1..=numbered_lists {
        xml.push_str(&format!(
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            BULLETS + n
        ));
    }
    xml.push_str("</w:numbering>");
    xml
}

/// The package's content types, with one override per chart part.
fn content_types(charts: usize) -> String {
    let charts: String = (1..=charts)
        .map(|n| {
            format!(
                r#"<Override PartName="/{}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#,
                chart_part(n)
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>{charts}</Types>"#
    )
}

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

/// document.xml's relationships: styles, numbering and footer, then its charts from rId4 on.
fn document_relationships(charts: usize) -> String {
    let charts: String = (1..=charts)
        .map(|n| {
            format!(
                r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart{n}.xml"/>"#,
                FIXED_RELATIONSHIPS + n
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>{charts}</Relationships>"#
    )
}

/// A chart's one relationship: the workbook it was drawn from.
fn chart_relationships(n: usize) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/{}"/></Relationships>"#,
        chart_workbook_part(n).rsplit('/').next().unwrap_or_default()
    )
}

const APP_PROPERTIES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Ficha</Application></Properties>"#;

/// Page number centred at the foot of every page.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Página </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#;

/// Arial 11 as the reference; headings kept with the next paragraph; small notes under tables.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="es-PE" w:eastAsia="es-PE" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="40" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="444444"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="NoteLast"><w:name w:val="Note Last"/><w:basedOn w:val="Note"/><w:pPr><w:spacing w:after="240"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Chart"><w:name w:val="Chart"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="60"/><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style></w:styles>"#;
