import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { turnTakingPglite } from '../../src/store/turn-taking-pglite.js';

describe('PGlite taking turns with the event loop', () => {
  const raw = new PGlite();
  const client = turnTakingPglite(raw);
  afterAll(() => raw.close());

  it('lets waiting I/O callbacks run between the queries of a burst', async () => {
    await client.query('select 1');
    let done = 0;
    const doneWhenTurnCame: number[] = [];
    const burst = Array.from({ length: 40 }, () => client.query('select pg_sleep(0.001)').then(() => done++));
    // A callback queued now, as a socket read would be: it must not wait for all forty.
    setImmediate(() => doneWhenTurnCame.push(done));
    await Promise.all(burst);
    expect(done).toBe(40);
    expect(doneWhenTurnCame[0]).toBeLessThan(40);
  });

  it('still runs a transaction as one: its queries see each other, a failure rolls back', async () => {
    await client.query('create table t (n int)');
    const seen = await client.transaction(async (tx) => {
      await tx.query('insert into t values (1)');
      return (await tx.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n;
    });
    expect(seen).toBe(1);
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into t values (2)');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await client.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n).toBe(1);
  });
});
