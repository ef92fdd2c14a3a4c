/**
 * The embedded database's own thread: it opens PGlite and runs the queries
 * pglite-thread.ts sends it. PGlite runs every query synchronously, so on the
 * main thread a burst of grades held every Slack and Discord ack behind it;
 * here the main thread only posts messages.
 *
 * Plain JavaScript on purpose: a worker thread starts without the TypeScript
 * loader (tsx, vitest), and this file needs none of it.
 *
 * workerData: { dataDir, niceness, statementCache }.
 * Messages in: { id, op: 'query', sql, params, rowMode, textTypes, tx? },
 * { id, op: 'begin' }, { id, op: 'end', tx, commit }, { id, op: 'close' }.
 * Messages out: { id, result } or { id, error }; 'begin' answers with the
 * transaction's id as its result.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite-settings.js';
import { PreparedStatements } from './pglite-statements.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker.js runs as a worker thread');

/**
 * On a busy machine the chat thread comes first: an ack late past 3 s loses
 * the click, while an answer can come a little later. Linux keeps a nice
 * value per thread, and /proc/thread-self names this one. Elsewhere, or if
 * refused, the thread keeps the process's priority.
 */
function yieldToTheChatThread(niceness) {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(thread, Math.min(19, getPriority(thread) + niceness));
  } catch {
    // Not Linux, or not allowed: same priority as the rest of the process.
  }
}

const pg = openPglite(workerData.dataDir);
// The benchmark's ablation runs turn the statement cache off (workerData.statementCache false).
const statements = workerData.statementCache === false ? null : new PreparedStatements(pg);
// Opening is on the bot's start-up path (nothing answers before it), so it runs at full priority; after it, the
// chat thread comes first. A failed open is reported by the first query.
pg.waitReady.then(
  () => yieldToTheChatThread(workerData.niceness ?? 0),
  () => {},
);

/** Open transactions by id: PGlite's transaction object and how to end it. */
const transactions = new Map();

// The one kind of parser a caller may ask for: keep these types as the text
// Postgres sent (drizzle-orm's parsers do exactly this for dates and intervals).
const asText = (value) => value;

function queryOptions(message) {
  const parsers = {};
  for (const type of message.textTypes) parsers[type] = asText;
  return { rowMode: message.rowMode, parsers };
}

/** An error as plain data: its message and Postgres's fields (code, detail, constraint…). */
function plainError(error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message };
}

/** A failure that rolls a transaction back without being an error of its own. */
class RolledBack extends Error {}

function begin(id) {
  const entry = { tx: null, end: null, settled: null };
  const ended = new Promise((resolve) => {
    entry.end = resolve;
  });
  entry.settled = pg.transaction(async (tx) => {
    entry.tx = tx;
    transactions.set(id, entry);
    port.postMessage({ id, result: id });
    if (!(await ended)) throw new RolledBack();
  });
  entry.settled.then(
    () => transactions.delete(id),
    (error) => {
      transactions.delete(id);
      // Failed before it opened (the database is closed, say): 'begin' still waits for its answer.
      if (!entry.tx) port.postMessage({ id, error: plainError(error) });
    },
  );
}

async function end(message) {
  const open = transactions.get(message.tx);
  if (!open) throw new Error(`no open transaction ${message.tx}`);
  open.end(message.commit);
  try {
    await open.settled;
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return null;
}

async function run(message) {
  switch (message.op) {
    case 'query': {
      const inTransaction = message.tx !== undefined;
      if (inTransaction && !transactions.get(message.tx)?.tx)
        throw new Error(`no open transaction ${message.tx}`);
      const options = queryOptions(message);
      const { rows, affectedRows, fields } = statements
        ? await statements.query(message.sql, message.params, options, inTransaction)
        : await (inTransaction ? transactions.get(message.tx).tx : pg).query(
            message.sql,
            message.params,
            options,
          );
      return { rows, affectedRows, fields };
    }
    case 'end':
      return end(message);
    case 'close':
      await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

port.on('message', (message) => {
  if (message.op === 'begin') {
    begin(message.id);
    return;
  }
  run(message).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error) => port.postMessage({ id: message.id, error: plainError(error) }),
  );
});
