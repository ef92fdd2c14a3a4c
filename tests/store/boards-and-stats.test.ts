import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/core/types.js';
import type { DrillEngine } from '../../src/runtime/engine.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

async function answer(engine: DrillEngine, who: ReturnType<typeof actor>, questionId: string, grade: Grade) {
  await engine.run(who, 'reveal', { question: questionId });
  const view = await engine.run(who, 'grade', { question: questionId, grade });
  expect(view.kind, JSON.stringify(view)).toBe('graded');
  return view;
}

describe.each(DATABASE_KINDS)('boards, stats, review queue and privacy on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('ties share a rank and the caller sees their own rank outside the top 10', async () => {
    // Wednesday 2026-03-04.
    const { engine } = makeEngine(database().store, {
      clock: new TestClock(new Date('2026-03-04T12:00:00Z')),
    });
    const ids = ['gil', 'decorators', 'closures', 'metaclasses'];
    // u0..u11 with points: u0 9, u1 6, u2 6, u3..u11 3 each; the caller 'me' 1 (twelfth place or lower).
    for (let i = 0; i < 12; i++) {
      const who = actor({ userId: `u${i}`, userName: `user${i}` });
      const nailed = i === 0 ? 3 : i <= 2 ? 2 : 1;
      for (let q = 0; q < nailed; q++) await answer(engine, who, ids[q]!, 'nailed');
    }
    const me = actor({ userId: 'me', userName: 'me' });
    await answer(engine, me, 'gil', 'partly');
    const board = await engine.run(me, 'leaderboard', { period: 'week', scope: 'channel' });
    if (board.kind !== 'board') throw new Error(JSON.stringify(board));
    expect(board.rows).toHaveLength(10);
    expect(board.rows.slice(0, 4).map((r) => [r.rank, r.points])).toEqual([
      [1, 9],
      [2, 6],
      [2, 6],
      [4, 3],
    ]);
    expect(board.rows.every((r) => !r.isCaller)).toBe(true);
    expect(board.caller).toEqual({ rank: 13, name: 'me', points: 1, answered: 1, isCaller: true });
  });

  it('separates week, month and all time, and channel from server scope', async () => {
    const clock = new TestClock(new Date('2026-02-27T12:00:00Z')); // Friday in February
    const { engine } = makeEngine(database().store, { clock });
    const a = actor({ userId: 'a', userName: 'alice' });
    await answer(engine, a, 'gil', 'nailed'); // February, last week
    clock.set('2026-03-03T12:00:00Z'); // Tuesday, March: a new week and month
    await answer(engine, a, 'decorators', 'partly');
    await answer(engine, actor({ userId: 'a', userName: 'alice', channelId: 'C2' }), 'closures', 'nailed');
    const points = async (period: 'week' | 'month' | 'all', scope: 'channel' | 'server') => {
      const board = await engine.run(a, 'leaderboard', { period, scope });
      return board.kind === 'board' ? (board.rows[0]?.points ?? 0) : -1;
    };
    expect(await points('week', 'channel')).toBe(1);
    expect(await points('month', 'channel')).toBe(1);
    expect(await points('all', 'channel')).toBe(4);
    expect(await points('week', 'server')).toBe(4);
    expect(await points('all', 'server')).toBe(7);
  });

  it('regrading replaces the grade: points follow the last grade, answered counts once', async () => {
    const { engine } = makeEngine(database().store);
    const a = actor();
    await answer(engine, a, 'gil', 'nailed');
    const again = await engine.run(a, 'grade', { question: 'gil', grade: 'partly' });
    expect(again).toMatchObject({ kind: 'graded', points: 1, replaced: true, totalPoints: 1 });
    const board = await engine.run(a, 'leaderboard', { period: 'all', scope: 'server' });
    expect(board).toMatchObject({ rows: [{ points: 1, answered: 1 }] });
    const stats = await engine.run(a, 'stats');
    expect(stats).toMatchObject({ kind: 'stats', graded: 1, grades: { nailed: 0, partly: 1, missed: 0 } });
  });

  it('shows hidden users as anonymous to others, by name to themselves, and hides their stats', async () => {
    const { engine } = makeEngine(database().store);
    const shy = actor({ userId: 'shy', userName: 'Shy Person' });
    await answer(engine, shy, 'gil', 'nailed');
    await engine.run(shy, 'privacy', { mode: 'hidden' });
    const other = actor({ userId: 'o', userName: 'other' });
    const seenByOther = await engine.run(other, 'leaderboard', { period: 'week', scope: 'channel' });
    expect(seenByOther).toMatchObject({ rows: [{ name: 'anonymous', points: 3 }] });
    expect(JSON.stringify(seenByOther)).not.toContain('Shy Person');
    const seenBySelf = await engine.run(shy, 'leaderboard', { period: 'week', scope: 'channel' });
    expect(seenBySelf).toMatchObject({ rows: [{ name: 'Shy Person', isCaller: true }] });
    expect(await engine.run(other, 'stats', { user: 'shy' })).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: expect.stringMatching(/private/),
    });
    await engine.run(shy, 'privacy', { mode: 'visible' });
    expect(await engine.run(other, 'stats', { user: 'shy' })).toMatchObject({
      kind: 'stats',
      name: 'Shy Person',
      totalPoints: 3,
    });
  });

  it('counts a streak in the channel zone across midnight and accuracy by topic', async () => {
    // The channel posts in Los Angeles: 23:30 local on 9 March and 00:30 local on 11 March are not consecutive,
    // 23:30 on 9 March and 00:30 on 10 March are, even though both fall on 10 March in UTC.
    const clock = new TestClock(new Date('2026-03-09T10:00:00Z'));
    const { engine } = makeEngine(database().store, { clock });
    const a = actor();
    await engine.run(a, 'schedule set', { time: '06:00', timezone: 'America/Los_Angeles', days: 'daily' });
    const daily = async () => {
      const card = await engine.run(a, 'today');
      if (card.kind !== 'question') throw new Error(JSON.stringify(card));
      return card.question.id;
    };
    clock.set('2026-03-10T06:30:00Z'); // 9 March, 23:30 PDT
    const first = await answer(engine, a, await daily(), 'nailed');
    expect(first).toMatchObject({ streak: 1 });
    clock.set('2026-03-10T07:30:00Z'); // 10 March, 00:30 PDT
    const second = await answer(engine, a, await daily(), 'missed');
    expect(second).toMatchObject({ streak: 2 });
    clock.set('2026-03-12T07:30:00Z'); // 12 March: a day was missed
    const third = await answer(engine, a, await daily(), 'partly');
    expect(third).toMatchObject({ streak: 1 });
    const stats = await engine.run(a, 'stats');
    if (stats.kind !== 'stats') throw new Error(JSON.stringify(stats));
    expect(stats.streak).toBe(1);
    expect(stats.graded).toBe(3);
    expect(stats.byTopic.reduce((n, t) => n + t.attempts, 0)).toBe(3);
  });

  it('an answer to another question than the daily one keeps points but no streak', async () => {
    const { engine } = makeEngine(database().store);
    const a = actor();
    const today = await engine.run(a, 'today');
    const dailyId = today.kind === 'question' ? today.question.id : '';
    const other = dailyId === 'gil' ? 'decorators' : 'gil';
    expect(await answer(engine, a, other, 'nailed')).toMatchObject({ points: 3, streak: 0 });
    expect(await answer(engine, a, dailyId, 'nailed')).toMatchObject({ totalPoints: 6, streak: 1 });
  });

  it('serves due review cards first, then unseen questions', async () => {
    const clock = new TestClock(new Date('2026-03-02T12:00:00Z'));
    const { engine } = makeEngine(database().store, { clock });
    const a = actor();
    await answer(engine, a, 'gil', 'missed');
    await answer(engine, a, 'decorators', 'nailed');
    // Right away nothing is due: an unseen question comes.
    const first = await engine.run(a, 'review');
    expect(first).toMatchObject({ kind: 'question', context: 'review', unseen: true });
    if (first.kind === 'question') expect(['gil', 'decorators']).not.toContain(first.question.id);
    // Two days later both are due; the missed one first (due earlier).
    clock.advance(2 * 86_400_000);
    const due = await engine.run(a, 'review');
    expect(due).toMatchObject({ kind: 'question', context: 'review', question: { id: 'gil' }, dueAfter: 1 });
    const stats = await engine.run(a, 'stats');
    expect(stats).toMatchObject({ reviewsDue: 2 });
  });

  it('forget-me asks first, then deletes every row about the user and nobody else', async () => {
    const { engine } = makeEngine(database().store);
    const a = actor({ userId: 'gone', userName: 'gone' });
    const b = actor({ userId: 'stays', userName: 'stays' });
    await engine.run(a, 'write', { question: 'gil', text: 'my words' });
    await answer(engine, a, 'gil', 'nailed');
    await answer(engine, b, 'gil', 'partly');
    await engine.run(a, 'privacy', { mode: 'hidden' });
    expect(await engine.run(a, 'forget-me')).toMatchObject({ kind: 'confirm', useCase: 'forget-me' });
    const counts = async (userId: string) => {
      const out: Record<string, number> = {};
      for (const table of ['attempts', 'scores', 'users', 'review_cards']) {
        const { sql } = await import('drizzle-orm');
        const result = (await database().connection.db.execute(
          sql.raw(`select count(*)::int as n from ${table} where user_id = '${userId}'`),
        )) as unknown as { rows?: { n: number }[] } & { n: number }[];
        out[table] = (result.rows ?? result)[0]!.n;
      }
      return out;
    };
    expect(Object.values(await counts('gone')).every((n) => n > 0)).toBe(true);
    expect(await engine.run(a, 'forget-me', {}, { confirmed: true })).toMatchObject({
      kind: 'notice',
      tone: 'success',
    });
    expect(await counts('gone')).toEqual({ attempts: 0, scores: 0, users: 0, review_cards: 0 });
    expect(Object.values(await counts('stays')).every((n) => n > 0)).toBe(true);
  });
});
