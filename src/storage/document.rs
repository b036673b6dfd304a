//! The stored document: format name, schema version, migrations; text in, workspace out.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::stamp::Stamp;
use crate::domain::calendar::Date;
use crate::domain::limits::{check_workspace, OutOfBounds};
use crate::domain::recommendations::{Recommendation, RecommendationKind, RecommendationSource, RecommendationType};
use crate::domain::plan::MonthlyValues;
use crate::domain::{Selection, Workspace};

/// Name written at the top of every stored document and backup.
pub const FORMAT_NAME: &str = "ficha-workspace";
/// Schema version this build writes.
pub const CURRENT_VERSION: u32 = 4;

/// Why stored text could not be read. The raw text is always kept by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// Not JSON, or JSON that does not hold a workspace.
    Broken(String),
    /// Another program's file.
    UnknownFormat,
    /// Written by a newer build of the app.
    Newer(u32),
    /// Reads, but holds a figure past the bounds of docs/LIMITS.md: opened, it could stop a table.
    OutOfBounds(OutOfBounds),
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::Broken(detail) => write!(f, "el contenido está dañado y no se puede leer ({detail})"),
            DocumentError::UnknownFormat => {
                write!(f, "el archivo no es un espacio de trabajo de Ficha (falta \"format\": \"{FORMAT_NAME}\")")
            }
            DocumentError::Newer(v) => write!(
                f,
                "los datos fueron guardados por una versión más reciente de Ficha (formato {v}; esta versión lee hasta el {CURRENT_VERSION}). Actualice la página"
            ),
            DocumentError::OutOfBounds(figure) => write!(f, "contiene una cifra fuera de los límites de Ficha ({figure})"),
        }
    }
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u32,
    revision: u64,
    /// The tab that saved it (`Stamp::writer`); a backup has none.
    #[serde(skip_serializing_if = "str::is_empty")]
    writer: &'a str,
    workspace: &'a Workspace,
}

/// The envelope with the workspace left as unparsed text: the version decides how to read it.
#[derive(Deserialize)]
struct Envelope<'a> {
    format: Option<String>,
    version: Option<u32>,
    #[serde(borrow)]
    workspace: Option<&'a RawValue>,
}

/// The workspace as stored text, stamped with the save it is: a revision that grows with every
/// save, and the tab that wrote it.
pub fn encode_stamped(workspace: &Workspace, stamp: &Stamp) -> String {
    let (revision, writer) = (stamp.revision, stamp.writer.as_str());
    serde_json::to_string(&DocumentOut { format: FORMAT_NAME, version: CURRENT_VERSION, revision, writer, workspace })
        .expect("a workspace always serializes")
}

/// The workspace as a backup file (revision 0, no writer).
pub fn encode(workspace: &Workspace) -> String {
    encode_stamped(workspace, &Stamp::default())
}

/// A stored document read back: the workspace, and the view a version 1 document kept in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub workspace: Workspace,
    /// Version 1 kept the year, version and period being viewed inside the workspace; from
    /// version 2 on each tab keeps its own, and an older document's becomes the tab's first view.
    pub view: Option<Selection>,
}

/// The view inside a version 1 workspace.
#[derive(Deserialize)]
struct ViewOfVersion1 {
    selection: Option<Selection>,
}

/// The save stamped on stored text (revision 0, no writer, when absent or unreadable); a tab must
/// not overwrite a save it has not seen (`stamp::standing`).
pub fn stamp_of(text: &str) -> Stamp {
    serde_json::from_str(text).unwrap_or_default()
}

/// Reads stored text, migrating older schema versions, and checks every figure against its
/// bounds; never panics.
pub fn decode(text: &str) -> Result<Workspace, DocumentError> {
    decode_document(text).map(|decoded| decoded.workspace)
}

/// Reads stored text with the view an older version kept, and checks every figure against its
/// bounds; never panics.
pub fn decode_document(text: &str) -> Result<Decoded, DocumentError> {
    let decoded = read(text)?;
    check_workspace(&decoded.workspace).map_err(DocumentError::OutOfBounds)?;
    Ok(decoded)
}

