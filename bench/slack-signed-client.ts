/**
 * Slack's side of an HTTP-mode app: signed interaction requests POSTed to
 * /slack/events over keep-alive connections (one per concurrent request,
 * reused), so a run measures the app and not TCP set-up.
 */
import { Agent, request } from 'node:http';
import { sign } from '../tests/slack/slack-harness.js';

export interface SlackPostResult {
  status: number;
  /** performance.now() just before the request was written. */
  sentAt: number;
  /** From just before the request is written to the end of the response (Bolt answers when ack() runs). */
  ms: number;
}

export class SignedSlackClient {
  private readonly agent: Agent;

  constructor(
    private readonly signingSecret: string,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** The form body Slack sends for an interaction: payload=<JSON>. */
  static interactionBody(payload: unknown): string {
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  post(port: number, body: string): Promise<SlackPostResult> {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, this.signingSecret),
    };
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent: this.agent },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, sentAt: t0, ms: performance.now() - t0 }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** GET /healthz (the adapter's health route, also on the bare app): opens and warms pooled connections. */
  healthz(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: this.agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
