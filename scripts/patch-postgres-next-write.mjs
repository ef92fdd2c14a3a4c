/**
 * postinstall: guards postgres.js 3.4.x against a crash during a database
 * outage (porsager/postgres#1154, #1208; fix proposed in #1176/#1209, not
 * released). A small write is flushed on a later setImmediate; when the
 * socket has closed by then, nextWrite() calls write on null, and that throw
 * escapes every try/catch and takes the process down. Teardown also leaves
 * the timer set and the buffered bytes in place, so a reconnected connection
 * would never flush again, or would send stale bytes.
 *
 * The patch: nextWrite() on a closed socket drops the buffer and fails the
 * waiting queries with CONNECTION_CLOSED (the error the driver gives for a
 * closed connection anyway); teardown clears the timer and the buffer.
 * Idempotent; fails loudly if the driver's code is not what it expects.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '/* interview-drill: closed-socket guard */';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres');

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

function patch(file) {
  const text = readFileSync(file, 'utf8');
  if (text.includes(MARKER)) return 'already patched';
  const teardowns = text.split(TEARDOWN).length - 1;
  if (!text.includes(NEXT_WRITE) || teardowns !== 2) {
    throw new Error(
      `${file}: postgres.js changed (nextWrite or its two teardowns not found); check whether it fixes ` +
        'porsager/postgres#1208 itself and update scripts/patch-postgres-next-write.mjs',
    );
  }
  writeFileSync(file, text.replace(NEXT_WRITE, GUARDED_NEXT_WRITE).replaceAll(TEARDOWN, CLEAN_TEARDOWN));
  return 'patched';
}

if (!existsSync(root)) {
  console.log('patch-postgres-next-write: postgres.js not installed; nothing to do');
} else {
  for (const relative of ['src/connection.js', 'cjs/src/connection.js']) {
    const file = join(root, relative);
    if (existsSync(file)) console.log(`patch-postgres-next-write: ${relative} ${patch(file)}`);
  }
}
