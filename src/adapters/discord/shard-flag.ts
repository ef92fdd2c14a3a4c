/** Passed to every shard process so the entry file knows to run one shard, not the manager. */
export const SHARD_PROCESS_FLAG = '--discord-shard';

/** Kept apart from sharding.ts so the entry file can ask without loading discord.js. */
export function isDiscordShardProcess(argv: readonly string[] = process.argv): boolean {
  return argv.includes(SHARD_PROCESS_FLAG);
}
