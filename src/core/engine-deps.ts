import type { Store } from './ports.js';
import type { TeamBanks } from './team-banks.js';
import type { Clock } from './types.js';

/** Everything the core services need, built once in main.ts and passed in. */
export interface EngineDeps {
  store: Store;
  /** Each team's question bank: the bundled packs plus its own. */
  banks: TeamBanks;
  clock: Clock;
  /** Random source for `/drill ask` without a query; tests pass a seeded one. */
  random: () => number;
  /** The zone for channels without a schedule. */
  defaultTimeZone: string;
}
