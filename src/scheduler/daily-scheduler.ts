import type { EngineDeps } from '../core/engine-deps.js';
import type { ChannelRecord, DueCursor } from '../core/ports.js';
import type { ChannelRef, Platform } from '../core/types.js';
import type { QuestionCardView } from '../core/views.js';
import type { Logger } from '../logger.js';
import { planDueRuns } from '../rules/run-plan.js';
import { dailyCards, dayKey, ensureDailyPicks } from '../use-cases/shared/daily-question.js';
import type { ChannelPoster } from './channel-poster.js';
import { DEFAULT_RETRY, postWithRetry, type RetryPolicy } from './fan-out.js';
import { HandOffQueue } from './hand-off-queue.js';
import { RateLimiter } from './rate-limiter.js';
import { SettledDays } from './settled-days.js';

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
  /** Due channels read and prepared (picked, claimed, carded) in one go, while earlier ones post. */
  chunkSize?: number;
  retry?: RetryPolicy;
}

/** A channel whose post for today is due. */
interface DailyJob {
  channel: ChannelRecord;
  ref: ChannelRef;
  localDate: string;
  dueAt: Date;
  nextRun: Date;
}

interface ReadyPost {
  job: DailyJob;
  card: QuestionCardView;
}

const SETTLED = new Set(['sent', 'skipped', 'failed']);
/** The first page of due channels is small, so the first post goes out at once. */
const FIRST_PAGE = 20;

/**
 * Posts each due channel's daily card exactly once per local day, on any
 * number of replicas. Order per channel-day:
 *   1. claim the (channel, local date) row (picked -> claimed) — one replica wins;
 *   2. send; 3. mark sent; 4. move next_run_at on.
 * A crash before 4 leaves the channel due, so after the lease another tick
 * claims again and resends: at-least-once, which Discord's nonce turns into
 * exactly-once; on Slack only a crash in the instant between Slack accepting
 * and step 3 could show a second post. We chose that over at-most-once,
 * which would silently lose the day. Steps 1 and 3-4 run in batches (a few
 * queries per chunk of channels), so thousands of channels post at the
 * platform's rate rather than the database's.
 */
