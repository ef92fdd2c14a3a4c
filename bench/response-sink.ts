/**
 * Where the Slack app's replies land: a loopback HTTP server standing in for
 * Slack's response_url, recording when each reply arrived (performance.now(),
 * the bench process's clock) and its JSON body, by path.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkReply {
  at: number;
  body: Record<string, unknown>;
}

export interface ResponseSink {
  /** Base URL: a reply POSTed to `${base}/${encodeURIComponent(name)}` is recorded under `name`. */
  base: string;
  reply(name: string): SinkReply | undefined;
  /** Resolves once every name has a reply, or after timeoutMs with those still missing. */
  waitFor(names: readonly string[], timeoutMs: number): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startResponseSink(): Promise<ResponseSink> {
  const replies = new Map<string, SinkReply>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://sink').pathname.slice(1));
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = { unparsable: true };
      }
      replies.set(name, { at, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    reply: (name) => replies.get(name),
    async waitFor(names, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      let missing = names.filter((n) => !replies.has(n));
      while (missing.length > 0 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        missing = missing.filter((n) => !replies.has(n));
      }
      return missing;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
