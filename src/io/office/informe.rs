//! The Informe de evaluación as one Word document (its body, then every annexed ficha from a new
//! page, with their tables and charts), and every ficha as its own .docx in one .zip.

use crate::domain::document::{draft_informe, informe_key};
use crate::domain::{Selection, Workspace};

use super::docx::{docx_file_name, ficha_docx, Body};
use super::zip::ZipWriter;

/// The media type of the .zip download.
pub const ZIP_MIME: &str = "application/zip";

/// "Informe-2023.docx", "Informe-2023-S1.docx".
pub fn informe_file_name(selection: Selection) -> String {
    format!("Informe-{}.docx", informe_key(selection))
}

/// "Fichas-2023-S1.zip".
pub fn fichas_zip_name(selection: Selection) -> String {
    format!("Fichas-{}.zip", informe_key(selection))
}

/// The Informe as it prints: the parts with the user's edits, then the annexed fichas.
pub fn informe_docx(ws: &Workspace, selection: Selection) -> Vec<u8> {
    let informe = draft_informe(ws, selection).with_edits(&ws.narrative);
    let mut body = Body::new(ws, selection);
    body.title(&informe.title, false);
    for part in &informe.parts {
        body.aei_code = part.aei_code.clone();
        body.heading(&part.section.heading);
        for block in &part.section.blocks {
            body.block(block);
        }
    }
    for ficha in &informe.annexes {
        body.ficha(ficha, true);
    }
    body.package(&informe.title)
}

/// Every AEI's ficha of the year as its own .docx (named as the document page names it), in one .zip.
pub fn fichas_zip(ws: &Workspace, selection: Selection) -> Vec<u8> {
    let mut zip = ZipWriter::new();
    for aei in ws.year(selection.year).map_or(&[][..], |y| y.aeis.as_slice()) {
        zip.add(&docx_file_name(selection, &aei.code), &ficha_docx(ws, selection, &aei.code));
    }
    zip.finish()
}
