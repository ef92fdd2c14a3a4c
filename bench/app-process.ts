/**
 * Spawning a node process in the repository (the app as `npm start` runs it:
 * node scripts/start.mjs), in console or Slack mode on an embedded data
 * directory, and watching its output for a line.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment with every setting that would leave console mode or the given data dir removed. CONTENT_DIR
 * stays: the app reads the same question bank as the bench itself (tests/helpers/engine-fixture.ts).
 */
export function consoleEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'DATABASE_URL' || key.startsWith('SLACK_') || key.startsWith('DISCORD_')) continue;
    if (key === 'LOG_LEVEL' || key === 'DRILL_DATA_DIR' || key === 'PORT') continue;
    env[key] = value;
  }
  env.DRILL_DATA_DIR = dataDir;
  return env;
}

/** Slack mode (HTTP on a free port) against a fake Slack Web API, on the given data dir. */
export function slackEnvironment(dataDir: string, apiUrl: string, botToken: string, signingSecret: string) {
  return {
    ...consoleEnvironment(dataDir),
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    PORT: '0',
  };
}

export interface SpawnOptions {
  timeoutMs?: number;
  /** Where `marker` is looked for: stdout (the console), or stderr (the JSON log lines). */
  watch?: 'stdout' | 'stderr';
}

export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with ms from spawn to the first output containing `marker`. */
  ready: Promise<number>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export function spawnUntil(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  marker: string,
  { timeoutMs = 60_000, watch = 'stdout' }: SpawnOptions = {},
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
    let found = false;
    const seen = () => {
      if (found || !(watch === 'stdout' ? stdout : stderr).includes(marker)) return;
      found = true;
      clearTimeout(timer);
      resolve(performance.now() - t0);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      seen();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      seen();
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
