import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackChannelPoster } from '../../src/adapters/slack/index.js';
import type { QuestionCardView } from '../../src/core/views.js';
import { createLogger } from '../../src/logger.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { BOT_TOKEN, blockText } from './slack-harness.js';

const channel = { platform: 'slack' as const, teamId: 'T0001', channelId: 'C0DAILY' };
const logger = createLogger({ level: 'silent', secrets: [] });

const mondayCard: QuestionCardView = {
  kind: 'question',
  context: 'daily',
  localDate: '2026-03-09',
  question: {
    id: 'gil',
    number: 1,
    pack: 'python',
    title: 'What is the GIL?',
    topic: 'concurrency',
    difficulty: 'medium',
    tags: [],
  },
  recap: {
    localDate: '2026-03-06',
    question: {
      id: 'decorators',
      number: 6,
      pack: 'python',
      title: 'What are decorators?',
      topic: 'functions',
      difficulty: 'easy',
      tags: [],
    },
    answered: 3,
    grades: { nailed: 2, partly: 1, missed: 0 },
    best: ['ada', '<@U0EVIL>'],
  },
  weekly: {
    weekStart: '2026-03-02',
    board: [
      { rank: 1, name: 'ada', points: 9, answered: 3, isCaller: false },
      { rank: 2, name: 'grace', points: 7, answered: 3, isCaller: false },
      { rank: 2, name: 'anonymous', points: 7, answered: 4, isCaller: false },
      { rank: 4, name: 'linus', points: 1, answered: 1, isCaller: false },
    ],
    weakestTopics: [{ topic: 'memory', accuracy: 0.25, attempts: 4 }],
  },
};

describe('slack daily poster', () => {
  let fake: FakeSlackApi;
  let poster: SlackChannelPoster;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    poster = new SlackChannelPoster({ botToken: BOT_TOKEN, apiUrl: fake.apiUrl, postsPerSecond: 20 }, logger);
  });
  afterAll(async () => {
    await fake?.stop();
  });
  beforeEach(() => fake.reset());

  it("posts the daily card with yesterday's line and Monday's board, and returns the message ts", async () => {
    const outcome = await poster.post(channel, mondayCard, 'C0DAILY:2026-03-09');
    expect(outcome).toEqual({ ok: true, messageId: expect.stringMatching(/^1700000000\./) });
    const [call] = fake.callsOf('chat.postMessage');
    expect(call!.body).toMatchObject({ channel: 'C0DAILY', unfurl_links: 'false' });
    const text = blockText(call!.body);
    expect(text).toContain("Today's question · 2026-03-09");
    expect(text).toContain('#1 What is the GIL?');
    expect(text).toContain(
      'Yesterday (2026-03-06) on _#6 What are decorators?_: *3* answered — 2 nailed it, 1 partly, 0 missed.',
    );
    expect(text).toContain('Best: ada, &lt;@U0EVIL&gt;');
    expect(text).not.toContain('<@U0EVIL>');
    expect(text).toContain("Last week's board");
    expect(text).toMatch(/🥇 {2}1\. ada\s+9 pts/);
    expect(text).toMatch(/🥈 {2}2\. grace\s+7 pts/);
    expect(text).toMatch(/🥈 {2}2\. anonymous\s+7 pts/);
    expect(text).toMatch(/ {4}4\. linus\s+1 pts/);
    expect(text).toContain('Weakest topics last week: memory (25% of 4)');
    expect(poster.platform).toBe('slack');
    expect(poster.postsPerSecond).toBe(20);
  });

  it('429 with Retry-After becomes a retry after that long, without a retry of its own', async () => {
    fake.answerNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '7' },
      body: { ok: false, error: 'ratelimited' },
    });
    expect(await poster.post(channel, mondayCard, 'k')).toEqual({
      ok: false,
      kind: 'retry',
      retryAfterMs: 7000,
      reason: 'rate_limited',
    });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('5xx and a ratelimited answer are retried', async () => {
    fake.answerNext('chat.postMessage', { status: 503, body: { ok: false } });
    expect(await poster.post(channel, mondayCard, 'k')).toMatchObject({
      ok: false,
      kind: 'retry',
      reason: 'HTTP 503',
    });
    fake.answerNext('chat.postMessage', { body: { ok: false, error: 'ratelimited' } });
    expect(await poster.post(channel, mondayCard, 'k')).toMatchObject({
      ok: false,
      kind: 'retry',
      reason: 'ratelimited',
    });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope'])(
    '%s means the channel is gone',
    async (error) => {
      fake.answerNext('chat.postMessage', { body: { ok: false, error } });
      expect(await poster.post(channel, mondayCard, 'k')).toEqual({ ok: false, kind: 'gone', reason: error });
    },
  );

  it.each(['invalid_auth', 'token_revoked', 'account_inactive'])(
    '%s is about the whole workspace: retried, never switching the channel off',
    async (error) => {
      fake.answerNext('chat.postMessage', { body: { ok: false, error } });
      expect(await poster.post(channel, mondayCard, 'k')).toMatchObject({
        ok: false,
        kind: 'retry',
        reason: error,
      });
    },
  );

  it('a network failure is retried', async () => {
    const closed = new FakeSlackApi();
    await closed.start();
    const url = closed.apiUrl;
    await closed.stop();
    const offline = new SlackChannelPoster({ botToken: BOT_TOKEN, apiUrl: url, postsPerSecond: 20 }, logger);
    expect(await offline.post(channel, mondayCard, 'k')).toMatchObject({
      ok: false,
      kind: 'retry',
      retryAfterMs: null,
      reason: expect.stringMatching(/^network/),
    });
  });
});
