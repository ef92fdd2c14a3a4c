import { DefaultRestOptions, REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Canary for src/adapters/discord/rest-handler-sweep.ts: discord.js's REST
 * keeps one rate-limit handler per interaction token (its edits and
 * follow-ups go to /webhooks/{application}/{token}/…), idle ones swept hourly
 * by default. No upstream issue found. The day this fails, answering an
 * interaction leaves nothing behind for an hour: remove the shorter sweep.
 */
const APPLICATION = '123456789012345678';
const FIXED =
  'upstream fixed the per-interaction REST handlers of discord.js: remove ' +
  'src/adapters/discord/rest-handler-sweep.ts (and its use in discord-client.ts)';

describe('canary: discord.js keeps a REST handler per interaction token for an hour', () => {
  let rest: REST | undefined;
  afterEach(() => {
    rest?.clearHandlerSweeper();
    rest?.clearHashSweeper();
  });

  it('still sweeps idle handlers hourly by default', () => {
    expect(DefaultRestOptions.handlerSweepInterval, FIXED).toBe(3_600_000);
  });

  it('still keeps a handler for each interaction answered, after its requests are done', async () => {
    // Discord stands in as a function that answers every request at once.
    rest = new REST({
      makeRequest: async () =>
        new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    const tokens = ['interaction-token-one', 'interaction-token-two', 'interaction-token-three'];
    for (const token of tokens) {
      await rest.patch(`/webhooks/${APPLICATION}/${token}/messages/@original`, { body: {}, auth: false });
    }
    const idle = [...rest.handlers.values()].filter((handler) => handler.inactive);
    expect(idle.length, FIXED).toBe(tokens.length);
    expect(
      idle.map((handler) => handler.id.split(':').at(-1)),
      FIXED,
    ).toEqual(tokens.map((token) => `${APPLICATION}/${token}`));
  });
});
