/**
 * Child-process entry of the Discord gateway side (discord-gateway-process.ts).
 * The fake records each callback, edit and follow-up on the interaction's
 * Exchange; this watches those fields to timestamp them the moment the fake
 * accepts them, without changing what the fake answers.
 */
import { type Exchange, FakeDiscord } from '../tests/discord/fake-discord.js';
import { button, GUILD_ID } from '../tests/discord/interaction-payloads.js';
import { serveParent } from './child-process-rpc.js';
import { closedLoop } from './closed-loop.js';
import type {
  Answer,
  AnswersResult,
  Click,
  ClicksResult,
  GatewayRequest,
} from './discord-gateway-process.js';

interface Watched {
  dispatchedAt: number;
  acked: Promise<number>;
  /** Set when the first edit or follow-up arrives. */
  answer: { at: number; edited: boolean; body: unknown } | null;
}

/** Calls `onPush` with each item pushed onto the array, then pushes it. */
function onPush<T>(items: T[], onPush: (item: T) => void): void {
  const push = items.push.bind(items);
  items.push = (...added: T[]) => {
    for (const item of added) onPush(item);
    return push(...added);
  };
}

/** Timestamps the exchange's callback and its first reply (performance.now()). */
function watch(exchange: Exchange, dispatchedAt: number): Watched {
  const watched: Watched = { dispatchedAt, acked: Promise.resolve(Number.NaN), answer: null };
  watched.acked = new Promise<number>((resolve) => {
    let callback = exchange.callback;
    Object.defineProperty(exchange, 'callback', {
      configurable: true,
      enumerable: true,
      get: () => callback,
      set: (value: Exchange['callback']) => {
        callback = value;
        resolve(performance.now());
      },
    });
  });
  const answered = (edited: boolean) => (body: unknown) => {
    watched.answer ??= { at: performance.now(), edited, body };
  };
  onPush(exchange.edits, answered(true));
  onPush(exchange.followUps, answered(false));
  return watched;
}

/** A button click as the fixture payload, in the click's channel, by the click's user. */
// biome-ignore lint/suspicious/noExplicitAny: raw Discord JSON
function payloadOf(click: Click): any {
  const payload = button(click.customId, {
    userId: click.userId,
    username: `clicker${click.userId.slice(-6)}`,
    globalName: null,
  });
  payload.channel_id = click.channelId;
  payload.channel = { ...payload.channel, id: click.channelId };
  payload.message = { ...payload.message, channel_id: click.channelId };
  return payload;
}

function textOf(body: unknown): string {
  const b = body as { content?: string; embeds?: { title?: string; description?: string }[] } | null;
  const embeds = (b?.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`);
  return [b?.content ?? '', ...embeds].join('\n').trim();
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long a paced click waits for its answer before the worker moves on. */
const PACED_ANSWER_TIMEOUT_MS = 30_000;

async function answered(watched: Watched, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!watched.answer && performance.now() < deadline) await settle(5);
}

void serveParent<{ apiUrl: string; guildId: string }, GatewayRequest, ClicksResult | AnswersResult>(
  async () => {
    const fake = await FakeDiscord.start({ guildIds: [GUILD_ID], recordRequests: false });
    const batches = new Map<string, Watched[]>();

    async function clicks(request: Extract<GatewayRequest, { type: 'clicks' }>): Promise<ClicksResult> {
      const payloads = request.clicks.map(payloadOf);
      const watched: Watched[] = [];
      batches.set(request.batch, watched);
      const ackMs: number[] = new Array(payloads.length).fill(Number.NaN);
      const load = await closedLoop(payloads.length, request.concurrency, async (i) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<number>((resolve) => {
          timer = setTimeout(() => resolve(Number.NaN), request.ackTimeoutMs);
        });
        const dispatchedAt = performance.now();
        const w = watch(fake.send(payloads[i]), dispatchedAt);
        watched[i] = w;
        const at = await Promise.race([w.acked, late]);
        clearTimeout(timer);
        if (Number.isNaN(at)) return null;
        ackMs[i] = at - dispatchedAt;
        if (request.paced) await answered(w, PACED_ANSWER_TIMEOUT_MS);
        return ackMs[i]!;
      });
      return { ackMs, seconds: load.seconds };
    }

    async function answers(request: Extract<GatewayRequest, { type: 'answers' }>): Promise<AnswersResult> {
      const watched = batches.get(request.batch) ?? [];
      const deadline = performance.now() + request.timeoutMs;
      for (const w of watched) await answered(w, deadline - performance.now());
      return watched.map((w): Answer | null =>
        w.answer
          ? { ms: w.answer.at - w.dispatchedAt, text: textOf(w.answer.body), edited: w.answer.edited }
          : null,
      );
    }

    return {
      ready: { apiUrl: fake.apiUrl, guildId: GUILD_ID },
      handle: (request) => (request.type === 'clicks' ? clicks(request) : answers(request)),
      close: () => fake.close(),
    };
  },
);
