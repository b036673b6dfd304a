//! Exchange formats: bytes in, domain out (and back).

pub mod ao_sheet;
pub mod csv;
pub mod docx;
pub mod zip;
