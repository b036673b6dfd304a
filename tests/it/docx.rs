//! The .docx of the ficha read back: a valid zip of well-formed Office parts with real tables and escaped text.

use std::collections::BTreeMap;

use ficha::domain::example::{reference_workspace, REFERENCE_VIEW};
use ficha::domain::document::SectionEdit;
use ficha::domain::{Selection, Workspace};
use ficha::domain::ficha::ChartSeries;
use ficha::domain::plan::{AnnualFinancial, OperativeActivity, Period};
use ficha::io::office::{chart_part, chart_workbook_part, crc32, docx_file_name, escape, ficha_docx, fichas_zip, informe_docx, ZipWriter};
use ficha::io::ao_file::read_cells;
use rust_decimal::Decimal;

const AEI: &str = "AEI.08.05";

fn u16_at(bytes: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

/// Reads a stored-only archive through its central directory, checking every entry's CRC-32.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let end = bytes.len() - 22;
    assert_eq!(u32_at(bytes, end), 0x0605_4B50, "end of central directory record");
    let count = u16_at(bytes, end + 10);
    let mut at = u32_at(bytes, end + 16) as usize;
    let mut files = BTreeMap::new();
    for _ in 0..count {
        assert_eq!(u32_at(bytes, at), 0x0201_4B50, "central directory entry");
        assert_eq!(u16_at(bytes, at + 10), 0, "stored");
        let crc = u32_at(bytes, at + 16);
        let size = u32_at(bytes, at + 20) as usize;
        let name_len = u16_at(bytes, at + 28);
        let comment_len = u16_at(bytes, at + 30) + u16_at(bytes, at + 32);
        let local = u32_at(bytes, at + 42) as usize;
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(bytes, local), 0x0403_4B50, "local header of {name}");
        let data_at = local + 30 + u16_at(bytes, local + 26) + u16_at(bytes, local + 28);
        let data = bytes[data_at..data_at + size].to_vec();
        assert_eq!(crc32(&data), crc, "CRC of {name}");
        files.insert(name, data);
        at += 46 + name_len + comment_len;
    }
    files
}

/// Checks that every tag closes in order and every `&` starts a known entity.
fn assert_well_formed(name: &str, xml: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| entity.starts_with(e)),
                "{name}: bare & in {:?}",
                &entity[..entity.len().min(20)]
            );
        }
        let end = rest[start..].find('>').map(|e| start + e).unwrap_or_else(|| panic!("{name}: unclosed tag"));
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "{name}: '<' inside a tag: {tag}");
        if tag.starts_with('?') || tag.starts_with('!') {
        } else if let Some(closing) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(closing), "{name}: </{closing}> closes the wrong element");
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().unwrap());
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "{name}: unclosed {open:?}");
}

/// The XML parts of the document (every part but the charts' embedded workbooks).
fn parts(ws: &Workspace) -> BTreeMap<String, String> {
    parts_viewed(ws, REFERENCE_VIEW)
}

/// The XML parts of the document of another period, version or year.
fn parts_viewed(ws: &Workspace, view: Selection) -> BTreeMap<String, String> {
    unzip(&ficha_docx(ws, view, AEI))
        .into_iter()
        .filter(|(name, _)| name.ends_with(".xml") || name.ends_with(".rels"))
        .map(|(name, data)| (name, String::from_utf8(data).unwrap()))
        .collect()
}

fn document(ws: &Workspace) -> String {
    parts(ws).remove("word/document.xml").unwrap()
}

/// The tables of document.xml, each as rows of cell texts.
fn tables(document: &str) -> Vec<Vec<Vec<String>>> {
    let cell_text = |cell: &str| -> String {
        cell.split("<w:t xml:space=\"preserve\">").skip(1).map(|t| t.split("</w:t>").next().unwrap()).collect()
    };
    document
        .split("<w:tbl>")
        .skip(1)
        .map(|table| {
            let table = table.split("</w:tbl>").next().unwrap();
            table
                .split("<w:tr>")
                .skip(1)
                .map(|row| row.split("<w:tc>").skip(1).map(cell_text).collect())
                .collect()
        })
        .collect()
}

