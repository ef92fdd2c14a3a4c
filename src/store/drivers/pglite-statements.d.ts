// Types for pglite-statements.js (plain JavaScript: it runs on the worker thread without a TypeScript loader).
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';

export declare const STATEMENT_LIMIT: number;

export declare class PreparedStatements {
  constructor(pg: PGlite, limit?: number);
  readonly size: number;
  query<T>(
    sql: string,
    params: unknown[],
    options: QueryOptions,
    inTransaction: boolean,
  ): Promise<Results<T>>;
}
