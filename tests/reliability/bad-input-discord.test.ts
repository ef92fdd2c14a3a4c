/**
 * Issue 6, "Bad input", Discord half: 5,000 generated malformed or hostile
 * interactions through the fake gateway into the real discord.js client and
 * the adapter, then the checks: a valid `/drill help` still gets its normal
 * answer, every interaction our handlers own is answered in time and none is
 * left "thinking", no message carries a stack trace, every message the bot
 * sent has `allowed_mentions.parse` empty, nothing was written, and no
 * promise was left rejected.
 *
 * "Nothing written" as in the Slack half: attempts, scores, review_cards,
 * daily_posts and channels must be exactly as seeded (the generator never
 * sends a call that may legitimately write them: no `today` in a guild, no
 * reveal of a real question, no non-empty answer to a real question, no
 * schedule change with a valid time), and a new users row may only carry the
 * id of a payload that reaches the engine as a well-formed call. Payloads the
 * adapter must refuse first (unknown subcommands, groups and choices, foreign
 * custom ids, autocomplete, grade and write buttons) use ids recorded as
 * forbidden, so a users row for one of them is a defect.
 *
 * The envelope of every generated interaction stays one discord.js can build
 * (its id, type, member, permissions, data and options array): Discord's
 * gateway never sends anything else, and discord.js throws on some broken
 * envelopes before any of our code runs. Those few shapes are sent by the
 * last test of this file, on their own, so one known defect does not hide
 * the rest.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.js';
import { createLogger } from '../../src/logger.js';
import { SOMETHING_WENT_WRONG } from '../../src/runtime/engine.js';
import {
  type Exchange,
  FakeDiscord,
  fakeDiscordConfig,
  type RecordedRequest,
} from '../discord/fake-discord.js';
import {
  autocomplete,
  button,
  CHANNEL_ID,
  GUILD_ID,
  modalSubmit,
  slashCommand,
  type Who,
} from '../discord/interaction-payloads.js';
import { actor, contentBank, makeEngine } from '../helpers/engine-fixture.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import {
  describeReason,
  findStackTrace,
  fingerprint,
  Hostile,
  MENTION_STRINGS,
  PROTECTED_TABLES,
  runBounded,
  SQL_STRINGS,
  stringsIn,
  userIds,
  watchUnhandledRejections,
} from './hostile-payloads.js';

/**
 * discord.js holds every REST call to 50 a second across the client, which
 * real Discord does not ask of interaction responses; at that pace 5,000
 * interactions (two or three calls each) take minutes. The client the
 * adapter builds is kept as it is, with only that client-side limit raised.
 */
vi.mock('../../src/adapters/discord/discord-client.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/adapters/discord/discord-client.js')>();
  return {
    ...real,
    createDiscordClient: (options: Parameters<typeof real.createDiscordClient>[0]) => {
      const client = real.createDiscordClient(options);
      client.rest.options.globalRequestsPerSecond = 1_000_000;
      return client;
    },
  };
});

const SEED = 0xd15c_0bad;
const PAYLOADS = 5_000;
const IN_FLIGHT = 20;
const TOKEN = 'fake-bot-token-bad-input-0123';
const EPHEMERAL = 64;
const SEEDED_USERS = ['1000000000000000501', '1000000000000000502'];

// biome-ignore lint/suspicious/noExplicitAny: hostile payloads are mutated freely
type Json = any;

/** Whether our handlers must answer it: yes, no (not ours, or unanswerable), or maybe. */
type Answer = 'yes' | 'no' | 'maybe';

interface DiscordCase {
  kind: string;
  payload: Json;
  answer: Answer;
  /** Set when the payload reaches the engine as a well-formed call, which may upsert its users row. */
  touches: boolean;
  userId: string;
}

const bank = contentBank();
const QUESTION_IDS = bank.all().map((q) => q.id);
const isQuestion = (v: unknown) => typeof v === 'string' && bank.get(v) !== undefined;
const SUBCOMMANDS = [
  'ask',
  'today',
  'topics',
  'leaderboard',
  'stats',
  'review',
  'privacy',
  'forget-me',
  'help',
];
const OPTION_TYPES = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11] as const;

/** A question-id-shaped value no content pack uses. */
const fakeSlug = (g: Hostile) =>
  `zz-${g
    .junk(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}${g.int(1000)}`;

