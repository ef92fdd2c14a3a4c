/**
 * The Slack baseline: a Bolt app with the same HTTPReceiver options as
 * src/adapters/slack/create-slack-app.ts (signing secret, /slack/events, the
 * health route, the same logger) and the same App options, whose only
 * listener acknowledges every block_actions click. It has none of our request
 * guards, listeners or engine: what Bolt alone costs per click.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { boltLogger } from '../src/adapters/slack/bolt-logger.js';
import { slackApiBase } from '../src/adapters/slack/create-slack-app.js';
import { healthRoute } from '../src/adapters/slack/health-route.js';
import type { Logger } from '../src/logger.js';

export interface BareBoltApp {
  port: number;
  /** block_actions clicks acknowledged so far. */
  acked(): number;
  stop(): Promise<void>;
}

export async function startBareBoltApp(options: {
  botToken: string;
  signingSecret: string;
  apiUrl: string;
  logger: Logger;
}): Promise<BareBoltApp> {
  const log = boltLogger(options.logger);
  const slackApiUrl = slackApiBase(options.apiUrl)!;
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    customRoutes: [healthRoute],
    logger: log,
  });
  const app = new App({
    token: options.botToken,
    receiver,
    logger: log,
    clientOptions: { slackApiUrl, retryConfig: { retries: 1 }, timeout: 10_000 },
    deferInitialization: true,
    convoStore: false,
  });
  let acked = 0;
  app.action({ type: 'block_actions' }, async ({ ack }) => {
    await ack();
    acked += 1;
  });
  await app.init();
  const server = (await app.start(0)) as Server;
  return {
    port: (server.address() as AddressInfo).port,
    acked: () => acked,
    stop: async () => {
      await app.stop();
    },
  };
}
