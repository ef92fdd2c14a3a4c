/**
 * Creating an embedded data directory in a process of its own. PGlite's
 * WebAssembly memory grows while initdb and the first migrations run and
 * never shrinks: a bot that created its data dir kept about 740 MB resident
 * for its whole life, against about 240 MB for the same bot reopening that
 * dir. Creating it on a worker thread that then ended still left about
 * 100 MB more than a reopen (the allocator keeps what the thread freed); a
 * process that exits returns all of it. The bot then opens the dir as on
 * any later start.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CREATOR = fileURLToPath(new URL('./pglite-creator.js', import.meta.url));

/** Whether `dataDir` already holds a database: PGlite's own test (PG_VERSION there), else it runs initdb. */
export function holdsPgliteDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

export interface CreatedDataDir {
  /** The process that created it; it has exited by the time this is returned. */
  pid: number;
  exitCode: number;
}

/**
 * Runs initdb and the migrations in `dataDir` in a child process
 * (pglite-creator.js) and waits for it to exit.
 */
export async function createPgliteDataDir(
  dataDir: string,
  migrationsFolder: string,
): Promise<CreatedDataDir> {
  mkdirSync(dataDir, { recursive: true });
  // Plain node: the creator needs no TypeScript loader, whatever this process was started with.
  const child = spawn(process.execPath, [CREATOR, dataDir, migrationsFolder], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close': exited, and its stderr read to the end. A failure to spawn rejects here.
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) {
    const why = stderr.trim().split('\n').slice(-3).join(' ') || `exit ${code ?? signal}`;
    throw new Error(`could not create the embedded database in ${dataDir}: ${why}`);
  }
  return { pid: child.pid!, exitCode: code };
}
