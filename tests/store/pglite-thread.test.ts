import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgliteThread } from '../../src/store/drivers/pglite-thread.js';

describe('PGlite on its own thread', () => {
  const db = PgliteThread.open('memory://');
  afterAll(() => db.close());

  it('keeps the main thread free while a query runs', async () => {
    await db.query('select 1');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await db.query('select pg_sleep(0.3)');
    clearInterval(timer);
    // In-process, PGlite would have held the thread for all 300 ms: no tick at all.
    expect(ticks).toBeGreaterThan(10);
  });

  it.runIf(process.platform === 'linux')(
    'runs below the chat thread in priority (Linux nice per thread)',
    async () => {
      await db.query('select 1');
      const niceOf = (task: string) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      };
      const main = niceOf(String(process.pid));
      const nices = readdirSync('/proc/self/task').map(niceOf);
      expect(nices).toContain(Math.min(19, main + 10));
    },
  );

  it('opens with 32 MB of shared buffers, not 128 MB (start-up time and idle memory)', async () => {
    const { rows } = await db.query<{ shared_buffers: string }>('show shared_buffers');
    expect(rows).toEqual([{ shared_buffers: '32MB' }]);
  });

  it('returns rows as objects or arrays, and keeps the types asked for as text', async () => {
    const objects = await db.query<{ n: number; d: string }>(
      `select 7::int as n, date '2026-03-04' as d`,
      [],
      {
        parsers: { 1082: (v: string) => v },
      },
    );
    expect(objects.rows).toEqual([{ n: 7, d: '2026-03-04' }]);
    const arrays = await db.query<unknown[]>('select $1::text as t, $2::int as n', ['a', 2], {
      rowMode: 'array',
    });
    expect(arrays.rows).toEqual([['a', 2]]);
    expect(arrays.fields.map((f) => f.name)).toEqual(['t', 'n']);
  });

  it("rejects with Postgres's error fields (code, constraint) on the error", async () => {
    await db.query('create table uniq (n int primary key)');
    await db.query('insert into uniq values (1)');
    const error = await db.query('insert into uniq values (1)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'uniq_pkey' });
    expect((error as Error).message).toMatch(/duplicate key/);
  });

  it('runs a transaction as one: its queries see each other, others wait, a failure rolls back', async () => {
    await db.query('create table t (n int)');
    const order: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    const seen = await db.transaction(async (tx) => {
      await tx.query('insert into t values (1)');
      // Sent while the transaction is open: it must run after the commit, and see the row.
      outside = db.query<{ n: number }>('select count(*)::int as n from t').then((r) => {
        order.push(`outside saw ${r.rows[0]!.n}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('inside done');
      return (await tx.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n;
    });
    await outside;
    expect(seen).toBe(1);
    expect(order).toEqual(['inside done', 'outside saw 1']);

    const failure = db.transaction(async (tx) => {
      await tx.query('insert into t values (2)');
      throw new Error('changed my mind');
    });
    await expect(failure).rejects.toThrow('changed my mind');
    const failedInside = db.transaction(async (tx) => {
      await tx.query('insert into t values (3)');
      await tx.query('insert into nowhere values (1)');
    });
    await expect(failedInside).rejects.toMatchObject({ code: '42P01' });
    expect((await db.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n).toBe(1);
  });

  it("with the statement cache off (bench ablation runs), answers the same through PGlite's own query", async () => {
    const preparedCount = async (thread: PgliteThread) =>
      (await thread.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements')).rows[0]!.n;
    const plain = PgliteThread.open('memory://', { statementCache: false });
    try {
      for (const thread of [db, plain]) {
        expect((await thread.query('select $1::int + 1 as n', [1])).rows).toEqual([{ n: 2 }]);
        await thread.transaction(async (tx) => {
          await tx.query('create table if not exists plain_t (n int)');
          await tx.query('insert into plain_t values ($1)', [5]);
        });
      }
      expect((await plain.query('select n from plain_t')).rows).toEqual([{ n: 5 }]);
      expect(await preparedCount(db)).toBeGreaterThan(0);
      expect(await preparedCount(plain)).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('refuses queries once closed, with a clear error', async () => {
    const other = PgliteThread.open('memory://');
    await other.query('select 1');
    await other.close();
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/embedded database is closed/);
  });

  it('writes its data dir out on close, and a new thread reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-thread-'));
    try {
      const first = PgliteThread.open(dir);
      await first.query('create table kept (n int)');
      await first.query('insert into kept values (42)');
      await first.close();
      const second = PgliteThread.open(dir);
      expect((await second.query<{ n: number }>('select n from kept')).rows).toEqual([{ n: 42 }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
