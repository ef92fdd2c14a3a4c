import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/store/connection.js';
import * as dataDirs from '../../src/store/drivers/pglite-data-dir.js';

// The real creator, watched: which dirs it was asked to create and what it returned.
vi.mock('../../src/store/drivers/pglite-data-dir.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/drivers/pglite-data-dir.js')>();
  return { ...real, createPgliteDataDir: vi.fn(real.createPgliteDataDir) };
});

/** Whether a process with this id still exists (signal 0 only checks). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

describe('a first start on a fresh PGlite data dir', () => {
  const root = mkdtempSync(join(tmpdir(), 'drill-first-start-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const create = vi.mocked(dataDirs.createPgliteDataDir);

  // A first start runs initdb: tens of seconds on a busy 2-core machine.
  it('creates the dir in a child process that has exited, then opens it; a reopen creates nothing', {
    timeout: 180_000,
  }, async () => {
    const dataDir = join(root, 'data');
    expect(dataDirs.holdsPgliteDatabase(dataDir)).toBe(false);

    const first = await openDatabase({ dataDir });
    try {
      expect(create).toHaveBeenCalledTimes(1);
      expect(create.mock.calls[0]![0]).toBe(dataDir);
      const created = await create.mock.results[0]!.value;
      expect(created.exitCode).toBe(0);
      expect(created.pid).not.toBe(process.pid);
      expect(processExists(created.pid)).toBe(false);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      // Opened and usable: the creator's migrations are there, and a write lands.
      await first.db.execute(
        sql`insert into users (platform, team_id, user_id, display_name, updated_at)
            values ('slack', 'T1', 'U1', 'Ada', now())`,
      );
    } finally {
      await first.close();
    }

    const again = await openDatabase({ dataDir });
    try {
      expect(create).toHaveBeenCalledTimes(1);
      // PGlite's drizzle answers { rows }.
      const result = (await again.db.execute(sql`select display_name from users`)) as unknown as {
        rows: { display_name: string }[];
      };
      expect(result.rows).toEqual([{ display_name: 'Ada' }]);
    } finally {
      await again.close();
    }
  });

  it('reports a creator that fails, naming the dir', { timeout: 180_000 }, async () => {
    const dataDir = join(root, 'no-migrations');
    await expect(dataDirs.createPgliteDataDir(dataDir, join(root, 'missing-folder'))).rejects.toThrow(
      `could not create the embedded database in ${dataDir}`,
    );
  });
});
