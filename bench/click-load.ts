/** What the Slack and Discord click benchmarks share: issue 6's load and targets, and the clicks' shape. */
import type { Grade } from '../src/core/types.js';

/** Clicks in flight at once (issue 6). */
export const CONCURRENCY = 100;
/** Issue 6: the ack (Slack's HTTP response, Discord's interaction callback) within this, at p99. */
export const ACK_P99_TARGET_MS = 50;
/** The engine's own deadline (EngineOptions.deadlineMs): an answer later than this is a "try again". */
export const REPLY_TARGET_MS = 2500;
/** How long to wait for work that outlived the engine's deadline before counting what was saved. */
export const SETTLE_WAIT_MS = 120_000;
/** Clickers are spread over this many channels of one team. */
export const CHANNELS = 50;
export const GRADES: readonly Grade[] = ['nailed', 'partly', 'missed'];
