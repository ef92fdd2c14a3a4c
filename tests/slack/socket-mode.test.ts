import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { startSlack } from '../../src/adapters/slack/index.js';
import { createLogger } from '../../src/logger.js';
import { makeEngine } from '../helpers/engine-fixture.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { BOT_TOKEN, blockText, slashCommandBody } from './slack-harness.js';

const APP_TOKEN = 'xapp-1-A0123456789-test';

/** Slack's side of a Socket Mode link on loopback: says hello, sends envelopes, collects acks. */
class FakeSocketLink {
  readonly acks: { envelope_id: string; payload?: Record<string, unknown> }[] = [];
  private socket: WebSocket | null = null;
  private readonly server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  readonly connected: Promise<void>;

  constructor() {
    this.connected = new Promise((resolve) => {
      this.server.on('connection', (socket) => {
        this.socket = socket;
        socket.on('message', (data) => this.acks.push(JSON.parse(String(data))));
        socket.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0123456789' } }),
        );
        resolve();
      });
    });
  }

  async listening(): Promise<this> {
    if (!this.server.address()) await new Promise((resolve) => this.server.once('listening', resolve));
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  send(envelope: Record<string, unknown>): void {
    this.socket!.send(JSON.stringify(envelope));
  }

  async ackFor(envelopeId: string) {
    for (let i = 0; i < 100; i++) {
      const ack = this.acks.find((a) => a.envelope_id === envelopeId);
      if (ack) return ack;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ack for ${envelopeId}`);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('slack in Socket Mode', () => {
  let db: TestDatabase;
  let fake: FakeSlackApi;
  let link: FakeSocketLink;
  let slack: Awaited<ReturnType<typeof startSlack>>;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    fake = await new FakeSlackApi().start();
    link = await new FakeSocketLink().listening();
    fake.socketUrl = link.url;
    const { engine } = makeEngine(db.store);
    const config = {
      botToken: BOT_TOKEN,
      signingSecret: undefined,
      appToken: APP_TOKEN,
      apiUrl: fake.apiUrl,
      adminUserIds: [],
      postsPerSecond: 20,
    };
    const logger = createLogger({
      level: process.env.TEST_LOG_LEVEL ?? 'silent',
      secrets: [BOT_TOKEN, APP_TOKEN],
    });
    slack = await startSlack({ config, port: 0, engine, logger });
    await link.connected;
  });
  afterAll(async () => {
    await slack?.stop();
    await link?.close();
    await fake?.stop();
    await db?.close();
  });

  const commandEnvelope = (id: string, text: string) => ({
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    retry_attempt: 0,
    retry_reason: '',
    payload: Object.fromEntries(
      new URLSearchParams(slashCommandBody({ text, response_url: fake.responseUrl() })),
    ),
  });

  it('opens the link with the app token through SLACK_API_URL, without a public port', async () => {
    expect(slack.port).toBeNull();
    const [open] = fake.callsOf('apps.connections.open');
    expect(open!.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('runs /drill over the socket: ack on the envelope, reply through the response_url', async () => {
    link.send(commandEnvelope('env-help', 'help'));
    expect(await link.ackFor('env-help')).toEqual({ envelope_id: 'env-help', payload: {} });
    const [reply] = await fake.waitFor('response_url');
    expect(blockText(reply!.body)).toContain('/drill schedule set');
  });

  it('answers unknown words in the ack payload itself', async () => {
    link.send(commandEnvelope('env-bad', 'frobnicate'));
    const ack = await link.ackFor('env-bad');
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(blockText(ack.payload!)).toContain('Unknown command');
  });
});
