import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: a Web API method (auth.test, chat.postMessage…) or 'response_url'. */
export interface FakeCall {
  method: string;
  /** Form fields or JSON body; nested JSON strings (blocks, view) already parsed. */
  body: Record<string, unknown>;
  authorization: string | undefined;
  path: string;
}

/** A scripted answer for the next call of a method. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments'];

function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    if (typeof body[field] === 'string') body[field] = JSON.parse(body[field] as string);
  }
  return body;
}

/**
 * A small Slack Web API on loopback: records every call, answers the methods
 * the adapter uses, and takes scripted failures (429, channel_not_found…).
 */
export class FakeSlackApi {
  readonly calls: FakeCall[] = [];
  /** users.info answers by user id. */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean }>();
  private readonly scripted = new Map<string, FakeAnswer[]>();
  private readonly waiters: (() => void)[] = [];
  private server: Server | null = null;
  url = '';
  /** What apps.connections.open hands out (Socket Mode). */
  socketUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        raw += chunk;
      });
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://fake').pathname;
        const method = path.startsWith('/api/') ? path.slice('/api/'.length) : 'response_url';
        const header = req.headers.authorization;
        this.calls.push({ method, body: parseBody(req, raw), authorization: header, path });
        const answer = this.scripted.get(method)?.shift() ?? {
          body: this.defaultAnswer(method, this.calls.at(-1)!),
        };
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body ?? { ok: true }));
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server?.closeAllConnections();
  }

  /** The base for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url on this fake; calls to it are recorded as method 'response_url'. */
  responseUrl(name = 'r1'): string {
    return `${this.url}/response/${name}`;
  }

  answerNext(method: string, answer: FakeAnswer): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), answer]);
  }

  callsOf(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripted.clear();
    this.users.clear();
  }

  /** Resolves with the method's calls once there are at least count of them. */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<FakeCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsOf(method).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `expected ${count} ${method} call(s), got ${this.callsOf(method).length}; calls: ${this.calls.map((c) => c.method).join(', ')}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.callsOf(method);
  }

  private defaultAnswer(method: string, call: FakeCall): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0001', team: 'Example' };
      case 'chat.postMessage':
        return {
          ok: true,
          channel: call.body.channel,
          ts: `1700000000.${String(this.calls.length).padStart(6, '0')}`,
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1700000000.000001' };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'views.open':
        return { ok: true, view: { id: 'V0001' } };
      case 'users.info': {
        const id = String(call.body.user);
        const flags = this.users.get(id) ?? {};
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            is_admin: false,
            is_owner: false,
            is_primary_owner: false,
            ...flags,
          },
        };
      }
      default:
        return { ok: true };
    }
  }
}
