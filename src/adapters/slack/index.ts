import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { DrillEngine } from '../../runtime/engine.js';
import type { ChannelPoster } from '../../scheduler/channel-poster.js';
import { createSlackApp, slackApiBase } from './create-slack-app.js';
import { SlackChannelPoster } from './slack-channel-poster.js';

export { createSlackApp, type SlackApp, type SlackAppOptions } from './create-slack-app.js';
export { SlackChannelPoster } from './slack-channel-poster.js';

/**
 * Starts the Slack adapter: HTTP mode on port (/slack/events, /healthz) with
 * a signing secret, Socket Mode with an app token. Returns the daily poster,
 * the bound port (null in Socket Mode) and stop().
 */
export async function startSlack(options: {
  config: SlackConfig;
  port: number;
  engine: DrillEngine;
  logger: Logger;
}): Promise<{ poster: ChannelPoster; port: number | null; stop(): Promise<void> }> {
  const { config, engine, logger } = options;
  const slack = createSlackApp({ config, engine, logger });
  const port = await slack.start(options.port);
  logger.info({ mode: slack.mode, port }, 'slack adapter started');
  const poster = new SlackChannelPoster(
    { botToken: config.botToken, apiUrl: slackApiBase(config.apiUrl), postsPerSecond: config.postsPerSecond },
    logger,
  );
  return { poster, port, stop: () => slack.stop() };
}
