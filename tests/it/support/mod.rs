//! Archives the project's writer does not make (and reading entries back), for the reader's tests: deflated entries, declared sizes that differ from the data, runs that inflate far past their size.

use ficha::io::office::crc32;

/// One entry as its headers describe it, with its (already compressed) data.
pub struct RawEntry {
    pub name: String,
    /// 0 stored, 8 deflated.
    pub method: u16,
    pub data: Vec<u8>,
    pub crc: u32,
    /// The uncompressed size the headers declare.
    pub size: u32,
}

impl RawEntry {
    /// The bytes stored as they are.
    pub fn stored(name: &str, bytes: &[u8]) -> Self {
        RawEntry { name: name.to_string(), method: 0, data: bytes.to_vec(), crc: crc32(bytes), size: bytes.len() as u32 }
    }

    /// The text deflated, with its true CRC-32 and size.
    pub fn deflated(name: &str, text: &[u8]) -> Self {
        RawEntry {
            name: name.to_string(),
            method: 8,
            data: deflate(text),
            crc: crc32(text),
            size: text.len() as u32,
        }
    }
}

/// Raw deflate data of the bytes, as ZIP entries hold them.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Inflates raw deflate data.
pub fn inflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes).read_to_end(&mut out).unwrap();
    out
}

/// The text of one entry of an archive (stored or deflated).
pub fn entry_text(archive: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// A ZIP of the entries, in order, with their central directory.
pub fn zip_of(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = out.len() as u32;
        let fields = |sig: u32, out: &mut Vec<u8>, central: bool| {
            out.extend_from_slice(&sig.to_le_bytes());
            if central {
                out.extend_from_slice(&20u16.to_le_bytes());
            }
            for v in [20u16, 0, entry.method, 0, 33] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            for v in [entry.crc, entry.data.len() as u32, entry.size] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            out.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            if central {
                out.extend_from_slice(&[0; 10]);
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(entry.name.as_bytes());
        };
        fields(0x0403_4B50, &mut out, false);
        out.extend_from_slice(&entry.data);
        fields(0x0201_4B50, &mut central, true);
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4B50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&[0; 2]);
    out
}

/// A ZIP whose entries are deflated, as Excel writes them (the project's writer only stores).
pub fn deflated_zip(entries: &[(&str, String)]) -> Vec<u8> {
    zip_of(&entries.iter().map(|(name, text)| RawEntry::deflated(name, text.as_bytes())).collect::<Vec<_>>())
}

/// Deflate's bits, first bit lowest.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    pending: u64,
    count: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.pending |= u64::from(value) << self.count;
        self.count += count;
        while self.count >= 8 {
            self.out.push(self.pending as u8);
            self.pending >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code goes in from its highest bit.
    fn code(&mut self, code: u32, length: u32) {
        let reversed = (0..length).fold(0, |r, i| r | ((code >> i) & 1) << (length - 1 - i));
        self.put(reversed, length);
    }

    fn literal(&mut self, byte: u8) {
        assert!(byte < 144, "only the 8-bit literal codes are written");
        self.code(0x30 + u32::from(byte), 8);
    }

    /// A copy of 258 bytes from `distance` back: fixed code 285, then the distance code and its extra bits.
    fn copy_258(&mut self, distance: usize) {
        const BASES: [usize; 30] = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
            4097, 6145, 8193, 12289, 16385, 24577,
        ];
        let code = BASES.iter().rposition(|&base| base <= distance).expect("distance of at least 1");
        self.code(0xC5, 8);
        self.code(code as u32, 5);
        let extra = if code < 4 { 0 } else { code as u32 / 2 - 1 };
        self.put((distance - BASES[code]) as u32, extra);
    }

    fn finish(mut self) -> Vec<u8> {
        self.code(0, 7);
        if self.count > 0 {
            self.out.push(self.pending as u8);
        }
        self.out
    }
}

/// Raw deflate data (one block of fixed codes) for `prefix`, `unit` repeated `times`, `suffix`
/// (ASCII below 144). The repetition costs 13 to 26 bits for each 258 bytes, as in a ZIP bomb,
/// so gigabytes take a few megabytes.
pub fn deflate_repeated(prefix: &[u8], unit: &[u8], times: usize, suffix: &[u8]) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1);
    bits.put(1, 2);
    prefix.iter().for_each(|&b| bits.literal(b));
    if times > 0 {
        unit.iter().for_each(|&b| bits.literal(b));
        let mut left = unit.len() * (times - 1);
        while left >= 258 {
            bits.copy_258(unit.len());
            left -= 258;
        }
        // The rest as literals, continuing the unit where the copies stopped.
        let done = unit.len() * times - left;
        (done..done + left).for_each(|i| bits.literal(unit[i % unit.len()]));
    }
    suffix.iter().for_each(|&b| bits.literal(b));
    bits.finish()
}
pub mod ceplan;
