/**
 * Discord interactions: grade-button clicks as INTERACTION_CREATE from the
 * fake gateway through the real discord.js Client the adapter starts
 * (startDiscord, DISCORD_API_URL on the fake, a real engine on the run's
 * database), 100 in flight. Measured per click: dispatch → the interaction
 * callback (our deferral) received by the fake's HTTP server. Baseline: a
 * bare discord.js Client on its own copy of the fake that only replies, in
 * the same run.
 *
 * Discord's side runs in its own process (discord-gateway-process.ts). Both
 * clients are warmed up alike: as many clicks as the timed round, at the
 * same concurrency, on a fresh fake. Ours are the timed clickers' reveal
 * clicks (untimed; every answer awaited), so each grade is accepted; the
 * engine keeps the production ClickThrottle. The adapter defers before the
 * engine works, and the work waits its turn in the engine's work lane, so the
 * ack figures do not wait for the database. Under the timed burst (each click
 * followed by the next as soon as it is acknowledged) the work queues: how
 * many were graded and how late the answers came are in the graded figure.
 * What a user waits for is measured in a second round, where each of the 100
 * clickers waits for its answer before clicking again.
 *
 * The adapter's client allows its REST 500 requests/s (interaction answers
 * are exempt from Discord's 50/s global limit; discord-client.ts), so the
 * answers are not held to discord.js's default 50/s.
 */
import { gradeId, revealId } from '../src/adapters/discord/custom-ids.js';
import { startDiscord } from '../src/adapters/discord/index.js';
import type { Grade } from '../src/core/types.js';
import { SLOW_DOWN, TOO_SLOW } from '../src/runtime/engine.js';
import { fakeDiscordConfig } from '../tests/discord/fake-discord.js';
import { contentBank } from '../tests/helpers/engine-fixture.js';
import { startBareDiscordClient } from './bare-discord-client.js';
import type { BenchContext, Benchmark } from './benchmark.js';
import {
  ACK_P99_RATIO_TARGET,
  CHANNELS,
  CONCURRENCY,
  GRADES,
  REPLY_TARGET_MS,
  SETTLE_WAIT_MS,
  THROUGHPUT_RATIO_TARGET,
} from './click-load.js';
import { countingLogger } from './counting-logger.js';
import {
  type AnswersResult,
  type Click,
  type ClicksResult,
  type DiscordGateway,
  startDiscordGateway,
} from './discord-gateway-process.js';
import type { FigureSpec } from './figure.js';
import { formatMs, type Summary, summarize } from './percentiles.js';
import { productionEngine } from './production-engine.js';
import { idleDatabase, settledGrades } from './settled-work.js';

/** Past the fake's 3 s acknowledgement deadline: a click without a callback by then never gets one. */
const ACK_TIMEOUT_MS = 4000;
const TOKEN = 'bench-discord-token-0123456789';

/** Snowflake-shaped ids: users by number (each phase its own range), channels of the fixture guild. */
const userId = (n: number) => `1000000000${String(n).padStart(9, '0')}`;
const channelId = (n: number) => `1200000000000${String(n % CHANNELS).padStart(6, '0')}`;

const acked = (r: ClicksResult) => r.ackMs.filter(Number.isFinite);
/** Every click's ack latency; a click never acknowledged counts as the timeout (a lower bound). */
const ackLatencies = (r: ClicksResult) => r.ackMs.map((v) => (Number.isFinite(v) ? v : ACK_TIMEOUT_MS));
const rate = (r: ClicksResult) => acked(r).length / r.seconds;

interface Clicker {
  n: number;
  questionId: string;
  grade: Grade;
}

function clickersFrom(first: number, count: number): Clicker[] {
  const questions = contentBank()
    .all()
    .map((q) => q.id);
  return Array.from({ length: count }, (_, i) => ({
    n: first + i,
    questionId: questions[(first + i) % questions.length]!,
    grade: GRADES[(first + i) % GRADES.length]!,
  }));
}

const gradeClick = (c: Clicker): Click => ({
  customId: gradeId(c.questionId, c.grade),
  userId: userId(c.n),
  channelId: channelId(c.n),
});
const revealClick = (c: Clicker): Click => ({
  customId: revealId(c.questionId),
  userId: userId(c.n),
  channelId: channelId(c.n),
});

interface Outcome {
  graded: number;
  slowDown: number;
  tooSlow: number;
  missing: number;
  reply: Summary;
}

function outcomeOf(answers: AnswersResult): Outcome {
  const texts = answers.map((a) => a?.text ?? '');
  return {
    graded: answers.filter((a) => a?.edited && a.text.includes('Total **')).length,
    slowDown: texts.filter((t) => t.includes(SLOW_DOWN)).length,
    tooSlow: texts.filter((t) => t.includes(TOO_SLOW)).length,
    missing: answers.filter((a) => a === null).length,
    reply: summarize(answers.flatMap((a) => (a ? [a.ms] : []))),
  };
}

