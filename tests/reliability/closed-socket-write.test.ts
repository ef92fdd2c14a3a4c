import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';

/**
 * postgres.js 3.4.x throws from a setImmediate when a buffered write meets a
 * closed socket (porsager/postgres#1208): an uncaught exception that would take
 * the bot down in a database outage. src/store/drivers/postgres-next-write-patch.mjs
 * (postinstall) guards it.
 */
describe('postgres.js writing to a closed connection', () => {
  it('is the installed driver, patched', () => {
    const entry = createRequire(import.meta.url).resolve('postgres');
    const root = join(dirname(entry), '..', '..');
    for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
      expect(readFileSync(join(root, file), 'utf8')).toContain('interview-drill: closed-socket guard');
    }
  });

  // A real server whose backend is terminated under a held connection: runs when TEST_DATABASE_URL is set (CI).
  it.each(process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [])(
    'rejects the query with CONNECTION_CLOSED instead of crashing, and the pool recovers (%s)',
    async (url) => {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      const client = postgres(url, { max: 2, onnotice: () => {} });
      const uncaught: unknown[] = [];
      const onUncaught = (error: unknown) => void uncaught.push(error);
      process.on('uncaughtException', onUncaught);
      try {
        const held = await client.reserve();
        const [row] = await held`select pg_backend_pid() as pid`;
        await admin`select pg_terminate_backend(${row!.pid})`;
        await new Promise((r) => setTimeout(r, 200));
        await expect(held`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
        held.release();
        let answer: number | null = null;
        for (let i = 0; i < 20 && answer === null; i++) {
          answer = await client`select 2 as x`.then(([r]) => Number(r!.x)).catch(() => null);
          if (answer === null) await new Promise((r) => setTimeout(r, 100));
        }
        expect(answer).toBe(2);
        await new Promise((r) => setImmediate(r));
        expect(uncaught).toEqual([]);
      } finally {
        process.off('uncaughtException', onUncaught);
        await admin.end({ timeout: 1 });
        await client.end({ timeout: 1 });
      }
    },
  );
});
