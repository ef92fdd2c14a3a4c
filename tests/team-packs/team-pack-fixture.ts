import { readFileSync } from 'node:fs';
import { readPackUpload } from '../../src/content/pack-upload/index.js';
import type { Store } from '../../src/core/ports.js';
import type { TeamRef } from '../../src/core/team-banks.js';

export const EXAMPLE_PACK_PATH = 'examples/team-pack.md';
export const EXAMPLE_PACK_ID = 'git-basics';

/** The shipped example pack's bytes. */
export const examplePackBytes = (): Uint8Array => new Uint8Array(readFileSync(EXAMPLE_PACK_PATH));

/** Stores the example pack for a team straight through the store, as an import would. */
export async function storeExamplePack(store: Store, team: TeamRef, now = new Date('2026-03-01T00:00:00Z')) {
  const read = readPackUpload('team-pack.md', examplePackBytes(), {
    reservedIds: new Set(),
    reservedNumbers: new Set(),
  });
  if (!read.ok) throw new Error(`the example pack does not read: ${JSON.stringify(read.problems)}`);
  return store.teamPacks.save(
    team,
    { packId: read.pack.id, name: read.pack.name, files: read.files, importedBy: 'U-admin' },
    now,
  );
}
