/**
 * Slack's side of the Slack clicks bench, in its own process
 * (slack-clicker-server.ts): it POSTs signed clicks to the app over keep-alive
 * connections, closed-loop, and receives the app's replies at its
 * response_url sink. Every time it reports is on its own clock.
 */
import { forkChild } from './child-process-rpc.js';

export type ClickerRequest =
  | {
      type: 'clicks';
      port: number;
      bodies: string[];
      concurrency: number;
      /** Paced: each click's next one waits for its reply at this name (for warm-ups, so work never piles up). */
      replyNames?: string[];
    }
  | { type: 'replies'; names: string[]; timeoutMs: number };

export interface ClicksResult {
  /** Request written → response read (ms), for the clicks answered 200. */
  samples: number[];
  /** When each click was written (ms, the clicker's clock), by index; NaN if it failed to send. */
  sentAt: number[];
  /** Request written → response read (ms), by index; NaN unless answered 200. */
  ms: number[];
  /** Answered with another status. */
  refused: number;
  /** Could not be sent or read at all. */
  failed: number;
  seconds: number;
}

export interface Reply {
  /** When it arrived (ms, the clicker's clock). */
  at: number;
  text: string;
}

/** The reply that arrived at each name's response_url, or null. */
export type RepliesResult = (Reply | null)[];

export interface SlackClicker {
  /** The response_url whose reply is recorded under `name`. */
  responseUrl(name: string): string;
  clicks(port: number, bodies: string[], concurrency: number, replyNames?: string[]): Promise<ClicksResult>;
  /** Waits up to timeoutMs for a reply at each name. */
  replies(names: string[], timeoutMs: number): Promise<RepliesResult>;
  stop(): Promise<void>;
}

export async function startSlackClicker(signingSecret: string): Promise<SlackClicker> {
  const child = await forkChild<{ sinkUrl: string }, ClickerRequest, ClicksResult | RepliesResult>(
    new URL('./slack-clicker-server.ts', import.meta.url),
    [signingSecret],
  );
  return {
    responseUrl: (name) => `${child.ready.sinkUrl}/${encodeURIComponent(name)}`,
    clicks: async (port, bodies, concurrency, replyNames) =>
      (await child.call({
        type: 'clicks',
        port,
        bodies,
        concurrency,
        ...(replyNames ? { replyNames } : {}),
      })) as ClicksResult,
    replies: async (names, timeoutMs) =>
      (await child.call({ type: 'replies', names, timeoutMs })) as RepliesResult,
    stop: () => child.stop(),
  };
}
