import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/** What pglite-worker.js is sent; see its header. */
interface QueryRequest {
  op: 'query';
  sql: string;
  params: unknown[];
  rowMode: 'array' | 'object';
  textTypes: number[];
  tx?: number;
}

type Request = QueryRequest | { op: 'begin' } | { op: 'end'; tx: number; commit: boolean } | { op: 'close' };

type Reply = { id: number; result: unknown } | { id: number; error: { name: string; message: string } };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** About a tenth of the CPU share of the chat thread when both want the same core (Linux CFS weights). */
const DATABASE_NICENESS = 10;

export interface PgliteThreadOptions {
  /** Steps below the process's priority once open (Linux); default 10. */
  niceness?: number;
  /**
   * false: every query goes through PGlite's own `query` (parse, describe,
   * plan each time) instead of a named prepared statement per SQL text. Only
   * the benchmark's ablation runs turn it off.
   */
  statementCache?: boolean;
}

/** An error from the worker, with Postgres's fields (code, detail, constraint…) back on it. */
function rebuiltError(plain: { name: string; message: string }): Error {
  return Object.assign(new Error(plain.message), plain);
}

/**
 * Embedded PGlite on a worker thread, behind the part of PGlite's API that
 * drizzle-orm/pglite calls: `query`, and `transaction` with `query` inside.
 * The main thread keeps reading sockets (acks, the scheduler's posts) while
 * a query runs. PGlite still runs one query at a time, and a transaction
 * holds it until this side ends it, exactly as in-process.
 */
export class PgliteThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    // Held open only while a request waits for its answer: an idle database must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.stop(new Error(`the embedded database stopped: ${error.message}`)));
    worker.on('exit', (code) => this.stop(new Error(`the embedded database stopped (thread exit ${code})`)));
  }

  /**
   * Starts the thread; PGlite opens `dataDir` ('memory://' for none) there,
   * and the first query waits for it. The thread runs `niceness` steps below
   * the process's priority (on Linux), so a busy database never delays an ack.
   */
  static open(dataDir: string, options: PgliteThreadOptions = {}): PgliteThread {
    const niceness = options.niceness ?? DATABASE_NICENESS;
    const statementCache = options.statementCache ?? true;
    const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
      workerData: { dataDir, niceness, statementCache },
      // The worker is plain JavaScript: no TypeScript loader to start there.
      execArgv: [],
    });
    return new PgliteThread(worker);
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.send(queryRequest(sql, params, options)) as Promise<Results<T>>;
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = (await this.send({ op: 'begin' })) as number;
    const inside = {
      query: (sql: string, params: unknown[] = [], options?: QueryOptions) =>
        this.send({ ...queryRequest(sql, params, options), tx }),
    } as unknown as Transaction;
    let result: T;
    try {
      result = await fn(inside);
    } catch (error) {
      // The caller's error is the one worth seeing, even if the rollback fails too.
      await this.send({ op: 'end', tx, commit: false }).catch(() => {});
      throw error;
    }
    await this.send({ op: 'end', tx, commit: true });
    return result;
  }

  /** Closes PGlite (writing its data dir out) and ends the thread. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.stopped) await this.send({ op: 'close' });
      this.stopped ??= new Error('the embedded database is closed');
      await this.worker.terminate();
    })();
    return this.closing;
  }

  /** This object where drizzle-orm/pglite expects a PGlite client. */
  asClient(): PGlite {
    return this as unknown as PGlite;
  }

  private send(request: Request): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) waiting.reject(rebuiltError(reply.error));
    else waiting.resolve(reply.result);
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

function queryRequest(sql: string, params: unknown[], options: QueryOptions | undefined): QueryRequest {
  return {
    op: 'query',
    sql,
    params,
    rowMode: options?.rowMode ?? 'object',
    // Only drizzle's "keep it as text" parsers cross the thread: the type ids are sent, not the functions.
    textTypes: Object.keys(options?.parsers ?? {}).map(Number),
  };
}
