//! A small ZIP reader: the central directory, stored and deflated entries, enough to open .xlsx files.

use std::fmt;

use super::limits::{megabytes, MAX_INFLATED_BYTES};
use super::office::crc32;

const LOCAL_HEADER: u32 = 0x0403_4B50;
const CENTRAL_HEADER: u32 = 0x0201_4B50;
const END_OF_DIRECTORY: u32 = 0x0605_4B50;
/// The end record is 22 bytes plus a comment of at most 65,535.
const END_SEARCH: usize = 22 + 0xFFFF;

/// Why an archive or one of its entries cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnzipError {
    /// No end-of-directory record: not a ZIP file, or cut short.
    NotZip,
    /// A record points outside the file or has a wrong signature.
    Damaged(&'static str),
    /// ZIP64, or a compression other than stored and deflate.
    Unsupported(&'static str),
    Encrypted,
    /// The entries would inflate to `bytes` in all, past [`MAX_INFLATED_BYTES`].
    TooLarge { bytes: u64 },
    /// The inflated bytes do not match the recorded CRC-32 or size.
    Corrupt,
}

impl fmt::Display for UnzipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UnzipError::NotZip => f.write_str("no es un archivo ZIP completo (¿se descargó a medias?)"),
            UnzipError::Damaged(what) => write!(f, "el archivo ZIP está dañado ({what})"),
            UnzipError::Unsupported(what) => write!(f, "el archivo usa {what}, que no se puede leer"),
            UnzipError::Encrypted => f.write_str("el archivo está protegido con contraseña; guárdelo sin contraseña"),
            UnzipError::TooLarge { bytes } => write!(
                f,
                "su contenido ocupa {} descomprimido y el máximo es {} por archivo",
                megabytes(*bytes),
                megabytes(MAX_INFLATED_BYTES)
            ),
            UnzipError::Corrupt => f.write_str(
                "el contenido comprimido está dañado (no coincide con el tamaño o la suma de verificación que declara)",
            ),
        }
    }
}

/// One file of the archive, as its central directory describes it.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    flags: u16,
    crc: u32,
    compressed_size: usize,
    size: usize,
    local_offset: usize,
}

/// An archive opened over its bytes; entries are inflated only when read.
#[derive(Debug)]
pub struct ZipArchive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn usize_at(bytes: &[u8], at: usize) -> Option<usize> {
    u32_at(bytes, at).map(|v| v as usize)
}

impl<'a> ZipArchive<'a> {
    /// Reads the central directory; nothing is inflated yet.
    pub fn open(bytes: &'a [u8]) -> Result<Self, UnzipError> {
        let search_from = bytes.len().saturating_sub(END_SEARCH);
        let end = (search_from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&at| u32_at(bytes, at) == Some(END_OF_DIRECTORY))
            .ok_or(UnzipError::NotZip)?;
        let count = u16_at(bytes, end + 10).ok_or(UnzipError::NotZip)?;
        let directory_offset = u32_at(bytes, end + 16).ok_or(UnzipError::NotZip)?;
        if count == 0xFFFF || directory_offset == 0xFFFF_FFFF {
            return Err(UnzipError::Unsupported("el formato ZIP64"));
        }
        let mut entries = Vec::with_capacity(usize::from(count));
        let mut at = directory_offset as usize;
        for _ in 0..count {
            entries.push(Self::central_entry(bytes, at)?);
            let lengths = (u16_at(bytes, at + 28), u16_at(bytes, at + 30), u16_at(bytes, at + 32));
            let (Some(name), Some(extra), Some(comment)) = lengths else {
                return Err(UnzipError::Damaged("directorio central incompleto"));
            };
            at += 46 + usize::from(name) + usize::from(extra) + usize::from(comment);
        }
        // Every entry is refused past its declared size, so the declared sizes bound what inflating
        // can allocate: a ZIP bomb is refused here, before anything is inflated.
        let inflated: u64 = entries.iter().map(|e| e.size as u64).sum();
        if inflated > MAX_INFLATED_BYTES {
            return Err(UnzipError::TooLarge { bytes: inflated });
        }
        Ok(Self { bytes, entries })
    }

