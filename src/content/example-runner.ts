/**
 * Runs the fenced code blocks of question files, as docs/question-format.md's table says:
 * python3 (or pytest), Node as ESM or CommonJS, TypeScript through tsx, SQL on embedded PGlite.
 * Each block runs in a process (or schema) of its own with a time limit; a block marked
 * `raises=` must end with exactly that error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ExampleKind, type ExampleSpec, fenceSpec, findFences } from './code-fences.js';
import { splitFrontMatter } from './question-file.js';

export const EXAMPLE_TIMEOUT_MS = 10_000;
export const EXAMPLE_CONCURRENCY = 2;

/** One fenced block of a question file. */
export interface ExampleBlock {
  file: string;
  /** The line of the opening fence in the file. */
  line: number;
  info: string;
  code: string;
  /** How it runs, or null for a block that is shown only (or whose info string is wrong). */
  spec: ExampleSpec | null;
  /** What is wrong with the info string (content:check reports the same). */
  problems: string[];
}

export interface ExampleFailure {
  file: string;
  line: number;
  message: string;
  /** The tail of what the block wrote to stderr (and stdout, for pytest), or ''. */
  output: string;
}

export interface ExampleRun {
  /** Blocks run, by kind. */
  ran: Record<ExampleKind, number>;
  /** Blocks shown only (```text and the like). */
  shown: number;
  failures: ExampleFailure[];
}

/** Every fenced block of a question file's text, with file line numbers. */
export function examplesOf(file: string, text: string): ExampleBlock[] {
  const split = splitFrontMatter(text);
  const lines = split ? split.body : text.replace(/\r\n?/g, '\n').split('\n');
  return findFences(lines, split ? split.bodyLine : 1).map((fence) => {
    const { spec, problems } = fenceSpec(fence.info);
    if (!fence.closed) problems.push('code block is never closed (no closing ```)');
    return { file, line: fence.line, info: fence.info, code: fence.code, spec, problems };
  });
}

/** Every fenced block of every question file (*.md) in a pack folder, files in name order. */
export function examplesOfPack(dir: string): ExampleBlock[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => examplesOf(join(dir, f), readFileSync(join(dir, f), 'utf8')));
}

/** "file:line: message", then the output tail indented. */
export function formatFailure(f: ExampleFailure): string {
  const output = f.output ? `\n${f.output.replace(/^/gm, '    ')}` : '';
  return `${f.file}:${f.line}: ${f.message}${output}`;
}

const tail = (text: string, lines = 12, chars = 1500) => {
  const kept = text.trimEnd().split('\n').slice(-lines).join('\n');
  return kept.length > chars ? `…${kept.slice(-chars)}` : kept;
};

/** Keeps the last `limit` characters of a stream: a block that prints forever must not fill memory. */
class Capped {
  private text = '';
  constructor(private readonly limit = 64 * 1024) {}
  push(chunk: Buffer): void {
    this.text += chunk.toString('utf8');
    if (this.text.length > 2 * this.limit) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    return this.text.slice(-this.limit);
  }
}

interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command in its own process group, killed whole (children too) on timeout and at the end. */
function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = new Capped();
    const stderr = new Capped();
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => stdout.push(c));
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout: '', stderr: error.message, timedOut: false });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup(); // Anything the block started in the background.
      resolve({ code, stdout: stdout.toString(), stderr: stderr.toString(), timedOut });
    });
  });
}

const MARKER = '[example-runner] uncaught: ';

/** Loaded before a Node block: names the uncaught error (or unhandled rejection) on stderr's last line. */
const NODE_PRELOAD = `import { inspect } from 'node:util';
process.on('uncaughtException', (error) => {
  const described = error && typeof error === 'object' && typeof error.stack === 'string' ? error.stack : inspect(error);
  const name = (error && (error.name || error.constructor?.name)) || typeof error;
  process.stderr.write(described + '\\n' + ${JSON.stringify(MARKER)} + name + '\\n');
  process.exit(1);
});
`;

interface Session {
  dir: string;
  preload: string;
  tsx: string;
  python: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The real python3 binary: with pyenv (and similar) `python3` is a shell script that costs more
 * than the block it starts, so it is looked up once per run.
 */
function pythonExecutable(): string {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path || 'python3';
}

function openSession(root: string): Session {
  const dir = mkdtempSync(join(tmpdir(), 'drill-examples-'));
  const preloadFile = join(dir, 'preload.mjs');
  writeFileSync(preloadFile, NODE_PRELOAD);
  const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUTF8: '1',
    // The examples use the standard library; installed pytest plugins would only slow each start.
    PYTEST_DISABLE_PLUGIN_AUTOLOAD: '1',
  };
  // The test runner's own loader options must not leak into the blocks' processes.
  delete env.NODE_OPTIONS;
  delete env.FORCE_COLOR;
  return { dir, preload: pathToFileURL(preloadFile).href, tsx, python: pythonExecutable(), env };
}