const describe = (o: Outcome) =>
  `${o.graded} graded, ${o.slowDown} "slow down", ${o.tooSlow} "too slow", ${o.missing} unanswered`;

/** Long enough for every answer of a burst, the work draining at 20 grades a second or better, and then some. */
const answersTimeout = (count: number) => Math.ceil(count / 20) * 1000 + 30_000;

async function measureBare(context: BenchContext, count: number): Promise<ClicksResult> {
  const gateway = await startDiscordGateway();
  try {
    const bare = await startBareDiscordClient({ apiUrl: gateway.apiUrl, token: TOKEN });
    try {
      context.log(
        `bare discord.js client: ${count} warm-up clicks, then ${count} timed, ${CONCURRENCY} in flight`,
      );
      const clicks = clickersFrom(0, 2 * count).map(gradeClick);
      const load = { concurrency: CONCURRENCY, ackTimeoutMs: ACK_TIMEOUT_MS };
      await gateway.clicks('bare-warm-up', clicks.slice(0, count), load);
      const timed = await gateway.clicks('bare', clicks.slice(count), load);
      context.log(
        `bare: ${formatMs(summarize(ackLatencies(timed)))}; ${rate(timed).toFixed(0)} callbacks/s; ` +
          `${count - acked(timed).length} without a callback; ${bare.failed()} replies failed`,
      );
      return timed;
    } finally {
      await bare.stop();
    }
  } finally {
    await gateway.stop();
  }
}

interface OursRun {
  timed: ClicksResult;
  outcome: Outcome;
  /** The re-grade round, each user waiting for the answer before clicking again. */
  paced: Outcome;
  pacedCount: number;
  /** Grades in the database once the work settled. */
  saved: number;
  warnings: number;
  engineErrors: string[];
}

/**
 * startDiscord on a fresh copy of the fake: the timed clickers' reveals
 * through the gateway (the warm-up), then the timed grade clicks and every
 * answer, then the re-grade round.
 */
