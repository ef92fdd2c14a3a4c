/**
 * The composition root: config -> logger -> question bank -> store -> core ->
 * adapters -> scheduler. Everything is built here and passed in.
 */
import { fileURLToPath } from 'node:url';
import { consoleActor } from './adapters/console/console-actor.js';
import { startConsole } from './adapters/console/register.js';
import { isDiscordShardProcess } from './adapters/discord/shard-flag.js';
import { ConfigError, loadConfig } from './config.js';
import { ContentError, loadQuestionBank } from './content/load-packs.js';
import { ClickThrottle } from './core/click-throttle.js';
import { DrillEngine } from './core/engine.js';
import type { EngineDeps } from './core/engine-deps.js';
import { WorkLane } from './core/work-lane.js';
import { startHealthServer } from './health-server.js';
import { createLogger } from './logger.js';
import type { ChannelPoster } from './scheduler/channel-poster.js';
import { DailyScheduler } from './scheduler/daily-scheduler.js';
import { startTicker } from './scheduler/ticker.js';
import { openDatabase } from './store/connection.js';
import { createStore } from './store/store.js';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail([`Configuration error: ${error.message}`]);
    throw error;
  }
  const consoleMode = !config.slack && !config.discord;
  const logger = createLogger({
    level: config.logLevel ?? (consoleMode ? 'warn' : 'info'),
    secrets: [
      config.slack?.botToken,
      config.slack?.signingSecret,
      config.slack?.appToken,
      config.discord?.token,
    ],
  });

  // Last line of defence: one bad event must not take every team's bot down. Known cases are guarded where they
  // happen (the Slack receiver, the Discord packet guard); anything else is logged here.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  // Opening starts now (embedded PGlite boots on its own thread) and is awaited once the bank is loaded.
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let bank: ReturnType<typeof loadQuestionBank>;
  try {
    bank = loadQuestionBank(config.contentDir);
  } catch (error) {
    if (error instanceof ContentError) {
      fail([
        `The question bank in ${config.contentDir} has problems:`,
        ...error.problems.map((p) => `${p.file}: ${p.message}`),
      ]);
    }
    throw error;
  }

  const connection = await opening;
  logger.info({ database: connection.kind, questions: bank.size }, 'database ready');
  const deps: EngineDeps = {
    store: createStore(connection.db),
    bank,
    clock: () => new Date(),
    random: Math.random,
    defaultTimeZone: config.defaultTimeZone,
  };
  const engine = new DrillEngine(deps, {
    ...(consoleMode ? { throttle: ClickThrottle.unlimited() } : {}),
    lane: WorkLane.forDatabase(connection.parallelism),
    onError: (error, context) =>
      logger.error({ err: error, platform: context.actor.platform, what: context.what }, 'unexpected error'),
  });

  const posters: ChannelPoster[] = [];
  const stops: (() => Promise<void>)[] = [];
  let consoleDone: Promise<void> | null = null;
  // A Discord shard process runs only its shard; the manager process runs the rest.
  const shardChild = isDiscordShardProcess();
  let servesHealth = false;

  if (config.slack && !shardChild) {
    // Loaded only when used: the console starts without paying for Bolt or discord.js.
    const { startSlack } = await import('./adapters/slack/index.js');
    const slack = await startSlack({ config: config.slack, port: config.port, engine, logger });
    posters.push(slack.poster);
    stops.push(slack.stop);
    servesHealth = slack.port !== null;
  }
  if (config.discord) {
    const { startDiscord, startDiscordShards } = await import('./adapters/discord/index.js');
    if (config.discord.shards && !shardChild) {
      const shards = await startDiscordShards({
        config: config.discord,
        logger,
        entryFile: fileURLToPath(import.meta.url),
      });
      stops.push(shards.stop);
    } else {
      const discord = await startDiscord({ config: config.discord, engine, logger });
      posters.push(discord.poster);
      stops.push(discord.stop);
    }
  }
  if (!consoleMode && !servesHealth && !shardChild) {
    const health = await startHealthServer(config.port);
    stops.push(health.stop);
  }

  if (consoleMode) {
    const session = startConsole({
      engine,
      actor: consoleActor(),
      input: process.stdin,
      output: process.stdout,
    });
    posters.push(session.poster);
    consoleDone = session.done;
  }

  const ticker = startTicker(new DailyScheduler({ deps, posters, logger }), logger);
  logger.info({ adapters: posters.map((p) => p.platform) }, 'ready');

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await ticker.stop();
    for (const stop of stops.reverse())
      await stop().catch((error) => logger.error({ err: error }, 'stop failed'));
    await connection.close();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  if (consoleDone) {
    await consoleDone;
    await shutdown(0);
  }
}

main().catch((error) => {
  process.stderr.write(`Interview Drill could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