#[test]
fn the_docx_is_a_zip_of_the_office_parts() {
    let files = parts(&reference_workspace());
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml"] {
        assert!(names.contains(&required), "missing {required} in {names:?}");
    }
    for (name, xml) in &files {
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"), "{name}");
        assert_well_formed(name, xml);
    }
    assert!(files["[Content_Types].xml"].contains("PartName=\"/word/document.xml\""));
}

#[test]
fn the_three_tables_are_word_tables_with_the_reference_figures() {
    let tables = tables(&document(&reference_workspace()));
    assert_eq!(tables.len(), 3, "Cuadro 1, Cuadro 2, Tabla 3");
    let [cuadro1, cuadro2, tabla3] = [&tables[0], &tables[1], &tables[2]];
    assert_eq!(cuadro1[1], ["", "", "1/", "2/", "3/", "4/"]);
    assert_eq!(cuadro1[2][2..], ["1", "1", "21,000.00", "100.00"]);
    assert_eq!(cuadro1[3], ["07", "OFICINA NACIONAL Y UNIDADES ZONALES", "1", "1", "21,000.00", "100.00"]);
    assert_eq!(cuadro2[2], ["AEI.08.05", "AOI00106600085: SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD", "INFORME", "1", "1", "100.0%"]);
    assert_eq!(
        tabla3[2],
        ["SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD", "INFORME", "1", "1", "100.0%", "21,000.00", "21,000.00", "100.0%"]
    );
    assert_eq!(tabla3[3], ["Total", "650,769,332.00", "646,150,876.90", "99.3%"]);
}

#[test]
fn header_rows_repeat_and_no_row_splits_across_pages() {
    let xml = document(&reference_workspace());
    assert_eq!(xml.matches("<w:tblHeader/>").count(), 6, "two header rows per table");
    assert_eq!(xml.matches("<w:tr>").count(), xml.matches("<w:cantSplit/>").count());
}

#[test]
fn title_headings_captions_and_notes_are_in_order() {
    let xml = document(&reference_workspace());
    let order = [
        "001066 - PROGRAMA PARA LA GENERACION DE EMPLEO SOCIAL INCLUSIVO &quot;TRABAJA PERU&quot;",
        "Ficha de implementación de la AEI.08.05: MODELO DE INTEGRIDAD",
        "Correspondiente al año 2023",
        "13 de mayo, 2024",
        "1. Implementación de la AEI.08.05",
        "Cuadro 1: Ejecución física de las AO e inversiones vinculadas a la AEI",
        "1/ Se contabiliza el número de AO con programación física anual mayor a cero y con seguimiento aprobado",
        "Fuente: Aplicativo CEPLAN V.01.",
        "Elaboración: Unidad Funcional de Planeamiento y Presupuesto – UFPP.",
        "lo que representó el 100% de la meta física anual programada (01 informe).",
        "Cuadro 2: Actividades Operativas del POI 2023",
        "2. Modificaciones de las AO en la etapa de ejecución del POI",
        "Agregando cuatro (04) nuevas actividades operativas.",
        "3. Estado de ejecución financiera de las AO por AEI.08.05",
        "¹ A través del cual se asigna una puntuación a las entidades públicas",
        "Tabla 3. Avance de ejecución física y financiera del POI Modificado versión 3 al año 2023",
        "4. Análisis de contribución y pertinencia",
        "5. Seguimiento a la aplicación de las recomendaciones de evaluaciones previas",
        "6. Medidas correctivas y preventivas",
        "7. Conclusión",
    ];
    let mut from = 0;
    for text in order {
        let at = xml[from..].find(text).unwrap_or_else(|| panic!("not found after position {from}: {text}"));
        from += at + text.len();
    }
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/><w:keepNext/>"#));
}