const FILE_NAMES: Record<Exclude<ExampleKind, 'sql'>, string> = {
  python: 'example.py',
  pytest: 'test_example.py',
  esm: 'example.mjs',
  cjs: 'example.cjs',
  ts: 'example.mts',
};

/** What ended a failed process: Python's last stderr line or the Node preload's marker. */
function raisedName(kind: ExampleKind, stderr: string): string | null {
  const lines = stderr.trimEnd().split('\n');
  if (kind === 'python') {
    const last = lines[lines.length - 1]?.trim() ?? '';
    const m = /^([A-Za-z_][\w.]*)(?::|$)/.exec(last);
    return m ? m[1]! : null;
  }
  const marked = lines.filter((l) => l.startsWith(MARKER)).pop();
  return marked ? marked.slice(MARKER.length).trim() : null;
}

const sameException = (kind: ExampleKind, actual: string, expected: string) =>
  actual === expected || (kind === 'python' && actual.endsWith(`.${expected}`));

/** docs/question-format.md's table: what runs a block of each kind, from the block's own folder. */
function commandFor(kind: Exclude<ExampleKind, 'sql'>, file: string, session: Session) {
  const node = (...loaders: string[]) => ({
    command: process.execPath,
    args: [...loaders.flatMap((l) => ['--import', l]), '--import', session.preload, file],
  });
  switch (kind) {
    case 'python':
      return { command: session.python, args: [file] };
    case 'pytest':
      return { command: session.python, args: ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', file] };
    case 'ts':
      return node(session.tsx);
    case 'esm':
    case 'cjs':
      return node();
  }
}

async function runInProcess(
  block: ExampleBlock & { spec: ExampleSpec },
  dir: string,
  session: Session,
  timeoutMs: number,
): Promise<Omit<ExampleFailure, 'file' | 'line'> | null> {
  const { kind, raises } = block.spec;
  if (kind === 'sql') throw new Error('sql blocks run on PGlite');
  const name = FILE_NAMES[kind];
  writeFileSync(join(dir, name), `${block.code}\n`);
  const { command, args } = commandFor(kind, name, session);
  const result = await runProcess(command, args, dir, session.env, timeoutMs);
  const stderr = result.stderr
    .split('\n')
    .filter((l) => !l.startsWith(MARKER))
    .join('\n');
  const output = tail(kind === 'pytest' ? `${result.stdout}\n${stderr}` : stderr);
  if (result.timedOut) return { message: `timed out after ${timeoutMs / 1000} s`, output };
  if (result.code === 0) {
    return raises
      ? { message: `expected ${raises}, but the block finished without an error`, output: '' }
      : null;
  }
  if (kind === 'pytest') {
    const message =
      result.code === 5
        ? 'pytest collected no tests (name them test_*)'
        : `pytest failed (exit ${result.code})`;
    return { message, output };
  }
  const raised = raisedName(kind, result.stderr);
  if (raises && raised && sameException(kind, raised, raises)) return null;
  const what = raised ? `raised ${raised}` : `exited with code ${result.code}`;
  return { message: raises ? `expected ${raises}, but it ${what}` : `failed: ${what}`, output };
}

interface SqlReply {
  id: number;
  error: { code: string | null; message: string } | null;
  resetError: string | null;
}

/**
 * One embedded PGlite, on a worker thread so that a block that never ends can be stopped: on a
 * timeout the thread is ended and a fresh one starts when the next block needs it. Blocks run one
 * at a time, each in a fresh schema (`ex_N`) first on the search_path, dropped afterwards.
 */
export class SqlSandbox {
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private next = 1;

  /** Starts PGlite and waits for it (several seconds on a busy machine). */
  static async start(): Promise<SqlSandbox> {
    const sandbox = new SqlSandbox();
    await sandbox.open();
    return sandbox;
  }

  private open(): Promise<Worker> {
    if (this.ready) return this.ready;
    const ready = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL('./sql-example-worker.mjs', import.meta.url), { execArgv: [] });
      worker.unref();
      const fail = (error: Error) => {
        worker.off('message', onMessage);
        void worker.terminate();
        reject(error);
      };
      const onMessage = (m: { ready?: boolean; fatal?: string }) => {
        if (m.ready) {
          worker.off('message', onMessage);
          worker.off('error', fail);
          this.worker = worker;
          resolve(worker);
        } else if (m.fatal) fail(new Error(`PGlite did not start: ${m.fatal}`));
      };
      worker.on('message', onMessage);
      worker.once('error', fail);
    });
    this.ready = ready;
    ready.catch(() => {
      if (this.ready === ready) this.ready = null;
    });
    return ready;
  }

  private async restart(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    await worker?.terminate();
  }

  /** Runs one block; resolves to null when it did what its fence says, else the failure. */
  run(
    code: string,
    raises: string | null,
    timeoutMs = EXAMPLE_TIMEOUT_MS,
  ): Promise<Omit<ExampleFailure, 'file' | 'line'> | null> {
    const result = this.queue.then(() => this.runNow(code, raises, timeoutMs));
    this.queue = result.catch(() => {});
    return result;
  }

  private async runNow(
    code: string,
    raises: string | null,
    timeoutMs: number,
  ): Promise<Omit<ExampleFailure, 'file' | 'line'> | null> {
    const worker = await this.open();
    const id = this.next++;
    worker.ref();
    const reply = await new Promise<SqlReply | 'timeout' | Error>((resolve) => {
      const done = (value: SqlReply | 'timeout' | Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(value);
      };
      const timer = setTimeout(() => done('timeout'), timeoutMs);
      const onMessage = (m: SqlReply) => {
        if (m.id === id) done(m);
      };
      const onError = (error: Error) => done(error);
      const onExit = (exitCode: number) => done(new Error(`the thread exited (${exitCode})`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, schema: `ex_${id}`, sql: code });
    });
    worker.unref();
    if (reply === 'timeout' || reply instanceof Error) {
      await this.restart();
      return reply === 'timeout'
        ? { message: `timed out after ${timeoutMs / 1000} s`, output: '' }
        : { message: `the database thread failed: ${reply.message}`, output: '' };
    }
    if (reply.resetError) await this.restart();
    const error = reply.error;
    if (!error) {
      return raises
        ? { message: `expected SQLSTATE ${raises}, but the block finished without an error`, output: '' }
        : null;
    }
    if (raises && error.code === raises) return null;
    const what = `SQLSTATE ${error.code ?? '?'}: ${error.message}`;
    return {
      message: raises ? `expected SQLSTATE ${raises}, but got ${what}` : `failed: ${what}`,
      output: '',
    };
  }

  async close(): Promise<void> {
    await this.queue;
    await this.restart();
  }
}

