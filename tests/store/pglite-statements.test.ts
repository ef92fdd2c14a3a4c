import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedStatements } from '../../src/store/drivers/pglite-statements.js';

const prepared = async (pg: PGlite) =>
  (await pg.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n;

describe('named prepared statements for PGlite', () => {
  const pg = new PGlite();
  const statements = new PreparedStatements(pg, 3);
  const query = <T>(sql: string, params: unknown[] = [], options = {}) =>
    statements.query<T>(sql, params, options, false);

  beforeAll(async () => {
    await pg.exec(`create table t (n int primary key, label text, at timestamptz, tags jsonb)`);
  });
  afterAll(() => pg.close());

  it("gives the same rows, fields and types as PGlite's own query, parameters of every kind included", async () => {
    const sql = `select $1::int as i, $2::bigint as b, $3::text as t, $4::boolean as f, $5::date as d,
                        $6::timestamptz as ts, $7::jsonb as j, $8::int[] as a, $9::text as missing`;
    const params = [
      7,
      9007199254740993n,
      "it's",
      true,
      '2026-03-04',
      new Date('2026-03-04T12:00:00Z'),
      { k: [1] },
      [1, 2],
      null,
    ];
    for (const options of [
      {},
      { rowMode: 'array' as const },
      { parsers: { 1082: (v: string) => `date ${v}` } },
    ]) {
      const ours = await query(sql, params, options);
      const theirs = await pg.query(sql, params, options);
      expect(ours.rows).toEqual(theirs.rows);
      expect(ours.fields).toEqual(theirs.fields);
    }
  });

  it('prepares a text once and reuses it; writes land and count their rows', async () => {
    const before = await prepared(pg);
    for (let n = 1; n <= 5; n++) {
      const written = await query('insert into t (n, label) values ($1, $2)', [n, `row ${n}`]);
      expect(written.affectedRows).toBe(1);
    }
    expect(await prepared(pg)).toBe(before + 1);
    expect((await pg.query('select count(*)::int as n from t')).rows).toEqual([{ n: 5 }]);
  });

  it("rejects bad SQL with Postgres's error and keeps nothing of it", async () => {
    const size = statements.size;
    const error = await query('selec 1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '42601' });
    expect(statements.size).toBe(size);
    expect((await query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('rejects a broken constraint with its fields, and the statement still works after', async () => {
    const insert = 'insert into t (n) values ($1)';
    await query(insert, [100]);
    const error = await query(insert, [100]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect((await query(insert, [101])).affectedRows).toBe(1);
  });

  it('closes the least recently used statement past its limit', async () => {
    for (let k = 0; k < 6; k++) await query(`select ${k} as k`);
    expect(statements.size).toBe(3);
    expect(await prepared(pg)).toBe(3);
  });

  it('prepares a statement afresh once a migration changed the columns it returns', async () => {
    await pg.exec('create table m (a int)');
    await pg.exec('insert into m values (1)');
    expect((await query('select * from m')).rows).toEqual([{ a: 1 }]);
    await pg.exec('alter table m add column b int default 2');
    // Postgres refuses the old plan once (result type changed); the next call prepares the new shape.
    await expect(query('select * from m')).rejects.toMatchObject({ code: '0A000' });
    expect((await query('select * from m')).rows).toEqual([{ a: 1, b: 2 }]);
  });
});
