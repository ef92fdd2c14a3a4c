/**
 * The bounds of a pack upload (issue 14). The upload itself is what chat hands us; the zip bounds
 * keep a small archive from inflating into something large (a zip bomb) before any of it is read.
 */
const MB = 1024 * 1024;

export const PACK_UPLOAD_LIMITS = {
  /** The file as sent: a .zip or a single .md. */
  uploadBytes: MB,
  /** Questions in one pack. */
  questions: 500,
  /** Central-directory records in a zip, folders and ignored __MACOSX files included. */
  zipEntries: 2_000,
  /** One zip entry, inflated. */
  entryBytes: MB,
  /** Every kept zip entry together, inflated. */
  totalBytes: 5 * MB,
  /**
   * Problems listed in one answer. A reply cannot show more, and a broken megabyte makes thousands
   * (one per bullet): checking stops past it, so a hostile upload costs the bot's thread little.
   */
  problems: 100,
} as const;

/** "1 MB", "5 MB", or the size in KB when under a megabyte: sizes as a problem shows them. */
export function shownSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
