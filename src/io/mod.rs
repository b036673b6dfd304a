//! Exchange formats: bytes in, domain out (and back).

pub mod ao_sheet;
pub mod csv;
pub mod import;
pub mod limits;
pub mod docx;
pub mod recommendations_csv;
pub mod zip;
pub mod xlsx;
pub mod ao_file;
pub mod backup;
pub mod tables;
