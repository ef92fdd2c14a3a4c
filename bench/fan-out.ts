/**
 * Bench 4, daily fan-out: 5,000 channels due at the same minute, one
 * DailyScheduler.tick() posting through HTTP to a fake platform that allows
 * 500 requests/s. The floor is channels ÷ 500/s; the scheduler should stay
 * within 1.1× of it without provoking a single 429.
 */

import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { EngineDeps } from '../src/core/engine-deps.js';
import type { Store } from '../src/core/ports.js';
import type { Platform } from '../src/core/types.js';
import { ClickThrottle } from '../src/runtime/click-throttle.js';
import { DrillEngine } from '../src/runtime/engine.js';
import { TeamBankCache } from '../src/runtime/team-bank-cache.js';
import type { ChannelPoster } from '../src/scheduler/channel-poster.js';
import { DailyScheduler, type TickReport } from '../src/scheduler/daily-scheduler.js';
import type { Database } from '../src/store/database.js';
import { contentBank, seededRandom } from '../tests/helpers/engine-fixture.js';
import type { BenchContext, Benchmark } from './benchmark.js';
import { startFakePlatformProcess } from './fake-platform-process.js';
import { checkPlatformEnforces, drainAndReset, postThroughLimiter } from './fan-out-posting.js';
import type { FigureSpec } from './figure.js';
import { HttpChannelPoster } from './http-channel-poster.js';
import { int } from './sql-rows.js';

const PLATFORM_LIMIT = 500;
/** "Just under the limit": 4% headroom for timer and network jitter on a shared 2-core box. */
const POSTS_PER_SECOND = PLATFORM_LIMIT * 0.96;
const FLOOR_RATIO_TARGET = 1.1;
const POST_DAY = '2026-03-05';
const CHANNELS_PER_TEAM = 10;

/** A clock that starts at `iso` and runs with real time, so claims and leases see time pass. */
function runningClock(iso: string): () => Date {
  const start = Date.parse(iso);
  const t0 = performance.now();
  return () => new Date(start + (performance.now() - t0));
}

function depsAt(store: Store, clock: () => Date): EngineDeps {
  return {
    store,
    banks: new TeamBankCache({ bundled: contentBank(), packs: store.teamPacks }),
    clock,
    random: seededRandom(4),
    defaultTimeZone: 'UTC',
  };
}

/**
 * Schedules channel 0 through the engine (/drill schedule set 09:00 UTC daily),
 * then copies its row to channels 1..n-1 with one set-based insert.
 */
async function scheduleChannels(db: Database, store: Store, platform: Platform, count: number) {
  const engine = new DrillEngine(
    depsAt(store, () => new Date(`${POST_DAY}T08:00:00Z`)),
    {
      throttle: ClickThrottle.unlimited(),
    },
  );
  const view = await engine.run(
    {
      platform,
      teamId: 'F0',
      channelId: 'F0-C0',
      userId: 'admin',
      userName: 'admin',
      isAdmin: true,
      inChannel: true,
    },
    'schedule set',
    { time: '09:00', timezone: 'UTC', days: 'daily' },
  );
  if (view.kind !== 'schedule') throw new Error(`schedule-set failed: ${JSON.stringify(view)}`);
  await db.execute(sql`
    insert into channels (platform, team_id, channel_id, time, timezone, days, topic, difficulty, enabled,
                          next_run_at, disabled_reason, created_at, updated_at)
    select c.platform, 'F' || (i / ${int(CHANNELS_PER_TEAM)}), 'F' || (i / ${int(CHANNELS_PER_TEAM)}) || '-C' || i,
           c.time, c.timezone, c.days, c.topic, c.difficulty, c.enabled, c.next_run_at, c.disabled_reason,
           c.created_at, c.updated_at
    from channels c cross join generate_series(1, ${int(count - 1)}) i
    where c.platform = ${platform} and c.team_id = 'F0' and c.channel_id = 'F0-C0'`);
}

/** Warnings and errors the scheduler logs, counted, first few kept. */
function countingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

async function tickOnce(
  store: Store,
  poster: ChannelPoster,
): Promise<{ seconds: number; report: TickReport; warnings: string[] }> {
  const { logger, lines } = countingLogger();
  const scheduler = new DailyScheduler({
    deps: depsAt(store, runningClock(`${POST_DAY}T09:00:01Z`)),
    posters: [poster],
    logger,
  });
  const t0 = performance.now();
  const report = await scheduler.tick();
  return { seconds: (performance.now() - t0) / 1000, report, warnings: lines };
}

/** Answers at once: what the tick costs when only the scheduler's own work (the database) counts. */
class InstantPoster implements ChannelPoster {
  readonly postsPerSecond = 1_000_000;
  constructor(readonly platform: Platform) {}
  async post() {
    return { ok: true as const, messageId: null };
  }
}

