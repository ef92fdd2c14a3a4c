/**
 * Runs porsager/postgres#1208's sequence against a stand-in server, in a child
 * process so that the driver's uncaught exception ends this process, not the
 * test runner: a reserved connection whose server closes the socket, then one
 * more query on it. Prints one `canary:` JSON line, the outcome:
 * `{ uncaught: message }`, `{ rejected: code }`, `{ answered: true }` or `{ hung: true }`.
 *
 * argv[2]: `upstream` runs the driver's own connection.js (the installed one
 * with our guard taken out, in a copy under the system temp dir); `installed`
 * runs node_modules/postgres as patched by postinstall.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withoutGuard } from '../../src/store/drivers/postgres-next-write-patch.mjs';

const report = (outcome) => {
  process.stdout.write(`canary:${JSON.stringify(outcome)}\n`);
  process.exit(0);
};
process.on('uncaughtException', (error) => report({ uncaught: error.message }));
setTimeout(() => report({ hung: true }), 3_000).unref();

const installed = join(dirname(createRequire(import.meta.url).resolve('postgres')), '..', '..', 'src');
let driver = installed;
if (process.argv[2] === 'upstream') {
  driver = join(mkdtempSync(join(tmpdir(), 'postgres-upstream-')), 'src');
  process.on('exit', () => rmSync(dirname(driver), { recursive: true, force: true }));
  cpSync(installed, driver, { recursive: true });
  writeFileSync(join(driver, 'package.json'), '{ "type": "module" }');
  const connection = join(driver, 'connection.js');
  writeFileSync(connection, withoutGuard(readFileSync(connection, 'utf8')));
}
const { default: postgres } = await import(pathToFileURL(join(driver, 'index.js')).href);

// Just enough of a Postgres server: trust the startup message, answer every simple query with an empty
// result, and later drop the connection.
const AUTHENTICATION_OK = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
const EMPTY_QUERY_RESPONSE = Buffer.from([0x49, 0, 0, 0, 4]);
const READY_FOR_QUERY = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
const SIMPLE_QUERY = 0x51;
const sockets = [];
const server = createServer((socket) => {
  sockets.push(socket);
  socket.once('data', () => {
    socket.write(Buffer.concat([AUTHENTICATION_OK, READY_FOR_QUERY]));
    socket.on('data', (message) => {
      if (message[0] === SIMPLE_QUERY) socket.write(Buffer.concat([EMPTY_QUERY_RESPONSE, READY_FOR_QUERY]));
    });
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

let driverSawClose;
const closeSeen = new Promise((resolve) => {
  driverSawClose = resolve;
});
const sql = postgres({
  host: '127.0.0.1',
  port: server.address().port,
  user: 'canary',
  database: 'canary',
  max: 1,
  fetch_types: false,
  connect_timeout: 2,
  onnotice: () => {},
  onclose: () => driverSawClose(),
});
// One query opens the connection; reserve() then holds it, as a lock helper or a transaction does.
await sql`select 1`.simple();
const held = await sql.reserve();
sockets[0].destroy();
// The driver has seen the close: its socket is null from here on, as a held connection's is in an outage.
await closeSeen;
try {
  await held`select 1`;
  report({ answered: true });
} catch (error) {
  report({ rejected: error.code });
}
