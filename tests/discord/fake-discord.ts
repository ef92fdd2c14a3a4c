/**
 * A fake Discord on loopback for the real discord.js Client: the REST routes
 * the adapter uses and a gateway on the same port. Everything that reaches it
 * is recorded for tests to assert on. It keeps the rules that matter to us:
 * an interaction is acknowledged once, within 3 seconds; follow-ups need an
 * acknowledgement first; a channel post with a known nonce is not repeated.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { DiscordConfig } from '../../src/config.js';

export const APP_ID = '1300000000000000001';

/** The adapter's config pointed at a fake Discord (its REST base), one guild-less process. */
export function fakeDiscordConfig(apiUrl: string, token: string): DiscordConfig {
  return { token, applicationId: APP_ID, apiUrl, guildId: undefined, shards: undefined, postsPerSecond: 10 };
}
export const BOT_USER = {
  id: APP_ID,
  username: 'Interview Drill',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
  public_flags: 0,
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the client under test
  body: any;
  at: number;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the bot sent for one interaction. */
export interface Exchange {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the client under test
  callback: { type: number; data?: any } | null;
  callbackMs: number | null;
  /** Rejected second acknowledgements (Discord's 40060). */
  rejectedCallbacks: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the client under test
  edits: any[];
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the client under test
  followUps: any[];
  deletes: number;
}

interface InteractionState {
  // biome-ignore lint/suspicious/noExplicitAny: an interaction payload
  payload: any;
  dispatchedAt: number;
  exchange: Exchange;
}

const ACK_DEADLINE_MS = 3000;

let snowflakeCounter = 0n;
export function snowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) + snowflakeCounter).toString();
}

