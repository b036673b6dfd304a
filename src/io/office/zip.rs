//! A minimal ZIP writer: stored (uncompressed) entries with their CRC-32, enough for Office files.

/// The CRC-32 table of the ZIP format (reflected polynomial 0xEDB88320), built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 a ZIP entry records for its bytes.
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8))
}

/// 1980-01-01 00:00 in MS-DOS form: a fixed stamp, so the same document gives the same bytes.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Version 2.0: what readers expect of stored entries.
const VERSION: u16 = 20;
/// General-purpose flag 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// Builds an archive entry by entry; `finish` writes the central directory.
#[derive(Debug, Default)]
pub struct ZipWriter {
    bytes: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

impl ZipWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file stored as is. Office files are small; 4 GiB and 65,535 entries are out of reach.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let size = u32::try_from(data.len()).expect("entry under 4 GiB");
        let offset = u32::try_from(self.bytes.len()).expect("archive under 4 GiB");
        let name_len = u16::try_from(name.len()).expect("short entry name");
        let local = &mut self.bytes;
        put32(local, 0x0403_4B50);
        put16(local, VERSION);
        put16(local, UTF8_NAMES);
        put16(local, 0); // stored
        put16(local, DOS_TIME);
        put16(local, DOS_DATE);
        put32(local, crc);
        put32(local, size);
        put32(local, size);
        put16(local, name_len);
        put16(local, 0);
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(data);

        let central = &mut self.central;
        put32(central, 0x0201_4B50);
        put16(central, VERSION);
        put16(central, VERSION);
        put16(central, UTF8_NAMES);
        put16(central, 0);
        put16(central, DOS_TIME);
        put16(central, DOS_DATE);
        put32(central, crc);
        put32(central, size);
        put32(central, size);
        put16(central, name_len);
        put16(central, 0); // extra
        put16(central, 0); // comment
        put16(central, 0); // disk
        put16(central, 0); // internal attributes
        put32(central, 0); // external attributes
        put32(central, offset);
        central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The archive's bytes: the entries, their central directory and its end record.
    pub fn finish(mut self) -> Vec<u8> {
        let directory_offset = u32::try_from(self.bytes.len()).expect("archive under 4 GiB");
        let directory_size = u32::try_from(self.central.len()).expect("directory under 4 GiB");
        self.bytes.append(&mut self.central);
        let end = &mut self.bytes;
        put32(end, 0x0605_4B50);
        put16(end, 0);
        put16(end, 0);
        put16(end, self.entries);
        put16(end, self.entries);
        put32(end, directory_size);
        put32(end, directory_offset);
        put16(end, 0);
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_empty_archive_is_only_its_end_record() {
        let bytes = ZipWriter::new().finish();
        assert_eq!(bytes.len(), 22);
        assert_eq!(&bytes[..4], b"PK\x05\x06");
    }
}
