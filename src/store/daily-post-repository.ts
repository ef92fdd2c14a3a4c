import { and, count, eq, lt, or, sql } from 'drizzle-orm';
import type { ChannelDay, DailyPostRecord, DailyPostStatus, DailyPostStore } from '../core/ports.js';
import type { ChannelRef, Platform } from '../core/types.js';
import { channelsIn, daysIn } from './channel-day-sql.js';
import type { Database } from './database.js';
import { channelIs } from './keys.js';
import { resultRows } from './result-rows.js';
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

const DAY_COLUMNS = [
  dailyPosts.platform,
  dailyPosts.teamId,
  dailyPosts.channelId,
  dailyPosts.localDate,
] as const;

export class DailyPostRepository implements DailyPostStore {
  constructor(private readonly db: Database) {}

  private dayIs(ref: ChannelRef, localDate: string) {
    return and(channelIs(dailyPosts, ref), eq(dailyPosts.localDate, localDate));
  }

  async get(ref: ChannelRef, localDate: string): Promise<DailyPostRecord | undefined> {
    const [row] = await this.db.select().from(dailyPosts).where(this.dayIs(ref, localDate)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  async getMany(days: readonly ChannelDay[]): Promise<DailyPostRecord[]> {
    if (days.length === 0) return [];
    const rows = await this.db
      .select()
      .from(dailyPosts)
      .where(daysIn([...DAY_COLUMNS], days));
    return rows.map(toRecord);
  }

  async postedCountsMany(refs: readonly ChannelRef[]) {
    if (refs.length === 0) return [];
    const rows = await this.db
      .select({
        platform: dailyPosts.platform,
        teamId: dailyPosts.teamId,
        channelId: dailyPosts.channelId,
        questionId: dailyPosts.questionId,
        n: count(),
      })
      .from(dailyPosts)
      .where(channelsIn([dailyPosts.platform, dailyPosts.teamId, dailyPosts.channelId], refs))
      .groupBy(dailyPosts.platform, dailyPosts.teamId, dailyPosts.channelId, dailyPosts.questionId);
    return rows.map((r) => ({
      ref: { platform: r.platform as Platform, teamId: r.teamId, channelId: r.channelId },
      questionId: r.questionId,
      count: Number(r.n),
    }));
  }

  async ensureMany(picks: readonly (ChannelDay & { questionId: string })[], now: Date): Promise<void> {
    if (picks.length === 0) return;
    await this.db
      .insert(dailyPosts)
      .values(
        picks.map((p) => ({
          platform: p.ref.platform,
          teamId: p.ref.teamId,
          channelId: p.ref.channelId,
          localDate: p.localDate,
          questionId: p.questionId,
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
  }

  async previousMany(days: readonly ChannelDay[]): Promise<DailyPostRecord[]> {
    if (days.length === 0) return [];
    const wanted = days.map(
      (d) => sql`(${d.ref.platform}, ${d.ref.teamId}, ${d.ref.channelId}, ${d.localDate}::date)`,
    );
    // One index probe per channel (the primary key ends in local_date).
    const result = await this.db.execute(sql`
      select d.platform, d.team_id, d.channel_id, d.local_date::text as local_date, d.question_id, d.status,
        d.claimed_at, d.sent_at, d.message_id
      from (values ${sql.join(wanted, sql`, `)}) as v(platform, team_id, channel_id, before)
      cross join lateral (
        select * from daily_posts d
        where d.platform = v.platform and d.team_id = v.team_id and d.channel_id = v.channel_id
          and d.local_date < v.before
        order by d.local_date desc limit 1
      ) d`);
    return resultRows<RawDailyPost>(result).map(fromRaw);
  }

  async claimMany(days: readonly ChannelDay[], now: Date, leaseMs: number): Promise<DailyPostRecord[]> {
    if (days.length === 0) return [];
    const staleBefore = new Date(now.getTime() - leaseMs);
    const rows = await this.db
      .update(dailyPosts)
      .set({ status: 'claimed', claimedAt: now })
      .where(
        and(
          daysIn([...DAY_COLUMNS], days),
          or(
            eq(dailyPosts.status, 'picked'),
            and(eq(dailyPosts.status, 'claimed'), lt(dailyPosts.claimedAt, staleBefore)),
          ),
        ),
      )
      .returning();
    return rows.map(toRecord);
  }

  async markSentMany(sent: readonly (ChannelDay & { messageId: string | null })[], now: Date): Promise<void> {
    if (sent.length === 0) return;
    const values = sent.map(
      (s) =>
        sql`(${s.ref.platform}, ${s.ref.teamId}, ${s.ref.channelId}, ${s.localDate}::date, ${s.messageId}::text)`,
    );
    await this.db.execute(sql`
      update daily_posts d set status = 'sent', sent_at = ${now.toISOString()}::timestamptz, message_id = v.message_id
      from (values ${sql.join(values, sql`, `)}) as v(platform, team_id, channel_id, local_date, message_id)
      where d.platform = v.platform and d.team_id = v.team_id and d.channel_id = v.channel_id
        and d.local_date = v.local_date`);
  }

  async release(ref: ChannelRef, localDate: string): Promise<void> {
    await this.db
      .update(dailyPosts)
      .set({ status: 'picked', claimedAt: null })
      .where(and(this.dayIs(ref, localDate), eq(dailyPosts.status, 'claimed')));
  }

  async markFailed(ref: ChannelRef, localDate: string): Promise<void> {
    await this.db.update(dailyPosts).set({ status: 'failed' }).where(this.dayIs(ref, localDate));
  }
}

interface RawDailyPost {
  platform: string;
  team_id: string;
  channel_id: string;
  local_date: string;
  question_id: string;
  status: string;
  claimed_at: string | Date | null;
  sent_at: string | Date | null;
  message_id: string | null;
}

const asDate = (v: string | Date | null) => (v === null ? null : new Date(v));

/** A raw row (snake_case, driver-typed dates) as a record. */
function fromRaw(r: RawDailyPost): DailyPostRecord {
  return {
    platform: r.platform as Platform,
    teamId: r.team_id,
    channelId: r.channel_id,
    localDate: r.local_date,
    questionId: r.question_id,
    status: r.status as DailyPostStatus,
    claimedAt: asDate(r.claimed_at),
    sentAt: asDate(r.sent_at),
    messageId: r.message_id,
  };
}
