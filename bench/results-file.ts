import { writeFileSync } from 'node:fs';
import type { DatabaseKind } from './bench-database.js';
import type { FigureResult } from './figure.js';
import type { Machinery } from './machinery.js';

export interface BenchError {
  benchmark: string;
  message: string;
}

/** The shape of bench/results.json. */
export interface ResultsFile {
  database: DatabaseKind;
  at: string;
  mode: 'full' | 'quick';
  /** Machinery this run did without (--without); empty for a normal run. */
  without: Machinery[];
  results: FigureResult[];
  /** Benchmarks that threw instead of reporting figures. */
  errors: BenchError[];
}

export const RESULTS_PATH = new URL('./results.json', import.meta.url);

export function writeResults(file: ResultsFile, path: URL = RESULTS_PATH): void {
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
