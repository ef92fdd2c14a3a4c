import { randomBytes } from 'node:crypto';
import postgres, { type Sql, type TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRecurringStatements } from '../../src/store/drivers/recurring-statements.js';

const base = process.env.TEST_DATABASE_URL;

describe.runIf(base)('prepared statements for recurring SQL on postgres.js', () => {
  const name = `drill_t_${randomBytes(6).toString('hex')}`;
  let admin: Sql;
  let client: Sql;

  beforeAll(async () => {
    admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base!);
    url.pathname = `/${name}`;
    // One connection, so its prepared statements are the ones pg_prepared_statements shows.
    client = prepareRecurringStatements(postgres(url.toString(), { max: 1, onnotice: () => {} }), {
      after: 3,
      limit: 2,
    });
  });
  afterAll(async () => {
    await client?.end();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  /** As drizzle-orm calls it for every query. */
  const run = (sql: Sql | TransactionSql, text: string, n: number) =>
    sql.unsafe(text, [n], { prepare: false });
  // postgres.js prepares a catalogue query of its own on connecting: only this test's texts count.
  const preparedTexts = async () =>
    (
      await client.unsafe(
        "select statement from pg_prepared_statements where statement like 'select $1%' order by statement",
      )
    ).map((r) => r.statement as string);

  it('prepares a text once it recurs, and answers the same either way', async () => {
    const text = 'select $1::int + 1 as n';
    for (const n of [1, 2]) expect(await run(client, text, n)).toEqual([{ n: n + 1 }]);
    expect(await preparedTexts()).toEqual([]);
    for (const n of [3, 4, 5]) expect(await run(client, text, n)).toEqual([{ n: n + 1 }]);
    expect(await preparedTexts()).toEqual([text]);
  });

  it('prepares inside transactions too, and stops at its limit', async () => {
    const second = 'select $1::int * 2 as n';
    await client.begin(async (tx) => {
      for (const n of [1, 2, 3]) expect(await run(tx, second, n)).toEqual([{ n: n * 2 }]);
    });
    const third = 'select $1::int - 1 as n';
    for (const n of [1, 2, 3, 4]) expect(await run(client, third, n)).toEqual([{ n: n - 1 }]);
    expect(await preparedTexts()).toEqual(['select $1::int * 2 as n', 'select $1::int + 1 as n']);
  });

  it('leaves one-off texts unprepared', async () => {
    for (let k = 0; k < 5; k++) await run(client, `select $1::int + ${k} as n`, 1);
    expect(await preparedTexts()).toHaveLength(2);
  });
});
