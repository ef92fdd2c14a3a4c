import { describe, expect, it } from 'vitest';
import { DailyScheduler } from '../../src/scheduler/daily-scheduler.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { RecordingPoster } from '../helpers/recording-poster.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

describe.each(DATABASE_KINDS)('recaps on daily posts (%s)', (kind) => {
  const database = useTestDatabase(kind, { truncateEach: false });

  it("carries yesterday's line, and on a week's first post last week's board and weakest topics", async () => {
    // Thursday 2026-06-04, weekdays at 09:00 UTC.
    const clock = new TestClock(new Date('2026-06-04T08:00:00Z'));
    const { engine, deps } = makeEngine(database().store, { clock });
    const admin = actor({ userId: 'lead', userName: 'lead' });
    await engine.run(admin, 'schedule set', { time: '09:00', timezone: 'UTC', days: 'weekdays' });
    const poster = new RecordingPoster(clock.now);
    const scheduler = new DailyScheduler({ deps, posters: [poster], logger: memoryLogger().logger });
    const people = [
      { who: actor({ userId: 'a', userName: 'alice' }), grade: 'nailed' as const },
      { who: actor({ userId: 'b', userName: 'bob' }), grade: 'partly' as const },
      { who: actor({ userId: 'c', userName: 'carol' }), grade: 'missed' as const },
    ];
    const playDay = async (iso: string) => {
      clock.set(iso);
      await scheduler.tick();
      const card = poster.posts.at(-1)!.card;
      for (const p of people) {
        await engine.run(p.who, 'reveal', { question: card.question.id });
        await engine.run(p.who, 'grade', { question: card.question.id, grade: p.grade });
      }
      return card;
    };
    const thursday = await playDay('2026-06-04T09:01:00Z');
    expect(thursday.recap).toBeNull();
    const friday = await playDay('2026-06-05T09:01:00Z');
    expect(friday.recap).toMatchObject({
      localDate: '2026-06-04',
      question: { id: thursday.question.id },
      answered: 3,
      grades: { nailed: 1, partly: 1, missed: 1 },
      best: ['alice'],
    });
    expect(friday.weekly).toBeNull();
    // Monday: the weekend had no posts; the recap is Friday's and the week's board comes along.
    clock.set('2026-06-08T09:01:00Z');
    await scheduler.tick();
    const monday = poster.posts.at(-1)!.card;
    expect(monday.localDate).toBe('2026-06-08');
    expect(monday.recap).toMatchObject({ localDate: '2026-06-05', answered: 3 });
    expect(monday.weekly).toMatchObject({
      weekStart: '2026-06-01',
      board: [
        { rank: 1, name: 'alice', points: 6 },
        { rank: 2, name: 'bob', points: 2 },
        { rank: 3, name: 'carol', points: 0 },
      ],
    });
    expect(monday.weekly!.weakestTopics.length).toBeGreaterThan(0);
    expect(monday.weekly!.weakestTopics.length).toBeLessThanOrEqual(2);
  });
});
