//! Exchange formats: bytes in, domain out (and back); `office/` writes the Word and Excel files.

pub mod ao_sheet;
pub mod csv;
pub mod first_screen;
pub mod import;
pub mod limits;
pub mod office;
pub mod recommendations_csv;
pub mod ao_file;
pub mod backup;
pub mod tables;
