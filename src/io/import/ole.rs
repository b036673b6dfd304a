//! A lenient reader of OLE compound files (the container of .xls workbooks): the names of its
//! streams and the bytes of one, as calamine itself reads them. SheetJS and other writers leave the
//! allocation table longer than the file, which strict readers refuse.

/// Marks of the sector chains: end of a chain, and sectors of the allocation tables themselves.
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

/// Why the container cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged;

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, Damaged> {
    bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or(Damaged)
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, Damaged> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok_or(Damaged)
}

/// One stream of the container.
struct Entry {
    name: String,
    start: u32,
    size: u64,
}

/// A compound file read from its bytes.
pub struct Ole<'a> {
    bytes: &'a [u8],
    sector: usize,
    mini_sector: usize,
    mini_cutoff: u64,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    /// The root entry's stream: where the small streams live.
    mini_stream: Vec<u8>,
    entries: Vec<Entry>,
}

impl<'a> Ole<'a> {
    /// Reads the header, the allocation tables and the directory.
    pub fn open(bytes: &'a [u8]) -> Result<Ole<'a>, Damaged> {
        if bytes.len() < 512 || !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Err(Damaged);
        }
        let sector = 1usize.checked_shl(u32::from(u16_at(bytes, 0x1E)?)).filter(|s| (512..=4096).contains(s)).ok_or(Damaged)?;
        let mini_sector = 1usize.checked_shl(u32::from(u16_at(bytes, 0x20)?)).filter(|s| *s <= sector).ok_or(Damaged)?;
        let fat_sectors = u32_at(bytes, 0x2C)? as usize;
        let sectors = bytes.len() / sector;
        if fat_sectors > sectors {
            return Err(Damaged);
        }
        let mut ole = Ole {
            bytes,
            sector,
            mini_sector,
            mini_cutoff: u64::from(u32_at(bytes, 0x38)?),
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            entries: Vec::new(),
        };
        // The first 109 sectors of the table are listed in the header, the rest in a chain of lists.
        let mut fat_list: Vec<u32> = (0..109).map(|i| u32_at(bytes, 0x4C + 4 * i)).collect::<Result<_, _>>()?;
        let mut next = u32_at(bytes, 0x44)?;
        let per_sector = sector / 4;
        while next < END_OF_CHAIN && fat_list.len() < fat_sectors + per_sector {
            let list = ole.sector_bytes(next)?;
            fat_list.extend((0..per_sector - 1).map(|i| u32_at(list, 4 * i).unwrap_or(FREE)));
            next = u32_at(list, sector - 4)?;
        }
        for &at in fat_list.iter().take(fat_sectors) {
            let table = ole.sector_bytes(at)?;
            ole.fat.extend((0..per_sector).map(|i| u32_at(table, 4 * i).unwrap_or(FREE)));
        }
        let directory = ole.chain(u32_at(bytes, 0x30)?, None)?;
        for record in directory.chunks_exact(128) {
            let length = usize::from(u16_at(record, 64)?).min(64);
            let units: Vec<u16> = (0..length / 2).map(|i| u16_at(record, 2 * i).unwrap_or(0)).take_while(|&u| u != 0).collect();
            let size = if sector == 512 { u64::from(u32_at(record, 120)?) } else { u64::from(u32_at(record, 120)?) | u64::from(u32_at(record, 124)?) << 32 };
            ole.entries.push(Entry { name: String::from_utf16_lossy(&units), start: u32_at(record, 116)?, size });
        }
        let mini_fat = ole.chain(u32_at(bytes, 0x3C)?, None)?;
        ole.mini_fat = mini_fat.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
        if let Some(root) = ole.entries.first() {
            let (start, size) = (root.start, root.size);
            ole.mini_stream = ole.chain(start, Some(size))?;
        }
        Ok(ole)
    }

    fn sector_bytes(&self, index: u32) -> Result<&'a [u8], Damaged> {
        let start = (index as usize + 1).checked_mul(self.sector).ok_or(Damaged)?;
        self.bytes.get(start..start + self.sector).ok_or(Damaged)
    }

    /// The bytes of a chain of sectors, cut to `size` when given; a chain longer than the file
    /// (a loop) is damage.
    fn chain(&self, start: u32, size: Option<u64>) -> Result<Vec<u8>, Damaged> {
        let mut out = Vec::new();
        let mut at = start;
        let limit = self.bytes.len() / self.sector;
        while at < END_OF_CHAIN {
            if out.len() / self.sector > limit {
                return Err(Damaged);
            }
            out.extend_from_slice(self.sector_bytes(at)?);
            if size.is_some_and(|s| out.len() as u64 >= s) {
                break;
            }
            at = *self.fat.get(at as usize).ok_or(Damaged)?;
        }
        if let Some(size) = size {
            if (out.len() as u64) < size {
                return Err(Damaged);
            }
            out.truncate(size as usize);
        }
        Ok(out)
    }

    /// A chain of the mini stream (streams below the cutoff live there, in small sectors).
    fn mini_chain(&self, start: u32, size: u64) -> Result<Vec<u8>, Damaged> {
        let mut out = Vec::new();
        let mut at = start;
        while at < END_OF_CHAIN && (out.len() as u64) < size {
            if out.len() > self.mini_stream.len() {
                return Err(Damaged);
            }
            let from = at as usize * self.mini_sector;
            out.extend_from_slice(self.mini_stream.get(from..from + self.mini_sector).ok_or(Damaged)?);
            at = *self.mini_fat.get(at as usize).ok_or(Damaged)?;
        }
        if (out.len() as u64) < size {
            return Err(Damaged);
        }
        out.truncate(size as usize);
        Ok(out)
    }

    /// Whether a stream (or storage) of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().skip(1).any(|e| e.name == name)
    }

    /// The bytes of the first stream of that name, at most `limit` of them.
    pub fn stream(&self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, Damaged> {
        let Some(entry) = self.entries.iter().skip(1).find(|e| e.name == name) else { return Ok(None) };
        if entry.size > limit {
            return Err(Damaged);
        }
        if entry.size < self.mini_cutoff {
            self.mini_chain(entry.start, entry.size).map(Some)
        } else {
            self.chain(entry.start, Some(entry.size)).map(Some)
        }
    }
}
