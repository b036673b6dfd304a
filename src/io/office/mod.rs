//! Office files out: XLSX sheets, the ficha and the Informe as Word documents (and the fichas in one .zip), and what both are made of (a stored
//! ZIP, XML text escaping). Reading workbooks is the importers' job, elsewhere in `io`.

mod docx;
mod escape;
mod informe;
mod xlsx;
mod zip;

pub use docx::{chart_part, chart_workbook_part, docx_file_name, ficha_docx, DOCX_MIME};
pub use escape::escape;
pub use informe::{fichas_zip, fichas_zip_name, informe_docx, informe_file_name, ZIP_MIME};
pub use xlsx::{column_name, write_workbook, Cell, Merge, Row, RowKind, Sheet, XLSX_MIME};
pub use zip::{crc32, ZipWriter};