/** A word that is none of the allowed ones. */
function notOneOf(g: Hostile, allowed: readonly string[]): string {
  const word = g.solidText();
  return allowed.includes(word) ? `!${word}` : word;
}

/** A time of day the engine must refuse. */
function notATime(g: Hostile): string {
  const t = g.text();
  return /^\s*\d{1,2}:\d{2}\s*$/.test(t) ? `x${t}` : t;
}

/** The leaf options of a slash command payload (inside a group when there is one). */
function leafOptions(p: Json): Json[] {
  const top = p.data.options[0];
  return top.type === 2 ? top.options[0].options : top.options;
}

function who(g: Hostile, userId: string, options: { dm?: boolean; admin?: boolean } = {}): Who {
  const w: Who = { userId, admin: options.admin ?? false, dm: options.dm ?? g.chance(0.1) };
  if (g.chance(0.25)) w.username = g.solidText();
  if (g.chance(0.25)) w.globalName = g.pick([g.text(), null]);
  if (g.chance(0.25)) w.nick = g.pick([g.text(), null]);
  return w;
}

function slashCase(g: Hostile, ids: { touching: string; refused: string }): DiscordCase {
  const variant = g.weighted([
    [3, 'unknown-subcommand'],
    [2, 'unknown-group'],
    [4, 'bad-choice'],
    [3, 'wrong-option-type'],
    [6, 'free-text'],
    [3, 'schedule'],
    [2, 'channel-only-in-dm'],
    [2, 'odd-structure'],
    [1, 'not-our-command'],
  ] as const);
  const refused = (payload: Json, answer: Answer = 'yes'): DiscordCase => ({
    kind: `slash ${variant}`,
    payload,
    answer,
    touches: false,
    userId: ids.refused,
  });
  const touching = (payload: Json, answer: Answer = 'yes'): DiscordCase => ({
    kind: `slash ${variant}`,
    payload,
    answer,
    touches: true,
    userId: ids.touching,
  });
  switch (variant) {
    case 'unknown-subcommand': {
      const p = slashCommand(notOneOf(g, [...SUBCOMMANDS, 'schedule']), {}, who(g, ids.refused));
      if (g.chance(0.5)) p.data.options[0].options = [{ name: g.solidText(), type: 3, value: g.text() }];
      return refused(p);
    }
    case 'unknown-group': {
      const p = slashCommand('help', {}, who(g, ids.refused));
      const inSchedule = g.chance(0.5);
      p.data.options = [
        {
          name: inSchedule ? 'schedule' : g.solidText(),
          type: 2,
          options: [
            {
              name: inSchedule ? notOneOf(g, ['set', 'show', 'off']) : g.pick(['set', 'show', g.solidText()]),
              type: 1,
              options: [],
            },
          ],
        },
      ];
      return refused(p);
    }
    case 'bad-choice':
      return refused(
        g.pick([
          () =>
            slashCommand(
              'ask',
              { topic: notOneOf(g, ['concurrency', 'functions', 'oop']) },
              who(g, ids.refused),
            ),
          () =>
            slashCommand(
              'ask',
              { query: g.text(), difficulty: notOneOf(g, ['easy', 'medium', 'hard']) },
              who(g, ids.refused),
            ),
          () =>
            slashCommand(
              'leaderboard',
              { period: notOneOf(g, ['week', 'month', 'all']) },
              who(g, ids.refused),
            ),
          () =>
            slashCommand('leaderboard', { scope: notOneOf(g, ['channel', 'server']) }, who(g, ids.refused)),
          () => slashCommand('privacy', { mode: notOneOf(g, ['visible', 'hidden']) }, who(g, ids.refused)),
          () => slashCommand('privacy', {}, who(g, ids.refused)),
        ])(),
      );
    case 'wrong-option-type': {
      // A declared type that is not the string the handler reads: discord.js refuses to hand it over.
      const [sub, option] = g.pick([
        ['ask', 'query'],
        ['ask', 'topic'],
        ['leaderboard', 'period'],
        ['privacy', 'mode'],
        ['stats', 'user'],
      ] as const);
      const wrongType = g.chance(0.6);
      const userId = wrongType ? ids.refused : ids.touching;
      const p = slashCommand(sub, { [option]: 'x' }, who(g, userId));
      const leaf = leafOptions(p)[0];
      // getUser also takes a mentionable (9); getString only a string (3).
      const accepted: number[] = option === 'user' ? [6, 9] : [3];
      if (wrongType) leaf.type = g.pick(OPTION_TYPES.filter((t) => !accepted.includes(t)));
      leaf.value = g.wrongValue();
      // discord.js itself looks an option value up in `resolved` as a property key; a value
      // with no usable toString breaks that before our code runs (see the last test).
      if (p.data.resolved && typeof leaf.value === 'object' && leaf.value !== null) leaf.value = 42;
      if (wrongType) return refused(p);
      // The right declared type with a value of the wrong JSON type: refused or not, it is answered.
      return { ...touching(p), kind: 'slash wrong-value-type' };
    }
    case 'free-text': {
      const w = who(g, ids.touching);
      const p = g.pick([
        () => slashCommand('ask', { query: g.text() }, w),
        () => slashCommand('ask', { query: g.pick(SQL_STRINGS) }, w),
        () => slashCommand('ask', { query: `${g.pick(MENTION_STRINGS)} ${g.pick(MENTION_STRINGS)}` }, w),
        () => slashCommand('ask', { query: g.huge() }, w),
        () => slashCommand('stats', { user: g.pick([g.solidText(), '123', `<@${g.int(1e9)}>`]) }, w),
        () => {
          const stats = slashCommand('stats', { user: '1000000000000000777' }, w);
          stats.data.resolved = g.pick([
            undefined,
            { users: {} },
            { users: { '1000000000000000777': { id: '1000000000000000777', username: g.text() } } },
          ]);
          return stats;
        },
        () =>
          slashCommand(g.pick(['help', 'topics', 'review', 'forget-me']), { [g.solidText()]: g.text() }, w),
        () => slashCommand('schedule show', { [g.solidText()]: g.text() }, w),
        () => slashCommand('privacy', { mode: g.pick(['visible', 'hidden']), [g.solidText()]: g.text() }, w),
        () => slashCommand('leaderboard', { period: 'all', scope: 'server', query: g.text() }, w),
      ])();
      return touching(p);
    }
    case 'schedule': {
      // Without Manage Server a schedule change is refused before anything is written;
      // with it, the time is never one the engine accepts.
      const admin = g.chance(0.4);
      const userId = admin ? ids.touching : ids.refused;
      const sub = admin ? 'schedule set' : g.pick(['schedule set', 'schedule off']);
      const values =
        sub === 'schedule set'
          ? {
              time: admin ? notATime(g) : g.pick([notATime(g), '09:00']),
              timezone: g.pick([
                g.text(),
                'Europe/Berlin',
                `Europe/Berlin${g.pick(SQL_STRINGS)}`,
                '../../etc/localtime',
              ]),
              days: g.pick([g.text(), undefined, 'mon,funday']),
              topic: g.pick([undefined, g.text(), 'oop']),
            }
          : {};
      const p = slashCommand(sub, values, who(g, userId, { admin, dm: false }));
      return admin ? touching(p) : refused(p);
    }
    case 'channel-only-in-dm':
      return refused(
        slashCommand(
          g.pick(['today', 'leaderboard', 'schedule show']),
          {},
          who(g, ids.refused, { dm: true }),
        ),
      );
    case 'odd-structure': {
      const shape = g.pick([
        'no-options',
        'empty-options',
        'two-subcommands',
        'repeated-option',
        'other-command-type',
      ] as const);
      // Without a subcommand nothing can run; the others still name a subcommand that can.
      const runs = shape !== 'no-options' && shape !== 'empty-options';
      const p = slashCommand(
        g.pick(['help', 'topics', 'review']),
        {},
        who(g, runs ? ids.touching : ids.refused),
      );
      if (shape === 'no-options') delete p.data.options;
      if (shape === 'empty-options') p.data.options = [];
      if (shape === 'two-subcommands') p.data.options.push({ name: g.solidText(), type: 1, options: [] });
      if (shape === 'repeated-option')
        p.data.options[0].options = [
          { name: 'query', type: 3, value: g.text() },
          { name: 'query', type: 3, value: g.text() },
        ];
      if (shape === 'other-command-type') p.data.type = g.pick([5, 99]);
      const c = runs ? touching(p) : refused(p);
      return {
        ...c,
        kind: `slash odd-structure ${shape}`,
        answer: shape === 'other-command-type' ? 'maybe' : 'yes',
      };
    }
    case 'not-our-command': {
      const p = slashCommand('help', {}, who(g, ids.refused));
      p.data.name = notOneOf(g, ['drill']);
      return refused(p, 'no');
    }
  }
}

