import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { DrillEngine } from '../../runtime/engine.js';
import { boltLogger } from './bolt-logger.js';
import { refuseFutureTimestamps } from './future-timestamp-guard.js';
import { healthRoute } from './health-route.js';
import type { ListenerDeps } from './listener-deps.js';
import { refuseNullBodies } from './null-body-guard.js';
import { registerButtons } from './register-buttons.js';
import { registerDrillCommand } from './register-drill-command.js';
import { registerWriteSubmission } from './register-write-submission.js';
import { WorkspaceAdmins } from './workspace-admins.js';

export interface SlackAppOptions {
  config: SlackConfig;
  engine: DrillEngine;
  logger: Logger;
  /** Clock for the admin cache and the future-timestamp check (tests move it). */
  now?: () => number;
}

export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  /** Checks the token (auth.test), then listens: HTTP on port (0 = any free port), or Socket Mode. Returns the bound port in HTTP mode. */
  start(port: number): Promise<number | null>;
  stop(): Promise<void>;
}

/** Bolt's WebClient appends method names to the base, so it must end with a slash. */
export const slackApiBase = (url: string | undefined): string | undefined =>
  url === undefined ? undefined : url.endsWith('/') ? url : `${url}/`;

/** The Bolt app with every listener registered: HTTP receiver, or Socket Mode when an app token is set. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, engine, logger } = options;
  const now = options.now ?? Date.now;
  const log = boltLogger(logger);
  const apiUrl = slackApiBase(config.apiUrl);
  const slackApiUrl = apiUrl ? { slackApiUrl: apiUrl } : {};
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: log,
      installerOptions: { clientOptions: slackApiUrl },
    });
  } else {
    if (!config.signingSecret)
      throw new Error('SLACK_SIGNING_SECRET: required for HTTP mode (or set SLACK_APP_TOKEN)');
    const http = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: '/slack/events',
      customRoutes: [healthRoute],
      logger: log,
    });
    http.requestListener = refuseFutureTimestamps(refuseNullBodies(http.requestListener), now);
    receiver = http;
  }
  const app = new App({
    token: config.botToken,
    receiver,
    logger: log,
    // Replies are interactive: one quick retry, not Bolt's default half hour of them.
    clientOptions: { ...slackApiUrl, retryConfig: { retries: 1 }, timeout: 10_000 },
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener failed');
  });

  const deps: ListenerDeps = {
    engine,
    logger,
    admins: new WorkspaceAdmins(config.adminUserIds, logger, now),
  };
  registerDrillCommand(app, deps);
  registerButtons(app, deps);
  registerWriteSubmission(app, deps);

  const mode = config.appToken ? 'socket' : 'http';
  return {
    app,
    mode,
    async start(port) {
      try {
        await app.init();
      } catch (error) {
        const reason = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
        throw new Error(`SLACK_BOT_TOKEN: Slack refused the token (auth.test: ${reason})`);
      }
      if (mode === 'socket') {
        await app.start();
        return null;
      }
      const server = (await app.start(port)) as Server;
      return (server.address() as AddressInfo).port;
    },
    stop: async () => {
      await app.stop();
    },
  };
}
