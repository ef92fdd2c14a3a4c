/**
 * Machinery a run can do without (`npm run bench -- --without statement-cache,flood-pacing`), so an ablation run
 * shows which figures each piece moves. Issue 13: what changes no figure beyond run-to-run noise goes.
 */
export const MACHINERY = {
  /** PGlite's named prepared statement per SQL text (src/store/drivers/pglite-statements.js). */
  'statement-cache': 'PGlite statement cache',
  /** The work lane's pacing during a flood of calls (WorkLane floodRate, src/runtime/work-lane.ts). */
  'flood-pacing': "the work lane's flood pacing",
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
