/**
 * Slack clicks: grade-button clicks (signed block_actions) through the real
 * Bolt HTTP receiver the adapter starts (startSlack on port 0, the fake Slack
 * Web API on loopback, a real engine on the run's database), 100 in flight
 * over keep-alive connections. Measured per click: request written → HTTP
 * response read, i.e. the ack. Baseline: a bare Bolt app with the same
 * receiver options whose listener only acks, in the same run.
 *
 * Slack's side (the clicks and the response_url the app replies to) runs in
 * its own process (slack-clicker-process.ts), so what is timed is the app's
 * process, as Slack would see it; its connections are opened before each
 * timed round. Every clicker first reveals the answer (the untimed warm-up,
 * each click waiting for its reply so the work never piles up), so each
 * grade is accepted. The engine keeps the production ClickThrottle (5 clicks
 * a second per user): the clicks are spread over one user each, so it never
 * has to say "slow down", and the run counts the replies that did.
 *
 * The listeners ack before the engine works, and the engine's work waits its
 * turn in the work lane, so the acks do not wait for the database. Under the
 * timed burst (each clicker clicks again as soon as it is acked) the work
 * queues: how many were graded, and how late the last reply came, are in the
 * graded figure. What a user waits for is measured in a second round, where
 * each of the 100 clickers waits for its reply before clicking again.
 */
import { gradeActionId, REVEAL_ACTION } from '../src/adapters/slack/action-ids.js';
import { startSlack } from '../src/adapters/slack/index.js';
import { SLOW_DOWN, TOO_SLOW } from '../src/runtime/engine.js';
import { contentBank } from '../tests/helpers/engine-fixture.js';
import { FakeSlackApi } from '../tests/slack/fake-slack-api.js';
import { BOT_TOKEN, blockActionPayload, SIGNING_SECRET } from '../tests/slack/slack-harness.js';
import { startBareBoltApp } from './bare-bolt-app.js';
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
import type { FigureSpec } from './figure.js';
import { formatMs, summarize } from './percentiles.js';
import { productionEngine } from './production-engine.js';
import { idleDatabase, settledGrades } from './settled-work.js';
import { type ClicksResult, type SlackClicker, startSlackClicker } from './slack-clicker-process.js';
import { SignedSlackClient } from './slack-signed-client.js';

const REPLY_WAIT_MS = 120_000;
const TEAM = 'TCLICKS';

/** One click by clicker i (user UCLK<i>, one of CHANNELS channels of team TCLICKS) as Slack's form body. */
function clickBody(i: number, actionId: string, questionId: string, responseUrl: string): string {
  const payload = blockActionPayload({
    actionId,
    value: questionId,
    responseUrl,
    userId: `UCLK${i}`,
    userName: `clicker${i}`,
    channelId: `CCLK${i % CHANNELS}`,
  }) as { team: { id: string }; user: { team_id: string } };
  payload.team.id = TEAM;
  payload.user.team_id = TEAM;
  return SignedSlackClient.interactionBody(payload);
}

const rate = (r: ClicksResult) => r.samples.length / r.seconds;

/** Bolt alone on the same clicks: a warm-up round, then the timed one. */
async function measureBare(
  context: BenchContext,
  clicker: SlackClicker,
  fake: FakeSlackApi,
  bodies: (i: number) => string,
  count: number,
): Promise<ClicksResult> {
  const log = countingLogger([BOT_TOKEN, SIGNING_SECRET]);
  const bare = await startBareBoltApp({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    logger: log.logger,
  });
  try {
    context.log(`bare Bolt app: ${count} warm-up clicks, then ${count} timed, ${CONCURRENCY} in flight`);
    await clicker.clicks(
      bare.port,
      Array.from({ length: count }, (_, i) => bodies(i)),
      CONCURRENCY,
    );
    const timed = await clicker.clicks(
      bare.port,
      Array.from({ length: count }, (_, i) => bodies(count + i)),
      CONCURRENCY,
    );
    context.log(
      `bare: ${formatMs(summarize(timed.samples))}; ${rate(timed).toFixed(0)} clicks/s; ` +
        `${timed.refused} refused, ${timed.failed} failed; ${bare.acked()} acked in all; ${log.count()} warnings`,
    );
    return timed;
  } finally {
    await bare.stop();
  }
}

