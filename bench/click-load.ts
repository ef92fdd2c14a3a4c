/** What the Slack and Discord click benchmarks share: the load, the targets, and the clicks' shape. */
import type { Grade } from '../src/core/types.js';

/** Clicks in flight at once (issue 6). */
export const CONCURRENCY = 100;
/**
 * Issue 13: the ack (Slack's HTTP response, Discord's interaction callback) at p99 within this many times the
 * bare framework's p99 in the same run (a bare Bolt app, a bare discord.js client that only ack). Replaces issue
 * 6's 50 ms, which measured the machine: the bare frameworks missed it too.
 */
export const ACK_P99_RATIO_TARGET = 1.2;
/** Issue 13: acked clicks per second at least this share of the bare framework's, same run. */
export const THROUGHPUT_RATIO_TARGET = 0.7;
/** The engine's own deadline (EngineOptions.deadlineMs): an answer later than this is a "try again". */
export const REPLY_TARGET_MS = 2500;
/** How long to wait for work that outlived the engine's deadline before counting what was saved. */
export const SETTLE_WAIT_MS = 120_000;
/** Clickers are spread over this many channels of one team. */
export const CHANNELS = 50;
export const GRADES: readonly Grade[] = ['nailed', 'partly', 'missed'];
