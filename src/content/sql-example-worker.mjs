/**
 * The thread that runs ```sql examples on embedded PGlite for example-runner.ts.
 * PGlite runs a query synchronously and ignores statement_timeout, so a block
 * that never ends can only be stopped by ending its thread: the runner
 * terminates this worker on a timeout and starts a new one for the next block.
 *
 * Plain JavaScript on purpose: a worker thread starts without the TypeScript
 * loader (tsx, vitest).
 *
 * Messages out: { ready: true } once PGlite is open, or { fatal } if it cannot open;
 * then { id, error } per block, error null or { code, message }, plus `resetError`
 * when the schema could not be dropped after the block (the runner then restarts).
 * Messages in: { id, schema, sql }.
 */
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('sql-example-worker.mjs runs as a worker thread');

const plain = (error) => ({
  code: typeof error?.code === 'string' ? error.code : null,
  message: String(error?.message ?? error),
});

try {
  const db = await PGlite.create();
  port.on('message', async ({ id, schema, sql }) => {
    let error = null;
    try {
      await db.exec(`create schema ${schema}; set search_path to ${schema};`);
      await db.exec(sql);
    } catch (e) {
      error = plain(e);
    }
    let resetError = null;
    try {
      // End whatever the block left open, then undo its settings (search_path, roles, temp tables).
      await db.exec('rollback');
      await db.exec('discard all');
      await db.exec(`drop schema if exists ${schema} cascade`);
    } catch (e) {
      resetError = plain(e).message;
    }
    port.postMessage({ id, error, resetError });
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ fatal: String(error?.message ?? error) });
}
