/**
 * Discord's side of the Discord interactions bench, in its own process
 * (discord-gateway-server.ts): the fake Discord of tests/discord (gateway and
 * REST on one loopback port) sends button clicks as INTERACTION_CREATE,
 * closed-loop, and times each one from the dispatch to the interaction
 * callback its HTTP server receives, then to the reply (the edited deferral
 * or a follow-up). Every time is on that process's clock.
 */
import { forkChild } from './child-process-rpc.js';

/** One button click: whose, where, which button. */
export interface Click {
  customId: string;
  userId: string;
  channelId: string;
}

export type GatewayRequest =
  | {
      type: 'clicks';
      batch: string;
      clicks: Click[];
      concurrency: number;
      ackTimeoutMs: number;
      /** Paced: each click's next one waits for its answer (for warm-ups, so work never piles up). */
      paced?: boolean;
    }
  | { type: 'answers'; batch: string; timeoutMs: number };

export interface ClicksResult {
  /** Dispatch → callback received (ms), by click; NaN when no callback came within ackTimeoutMs. */
  ackMs: number[];
  seconds: number;
}

export interface Answer {
  /** Dispatch → the first edit of the deferral or follow-up received (ms). */
  ms: number;
  /** The reply's embed titles and descriptions, or its content (error notices are content). */
  text: string;
  /** An edit of the deferred reply (the normal answer) rather than a follow-up (an error notice). */
  edited: boolean;
}

/** By click of the batch: its reply, or null when none came. */
export type AnswersResult = (Answer | null)[];

export interface DiscordGateway {
  /** DISCORD_API_URL for a client of this fake. */
  apiUrl: string;
  guildId: string;
  clicks(
    batch: string,
    clicks: Click[],
    options: { concurrency: number; ackTimeoutMs: number; paced?: boolean },
  ): Promise<ClicksResult>;
  /** Waits up to timeoutMs for every click of the batch to be answered. */
  answers(batch: string, timeoutMs: number): Promise<AnswersResult>;
  stop(): Promise<void>;
}

export async function startDiscordGateway(): Promise<DiscordGateway> {
  const child = await forkChild<
    { apiUrl: string; guildId: string },
    GatewayRequest,
    ClicksResult | AnswersResult
  >(new URL('./discord-gateway-server.ts', import.meta.url));
  return {
    apiUrl: child.ready.apiUrl,
    guildId: child.ready.guildId,
    clicks: async (batch, clicks, options) =>
      (await child.call({ type: 'clicks', batch, clicks, ...options })) as ClicksResult,
    answers: async (batch, timeoutMs) =>
      (await child.call({ type: 'answers', batch, timeoutMs })) as AnswersResult,
    stop: () => child.stop(),
  };
}
