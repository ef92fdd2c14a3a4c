/**
 * A zip's central directory, read from its fixed-layout records (PKWARE APPNOTE 4.3.12, 4.3.16),
 * so the checks see each entry's declared sizes and Unix mode before anything is inflated. fflate,
 * which inflates, reports neither the mode nor a size that lies (see bounded-inflate.ts).
 */

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_RECORD = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** One central-directory record, as declared. */
export interface ZipEntry {
  /** The entry's path as written in the zip (UTF-8). */
  name: string;
  /** Bit 0: encrypted. */
  flags: number;
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The Unix file mode from the external attributes' upper half (0 when the zip records none). */
  unixMode: number;
  localHeaderOffset: number;
  nameBytes: Uint8Array;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const NAME = new TextDecoder('utf-8', { fatal: true });

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The end record: its signature, with its comment reaching exactly to the end of the file. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (
      view.getUint32(at, true) === END_OF_DIRECTORY &&
      at + END_RECORD_SIZE + view.getUint16(at + 20, true) === view.byteLength
    ) {
      return at;
    }
  }
  return -1;
}

/** The entries of the zip in `bytes`, or why it cannot be read. At most `maxEntries` records are read. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectoryResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length >= END_RECORD_SIZE ? findEndRecord(view) : -1;
  if (end < 0) return { ok: false, message: 'this is not a zip file (no zip directory at its end)' };
  const diskEntries = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  const zip64 =
    (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) ||
    count === 0xffff ||
    size === 0xffffffff ||
    offset === 0xffffffff;
  if (zip64)
    return { ok: false, message: 'a ZIP64 archive is not accepted (a pack is far smaller than 4 GB)' };
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || diskEntries !== count) {
    return { ok: false, message: 'a zip split over several files is not accepted' };
  }
  if (count > maxEntries) {
    return { ok: false, message: `the zip has ${count} entries; a pack zip may have at most ${maxEntries}` };
  }
  if (offset + size > end)
    return { ok: false, message: 'the zip is damaged (its directory is out of place)' };

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== DIRECTORY_RECORD) {
      return { ok: false, message: 'the zip is damaged (its directory has a broken record)' };
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > offset + size)
      return { ok: false, message: 'the zip is damaged (its directory is cut short)' };
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    let name: string;
    try {
      name = NAME.decode(nameBytes);
    } catch {
      return { ok: false, message: 'the zip has an entry whose name is not UTF-8' };
    }
    entries.push({
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      unixMode: view.getUint32(at + 38, true) >>> 16,
      localHeaderOffset: view.getUint32(at + 42, true),
      nameBytes,
    });
    at = next;
  }
  return { ok: true, entries };
}

/**
 * The compressed bytes of `entry`, found through its local header, or null when that header is
 * missing, names another file, or points outside the zip: a zip whose two records disagree is refused.
 */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return null;
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  if (!sameBytes(bytes.subarray(at + 30, at + 30 + nameLength), entry.nameBytes)) return null;
  const start = at + 30 + nameLength + extraLength;
  const stop = start + entry.compressedSize;
  return stop <= bytes.length ? bytes.subarray(start, stop) : null;
}
