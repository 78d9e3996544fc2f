/**
 * Reads the entry names of a ZIP archive from its central directory, and nothing else: no entry is
 * decompressed, so a crafted archive cannot expand in memory. Every offset is checked against the
 * buffer before it is read; anything unusual (several disks, ZIP64, names or entries past the end,
 * more entries than `maxEntries`) makes the answer null, which callers treat as "not an archive".
 */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;

export const MAX_ZIP_ENTRIES = 10_000;

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER;
}

export function zipEntryNames(bytes: Buffer, maxEntries = MAX_ZIP_ENTRIES): string[] | null {
  if (!isZip(bytes) || bytes.length < END_RECORD_SIZE) return null;
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) !== END_OF_CENTRAL_DIRECTORY) continue;
    // The record's comment must reach exactly to the end; a signature inside data does not.
    if (at + END_RECORD_SIZE + bytes.readUInt16LE(at + 20) !== bytes.length) continue;
    return readCentralDirectory(bytes, at, maxEntries);
  }
  return null;
}

function readCentralDirectory(bytes: Buffer, end: number, maxEntries: number): string[] | null {
  const disk = bytes.readUInt16LE(end + 4);
  const directoryDisk = bytes.readUInt16LE(end + 6);
  const entriesOnDisk = bytes.readUInt16LE(end + 8);
  const entries = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entries) return null;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // ZIP64
  if (entries > maxEntries || offset + size > end) return null;

  const limit = offset + size;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < entries; i += 1) {
    if (at + CENTRAL_HEADER_SIZE > limit || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > limit) return null;
    names.push(bytes.toString('utf8', at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength));
    at = next;
  }
  return names;
}