function autocompleteCase(g: Hostile, ids: { refused: string }): DiscordCase {
  const [sub, option] = g.pick([
    ['ask', 'query'],
    ['schedule set', 'timezone'],
    ['ask', 'topic'],
    [g.solidText(), g.solidText()],
    ['ask', g.solidText()],
  ] as const);
  const p = autocomplete(sub, option, 'x', who(g, ids.refused));
  const focused = leafOptions(p)[0];
  focused.value = g.weighted([
    [5, () => g.text()],
    [1, () => g.huge()],
    [2, () => g.wrongValue()],
  ] as const)();
  if (g.chance(0.15)) focused.type = g.pick(OPTION_TYPES);
  // Without a focused option there is nothing to complete: no answer is possible.
  const unfocused = g.chance(0.1);
  if (unfocused) delete focused.focused;
  // A value that is not a string, number or boolean (Discord sends no other) may go unanswered:
  // the handler logs it and offers nothing, which leaves the user's list empty.
  const scalar = ['string', 'number', 'boolean'].includes(typeof focused.value);
  return {
    kind: unfocused ? 'autocomplete unfocused' : scalar ? 'autocomplete' : 'autocomplete non-scalar',
    payload: p,
    answer: unfocused ? 'no' : scalar ? 'yes' : 'maybe',
    touches: false,
    userId: ids.refused,
  };
}

