import type { Benchmark } from './benchmark.js';
import { boardsBenchmark } from './boards.js';
import { discordInteractionsBenchmark } from './discord-interactions.js';
import { fanOutBenchmark } from './fan-out.js';
import { firstStartMemoryBenchmark } from './first-start-memory.js';
import { slackClicksBenchmark } from './slack-clicks.js';
import { startupBenchmark } from './startup.js';

/**
 * Every benchmark `npm run bench` runs, in order. Register a new one here.
 * Start-up goes first, while the machine is quiet. Boards go last: after its
 * million-row load the bench process stays heavier (its heap, the embedded
 * database beside it), which slowed even the bare Bolt app and discord.js
 * client of the click benchmarks run after it (p99 ×1.5–3).
 */
export const BENCHMARKS: readonly Benchmark[] = [
  startupBenchmark,
  firstStartMemoryBenchmark,
  slackClicksBenchmark,
  discordInteractionsBenchmark,
  fanOutBenchmark,
  boardsBenchmark,
];
