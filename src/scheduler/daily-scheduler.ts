import { dailyCard, dailyQuestion } from '../core/daily-question.js';
import type { EngineDeps } from '../core/engine-deps.js';
import type { ChannelRecord } from '../core/ports.js';
import { planDueRuns } from '../core/run-plan.js';
import type { Platform } from '../core/types.js';
import type { Logger } from '../logger.js';
import type { ChannelPoster } from './channel-poster.js';
import { DEFAULT_RETRY, postWithRetry, type RetryPolicy, runConcurrently } from './fan-out.js';
import { RateLimiter } from './rate-limiter.js';

export interface TickReport {
  due: number;
  sent: number;
  skippedDays: number;
  /** Held by another replica, or already sent by one. */
  notMine: number;
  disabled: number;
  failed: number;
}

export interface DailySchedulerOptions {
  deps: EngineDeps;
  posters: readonly ChannelPoster[];
  logger: Logger;
  /** A claim older than this is taken over: its holder crashed between claim and send. */
  leaseMs?: number;
  /** Posts in flight at once, across platforms. */
  concurrency?: number;
  /** Most channels handled in one tick. */
  batchSize?: number;
  retry?: RetryPolicy;
}

/**
 * Posts each due channel's daily card exactly once per local day, on any
 * number of replicas. Order per channel-day:
 *   1. claim the (channel, local date) row (picked -> claimed) — one replica wins;
 *   2. send; 3. mark sent; 4. move next_run_at on.
 * A crash before 4 leaves the channel due, so after the lease another tick
 * claims again and resends: at-least-once, which Discord's nonce turns into
 * exactly-once; on Slack only a crash in the instant between Slack accepting
 * and step 3 could show a second post. We chose that over at-most-once,
 * which would silently lose the day.
 */
export class DailyScheduler {
  private readonly posters = new Map<Platform, { poster: ChannelPoster; limiter: RateLimiter }>();
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: DailySchedulerOptions) {
    for (const poster of options.posters) {
      this.posters.set(poster.platform, { poster, limiter: new RateLimiter(poster.postsPerSecond) });
    }
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.concurrency = options.concurrency ?? 32;
    this.batchSize = options.batchSize ?? 10_000;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async tick(): Promise<TickReport> {
    const { store, clock } = this.options.deps;
    const now = clock();
    const due = (await store.channels.listDue(now, this.batchSize)).filter((c) =>
      this.posters.has(c.platform),
    );
    const report: TickReport = {
      due: due.length,
      sent: 0,
      skippedDays: 0,
      notMine: 0,
      disabled: 0,
      failed: 0,
    };
    await runConcurrently(due, this.concurrency, (channel) => this.runChannel(channel, now, report));
    return report;
  }

  private async runChannel(channel: ChannelRecord, now: Date, report: TickReport): Promise<void> {
    const { logger } = this.options;
    const ref = { platform: channel.platform, teamId: channel.teamId, channelId: channel.channelId };
    try {
      const plan = planDueRuns(channel, channel.nextRunAt ?? now, now);
      if (plan.skippedDates.length > 0) {
        report.skippedDays += plan.skippedDates.length;
        logger.warn(
          { channel: ref, days: plan.skippedDates },
          'daily post missed while down; day has passed, skipped',
        );
      }
      if (plan.postFor && !(await this.postToday(channel, plan.postFor.localDate, now, report))) return;
      await this.options.deps.store.channels.advance(ref, channel.nextRunAt ?? now, plan.nextRun);
    } catch (error) {
      report.failed++;
      logger.error({ err: error, channel: ref }, 'daily post failed; will retry next tick');
    }
  }

  /** True when the day is settled (sent, or settled by another replica) and next_run_at may move on. */
  private async postToday(
    channel: ChannelRecord,
    localDate: string,
    now: Date,
    report: TickReport,
  ): Promise<boolean> {
    const { deps, logger } = this.options;
    const { store } = deps;
    const ref = { platform: channel.platform, teamId: channel.teamId, channelId: channel.channelId };
    const filter = { topic: channel.topic, difficulty: channel.difficulty };
    // Pick (or read) the day's question first: the claim needs its row.
    await dailyQuestion(deps, ref, localDate, filter);
    const claim = await store.dailyPosts.claim(ref, localDate, now, this.leaseMs);
    if (!claim) {
      report.notMine++;
      const row = await store.dailyPosts.get(ref, localDate);
      return row !== undefined && row.status !== 'picked' && row.status !== 'claimed';
    }
    const card = await dailyCard(deps, ref, localDate, filter);
    const target = this.posters.get(channel.platform)!;
    const key = `${ref.platform}:${ref.teamId}:${ref.channelId}:${localDate}`;
    const outcome = await postWithRetry(() => target.poster.post(ref, card, key), target.limiter, this.retry);
    if (outcome.ok) {
      await store.dailyPosts.finish(ref, localDate, 'sent', deps.clock(), outcome.messageId);
      report.sent++;
      logger.info({ channel: ref, localDate, question: card.question.id }, 'daily question posted');
      return true;
    }
    if (outcome.kind === 'gone') {
      await store.dailyPosts.finish(ref, localDate, 'failed', deps.clock());
      await store.channels.turnOff(ref, `cannot post here: ${outcome.reason}`, deps.clock());
      report.disabled++;
      logger.warn(
        { channel: ref, reason: outcome.reason },
        'channel disabled: the bot can no longer post there',
      );
      return false;
    }
    await store.dailyPosts.release(ref, localDate);
    report.failed++;
    logger.warn(
      { channel: ref, reason: outcome.reason },
      'daily post failed after retries; next tick tries again',
    );
    return false;
  }
}