function buttonCase(g: Hostile, ids: { touching: string; refused: string }): DiscordCase {
  const variant = g.weighted([
    [4, 'foreign'],
    [4, 'reveal'],
    [3, 'grade'],
    [2, 'write'],
    [1, 'forget'],
    [1, 'wrong-type-id'],
    [1, 'select-menu'],
  ] as const);
  const refused = (customId: string, answer: Answer = 'yes') => ({
    kind: `button ${variant}`,
    payload: button(customId, who(g, ids.refused)),
    answer,
    touches: false,
    userId: ids.refused,
  });
  switch (variant) {
    case 'foreign':
      return refused(
        g.pick([
          () => g.text(),
          () => 'drill',
          () => 'drill:',
          () => 'drill:reveal',
          () => 'drill:reveal:',
          () => `drill:grade:${g.pick(QUESTION_IDS)}`,
          () => `drill:grade:${g.pick(QUESTION_IDS)}:${notOneOf(g, ['nailed', 'partly', 'missed'])}`,
          () => `drill:confirm:${notOneOf(g, ['forget-me'])}`,
          () => `DRILL:reveal:${g.pick(QUESTION_IDS)}`,
          () => `:reveal:${g.pick(QUESTION_IDS)}`,
          () =>
            `drill:${notOneOf(g, ['reveal', 'write', 'grade', 'confirm', 'answer'])}:${g.pick(QUESTION_IDS)}`,
          () => `drill:answer:${g.pick(QUESTION_IDS)}`,
        ])(),
      );
    case 'reveal': {
      // Never a real question: that click writes an attempt.
      let id = g.pick([fakeSlug(g), g.solidText(), g.huge(), `${fakeSlug(g)}:${g.text()}`]);
      if (isQuestion(id.split(':')[0])) id = fakeSlug(g);
      return {
        kind: 'button reveal',
        payload: button(`drill:reveal:${id}`, who(g, ids.touching)),
        answer: 'yes',
        touches: true,
        userId: ids.touching,
      };
    }
    case 'grade':
      return refused(
        `drill:grade:${g.pick([g.pick(QUESTION_IDS), fakeSlug(g), g.solidText()])}:${g.pick(['nailed', 'partly', 'missed'])}`,
      );
    case 'write':
      // Opens the modal, or says why not; nothing is written.
      return refused(
        `drill:write:${g.pick([g.pick(QUESTION_IDS), fakeSlug(g), g.solidText(), g.huge()])}`,
        'maybe',
      );
    case 'forget':
      return refused('drill:confirm:forget-me');
    case 'wrong-type-id': {
      const c = refused('x', 'maybe');
      c.payload.data.custom_id = g.pick([42, null, undefined, ['drill:reveal:gil'], { id: 'x' }]);
      return c;
    }
    case 'select-menu': {
      const c = refused(g.pick(['drill:reveal:gil', g.text()]), 'no');
      c.payload.data.component_type = 3;
      c.payload.data.values = [g.text()];
      return c;
    }
  }
}