fn read(text: &str) -> Result<Decoded, DocumentError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| DocumentError::Broken(e.to_string()))?;
    if envelope.format.as_deref() != Some(FORMAT_NAME) {
        return Err(DocumentError::UnknownFormat);
    }
    let version = envelope.version.ok_or_else(|| DocumentError::Broken("falta \"version\"".into()))?;
    if version > CURRENT_VERSION {
        return Err(DocumentError::Newer(version));
    }
    let workspace = envelope.workspace.ok_or_else(|| DocumentError::Broken("falta \"workspace\"".into()))?;
    let broken = |e: serde_json::Error| DocumentError::Broken(e.to_string());
    // The current version is read straight from the text into the typed model, with no
    // intermediate JSON tree; version 0 goes through `Value` and comes back as text, so the
    // model's Deserialize impls are compiled for one deserializer only.
    match version {
        CURRENT_VERSION => Ok(Decoded { workspace: serde_json::from_str(workspace.get()).map_err(broken)?, view: None }),
        // Version 2 is version 3 without the import's fields (what the import remembers, an AO's
        // annual financial totals and monthly notes), which all default.
        3 | 2 => {
            let typed = serde_json::from_str(workspace.get()).map_err(broken)?;
            Ok(Decoded { workspace: section5_into_register(workspace.get(), typed)?, view: None })
        }
        1 => {
            let decoded = view_out_of_workspace(workspace.get())?;
            Ok(Decoded { workspace: section5_into_register(workspace.get(), decoded.workspace)?, ..decoded })
        }
        0 => {
            let value = serde_json::from_str(workspace.get()).map_err(broken)?;
            let migrated = months_from_arrays(value)?.to_string();
            let decoded = view_out_of_workspace(&migrated)?;
            Ok(Decoded { workspace: section5_into_register(&migrated, decoded.workspace)?, ..decoded })
        }
        other => Err(DocumentError::Broken(format!("versión de formato desconocida: {other}"))),
    }
}

/// A document of a newer version, read as far as this build can: its workspace as if it were of
/// the current version (fields this build does not know are left out), to show it read-only.
/// `None` when the newer layout does not read so, or the text is not a newer document.
pub fn read_newer(text: &str) -> Option<Workspace> {
    let envelope: Envelope = serde_json::from_str(text).ok()?;
    let newer = envelope.format.as_deref() == Some(FORMAT_NAME) && envelope.version.is_some_and(|v| v > CURRENT_VERSION);
    newer.then_some(())?;
    let workspace: Workspace = serde_json::from_str(envelope.workspace?.get()).ok()?;
    // Shown, so held to the bounds like any other figure this build opens.
    check_workspace(&workspace).is_ok().then_some(workspace)
}

/// Version 1 → 2: the workspace is the same but for `selection` (the view), which moves out to
/// the tab. The model ignores the field, so the text is read once as the workspace and once for it.
fn view_out_of_workspace(text: &str) -> Result<Decoded, DocumentError> {
    let broken = |e: serde_json::Error| DocumentError::Broken(e.to_string());
    let workspace = serde_json::from_str(text).map_err(broken)?;
    let view = serde_json::from_str::<ViewOfVersion1>(text).map_err(broken)?.selection;
    Ok(Decoded { workspace, view })
}

