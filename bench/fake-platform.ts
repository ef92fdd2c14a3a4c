/**
 * A fake chat platform on loopback that enforces a rate limit the way the real
 * ones do: at most `limit` accepted requests in any sliding 1 s window; past
 * it, 429 with Retry-After (whole seconds, as HTTP has it) and the precise
 * wait in the body (`retry_after`, seconds, as Discord sends it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlatformStats {
  accepted: number;
  rejected: number;
  /** Most requests accepted inside any 1 s window. */
  peakPerSecond: number;
}

const WINDOW_MS = 1000;

export class FakePlatform {
  private readonly server: Server;
  /** Arrival times (ms, monotonic) of accepted requests; entries before `head` have left the window. */
  private readonly accepted: number[] = [];
  private head = 0;
  private rejected = 0;
  private peak = 0;

  constructor(private readonly limit: number) {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  stats(): PlatformStats {
    return { accepted: this.accepted.length, rejected: this.rejected, peakPerSecond: this.peak };
  }

  reset(): void {
    this.accepted.length = 0;
    this.head = 0;
    this.rejected = 0;
    this.peak = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // Judged on arrival, before the body is read, as a platform's edge would.
    const now = performance.now();
    while (this.head < this.accepted.length && this.accepted[this.head]! <= now - WINDOW_MS) this.head++;
    const inWindow = this.accepted.length - this.head;
    req.resume();
    if (req.method !== 'POST' || req.url !== '/post') {
      res.writeHead(404).end();
      return;
    }
    if (inWindow >= this.limit) {
      this.rejected++;
      const waitMs = this.accepted[this.head]! + WINDOW_MS - now;
      res
        .writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
        })
        .end(JSON.stringify({ ok: false, error: 'rate_limited', retry_after: waitMs / 1000 }));
      return;
    }
    this.accepted.push(now);
    this.peak = Math.max(this.peak, inWindow + 1);
    req.on('end', () => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, id: `m${this.accepted.length}` }));
    });
  }
}
