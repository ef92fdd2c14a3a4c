import { Writable } from 'node:stream';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.js';
import type { EngineDeps } from '../../src/core/engine-deps.js';
import { createLogger } from '../../src/logger.js';
import { ClickThrottle } from '../../src/runtime/click-throttle.js';
import { dailyCard } from '../../src/use-cases/shared/daily-question.js';
import { makeEngine } from '../helpers/engine-fixture.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { APP_ID, type Exchange, FakeDiscord, fakeDiscordConfig } from './fake-discord.js';
import {
  autocomplete,
  button,
  CHANNEL_ID,
  GUILD_ID,
  modalSubmit,
  slashCommand,
  type Who,
} from './interaction-payloads.js';

const TOKEN = 'fake-bot-token-0123456789';
const ADMIN: Who = { userId: '1000000000000000002', username: 'grace', globalName: 'Grace', admin: true };
const ADA: Who = {};
const EPHEMERAL = 64;

let db: TestDatabase;
let fake: FakeDiscord;
let deps: EngineDeps;
let bot: Awaited<ReturnType<typeof startDiscord>>;
const logLines: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  fake = await FakeDiscord.start({ guildIds: [GUILD_ID] });
  const made = makeEngine(db.store);
  deps = made.deps;
  const logger = createLogger({
    level: 'info',
    secrets: [TOKEN],
    destination: new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  });
  bot = await startDiscord({
    config: fakeDiscordConfig(fake.apiUrl, TOKEN),
    engine: made.engine,
    logger,
  });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await db?.close();
});

beforeEach(async () => {
  await db.truncate();
});

/** The interaction was answered in time and nothing it sent can ping anyone. */
function expectAnsweredQuietly(ex: Exchange): void {
  expect(ex.callbackMs).not.toBeNull();
  expect(ex.callbackMs!).toBeLessThan(3000);
  for (const body of [...ex.edits, ...ex.followUps]) expect(body.allowed_mentions).toEqual({ parse: [] });
}

/** The one message the user ends up seeing (the edited deferral or the ephemeral follow-up). */
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
const shown = (ex: Exchange): any => ex.edits.at(-1) ?? ex.followUps.at(-1);

/** A public deferral that turned into an ephemeral error note. */
function expectPrivateError(ex: Exchange, text: RegExp): void {
  expect(ex.followUps).toHaveLength(1);
  expect(ex.followUps[0].flags).toBe(EPHEMERAL);
  expect(ex.followUps[0].content).toMatch(text);
  if (ex.callback?.data?.flags !== EPHEMERAL) expect(ex.deletes).toBe(1);
}

describe('connecting', () => {
  it('identifies with the Guilds intent only and logs the least-permission invite URL', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0].intents).toBe(GatewayIntentBits.Guilds);
    expect(fake.identifies[0].token).toBe(TOKEN);
    const connected = logLines.find((l) => l.includes('discord: connected'));
    expect(connected).toBeDefined();
    const invite = new URL(JSON.parse(connected!).invite);
    expect(invite.searchParams.get('client_id')).toBe(APP_ID);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel (1024) + Send Messages (2048) + Embed Links (16384)
    expect(invite.searchParams.get('permissions')).toBe(String(1024 + 2048 + 16384));
    expect(logLines.join('')).not.toContain(TOKEN);
  });
});

