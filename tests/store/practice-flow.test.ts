import { describe, expect, it } from 'vitest';
import { actor, makeEngine } from '../helpers/engine-fixture.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

describe.each(DATABASE_KINDS)('practice flow on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('refuses a grade before the reveal and writes nothing', async () => {
    const { engine } = makeEngine(database().store);
    const view = await engine.run(actor(), 'grade', { question: 'gil', grade: 'nailed' });
    expect(view).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: expect.stringMatching(/answer first/),
    });
    const board = await engine.run(actor(), 'leaderboard', { period: 'week', scope: 'channel' });
    expect(board).toMatchObject({ kind: 'board', rows: [] });
  });

  it('writes, reveals beside the written answer, grades, and the board shows 3 points', async () => {
    const { engine } = makeEngine(database().store);
    const today = await engine.run(actor(), 'today');
    expect(today.kind).toBe('question');
    const id = today.kind === 'question' ? today.question.id : '';
    expect(await engine.run(actor(), 'write', { question: id, text: 'my answer' })).toMatchObject({
      kind: 'answer-saved',
    });
    const reveal = await engine.run(actor(), 'reveal', { question: id });
    expect(reveal).toMatchObject({ kind: 'reveal', writtenAnswer: 'my answer' });
    const graded = await engine.run(actor(), 'grade', { question: id, grade: 'nailed' });
    expect(graded).toMatchObject({
      kind: 'graded',
      points: 3,
      totalPoints: 3,
      streak: 1,
      weekRank: 1,
      replaced: false,
    });
    const board = await engine.run(actor(), 'leaderboard', { period: 'week', scope: 'channel' });
    expect(board).toMatchObject({
      kind: 'board',
      rows: [{ rank: 1, name: 'ada', points: 3, isCaller: true }],
    });
  });

  it('50 identical grades at once leave one grade and the right points', async () => {
    const { engine } = makeEngine(database().store);
    await engine.run(actor(), 'reveal', { question: 'decorators' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        engine.run(actor(), 'grade', { question: 'decorators', grade: 'nailed' }),
      ),
    );
    expect(results.every((r) => r.kind === 'graded' && r.points === 3)).toBe(true);
    expect(results.filter((r) => r.kind === 'graded' && !r.replaced)).toHaveLength(1);
    const all = await engine.run(actor(), 'leaderboard', { period: 'all', scope: 'server' });
    expect(all).toMatchObject({ rows: [{ points: 3, answered: 1 }] });
  });

  it("a grade's answer tells the team-wide total and the rank on the channel's week board", async () => {
    const { engine } = makeEngine(database().store);
    const grade = async (
      userId: string,
      channelId: string,
      questionId: string,
      g: 'nailed' | 'partly' | 'missed',
    ) => {
      const who = actor({ userId, channelId, userName: userId });
      await engine.run(who, 'reveal', { question: questionId });
      return engine.run(who, 'grade', { question: questionId, grade: g });
    };
    await grade('UA', 'C1', 'gil', 'nailed');
    await grade('UB', 'C1', 'gil', 'nailed');
    await grade('UC', 'C1', 'gil', 'partly');
    // UC earns points in another channel too: the total counts them, the C1 week rank does not.
    await grade('UC', 'C2', 'decorators', 'nailed');
    const last = await grade('UC', 'C1', 'closures', 'missed');
    expect(last).toMatchObject({ kind: 'graded', points: 0, totalPoints: 4, weekRank: 3 });
    const tied = await grade('UB', 'C1', 'closures', 'missed');
    expect(tied).toMatchObject({ kind: 'graded', totalPoints: 3, weekRank: 1 });
  });
});
