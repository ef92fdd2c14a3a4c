import { describe, expect, it } from 'vitest';
import { localDateOf, localTimeOf, weekdayOfDate } from '../../src/rules/time-zone.js';
import { DailyScheduler } from '../../src/scheduler/daily-scheduler.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { RecordingPoster } from '../helpers/recording-poster.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

const TICK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

const CHANNELS = [
  { channelId: 'ny', args: '09:00 America/New_York daily', zone: 'America/New_York', weekdaysOnly: false },
  { channelId: 'berlin', args: '09:00 Europe/Berlin daily', zone: 'Europe/Berlin', weekdaysOnly: false },
  {
    channelId: 'london-weekdays',
    args: '07:30 Europe/London weekdays',
    zone: 'Europe/London',
    weekdaysOnly: true,
  },
];

describe.each(DATABASE_KINDS)('30 days of daily posts across daylight-saving changes on %s', (kind) => {
  const database = useTestDatabase(kind);

  // Spring: New York moves on 8 March, Berlin and London on 29 March. Autumn: Europe on 25 October, New York on 1 November.
  it.each([
    ['spring', '2026-03-01T00:00:00Z'],
    ['autumn', '2026-10-15T00:00:00Z'],
  ])('%s: one post per due channel-day at the local time, no repeated question', async (_season, start) => {
    const clock = new TestClock(new Date(start));
    const { engine, deps } = makeEngine(database().store, { clock });
    for (const c of CHANNELS) {
      const view = await engine.run(actor({ channelId: c.channelId }), 'schedule set', {
        time: c.args.split(' ')[0]!,
        timezone: c.args.split(' ')[1]!,
        days: c.args.split(' ')[2]!,
      });
      expect(view.kind).toBe('schedule');
    }
    const poster = new RecordingPoster(clock.now);
    const scheduler = new DailyScheduler({ deps, posters: [poster], logger: memoryLogger().logger });
    const end = new Date(start).getTime() + 30 * DAY_MS;
    while (clock.now().getTime() < end) {
      clock.advance(TICK_MS);
      await scheduler.tick();
    }

    for (const c of CHANNELS) {
      const posts = poster.postsFor(c.channelId);
      const dates = posts.map((p) => localDateOf(p.at, c.zone));
      // Every scheduled local day whose post time falls in the window, exactly once.
      const expected = new Set<string>();
      for (let t = new Date(start).getTime() + TICK_MS; t < end; t += TICK_MS) {
        const date = localDateOf(new Date(t), c.zone);
        const weekday = weekdayOfDate(date);
        if (c.weekdaysOnly && (weekday === 0 || weekday === 6)) continue;
        const [h, m] = c.args.split(' ')[0]!.split(':').map(Number);
        const local = localTimeOf(new Date(t), c.zone);
        const minutes = Number(local.slice(0, 2)) * 60 + Number(local.slice(3)) - (h! * 60 + m!);
        // The one tick of each local day that falls in the quarter hour after the post time.
        if (minutes >= 0 && minutes < 15) expected.add(date);
      }
      expect(new Set(dates).size, c.channelId).toBe(dates.length);
      expect([...dates].sort(), c.channelId).toEqual([...expected].sort());
      expect(dates.length, c.channelId).toBeGreaterThanOrEqual(c.weekdaysOnly ? 20 : 29);
      // Posted within one tick after the wall-clock time, on both sides of the change.
      for (const p of posts) {
        const local = localTimeOf(p.at, c.zone);
        const [h, m] = c.args.split(' ')[0]!.split(':').map(Number);
        const minutes = Number(local.slice(0, 2)) * 60 + Number(local.slice(3)) - (h! * 60 + m!);
        expect(minutes, `${c.channelId} ${p.at.toISOString()} ${local}`).toBeGreaterThanOrEqual(0);
        expect(minutes, `${c.channelId} ${p.at.toISOString()} ${local}`).toBeLessThan(15);
        expect(p.card.localDate).toBe(localDateOf(p.at, c.zone));
      }
      const questions = posts.map((p) => p.card.question.id);
      expect(new Set(questions).size, `${c.channelId} repeats a question`).toBe(questions.length);
    }
  });
});
