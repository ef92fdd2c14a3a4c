import { REST, Routes, ShardingManager } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { restApiOption } from './discord-client.js';

import { SHARD_PROCESS_FLAG } from './shard-flag.js';

export { isDiscordShardProcess, SHARD_PROCESS_FLAG } from './shard-flag.js';

/** DISCORD_SHARDS as a count; "auto" asks Discord (through DISCORD_API_URL) how many it recommends. */
export async function shardCount(
  config: Pick<DiscordConfig, 'token' | 'apiUrl' | 'shards'>,
): Promise<number> {
  if (config.shards && config.shards !== 'auto') return Math.max(1, Number(config.shards));
  const rest = new REST(restApiOption(config.apiUrl)).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, gateway.shards);
}

/**
 * This process's Node flags, plus tsx's loader when the entry is TypeScript
 * and the loader came in some other way (npm start's fallback registers it
 * in-process, which a child does not inherit).
 */
export function childExecArgv(entryFile: string, flags: readonly string[] = process.execArgv): string[] {
  if (!entryFile.endsWith('.ts') || flags.some((flag) => flag.includes('tsx'))) return [...flags];
  return [...flags, '--import', 'tsx'];
}

/**
 * Runs the bot as several processes with discord.js's ShardingManager: each
 * spawns entryFile (the app's own main) with SHARD_PROCESS_FLAG; discord.js
 * hands each its shard ids. Every shard opens its own pool to the one shared
 * Postgres and runs the scheduler; the daily-post claim keeps posts single.
 */
export async function startDiscordShards(options: {
  config: DiscordConfig;
  logger: Logger;
  entryFile: string;
  /** Node flags for the children, e.g. tsx's loader (default: this process's). */
  execArgv?: string[];
  spawnTimeoutMs?: number;
  /** Pause between shard starts; Discord allows one IDENTIFY per 5 s per bucket. */
  spawnDelayMs?: number;
}): Promise<{ manager: ShardingManager; stop(): Promise<void> }> {
  const { config, logger, entryFile } = options;
  const totalShards = await shardCount(config);
  const manager = new ShardingManager(entryFile, {
    token: config.token,
    totalShards,
    mode: 'process',
    respawn: true,
    shardArgs: [SHARD_PROCESS_FLAG],
    execArgv: options.execArgv ?? childExecArgv(entryFile),
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, totalShards }, 'discord: shard process started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'discord: shard process exited'));
  });
  await manager.spawn({
    amount: totalShards,
    delay: options.spawnDelayMs ?? 5500,
    timeout: options.spawnTimeoutMs ?? 120_000,
  });
  logger.info({ totalShards }, 'discord: all shards ready');
  return {
    manager,
    async stop() {
      manager.respawn = false;
      await Promise.all(
        manager.shards.map(
          (shard) =>
            new Promise<void>((resolve) => {
              if (!shard.process || shard.process.exitCode !== null) return resolve();
              shard.process.once('exit', () => resolve());
              shard.kill();
            }),
        ),
      );
    },
  };
}
