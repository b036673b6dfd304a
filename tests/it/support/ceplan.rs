//! Workbooks shaped like the Aplicativo CEPLAN V.01's "Exporta POI" (docs/FORMAT-ceplan.md): the 277
//! columns in their order, one row per AO and department, as Excel saves it (.xlsx with shared strings,
//! deflated), as the Aplicativo downloads it (an HTML table named .xls), or as LibreOffice (.ods).

use std::fmt::Write;

use super::{zip_of, RawEntry};

/// The 277 headers of the export, in order.
pub fn headers() -> Vec<String> {
    let mut names: Vec<String> = FIRST.iter().map(|s| s.to_string()).collect();
    for prefix in ["F", "Fn"] {
        for block in ["A", "AJ", "CS", "RE_P", "RE", "SE_P", "SE"] {
            names.extend((1..=12).map(|m| format!("{prefix}({block}) {m:02}")));
            names.push(format!("{prefix}({block}) Total"));
        }
    }
    names.extend((1..=12).map(|m| format!("Motivo(SE) {m:02}")));
    names.extend(["Estado(SE)", "Incorporado", "Codigo Externo", "Activo AO"].map(String::from));
    names
}

const FIRST: [&str; 79] = [
    "POI", "Etapa", "NG", "Nivel de Gobierno", "Sector ID", "Sector", "Pliego ID", "Pliego", "UE ID", "UE",
    "CC Responsable ID", "CC Responsable", "Centro Costo ID", "Centro de Costo", "OE", "Objetivo Estrategico",
    "OE Prioridad", "Eje ID OE", "Eje OE", "Lineamiento ID OE", "Lineamiento OE", "AE", "Acción Estratégica",
    "AE Prioridad", "Eje ID AE", "Eje AE", "Lineamiento ID AE", "Lineamiento AE", "OEI",
    "Objetivo Estrategico Institucional", "OEI Prioridad", "Eje ID OEI", "Eje OEI", "Lineamiento ID OEI",
    "Lineamiento OEI", "AEI", "Acción Estratégica Institucional", "AEI Prioridad", "Eje ID AEI", "Eje AEI",
    "Lineamiento ID AEI", "Lineamiento AEI", "Categoria ID", "Categoria", "Producto ID", "Producto", "Funcion ID",
    "Funcion", "Division Funcional ID", "Division Funcional", "Grupo Funcional ID", "Grupo Funcional", "Nota",
    "Actividad Presupuestal ID", "Actividad Presupuestal", "Nro Registro POI", "Actividad Operativa ID",
    "Actividad Operativa", "Actividad Operativa Sectorial ID", "Actividad Operativa Sectorial", "Eje ID AO", "Eje AO",
    "Lineamiento ID AO", "Lineamiento AO", "Prioridad", "UM ID", "Unidad de Medida", "Acumulado", "Tipo", "Cons PIA",
    "Cons PIM", "Dep. UBIGEO", "Departamento Nombre UBIGEO", "Prov. UBIGEO", "Provincia Nombre UBIGEO", "Dis. UBIGEO",
    "Distrito Nombre UBIGEO", "Tipo Financiamiento(PIA)", "Tipo Financiamiento(PIM)",
];

/// One department's row of an AO: physical months (execution empty past the last reported
/// month), financial months in céntimos, and the motive of each month.
#[derive(Clone)]
pub struct Department {
    pub name: &'static str,
    pub f_re: [u32; 12],
    pub f_se: [Option<u32>; 12],
    pub fn_re: [i64; 12],
    pub fn_se: [Option<i64>; 12],
    pub motive: [&'static str; 12],
}

impl Department {
    /// A department with no figures.
    pub fn named(name: &'static str) -> Self {
        Department { name, f_re: [0; 12], f_se: [None; 12], fn_re: [0; 12], fn_se: [None; 12], motive: [""; 12] }
    }
}

/// One AO; its rows are one per department.
#[derive(Clone)]
pub struct CeplanAo {
    pub ue: (&'static str, &'static str),
    /// The file's `Centro Costo ID`, written with the Aplicativo's leading `'`.
    pub cc_id: &'static str,
    pub cc_name: &'static str,
    pub oei: (&'static str, &'static str),
    pub aei: (&'static str, &'static str),
    pub categoria: (&'static str, &'static str),
    pub code: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub departments: Vec<Department>,
    pub estado_se: &'static str,
    pub activo: &'static str,
}

/// Whether the file has the financial months or only their totals.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Financial {
    Monthly,
    /// The 24 `Fn(RE) MM` / `Fn(SE) MM` columns left out, the totals kept.
    TotalsOnly,
}

