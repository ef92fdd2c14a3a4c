import { describe, expect, it } from 'vitest';
import { actor, makeEngine } from '../helpers/engine-fixture.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

describe.each(DATABASE_KINDS)('practice flow on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('refuses a grade before the reveal and writes nothing', async () => {
    const { engine } = makeEngine(database().store);
    const view = await engine.action(actor(), { name: 'grade', questionId: 'gil', grade: 'nailed' });
    expect(view).toMatchObject({
      kind: 'notice',
      tone: 'error',
      text: expect.stringMatching(/answer first/),
    });
    const board = await engine.command(actor(), { name: 'leaderboard', period: 'week', scope: 'channel' });
    expect(board).toMatchObject({ kind: 'board', rows: [] });
  });

  it('writes, reveals beside the written answer, grades, and the board shows 3 points', async () => {
    const { engine } = makeEngine(database().store);
    const today = await engine.command(actor(), { name: 'today' });
    expect(today.kind).toBe('question');
    const id = today.kind === 'question' ? today.question.id : '';
    expect(await engine.action(actor(), { name: 'write', questionId: id, text: 'my answer' })).toMatchObject({
      kind: 'answer-saved',
    });
    const reveal = await engine.action(actor(), { name: 'reveal', questionId: id });
    expect(reveal).toMatchObject({ kind: 'reveal', writtenAnswer: 'my answer' });
    const graded = await engine.action(actor(), { name: 'grade', questionId: id, grade: 'nailed' });
    expect(graded).toMatchObject({
      kind: 'graded',
      points: 3,
      totalPoints: 3,
      streak: 1,
      weekRank: 1,
      replaced: false,
    });
    const board = await engine.command(actor(), { name: 'leaderboard', period: 'week', scope: 'channel' });
    expect(board).toMatchObject({
      kind: 'board',
      rows: [{ rank: 1, name: 'ada', points: 3, isCaller: true }],
    });
  });

  it('50 identical grades at once leave one grade and the right points', async () => {
    const { engine } = makeEngine(database().store);
    await engine.action(actor(), { name: 'reveal', questionId: 'decorators' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        engine.action(actor(), {
          name: 'grade',
          questionId: 'decorators',
          grade: 'nailed',
        }),
      ),
    );
    expect(results.every((r) => r.kind === 'graded' && r.points === 3)).toBe(true);
    expect(results.filter((r) => r.kind === 'graded' && !r.replaced)).toHaveLength(1);
    const all = await engine.command(actor(), { name: 'leaderboard', period: 'all', scope: 'server' });
    expect(all).toMatchObject({ rows: [{ points: 3, answered: 1 }] });
  });
});
