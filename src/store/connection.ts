import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';
import { createPgliteDataDir, holdsPgliteDatabase } from './drivers/pglite-data-dir.js';
import { PgliteThread, type PgliteThreadOptions } from './drivers/pglite-thread.js';
import { prepareRecurringStatements } from './drivers/recurring-statements.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any fixed number: replicas starting together take turns migrating.
const MIGRATION_LOCK = 734_211_901;

export interface Connection {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Queries the driver runs at once: PGlite one, postgres.js its pool size. Sizes the engine's work lane. */
  parallelism: number;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** postgres://… uses postgres.js against that server; unset uses embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** PGlite only: false runs every query through PGlite's own `query` (the benchmark's ablation runs). */
  pgliteStatementCache?: boolean;
}

/** Opens the database and applies drizzle's migrations, on either driver. */
export async function openDatabase(options: ConnectionOptions): Promise<Connection> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? './data', { statementCache: options.pgliteStatementCache ?? true });
}

/*
 * Each driver is imported only when opened: a process loads one of them, and
 * PGlite starts on its thread while this one is still loading drizzle's side.
 */

async function openPglite(dataDir: string, threadOptions: PgliteThreadOptions): Promise<Connection> {
  // A first start creates the dir in a process that then exits, so the bot keeps a reopen's memory, not initdb's.
  if (!dataDir.startsWith('memory://') && !holdsPgliteDatabase(dataDir)) {
    await createPgliteDataDir(dataDir, MIGRATIONS_FOLDER);
  }
  const thread = PgliteThread.open(dataDir, threadOptions);
  const [{ drizzle: drizzlePglite }, { migrate: migratePglite }, schema] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
    import('./schema.js'),
  ]);
  const db = drizzlePglite({ client: thread.asClient(), schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await thread.close().catch(() => {});
    throw error;
  }
  return { db: db as unknown as Database, kind: 'pglite', parallelism: 1, close: () => thread.close() };
}

async function openPostgres(url: string, max: number): Promise<Connection> {
  const [{ default: postgres }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }, schema] =
    await Promise.all([
      import('postgres'),
      import('drizzle-orm/postgres-js'),
      import('drizzle-orm/postgres-js/migrator'),
      import('./schema.js'),
    ]);
  // A short connect timeout: during an outage a click gets a clear error inside the platforms' 3 s, not a hang.
  const client = prepareRecurringStatements(postgres(url, { max, onnotice: () => {}, connect_timeout: 2 }));
  const db = drizzlePostgres({ client, schema });
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    lock.release();
  }
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    parallelism: max,
    close: () => client.end({ timeout: 5 }),
  };
}
