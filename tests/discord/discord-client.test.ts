import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../src/adapters/discord/discord-client.js';

describe('the Discord client', () => {
  let client: Client | undefined;
  afterEach(async () => {
    await client?.destroy();
  });

  it("sweeps each interaction's idle rate-limit handler after a minute, not an hour, and allows answers 500/s", () => {
    client = createDiscordClient({ apiUrl: 'http://127.0.0.1:9/api/' });
    const options = client.rest.options;
    expect(options.handlerSweepInterval).toBe(60_000);
    expect(options.globalRequestsPerSecond).toBe(500);
    expect(options.api).toBe('http://127.0.0.1:9/api');
  });
});
