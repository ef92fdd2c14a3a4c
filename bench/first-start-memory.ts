/**
 * Memory of a first start (issue 13): the app as `npm start` runs it, in
 * Slack mode (HTTP on a free port, the fake Slack Web API on loopback), first
 * on an embedded data dir that does not exist yet, then reopening that same
 * dir. Each process's VmRSS is read one minute after its "ready" log line.
 * PGlite's WebAssembly memory grows during initdb and never shrinks; the
 * store creates a fresh dir in a child process that exits
 * (src/store/drivers/pglite-data-dir.ts), so the bot that creates its dir
 * should keep no more than one that reopens it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlackApi } from '../tests/slack/fake-slack-api.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../tests/slack/slack-harness.js';
import { REPO_ROOT, slackEnvironment, spawnUntil } from './app-process.js';
import type { BenchContext, Benchmark } from './benchmark.js';
import type { FigureSpec } from './figure.js';
import { residentMegabytes } from './process-memory.js';

/** Issue 13: a first start's resident memory at most this many times a reopen's. */
const FIRST_START_RATIO_TARGET = 1.2;
const READY_MARKER = '"msg":"ready"';
/** A first start runs initdb: tens of seconds on a busy 2-core machine. */
const READY_TIMEOUT_MS = 180_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts the app in Slack mode on `dataDir`, waits `idleMs` after ready, reads its RSS, stops it (SIGTERM). */
async function residentAfterReady(
  dataDir: string,
  apiUrl: string,
  idleMs: number,
): Promise<{ readyMs: number; rssMb: number }> {
  const app = spawnUntil(
    ['scripts/start.mjs'],
    slackEnvironment(dataDir, apiUrl, BOT_TOKEN, SIGNING_SECRET),
    READY_MARKER,
    { timeoutMs: READY_TIMEOUT_MS, watch: 'stderr' },
  );
  try {
    const readyMs = await app.ready;
    await sleep(idleMs);
    const rssMb = residentMegabytes(app.child.pid!);
    app.child.kill('SIGTERM');
    await app.exited;
    return { readyMs, rssMb };
  } catch (error) {
    app.child.kill('SIGKILL');
    throw error;
  }
}

/** `node scripts/start.mjs --build`: the JavaScript build of src/ made beforehand, so neither start pays for it. */
async function buildOnce(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--build'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`node scripts/start.mjs --build exited ${code}`);
}

async function run(context: BenchContext): Promise<FigureSpec[]> {
  const idleMs = context.size(60_000);
  await buildOnce();
  const fake = await new FakeSlackApi().start();
  try {
    const dataDir = join(context.tempDir('drill-first-start'), 'data');
    context.log(
      `first start: Slack mode on a data dir that does not exist yet; RSS ${idleMs / 1000} s after ready`,
    );
    const first = await residentAfterReady(dataDir, fake.apiUrl, idleMs);
    context.log(`first start: ready in ${first.readyMs.toFixed(0)} ms, ${first.rssMb.toFixed(0)} MB`);
    context.log('reopen: the same bot on the dir the first start created');
    const reopen = await residentAfterReady(dataDir, fake.apiUrl, idleMs);
    context.log(`reopen: ready in ${reopen.readyMs.toFixed(0)} ms, ${reopen.rssMb.toFixed(0)} MB`);
    return [
      {
        name: 'memory.first_start_rss',
        value: first.rssMb,
        unit: 'MB',
        baseline: reopen.rssMb,
        ratioOf: 'value/baseline',
        target: { op: '<=', value: FIRST_START_RATIO_TARGET },
        targetOn: 'ratio',
        note: `VmRSS of the Slack-mode app (node scripts/start.mjs) ${idleMs / 1000} s after its "ready" log line: first start on a fresh data dir (ready in ${(first.readyMs / 1000).toFixed(1)} s) / the same bot reopening that dir (ready in ${(reopen.readyMs / 1000).toFixed(1)} s)`,
      },
    ];
  } finally {
    await fake.stop();
  }
}

export const firstStartMemoryBenchmark: Benchmark = {
  id: 'first-start',
  title: "Memory of a first start: the Slack-mode app's RSS creating its data dir vs reopening it",
  run,
};
