import { and, between, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type {
  AttemptKey,
  AttemptRecord,
  AttemptStore,
  ChannelDay,
  DayTally,
  GradeCount,
} from '../core/ports.js';
import type { ChannelRef, Grade, Platform, UserRef } from '../core/types.js';
import type { ReviewCardState } from '../rules/review-cards.js';
import { dayValues, matchesValues } from './channel-day-sql.js';
import type { Database } from './database.js';
import { channelIs, userIs } from './keys.js';
import { resultRows } from './result-rows.js';
import { attempts } from './schema.js';

function toRecord(row: typeof attempts.$inferSelect): AttemptRecord {
  return {
    platform: row.platform as Platform,
    teamId: row.teamId,
    channelId: row.channelId,
    userId: row.userId,
    questionId: row.questionId,
    localDate: row.localDate,
    isDaily: row.isDaily,
    writtenAnswer: row.writtenAnswer,
    revealedAt: row.revealedAt,
    grade: row.grade as Grade | null,
    points: row.points,
    gradedAt: row.gradedAt,
    cardBefore: row.cardBefore ?? null,
  };
}

const KEY_COLUMNS = [
  attempts.platform,
  attempts.teamId,
  attempts.channelId,
  attempts.userId,
  attempts.questionId,
  attempts.localDate,
];

export class AttemptRepository implements AttemptStore {
  constructor(private readonly db: Database) {}

  private keyIs(key: AttemptKey) {
    return and(
      channelIs(attempts, key),
      eq(attempts.userId, key.userId),
      eq(attempts.questionId, key.questionId),
      eq(attempts.localDate, key.localDate),
    );
  }

  private newRow(key: AttemptKey, isDaily: boolean, now: Date) {
    return {
      platform: key.platform,
      teamId: key.teamId,
      channelId: key.channelId,
      userId: key.userId,
      questionId: key.questionId,
      localDate: key.localDate,
      isDaily,
      createdAt: now,
      updatedAt: now,
    };
  }

  async get(key: AttemptKey): Promise<AttemptRecord | undefined> {
    const [row] = await this.db.select().from(attempts).where(this.keyIs(key)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  async saveWritten(key: AttemptKey, text: string, isDaily: boolean, now: Date): Promise<void> {
    await this.db
      .insert(attempts)
      .values({ ...this.newRow(key, isDaily, now), writtenAnswer: text })
      .onConflictDoUpdate({ target: KEY_COLUMNS, set: { writtenAnswer: text, updatedAt: now } });
  }

  async reveal(key: AttemptKey, isDaily: boolean, now: Date): Promise<AttemptRecord> {
    const [row] = await this.db
      .insert(attempts)
      .values({ ...this.newRow(key, isDaily, now), revealedAt: now })
      .onConflictDoUpdate({
        target: KEY_COLUMNS,
        // The first reveal counts; a second click changes nothing.
        set: { revealedAt: sql`coalesce(${attempts.revealedAt}, excluded.revealed_at)` },
      })
      .returning();
    return toRecord(row!);
  }

  async lockForGrade(key: AttemptKey): Promise<AttemptRecord | undefined> {
    const [row] = await this.db.select().from(attempts).where(this.keyIs(key)).limit(1).for('update');
    return row ? toRecord(row) : undefined;
  }

  async saveGrade(
    key: AttemptKey,
    grade: Grade,
    points: number,
    cardBefore: ReviewCardState | null,
    now: Date,
  ): Promise<void> {
    await this.db
      .update(attempts)
      .set({ grade, points, gradedAt: now, cardBefore, updatedAt: now })
      .where(this.keyIs(key));
  }

  async gradedDailyDates(ref: ChannelRef, userId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ localDate: attempts.localDate })
      .from(attempts)
      .where(
        and(
          channelIs(attempts, ref),
          eq(attempts.userId, userId),
          eq(attempts.isDaily, true),
          isNotNull(attempts.grade),
        ),
      )
      .orderBy(desc(attempts.localDate))
      .limit(limit);
    return rows.map((r) => r.localDate);
  }

  async dailyTallyMany(days: readonly ChannelDay[]): Promise<DayTally[]> {
    if (days.length === 0) return [];
    const result = await this.db.execute(sql`
      select t.platform, t.team_id, t.channel_id, t.local_date::text as local_date, t.user_id, t.grade,
        u.display_name, coalesce(u.hidden, false) as hidden
      from attempts t join ${dayValues(days)} on ${matchesValues(true)}
      left join users u on u.platform = t.platform and u.team_id = t.team_id and u.user_id = t.user_id
      where t.is_daily and t.grade is not null
      order by t.graded_at`);
    return resultRows<{
      platform: string;
      team_id: string;
      channel_id: string;
      local_date: string;
      user_id: string;
      grade: string;
      display_name: string | null;
      hidden: boolean;
    }>(result).map((r) => ({
      ref: { platform: r.platform as Platform, teamId: r.team_id, channelId: r.channel_id },
      localDate: r.local_date,
      userId: r.user_id,
      grade: r.grade as Grade,
      displayName: r.display_name,
      hidden: Boolean(r.hidden),
    }));
  }

  async channelGradeCounts(ref: ChannelRef, fromDate: string, toDate: string): Promise<GradeCount[]> {
    const rows = await this.db
      .select({ questionId: attempts.questionId, grade: attempts.grade, n: count() })
      .from(attempts)
      .where(
        and(
          channelIs(attempts, ref),
          between(attempts.localDate, fromDate, toDate),
          isNotNull(attempts.grade),
        ),
      )
      .groupBy(attempts.questionId, attempts.grade);
    return rows.map((r) => ({ questionId: r.questionId, grade: r.grade as Grade, count: Number(r.n) }));
  }

  async userGradeCounts(user: UserRef): Promise<GradeCount[]> {
    const rows = await this.db
      .select({ questionId: attempts.questionId, grade: attempts.grade, n: count() })
      .from(attempts)
      .where(and(userIs(attempts, user), isNotNull(attempts.grade)))
      .groupBy(attempts.questionId, attempts.grade);
    return rows.map((r) => ({ questionId: r.questionId, grade: r.grade as Grade, count: Number(r.n) }));
  }

  async userAttemptCount(user: UserRef): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(attempts).where(userIs(attempts, user));
    return Number(row?.n ?? 0);
  }
}