async function run(context: BenchContext): Promise<FigureSpec[]> {
  const count = context.size(5_000);
  const database = await context.database();
  const questions = contentBank()
    .all()
    .map((q) => q.id);
  const question = (i: number) => questions[i % questions.length]!;
  const grade = (i: number) => GRADES[i % GRADES.length]!;
  const fake = await new FakeSlackApi().start();
  const clicker = await startSlackClicker(SIGNING_SECRET);
  const stops: (() => Promise<void>)[] = [() => clicker.stop(), () => fake.stop()];
  try {
    const baseline = await measureBare(
      context,
      clicker,
      fake,
      (i) => clickBody(i, gradeActionId(grade(i)), question(i), clicker.responseUrl(`bare-${i}`)),
      count,
    );
    const b = summarize(baseline.samples);

    const appLog = countingLogger([BOT_TOKEN, SIGNING_SECRET]);
    const engineErrors: string[] = [];
    const slack = await startSlack({
      config: {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        appToken: undefined,
        apiUrl: fake.apiUrl,
        adminUserIds: [],
        postsPerSecond: 20,
      },
      port: 0,
      engine: productionEngine(database.store, database.connection.parallelism, engineErrors),
      logger: appLog.logger,
    });
    stops.unshift(() => slack.stop());
    const port = slack.port!;

    context.log(
      `ours: ${count} clickers reveal the answer (warm-up), ${CONCURRENCY} waiting for their reply`,
    );
    const revealNames = Array.from({ length: count }, (_, i) => `reveal-${i}`);
    const reveals = await clicker.clicks(
      port,
      revealNames.map((name, i) => clickBody(i, REVEAL_ACTION, question(i), clicker.responseUrl(name))),
      CONCURRENCY,
      revealNames,
    );
    const revealReplies = await clicker.replies(revealNames, REPLY_WAIT_MS);
    const revealed = revealReplies.filter((r) => r && !r.text.startsWith(':warning:')).length;
    context.log(
      `reveals: ${reveals.samples.length} acked in ${reveals.seconds.toFixed(2)} s, ${revealed} revealed; ` +
        `ack ${formatMs(summarize(reveals.samples))}`,
    );
    if (revealed < count) {
      const sample = revealReplies.find((r) => r?.text.startsWith(':warning:'))?.text ?? 'no reply';
      throw new Error(`warm-up: ${count - revealed} of ${count} reveals not answered (${sample})`);
    }

    context.log(`ours: ${count} timed grade clicks, ${CONCURRENCY} in flight`);
    const gradeNames = Array.from({ length: count }, (_, i) => `grade-${i}`);
    const ours = await clicker.clicks(
      port,
      gradeNames.map((name, i) =>
        clickBody(i, gradeActionId(grade(i)), question(i), clicker.responseUrl(name)),
      ),
      CONCURRENCY,
    );
    const o = summarize(ours.samples);
    context.log(
      `ours: ${formatMs(o)}; ${rate(ours).toFixed(0)} clicks/s; ${ours.refused} refused, ${ours.failed} failed`,
    );
    const replies = await clicker.replies(gradeNames, REPLY_WAIT_MS);
    const texts = replies.map((r) => r?.text ?? '');
    const graded = texts.filter((t) => t.includes('Total *')).length;
    const slowDown = texts.filter((t) => t.includes(SLOW_DOWN)).length;
    const tooSlow = texts.filter((t) => t.includes(TOO_SLOW)).length;
    const missing = replies.filter((r) => r === null).length;
    const replyMs = replies.flatMap((r, i) => (r ? [r.at - ours.sentAt[i]!] : []));
    const r = summarize(replyMs);
    const firstSent = Math.min(...ours.sentAt.filter(Number.isFinite));
    const lastReply = Math.max(...replies.flatMap((x) => (x ? [x.at] : [])), firstSent);
    const answeredSeconds = (lastReply - firstSent) / 1000;
    context.log(
      `replies: ${graded} graded, ${slowDown} "slow down", ${tooSlow} "too slow", ${missing} missing; ` +
        `click → reply ${formatMs(r)}; last reply ${answeredSeconds.toFixed(2)} s after the first click ` +
        `(${(graded / answeredSeconds).toFixed(0)} graded/s)`,
    );
    const flood = `under this burst the replies queue behind the work: click → reply p50 ${(r.p50 / 1000).toFixed(1)} s, p99 ${(r.p99 / 1000).toFixed(1)} s, the last ${answeredSeconds.toFixed(1)} s after the first click (${(graded / answeredSeconds).toFixed(0)} graded/s)`;

    // What a user waits for: CONCURRENCY users each click (a re-grade) and wait for the reply before the next.
    const pacedCount = Math.max(1, Math.round(count / 5));
    context.log(`ours: ${pacedCount} re-grade clicks, ${CONCURRENCY} users each waiting for their reply`);
    const pacedNames = Array.from({ length: pacedCount }, (_, i) => `regrade-${i}`);
    const paced = await clicker.clicks(
      port,
      pacedNames.map((name, i) =>
        clickBody(i, gradeActionId(grade(i + 1)), question(i), clicker.responseUrl(name)),
      ),
      CONCURRENCY,
      pacedNames,
    );
    const pacedReplies = await clicker.replies(pacedNames, REPLY_WAIT_MS);
    const regraded = pacedReplies.filter((x) => x?.text.includes('Total *')).length;
    const pacedMs = summarize(pacedReplies.flatMap((x, i) => (x ? [x.at - paced.sentAt[i]!] : [])));
    context.log(
      `re-grades: ${regraded} of ${pacedCount} confirmed; click → reply ${formatMs(pacedMs)}; ack ${formatMs(summarize(paced.samples))}`,
    );
    const saved = await settledGrades(database.connection.db, 'slack', TEAM, count, SETTLE_WAIT_MS);
    const idle = await idleDatabase(database.connection.db, SETTLE_WAIT_MS);
    context.log(
      `grades in the database once the work settled: ${saved} of ${count}${idle ? '' : ' (still busy)'}`,
    );
    context.log(`app warnings/errors logged: ${appLog.count()}; engine errors: ${engineErrors.length}`);
    for (const line of [...appLog.first(), ...engineErrors.slice(0, 3)]) context.log(`  ${line}`);

    const setUp = `${count} grade clicks by ${count} users in ${CHANNELS} channels, ${CONCURRENCY} in flight, keep-alive`;
    return [
      {
        name: 'slack.ack_p99',
        value: o.p99,
        unit: 'ms',
        baseline: b.p99,
        ratioOf: 'value/baseline',
        target: { op: '<=', value: ACK_P99_RATIO_TARGET },
        targetOn: 'ratio',
        note: `request written → HTTP response read (the ack), from another process; ${setUp}; baseline: bare Bolt app that only acks, same run; ratio = ours / bare; p50 ours ${o.p50.toFixed(1)} ms, bare ${b.p50.toFixed(1)} ms`,
      },
      {
        name: 'slack.throughput',
        value: rate(ours),
        unit: 'clicks/s',
        baseline: rate(baseline),
        ratioOf: 'value/baseline',
        target: { op: '>=', value: THROUGHPUT_RATIO_TARGET },
        targetOn: 'ratio',
        note: 'acked clicks per second of the timed phase; ratio = ours / bare Bolt app',
      },
      {
        name: 'slack.graded',
        value: graded,
        unit: 'clicks',
        target: { op: '>=', value: count },
        note: `grade clicks of the timed burst whose ephemeral reply confirmed the grade; others: ${ours.refused + ours.failed} not acked, ${slowDown} "slow down", ${tooSlow} "too slow" (engine deadline), ${missing} no reply within ${REPLY_WAIT_MS / 1000} s; ${saved} grades saved once the work settled; ${flood}`,
      },
      {
        name: 'slack.reply_p99',
        value: pacedMs.p99,
        unit: 'ms',
        target: { op: '<', value: REPLY_TARGET_MS },
        note: `click written → its reply at the response_url, ${CONCURRENCY} users each waiting for their reply before clicking again (${pacedCount} re-grades); p50 ${pacedMs.p50.toFixed(1)} ms; target: the engine's own deadline (bench guard, not from issue 6)`,
      },
      {
        name: 'slack.reply_confirmed',
        value: regraded,
        unit: 'clicks',
        target: { op: '>=', value: pacedCount },
        note: 're-grade clicks of that round whose reply confirmed the grade (bench guard)',
      },
    ];
  } finally {
    for (const stop of stops) await stop();
  }
}

export const slackClicksBenchmark: Benchmark = {
  id: 'slack',
  title: 'Slack clicks: signed grade clicks through the real Bolt HTTP receiver vs a bare Bolt app',
  run,
};
