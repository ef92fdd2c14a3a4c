/**
 * Workaround for PGlite's statement handling: named prepared statements for
 * PGlite, one per SQL text, as postgres.js keeps them on a server connection.
 * PGlite's own `query` parses, describes and plans every statement on every
 * call (the unnamed statement), in six calls into the database; here a
 * statement seen before is bound and run in one call, and Postgres reuses its
 * plan (a board query spent twice as long planning as running).
 *
 * Upstream: no upstream issue found.
 * Canary: tests/canaries/pglite-statement-cache.test.ts.
 *
 * Plain JavaScript, like pglite-worker.js, which is its only user.
 */
import { parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Statements kept; the least recently used one is closed past this (one-off SQL: migrations, batches). */
export const STATEMENT_LIMIT = 200;

/** Postgres refuses a cached plan whose result columns changed under it (a migration): prepare it afresh. */
const RESULT_TYPE_CHANGED = '0A000';

function joined(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class PreparedStatements {
  /** SQL text → { name, paramTypes }, in least-recently-used-first order. */
  #byText = new Map();
  #next = 1;

  constructor(pg, limit = STATEMENT_LIMIT) {
    this.pg = pg;
    this.limit = limit;
  }

  get size() {
    return this.#byText.size;
  }

  /**
   * Runs `sql` with `params` as PGlite's `query` would (same results, same
   * locking), on the statement prepared for that text. Inside one of PGlite's
   * transactions (`inTransaction`), the transaction already holds PGlite.
   */
  async query(sql, params, options, inTransaction) {
    // Refuses a closed database, and waits for one still opening.
    await this.pg._checkReady();
    const run = () => this.pg._runExclusiveQuery(() => this.#run(sql, params, options, inTransaction));
    return inTransaction ? run() : this.pg._runExclusiveTransaction(run);
  }

  async #run(sql, params, options, inTransaction) {
    const statement = await this.#statementFor(sql);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[statement.paramTypes[i]];
      return serializer ? serializer(value) : value.toString();
    });
    let messages;
    try {
      messages = await this.#exec([
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
    } catch (error) {
      if (error?.code === RESULT_TYPE_CHANGED) await this.#close(sql);
      throw error;
    }
    // As PGlite's own query: a write outside a transaction reaches the data dir before the answer.
    if (!inTransaction) await this.pg.syncToFs();
    return parse.parseResults(messages, this.pg.parsers, options)[0];
  }

  async #statementFor(sql) {
    const known = this.#byText.get(sql);
    if (known) {
      this.#byText.delete(sql);
      this.#byText.set(sql, known);
      return known;
    }
    const name = `drill_${this.#next++}`;
    // Parse failing (bad SQL) throws here, and nothing is kept.
    const described = await this.#exec([
      serialize.parse({ name, text: sql }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    ]);
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    this.#byText.set(sql, statement);
    if (this.#byText.size > this.limit) await this.#close(this.#byText.keys().next().value);
    return statement;
  }

  async #close(sql) {
    const statement = this.#byText.get(sql);
    if (!statement) return;
    this.#byText.delete(sql);
    await this.#exec([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]);
  }

  #exec(parts) {
    return this.pg.execProtocolStream(joined(parts), { syncToFs: false });
  }
}
