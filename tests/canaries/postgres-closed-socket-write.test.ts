import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Canary for src/store/drivers/postgres-next-write-patch.mjs (postinstall):
 * postgres.js writes to a connection whose socket has closed, from a
 * setImmediate, and the TypeError takes the process down
 * (https://github.com/porsager/postgres/issues/1208). The probe replays that
 * without a database: a stand-in server drops a reserved connection, then
 * one more query goes to it. tests/reliability/closed-socket-write.test.ts
 * checks the same on a real server when TEST_DATABASE_URL is set.
 */
const PROBE = fileURLToPath(new URL('./postgres-closed-write-probe.mjs', import.meta.url));

function probe(driver: 'upstream' | 'installed'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [PROBE, driver], { timeout: 10_000 }, (error, stdout) => {
      const line = stdout.split('\n').find((l) => l.startsWith('canary:'));
      if (line) resolve(JSON.parse(line.slice('canary:'.length)));
      else reject(error ?? new Error(`the probe reported nothing: ${stdout}`));
    });
  });
}

describe('canary: postgres.js writes to a closed socket', () => {
  it("still crashes in the driver's own code (our guard taken out)", async () => {
    expect(
      await probe('upstream'),
      'upstream fixed porsager/postgres#1208: remove src/store/drivers/postgres-next-write-patch.mjs ' +
        '(and the postinstall script that runs it)',
    ).toEqual({ uncaught: "Cannot read properties of null (reading 'write')" });
  });

  it('is a rejected query, CONNECTION_CLOSED, in the driver as postinstall patched it', async () => {
    expect(await probe('installed')).toEqual({ rejected: 'CONNECTION_CLOSED' });
  });
});
