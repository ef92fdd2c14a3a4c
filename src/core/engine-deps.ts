import type { Store } from './ports.js';
import type { QuestionBank } from './question-bank.js';
import type { Clock } from './types.js';

/** Everything the core services need, built once in main.ts and passed in. */
export interface EngineDeps {
  store: Store;
  bank: QuestionBank;
  clock: Clock;
  /** Random source for `/drill ask` without a query; tests pass a seeded one. */
  random: () => number;
  /** The zone for channels without a schedule. */
  defaultTimeZone: string;
}
