import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/store/database.js';

/** Runs raw SQL on either driver and returns its rows (PGlite wraps them in { rows }, postgres.js does not). */
export async function queryRows<T extends object>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** An integer the bench chose itself, inlined into SQL (generate_series needs a typed literal). */
export function int(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return sql.raw(String(n));
}
