/**
 * Bench 5, start-up and memory: spawn the app as `npm start` does
 * (node scripts/start.mjs: the JavaScript build of src/, made by the first
 * run), console mode, stdin a pipe kept open, on an embedded data directory a
 * first run has initialised; time spawn to the first "Today's question" on
 * stdout, then read the idle child's VmRSS.
 */
import { consoleEnvironment, spawnUntil } from './app-process.js';
import type { BenchContext, Benchmark } from './benchmark.js';
import type { FigureSpec } from './figure.js';
import { summarize } from './percentiles.js';
import { residentMegabytes } from './process-memory.js';

const READY_MARKER = "Today's question";
const READY_TARGET_MS = 1500;
const IDLE_MS = 2000;
/** No figure in issue 6; a guard against regressions (PGlite's WASM heap alone is a few hundred MB). */
const IDLE_RSS_GUARD_MB = 512;
const APP_ARGS = ['scripts/start.mjs'];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One start: ms to ready, and RSS after idling. Quits through the console afterwards. */
async function startOnce(dataDir: string, idleMs: number): Promise<{ readyMs: number; rssMb: number }> {
  const app = spawnUntil(APP_ARGS, consoleEnvironment(dataDir), READY_MARKER);
  try {
    const readyMs = await app.ready;
    await sleep(idleMs);
    const rssMb = residentMegabytes(app.child.pid!);
    app.child.stdin.end('quit\n');
    await app.exited;
    return { readyMs, rssMb };
  } catch (error) {
    app.child.kill('SIGKILL');
    throw error;
  }
}

/** Spawn to first output line of bare node: the floor under any start. */
async function bareNode(): Promise<number> {
  const bare = spawnUntil(['--eval', "process.stdout.write('up\\n')"], process.env, 'up');
  const ms = await bare.ready;
  await bare.exited;
  return ms;
}

interface Breakdown {
  bootMs: number;
  importMs: number;
  imports: { module: string; ms: number }[];
  driverImportMs: number;
  bankMs: number;
  pgliteOpenMs: number;
  migrateMs: number;
  firstCommandMs: number;
  secondCommandMs: number;
}

/** Runs bench/startup-probe.ts: main's start-up steps one at a time, in a process of their own. */
async function probe(dataDir: string): Promise<Breakdown> {
  const run = spawnUntil(['--import', 'tsx', 'bench/startup-probe.ts', dataDir], process.env, '}\n');
  let out = '';
  run.child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  await run.ready;
  await run.exited;
  return JSON.parse(out.trim()) as Breakdown;
}

function describe(b: Breakdown): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const heaviest = [...b.imports]
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 4)
    .map((i) => `${i.module} ${ms(i.ms)}`)
    .join(', ');
  return (
    `(steps one after another, under tsx) node+tsx boot ${ms(b.bootMs)}; imports of main.ts's modules ${ms(b.importMs)} (heaviest: ${heaviest}); ` +
    `question bank ${ms(b.bankMs)}; PGlite open ${ms(b.pgliteOpenMs)}; migrations check ${ms(b.migrateMs)}; ` +
    `first /drill today ${ms(b.firstCommandMs)} (a second: ${ms(b.secondCommandMs)})`
  );
}

async function run(context: BenchContext): Promise<FigureSpec[]> {
  const runs = context.quick ? 3 : 7;
  const dataDir = context.tempDir('drill-startup');

  context.log(
    'first run: initialising the embedded data dir (and the JavaScript build of src/ if there is none yet)',
  );
  const first = await startOnce(dataDir, 0);
  context.log(`first run ready in ${first.readyMs.toFixed(0)} ms`);

  const ready: number[] = [];
  const rss: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await bareNode());
    const start = await startOnce(dataDir, IDLE_MS);
    ready.push(start.readyMs);
    rss.push(start.rssMb);
    context.log(
      `run ${i + 1}: ready ${start.readyMs.toFixed(0)} ms, idle RSS ${start.rssMb.toFixed(0)} MB; bare node ${floor.at(-1)!.toFixed(0)} ms`,
    );
  }
  const breakdown = describe(await probe(dataDir));
  context.log(`breakdown: ${breakdown}`);

  const r = summarize(ready);
  const m = summarize(rss);
  const f = summarize(floor);
  return [
    {
      name: 'startup.ready',
      value: r.p50,
      unit: 'ms',
      baseline: f.p50,
      ratioOf: 'value/baseline',
      target: { op: '<', value: READY_TARGET_MS },
      note: `median of ${runs} starts (max ${r.max.toFixed(0)} ms), spawn to "${READY_MARKER}"; baseline: bare node printing one line. Breakdown: ${breakdown}`,
    },
    {
      name: 'memory.idle_rss',
      value: m.p50,
      unit: 'MB',
      target: { op: '<', value: IDLE_RSS_GUARD_MB },
      note: `VmRSS of the console-mode app ${IDLE_MS / 1000} s after ready, median of ${runs} (target is the bench's own guard, not from issue 6)`,
    },
  ];
}

export const startupBenchmark: Benchmark = {
  id: 'startup',
  title: 'Start-up and memory: npm start (console, embedded PGlite) to its first question, and idle RSS',
  run,
};
