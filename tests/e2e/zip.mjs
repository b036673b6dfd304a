// ZIP archives for the browser tests: Excel-like deflated workbooks, hostile ones whose headers
// declare other sizes than their data, and the app's downloads read back (a .docx's tables).
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export const crc32 = (bytes) => (bytes.reduce((crc, b) => CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >>> 8), 0xFFFFFFFF) ^ 0xFFFFFFFF) >>> 0;

/** A ZIP of entries { name, packed (deflated bytes), crc, size (declared uncompressed size) }. */
export function zipRaw(entries) {
  const locals = []; const centrals = []; let offset = 0;
  for (const { name, packed, crc, size } of entries) {
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(30); head.writeUInt32LE(0x04034B50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(size, 22); head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46); central.writeUInt32LE(0x02014B50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed); centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals); const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054B50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A ZIP of [name, text] entries, deflated as Excel writes them. */
export function zip(entries) {
  return zipRaw(entries.map(([name, text]) => {
    const data = Buffer.from(text, 'utf8');
    return { name, packed: deflateRawSync(data), crc: crc32(data), size: data.length };
  }));
}

/** Reads a zip through its central directory: name → bytes (stored or deflated entries). */
export function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('not a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + skip;
  }
  return files;
}

/** The tables of a WordprocessingML body, as rows of cell texts. */
export function wordTables(xml) {
  const text = (cell) => [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return xml.split('<w:tbl>').slice(1).map((table) => table.split('</w:tbl>')[0].split('<w:tr>').slice(1)
    .map((row) => row.split('<w:tc>').slice(1).map(text)));
}
