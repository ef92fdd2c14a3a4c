import type { Benchmark } from './benchmark.js';
import { boardsBenchmark } from './boards.js';
import { discordInteractionsBenchmark } from './discord-interactions.js';
import { fanOutBenchmark } from './fan-out.js';
import { slackClicksBenchmark } from './slack-clicks.js';
import { startupBenchmark } from './startup.js';

/**
 * Every benchmark `npm run bench` runs, in order. Register a new one here.
 * Start-up goes first, while the machine is quiet (before the bulk loads).
 */
export const BENCHMARKS: readonly Benchmark[] = [
  startupBenchmark,
  boardsBenchmark,
  fanOutBenchmark,
  slackClicksBenchmark,
  discordInteractionsBenchmark,
];
