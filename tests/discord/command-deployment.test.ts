import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/adapters/discord/command-deployment.js';
import { restApiOption } from '../../src/adapters/discord/discord-client.js';
import { drillCommandData } from '../../src/adapters/discord/drill-command-data.js';
import { DIFFICULTIES } from '../../src/core/types.js';
import { USE_CASES } from '../../src/use-cases/table.js';
import { APP_ID, FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: command JSON
type Json = any;
const option = (parent: Json, name: string): Json => parent.options.find((o: Json) => o.name === name);

describe('/drill command data', () => {
  const data: Json = drillCommandData(USE_CASES);

  it('declares every subcommand, schedule as a group, open to everyone in servers and DMs', () => {
    expect(data.name).toBe('drill');
    expect(data.options.map((o: Json) => `${o.name}:${o.type}`)).toEqual([
      'ask:1',
      'today:1',
      'topics:1',
      'packs:1',
      'leaderboard:1',
      'stats:1',
      'review:1',
      'schedule:2',
      'privacy:1',
      'forget-me:1',
      'help:1',
    ]);
    expect(option(data, 'schedule').options.map((o: Json) => o.name)).toEqual(['set', 'show', 'off']);
    expect(data.default_member_permissions ?? null).toBeNull();
    expect(data.contexts).toEqual([0, 1]);
  });

  it('types the options: autocomplete for query, topic and timezone, fixed choices from the core', () => {
    const ask = option(data, 'ask');
    expect(option(ask, 'query')).toMatchObject({ type: 3, autocomplete: true });
    // Topics come from the packs loaded, so Discord asks for them as the user types.
    expect(option(ask, 'topic')).toMatchObject({ type: 3, autocomplete: true });
    expect(option(ask, 'topic').choices).toBeUndefined();
    expect(option(ask, 'difficulty').choices.map((c: Json) => c.value)).toEqual([...DIFFICULTIES]);
    // A team's packs differ per server: autocomplete, checked by the engine against the team's bank.
    expect(option(ask, 'pack')).toMatchObject({ type: 3, autocomplete: true });
    expect(option(option(option(data, 'schedule'), 'set'), 'pack')).toMatchObject({
      type: 3,
      autocomplete: true,
    });
    const set = option(option(data, 'schedule'), 'set');
    expect(option(set, 'time')).toMatchObject({ required: true });
    expect(option(set, 'timezone')).toMatchObject({ required: true, autocomplete: true });
    expect(option(option(data, 'leaderboard'), 'period').choices.map((c: Json) => c.value)).toEqual([
      'week',
      'month',
      'all',
    ]);
    expect(option(option(data, 'leaderboard'), 'scope').choices.map((c: Json) => c.value)).toEqual([
      'channel',
      'server',
    ]);
    expect(option(option(data, 'stats'), 'user').type).toBe(6);
    expect(option(option(data, 'privacy'), 'mode')).toMatchObject({ required: true });
  });
});

describe('deployCommands', () => {
  const rest = () => new REST(restApiOption(`${fake.apiUrl}/`)).setToken('fake-bot-token-0123456789');

  it('registers in one guild when a guild id is set', async () => {
    const result = await deployCommands(rest(), { applicationId: APP_ID, guildId: '1100000000000000001' });
    expect(result).toEqual({ scope: 'guild', count: 1 });
    const [put] = fake.requestsTo('PUT', /\/guilds\/1100000000000000001\/commands$/);
    expect(put!.path).toBe(`/applications/${APP_ID}/guilds/1100000000000000001/commands`);
    expect(put!.body[0].name).toBe('drill');
  });

  it('registers globally otherwise', async () => {
    const result = await deployCommands(rest(), { applicationId: APP_ID, guildId: undefined });
    expect(result).toEqual({ scope: 'global', count: 1 });
    expect(fake.requestsTo('PUT', new RegExp(`^/applications/${APP_ID}/commands$`))).toHaveLength(1);
  });
});
