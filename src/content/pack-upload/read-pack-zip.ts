/**
 * A .zip upload into a pack folder. Every bound is checked on what the zip declares before anything
 * is inflated, and again while inflating, so a header that lies gets no further than its own entry.
 */
import { inflateWithin } from './bounded-inflate.js';
import { PACK_UPLOAD_LIMITS, shownSize } from './upload-limits.js';
import { decodeUploadText } from './upload-text.js';
import type { PackSourceResult, UploadProblem } from './upload-types.js';
import { entryData, readZipDirectory, type ZipEntry } from './zip-directory.js';
import { classifyEntry, shownEntryName } from './zip-entry-path.js';

const ENCRYPTED = 0x1;
const STORED = 0;
const DEFLATED = 8;

const isPackFileName = (name: string) => name === 'pack.yml' || name.endsWith('.md');

interface Kept {
  entry: ZipEntry;
  folder: string | null;
  fileName: string;
}

/** The entries that make the pack, and every problem with the zip's layout and declared sizes. */
function keptEntries(
  uploadName: string,
  entries: readonly ZipEntry[],
): { kept: Kept[]; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  const kept: Kept[] = [];
  const refuse = (entry: ZipEntry, message: string) =>
    problems.push({ file: shownEntryName(entry.name), message });
  for (const entry of entries) {
    const kind = classifyEntry(entry.name, entry.unixMode);
    if (kind.kind === 'refused') refuse(entry, kind.message);
    if (kind.kind !== 'file' && kind.kind !== 'folder') continue;
    if (entry.flags & ENCRYPTED) refuse(entry, 'is encrypted; zip the pack without a password');
    else if (kind.kind === 'folder') {
      if (entry.uncompressedSize > 0) refuse(entry, 'is a folder with content; the zip is damaged');
    } else if (!isPackFileName(kind.fileName)) {
      refuse(entry, 'is not part of a pack: a pack zip holds pack.yml and question files (*.md) only');
    } else if (entry.method !== STORED && entry.method !== DEFLATED) {
      refuse(entry, 'is compressed with a method other than deflate; zip it again with the usual settings');
    } else if (entry.uncompressedSize > PACK_UPLOAD_LIMITS.entryBytes) {
      refuse(
        entry,
        `inflates to ${shownSize(entry.uncompressedSize)}; one file may be at most ` +
          shownSize(PACK_UPLOAD_LIMITS.entryBytes),
      );
    } else kept.push({ entry, folder: kind.folder, fileName: kind.fileName });
  }
  const folders = new Set(kept.map((k) => k.folder));
  if (folders.size > 1) {
    problems.push({
      file: uploadName,
      message:
        'the pack files are in more than one folder: put pack.yml and the questions together, ' +
        'at the top of the zip or in one folder',
    });
  }
  const seen = new Set<string>();
  for (const k of kept) {
    if (seen.has(k.fileName)) refuse(k.entry, 'appears twice in the zip');
    seen.add(k.fileName);
  }
  const declared = kept.reduce((sum, k) => sum + k.entry.uncompressedSize, 0);
  if (declared > PACK_UPLOAD_LIMITS.totalBytes) {
    problems.push({
      file: uploadName,
      message: `the pack files inflate to ${shownSize(declared)}; a pack may inflate to at most ${shownSize(PACK_UPLOAD_LIMITS.totalBytes)}`,
    });
  }
  return { kept, problems };
}

/** One entry's bytes, inflated within its declared size, or what is wrong with it. */
function entryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const data = entryData(bytes, entry);
  if (!data) return 'is damaged: its local header is missing or does not match the zip directory';
  if (entry.method === STORED) {
    return data.length === entry.uncompressedSize ? data : 'is damaged: its stored size does not match';
  }
  const inflated = inflateWithin(data, entry.uncompressedSize);
  if (!inflated.ok) {
    return inflated.reason === 'over-limit'
      ? `inflates to more than the ${entry.uncompressedSize} bytes it declares: refused (a zip bomb or a damaged zip)`
      : 'is damaged: its compressed data does not inflate';
  }
  if (inflated.bytes.length !== entry.uncompressedSize) {
    return `is damaged: it inflates to ${inflated.bytes.length} bytes, not the ${entry.uncompressedSize} it declares`;
  }
  return inflated.bytes;
}

export function readPackZip(uploadName: string, bytes: Uint8Array): PackSourceResult {
  const directory = readZipDirectory(bytes, PACK_UPLOAD_LIMITS.zipEntries);
  if (!directory.ok) return { ok: false, problems: [{ file: uploadName, message: directory.message }] };
  const { kept, problems } = keptEntries(uploadName, directory.entries);
  if (problems.length > 0) return { ok: false, problems };

  const files: Record<string, string> = {};
  const origin = new Map<string, string>();
  // pack.yml first, then the questions in name order, as a pack folder is read. Each entry inflates
  // within its declared size, and the declared sizes were bounded above, so the total is bounded too.
  const ordered = [...kept].sort((a, b) =>
    a.fileName === 'pack.yml' ? -1 : b.fileName === 'pack.yml' ? 1 : a.fileName < b.fileName ? -1 : 1,
  );
  for (const { entry, fileName } of ordered) {
    const file = shownEntryName(entry.name);
    const content = entryBytes(bytes, entry);
    if (typeof content === 'string') {
      problems.push({ file, message: content });
      continue;
    }
    const text = decodeUploadText(content);
    if (text === null) {
      problems.push({ file, message: 'is not UTF-8 text' });
      continue;
    }
    files[fileName] = `${text.trimEnd()}\n`;
    origin.set(fileName, file);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    source: {
      files: Object.freeze(files),
      locate: (path, line) => ({ file: origin.get(path) ?? path, line: line ?? 1 }),
    },
  };
}
