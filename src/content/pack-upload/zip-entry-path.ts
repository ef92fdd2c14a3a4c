/**
 * What one zip entry is, from its path and Unix mode: a pack file, the one folder a pack may sit in,
 * macOS's litter (ignored), or something refused. Nothing is ever written to disk, but an entry that
 * would land outside its folder when unzipped by hand is refused all the same: it is never a pack.
 */

const FILE_TYPE = 0o170000;
const REGULAR = 0o100000;
const FOLDER = 0o040000;
const SYMLINK = 0o120000;

export type EntryKind =
  | { kind: 'ignored' }
  | { kind: 'folder'; folder: string }
  | { kind: 'file'; folder: string | null; fileName: string }
  | { kind: 'refused'; message: string };

/** Archivers on macOS add these; they are never part of a pack. */
const isMacLitter = (segments: readonly string[]) =>
  segments.includes('__MACOSX') || segments[segments.length - 1] === '.DS_Store';

const NESTED =
  'is in a nested folder: a pack zip holds pack.yml and the questions at its top or in one folder';

export function classifyEntry(name: string, unixMode: number): EntryKind {
  const refused = (message: string): EntryKind => ({ kind: 'refused', message });
  if (name.length === 0) return refused('has an empty name');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name)) return refused('has a control character in its name');
  if (name.includes('\\')) return refused('has a "\\" in its path; zip paths separate folders with "/"');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return refused('is an absolute path');
  const isFolder = name.endsWith('/');
  const segments = (isFolder ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return refused('climbs out of the pack folder ("..")');
  const type = unixMode & FILE_TYPE;
  if (type === SYMLINK) return refused('is a symbolic link; a pack holds plain files only');
  if (type !== 0 && type !== REGULAR && !(type === FOLDER && isFolder)) {
    return refused('is not a plain file');
  }
  if (isMacLitter(segments)) return { kind: 'ignored' };
  if (segments.some((s) => s === '' || s === '.')) return refused('has an empty or "." folder in its path');
  if (isFolder) return segments.length === 1 ? { kind: 'folder', folder: segments[0]! } : refused(NESTED);
  if (segments.length > 2) return refused(NESTED);
  return {
    kind: 'file',
    folder: segments.length === 2 ? segments[0]! : null,
    fileName: segments[segments.length - 1]!,
  };
}

/** An entry's name as a problem shows it: control characters replaced, long names cut. */
export function shownEntryName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced here
  const printable = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return printable.length > 120 ? `${printable.slice(0, 119)}…` : printable;
}
