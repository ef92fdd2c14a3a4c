/**
 * Machinery a run can do without (`npm run bench -- --without statement-cache`), so an ablation run shows which
 * figures each piece moves. Issue 13: what changes no figure beyond run-to-run noise goes (the work lane's flood
 * pacing went that way; bench/README.md has the runs).
 */
export const MACHINERY = {
  /** PGlite's named prepared statement per SQL text (src/store/drivers/pglite-statements.js). */
  'statement-cache': 'PGlite statement cache',
} as const;

export type Machinery = keyof typeof MACHINERY;

/** Parses --without's comma list; an unknown name is an error, not a silently complete run. */
export function parseWithout(list: string | undefined): ReadonlySet<Machinery> {
  const names = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(name in MACHINERY)) {
      throw new Error(`--without ${name}: known are ${Object.keys(MACHINERY).join(', ')}`);
    }
  }
  return new Set(names as Machinery[]);
}
