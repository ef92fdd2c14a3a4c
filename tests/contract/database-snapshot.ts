import { sql } from 'drizzle-orm';
import type { Database } from '../../src/store/database.js';
import { resultRows } from '../../src/store/result-rows.js';

/** Every public table's rows, each as JSON with sorted keys, sorted: equal snapshots mean equal contents. */
export type DatabaseSnapshot = Record<string, string[]>;

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((key) => [key, row[key]]),
  );

/**
 * Reads every table the migrations made (from the catalogue, so a new table is
 * never left out). No column takes its value from the database's own clock
 * (every timestamp is written from the engine's fixed TestClock), so rows
 * written twice compare equal with nothing dropped.
 */
export async function snapshotDatabase(db: Database): Promise<DatabaseSnapshot> {
  const tables = resultRows<{ tablename: string }>(
    await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`),
  );
  const snapshot: DatabaseSnapshot = {};
  for (const { tablename } of tables) {
    const rows = resultRows<Record<string, unknown>>(
      await db.execute(sql`select * from ${sql.identifier(tablename)}`),
    );
    snapshot[tablename] = rows.map(canonical).sort();
  }
  return snapshot;
}
