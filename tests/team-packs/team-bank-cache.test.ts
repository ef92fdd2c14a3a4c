/** The per-team bank cache: what it reads from the database on the click path, and when it rebuilds. */
import { describe, expect, it } from 'vitest';
import type { TeamPackStore } from '../../src/core/ports.js';
import { TeamBankCache } from '../../src/runtime/team-bank-cache.js';
import { contentBank } from '../helpers/engine-fixture.js';
import { useTestDatabase } from '../helpers/test-database.js';
import { EXAMPLE_PACK_ID, storeExamplePack } from './team-pack-fixture.js';

const TEAM = { platform: 'slack' as const, teamId: 'T-A' };

/** The team pack store, counting its reads. */
function counted(store: TeamPackStore) {
  const reads = { versions: 0, live: 0 };
  const wrapped: TeamPackStore = {
    ...store,
    versions: (team) => {
      reads.versions++;
      return store.versions(team);
    },
    live: (team) => {
      reads.live++;
      return store.live(team);
    },
    get: (team, id) => store.get(team, id),
    save: (team, pack, now) => store.save(team, pack, now),
    retire: (team, id, now) => store.retire(team, id, now),
  };
  return { reads, wrapped };
}

describe('TeamBankCache', () => {
  const db = useTestDatabase('pglite');

  it('a team without packs shares the bundled bank and reads one small query at most once per TTL', async () => {
    let now = 0;
    const { reads, wrapped } = counted(db().store.teamPacks);
    const banks = new TeamBankCache({ bundled: contentBank(), packs: wrapped, ttlMs: 5_000, now: () => now });
    expect(await banks.forTeam(TEAM)).toBe(banks.bundled);
    for (let i = 0; i < 100; i++) await banks.forTeam(TEAM);
    expect(reads).toEqual({ versions: 1, live: 0 });
    now += 5_000;
    await banks.forTeam(TEAM);
    expect(reads).toEqual({ versions: 2, live: 0 });
  });

  it('concurrent callers share one check', async () => {
    const { reads, wrapped } = counted(db().store.teamPacks);
    const banks = new TeamBankCache({ bundled: contentBank(), packs: wrapped });
    await Promise.all(Array.from({ length: 20 }, () => banks.forTeam(TEAM)));
    expect(reads.versions).toBe(1);
  });

  it('rebuilds on invalidate at once, and on another replica once the TTL passes and the version differs', async () => {
    let now = 0;
    const { reads, wrapped } = counted(db().store.teamPacks);
    const here = new TeamBankCache({ bundled: contentBank(), packs: wrapped, now: () => now });
    const there = new TeamBankCache({ bundled: contentBank(), packs: db().store.teamPacks, now: () => now });
    expect((await here.forTeam(TEAM)).packIds()).not.toContain(EXAMPLE_PACK_ID);
    expect((await there.forTeam(TEAM)).packIds()).not.toContain(EXAMPLE_PACK_ID);

    await storeExamplePack(db().store, TEAM);
    here.invalidate(TEAM);
    expect((await here.forTeam(TEAM)).packIds()).toContain(EXAMPLE_PACK_ID);
    expect(reads.live).toBe(1);
    // The other replica keeps its bank until the TTL, then sees the new version.
    expect((await there.forTeam(TEAM)).packIds()).not.toContain(EXAMPLE_PACK_ID);
    now += 5_000;
    expect((await there.forTeam(TEAM)).packIds()).toContain(EXAMPLE_PACK_ID);

    // Same versions after the TTL: checked, not rebuilt.
    now += 5_000;
    await here.forTeam(TEAM);
    expect(reads.live).toBe(1);
  });
});
