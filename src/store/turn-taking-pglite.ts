import type { PGlite, Transaction } from '@electric-sql/pglite';

type QueryFn = PGlite['query'];

/**
 * PGlite runs each query synchronously on the main thread and hands its lock
 * on through promise callbacks, so a burst of queries would run back to back
 * without the event loop reading a socket in between: a burst of grades would
 * hold every Slack and Discord ack behind it. Here queries start one per turn
 * of the event loop, so waiting I/O runs between any two.
 *
 * A turn is given on the next loop iteration whether or not the last query
 * finished: a query that waits for PGlite's transaction lock must not keep
 * the transaction's own next query from its turn.
 */
class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // setImmediate from inside a check-phase callback runs on the next iteration, after its poll for I/O.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()!();
      this.schedule();
    });
  }
}

/** The part of PGlite's API drizzle-orm/pglite calls (`query`, and `transaction` with `query` inside), taking turns. */
export function turnTakingPglite(client: PGlite): PGlite {
  const turns = new Turns();
  const query = (run: QueryFn): QueryFn =>
    (async (...args: Parameters<QueryFn>) => {
      await turns.next();
      return run(...args);
    }) as QueryFn;
  const wrapped = {
    query: query(client.query.bind(client)),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) => fn({ ...tx, query: query(tx.query.bind(tx)) } as Transaction)),
  };
  return wrapped as unknown as PGlite;
}