/** An answer the engine must refuse: empty, blank, too long, or not a string at all. */
function refusedAnswer(g: Hostile): unknown {
  return g.pick([
    () => '',
    () => '  \n\t ',
    () => `${g.text()}${'A'.repeat(3_001 + g.int(10_000))}`,
    () => g.pick([null, 42, true, [], {}, ['text']]),
  ])();
}

function modalCase(g: Hostile, ids: { touching: string; refused: string }): DiscordCase {
  const variant = g.weighted([
    [3, 'real-question'],
    [3, 'fake-question'],
    [2, 'foreign'],
    [2, 'odd-fields'],
  ] as const);
  switch (variant) {
    case 'real-question': {
      // A real question takes only answers the engine refuses, so nothing is saved.
      const p = modalSubmit(g.pick(QUESTION_IDS), 'x', who(g, ids.touching));
      p.data.components[0].component.value = refusedAnswer(g);
      return { kind: 'modal real-question', payload: p, answer: 'yes', touches: true, userId: ids.touching };
    }
    case 'fake-question': {
      const p = modalSubmit(g.pick([fakeSlug(g), g.solidText(), g.huge()]), 'x', who(g, ids.touching));
      p.data.components[0].component.value = g.chance(0.6) ? g.text() : refusedAnswer(g);
      return { kind: 'modal fake-question', payload: p, answer: 'yes', touches: true, userId: ids.touching };
    }
    case 'foreign': {
      const p = modalSubmit('gil', g.text(), who(g, ids.refused));
      p.data.custom_id = g.pick([
        g.text(),
        'drill:answer:',
        'drill:answer',
        `drill:write:gil`,
        `DRILL:answer:gil`,
      ]);
      return { kind: 'modal foreign', payload: p, answer: 'yes', touches: false, userId: ids.refused };
    }
    case 'odd-fields': {
      const p = modalSubmit(g.pick(QUESTION_IDS), 'x', who(g, ids.touching));
      // Only shapes discord.js reads; the answer field is never a valid non-empty string for a real question.
      p.data.components = g.pick([
        () => [{ type: 18, component: { type: 4, custom_id: g.solidText(), value: g.text() } }],
        () => [{ type: 1, components: [{ type: 4, custom_id: 'answer', value: refusedAnswer(g) }] }],
        () => [{ type: 1 }],
        () => [],
        () => [{ type: 18, component: { type: 4, custom_id: 'answer' } }],
        () => [
          { type: 18, component: { type: 4, custom_id: 'answer', value: '' } },
          { type: 18, component: { type: 4, custom_id: g.solidText(), value: g.text() } },
        ],
      ])();
      return { kind: 'modal odd-fields', payload: p, answer: 'yes', touches: true, userId: ids.touching };
    }
  }
}

/** Envelope oddities discord.js still builds an interaction from. */
function envelopeCase(g: Hostile, ids: { touching: string; refused: string }): DiscordCase {
  const p = slashCommand('help', {}, who(g, ids.touching, { dm: false }));
  const variant = g.pick([
    'no-id',
    'no-token',
    'no-channel',
    'odd-guild-id',
    'odd-locale',
    'unknown-type',
    'ping-type',
    'voice-channel',
    'huge-names',
  ] as const);
  let answer: Answer = 'yes';
  switch (variant) {
    case 'no-id':
      delete p.id;
      answer = 'no';
      break;
    case 'no-token':
      delete p.token;
      answer = 'no';
      break;
    case 'no-channel':
      delete p.channel;
      delete p.channel_id;
      break;
    case 'odd-guild-id':
      p.guild_id = g.solidText();
      answer = 'maybe';
      break;
    case 'odd-locale':
      p.locale = g.wrongValue();
      p.guild_locale = g.wrongValue();
      break;
    case 'unknown-type':
      p.type = g.pick([0, 6, 99, '2', -1]);
      answer = 'no';
      break;
    case 'ping-type':
      p.type = 1;
      answer = 'no';
      break;
    case 'voice-channel':
      p.channel.type = 2;
      break;
    case 'huge-names':
      p.member.nick = g.huge();
      p.member.user.global_name = g.huge();
      p.member.user.username = g.huge();
      break;
  }
  return { kind: `envelope ${variant}`, payload: p, answer, touches: true, userId: ids.touching };
}

