import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { type Connection, openDatabase } from '../../src/store/connection.js';
import { createStore } from '../../src/store/store.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The kinds to run a store suite on: PGlite always, real Postgres when TEST_DATABASE_URL is set. */
export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase {
  kind: DatabaseKind;
  connection: Connection;
  store: Store;
  /** postgres:// URL of this test's own database (postgres kind only). */
  url: string | null;
  truncate(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  let url: string | null = null;
  let drop: () => Promise<void> = async () => {};
  if (kind === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const name = `drill_t_${randomBytes(6).toString('hex')}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const connection = await openDatabase(
    url ? { databaseUrl: url, maxConnections: 20 } : { dataDir: 'memory://' },
  );
  return {
    kind,
    connection,
    store: createStore(connection.db),
    url,
    // Every table the migrations made (the catalogue, so a new table is never left out).
    truncate: async () => {
      await connection.db.execute(sql`
        do $$ declare names text;
        begin
          select string_agg(quote_ident(tablename), ', ') into names from pg_tables where schemaname = 'public';
          if names is not null then execute 'truncate ' || names; end if;
        end $$`);
    },
    close: async () => {
      await connection.close();
      await drop();
    },
  };
}

/**
 * One database for the test file (PGlite takes seconds to start), emptied
 * before each test unless asked not to. Returns a getter for use inside tests.
 */
export function useTestDatabase(
  kind: DatabaseKind,
  options: { truncateEach?: boolean } = {},
): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.close();
  });
  if (options.truncateEach ?? true) {
    beforeEach(async () => {
      await db!.truncate();
    });
  }
  return () => db!;
}