/// What versions 0 to 3 kept for section 5 in each AEI's narrative: the report cited, its
/// recommendations and one follow-up paragraph.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Section5Before4 {
    source_report: String,
    recommendations: Vec<String>,
    follow_up: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AeiBefore4 {
    previous_evaluation: Section5Before4,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NarrativeBefore4 {
    aeis: std::collections::BTreeMap<String, AeiBefore4>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct WorkspaceBefore4 {
    narrative: NarrativeBefore4,
}

/// Versions 0 to 3 → 4: section 5 reads the register (docs/RECOMMENDATIONS.md) instead of a narrative
/// field of each AEI. Each recommendation that field held becomes a recommendation of a previous
/// evaluation linked to its AEI, with the follow-up paragraph, dated 1 January of the workspace's
/// first year (so every ficha of it lists it); one the register already holds (same report and
/// text, as the example's) is not added twice; a follow-up without recommendations is kept as one.
fn section5_into_register(text: &str, mut workspace: Workspace) -> Result<Workspace, DocumentError> {
    let old: WorkspaceBefore4 = serde_json::from_str(text).map_err(|e| DocumentError::Broken(e.to_string()))?;
    let first_year = workspace.years.iter().map(|y| y.year).min().unwrap_or(2000);
    let date = Date::new(first_year, 1, 1).unwrap_or(Date::MIN);
    for (aei_code, aei) in old.narrative.aeis {
        let section5 = aei.previous_evaluation;
        let report = match section5.source_report.trim() {
            "" => "Evaluación previa".to_string(),
            cited => cited.to_string(),
        };
        let mut texts: Vec<String> =
            section5.recommendations.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
        if texts.is_empty() && !section5.follow_up.trim().is_empty() {
            texts.push("Seguimiento de las recomendaciones de evaluaciones previas".to_string());
        }
        for text in texts {
            let register = &mut workspace.recommendations;
            let same_report = |r: &&Recommendation| r.report_key() == report;
            let of_report: Vec<&Recommendation> =
                register.recommendations_of(RecommendationKind::PreviousEvaluation).filter(same_report).collect();
            if of_report.iter().any(|r| r.text.trim() == text) {
                continue;
            }
            let number = (of_report.len() + 1..).map(|n| n.to_string()).find(|n| of_report.iter().all(|r| r.number.trim() != n));
            let source = RecommendationSource::PreviousEvaluation { report: report.clone(), date };
            let mut recommendation =
                Recommendation::new(source, &number.unwrap_or_default(), &text, RecommendationType::ManagementImprovement);
            recommendation.follow_up = section5.follow_up.trim().to_string();
            recommendation.aei_code = aei_code.clone();
            register.add_recommendation(recommendation).map_err(|e| DocumentError::Broken(format!("sección 5: {e}")))?;
        }
    }
    Ok(workspace)
}

/// Version 0 (the pre-release layout, docs/FORMAT-backup.md) wrote each AO's and inversión's
/// monthly values as two arrays of twelve decimal strings, `"programmed"` and `"executed"`;
/// version 1 writes the compact `"p"`/`"e"` strings. The values are read as decimals and written
/// back by the current serializer, so the two layouts cannot drift apart.
fn months_from_arrays(mut workspace: Value) -> Result<Value, DocumentError> {
    let broken = |detail: String| DocumentError::Broken(format!("formato 0: {detail}"));
    let years = workspace.get_mut("years").and_then(Value::as_array_mut).into_iter().flatten();
    let versions = years.flat_map(|year| year.pointer_mut("/poi/versions").and_then(Value::as_array_mut).into_iter().flatten());
    for version in versions {
        for list in ["activities", "investments"] {
            let items = version.get_mut(list).and_then(Value::as_array_mut).into_iter().flatten();
            for item in items {
                for series in ["physical", "financial"] {
                    let Some(months) = item.get_mut(series) else { continue };
                    if months.get("programmed").is_none() && months.get("executed").is_none() {
                        continue;
                    }
                    let monthly = MonthlyValues {
                        programmed: twelve(months.get("programmed")).map_err(|e| broken(format!("{series}.programmed: {e}")))?,
                        executed: twelve(months.get("executed")).map_err(|e| broken(format!("{series}.executed: {e}")))?,
                    };
                    *months = serde_json::to_value(monthly).map_err(|e| broken(e.to_string()))?;
                }
            }
        }
    }
    Ok(workspace)
}

/// Twelve decimal strings (an empty string is 0; a missing array is all zeros).
fn twelve(array: Option<&Value>) -> Result<[Decimal; 12], String> {
    let mut months = [Decimal::ZERO; 12];
    let Some(array) = array else { return Ok(months) };
    let values = array.as_array().ok_or("no es una lista de 12 meses")?;
    if values.len() != 12 {
        return Err(format!("tiene {} meses y deben ser 12", values.len()));
    }
    for (slot, value) in months.iter_mut().zip(values) {
        let text = value.as_str().ok_or_else(|| format!("{value} no es un texto decimal"))?;
        if !text.is_empty() {
            *slot = Decimal::from_str(text).map_err(|_| format!("«{text}» no es un número"))?;
        }
    }
    Ok(months)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{reference_workspace, REFERENCE_VIEW};
    use crate::domain::plan::Period;

    #[test]
    fn encode_then_decode_gives_back_the_same_workspace() {
        let ws = reference_workspace();
        assert_eq!(decode(&encode(&ws)), Ok(ws));
    }

    #[test]
    fn monthly_values_are_stored_as_compact_decimal_strings() {
        let text = encode(&reference_workspace());
        assert!(text.contains("\"||||||3500|3500|3500|3500|3500|3500\""), "soles are decimal text, never floats");
    }

    #[test]
    fn a_negative_or_garbled_month_is_refused_on_load() {
        let text = encode(&reference_workspace()).replacen("|3500|", "|-3500|", 1);
        assert_eq!(
            decode(&text).unwrap_err().to_string(),
            "contiene una cifra fuera de los límites de Ficha (Año 2023, POI Modificado versión 2, AO AOI00106600085, Programación financiera (S/), Jul: «-3500» no puede ser negativo)"
        );
        let text = encode(&reference_workspace()).replacen("|3500|", "|35x0|", 1);
        assert!(matches!(decode(&text), Err(DocumentError::Broken(_))));
    }

    #[test]
    fn the_workspace_may_come_before_the_version_in_the_text() {
        let ws = reference_workspace();
        let workspace = serde_json::to_string(&ws).unwrap();
        let text = format!("{{\"workspace\":{workspace},\"version\":{CURRENT_VERSION},\"format\":\"{FORMAT_NAME}\"}}");
        assert_eq!(decode(&text), Ok(ws));
    }

    #[test]
    fn a_null_workspace_is_refused_as_missing() {
        let text = format!("{{\"format\":\"{FORMAT_NAME}\",\"version\":{CURRENT_VERSION},\"workspace\":null}}");
        assert_eq!(decode(&text), Err(DocumentError::Broken("falta \"workspace\"".into())));
    }

    #[test]
    fn the_stamp_is_read_without_the_workspace() {
        let stamp = Stamp { revision: 42, writer: "tab-1".to_string() };
        let text = encode_stamped(&reference_workspace(), &stamp);
        assert!(text.starts_with(r#"{"format":"ficha-workspace","version":4,"revision":42,"writer":"tab-1","workspace":"#));
        assert_eq!(stamp_of(&text), stamp);
        assert_eq!(stamp_of(&encode(&reference_workspace())), Stamp::default(), "a backup names no writer");
        assert_eq!(stamp_of("{broken"), Stamp::default());
    }

    /// The example as a version 1 document wrote it: the workspace with its `selection`.
    fn version1_text(selection: &str) -> String {
        let workspace = serde_json::to_string(&reference_workspace()).unwrap();
        let workspace = format!("{},\"selection\":{selection}}}", &workspace[..workspace.len() - 1]);
        format!("{{\"format\":\"{FORMAT_NAME}\",\"version\":1,\"revision\":7,\"workspace\":{workspace}}}")
    }

    #[test]
    fn a_version1_document_keeps_its_figures_and_gives_its_view_to_the_tab() {
        let text = version1_text(r#"{"year":2023,"version":2,"period":"FirstHalf"}"#);
        let decoded = decode_document(&text).unwrap();
        assert_eq!(decoded.workspace, reference_workspace());
        assert_eq!(decoded.view, Some(Selection { year: 2023, version: Some(2), period: Period::FirstHalf }));
        let cuadro1 = decoded.workspace.cuadro1(REFERENCE_VIEW, "AEI.08.05").unwrap();
        assert_eq!(cuadro1.aei.financial_execution, Decimal::new(21_000, 0));
        assert_eq!(stamp_of(&text).revision, 7);
    }

    #[test]
    fn a_version2_document_reads_without_the_import_fields() {
        let text = encode(&reference_workspace()).replacen(r#""version":4"#, r#""version":2"#, 1);
        assert!(!text.contains("\"imports\"") && !text.contains("financial_annual"), "defaults are not written");
        assert_eq!(decode(&text).unwrap(), reference_workspace());
    }

    #[test]
    fn a_version2_document_holds_no_view() {
        let text = encode(&reference_workspace()).replacen(r#""version":4"#, r#""version":2"#, 1);
        assert!(text.starts_with(r#"{"format":"ficha-workspace","version":2,"#));
        assert!(!text.contains("\"selection\""));
        assert_eq!(decode_document(&text).unwrap().view, None);
        let text = text.replacen(r#""is_example""#, r#""selection":{"year":2023},"is_example""#, 1);
        assert_eq!(decode_document(&text).unwrap().view, None, "a view in a version 2 document is ignored");
    }

    /// A version 2 document whose AEI narrative holds section 5 as text, as versions up to 2 kept it.
    fn version2_with_section5(section5: &str) -> String {
        let mut ws = reference_workspace();
        ws.recommendations = Default::default();
        let text = encode(&ws).replacen(r#""version":4"#, r#""version":2"#, 1);
        text.replacen(r#""reports_icp":true,"#, &format!(r#""reports_icp":true,"previous_evaluation":{section5},"#), 1)
    }

    #[test]
    fn version2_section5_text_moves_into_the_register_linked_to_its_aei() {
        let text = version2_with_section5(
            r#"{"source_report":"Informe de evaluación del POI 2023 – I semestre","recommendations":["Revisar metas.",""," Visitar sedes. "],"follow_up":"Se atendieron."}"#,
        );
        assert!(text.contains("previous_evaluation"));
        let ws = decode(&text).unwrap();
        let moved = ws.recommendations.recommendations();
        assert_eq!(moved.iter().map(|r| (r.number.as_str(), r.text.as_str())).collect::<Vec<_>>(), [("1", "Revisar metas."), ("2", "Visitar sedes.")]);
        assert!(moved.iter().all(|r| r.aei_code == "AEI.08.05" && r.follow_up == "Se atendieron."));
        assert_eq!(moved[0].report_key(), "Informe de evaluación del POI 2023 – I semestre");
        assert_eq!(
            moved[0].source,
            RecommendationSource::PreviousEvaluation { report: moved[0].report_key().to_string(), date: Date::new(2023, 1, 1).unwrap() }
        );
        assert!(!encode(&ws).contains("previous_evaluation"), "the narrative field is gone");
        let version3 = text.replacen(r#""version":2"#, r#""version":3"#, 1);
        assert_eq!(decode(&version3).unwrap(), ws, "a version 3 document (with the import's fields) moves it too");
    }

    #[test]
    fn version2_section5_already_in_the_register_is_not_added_twice() {
        let reference = reference_workspace();
        let texts: Vec<String> = reference.recommendations.recommendations().iter().map(|r| format!("{:?}", r.text)).collect();
        let report = reference.recommendations.recommendations()[0].report_key().to_string();
        let text = encode(&reference).replacen(r#""version":4"#, r#""version":2"#, 1).replacen(
            r#""reports_icp":true,"#,
            &format!(r#""reports_icp":true,"previous_evaluation":{{"source_report":{report:?},"recommendations":[{}],"follow_up":"x"}},"#, texts.join(",")),
            1,
        );
        assert_eq!(decode(&text).unwrap(), reference);
        let only_follow_up = decode(&version2_with_section5(r#"{"follow_up":"Sin recomendaciones previas."}"#)).unwrap();
        assert_eq!(only_follow_up.recommendations.recommendations()[0].follow_up, "Sin recomendaciones previas.");
    }

    #[test]
    fn a_version1_view_that_is_not_a_view_makes_the_document_broken() {
        assert!(matches!(decode(&version1_text(r#"{"year":"dos mil"}"#)), Err(DocumentError::Broken(_))));
    }

    #[test]
    fn a_newer_document_is_shown_as_far_as_it_reads_and_only_then() {
        let text = encode(&reference_workspace()).replacen(r#""version":4"#, r#""version":5"#, 1);
        assert_eq!(decode(&text), Err(DocumentError::Newer(5)));
        let with_more = text.replacen(r#""is_example""#, r#""a_field_of_version_5":[1,2],"is_example""#, 1);
        assert_eq!(read_newer(&with_more), Some(reference_workspace()));
        assert_eq!(read_newer(&text.replacen(r#""years":["#, r#""years":{"list":["#, 1)), None, "a layout this build cannot read");
        assert_eq!(read_newer(&encode(&reference_workspace())), None, "not newer");
    }

    #[test]
    fn broken_unknown_and_newer_documents_are_refused() {
        assert!(matches!(decode("{not json"), Err(DocumentError::Broken(_))));
        assert_eq!(decode("{\"hello\":1}"), Err(DocumentError::UnknownFormat));
        assert_eq!(decode("{\"format\":\"ficha-workspace\",\"version\":99,\"workspace\":{}}"), Err(DocumentError::Newer(99)));
        assert!(matches!(decode("{\"format\":\"ficha-workspace\",\"version\":1,\"workspace\":{}}"), Err(DocumentError::Broken(_))));
        assert!(matches!(decode("{\"format\":\"ficha-workspace\",\"version\":2,\"workspace\":{}}"), Err(DocumentError::Broken(_))));
        assert!(matches!(decode("{\"format\":\"ficha-workspace\",\"version\":3,\"workspace\":{}}"), Err(DocumentError::Broken(_))));
        assert!(decode("").is_err());
    }
}