function generate(seed: number, count: number): DiscordCase[] {
  const g = new Hostile(seed);
  return Array.from({ length: count }, (_, i) => {
    const ids = {
      touching: `8${String(i).padStart(18, '0')}`,
      refused: `7${String(i).padStart(18, '0')}`,
    };
    return g.weighted([
      [45, () => slashCase(g, ids)],
      [10, () => autocompleteCase(g, ids)],
      [25, () => buttonCase(g, ids)],
      [15, () => modalCase(g, ids)],
      [5, () => envelopeCase(g, ids)],
    ] as const)();
  });
}

/** The bot is done with it: acknowledged, and after a deferral, edited or followed up. */
function settled(ex: Exchange): boolean {
  const type = ex.callback?.type;
  if (type === undefined) return false;
  if (type === 5 || type === 6) return ex.edits.length > 0 || ex.followUps.length > 0;
  return true;
}

/** Every message body the bot sent to the fake: callbacks with a message, edits, follow-ups, channel posts. */
function messageBodies(requests: readonly RecordedRequest[]): { where: string; body: Json }[] {
  const out: { where: string; body: Json }[] = [];
  for (const r of requests) {
    if (!r.body || typeof r.body !== 'object' || Array.isArray(r.body)) continue;
    if (/\/callback$/.test(r.path)) {
      const data = r.body.data;
      const carriesMessage = data && ('content' in data || 'embeds' in data || 'components' in data);
      // A modal (9) and autocomplete choices (8) are not messages; a deferral carries only flags.
      if ([4, 7].includes(r.body.type) || (carriesMessage && ![8, 9].includes(r.body.type)))
        out.push({ where: `callback type ${r.body.type}`, body: data ?? {} });
    } else if (/^\/webhooks\/|^\/channels\/\d+\/messages$/.test(r.path) && r.method !== 'DELETE') {
      out.push({
        where: `${r.method} ${r.path.replace(/\/webhooks\/\d+\/[^/]+/, '/webhooks/:app/:token')}`,
        body: r.body,
      });
    }
  }
  return out;
}

let db: TestDatabase;
let fake: FakeDiscord;
let bot: Awaited<ReturnType<typeof startDiscord>>;
const engineErrors: string[] = [];
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  fake = await FakeDiscord.start({ guildIds: [GUILD_ID] });
  const { engine } = makeEngine(db.store, {
    onError: (error) =>
      void engineErrors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  });
  bot = await startDiscord({
    config: fakeDiscordConfig(fake.apiUrl, TOKEN),
    engine,
    logger: createLogger({
      level: 'warn',
      secrets: [TOKEN],
      destination: new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).trim().split('\n')) logLines.push(JSON.parse(line));
          done();
        },
      }),
    }),
  });
  // Something in every table, so "unchanged" means something.
  const [seed1, seed2] = SEEDED_USERS.map((userId) =>
    actor({
      platform: 'discord',
      teamId: GUILD_ID,
      channelId: CHANNEL_ID,
      userId,
      userName: `seed ${userId.slice(-3)}`,
    }),
  );
  await engine.run(seed1!, 'schedule set', { time: '09:00', timezone: 'Europe/Berlin', days: 'weekdays' });
  const today = await engine.run(seed1!, 'today');
  const daily = today.kind === 'question' ? today.question.id : 'gil';
  await engine.run(seed1!, 'write', { question: daily, text: 'seeded answer' });
  await engine.run(seed1!, 'reveal', { question: daily });
  await engine.run(seed1!, 'grade', { question: daily, grade: 'nailed' });
  await engine.run(seed2!, 'reveal', { question: 'gil' });
  await engine.run(seed2!, 'grade', { question: 'gil', grade: 'partly' });
  await engine.run(seed2!, 'privacy', { mode: 'hidden' });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await db?.close();
});