export class DailyScheduler {
  private readonly posters = new Map<Platform, { poster: ChannelPoster; limiter: RateLimiter }>();
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly chunkSize: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: DailySchedulerOptions) {
    for (const poster of options.posters) {
      this.posters.set(poster.platform, { poster, limiter: new RateLimiter(poster.postsPerSecond) });
    }
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.concurrency = options.concurrency ?? 64;
    this.batchSize = options.batchSize ?? 10_000;
    // Small pages keep each batched query short, so the senders never wait long for the next page.
    this.chunkSize = options.chunkSize ?? 25;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async tick(): Promise<TickReport> {
    const { deps } = this.options;
    const now = deps.clock();
    const report: TickReport = {
      due: 0,
      sent: 0,
      skippedDays: 0,
      notMine: 0,
      disabled: 0,
      failed: 0,
    };
    const settled = new SettledDays(deps.store, deps.clock);
    // Due channels are read, planned and prepared a page at a time, a small first page so posting starts at
    // once; the reading stays about one page ahead of the senders, which never wait for a page to finish.
    const queue = new HandOffQueue<ReadyPost>();
    const producing = (async () => {
      try {
        let after: DueCursor | undefined;
        for (let listed = 0; listed < this.batchSize; ) {
          const pageSize = listed === 0 ? Math.min(FIRST_PAGE, this.chunkSize) : this.chunkSize;
          const size = Math.min(pageSize, this.batchSize - listed);
          const page = await deps.store.channels.listDue(now, size, after);
          const last = page.at(-1);
          if (!last) break;
          listed += page.length;
          after = { ...last, nextRunAt: last.nextRunAt ?? now };
          const jobs = await this.plan(page, now, report, settled);
          await queue.room(this.chunkSize);
          if (jobs.length > 0) queue.push(...(await this.prepare(jobs, now, report, settled)));
          if (page.length < size) break;
        }
      } finally {
        queue.close();
      }
    })();
    const sending = Promise.all(
      Array.from({ length: this.concurrency }, async () => {
        for (let post = await queue.take(); post; post = await queue.take())
          await this.send(post, report, settled);
      }),
    );
    try {
      await producing;
    } finally {
      // Even when reading a later page failed: what was sent is marked sent, or a lease expiry would resend it.
      await sending;
      await settled.flush();
    }
    return report;
  }

  /** Which local day each due channel posts for; days missed while down are skipped and logged. */
  private async plan(
    page: readonly ChannelRecord[],
    now: Date,
    report: TickReport,
    settled: SettledDays,
  ): Promise<DailyJob[]> {
    const jobs: DailyJob[] = [];
    for (const channel of page) {
      if (!this.posters.has(channel.platform)) continue;
      report.due++;
      const ref = { platform: channel.platform, teamId: channel.teamId, channelId: channel.channelId };
      const dueAt = channel.nextRunAt ?? now;
      const plan = planDueRuns(channel, dueAt, now);
      if (plan.skippedDates.length > 0) {
        report.skippedDays += plan.skippedDates.length;
        this.options.logger.warn(
          { channel: ref, days: plan.skippedDates },
          'daily post missed while down; day has passed, skipped',
        );
      }
      if (plan.postFor)
        jobs.push({ channel, ref, localDate: plan.postFor.localDate, dueAt, nextRun: plan.nextRun });
      else await settled.advance(ref, dueAt, plan.nextRun);
    }
    return jobs;
  }

  /** Picks, claims and builds cards for a chunk; returns the posts this replica won. */
  private async prepare(
    jobs: DailyJob[],
    now: Date,
    report: TickReport,
    settled: SettledDays,
  ): Promise<ReadyPost[]> {
    const { deps, logger } = this.options;
    try {
      const requests = jobs.map((j) => ({
        ref: j.ref,
        localDate: j.localDate,
        filter: { topic: j.channel.topic, difficulty: j.channel.difficulty, packs: j.channel.packs },
      }));
      const picked = await ensureDailyPicks(deps, requests);
      const claimed = await deps.store.dailyPosts.claimMany(requests, now, this.leaseMs);
      const won = new Set(claimed.map((c) => dayKey(c, c.localDate)));
      for (const job of jobs) {
        if (won.has(dayKey(job.ref, job.localDate))) continue;
        report.notMine++;
        // Settled by another replica (or an earlier run of ours that crashed before moving on): move on.
        if (SETTLED.has(picked.get(dayKey(job.ref, job.localDate))?.status ?? '')) {
          await settled.advance(job.ref, job.dueAt, job.nextRun);
        }
      }
      const cards = await dailyCards(
        deps,
        claimed.map((c) => ({ ref: c, localDate: c.localDate, questionId: c.questionId })),
      );
      const ready: ReadyPost[] = [];
      for (const job of jobs) {
        const key = dayKey(job.ref, job.localDate);
        if (!won.has(key)) continue;
        const card = cards.get(key);
        if (card) ready.push({ job, card });
        else {
          await deps.store.dailyPosts.release(job.ref, job.localDate);
          report.failed++;
          logger.error(
            { channel: job.ref },
            "daily post skipped: the day's question is no longer in the bank",
          );
        }
      }
      return ready;
    } catch (error) {
      report.failed += jobs.length;
      logger.error(
        { err: error, channels: jobs.length },
        'preparing daily posts failed; next tick tries again',
      );
      return [];
    }
  }

  private async send({ job, card }: ReadyPost, report: TickReport, settled: SettledDays): Promise<void> {
    const { deps, logger } = this.options;
    const { store } = deps;
    const { ref, localDate } = job;
    try {
      const target = this.posters.get(ref.platform)!;
      const key = `${ref.platform}:${ref.teamId}:${ref.channelId}:${localDate}`;
      const outcome = await postWithRetry(
        () => target.poster.post(ref, card, key),
        target.limiter,
        this.retry,
      );
      if (outcome.ok) {
        report.sent++;
        await settled.markSent({ ref, localDate }, outcome.messageId);
        await settled.advance(ref, job.dueAt, job.nextRun);
        logger.info({ channel: ref, localDate, question: card.question.id }, 'daily question posted');
      } else if (outcome.kind === 'gone') {
        await store.dailyPosts.markFailed(ref, localDate);
        await store.channels.turnOff(ref, `cannot post here: ${outcome.reason}`, deps.clock());
        report.disabled++;
        logger.warn(
          { channel: ref, reason: outcome.reason },
          'channel disabled: the bot can no longer post there',
        );
      } else {
        await store.dailyPosts.release(ref, localDate);
        report.failed++;
        logger.warn(
          { channel: ref, reason: outcome.reason },
          'daily post failed after retries; next tick tries again',
        );
      }
    } catch (error) {
      report.failed++;
      logger.error({ err: error, channel: ref }, 'daily post failed; will retry next tick');
    }
  }
}
