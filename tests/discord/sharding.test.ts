import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shardCount, startDiscordShards } from '../../src/adapters/discord/sharding.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let shards: Awaited<ReturnType<typeof startDiscordShards>> | undefined;

beforeAll(async () => {
  fake = await FakeDiscord.start({ guildIds: ['1100000000000000001', '1100000000004194305'] });
});
afterAll(async () => {
  await shards?.stop();
  await fake?.close();
});

it('DISCORD_SHARDS=auto asks /gateway/bot on DISCORD_API_URL', async () => {
  const config = { token: 'fake-bot-token-0123456789', apiUrl: fake.apiUrl };
  expect(await shardCount({ ...config, shards: 'auto' })).toBe(1);
  expect(fake.requestsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
  expect(await shardCount({ ...config, shards: '3' })).toBe(3);
});

it('DISCORD_SHARDS=2 runs two shard processes that identify as shard 0 and 1 of 2', async () => {
  // Shard processes inherit the environment, as the app's do.
  const saved = process.env.DISCORD_API_URL;
  process.env.DISCORD_API_URL = fake.apiUrl;
  shards = await startDiscordShards({
    config: {
      token: 'fake-bot-token-0123456789',
      applicationId: APP_ID,
      apiUrl: fake.apiUrl,
      guildId: undefined,
      shards: '2',
      postsPerSecond: 40,
    },
    logger: pino({ level: 'silent' }),
    entryFile: fileURLToPath(new URL('./shard-process.ts', import.meta.url)),
    execArgv: ['--import', 'tsx'],
    spawnDelayMs: 50,
    spawnTimeoutMs: 30_000,
  }).finally(() => {
    if (saved === undefined) delete process.env.DISCORD_API_URL;
    else process.env.DISCORD_API_URL = saved;
  });
  expect(shards.manager.shards.size).toBe(2);
  const identified = fake.identifies.map((i) => i.shard).sort();
  expect(identified).toEqual([
    [0, 2],
    [1, 2],
  ]);
});
