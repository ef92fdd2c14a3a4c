import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDiscordChannelPoster,
  createPostingRest,
  postNonce,
} from '../../src/adapters/discord/channel-poster.js';
import type { QuestionCardView } from '../../src/core/views.js';
import type { ChannelPoster } from '../../src/scheduler/channel-poster.js';
import { FakeDiscord } from './fake-discord.js';

const CHANNEL = {
  platform: 'discord' as const,
  teamId: '1100000000000000001',
  channelId: '1200000000000000009',
};
const KEY = 'discord:1100000000000000001:1200000000000000009:2026-03-02';
const CARD: QuestionCardView = {
  kind: 'question',
  context: 'daily',
  localDate: '2026-03-02',
  question: {
    id: 'gil',
    number: 1,
    pack: 'python',
    title: 'What is the Global Interpreter Lock (GIL)?',
    topic: 'concurrency',
    difficulty: 'easy',
    tags: [],
  },
  recap: {
    localDate: '2026-03-01',
    question: null,
    answered: 2,
    grades: { nailed: 1, partly: 1, missed: 0 },
    best: ['@everyone *star*'],
  },
  weekly: null,
};

let fake: FakeDiscord;
let poster: ChannelPoster;
const postsTo = (channelId: string) =>
  fake.requestsTo('POST', new RegExp(`^/channels/${channelId}/messages$`));
/** Long enough for discord.js to have retried by itself if it were going to. */
const settle = () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // One poster (one REST client and its bucket state) for all posts, as in the app.
  poster = createDiscordChannelPoster({
    rest: createPostingRest({ token: 'fake-bot-token-0123456789', api: fake.apiUrl }),
    postsPerSecond: 40,
  });
});
afterAll(async () => {
  await fake?.close();
});

describe('Discord channel poster', () => {
  it('posts the card with a nonce of at most 25 characters derived from the key, and enforce_nonce', async () => {
    const outcome = await poster.post(CHANNEL, CARD, KEY);
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^\d+$/) });
    const [request] = postsTo(CHANNEL.channelId);
    expect(request!.headers.authorization).toBe('Bot fake-bot-token-0123456789');
    expect(request!.body).toMatchObject({
      nonce: postNonce(KEY),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(request!.body.nonce).toHaveLength(25);
    expect(postNonce(KEY)).toBe(postNonce(KEY));
    expect(postNonce(`${KEY}x`)).not.toBe(postNonce(KEY));
    // Yesterday's best names are escaped and cannot ping.
    expect(request!.body.embeds[0].description).toContain('Best: @everyone \\*star\\*');
    expect(request!.body.components[0].components[1].custom_id).toBe('drill:write:gil');
  });

  it('maps 403 Missing Access and 404 Unknown Channel to gone', async () => {
    fake.scriptChannel('1200000000000000403', {
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    fake.scriptChannel('1200000000000000404', {
      status: 404,
      body: { message: 'Unknown Channel', code: 10003 },
    });
    const forbidden = await poster.post({ ...CHANNEL, channelId: '1200000000000000403' }, CARD, KEY);
    expect(forbidden).toMatchObject({ ok: false, kind: 'gone', reason: expect.stringContaining('50001') });
    const missing = await poster.post({ ...CHANNEL, channelId: '1200000000000000404' }, CARD, KEY);
    expect(missing).toMatchObject({ ok: false, kind: 'gone', reason: expect.stringContaining('10003') });
  });

  it('maps 429 to retry after retry_after, without discord.js retrying by itself', async () => {
    const channelId = '1200000000000000429';
    fake.scriptChannel(channelId, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 3, global: false },
      headers: { 'retry-after': '3', 'x-ratelimit-scope': 'user' },
    });
    const started = Date.now();
    const outcome = await poster.post({ ...CHANNEL, channelId }, CARD, KEY);
    expect(outcome).toEqual({ ok: false, kind: 'retry', retryAfterMs: 3000, reason: 'rate limited' });
    expect(Date.now() - started).toBeLessThan(1000);
    await settle();
    expect(postsTo(channelId)).toHaveLength(1);
    // The scheduler's next try goes through.
    expect(await poster.post({ ...CHANNEL, channelId }, CARD, KEY)).toMatchObject({ ok: true });
  });

  it('maps 5xx to retry, one request per attempt', async () => {
    const channelId = '1200000000000000502';
    fake.scriptChannel(channelId, { status: 502, body: { message: 'Bad Gateway', code: 0 } });
    const outcome = await poster.post({ ...CHANNEL, channelId }, CARD, KEY);
    expect(outcome).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: null });
    await settle();
    expect(postsTo(channelId)).toHaveLength(1);
  });

  it('maps a network error to retry', async () => {
    const closed = await FakeDiscord.start();
    const api = closed.apiUrl;
    await closed.close();
    const offline = createDiscordChannelPoster({
      rest: createPostingRest({ token: 'fake-bot-token-0123456789', api }),
      postsPerSecond: 40,
    });
    expect(await offline.post(CHANNEL, CARD, KEY)).toMatchObject({
      ok: false,
      kind: 'retry',
      retryAfterMs: null,
    });
  });
});