/** Runs `items` through `task`, at most `limit` at a time. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

export interface RunOptions {
  /** The PGlite sandbox for sql blocks; without one, a sql block is a failure. */
  sql?: SqlSandbox | null;
  /** Blocks running at once (default 2). */
  concurrency?: number;
  /** Per block (default 10 s). */
  timeoutMs?: number;
  /** The repository root, where tsx is resolved from (default the working directory). */
  root?: string;
}

/** Runs every block that runs and reports every failure (an info-string problem is a failure too). */
export async function runExamples(
  blocks: readonly ExampleBlock[],
  options: RunOptions = {},
): Promise<ExampleRun> {
  const timeoutMs = options.timeoutMs ?? EXAMPLE_TIMEOUT_MS;
  const run: ExampleRun = {
    ran: { python: 0, pytest: 0, esm: 0, cjs: 0, ts: 0, sql: 0 },
    shown: 0,
    failures: [],
  };
  const found: (ExampleFailure | null)[] = [];
  const session = openSession(options.root ?? process.cwd());
  try {
    await inPool(blocks, options.concurrency ?? EXAMPLE_CONCURRENCY, async (block, index) => {
      const at = { file: block.file, line: block.line };
      if (block.problems.length > 0) {
        found[index] = { ...at, message: block.problems.join('; '), output: '' };
        return;
      }
      const spec = block.spec;
      if (!spec) {
        run.shown++;
        return;
      }
      run.ran[spec.kind]++;
      let failure: Omit<ExampleFailure, 'file' | 'line'> | null;
      if (spec.kind === 'sql') {
        failure = options.sql
          ? await options.sql.run(block.code, spec.raises, timeoutMs)
          : { message: 'a sql block, but no PGlite sandbox was given to the runner', output: '' };
      } else {
        const dir = join(session.dir, String(index));
        mkdirSync(dir);
        try {
          failure = await runInProcess({ ...block, spec }, dir, session, timeoutMs);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      found[index] = failure ? { ...at, ...failure } : null;
    });
  } finally {
    rmSync(session.dir, { recursive: true, force: true });
  }
  run.failures = found.filter((f): f is ExampleFailure => f !== null && f !== undefined);
  return run;
}
