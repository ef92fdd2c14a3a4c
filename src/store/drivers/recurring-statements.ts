import type { Sql } from 'postgres';

/**
 * Prepared statements for the SQL drizzle-orm sends through postgres.js.
 * drizzle calls `sql.unsafe(text, params, { prepare: false })` for every
 * query not built with `.prepare(name)`, and postgres.js then asks the server
 * for the parameter types first: two round trips and a fresh plan per query
 * (a board read took 1.3 ms where one trip is 0.2 ms). Here a text that
 * recurs is prepared (one round trip, its plan kept by the server, per
 * connection).
 *
 * postgres.js never closes a statement it prepared, so only texts seen
 * `after` times are prepared, and at most `limit` of them: the recurring
 * queries, not the one-off batches whose text changes with their size.
 */
export interface RecurringOptions {
  after: number;
  limit: number;
}

const DEFAULTS: RecurringOptions = { after: 3, limit: 300 };

type Unsafe = Sql['unsafe'];

export function prepareRecurringStatements(client: Sql, options: RecurringOptions = DEFAULTS): Sql {
  const seen = new Map<string, number>();
  const prepared = new Set<string>();
  const shouldPrepare = (text: string): boolean => {
    if (prepared.has(text)) return true;
    if (prepared.size >= options.limit) return false;
    const count = (seen.get(text) ?? 0) + 1;
    if (count < options.after) {
      // One-off texts must not pile up here either: forget them all now and then.
      if (seen.size >= options.limit * 10) seen.clear();
      seen.set(text, count);
      return false;
    }
    seen.delete(text);
    prepared.add(text);
    return true;
  };
  patch(client, shouldPrepare);
  return client;
}

/** Wraps `unsafe` on this client, and on the clients its transactions and savepoints hand out. */
function patch(client: Sql, shouldPrepare: (text: string) => boolean): void {
  const unsafe: Unsafe = client.unsafe.bind(client);
  client.unsafe = ((text: string, params?: unknown[], queryOptions?: { prepare?: boolean }) =>
    unsafe(text, params as never, {
      ...queryOptions,
      prepare: Boolean(queryOptions?.prepare) || shouldPrepare(text),
    })) as Unsafe;
  for (const method of ['begin', 'savepoint'] as const) {
    const original = (client as unknown as Record<string, unknown>)[method];
    if (typeof original !== 'function') continue;
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const last = args.length - 1;
      const body = args[last] as (inner: Sql) => unknown;
      args[last] = (inner: Sql) => {
        patch(inner, shouldPrepare);
        return body(inner);
      };
      return (original as (...a: unknown[]) => unknown).apply(client, args);
    };
  }
}
