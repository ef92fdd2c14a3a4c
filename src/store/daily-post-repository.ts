import { and, count, desc, eq, lt, or } from 'drizzle-orm';
import type { DailyPostRecord, DailyPostStatus, DailyPostStore } from '../core/ports.js';
import type { ChannelRef, Platform } from '../core/types.js';
import type { Database } from './database.js';
import { channelIs } from './keys.js';
import { dailyPosts } from './schema.js';

function toRecord(row: typeof dailyPosts.$inferSelect): DailyPostRecord {
  return {
    platform: row.platform as Platform,
    teamId: row.teamId,
    channelId: row.channelId,
    localDate: row.localDate,
    questionId: row.questionId,
    status: row.status as DailyPostStatus,
    claimedAt: row.claimedAt,
    sentAt: row.sentAt,
    messageId: row.messageId,
  };
}

export class DailyPostRepository implements DailyPostStore {
  constructor(private readonly db: Database) {}

  private dayIs(ref: ChannelRef, localDate: string) {
    return and(channelIs(dailyPosts, ref), eq(dailyPosts.localDate, localDate));
  }

  async ensure(ref: ChannelRef, localDate: string, questionId: string, now: Date): Promise<DailyPostRecord> {
    await this.db
      .insert(dailyPosts)
      .values({
        platform: ref.platform,
        teamId: ref.teamId,
        channelId: ref.channelId,
        localDate,
        questionId,
        createdAt: now,
      })
      .onConflictDoNothing();
    const record = await this.get(ref, localDate);
    if (!record) throw new Error('daily post vanished after insert');
    return record;
  }

  async get(ref: ChannelRef, localDate: string): Promise<DailyPostRecord | undefined> {
    const [row] = await this.db.select().from(dailyPosts).where(this.dayIs(ref, localDate)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  async previous(ref: ChannelRef, beforeDate: string): Promise<DailyPostRecord | undefined> {
    const [row] = await this.db
      .select()
      .from(dailyPosts)
      .where(and(channelIs(dailyPosts, ref), lt(dailyPosts.localDate, beforeDate)))
      .orderBy(desc(dailyPosts.localDate))
      .limit(1);
    return row ? toRecord(row) : undefined;
  }

  async postedCounts(ref: ChannelRef): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ questionId: dailyPosts.questionId, n: count() })
      .from(dailyPosts)
      .where(channelIs(dailyPosts, ref))
      .groupBy(dailyPosts.questionId);
    return new Map(rows.map((r) => [r.questionId, Number(r.n)]));
  }

  async claim(
    ref: ChannelRef,
    localDate: string,
    now: Date,
    leaseMs: number,
  ): Promise<DailyPostRecord | undefined> {
    const staleBefore = new Date(now.getTime() - leaseMs);
    const [row] = await this.db
      .update(dailyPosts)
      .set({ status: 'claimed', claimedAt: now })
      .where(
        and(
          this.dayIs(ref, localDate),
          or(
            eq(dailyPosts.status, 'picked'),
            and(eq(dailyPosts.status, 'claimed'), lt(dailyPosts.claimedAt, staleBefore)),
          ),
        ),
      )
      .returning();
    return row ? toRecord(row) : undefined;
  }

  async release(ref: ChannelRef, localDate: string): Promise<void> {
    await this.db
      .update(dailyPosts)
      .set({ status: 'picked', claimedAt: null })
      .where(and(this.dayIs(ref, localDate), eq(dailyPosts.status, 'claimed')));
  }

  async finish(
    ref: ChannelRef,
    localDate: string,
    status: 'sent' | 'skipped' | 'failed',
    now: Date,
    messageId: string | null = null,
  ): Promise<void> {
    await this.db
      .update(dailyPosts)
      .set({ status, sentAt: status === 'sent' ? now : null, messageId })
      .where(this.dayIs(ref, localDate));
  }
}
