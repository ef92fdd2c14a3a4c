/**
 * Hostile input for the bad-input tests: a seeded source of nasty strings and
 * wrong-typed JSON values, the scanners that look for what must never reach a
 * user (stack traces, live mentions), a bounded-concurrency runner, and the
 * fingerprint of the tables no bad payload may touch. The platform payloads
 * themselves are built in each test file from these parts.
 */
import { sql } from 'drizzle-orm';
import { seededRandom } from '../helpers/engine-fixture.js';
import type { TestDatabase } from '../helpers/test-database.js';

/** SQL that would hurt if any of it were ever spliced into a statement. */
export const SQL_STRINGS = [
  "'; drop table attempts; --",
  "'; drop table users cascade; --",
  "'); delete from scores; --",
  "' or '1'='1",
  '" or 1=1 --',
  '1; update users set hidden = true; --',
  "Robert'); DROP TABLE review_cards;--",
  "x' union select user_id, display_name from users --",
  '$$; truncate daily_posts; $$',
  "\\'; drop table channels; --",
  "%' and pg_sleep(5) is null --",
] as const;

/** Every way a chat platform turns text into a ping. */
export const MENTION_STRINGS = [
  '@everyone',
  '@here',
  '<@123>',
  '<@!123456789012345678>',
  '<@&987654321098765432>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123ABC>',
  '<@U0SOMEONE>',
  '<@U0SOMEONE|boss>',
  '<#C0123|general>',
  '@everyone <@&1> <!channel>',
] as const;

/** Odd but harmless-looking text: markup, unicode tricks, control characters, numbers. */
const ODD_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '   \u00a0\u2003 ',
  '\u200b\u200c\u200d\ufeff',
  '\u202eevil\u202c',
  'Z̴̡̛a̵̢͝l̸g̶o̷',
  '👩‍👩‍👧‍👦🏳️‍🌈'.repeat(5),
  '\ud800',
  '\udfff\ud800x',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred\u001b[0m',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '*bold* _it_ ~strike~ `code` ```block```',
  '**bold** __u__ ||spoiler|| > quote',
  '[click](https://example.invalid/phish)',
  '<https://example.invalid|click me>',
  '&lt;!channel&gt; &amp; &gt;',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the hostile input here
  '%s %d %n %x {0} {{7*7}} ${7*7} #{7*7}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the hostile input here
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  '{"__proto__":{"polluted":true}}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '-0',
  'true',
  '[]',
  '{}',
  '{"a":',
  '"',
  "'",
  '\\',
  '\\u0000',
  '%00',
  '%E0%A4%A',
  '+',
  '&text=help&user_id=UADMIN',
  'a=b&payload=%7B%7D',
  '\r\nX-Injected: yes',
  'drill',
  '/drill help',
  'topic=',
  'topic=oop topic=astrology',
  'difficulty=HARD',
  'time=25:61',
  'tz=Mars/Olympus_Mons',
  'Europe/../../etc',
  'mon,funday',
  '99:99',
  '9',
  '٣:٠٠',
] as const;

const ALPHABET =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-:=/<>@!#&;,.|*~`\'"%$^()[]{}\\';

/**
 * What a stack trace or an internal error looks like in text: "    at f (file.ts:1:2)",
 * a source path with a line number, "TypeError: …", node_modules paths. The
 * generator never produces these itself, so any hit came from the bot.
 */
export const STACK_TRACE_PATTERNS: readonly RegExp[] = [
  /\n\s+at\s/,
  /\bat\s+\S+\s+\(\S+:\d+:\d+\)/,
  /\.(?:ts|js|mjs|cjs|tsx):\d+/,
  /node_modules|node:internal|file:\/\//,
  /\b(?:Type|Reference|Syntax|Range)Error\b/,
  /\bError: .*[/\\]\w+\.\w+/,
  /\bDiscordjs\w*Error|DiscordAPIError|SlackError|PostgresError|PGlite/i,
  /\bCannot read propert(?:y|ies) of\b|\bis not a function\b|\bis not defined\b/,
];

/** The first stack-trace-like fragment in text, or null. */
export function findStackTrace(text: string): string | null {
  for (const pattern of STACK_TRACE_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return text.slice(Math.max(0, m.index - 60), m.index + 80);
  }
  return null;
}

/** A live Slack mention or broadcast: <@U…>, <!channel>, <!here>, <!everyone>, <!subteam^…>. */
export const SLACK_LIVE_MENTION = /<[@!]/;

