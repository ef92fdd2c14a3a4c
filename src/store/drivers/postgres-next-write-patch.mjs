/**
 * Workaround for postgres.js writing to a closed socket.
 * Upstream: https://github.com/porsager/postgres/issues/1208 (also #1154; fixes
 * proposed in #1176 and #1209, none released as of 3.4.9).
 * Canary: tests/canaries/postgres-closed-socket-write.test.ts.
 *
 * postinstall: guards postgres.js 3.4.x against a crash during a database
 * outage. A small write is flushed on a later setImmediate; when the socket
 * has closed by then, nextWrite() calls write on null, and that throw escapes
 * every try/catch and takes the process down. Teardown also leaves the timer
 * set and the buffered bytes in place, so a reconnected connection would
 * never flush again, or would send stale bytes.
 *
 * The patch: nextWrite() on a closed socket drops the buffer and fails the
 * waiting queries with CONNECTION_CLOSED (the error the driver gives for a
 * closed connection anyway); teardown clears the timer and the buffer.
 * Idempotent; fails loudly if the driver's code is not what it expects.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MARKER = '/* interview-drill: closed-socket guard */';

const NEXT_WRITE = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const GUARDED_NEXT_WRITE = `  function nextWrite(fn) {
    ${MARKER}
    if (!socket) {
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
const TEARDOWN = '\n    clearImmediate(nextWriteTimer)\n';
const CLEAN_TEARDOWN = '\n    clearImmediate(nextWriteTimer)\n    nextWriteTimer = chunk = null\n';

/** postgres.js's connection.js with the guard in; throws when the driver's code is not what it expects. */
export function withGuard(text, file = 'connection.js') {
  if (text.includes(MARKER)) return text;
  const teardowns = text.split(TEARDOWN).length - 1;
  if (!text.includes(NEXT_WRITE) || teardowns !== 2) {
    throw new Error(
      `${file}: postgres.js changed (nextWrite or its two teardowns not found); check whether it fixes ` +
        'porsager/postgres#1208 itself and update src/store/drivers/postgres-next-write-patch.mjs',
    );
  }
  return text.replace(NEXT_WRITE, GUARDED_NEXT_WRITE).replaceAll(TEARDOWN, CLEAN_TEARDOWN);
}

/** The driver's own connection.js, from a patched one (the canary runs it). */
export function withoutGuard(text) {
  return text.replace(GUARDED_NEXT_WRITE, NEXT_WRITE).replaceAll(CLEAN_TEARDOWN, TEARDOWN);
}

function patch(file) {
  const text = readFileSync(file, 'utf8');
  if (text.includes(MARKER)) return 'already patched';
  writeFileSync(file, withGuard(text, file));
  return 'patched';
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules', 'postgres');
  if (!existsSync(root)) {
    console.log('patch-postgres-next-write: postgres.js not installed; nothing to do');
    return;
  }
  for (const relative of ['src/connection.js', 'cjs/src/connection.js']) {
    const file = join(root, relative);
    if (existsSync(file)) console.log(`patch-postgres-next-write: ${relative} ${patch(file)}`);
  }
}

// Run as postinstall (through a symlinked checkout too); imported by the canary, it only lends its transforms.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
