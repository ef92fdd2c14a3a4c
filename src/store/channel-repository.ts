import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { ChannelRecord, ChannelStore, DueCursor } from '../core/ports.js';
import type { ChannelRef, Difficulty, Platform, Topic } from '../core/types.js';
import type { ScheduleRule } from '../rules/schedule-rules.js';
import type { Database } from './database.js';
import { channelIs } from './keys.js';
import { channels } from './schema.js';

function toRecord(row: typeof channels.$inferSelect): ChannelRecord {
  return {
    platform: row.platform as Platform,
    teamId: row.teamId,
    channelId: row.channelId,
    time: row.time,
    timezone: row.timezone,
    days: row.days,
    topic: row.topic as Topic | null,
    difficulty: row.difficulty as Difficulty | null,
    packs: row.packs,
    enabled: row.enabled,
    nextRunAt: row.nextRunAt,
    disabledReason: row.disabledReason,
  };
}

export class ChannelRepository implements ChannelStore {
  constructor(private readonly db: Database) {}

  async get(ref: ChannelRef): Promise<ChannelRecord | undefined> {
    const [row] = await this.db.select().from(channels).where(channelIs(channels, ref)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  async saveSchedule(ref: ChannelRef, rule: ScheduleRule, nextRunAt: Date, now: Date): Promise<void> {
    const values = {
      time: rule.time,
      timezone: rule.timezone,
      days: rule.days,
      topic: rule.topic,
      difficulty: rule.difficulty,
      packs: rule.packs,
      enabled: true,
      nextRunAt,
      disabledReason: null,
      updatedAt: now,
    };
    await this.db
      .insert(channels)
      .values({
        platform: ref.platform,
        teamId: ref.teamId,
        channelId: ref.channelId,
        createdAt: now,
        ...values,
      })
      .onConflictDoUpdate({ target: [channels.platform, channels.teamId, channels.channelId], set: values });
  }

  async turnOff(ref: ChannelRef, reason: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(channels)
      .set({ enabled: false, nextRunAt: null, disabledReason: reason, updatedAt: now })
      .where(channelIs(channels, ref))
      .returning({ channelId: channels.channelId });
    return rows.length > 0;
  }

  async listDue(now: Date, limit: number, after?: DueCursor): Promise<ChannelRecord[]> {
    const key = sql`(${channels.nextRunAt}, ${channels.platform}, ${channels.teamId}, ${channels.channelId})`;
    const rows = await this.db
      .select()
      .from(channels)
      .where(
        and(
          eq(channels.enabled, true),
          lte(channels.nextRunAt, now),
          after
            ? sql`${key} > (${after.nextRunAt.toISOString()}::timestamptz, ${after.platform}, ${after.teamId}, ${after.channelId})`
            : undefined,
        ),
      )
      .orderBy(asc(channels.nextRunAt), asc(channels.platform), asc(channels.teamId), asc(channels.channelId))
      .limit(limit);
    return rows.map(toRecord);
  }

  async advanceMany(moves: readonly { ref: ChannelRef; from: Date; to: Date }[]): Promise<void> {
    if (moves.length === 0) return;
    const values = moves.map(
      (m) =>
        sql`(${m.ref.platform}, ${m.ref.teamId}, ${m.ref.channelId}, ${m.from.toISOString()}::timestamptz, ${m.to.toISOString()}::timestamptz)`,
    );
    // Compare-and-set per channel: a replica that already moved it on wins.
    await this.db.execute(sql`
      update channels c set next_run_at = v.next_to
      from (values ${sql.join(values, sql`, `)}) as v(platform, team_id, channel_id, next_from, next_to)
      where c.platform = v.platform and c.team_id = v.team_id and c.channel_id = v.channel_id
        and c.enabled and c.next_run_at = v.next_from`);
  }
}