    fn central_entry(bytes: &[u8], at: usize) -> Result<Entry, UnzipError> {
        if u32_at(bytes, at) != Some(CENTRAL_HEADER) {
            return Err(UnzipError::Damaged("directorio central"));
        }
        let damaged = || UnzipError::Damaged("directorio central incompleto");
        let name_length = usize::from(u16_at(bytes, at + 28).ok_or_else(damaged)?);
        let name = bytes.get(at + 46..at + 46 + name_length).ok_or_else(damaged)?;
        let compressed_size = usize_at(bytes, at + 20).ok_or_else(damaged)?;
        let size = usize_at(bytes, at + 24).ok_or_else(damaged)?;
        let local_offset = usize_at(bytes, at + 42).ok_or_else(damaged)?;
        if [compressed_size, size, local_offset].contains(&0xFFFF_FFFF) {
            return Err(UnzipError::Unsupported("el formato ZIP64"));
        }
        Ok(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            flags: u16_at(bytes, at + 8).ok_or_else(damaged)?,
            method: u16_at(bytes, at + 10).ok_or_else(damaged)?,
            crc: u32_at(bytes, at + 16).ok_or_else(damaged)?,
            compressed_size,
            size,
            local_offset,
        })
    }

    /// The bytes of the named entry, inflated and checked; `None` when the archive has no such entry.
    /// Names match without regard to case, as Office does.
    pub fn read(&self, name: &str) -> Option<Result<Vec<u8>, UnzipError>> {
        let entry = self.entries.iter().find(|e| e.name.eq_ignore_ascii_case(name))?;
        Some(self.inflate(entry))
    }

    fn inflate(&self, entry: &Entry) -> Result<Vec<u8>, UnzipError> {
        if entry.flags & 1 != 0 {
            return Err(UnzipError::Encrypted);
        }
        let at = entry.local_offset;
        if u32_at(self.bytes, at) != Some(LOCAL_HEADER) {
            return Err(UnzipError::Damaged("cabecera local"));
        }
        let damaged = || UnzipError::Damaged("entrada incompleta");
        let name_length = usize::from(u16_at(self.bytes, at + 26).ok_or_else(damaged)?);
        let extra_length = usize::from(u16_at(self.bytes, at + 28).ok_or_else(damaged)?);
        let start = at + 30 + name_length + extra_length;
        let data =
            start.checked_add(entry.compressed_size).and_then(|end| self.bytes.get(start..end)).ok_or_else(damaged)?;
        let out = match entry.method {
            0 if data.len() == entry.size => data.to_vec(),
            0 => return Err(UnzipError::Corrupt),
            // Inflating stops one byte past the declared size: more is a damaged (or hostile) entry.
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, entry.size.saturating_add(1))
                .map_err(|_| UnzipError::Corrupt)?,
            _ => return Err(UnzipError::Unsupported("una compresión distinta de deflate")),
        };
        if out.len() != entry.size || crc32(&out) != entry.crc {
            return Err(UnzipError::Corrupt);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::office::ZipWriter;

    #[test]
    fn stored_entries_written_by_the_zip_writer_read_back() {
        let mut zip = ZipWriter::new();
        zip.add("a.txt", b"hola");
        zip.add("xl/worksheets/sheet1.xml", "año".as_bytes());
        let bytes = zip.finish();
        let archive = ZipArchive::open(&bytes).unwrap();
        assert_eq!(archive.read("A.TXT"), Some(Ok(b"hola".to_vec())));
        assert_eq!(archive.read("xl/worksheets/sheet1.xml"), Some(Ok("año".as_bytes().to_vec())));
        assert_eq!(archive.read("missing"), None);
    }

    #[test]
    fn a_flipped_byte_is_caught_by_the_checksum() {
        let mut zip = ZipWriter::new();
        zip.add("a.txt", b"hola");
        let mut bytes = zip.finish();
        let at = bytes.windows(4).position(|w| w == b"hola").unwrap();
        bytes[at] = b'H';
        assert_eq!(ZipArchive::open(&bytes).unwrap().read("a.txt"), Some(Err(UnzipError::Corrupt)));
    }

    #[test]
    fn text_and_truncated_archives_are_not_zip() {
        assert_eq!(ZipArchive::open(b"aei_codigo;cc_codigo").unwrap_err(), UnzipError::NotZip);
        let mut zip = ZipWriter::new();
        zip.add("a.txt", b"hola");
        let bytes = zip.finish();
        assert_eq!(ZipArchive::open(&bytes[..bytes.len() - 30]).unwrap_err(), UnzipError::NotZip);
    }
}
