import { describe, expect, it } from 'vitest';
import type { DueCursor } from '../../src/core/ports.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

const RULE = {
  time: '09:00',
  timezone: 'UTC',
  days: [0, 1, 2, 3, 4, 5, 6],
  topic: null,
  difficulty: null,
  packs: null,
};
const NOW = new Date('2026-03-02T09:00:01Z');

describe.each(DATABASE_KINDS)('due channels, a page at a time, on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('reads every due channel once, in order, across pages that share one due time', async () => {
    const { store } = database();
    const nine = new Date('2026-03-02T09:00:00Z');
    const eight = new Date('2026-03-02T08:00:00Z');
    const refs = ['C5', 'C1', 'C4', 'C2', 'C3', 'C6', 'C0'].map((channelId) => ({
      platform: 'slack' as const,
      teamId: 'T1',
      channelId,
    }));
    for (const ref of refs)
      await store.channels.saveSchedule(ref, RULE, ref.channelId === 'C6' ? eight : nine, NOW);
    await store.channels.saveSchedule(
      { platform: 'slack', teamId: 'T1', channelId: 'LATER' },
      RULE,
      new Date('2026-03-02T10:00:00Z'),
      NOW,
    );
    await store.channels.saveSchedule(
      { platform: 'discord', teamId: 'G1', channelId: 'OFF' },
      RULE,
      eight,
      NOW,
    );
    await store.channels.turnOff({ platform: 'discord', teamId: 'G1', channelId: 'OFF' }, 'test', NOW);

    const seen: string[] = [];
    let after: DueCursor | undefined;
    for (;;) {
      const page = await store.channels.listDue(NOW, 3, after);
      seen.push(...page.map((c) => c.channelId));
      const last = page.at(-1);
      if (!last || page.length < 3) break;
      after = { ...last, nextRunAt: last.nextRunAt! };
    }
    // Earliest due first, then by channel: the 08:00 one, then the 09:00 ones; not the later or turned-off ones.
    expect(seen).toEqual(['C6', 'C0', 'C1', 'C2', 'C3', 'C4', 'C5']);
  });
});
