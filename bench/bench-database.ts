/**
 * The run's own database: a fresh database created on the DATABASE_URL server
 * (and dropped afterwards, so a run never touches user data), else embedded
 * PGlite in a temporary data directory (removed afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Store } from '../src/core/ports.js';
import { type Connection, openDatabase } from '../src/store/connection.js';
import { createStore } from '../src/store/store.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface BenchDatabase {
  kind: DatabaseKind;
  connection: Connection;
  store: Store;
  /** Where it lives, for the output: the database name and host, or the data directory. */
  where: string;
  close(): Promise<void>;
}

/** Which database a run uses: decided by DATABASE_URL alone. */
export function benchDatabaseKind(): DatabaseKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export interface BenchDatabaseOptions {
  /** PGlite's statement cache (false for an ablation run); Postgres has none to turn off. */
  statementCache: boolean;
}

export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? openOnServer(serverUrl) : openEmbedded(options);
}

async function openOnServer(serverUrl: string): Promise<BenchDatabase> {
  const name = `drill_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
  let connection: Connection;
  try {
    connection = await openDatabase({ databaseUrl: url.toString(), maxConnections: 10 });
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    kind: 'postgres',
    connection,
    store: createStore(connection.db),
    where: `database ${name} on ${url.host} (created for this run, dropped after)`,
    close: async () => {
      await connection.close();
      await drop();
    },
  };
}

async function openEmbedded(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drill-bench-'));
  let connection: Connection;
  try {
    connection = await openDatabase({ dataDir, pgliteStatementCache: options.statementCache });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    kind: 'pglite',
    connection,
    store: createStore(connection.db),
    where: `PGlite in ${dataDir} (temporary, removed after)${options.statementCache ? '' : ', statement cache off'}`,
    close: async () => {
      await connection.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
