/**
 * Workaround for Bolt accepting future timestamps: @slack/bolt 5's request
 * verification refuses an `x-slack-request-timestamp` more than five minutes
 * old, but not one from the future.
 *
 * Upstream: no upstream issue found.
 * Canary: tests/canaries/bolt-future-timestamp.test.ts.
 */
import type { RequestListener } from 'node:http';

/** Slack's replay window: requests signed more than five minutes away from our clock are refused. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTPReceiver refuses stale timestamps but accepts ones from the
 * future, which would let a captured request be replayed for as long as its
 * timestamp lies ahead. This wraps the receiver's listener and answers 401
 * to those before Bolt's own signature and staleness check runs.
 */
export function refuseFutureTimestamps(
  listener: RequestListener,
  now: () => number = Date.now,
): RequestListener {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    if (header !== undefined) {
      const seconds = Number(Array.isArray(header) ? header[0] : header);
      if (!Number.isFinite(seconds) || seconds > Math.floor(now() / 1000) + MAX_SKEW_SECONDS) {
        res.writeHead(401);
        res.end();
        return;
      }
    }
    listener(req, res);
  };
}
