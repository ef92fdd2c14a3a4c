import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSlack } from '../../src/adapters/slack/index.js';
import type { SlackConfig } from '../../src/config.js';
import type { Store } from '../../src/core/ports.js';
import { createLogger } from '../../src/logger.js';
import type { ClickThrottle } from '../../src/runtime/click-throttle.js';
import type { DrillEngine } from '../../src/runtime/engine.js';
import type { ChannelPoster } from '../../src/scheduler/channel-poster.js';
import { makeEngine, type TestClock } from '../helpers/engine-fixture.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { FakeSlackApi } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-8f1b2c';
export const BOT_TOKEN = 'xoxb-test-0000-token';
export const TEAM = 'T0001';
export const CHANNEL = 'C2147483705';
export const USER = 'U2147483697';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8');

/** The recorded slash command form body, with fields replaced. */
export function slashCommandBody(fields: Record<string, string>): string {
  const form = new URLSearchParams(fixture('slash-command.form'));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form.toString();
}

/** The recorded block_actions payload for one button click. */
export function blockActionPayload(options: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
}): Record<string, unknown> {
  const payload = JSON.parse(fixture('block-actions.json'));
  const userId = options.userId ?? USER;
  payload.user = { ...payload.user, id: userId, username: options.userName ?? payload.user.username };
  if (options.channelId) {
    payload.channel.id = options.channelId;
    payload.container.channel_id = options.channelId;
  }
  payload.response_url = options.responseUrl;
  payload.actions[0].action_id = options.actionId;
  payload.actions[0].value = options.value;
  return payload;
}

/** The recorded view_submission payload of the write modal. */
export function viewSubmissionPayload(options: { privateMetadata: string; text: string; userId?: string }) {
  const payload = JSON.parse(fixture('view-submission.json'));
  if (options.userId) payload.user.id = options.userId;
  payload.view.private_metadata = options.privateMetadata;
  payload.view.state.values.answer.answer_text.value = options.text;
  return payload;
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch for x-slack-request-timestamp (default: now). */
  timestamp?: number;
  secret?: string;
  retryNum?: number;
}

export interface SlackHarness {
  fake: FakeSlackApi;
  engine: DrillEngine;
  clock: TestClock;
  port: number;
  poster: ChannelPoster;
  /** POSTs a signed form body to /slack/events. */
  post(body: string, options?: SendOptions): Promise<{ status: number; body: string }>;
  command(
    text: string,
    fields?: Record<string, string>,
    options?: SendOptions,
  ): Promise<{ status: number; body: string }>;
  interact(payload: unknown, options?: SendOptions): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** The real Bolt app (HTTP receiver on a free port) against the fake Slack API and the test database. */
export async function startHarness(
  store: Store,
  options: { adminUserIds?: string[]; throttle?: ClickThrottle } = {},
): Promise<SlackHarness> {
  const fake = await new FakeSlackApi().start();
  const { engine, clock } = makeEngine(store, options.throttle ? { throttle: options.throttle } : {});
  const config: SlackConfig = {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    appToken: undefined,
    apiUrl: fake.apiUrl,
    adminUserIds: options.adminUserIds ?? [],
    postsPerSecond: 20,
  };
  const logger = createLogger({
    level: process.env.TEST_LOG_LEVEL ?? 'silent',
    secrets: [BOT_TOKEN, SIGNING_SECRET],
  });
  const slack = await startSlack({ config, port: 0, engine, logger });
  const port = slack.port!;
  const post: SlackHarness['post'] = async (body, sendOptions = {}) => {
    const timestamp = sendOptions.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, sendOptions.secret),
    };
    if (sendOptions.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(sendOptions.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  };
  return {
    fake,
    engine,
    clock,
    port,
    poster: slack.poster,
    post,
    command: (text, fields = {}, sendOptions) =>
      post(slashCommandBody({ text, response_url: fake.responseUrl('cmd'), ...fields }), sendOptions),
    interact: (payload, sendOptions) =>
      post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), sendOptions),
    stop: async () => {
      await slack.stop();
      await fake.stop();
    },
  };
}

/** All the mrkdwn and plain text of a message's blocks, for assertions. */
export function blockText(message: Record<string, unknown>): string {
  return JSON.stringify(message.blocks ?? [])
    .replace(/\\n/g, '\n')
    .concat('\n', String(message.text ?? ''));
}

/**
 * One database and one running app per test file (both take seconds to start),
 * emptied before each test. Returns getters for use inside tests.
 */
export function useSlackHarness(options: Parameters<typeof startHarness>[1] = {}): {
  db: () => TestDatabase;
  harness: () => SlackHarness;
} {
  let db: TestDatabase | undefined;
  let harness: SlackHarness | undefined;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    harness = await startHarness(db.store, options);
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.close();
  });
  beforeEach(async () => {
    await db!.truncate();
    harness!.fake.reset();
  });
  return { db: () => db!, harness: () => harness! };
}