describe('every /drill subcommand', () => {
  const cases: {
    sub: string;
    options?: Record<string, string>;
    who?: Who;
    visibility: 'public' | 'ephemeral';
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies
    check: (message: any) => void;
  }[] = [
    {
      sub: 'ask',
      options: { query: 'gil' },
      visibility: 'public',
      check: (m) => {
        expect(m.embeds.at(-1).title).toBe('#1 What is the Global Interpreter Lock (GIL)?');
        expect(m.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
          'drill:reveal:gil',
          'drill:write:gil',
        ]);
      },
    },
    {
      sub: 'ask',
      options: { topic: 'oop', difficulty: 'easy' },
      visibility: 'public',
      check: (m) => expect(m.embeds.at(-1).description).toMatch(/oop · easy/),
    },
    {
      sub: 'today',
      visibility: 'public',
      check: (m) => expect(m.embeds.at(-1).description).toMatch(/Today's question \(2026-03-02\)/),
    },
    {
      sub: 'topics',
      visibility: 'ephemeral',
      check: (m) =>
        expect(m.embeds.map((e: { description: string }) => e.description).join('\n')).toMatch(
          /\*\*concurrency\*\*: \d+/,
        ),
    },
    {
      sub: 'leaderboard',
      options: { period: 'all', scope: 'server' },
      visibility: 'public',
      check: (m) => expect(m.embeds[0].title).toBe('Leaderboard — all time, this server'),
    },
    {
      sub: 'stats',
      visibility: 'ephemeral',
      check: (m) => expect(m.embeds[0].title).toBe('Stats for Ada'),
    },
    {
      sub: 'review',
      visibility: 'ephemeral',
      check: (m) => expect(m.embeds.at(-1).description).toMatch(/A new question for your review deck/),
    },
    {
      sub: 'schedule set',
      options: { time: '09:00', timezone: 'Europe/Berlin', days: 'weekdays', topic: 'functions' },
      who: ADMIN,
      visibility: 'public',
      check: (m) => {
        expect(m.embeds[0].title).toBe('Daily question scheduled');
        expect(m.embeds[0].fields).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ name: 'Time', value: '09:00 Europe/Berlin' }),
            expect.objectContaining({ name: 'Filter', value: 'functions' }),
          ]),
        );
      },
    },
    {
      sub: 'schedule show',
      visibility: 'ephemeral',
      check: (m) => expect(m.embeds[0].title).toBe('No daily question here yet'),
    },
    {
      sub: 'privacy',
      options: { mode: 'hidden' },
      visibility: 'ephemeral',
      check: (m) => expect(m.content).toMatch(/You are hidden/),
    },
    {
      sub: 'forget-me',
      visibility: 'ephemeral',
      check: (m) => expect(m.components[0].components[0].custom_id).toBe('drill:confirm:forget-me'),
    },
    {
      sub: 'help',
      visibility: 'ephemeral',
      check: (m) => expect(m.embeds[0].fields.length).toBeGreaterThan(10),
    },
  ];

  for (const c of cases) {
    it(`${c.sub} ${JSON.stringify(c.options ?? {})} is deferred ${c.visibility} and answered`, async () => {
      const ex = await fake.interact(slashCommand(c.sub, c.options, c.who ?? ADA));
      expectAnsweredQuietly(ex);
      expect(ex.callback).toEqual({ type: 5, data: { flags: c.visibility === 'ephemeral' ? EPHEMERAL : 0 } });
      expect(ex.edits).toHaveLength(1);
      c.check(ex.edits[0]);
    });
  }

  it('schedule off by an admin turns the schedule off', async () => {
    await fake.interact(slashCommand('schedule set', { time: '09:00', timezone: 'UTC' }, ADMIN));
    const ex = await fake.interact(slashCommand('schedule off', {}, ADMIN));
    expectAnsweredQuietly(ex);
    expect(ex.edits[0].embeds[0].title).toBe('Daily posts turned off');
  });

  it('stats for another user (user option) who has none says so privately', async () => {
    const ex = await fake.interact(slashCommand('stats', { user: '1000000000000000777' }));
    expectAnsweredQuietly(ex);
    expect(shown(ex).content).toMatch(/No stats for that person yet/);
  });

  it('a query that matches nothing is explained privately, not in the channel', async () => {
    const ex = await fake.interact(slashCommand('ask', { query: 'zzzqqq @everyone' }));
    expectAnsweredQuietly(ex);
    expect(ex.callback).toEqual({ type: 5, data: { flags: 0 } });
    expectPrivateError(ex, /No question matches "zzzqqq @everyone"/);
  });

  it('forget-me confirm replaces the prompt with the outcome', async () => {
    await fake.interact(slashCommand('today'));
    const ex = await fake.interact(button('drill:confirm:forget-me'));
    expectAnsweredQuietly(ex);
    expect(ex.callback).toEqual({ type: 6 });
    expect(ex.edits[0]).toMatchObject({
      content: expect.stringMatching(/^✅ Done/),
      components: [],
      embeds: [],
    });
  });
});

