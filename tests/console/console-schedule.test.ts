import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../src/adapters/console/register.js';
import { DailyScheduler } from '../../src/scheduler/daily-scheduler.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { useTestDatabase } from '../helpers/test-database.js';

describe('the console with a schedule', () => {
  const database = useTestDatabase('pglite', { truncateEach: false });

  it('takes /drill schedule set and shows the daily post while it runs', async () => {
    const clock = new TestClock(new Date('2026-06-02T08:50:00Z'));
    const { engine, deps } = makeEngine(database().store, { clock });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => {
      text += d;
    });
    const me = actor({ platform: 'console', teamId: 'local', channelId: 'console' });
    const session = startConsole({ engine, actor: me, input, output });
    const scheduler = new DailyScheduler({ deps, posters: [session.poster], logger: memoryLogger().logger });
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 200 && !pattern.test(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(text).toMatch(pattern);
    };
    input.write('/drill schedule set 09:00 UTC weekdays\n');
    await waitFor(/Schedule saved: 09:00 UTC, weekdays\. Next post: Tue 2026-06-02 09:00 UTC/);
    clock.set('2026-06-02T09:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(text).toMatch(/\[daily post\]\nToday's question \(2026-06-02\): #\d+/);
    input.write('reveal\ngrade partly\n');
    await waitFor(/Partly: \+1 points/);
    input.end();
    await session.done;
  });
});