/// A whole export.
#[derive(Clone)]
pub struct CeplanBook {
    pub aos: Vec<CeplanAo>,
    pub financial: Financial,
    /// Physical months written as running sums (December equals the total).
    pub cumulative: bool,
    /// Headers Ficha does not know, appended with a value in every row.
    pub extra_columns: Vec<(&'static str, &'static str)>,
    pub tab: &'static str,
    /// An "Instrucciones" tab before the data.
    pub tab_before: bool,
    /// An AO whose `F(RE) Total` says this instead of the sum of its months.
    pub wrong_total: Option<(&'static str, u32)>,
}

/// A cell of the export as Excel holds it.
#[derive(Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A number: its text as Excel writes it in the XML.
    Number(String),
}

/// The shared strings of a workbook being written: each text once, by its index.
#[derive(Default)]
struct SharedStrings {
    list: Vec<String>,
    index: std::collections::HashMap<String, usize>,
}

impl SharedStrings {
    fn index(&mut self, text: &str) -> usize {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.list.push(text.to_string());
        self.index.insert(text.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }
}

fn cents(value: i64) -> String {
    format!("{}.{:02}", value / 100, value % 100)
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

fn number(value: impl ToString) -> Value {
    Value::Number(value.to_string())
}

impl CeplanBook {
    /// Three departments' worth of nothing, in the tab the Aplicativo's export names.
    pub fn of(aos: Vec<CeplanAo>) -> Self {
        CeplanBook {
            aos,
            financial: Financial::Monthly,
            cumulative: false,
            extra_columns: Vec::new(),
            tab: "POI_Por_ActividadOperativaAnual",
            tab_before: false,
            wrong_total: None,
        }
    }

    /// The headers of the file: the export's (without the financial months when it has totals
    /// only), then the extra ones.
    pub fn columns(&self) -> Vec<String> {
        let mut names = headers();
        if self.financial == Financial::TotalsOnly {
            names.retain(|h| !(h.starts_with("Fn(RE) ") || h.starts_with("Fn(SE) ")) || h.ends_with("Total"));
        }
        names.extend(self.extra_columns.iter().map(|(h, _)| h.to_string()));
        names
    }

    /// One row per AO and department, cells in the order of [`Self::columns`].
    pub fn rows(&self) -> Vec<Vec<Value>> {
        let columns = self.columns();
        let mut rows = Vec::new();
        for ao in &self.aos {
            for department in &ao.departments {
                rows.push(
                    columns
                        .iter()
                        .map(|name| match self.extra_columns.iter().find(|(h, _)| h == name) {
                            Some((_, value)) => text(value),
                            None => self.value(ao, department, name),
                        })
                        .collect(),
                );
            }
        }
        rows
    }

    fn value(&self, ao: &CeplanAo, d: &Department, header: &str) -> Value {
        let running = |months: [u32; 12]| {
            let mut sum = 0;
            months.map(|m| {
                sum += m;
                sum
            })
        };
        let f_re = if self.cumulative { running(d.f_re) } else { d.f_re };
        let f_se_known = d.f_se.map(|v| v.unwrap_or(0));
        let f_se = if self.cumulative { running(f_se_known) } else { f_se_known };
        let month = |h: &str| h.rsplit(' ').next().and_then(|m| m.parse::<usize>().ok()).map(|m| m - 1);
        match header {
            "POI" => number(2026),
            "Etapa" => text("SEGUIMIENTO"),
            "UE ID" => text(ao.ue.0),
            "UE" => text(ao.ue.1),
            "Centro Costo ID" => text(ao.cc_id),
            "Centro de Costo" => text(ao.cc_name),
            "OEI" => text(ao.oei.0),
            "Objetivo Estrategico Institucional" => text(ao.oei.1),
            "AEI" => text(ao.aei.0),
            "Acción Estratégica Institucional" => text(ao.aei.1),
            "Categoria ID" => text(ao.categoria.0),
            "Categoria" => text(ao.categoria.1),
            "Actividad Operativa ID" => text(ao.code),
            "Actividad Operativa" => text(ao.name),
            "Unidad de Medida" => text(ao.unit),
            "Acumulado" => text("SI"),
            "Tipo" => text("ANUAL"),
            "Cons PIA" => text("NO"),
            "Cons PIM" => text("SI"),
            "Departamento Nombre UBIGEO" => text(d.name),
            "Estado(SE)" => text(ao.estado_se),
            "Incorporado" => text("NO"),
            "Activo AO" => text(ao.activo),
            h if h.starts_with("F(RE) ") || h.starts_with("F(A) ") || h.starts_with("F(AJ) ") || h.starts_with("F(CS) ") => {
                match month(h) {
                    Some(m) => number(f_re[m]),
                    None => match self.wrong_total {
                        Some((code, total)) if code == ao.code && h.starts_with("F(RE)") => number(total),
                        _ => number(d.f_re.iter().sum::<u32>()),
                    },
                }
            }
            h if h.starts_with("F(SE) ") => match month(h) {
                Some(m) if d.f_se[m].is_some() => number(f_se[m]),
                Some(_) => Value::Empty,
                None => number(f_se_known.iter().sum::<u32>()),
            },
            h if h.starts_with("Fn(RE) ") || h.starts_with("Fn(A) ") || h.starts_with("Fn(AJ) ") || h.starts_with("Fn(CS) ") => {
                match month(h) {
                    Some(m) => number(cents(d.fn_re[m])),
                    None => number(cents(d.fn_re.iter().sum())),
                }
            }
            h if h.starts_with("Fn(SE) ") => match month(h) {
                Some(m) => d.fn_se[m].map_or(Value::Empty, |v| number(cents(v))),
                None => number(cents(d.fn_se.iter().flatten().sum())),
            },
            h if h.starts_with("Motivo(SE) ") => month(h).map_or(Value::Empty, |m| text(d.motive[m])),
            h if h.contains("(RE_P)") || h.contains("(SE_P)") => Value::Empty,
            other => text(&format!("{other} {}", ao.code.len() % 7)),
        }
    }

    /// The workbook as Excel saves it: shared strings, deflated parts, the data tab named as the
    /// Aplicativo names it (after an instructions tab when asked).
    pub fn xlsx(&self) -> Vec<u8> {
        let mut strings = SharedStrings::default();
        let mut sheet = String::from(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#);
        let header = self.columns().into_iter().map(Value::Text).collect();
        for (i, cells) in std::iter::once(header).chain(self.rows()).enumerate() {
            let r = i + 1;
            write!(sheet, r#"<row r="{r}">"#).unwrap();
            for (c, value) in cells.into_iter().enumerate() {
                let reference = format!("{}{r}", ficha::io::office::column_name(c));
                match value {
                    Value::Empty => {}
                    Value::Text(t) if t.is_empty() => {}
                    Value::Text(t) => write!(sheet, r#"<c r="{reference}" t="s"><v>{}</v></c>"#, strings.index(&t)).unwrap(),
                    Value::Number(n) => write!(sheet, r#"<c r="{reference}"><v>{n}</v></c>"#).unwrap(),
                }
            }
            sheet.push_str("</row>");
        }
        sheet.push_str("</sheetData></worksheet>");
        let escape = ficha::io::office::escape;
        let strings = strings.list;
        let shared: String = strings.iter().map(|s| format!("<si><t xml:space=\"preserve\">{}</t></si>", escape(s))).collect();
        let shared = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{shared}</sst>"#,
            strings.len()
        );
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let mut tabs = Vec::new();
        if self.tab_before {
            tabs.push(("Instrucciones", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Descargado del Aplicativo CEPLAN V.01</t></is></c></row></sheetData></worksheet>".to_string()));
        }
        tabs.push((self.tab, sheet));
        let sheets: String = tabs.iter().enumerate().map(|(i, (name, _))| format!(r#"<sheet name="{name}" sheetId="{0}" r:id="rId{0}"/>"#, i + 1)).collect();
        let relationships: String = tabs
            .iter()
            .enumerate()
            .map(|(i, _)| format!(r#"<Relationship Id="rId{0}" Type="{rel}/worksheet" Target="worksheets/sheet{0}.xml"/>"#, i + 1))
            .collect();
        let mut entries = vec![
            RawEntry::deflated("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            RawEntry::deflated("_rels/.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).as_bytes()),
            RawEntry::deflated("xl/workbook.xml", format!(r#"<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>{sheets}</sheets></workbook>"#).as_bytes()),
            RawEntry::deflated(
                "xl/_rels/workbook.xml.rels",
                format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}<Relationship Id="rIdS" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#).as_bytes(),
            ),
            RawEntry::deflated("xl/sharedStrings.xml", shared.as_bytes()),
        ];
        for (i, (_, xml)) in tabs.iter().enumerate() {
            entries.push(RawEntry::deflated(&format!("xl/worksheets/sheet{}.xml", i + 1), xml.as_bytes()));
        }
        zip_of(&entries)
    }

    /// The raw download: an HTML table named .xls, numbers as text, codes with a leading `'`, one
    /// empty trailing cell in every data row.
    pub fn html(&self) -> Vec<u8> {
        let mut out = String::from("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\"><html><head><title>www.devjoker.com</title><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" /></head><body><p><table>\n<tr>");
        let columns = self.columns();
        for header in &columns {
            write!(out, "<td bgcolor=\"TEAL\">{}</td>", ficha::io::office::escape(header)).unwrap();
        }
        out.push_str("</tr>\n");
        for row in self.rows() {
            out.push_str("<tr>");
            for (header, value) in columns.iter().zip(&row) {
                let shown = match value {
                    Value::Empty => String::new(),
                    Value::Number(n) => n.clone(),
                    Value::Text(t) if matches!(header.as_str(), "UE ID" | "Centro Costo ID" | "Categoria ID") => format!("'{t}"),
                    Value::Text(t) => ficha::io::office::escape(t),
                };
                write!(out, "<td >{shown}</td>").unwrap();
            }
            out.push_str("<td ></td></tr>\n");
        }
        out.push_str("</table></body></html>");
        out.into_bytes()
    }

    /// The export saved by LibreOffice as .ods (stored parts, one table named like the tab).
    pub fn ods(&self) -> Vec<u8> {
        let cell = |value: &Value| match value {
            Value::Empty => "<table:table-cell/>".to_string(),
            Value::Text(t) => format!("<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>", ficha::io::office::escape(t)),
            Value::Number(n) => format!("<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"),
        };
        let mut table = String::new();
        table.push_str("<table:table-row>");
        for header in self.columns() {
            table.push_str(&cell(&text(&header)));
        }
        table.push_str("</table:table-row>");
        for row in self.rows() {
            table.push_str("<table:table-row>");
            for value in &row {
                table.push_str(&cell(value));
            }
            table.push_str("</table:table-row>");
        }
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{}">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#,
            self.tab
        );
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        zip_of(&[
            RawEntry::stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            RawEntry::deflated("content.xml", content.as_bytes()),
            RawEntry::deflated("META-INF/manifest.xml", manifest.as_bytes()),
        ])
    }
}