/** Every string inside a JSON-ish value, keys included. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}

/** A seeded source of hostile values: the same seed gives the same run. */
export class Hostile {
  private readonly random: () => number;

  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  float(): number {
    return this.random();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Picks by weight: [[3, 'a'], [1, 'b']] gives 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((sum, [w]) => sum + w, 0);
    let r = this.random() * total;
    for (const [w, value] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries.at(-1)![1];
  }

  /** Random characters from a punctuation-heavy alphabet. */
  junk(length = 1 + this.int(40)): string {
    let s = '';
    for (let i = 0; i < length; i++) s += ALPHABET[this.int(ALPHABET.length)];
    return s;
  }

  /** 3,000 to 120,000 characters: past every limit the bot or the platforms have. */
  huge(): string {
    const unit = this.pick(['A', 'é', '<@1>', "'; --", '🙂', 'x '] as const);
    const size = this.pick([3_001, 4_097, 10_000, 65_537, 120_000] as const);
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  }

  /** One hostile string: SQL, mentions, odd text, junk, huge, or a mix of them. */
  text(): string {
    const kind = this.weighted([
      [4, 'sql'],
      [4, 'mention'],
      [4, 'odd'],
      [2, 'junk'],
      [1, 'huge'],
      [3, 'mix'],
    ] as const);
    switch (kind) {
      case 'sql':
        return this.pick(SQL_STRINGS);
      case 'mention':
        return this.pick(MENTION_STRINGS);
      case 'odd':
        return this.pick(ODD_STRINGS);
      case 'junk':
        return this.junk();
      case 'huge':
        return this.huge();
      case 'mix':
        return [this.pick(SQL_STRINGS), this.pick(MENTION_STRINGS), this.pick(ODD_STRINGS), this.junk(8)]
          .sort(() => this.random() - 0.5)
          .join(this.pick([' ', '', '\n', '\t']));
    }
  }

  /** A hostile string that is never empty and never only whitespace. */
  solidText(): string {
    const s = this.text();
    return s.trim() ? s : `${s}${this.pick(MENTION_STRINGS)}`;
  }

  /** A single hostile token without whitespace (a word in a Slack command). */
  word(): string {
    const s = this.solidText().replace(/\s+/g, '');
    return s || this.pick(SQL_STRINGS).replace(/\s+/g, '');
  }

  /** A value of the wrong JSON type (or a hostile string). */
  wrongValue(): unknown {
    return this.pick([
      () => null,
      () => 0,
      () => -1,
      () => 1.5,
      () => 1e308,
      () => true,
      () => false,
      () => [],
      () => [this.text()],
      () => ({}),
      () => ({ value: this.text() }),
      () => ({ __proto__: { polluted: true }, toString: 'x' }),
      () => this.text(),
      () => this.huge(),
    ])();
  }
}

/**
 * Runs fn over items with at most limit calls in flight, in order of
 * starting. Returns when every call has settled; a call's own errors are its
 * business (fn should catch what it expects).
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Records every 'unhandledRejection' while installed. */
export function watchUnhandledRejections(): { reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = [];
  const listener = (reason: unknown) => void reasons.push(reason);
  process.on('unhandledRejection', listener);
  return { reasons, stop: () => void process.off('unhandledRejection', listener) };
}

/** A short, stable description of a rejection reason for assertion messages. */
export function describeReason(reason: unknown): string {
  if (reason instanceof Error) {
    const frame = reason.stack?.split('\n').find((l) => l.includes(' at ')) ?? '';
    return `${reason.name}: ${reason.message} ${frame.trim()}`;
  }
  return String(reason);
}

/**
 * Tables no bad payload may change. (users is not among them: a well-formed
 * call legitimately upserts its caller's display name; each test checks
 * users rows by id instead.)
 */
export const PROTECTED_TABLES = [
  'attempts',
  'scores',
  'score_levels',
  'review_cards',
  'daily_posts',
  'channels',
] as const;

type Rows<T> = { rows: T[] } | T[];
export const rowsOf = <T>(result: unknown): T[] => {
  const r = result as Rows<T>;
  return Array.isArray(r) ? r : r.rows;
};

/** Row count and an md5 over every row of each protected table, and of the given users' rows. */
export async function fingerprint(
  db: TestDatabase,
  userIds: readonly string[],
): Promise<Record<string, { n: number; md5: string }>> {
  const digest = (from: ReturnType<typeof sql>) =>
    sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as md5 from ${from}`;
  const out: Record<string, { n: number; md5: string }> = {};
  for (const table of PROTECTED_TABLES) {
    const [row] = rowsOf<{ n: number; md5: string }>(
      await db.connection.db.execute(digest(sql`${sql.identifier(table)} t`)),
    );
    out[table] = row!;
  }
  const ids = sql.join(
    userIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [users] = rowsOf<{ n: number; md5: string }>(
    await db.connection.db.execute(digest(sql`users t where user_id in (${ids})`)),
  );
  out['users (seeded)'] = users!;
  return out;
}

/** The user ids in the users table. */
export async function userIds(db: TestDatabase): Promise<string[]> {
  return rowsOf<{ user_id: string }>(await db.connection.db.execute(sql`select user_id from users`)).map(
    (u) => u.user_id,
  );
}
