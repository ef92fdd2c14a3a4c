import type { Pack, Question } from '../../core/types.js';

/** A pack folder as text: relative path ('pack.yml', '001-rebase.md') → the file's text. */
export type PackFiles = Readonly<Record<string, string>>;

/** One thing wrong with an upload: the file it is in (a zip entry, or the upload) and its line. */
export interface UploadProblem {
  file: string;
  line?: number;
  message: string;
}

export type PackUploadResult =
  | { ok: true; pack: Pack; questions: Question[]; files: PackFiles }
  | { ok: false; problems: UploadProblem[] };

/** What the upload may not take because another pack has it. */
export interface PackUploadContext {
  /** Question ids of the team's other packs and of the bundled packs. */
  reservedIds: ReadonlySet<string>;
  /** Question numbers of the team's other packs and of the bundled packs. */
  reservedNumbers: ReadonlySet<number>;
  /** Pack ids the upload may not take (the bundled packs'); a team's own pack being replaced is left out. */
  reservedPackIds?: ReadonlySet<string>;
}

/** Where a line of a pack file came from in the upload: the zip entry, or the line of the single file. */
export interface UploadPlace {
  file: string;
  line: number;
}

/** An upload read into a pack folder, before any content rule is checked. */
export interface PackSource {
  files: PackFiles;
  /** Maps a line of `files[path]` (null: the file as a whole) to the upload. */
  locate(path: string, line: number | null): UploadPlace;
}

export type PackSourceResult = { ok: true; source: PackSource } | { ok: false; problems: UploadProblem[] };