async function run(context: BenchContext): Promise<FigureSpec[]> {
  const channels = context.size(5_000);
  const database = await context.database();
  const { db } = database.connection;
  const { store } = database;
  const platform = await startFakePlatformProcess(PLATFORM_LIMIT);
  try {
    context.log(`scheduling ${channels} channels (platform 'slack') for 09:00 UTC`);
    await scheduleChannels(db, store, 'slack', channels);
    const poster = new HttpChannelPoster(platform.url, 'slack', POSTS_PER_SECOND);
    const rejected = await checkPlatformEnforces(platform, poster, PLATFORM_LIMIT);
    context.log(
      `harness check: a burst of ${PLATFORM_LIMIT + 20} drew ${rejected} 429s, each mapped to a retry`,
    );
    context.log(
      `tick at 09:00:01: posting at ${POSTS_PER_SECOND}/s to a platform allowing ${PLATFORM_LIMIT}/s`,
    );
    const main = await tickOnce(store, poster);
    const stats = await platform.stats();
    const floor = channels / PLATFORM_LIMIT;
    context.log(
      `${main.report.sent}/${channels} sent in ${main.seconds.toFixed(2)} s (floor ${floor.toFixed(2)} s); ` +
        `429s: ${stats.rejected}; peak ${stats.peakPerSecond} accepted in 1 s; report ${JSON.stringify(main.report)}`,
    );
    for (const line of main.warnings.slice(0, 3)) context.log(`scheduler warning: ${line.trim()}`);

    await drainAndReset(platform);
    context.log(`${channels} posts through the scheduler's RateLimiter + postWithRetry alone (no database)`);
    const limited = await postThroughLimiter(poster, channels);
    const limitedStats = await platform.stats();
    context.log(
      `${channels - limited.failed}/${channels} posted in ${limited.seconds.toFixed(2)} s; 429s: ${limitedStats.rejected}; ` +
        `peak ${limitedStats.peakPerSecond} accepted in 1 s`,
    );

    context.log(`same tick for ${channels} more channels (platform 'discord') with an instant poster`);
    await scheduleChannels(db, store, 'discord', channels);
    const bound = await tickOnce(store, new InstantPoster('discord'));
    const rate = bound.report.sent / bound.seconds;
    context.log(
      `${bound.report.sent} settled in ${bound.seconds.toFixed(2)} s: ${rate.toFixed(0)} channels/s of scheduler work`,
    );

    return [
      {
        name: 'fanout.total_time',
        value: main.seconds,
        unit: 's',
        baseline: floor,
        ratioOf: 'value/baseline',
        target: { op: '<=', value: FLOOR_RATIO_TARGET },
        targetOn: 'ratio',
        note: `one tick, ${channels} channels due at once, poster at ${POSTS_PER_SECOND}/s; baseline = floor = ${channels} ÷ ${PLATFORM_LIMIT}/s`,
      },
      {
        name: 'fanout.provoked_429',
        value: stats.rejected,
        unit: 'count',
        target: { op: '<=', value: 0 },
        note: `the fake platform's sliding 1 s window peaked at ${stats.peakPerSecond} accepted requests`,
      },
      {
        name: 'fanout.sent',
        value: main.report.sent,
        unit: 'posts',
        target: { op: '>=', value: channels },
      },
      {
        name: 'fanout.limiter_only_time',
        value: limited.seconds,
        unit: 's',
        baseline: floor,
        ratioOf: 'value/baseline',
        target: { op: '<=', value: FLOOR_RATIO_TARGET },
        targetOn: 'ratio',
        note: `the same ${channels} posts through src/scheduler's RateLimiter and postWithRetry, as many in flight, no database work`,
      },
      {
        name: 'fanout.limiter_only_429',
        value: limitedStats.rejected,
        unit: 'count',
        target: { op: '<=', value: 0 },
        note: `peak ${limitedStats.peakPerSecond} accepted in any 1 s window`,
      },
      {
        name: 'fanout.scheduler_rate',
        value: rate,
        unit: 'channels/s',
        baseline: PLATFORM_LIMIT,
        ratioOf: 'value/baseline',
        target: { op: '>=', value: PLATFORM_LIMIT * FLOOR_RATIO_TARGET },
        note: 'the same tick with a poster that answers at once (database work only); must outrun the platform limit for the floor to be reachable',
      },
    ];
  } finally {
    await platform.stop();
  }
}

export const fanOutBenchmark: Benchmark = {
  id: 'fanout',
  title: 'Daily fan-out: one scheduler tick for every channel through a rate-limited fake platform',
  run,
};
