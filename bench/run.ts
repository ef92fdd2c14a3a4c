/**
 * npm run bench [-- --quick] [-- --only boards,fanout] [-- --without statement-cache] [-- --out file]
 * Runs the registered benchmarks, prints a table and writes bench/results.json (or --out).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchDatabase, benchDatabaseKind, openBenchDatabase } from './bench-database.js';
import type { BenchContext } from './benchmark.js';
import { BENCHMARKS } from './benchmarks.js';
import { type FigureResult, toResult } from './figure.js';
import { MACHINERY, parseWithout } from './machinery.js';
import { type BenchError, RESULTS_PATH, writeResults } from './results-file.js';
import { formatNumber, formatTable } from './results-table.js';

const QUICK_SCALE = 0.1;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      without: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const selected = BENCHMARKS.filter((b) => !only || only.has(b.id));
  const without = parseWithout(values.without);
  const resultsPath = values.out ? pathToFileURL(resolve(values.out)) : RESULTS_PATH;
  const kind = benchDatabaseKind();
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(`Interview Drill benchmarks (${quick ? 'quick: a tenth of the size' : 'full size'}) on ${kind}`);
  if (without.size > 0) log(`without: ${[...without].map((m) => MACHINERY[m]).join(', ')}`);
  if (kind === 'postgres' && without.has('statement-cache')) {
    log("(the statement cache is PGlite's: on Postgres, --without statement-cache changes nothing)");
  }

  let opened: Promise<BenchDatabase> | null = null;
  let closing: Promise<void> | null = null;
  let interrupted = false;
  const tempDirs: string[] = [];
  /** Closes (for Postgres: drops) the run's database and removes its temp dirs, once, however many ask. */
  const cleanUp = () => {
    closing ??= (async () => {
      const database = opened ? await opened.catch(() => null) : null;
      await database?.close();
      for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    })();
    return closing;
  };
  // Whatever stops the run, its own database goes: on a signal, and when a reader such as `| head` goes away.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      interrupted = true;
      log(`${signal}: cleaning up (the bench database, temp dirs)`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

  const context: BenchContext = {
    quick,
    without,
    size: (full) => Math.max(1, Math.round(full * (quick ? QUICK_SCALE : 1))),
    databaseKind: kind,
    database: () => {
      if (closing) return Promise.reject(new Error('the run is stopping'));
      opened ??= openBenchDatabase({ statementCache: !without.has('statement-cache') }).then((database) => {
        log(`database: ${database.kind}, ${database.where}`);
        return database;
      });
      return opened;
    },
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
      tempDirs.push(dir);
      return dir;
    },
    log: (message) => log(`  ${message}`),
  };

  const results: FigureResult[] = [];
  const errors: BenchError[] = [];
  const started = performance.now();
  try {
    for (const benchmark of selected) {
      if (interrupted) break;
      log(`\n[${benchmark.id}] ${benchmark.title}`);
      const t0 = performance.now();
      try {
        const figures = await benchmark.run(context);
        results.push(...figures.map(toResult));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        errors.push({ benchmark: benchmark.id, message: message.split('\n')[0]! });
        log(`  ERROR: ${message}`);
      }
      log(`  (${formatNumber((performance.now() - t0) / 1000)} s)`);
    }
  } finally {
    await cleanUp();
  }
  // An interrupted run leaves the last complete results.json alone.
  if (interrupted) return 130;

  const at = new Date().toISOString();
  const missing = without.size > 0 ? `, without ${[...without].join(', ')}` : '';
  process.stdout.write(
    `\nInterview Drill benchmarks, ${quick ? 'quick' : 'full'} run on ${kind}${missing}, ${at}, ` +
      `${formatNumber((performance.now() - started) / 1000)} s\n\n${formatTable(results)}\n`,
  );
  const notes = results.filter((r) => r.note);
  if (notes.length > 0) {
    process.stdout.write(`\n${notes.map((r) => `${r.name}: ${r.note}`).join('\n')}\n`);
  }
  const failed = results.filter((r) => !r.pass).map((r) => r.name);
  process.stdout.write(
    `\n${results.length - failed.length}/${results.length} targets met${failed.length ? `; missed: ${failed.join(', ')}` : ''}\n`,
  );
  for (const e of errors) process.stdout.write(`ERROR in ${e.benchmark}: ${e.message}\n`);
  writeResults(
    { database: kind, at, mode: quick ? 'quick' : 'full', without: [...without], results, errors },
    resultsPath,
  );
  process.stdout.write(`wrote ${resultsPath.pathname}\n`);
  // A missed target is a finding, not a crash; only a benchmark that could not run fails the command.
  return errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