function json(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: number, message: string) {
  json(res, status, { message, code });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  return (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: gateway payloads
  readonly identifies: any[] = [];
  readonly guildIds: string[];
  private readonly interactions = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();
  private readonly channelScripts = new Map<string, ScriptedResponse[]>();
  private readonly postedByNonce = new Map<string, unknown>();
  private readonly sockets = new Set<WebSocket>();
  private readonly wss: WebSocketServer;
  private seq = 0;
  private port = 0;

  private constructor(
    private readonly server: Server,
    guildIds: string[],
    private readonly recordRequests: boolean,
  ) {
    this.guildIds = guildIds;
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.onSocket(socket));
    server.on('request', (req, res) => {
      this.onRequest(req, res).catch((e: unknown) => {
        error(res, 500, 0, String(e));
      });
    });
  }

  /**
   * Starts on a free loopback port. Guilds listed here arrive as GUILD_CREATE after READY.
   * `recordRequests: false` keeps `requests` empty (the exchanges are still kept): a benchmark's
   * thousands of clicks would otherwise grow this process's heap, and its pauses would be timed
   * as the bot's.
   */
  static async start(options: { guildIds?: string[]; recordRequests?: boolean } = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options.guildIds ?? [], options.recordRequests ?? true);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** DISCORD_API_URL for the bot: REST base without the version. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next answers for POST /channels/{id}/messages, in order; then the default 200. */
  scriptChannel(channelId: string, ...responses: ScriptedResponse[]): void {
    this.channelScripts.set(channelId, [...(this.channelScripts.get(channelId) ?? []), ...responses]);
  }

  requestsTo(method: string, pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
  }

  // biome-ignore lint/suspicious/noExplicitAny: any gateway event
  dispatch(event: string, data: any): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t: event, s: this.seq, d: data });
    for (const socket of this.sockets) socket.send(frame);
  }

  /** Sends an INTERACTION_CREATE (without waiting for the bot). */
  // biome-ignore lint/suspicious/noExplicitAny: an interaction payload
  send(payload: any): Exchange {
    const existing = this.interactions.get(payload.id);
    const state: InteractionState = existing ?? {
      payload,
      dispatchedAt: Date.now(),
      exchange: {
        callback: null,
        callbackMs: null,
        rejectedCallbacks: 0,
        edits: [],
        followUps: [],
        deletes: 0,
      },
    };
    this.interactions.set(payload.id, state);
    this.byToken.set(payload.token, state);
    this.dispatch('INTERACTION_CREATE', payload);
    return state.exchange;
  }

  /**
   * Sends an interaction and waits until the bot has answered it: the
   * callback, and after a deferral the edit of the original or a follow-up.
   */
  // biome-ignore lint/suspicious/noExplicitAny: an interaction payload
  async interact(payload: any, timeoutMs = 10_000): Promise<Exchange> {
    const exchange = this.send(payload);
    await this.waitFor(() => settled(exchange), timeoutMs, `interaction ${payload.id} to be answered`);
    return exchange;
  }

  async waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`fake discord: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString());
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.onIdentify(socket, frame.d);
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: gateway payload
  private onIdentify(socket: WebSocket, identify: any): void {
    this.identifies.push(identify);
    const shard: [number, number] = identify.shard ?? [0, 1];
    const guilds = this.guildIds.filter((id) => Number(BigInt(id) >> 22n) % shard[1] === shard[0]);
    const send = (t: string, d: unknown) => {
      this.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
    };
    send('READY', {
      v: 10,
      user: BOT_USER,
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: `fake-session-${shard[0]}`,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: APP_ID, flags: 0 },
      user_settings: {},
      relationships: [],
      private_channels: [],
      presences: [],
      geo_ordered_rtc_regions: [],
      guild_join_requests: [],
    });
    for (const id of guilds) send('GUILD_CREATE', fakeGuild(id));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    if (this.recordRequests) {
      this.requests.push({
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        headers: req.headers,
        body,
        at: Date.now(),
      });
    }
    const method = req.method ?? 'GET';
    const callbackRoute = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    const webhookRoute = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    const channelRoute = /^\/channels\/(\d+)\/messages$/.exec(path);
    const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);

    if (method === 'GET' && path === '/gateway/bot') {
      return json(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/users/@me') return json(res, 200, BOT_USER);

    if (callbackRoute && method === 'POST') {
      const [, interactionId, token] = callbackRoute;
      const state = this.interactions.get(interactionId!);
      if (!state || state.payload.token !== token) return error(res, 404, 10062, 'Unknown interaction');
      if (state.exchange.callback) {
        state.exchange.rejectedCallbacks += 1;
        return error(res, 400, 40060, 'Interaction has already been acknowledged.');
      }
      const elapsed = Date.now() - state.dispatchedAt;
      if (elapsed > ACK_DEADLINE_MS) return error(res, 404, 10062, 'Unknown interaction');
      state.exchange.callback = body as Exchange['callback'];
      state.exchange.callbackMs = elapsed;
      return json(res, 204);
    }

    if (webhookRoute) {
      const [, applicationId, token, original] = webhookRoute;
      const state = this.byToken.get(token!);
      if (!state || applicationId !== APP_ID) return error(res, 404, 10015, 'Unknown Webhook');
      if (!state.exchange.callback) return error(res, 404, 10015, 'Unknown Webhook');
      const channelId = state.payload.channel_id;
      if (original && method === 'PATCH') {
        state.exchange.edits.push(body);
        return json(res, 200, fakeMessage(channelId, body));
      }
      if (original && method === 'DELETE') {
        state.exchange.deletes += 1;
        return json(res, 204);
      }
      if (!original && method === 'POST') {
        state.exchange.followUps.push(body);
        return json(res, 200, fakeMessage(channelId, body));
      }
    }

    if (channelRoute && method === 'POST') {
      const channelId = channelRoute[1]!;
      const scripted = this.channelScripts.get(channelId)?.shift();
      if (scripted) return json(res, scripted.status, scripted.body, scripted.headers);
      // biome-ignore lint/suspicious/noExplicitAny: JSON body
      const post = body as any;
      const nonceKey = post?.enforce_nonce && post.nonce ? `${channelId}:${post.nonce}` : null;
      if (nonceKey && this.postedByNonce.has(nonceKey))
        return json(res, 200, this.postedByNonce.get(nonceKey));
      const message = fakeMessage(channelId, post);
      if (nonceKey) this.postedByNonce.set(nonceKey, message);
      return json(res, 200, message);
    }

    if (commandsRoute && method === 'PUT' && Array.isArray(body)) {
      const [, applicationId, guildId] = commandsRoute;
      return json(
        res,
        200,
        body.map((command) => ({
          ...command,
          id: snowflake(),
          application_id: applicationId,
          version: snowflake(),
          ...(guildId ? { guild_id: guildId } : {}),
        })),
      );
    }

    return error(res, 404, 0, '404: Not Found');
  }
}

function settled(exchange: Exchange): boolean {
  const type = exchange.callback?.type;
  if (type === undefined) return false;
  // Deferred (5: reply later, 6: update later): wait for the edit or the ephemeral follow-up.
  if (type === 5 || type === 6) return exchange.edits.length > 0 || exchange.followUps.length > 0;
  return true;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON body
function fakeMessage(channelId: string, body: any) {
  return {
    id: snowflake(),
    type: 0,
    channel_id: channelId,
    author: BOT_USER,
    application_id: APP_ID,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: body?.flags ?? 0,
    nonce: body?.nonce,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

/** A minimal but well-formed GUILD_CREATE for a guild with one text channel. */
function fakeGuild(id: string) {
  return {
    id,
    name: `Guild ${id.slice(-4)}`,
    icon: null,
    owner_id: '1000000000000000999',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: '2025-09-14T08:12:44.102000+00:00',
    large: false,
    unavailable: false,
    member_count: 2,
    roles: [
      {
        id,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: '1122573558992465',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    members: [],
    channels: [
      {
        id: '1200000000000000001',
        type: 0,
        guild_id: id,
        name: 'interview-prep',
        position: 0,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
      },
    ],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