describe('autocomplete', () => {
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies
  const choicesOf = (ex: Exchange): any[] => {
    expect(ex.callback?.type).toBe(8);
    expect(ex.callbackMs!).toBeLessThan(3000);
    return ex.callback!.data.choices;
  };

  it('suggests questions by words, id and number', async () => {
    const byWords = choicesOf(await fake.interact(autocomplete('ask', 'query', 'decorat')));
    expect(byWords.map((c) => c.value)).toContain('decorators');
    const byId = choicesOf(await fake.interact(autocomplete('ask', 'query', 'gil')));
    expect(byId[0]).toEqual({ name: '#1 What is the Global Interpreter Lock (GIL)?', value: 'gil' });
    const byNumber = choicesOf(await fake.interact(autocomplete('ask', 'query', '#6')));
    expect(byNumber.map((c) => c.value)).toEqual(['decorators']);
    const empty = choicesOf(await fake.interact(autocomplete('ask', 'query', '')));
    expect(empty).toHaveLength(25);
    for (const c of empty) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('suggests IANA time zones for schedule set', async () => {
    const berlin = choicesOf(await fake.interact(autocomplete('schedule set', 'timezone', 'berl', ADMIN)));
    expect(berlin[0]).toEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
    const newYork = choicesOf(
      await fake.interact(autocomplete('schedule set', 'timezone', 'new york', ADMIN)),
    );
    expect(newYork.map((c) => c.value)).toContain('America/New_York');
    const utc = choicesOf(await fake.interact(autocomplete('schedule set', 'timezone', 'utc', ADMIN)));
    expect(utc[0].value).toBe('UTC');
  });

  it("suggests the packs' topics as the user types (topics come from the packs, so they are not fixed choices)", async () => {
    const ex = await fake.interact(autocomplete('ask', 'topic', 'co'));
    expect(choicesOf(ex)).toContainEqual({ name: 'concurrency', value: 'concurrency' });
  });
});

describe('practice flow', () => {
  it('daily post, write (modal), reveal, grade, and the leaderboard shows the points', async () => {
    await fake.interact(slashCommand('schedule set', { time: '09:00', timezone: 'UTC' }, ADMIN));
    const ref = { platform: 'discord' as const, teamId: GUILD_ID, channelId: CHANNEL_ID };
    const card = await dailyCard(deps, ref, '2026-03-02', {});
    const key = `discord:${GUILD_ID}:${CHANNEL_ID}:2026-03-02`;

    const outcome = await bot.poster.post(ref, card, key);
    expect(outcome).toMatchObject({ ok: true, messageId: expect.any(String) });
    const [post] = fake.requestsTo('POST', new RegExp(`^/channels/${CHANNEL_ID}/messages$`));
    expect(post!.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(post!.body.nonce.length).toBeLessThanOrEqual(25);
    const id = card.question.id;
    expect(post!.body.embeds.at(-1).title).toBe(`#${card.question.number} ${card.question.title}`);
    expect(post!.body.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
      `drill:reveal:${id}`,
      `drill:write:${id}`,
    ]);
    // A resend after a crash carries the same nonce, and Discord hands back the same message.
    expect(await bot.poster.post(ref, card, key)).toEqual(outcome);

    const opened = await fake.interact(button(`drill:write:${id}`));
    expect(opened.callback?.type).toBe(9);
    expect(opened.callback?.data.custom_id).toBe(`drill:answer:${id}`);
    expect(opened.callback?.data.components[0]).toMatchObject({
      type: 18,
      component: { type: 4, custom_id: 'answer', style: 2, required: true },
    });

    const written = 'One lock per interpreter; <@1000000000000000002> said I/O releases it. @everyone';
    const saved = await fake.interact(modalSubmit(id, written));
    expectAnsweredQuietly(saved);
    expect(saved.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(saved.edits[0].embeds[0].description).toMatch(/Saved your answer/);
    expect(saved.edits[0].components[0].components[0].custom_id).toBe(`drill:reveal:${id}`);

    const revealed = await fake.interact(button(`drill:reveal:${id}`));
    expectAnsweredQuietly(revealed);
    expect(revealed.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const reveal = revealed.edits[0];
    expect(reveal.embeds[0].title).toMatch(/^Model answer — /);
    expect(reveal.embeds.find((e: { title?: string }) => e.title === 'Your answer').description).toBe(
      written,
    );
    expect(reveal.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
      `drill:grade:${id}:nailed`,
      `drill:grade:${id}:partly`,
      `drill:grade:${id}:missed`,
    ]);

    const graded = await fake.interact(button(`drill:grade:${id}:nailed`));
    expectAnsweredQuietly(graded);
    expect(graded.edits[0].embeds[0].title).toBe('Nailed it: +3 points');

    const board = await fake.interact(slashCommand('leaderboard'));
    expectAnsweredQuietly(board);
    expect(board.callback).toEqual({ type: 5, data: { flags: 0 } });
    expect(board.edits[0].embeds[0].description).toBe('**→** 🥇 Ada — **3** pts · 1 answered *(you)*');
  });

  it('the same button interaction delivered twice grades once', async () => {
    await fake.interact(button('drill:reveal:decorators'));
    const click = button('drill:grade:decorators:nailed');
    const first = await fake.interact(click);
    expect(first.edits[0].embeds[0].title).toBe('Nailed it: +3 points');
    fake.send(click);
    await fake.waitFor(() => first.rejectedCallbacks === 1, 5000, 'the second acknowledgement');
    // A second click (a new interaction) replaces the grade instead of adding to it.
    const again = await fake.interact(button('drill:grade:decorators:nailed'));
    expect(again.edits[0].embeds[0].title).toBe('Nailed it: +3 points (replaces your earlier grade)');
    expect(first.edits).toHaveLength(1);
    const board = await fake.interact(slashCommand('leaderboard', { period: 'all', scope: 'server' }));
    expect(board.edits[0].embeds[0].description).toBe('**→** 🥇 Ada — **3** pts · 1 answered *(you)*');
  });

  it('grading before revealing is refused privately', async () => {
    const ex = await fake.interact(button('drill:grade:gil:partly'));
    expectAnsweredQuietly(ex);
    expect(ex.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(shown(ex).content).toMatch(/Show the answer first/);
  });
});

describe('Manage Server', () => {
  it('refuses schedule set to a member without it and accepts it with it', async () => {
    const refused = await fake.interact(
      slashCommand('schedule set', { time: '08:30', timezone: 'Europe/Paris' }, { admin: false }),
    );
    expectAnsweredQuietly(refused);
    expectPrivateError(refused, /Only admins can do that/);
    expect(refused.edits).toHaveLength(0);

    const accepted = await fake.interact(
      slashCommand('schedule set', { time: '08:30', timezone: 'Europe/Paris' }, ADMIN),
    );
    expectAnsweredQuietly(accepted);
    expect(accepted.edits[0].embeds[0].title).toBe('Daily question scheduled');
  });

  it('refuses schedule off to a member without it', async () => {
    await fake.interact(slashCommand('schedule set', { time: '08:30', timezone: 'UTC' }, ADMIN));
    const refused = await fake.interact(slashCommand('schedule off', {}, { admin: false }));
    expectPrivateError(refused, /Only admins/);
    const shownSchedule = await fake.interact(slashCommand('schedule show'));
    expect(shownSchedule.edits[0].embeds[0].title).toBe('Daily question schedule');
  });
});

describe('names and limits', () => {
  it('shows the server nickname on boards', async () => {
    await fake.interact(button('drill:reveal:closures', { nick: 'Countess **L**' }));
    await fake.interact(button('drill:grade:closures:partly', { nick: 'Countess **L**' }));
    const board = await fake.interact(slashCommand('leaderboard', {}, { nick: 'Countess **L**' }));
    expect(board.edits[0].embeds[0].description).toBe(
      '**→** 🥇 Countess \\*\\*L\\*\\* — **1** pts · 1 answered *(you)*',
    );
  });

  it('shows the engine\'s "slow down" privately', async () => {
    // Its own fake and client: an engine that allows two clicks a minute per person.
    const strictFake = await FakeDiscord.start({ guildIds: [GUILD_ID] });
    const { engine } = makeEngine(db.store, { throttle: new ClickThrottle(2, 60_000) });
    const strictBot = await startDiscord({
      config: fakeDiscordConfig(strictFake.apiUrl, TOKEN),
      engine,
      logger: createLogger({ level: 'silent', secrets: [TOKEN] }),
    });
    try {
      await strictFake.interact(slashCommand('today'));
      await strictFake.interact(button('drill:reveal:gil'));
      const third = await strictFake.interact(slashCommand('today'));
      expectAnsweredQuietly(third);
      expectPrivateError(third, /Slow down/);
    } finally {
      await strictBot.stop();
      await strictFake.close();
    }
  });
});

describe('direct messages', () => {
  it('review works in a DM', async () => {
    const ex = await fake.interact(slashCommand('review', {}, { dm: true }));
    expectAnsweredQuietly(ex);
    expect(ex.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(ex.edits[0].embeds.at(-1).description).toMatch(/Review/);
    expect(ex.edits[0].components[0].components[0].custom_id).toMatch(/^drill:reveal:/);
  });

  it('today in a DM explains it needs a server channel', async () => {
    const ex = await fake.interact(slashCommand('today', {}, { dm: true }));
    expectAnsweredQuietly(ex);
    expectPrivateError(ex, /works in a server or workspace channel/);
  });

  it('keeps DM practice apart from the server: reveal and grade in a DM count on the DM board only', async () => {
    await fake.interact(button('drill:reveal:gil', { dm: true }));
    const graded = await fake.interact(button('drill:grade:gil:partly', { dm: true }));
    expect(graded.edits[0].embeds[0].title).toBe('Partly: +1 point');
    const stats = await fake.interact(slashCommand('stats', {}, { dm: true }));
    expect(stats.edits[0].embeds[0].fields[0].value).toBe('1 (this week 1)');
    const serverStats = await fake.interact(slashCommand('stats'));
    expect(serverStats.edits[0].embeds[0].fields[0].value).toBe('0 (this week 0)');
  });
});
