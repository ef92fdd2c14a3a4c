/**
 * Spawning a node process in the repository (the app as `npm start` runs it:
 * node scripts/start.mjs), in console mode on an embedded data directory, and
 * watching its stdout for a line.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The environment with every setting that would leave console mode or the given data dir removed. */
export function consoleEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'DATABASE_URL' || key.startsWith('SLACK_') || key.startsWith('DISCORD_')) continue;
    if (key === 'LOG_LEVEL' || key === 'DRILL_DATA_DIR' || key === 'CONTENT_DIR') continue;
    env[key] = value;
  }
  env.DRILL_DATA_DIR = dataDir;
  return env;
}

export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with ms from spawn to the first stdout chunk containing `marker`. */
  ready: Promise<number>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export function spawnUntil(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  marker: string,
  timeoutMs = 60_000,
): Spawned {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" after ${timeoutMs} ms; stderr: ${stderr.slice(-500)}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes(marker)) {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before "${marker}"; stderr: ${stderr.slice(-500)}`));
    });
  });
  // Once ready has settled, a later exit must not count as an unhandled rejection.
  ready.catch(() => {});
  return { child, ready, exited };
}