#[test]
fn lists_are_word_lists_and_each_numbered_list_starts_at_one() {
    let files = parts(&reference_workspace());
    let xml = &files["word/document.xml"];
    assert!(xml.contains(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#), "bullets");
    assert!(xml.contains(r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>"#), "sub-bullets");
    assert!(xml.contains(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#), "section 5's numbered list");
    assert!(files["word/numbering.xml"].contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>"#));
}

#[test]
fn bold_spans_are_bold_runs() {
    let xml = document(&reference_workspace());
    assert!(xml.contains(r#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Plan Operativo Institucional (POI)</w:t></w:r>"#));
}

#[test]
fn user_text_is_escaped_not_markup() {
    let mut ws = reference_workspace();
    let hostile = "<img src=x onerror=alert(1)> & \"comillas\" \u{1}";
    ws.narrative.aei_mut(AEI).icp_actions.push(hostile.to_string());
    ws.narrative.set_edit(AEI, 7, SectionEdit { text: format!("Conclusión propia: {hostile}"), drafted_from: String::new() });
    let xml = document(&ws);
    assert!(!xml.contains("<img"));
    assert!(xml.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;comillas&quot; "));
    assert!(xml.contains("Conclusión propia: &lt;img"), "the edited section is what is written");
    assert_well_formed("word/document.xml", &xml);
}

#[test]
fn edited_sections_replace_the_draft() {
    let mut ws = reference_workspace();
    ws.narrative.set_edit(AEI, 4, SectionEdit { text: "Texto de la UFPP.\n\n- Primer punto".into(), drafted_from: String::new() });
    let xml = document(&ws);
    assert!(xml.contains("Texto de la UFPP."));
    assert!(!xml.contains("llevo a cabo diferentes acciones"));
}

#[test]
fn a4_page_with_a_page_number_footer() {
    let files = parts(&reference_workspace());
    assert!(files["word/document.xml"].contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(files["word/footer1.xml"].contains(r#"<w:fldSimple w:instr=" PAGE ">"#));
    assert!(files["word/_rels/document.xml.rels"].contains(r#"Target="footer1.xml""#));
}

#[test]
fn same_workspace_same_bytes() {
    assert_eq!(ficha_docx(&reference_workspace(), REFERENCE_VIEW, AEI), ficha_docx(&reference_workspace(), REFERENCE_VIEW, AEI));
}

#[test]
fn escape_drops_characters_xml_forbids() {
    assert_eq!(escape("a\u{0}b\u{8}c\td"), "abc\td");
    assert_eq!(escape("S/ 21,000 & <b>"), "S/ 21,000 &amp; &lt;b&gt;");
}

#[test]
fn file_name_names_the_aei_and_year() {
    assert_eq!(docx_file_name(REFERENCE_VIEW, AEI), "Ficha-AEI.08.05-2023.docx");
    assert_eq!(docx_file_name(REFERENCE_VIEW, "AEI 1/2"), "Ficha-AEI_1_2-2023.docx");
}

#[test]
fn zip_entries_read_back_byte_for_byte() {
    let mut zip = ZipWriter::new();
    zip.add("a.txt", b"hola");
    zip.add("carpeta/b.bin", &[0, 255, 10, 13]);
    let files = unzip(&zip.finish());
    assert_eq!(files["a.txt"], b"hola");
    assert_eq!(files["carpeta/b.bin"], [0, 255, 10, 13]);
}

#[test]
fn word_tables_and_sheets_take_their_column_titles_from_the_labels() {
    use ficha::domain::ficha::labels::{
        cuadro2_goals_title, CUADRO2_COLUMNS, CUADRO2_GOAL_COLUMNS, TABLA3_COLUMNS, TABLA3_GROUPS, TABLA3_GROUP_COLUMNS,
    };
    use ficha::domain::ficha::TableId;
    use ficha::io::tables::table_sheet;
    let ws = reference_workspace();
    let goals = cuadro2_goals_title(2023, Period::Annual);
    let cuadro2_top = [&CUADRO2_COLUMNS[..], &[goals.as_str()]].concat();
    let cuadro2_bottom = [&["", "", ""][..], &CUADRO2_GOAL_COLUMNS].concat();
    let tabla3_top = [&TABLA3_COLUMNS[..], &TABLA3_GROUPS].concat();
    let tabla3_bottom = [&["", ""][..], &TABLA3_GROUP_COLUMNS, &TABLA3_GROUP_COLUMNS].concat();
    let word = tables(&document(&ws));
    assert_eq!(word[1][..2], [cuadro2_top.clone(), cuadro2_bottom.clone()]);
    assert_eq!(word[2][..2], [tabla3_top.clone(), tabla3_bottom.clone()]);
    let header = |table: TableId| -> Vec<Vec<String>> {
        let sheet = table_sheet(&ws, REFERENCE_VIEW, AEI, table).unwrap();
        sheet.rows[1..3]
            .iter()
            .map(|row| row.cells.iter().map(|c| c.display()).filter(|t| !t.is_empty()).collect())
            .collect()
    };
    let non_empty = |titles: &[&str]| -> Vec<String> { titles.iter().filter(|t| !t.is_empty()).map(|t| t.to_string()).collect() };
    assert_eq!(header(TableId::Cuadro2), [non_empty(&cuadro2_top), non_empty(&cuadro2_bottom)]);
    assert_eq!(header(TableId::Tabla3), [non_empty(&tabla3_top), non_empty(&tabla3_bottom)]);
}

// --- Charts ---------------------------------------------------------------------------------------

/// Every `attribute="value"` of the elements named `element` in `xml`, in order.
fn attributes<'x>(xml: &'x str, element: &str, attribute: &str) -> Vec<&'x str> {
    xml.split(&format!("<{element} "))
        .skip(1)
        .filter_map(|tag| {
            let tag = tag.split('>').next().unwrap();
            let value = tag.split(&format!("{attribute}=\"")).nth(1)?;
            value.split('"').next()
        })
        .collect()
}

/// The texts of `<c:v>` inside each `<inner>` of each `<c:ser>`: the chart's cached names, months or values.
fn cached(chart: &str, inner: &str) -> Vec<Vec<String>> {
    chart
        .split("<c:ser>")
        .skip(1)
        .map(|series| {
            let part = series.split(&format!("<{inner}>")).nth(1).unwrap().split(&format!("</{inner}>")).next().unwrap();
            part.split("<c:v>").skip(1).map(|v| v.split("</c:v>").next().unwrap().to_string()).collect()
        })
        .collect()
}

fn values(series: &ChartSeries) -> Vec<String> {
    series.values.iter().map(|v| v.unwrap().normalize().to_string()).collect()
}

#[test]
fn the_two_charts_are_chart_parts_whose_relationships_resolve() {
    let ws = reference_workspace();
    let bytes = ficha_docx(&ws, REFERENCE_VIEW, AEI);
    let files = unzip(&bytes);
    let xml = parts(&ws);
    let document = &xml["word/document.xml"];
    let rels = &xml["word/_rels/document.xml.rels"];
    let ids = attributes(document, "c:chart", "r:id");
    assert_eq!(ids, ["rId4", "rId5"]);
    for (n, id) in (1..).zip(ids) {
        let relationship = format!("<Relationship {}", rels.split("<Relationship ").find(|r| r.contains(&format!("Id=\"{id}\""))).unwrap());
        assert!(relationship.contains("relationships/chart\""), "{relationship}");
        let target = attributes(&relationship, "Relationship", "Target")[0];
        assert_eq!(format!("word/{target}"), chart_part(n));
        assert!(files.contains_key(&chart_part(n)));
        assert!(xml["[Content_Types].xml"].contains(&format!(
            r#"<Override PartName="/{}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#,
            chart_part(n)
        )));
        let chart_rels = &xml[&format!("word/charts/_rels/chart{n}.xml.rels")];
        let workbook = attributes(chart_rels, "Relationship", "Target")[0];
        assert_eq!(format!("word/charts/{workbook}").replace("charts/../", ""), chart_workbook_part(n));
        assert!(files.contains_key(&chart_workbook_part(n)));
        assert!(xml[&chart_part(n)].contains(r#"<c:externalData r:id="rId1">"#));
        assert!(xml[&chart_part(n)].contains("<c:lineChart>"));
    }
    assert!(xml["[Content_Types].xml"].contains(r#"<Default Extension="xlsx" "#));
    assert_eq!(attributes(document, "wp:docPr", "id"), ["1", "2"], "drawing ids are unique");
}

#[test]
fn chart_caches_hold_the_domain_series_of_the_reference() {
    let ws = reference_workspace();
    let chart = ws.progress_chart(REFERENCE_VIEW, AEI).unwrap();
    let xml = parts(&ws);
    let months: Vec<String> = chart.months().iter().map(|m| m.short_name().to_string()).collect();
    for (n, series) in [(1, chart.physical_series().unwrap()), (2, chart.financial_series().unwrap())] {
        let part = &xml[&chart_part(n)];
        let names: Vec<Vec<String>> = series.iter().map(|s| vec![s.name.to_string()]).collect();
        assert_eq!(cached(part, "c:tx"), names, "chart {n}");
        assert_eq!(cached(part, "c:cat"), [months.clone(), months.clone()], "chart {n}");
        assert_eq!(cached(part, "c:val"), [values(&series[0]), values(&series[1])], "chart {n}");
    }
    // The reference's single AO: 21,000.00 executed by December, 100% of its one informe.
    let financial = cached(&xml[&chart_part(2)], "c:val");
    assert_eq!(financial[1].last().unwrap(), "21000");
    assert_eq!(cached(&xml[&chart_part(1)], "c:val")[1].last().unwrap(), "100");
    assert!(xml[&chart_part(2)].contains(r#"<c:max val="25000"/>"#), "the financial axis of the document view");
}

#[test]
fn chart_workbooks_hold_the_cached_values() {
    let ws = reference_workspace();
    let files = unzip(&ficha_docx(&ws, REFERENCE_VIEW, AEI));
    let chart = ws.progress_chart(REFERENCE_VIEW, AEI).unwrap();
    let rows = read_cells(&files[&chart_workbook_part(2)]).unwrap();
    assert_eq!(rows[0], ["", "Programado", "Ejecutado"]);
    assert_eq!(rows.len(), 13);
    for (row, point) in rows[1..].iter().zip(&chart.points) {
        assert_eq!(row[0], point.month.short_name());
        assert_eq!(row[1].parse::<Decimal>().unwrap(), point.financial_programmed);
        assert_eq!(row[2].parse::<Decimal>().unwrap(), point.financial_executed);
    }
}

#[test]
fn charts_close_section_3_with_their_captions_and_source_lines() {
    let xml = document(&reference_workspace());
    let order = [
        "Tabla 3. Avance de ejecución física y financiera",
        "Gráfico 1: Avance físico acumulado de las AO de la AEI.08.05, programado y ejecutado, enero a diciembre (%)",
        r#"<c:chart r:id="rId4"/>"#,
        "Fuente: Aplicativo CEPLAN V.01.",
        "Gráfico 2: Avance financiero acumulado de las AO de la AEI.08.05, programado y ejecutado, enero a diciembre (S/)",
        r#"<c:chart r:id="rId5"/>"#,
        "Fuente: Aplicativo CEPLAN V.01.",
        "Elaboración: Unidad Funcional de Planeamiento y Presupuesto – UFPP.",
        "4. Análisis de contribución y pertinencia",
    ];
    let mut from = 0;
    for text in order {
        let at = xml[from..].find(text).unwrap_or_else(|| panic!("not found after position {from}: {text}"));
        from += at + text.len();
    }
}

#[test]
fn a_first_half_without_physical_programming_has_the_financial_chart_only() {
    let ws = reference_workspace();
    let view = Selection { period: Period::FirstHalf, ..REFERENCE_VIEW };
    let xml = parts_viewed(&ws, view);
    assert!(xml["word/document.xml"].contains("Sin actividades operativas con programación física y seguimiento aprobado en el periodo."));
    assert_eq!(attributes(&xml["word/document.xml"], "c:chart", "r:id"), ["rId4"]);
    assert!(!xml.contains_key(&chart_part(2)));
    let part = &xml[&chart_part(1)];
    assert_eq!(cached(part, "c:cat")[0], ["Ene", "Feb", "Mar", "Abr", "May", "Jun"]);
    let chart = ws.progress_chart(view, AEI).unwrap();
    assert_eq!(cached(part, "c:val"), chart.financial_series().unwrap().iter().map(values).collect::<Vec<_>>());
}

/// The reference with a second AO of its AEI imported with annual financial totals only
/// (S/ 12,000.00 programmed, 9,000.00 executed), counted; `keep_monthly` keeps the reference's AO.
fn with_annual_only_ao(keep_monthly: bool) -> Workspace {
    let mut ws = reference_workspace();
    let version = ws.years[0].poi.editable_version_mut(3).unwrap();
    let mut annual = OperativeActivity::new("A", "AO", "INFORME", AEI, "07");
    annual.physical.programmed = [Decimal::ONE; 12];
    annual.financial_annual = Some(AnnualFinancial { programmed: Decimal::from(12_000), executed: Decimal::from(9_000) });
    if !keep_monthly {
        version.activities.clear();
    }
    version.activities.push(annual);
    ws
}

#[test]
fn an_annual_only_ao_is_named_under_grafico_2_and_left_out_of_its_curve() {
    let ws = with_annual_only_ao(true);
    let xml = parts(&ws);
    let note = "Sin detalle mensual: 1 AO con solo totales anuales (programado S/ 12,000.00, ejecutado S/ 9,000.00), que las curvas no incluyen.";
    let document = &xml["word/document.xml"];
    let chart = document.find(r#"<c:chart r:id="rId5"/>"#).expect("Gráfico 2 is drawn");
    assert!(document[chart..].find(note).is_some_and(|at| at < document[chart..].find("Fuente:").unwrap()), "the note before the source lines");
    // The curve is the reference AO's alone: 21,000.00 by December.
    assert_eq!(cached(&xml[&chart_part(2)], "c:val")[1].last().unwrap(), "21000");
}

#[test]
fn without_monthly_detail_grafico_2_is_its_note() {
    let xml = parts(&with_annual_only_ao(false));
    let document = &xml["word/document.xml"];
    assert_eq!(attributes(document, "c:chart", "r:id"), ["rId4"], "Gráfico 1 only");
    assert!(!xml.contains_key(&chart_part(2)));
    assert!(document.contains("Sin detalle mensual: la AO contada solo registra totales anuales (programado S/ 12,000.00, ejecutado S/ 9,000.00); no hay avance financiero mensual que graficar."));
}

/// The example with a second AEI (without AO), for documents over several fichas.
fn two_aei() -> Workspace {
    let mut ws = reference_workspace();
    let mut second = ws.years[0].aeis[0].clone();
    second.code = "AEI.08.06".into();
    ws.years[0].aeis.push(second);
    ws
}

#[test]
fn the_informe_is_one_document_with_its_tables_and_every_ficha_from_a_new_page() {
    let files = unzip(&informe_docx(&two_aei(), REFERENCE_VIEW));
    let document = String::from_utf8(files["word/document.xml"].clone()).unwrap();
    assert!(document.contains(">Resumen ejecutivo<") && document.contains(">3. Recomendaciones<"));
    assert!(document.contains("Cuadro: Resumen de la implementación de las AEI"));
    assert!(document.contains("Cuadro: Ejecución financiera de las AO por categoría presupuestal del año 2023"));
    assert_eq!(document.matches("<w:pageBreakBefore/>").count(), 2, "each annexed ficha starts a page");
    for code in [AEI, "AEI.08.06"] {
        assert!(document.contains(&format!("Ficha de implementación de la {code}")), "{code}");
    }
    // Each AEI's Cuadro 1 in 1.2 and in its annexed ficha; Cuadro 2 and Tabla 3 in each ficha.
    assert_eq!(document.matches("Cuadro 1: Ejecución física de las AO e inversiones vinculadas a la AEI").count(), 4);
    assert_eq!(document.matches("<w:tblHeader/>").count() > 8, true, "table headers repeat on every page");
    assert!(files.contains_key(&chart_part(1)) && files.contains_key(&chart_part(2)), "the example's charts");
}

#[test]
fn every_ficha_goes_as_its_own_docx_in_one_zip() {
    let ws = two_aei();
    let files = unzip(&fichas_zip(&ws, REFERENCE_VIEW));
    assert_eq!(files.keys().collect::<Vec<_>>(), ["Ficha-AEI.08.05-2023.docx", "Ficha-AEI.08.06-2023.docx"]);
    assert_eq!(files["Ficha-AEI.08.05-2023.docx"], ficha_docx(&ws, REFERENCE_VIEW, AEI));
    let second = unzip(&files["Ficha-AEI.08.06-2023.docx"]);
    assert!(String::from_utf8(second["word/document.xml"].clone()).unwrap().contains("Ficha de implementación de la AEI.08.06"));
}
