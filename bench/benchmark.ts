/**
 * What a benchmark is. Adding one: write bench/<name>.ts exporting a
 * `Benchmark`, then add it to the list in bench/benchmarks.ts.
 */
import type { BenchDatabase, DatabaseKind } from './bench-database.js';
import type { FigureSpec } from './figure.js';
import type { Machinery } from './machinery.js';

export interface BenchContext {
  /** --quick: every size at a tenth, for a smoke check. */
  quick: boolean;
  /** Machinery turned off for an ablation run (--without); empty normally. */
  without: ReadonlySet<Machinery>;
  /** A full-run size scaled for this run (a tenth with --quick), at least 1. */
  size(full: number): number;
  databaseKind: DatabaseKind;
  /** The run's database, shared by the benchmarks and opened on first use. */
  database(): Promise<BenchDatabase>;
  /** A new temporary directory, removed when the run ends, even on a signal. */
  tempDir(prefix: string): string;
  /** A progress line on stderr (the table goes to stdout). */
  log(message: string): void;
}

export interface Benchmark {
  /** Short id, the prefix of its figure names: 'boards', 'fanout'. */
  id: string;
  title: string;
  run(context: BenchContext): Promise<FigureSpec[]>;
}
