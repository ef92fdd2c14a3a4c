/**
 * The composition root: config -> logger -> question bank -> store -> core ->
 * adapters -> scheduler. Everything is built here and passed in.
 */
import { fileURLToPath } from 'node:url';
import { isDiscordShardProcess } from './adapters/discord/shard-flag.js';
import { ConfigError, loadConfig } from './config.js';
import { ContentError, loadQuestionBank } from './content/load-packs.js';
import type { EngineDeps } from './core/engine-deps.js';
import type { QuestionBank } from './core/question-bank.js';
import { startHealthServer } from './health-server.js';
import { createLogger } from './logger.js';
import { ClickThrottle } from './runtime/click-throttle.js';
import { DrillEngine } from './runtime/engine.js';
import { TeamBankCache } from './runtime/team-bank-cache.js';
import { WorkLane } from './runtime/work-lane.js';
import type { ChannelPoster } from './scheduler/channel-poster.js';
import { DailyScheduler } from './scheduler/daily-scheduler.js';
import { startTicker } from './scheduler/ticker.js';
import { openDatabase } from './store/connection.js';
import { createStore } from './store/store.js';

/**
 * Adapters are loaded by name, only when configured: the console starts
 * without paying for Bolt or discord.js. (Database drivers load the same way,
 * inside openDatabase.)
 */
const ADAPTERS = {
  console: () => import('./adapters/console/index.js'),
  slack: () => import('./adapters/slack/index.js'),
  discord: () => import('./adapters/discord/index.js'),
};

/** How long a stop waits for accepted clicks to finish (within the 30 s most process managers allow). */
const SHUTDOWN_DRAIN_MS = 10_000;

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
  // Awaited once the bank is loaded; a failure meanwhile is reported there, not as an unhandled rejection.
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  opening.catch(() => {});
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

  let bank: QuestionBank;
  try {
    bank = loadQuestionBank(config.contentDir);
  } catch (error) {
    if (error instanceof ContentError) {
      // Let the database finish opening and close it first, rather than exit while PGlite may be creating its
      // data dir.
      await opening.then((connection) => connection.close()).catch(() => {});
      fail([
        `The question bank in ${config.contentDir} has problems:`,
        ...error.problems.map((p) => `${p.file}: ${p.message}`),
      ]);
    }
    throw error;
  }

  const connection = await opening;
  logger.info({ database: connection.kind, questions: bank.size }, 'database ready');
  const store = createStore(connection.db);
  const deps: EngineDeps = {
    store,
    banks: new TeamBankCache({
      bundled: bank,
      packs: store.teamPacks,
      onUnreadablePack: (team, packId, problems) =>
        logger.error(
          { team, packId, problems: problems.slice(0, 5) },
          'a stored team pack no longer reads; left out',
        ),
    }),
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
    const { startSlack } = await ADAPTERS.slack();
    const slack = await startSlack({ config: config.slack, port: config.port, engine, logger });
    posters.push(slack.poster);
    stops.push(slack.stop);
    servesHealth = slack.port !== null;
  }
  if (config.discord) {
    const { startDiscord, startDiscordShards } = await ADAPTERS.discord();
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
    const { consoleActor, startConsole } = await ADAPTERS.console();
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
    // The adapters stay up meanwhile, so the answers still go out.
    if (!(await engine.drain(SHUTDOWN_DRAIN_MS))) {
      logger.warn({ waitedMs: SHUTDOWN_DRAIN_MS }, 'stopping with work still under way');
    }
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
