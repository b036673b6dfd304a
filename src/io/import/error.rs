//! Why a workbook gives no cells, in Spanish: archive, format, password, limits, damaged parts, error cells.

use std::fmt;

use crate::io::csv::CsvError;
use crate::io::limits::{megabytes, Exceeded, MAX_FILE_BYTES, MAX_INFLATED_BYTES};
use crate::io::office::column_name;

/// Why a ZIP archive (.xlsx, .ods) cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// No end-of-directory record: not a ZIP file, or cut short.
    NotZip,
    /// A compression other than stored and deflate.
    Unsupported(String),
    Encrypted,
    /// The entries would inflate to `bytes` in all, past [`MAX_INFLATED_BYTES`].
    TooLarge { bytes: u64 },
    /// An entry does not inflate to the size or checksum it declares.
    Corrupt,
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotZip => f.write_str("no es un archivo ZIP completo (¿se descargó a medias?)"),
            ArchiveError::Unsupported(what) => write!(f, "el archivo usa la compresión {what}, que no se puede leer"),
            ArchiveError::Encrypted => f.write_str("el archivo está protegido con contraseña; guárdelo sin contraseña"),
            ArchiveError::TooLarge { bytes } => write!(
                f,
                "su contenido ocupa {} descomprimido y el máximo es {} por archivo",
                megabytes(*bytes),
                megabytes(MAX_INFLATED_BYTES)
            ),
            ArchiveError::Corrupt => f.write_str(
                "el contenido comprimido está dañado (no coincide con el tamaño o la suma de verificación que declara)",
            ),
        }
    }
}

/// Why a workbook (.xlsx, .xls, .ods, or the Aplicativo's HTML ".xls") gives no cells; nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookError {
    Archive(ArchiveError),
    /// A ZIP that is no workbook (a .docx, an arbitrary archive).
    NotWorkbook,
    /// Excel's binary workbook, which calamine could open but Ficha does not read.
    Xlsb,
    /// A workbook saved with a password (an encrypted .xlsx, .xls or .ods).
    Password,
    /// More rows, columns, cells, text or styles than the readers take.
    Limit(Exceeded),
    /// A part of the workbook that cannot be read: what and where, as the reader said it.
    Damaged(String),
    /// A cell holds an error value Excel writes without saying where (`#SPILL!`, `#CALC!`).
    ErrorValue(String),
    /// Cells (zero-based row, column) holding a formula that was never calculated: the file was
    /// written by a program, not saved by a spreadsheet.
    FormulasWithoutValue(Vec<(u32, u32)>),
    /// The workbook has no sheet with cells.
    NoSheet,
}

/// "BE2": a cell by its zero-based row and column.
pub fn cell_reference(row: u32, column: u32) -> String {
    format!("{}{}", column_name(column as usize), row + 1)
}

impl fmt::Display for BookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BookError::Archive(error) => write!(f, "No se pudo abrir el libro de Excel: {error}"),
            BookError::NotWorkbook => {
                f.write_str("El archivo comprimido no es un libro de Excel (.xlsx): no contiene xl/workbook.xml")
            }
            BookError::Xlsb => f.write_str(
                "Es un libro binario de Excel (.xlsb), que Ficha no lee: ábralo en Excel y use Archivo › Guardar como › Libro de Excel (.xlsx)",
            ),
            BookError::Password => f.write_str(
                "El libro está protegido con contraseña; ábralo en Excel, quite la contraseña y guárdelo de nuevo",
            ),
            BookError::Limit(exceeded) => exceeded.fmt(f),
            BookError::Damaged(detail) => write!(
                f,
                "El libro está dañado y no se puede leer ({detail}); ábralo en Excel o LibreOffice y guárdelo de nuevo"
            ),
            BookError::ErrorValue(code) => write!(
                f,
                "El libro tiene una celda con el error {code}; corríjala en Excel y vuelva a guardar el archivo"
            ),
            BookError::FormulasWithoutValue(cells) => {
                let listed: Vec<String> = cells.iter().map(|&(r, c)| cell_reference(r, c)).collect();
                write!(
                    f,
                    "Celda{} {}: tiene{} una fórmula sin valor calculado; abra y guarde el archivo en Excel o LibreOffice",
                    if cells.len() == 1 { "" } else { "s" },
                    listed.join(", "),
                    if cells.len() == 1 { "" } else { "n" }
                )
            }
            BookError::NoSheet => f.write_str("El libro no tiene ninguna hoja con datos"),
        }
    }
}

impl From<Exceeded> for BookError {
    fn from(exceeded: Exceeded) -> Self {
        BookError::Limit(exceeded)
    }
}

impl From<ArchiveError> for BookError {
    fn from(error: ArchiveError) -> Self {
        BookError::Archive(error)
    }
}

/// Why a file gives no cells to validate; nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge { bytes: usize },
    Csv(CsvError),
    Book(BookError),
    /// No row of the file has anything in it.
    NoHeader,
    /// The Aplicativo CEPLAN's "programación financiera" export, not "Exporta POI".
    FinancialProgrammingExport,
}

impl FileError {
    /// What the user is told, one line per problem (each formula without value is one).
    pub fn messages(&self) -> Vec<String> {
        match self {
            FileError::Book(BookError::FormulasWithoutValue(cells)) => cells
                .iter()
                .map(|&(r, c)| BookError::FormulasWithoutValue(vec![(r, c)]).to_string())
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { bytes } => write!(
                f,
                "El archivo pesa {} y el máximo es {}; impórtelo en partes (lo que no está en el archivo se mantiene)",
                megabytes(*bytes as u64),
                megabytes(MAX_FILE_BYTES as u64)
            ),
            FileError::Csv(error) => error.fmt(f),
            FileError::Book(error) => error.fmt(f),
            FileError::NoHeader => f.write_str("El archivo está vacío: ninguna fila tiene nombres de columna"),
            FileError::FinancialProgrammingExport => f.write_str(
                "Es la exportación de programación financiera del Aplicativo CEPLAN (una fila por fuente y genérica de gasto); descargue «Exporta POI» por actividad operativa",
            ),
        }
    }
}

impl From<BookError> for FileError {
    fn from(error: BookError) -> Self {
        FileError::Book(error)
    }
}

impl From<Exceeded> for FileError {
    fn from(exceeded: Exceeded) -> Self {
        FileError::Book(BookError::Limit(exceeded))
    }
}
