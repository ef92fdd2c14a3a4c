/**
 * What a shard process runs in the sharding test: the adapter's client,
 * logged in. Like the app's main, it reads its settings from the environment
 * it inherits; discord.js reads its shard ids from there too.
 */
import { createDiscordClient } from '../../src/adapters/discord/discord-client.js';
import { isDiscordShardProcess } from '../../src/adapters/discord/sharding.js';

if (!isDiscordShardProcess()) throw new Error('expected the shard flag');
const client = createDiscordClient({ apiUrl: process.env.DISCORD_API_URL });
await client.login(process.env.DISCORD_TOKEN);