async function measureOurs(
  context: BenchContext,
  label: string,
  options: { clickers: Clicker[] },
): Promise<OursRun> {
  const database = await context.database();
  const gateway: DiscordGateway = await startDiscordGateway();
  const log = countingLogger([TOKEN]);
  const engineErrors: string[] = [];
  const engine = productionEngine(database.store, database.connection.parallelism, engineErrors);
  const config = fakeDiscordConfig(gateway.apiUrl, TOKEN);
  try {
    const bot = await startDiscord({ config, engine, logger: log.logger });
    try {
      const { clickers } = options;
      // The warm-up is as big as the bare client's, at the same concurrency, on the same kind of fresh fake:
      // every timed clicker reveals its answer through the gateway (so its grade is accepted), then all the
      // answers are awaited, so the timed clicks start on an idle bot with warm connections.
      context.log(
        `${label}: ${clickers.length} reveal clicks through the gateway (warm-up), ${CONCURRENCY} in flight`,
      );
      await gateway.clicks(`${label}-warm-up`, clickers.map(revealClick), {
        concurrency: CONCURRENCY,
        ackTimeoutMs: ACK_TIMEOUT_MS,
      });
      const answers = await gateway.answers(`${label}-warm-up`, answersTimeout(clickers.length));
      const revealed = answers.filter((a) => a?.edited).length;
      if (revealed < clickers.length) {
        const other = answers.find((a) => !a?.edited);
        throw new Error(
          `warm-up: ${clickers.length - revealed} of ${clickers.length} reveals not answered (${other ? other.text : 'no answer'})`,
        );
      }
      context.log(`${label}: ${clickers.length} timed grade clicks, ${CONCURRENCY} in flight`);
      const timed = await gateway.clicks(label, clickers.map(gradeClick), {
        concurrency: CONCURRENCY,
        ackTimeoutMs: ACK_TIMEOUT_MS,
      });
      context.log(
        `${label}: ${formatMs(summarize(ackLatencies(timed)))}; ${rate(timed).toFixed(0)} callbacks/s; ` +
          `${clickers.length - acked(timed).length} without a callback`,
      );
      const outcome = outcomeOf(await gateway.answers(label, answersTimeout(clickers.length)));
      context.log(`${label}: answers: ${describe(outcome)}; dispatch → answer ${formatMs(outcome.reply)}`);

      // What a user waits for: CONCURRENCY users each click (a re-grade) and wait for the answer before the next.
      const regraders = clickers
        .slice(0, Math.max(1, Math.round(clickers.length / 4)))
        .map((c) => ({ ...c, grade: GRADES[(GRADES.indexOf(c.grade) + 1) % GRADES.length]! }));
      context.log(
        `${label}: ${regraders.length} re-grade clicks, ${CONCURRENCY} users each waiting for the answer`,
      );
      await gateway.clicks(`${label}-paced`, regraders.map(gradeClick), {
        concurrency: CONCURRENCY,
        ackTimeoutMs: ACK_TIMEOUT_MS,
        paced: true,
      });
      const paced = outcomeOf(await gateway.answers(`${label}-paced`, answersTimeout(regraders.length)));
      context.log(`${label}: re-grades: ${describe(paced)}; dispatch → answer ${formatMs(paced.reply)}`);
      const saved = await settledGrades(
        database.connection.db,
        'discord',
        gateway.guildId,
        clickers.length,
        SETTLE_WAIT_MS,
      );
      const idle = await idleDatabase(database.connection.db, SETTLE_WAIT_MS);
      context.log(
        `${label}: grades in the database once the work settled: ${saved} of ${clickers.length}${idle ? '' : ' (still busy)'}`,
      );
      context.log(`${label}: ${log.count()} warnings/errors logged, ${engineErrors.length} engine errors`);
      for (const line of [...log.first(), ...engineErrors.slice(0, 3)]) context.log(`  ${line}`);
      return {
        timed,
        outcome,
        paced,
        pacedCount: regraders.length,
        saved,
        warnings: log.count(),
        engineErrors,
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await gateway.stop();
  }
}

async function run(context: BenchContext): Promise<FigureSpec[]> {
  const count = context.size(2_000);
  const baseline = await measureBare(context, count);
  const ours = await measureOurs(context, 'ours', { clickers: clickersFrom(0, count) });
  const b = summarize(ackLatencies(baseline));
  const o = summarize(ackLatencies(ours.timed));
  const notAcked = count - acked(ours.timed).length;
  const setUp = `${count} grade clicks by ${count} users in ${CHANNELS} channels, ${CONCURRENCY} in flight`;
  const flood = ours.outcome.reply;
  return [
    {
      name: 'discord.ack_p99',
      value: o.p99,
      unit: 'ms',
      baseline: b.p99,
      ratioOf: 'value/baseline',
      target: { op: '<=', value: ACK_P99_RATIO_TARGET },
      targetOn: 'ratio',
      note:
        `INTERACTION_CREATE dispatched → interaction callback received by the fake (another process); ${setUp}; ` +
        `${notAcked} without a callback in ${ACK_TIMEOUT_MS / 1000} s (counted as ${ACK_TIMEOUT_MS} ms); ` +
        `baseline: bare discord.js client replying at once, same run; ratio = ours / bare; p50 ours ${o.p50.toFixed(1)} ms, bare ${b.p50.toFixed(1)} ms`,
    },
    {
      name: 'discord.throughput',
      value: rate(ours.timed),
      unit: 'clicks/s',
      baseline: rate(baseline),
      ratioOf: 'value/baseline',
      target: { op: '>=', value: THROUGHPUT_RATIO_TARGET },
      targetOn: 'ratio',
      note: 'interaction callbacks per second of the timed phase; ratio = ours / bare discord.js client',
    },
    {
      name: 'discord.graded',
      value: ours.outcome.graded,
      unit: 'clicks',
      target: { op: '>=', value: count },
      note:
        `grade clicks of the timed burst answered with the grade; ${describe(ours.outcome)}; ${ours.saved} grades saved once the work settled; ` +
        `under this burst the answers queue behind the work: dispatch → answer p50 ${(flood.p50 / 1000).toFixed(1)} s, p99 ${(flood.p99 / 1000).toFixed(1)} s`,
    },
    {
      name: 'discord.reply_p99',
      value: ours.paced.reply.p99,
      unit: 'ms',
      target: { op: '<', value: REPLY_TARGET_MS },
      note:
        `dispatch → the edited deferral (the answer), ${CONCURRENCY} users each waiting for their answer before clicking again ` +
        `(${ours.pacedCount} re-grades); p50 ${ours.paced.reply.p50.toFixed(0)} ms; target: the engine's own deadline (bench guard, not from issue 6)`,
    },
    {
      name: 'discord.reply_confirmed',
      value: ours.paced.graded,
      unit: 'clicks',
      target: { op: '>=', value: ours.pacedCount },
      note: `re-grade clicks of that round answered with the grade; ${describe(ours.paced)} (bench guard)`,
    },
  ];
}

export const discordInteractionsBenchmark: Benchmark = {
  id: 'discord',
  title: 'Discord interactions: grade clicks through the real discord.js client vs a bare client',
  run,
};
