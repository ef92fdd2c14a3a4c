import { and, eq, sql } from 'drizzle-orm';
import type { ChannelDay, DailyPostRecord, DailyPostStatus, DailyPostStore } from '../core/ports.js';
import type { ChannelRef, Platform } from '../core/types.js';
import { channelValues, dayValues, matchesValues } from './channel-day-sql.js';
import type { Database } from './database.js';
import { channelIs } from './keys.js';
import { resultRows } from './result-rows.js';
import { dailyPosts } from './schema.js';

/** The columns of a raw daily_posts row, the date as text so both drivers read it alike. */
const RAW_COLUMNS = sql.raw(
  't.platform, t.team_id, t.channel_id, t.local_date::text as local_date, t.question_id, t.status, t.claimed_at, t.sent_at, t.message_id',
);

export class DailyPostRepository implements DailyPostStore {
  constructor(private readonly db: Database) {}

  private dayIs(ref: ChannelRef, localDate: string) {
    return and(channelIs(dailyPosts, ref), eq(dailyPosts.localDate, localDate));
  }

  async get(ref: ChannelRef, localDate: string): Promise<DailyPostRecord | undefined> {
    const [record] = await this.getMany([{ ref, localDate }]);
    return record;
  }

  async getMany(days: readonly ChannelDay[]): Promise<DailyPostRecord[]> {
    if (days.length === 0) return [];
    const result = await this.db.execute(sql`
      select ${RAW_COLUMNS} from daily_posts t join ${dayValues(days)} on ${matchesValues(true)}`);
    return resultRows<RawDailyPost>(result).map(fromRaw);
  }

  async postedCountsMany(refs: readonly ChannelRef[]) {
    if (refs.length === 0) return [];
    const result = await this.db.execute(sql`
      select t.platform, t.team_id, t.channel_id, t.question_id, count(*)::int as n
      from daily_posts t join ${channelValues(refs)} on ${matchesValues(false)}
      group by t.platform, t.team_id, t.channel_id, t.question_id`);
    return resultRows<{
      platform: string;
      team_id: string;
      channel_id: string;
      question_id: string;
      n: number;
    }>(result).map((r) => ({
      ref: { platform: r.platform as Platform, teamId: r.team_id, channelId: r.channel_id },
      questionId: r.question_id,
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
    // One index probe per channel (the primary key ends in local_date).
    const result = await this.db.execute(sql`
      select ${RAW_COLUMNS} from ${dayValues(days)}
      cross join lateral (
        select * from daily_posts d
        where d.platform = v.platform and d.team_id = v.team_id and d.channel_id = v.channel_id
          and d.local_date < v.local_date
        order by d.local_date desc limit 1
      ) t`);
    return resultRows<RawDailyPost>(result).map(fromRaw);
  }

  async claimMany(days: readonly ChannelDay[], now: Date, leaseMs: number): Promise<DailyPostRecord[]> {
    if (days.length === 0) return [];
    const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
    const result = await this.db.execute(sql`
      update daily_posts t set status = 'claimed', claimed_at = ${now.toISOString()}::timestamptz
      from ${dayValues(days)}
      where ${matchesValues(true)}
        and (t.status = 'picked' or (t.status = 'claimed' and t.claimed_at < ${staleBefore}::timestamptz))
      returning ${RAW_COLUMNS}`);
    return resultRows<RawDailyPost>(result).map(fromRaw);
  }

  async markSentMany(sent: readonly (ChannelDay & { messageId: string | null })[], now: Date): Promise<void> {
    if (sent.length === 0) return;
    const values = sent.map(
      (s) =>
        sql`(${s.ref.platform}::text, ${s.ref.teamId}::text, ${s.ref.channelId}::text, ${s.localDate}::date, ${s.messageId}::text)`,
    );
    await this.db.execute(sql`
      update daily_posts t set status = 'sent', sent_at = ${now.toISOString()}::timestamptz, message_id = v.message_id
      from (values ${sql.join(values, sql`, `)}) as v(platform, team_id, channel_id, local_date, message_id)
      where ${matchesValues(true)}`);
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
