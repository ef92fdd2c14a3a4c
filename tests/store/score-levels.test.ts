import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/core/types.js';
import { MIGRATIONS_FOLDER } from '../../src/store/connection.js';
import { actor, makeEngine, seededRandom } from '../helpers/engine-fixture.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

type Level = { key: string; users: number };

describe.each(DATABASE_KINDS)('points levels behind the rank, on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** The levels kept by the grade flow, and the same counted afresh from the scores. */
  async function levels(): Promise<{ kept: Level[]; counted: Level[] }> {
    const { db } = database().connection;
    const rows = async (query: ReturnType<typeof sql>) => {
      const result = (await db.execute(query)) as unknown as { rows?: Level[] } | Level[];
      return (Array.isArray(result) ? result : (result.rows ?? [])).map((r) => ({
        key: r.key,
        users: Number(r.users),
      }));
    };
    const key = sql.raw(
      `platform || '/' || team_id || '/' || scope_channel_id || '/' || period || '/' || period_start || '/' || points`,
    );
    return {
      kept: await rows(sql`select ${key} as key, users from score_levels where users <> 0 order by 1`),
      counted: await rows(
        sql`select ${key} as key, count(*)::int as users from scores group by 1 order by 1`,
      ),
    };
  }

  it('match a fresh count of the scores after grades, re-grades and a forget-me', async () => {
    const { engine } = makeEngine(database().store);
    const random = seededRandom(11);
    const grades: Grade[] = ['nailed', 'partly', 'missed'];
    const questions = ['gil', 'decorators', 'multithreading', 'monkey-patching'];
    for (let i = 0; i < 60; i++) {
      const who = actor({ userId: `U${i % 12}`, channelId: `C${i % 3}`, userName: `u${i % 12}` });
      const questionId = questions[Math.floor(random() * questions.length)]!;
      await engine.run(who, 'reveal', { question: questionId });
      const grade = grades[Math.floor(random() * grades.length)]!;
      const view = await engine.run(who, 'grade', { question: questionId, grade });
      expect(view.kind).toBe('graded');
    }
    await engine.run(actor({ userId: 'U3' }), 'forget-me', {}, { confirmed: true });
    const { kept, counted } = await levels();
    expect(counted.length).toBeGreaterThan(10);
    expect(kept).toEqual(counted);
  });

  it('stay exact when one user grades many questions at the same moment', async () => {
    const { engine } = makeEngine(database().store);
    const who = actor({ userId: 'UFAST' });
    const questions = [
      'gil',
      'decorators',
      'multithreading',
      'monkey-patching',
      'closures',
      'context-managers',
    ];
    for (const questionId of questions) await engine.run(who, 'reveal', { question: questionId });
    const views = await Promise.all(
      questions.map((questionId) => engine.run(who, 'grade', { question: questionId, grade: 'nailed' })),
    );
    expect(views.map((v) => v.kind)).toEqual(questions.map(() => 'graded'));
    const { kept, counted } = await levels();
    expect(kept).toEqual(counted);
    // Six nailed grades: 18 points on each of the user's all-time boards (channel and team), one user there.
    expect(kept.filter((l) => l.key.includes('/all/') && l.key.endsWith('/18'))).toHaveLength(2);
  });

  it('are filled from the scores already there when the migration that adds them runs', async () => {
    const { engine } = makeEngine(database().store);
    for (let i = 0; i < 8; i++) {
      const who = actor({ userId: `U${i}`, channelId: `C${i % 2}` });
      await engine.run(who, 'reveal', { question: 'gil' });
      await engine.run(who, 'grade', { question: 'gil', grade: i % 3 === 0 ? 'missed' : 'nailed' });
    }
    // As a database from before the levels existed: scores, and no levels. Then the migration's backfill.
    const { db } = database().connection;
    await db.execute(sql`delete from score_levels`);
    const migration = readFileSync(join(MIGRATIONS_FOLDER, '0003_score_levels.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((part) => /insert into/i.test(part));
    expect(backfill).toBeDefined();
    await db.execute(sql.raw(backfill!));
    const { kept, counted } = await levels();
    expect(counted.length).toBeGreaterThan(3);
    expect(kept).toEqual(counted);
  });
});
