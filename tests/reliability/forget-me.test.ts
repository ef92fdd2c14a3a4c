import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actor, makeEngine } from '../helpers/engine-fixture.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(result: unknown): T[] => {
  const r = result as Rows<T>;
  return Array.isArray(r) ? r : r.rows;
};

describe.each(DATABASE_KINDS)('forget-me on %s', (kind) => {
  const database = useTestDatabase(kind, { truncateEach: false });

  it("leaves no row with the user's id in any table", async () => {
    const { engine } = makeEngine(database().store);
    const me = actor({ userId: 'U_FORGET', userName: 'forget me' });
    await engine.run(me, 'schedule set', { time: '09:00', timezone: 'UTC', days: 'daily' });
    const today = await engine.run(me, 'today');
    const daily = today.kind === 'question' ? today.question.id : 'gil';
    await engine.run(me, 'write', { question: daily, text: 'an answer' });
    await engine.run(me, 'reveal', { question: daily });
    await engine.run(me, 'grade', { question: daily, grade: 'nailed' });
    await engine.run(me, 'reveal', { question: 'gil' });
    await engine.run(me, 'grade', { question: 'gil', grade: 'missed' });
    await engine.run(me, 'privacy', { mode: 'hidden' });
    await engine.run(me, 'stats');

    // Every table, found from the catalogue, so a table added later is covered too.
    const tables = rowsOf<{ table_name: string; column_name: string }>(
      await database().connection.db.execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying')`),
    );
    const holding = async () => {
      const found: string[] = [];
      for (const { table_name, column_name } of tables) {
        const [row] = rowsOf<{ n: number }>(
          await database().connection.db.execute(
            sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)} = 'U_FORGET'`,
          ),
        );
        if ((row?.n ?? 0) > 0) found.push(`${table_name}.${column_name}`);
      }
      return found.sort();
    };
    expect(await holding()).toEqual([
      'attempts.user_id',
      'review_cards.user_id',
      'scores.user_id',
      'users.user_id',
    ]);
    expect(await engine.run(me, 'forget-me', {}, { confirmed: true })).toMatchObject({
      kind: 'notice',
      tone: 'success',
    });
    expect(await holding()).toEqual([]);
  });
});
