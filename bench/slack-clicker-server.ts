/** Child-process entry of the Slack clicker (slack-clicker-process.ts): a response_url sink and a signing client. */
import { serveParent } from './child-process-rpc.js';
import { closedLoop } from './closed-loop.js';
import { type ResponseSink, startResponseSink } from './response-sink.js';
import type { ClickerRequest, ClicksResult, RepliesResult } from './slack-clicker-process.js';
import { SignedSlackClient } from './slack-signed-client.js';

/** Rounds of health checks, all connections at once, before each run: the timed clicks find them open. */
const PRIMING_ROUNDS = 3;
/** How long a paced click waits for its reply before the worker moves on. */
const PACED_REPLY_TIMEOUT_MS = 30_000;

async function clicks(
  client: SignedSlackClient,
  sink: ResponseSink,
  request: Extract<ClickerRequest, { type: 'clicks' }>,
): Promise<ClicksResult> {
  // Connections the app closed while idle (Node's 5 s keep-alive timeout) are opened again here, untimed.
  await closedLoop(request.concurrency * PRIMING_ROUNDS, request.concurrency, async () => {
    await client.healthz(request.port);
    return 0;
  });
  const sentAt: number[] = new Array(request.bodies.length).fill(Number.NaN);
  const ms: number[] = new Array(request.bodies.length).fill(Number.NaN);
  let refused = 0;
  const load = await closedLoop(request.bodies.length, request.concurrency, async (i) => {
    try {
      const response = await client.post(request.port, request.bodies[i]!);
      sentAt[i] = response.sentAt;
      if (response.status === 200) {
        ms[i] = response.ms;
        const name = request.replyNames?.[i];
        if (name !== undefined) await sink.waitFor([name], PACED_REPLY_TIMEOUT_MS);
        return response.ms;
      }
      refused += 1;
      return null;
    } catch {
      return null;
    }
  });
  return { samples: load.samples, sentAt, ms, refused, failed: load.failed - refused, seconds: load.seconds };
}

void serveParent<{ sinkUrl: string }, ClickerRequest, ClicksResult | RepliesResult>(async () => {
  const secret = process.argv[2]!;
  const sink = await startResponseSink();
  const clients = new Map<number, SignedSlackClient>();
  const clientFor = (port: number, concurrency: number) => {
    let client = clients.get(port);
    if (!client) {
      client = new SignedSlackClient(secret, concurrency);
      clients.set(port, client);
    }
    return client;
  };
  return {
    ready: { sinkUrl: sink.base },
    async handle(request) {
      if (request.type === 'clicks')
        return clicks(clientFor(request.port, request.concurrency), sink, request);
      await sink.waitFor(request.names, request.timeoutMs);
      return request.names.map((name) => {
        const reply = sink.reply(name);
        if (!reply) return null;
        return { at: reply.at, text: typeof reply.body.text === 'string' ? reply.body.text : '' };
      });
    },
    close: async () => {
      for (const client of clients.values()) client.close();
      await sink.stop();
    },
  };
});