/** A valid /drill help still gets its normal, quiet, ephemeral answer. */
async function expectStillAnswering(): Promise<void> {
  const ex = await fake.interact(slashCommand('help', {}, { userId: '1000000000000000999' }), 5_000);
  expect(ex.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
  expect(ex.callbackMs!).toBeLessThan(3000);
  expect(ex.edits[0].embeds[0].fields.length).toBeGreaterThan(10);
  expect(ex.edits[0].allowed_mentions).toEqual({ parse: [] });
}

describe('discord: 5,000 malformed or hostile interactions', () => {
  it('answers or ignores every one; leaks nothing, pings no one, writes nothing, and still answers /drill help', async () => {
    const before = await fingerprint(db, SEEDED_USERS);
    for (const table of PROTECTED_TABLES) expect(before[table]!.n, `${table} seeded`).toBeGreaterThan(0);
    const cases = generate(SEED, PAYLOADS);
    const allowedUsers = new Set([...SEEDED_USERS, ...cases.filter((c) => c.touches).map((c) => c.userId)]);
    const requestsBefore = fake.requests.length;

    const rejections = watchUnhandledRejections();
    const started = Date.now();
    const exchanges: Exchange[] = new Array(cases.length);
    const unanswered: string[] = [];
    try {
      await runBounded(cases, IN_FLIGHT, async (c, i) => {
        const ex = fake.send(c.payload);
        exchanges[i] = ex;
        if (c.answer === 'no') return;
        const wait = c.answer === 'yes' ? 10_000 : 300;
        try {
          await fake.waitFor(() => settled(ex), wait);
        } catch {
          if (c.answer === 'yes') unanswered.push(`${c.kind} #${i}`);
        }
      });
      // Let the last deferrals finish, then the fake go quiet.
      await fake
        .waitFor(() => exchanges.every((ex) => ex.callback === null || settled(ex)), 10_000)
        .catch(() => undefined);
      let seen = -1;
      const quietBy = Date.now() + 15_000;
      while (seen !== fake.requests.length && Date.now() < quietBy) {
        seen = fake.requests.length;
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      rejections.stop();
    }
    const elapsed = Date.now() - started;

    const byKind = new Map<string, Map<string, number>>();
    for (const [i, c] of cases.entries()) {
      const ex = exchanges[i]!;
      const outcome = ex.callback
        ? `cb${ex.callback.type}${ex.followUps.length ? '+followup' : ex.edits.length ? '+edit' : ''}`
        : 'none';
      const row = byKind.get(c.kind) ?? new Map<string, number>();
      row.set(outcome, (row.get(outcome) ?? 0) + 1);
      byKind.set(c.kind, row);
    }
    const sent = fake.requests.slice(requestsBefore);
    const warnings = logLines.filter((l) => Number(l.level) >= 40);
    const distinct = (lines: string[]) =>
      [...new Set(lines.map((l) => l.replace(/\s+/g, ' ').slice(0, 90)))].join(' | ');
    console.info(
      `discord bad input: ${cases.length} interactions in ${elapsed} ms; ${sent.length} requests reached the fake; ` +
        `${engineErrors.length} unexpected engine errors ("${SOMETHING_WENT_WRONG.slice(0, 30)}…"), ${warnings.length} warnings and errors logged\n` +
        [...byKind.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([kind, row]) =>
              `  ${kind.padEnd(30)} ${[...row.entries()].map(([s, n]) => `${s}×${n}`).join(' ')}`,
          )
          .join('\n') +
        `\n  engine errors: ${distinct(engineErrors)}` +
        `\n  warnings and errors logged: ${distinct(warnings.map((l) => `${l.msg}: ${(l.err as { message?: string })?.message}`))}`,
    );

    // No crash, and every interaction ours to answer was answered, in time, once.
    expect.soft(rejections.reasons.map(describeReason), 'unhandled rejections').toEqual([]);
    expect.soft(unanswered.slice(0, 20), `unanswered interactions (${unanswered.length})`).toEqual([]);
    const late = exchanges.filter((ex) => ex.callbackMs !== null && ex.callbackMs >= 3000).length;
    expect.soft(late, 'acknowledged after 3 s').toBe(0);
    const thinking = cases.filter((_, i) => exchanges[i]!.callback !== null && !settled(exchanges[i]!));
    expect
      .soft(thinking.map((c) => c.kind).slice(0, 20), `deferred and never answered (${thinking.length})`)
      .toEqual([]);
    expect.soft(exchanges.filter((ex) => ex.rejectedCallbacks > 0).length, 'second acknowledgements').toBe(0);

    // No stack trace in anything the bot sent.
    const leaks: string[] = [];
    for (const r of sent) {
      for (const s of stringsIn(r.body)) {
        const hit = findStackTrace(s);
        if (hit) leaks.push(`${r.method} ${r.path.slice(0, 60)}: ${JSON.stringify(hit)}`);
      }
    }
    expect.soft(leaks.slice(0, 20), `stack traces (${leaks.length})`).toEqual([]);

    // No ping: every message body carries allowed_mentions with nothing to parse.
    const bodies = messageBodies(sent);
    const loud = bodies.filter((m) => {
      const allowed = m.body.allowed_mentions;
      return (
        !allowed ||
        !Array.isArray(allowed.parse) ||
        allowed.parse.length > 0 ||
        allowed.users?.length ||
        allowed.roles?.length
      );
    });
    expect
      .soft(
        loud.map((m) => `${m.where}: ${JSON.stringify(m.body.allowed_mentions)}`).slice(0, 20),
        `messages that may ping (${loud.length})`,
      )
      .toEqual([]);
    // And the check had something to look at: typed mentions did come back in messages.
    expect
      .soft(
        bodies.filter((m) => /@everyone|<@/.test(JSON.stringify(m.body))).length,
        'messages echoing a typed mention',
      )
      .toBeGreaterThan(0);

    // Nothing written: the protected tables as seeded, users rows only for well-formed calls.
    expect.soft(await fingerprint(db, SEEDED_USERS), 'protected tables').toEqual(before);
    const strays = (await userIds(db)).filter((id) => !allowedUsers.has(id));
    expect
      .soft(strays.slice(0, 20), `users rows from payloads that must be refused (${strays.length})`)
      .toEqual([]);

    await expectStillAnswering();
  });

  /**
   * Envelopes Discord never sends, kept out of the generator above so they
   * do not hide the rest. discord.js throws while building the interaction
   * from each of them, inside @discordjs/ws's `void this.onMessage(...)`, so
   * the rejection is unhandled (and would end a Node 20 process without a
   * handler) before any code of ours runs.
   */
  it('envelopes discord.js cannot build are dropped without an unhandled rejection', async () => {
    const userId = '7999999999999999999';
    const shapes: [string, (p: Json) => void, () => Json][] = [
      ['data missing', (p) => delete p.data, () => slashCommand('help', {}, { userId })],
      ['data null', (p) => (p.data = null), () => slashCommand('help', {}, { userId })],
      [
        'options not an array',
        (p) => (p.data.options = { 0: 'help' }),
        () => slashCommand('help', {}, { userId }),
      ],
      ['options [null]', (p) => (p.data.options = [null]), () => slashCommand('help', {}, { userId })],
      [
        'subcommand options not an array',
        (p) => (p.data.options[0].options = 'query'),
        () => slashCommand('ask', { query: 'x' }, { userId }),
      ],
      [
        'guild interaction without member',
        (p) => delete p.member,
        () => slashCommand('help', {}, { userId }),
      ],
      ['member without user', (p) => delete p.member.user, () => slashCommand('help', {}, { userId })],
      ['user is a string', (p) => (p.member.user = userId), () => slashCommand('help', {}, { userId })],
      [
        'permissions not a bitfield',
        (p) => (p.member.permissions = "'; drop table users; --"),
        () => slashCommand('help', {}, { userId }),
      ],
      [
        'app_permissions not a bitfield',
        (p) => (p.app_permissions = '@everyone'),
        () => slashCommand('help', {}, { userId }),
      ],
      [
        'entitlements not an array',
        (p) => (p.entitlements = 'none'),
        () => slashCommand('help', {}, { userId }),
      ],
      [
        'option value without a usable toString, with resolved users',
        (p) => (p.data.options[0].options[0].value = { toString: 'x' }),
        () => slashCommand('stats', { user: '1000000000000000777' }, { userId }),
      ],
      [
        'message context menu without resolved',
        (p) => (p.data.type = 3),
        () => slashCommand('help', {}, { userId }),
      ],
      [
        'button without its message',
        (p) => delete p.message,
        () => button('drill:reveal:zz-none', { userId }),
      ],
      [
        'modal without components',
        (p) => delete p.data.components,
        () => modalSubmit('zz-none', 'x', { userId }),
      ],
      [
        'modal components [null]',
        (p) => (p.data.components = [null]),
        () => modalSubmit('zz-none', 'x', { userId }),
      ],
    ];
    const rejections = watchUnhandledRejections();
    const failures: string[] = [];
    try {
      for (const [name, mutate, build] of shapes) {
        const payload = build();
        mutate(payload);
        const before = rejections.reasons.length;
        fake.send(payload);
        await new Promise((r) => setTimeout(r, 50));
        for (const reason of rejections.reasons.slice(before))
          failures.push(`${name}: ${describeReason(reason)}`);
      }
      // The gateway delivers in order: once a valid interaction is answered, every shape above was handled.
      await expectStillAnswering();
    } finally {
      rejections.stop();
    }
    expect(failures, 'unhandled rejections, by envelope').toEqual([]);
  });
});
