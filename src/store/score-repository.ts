import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { ScoreBucket, ScoreRow, ScoreStore } from '../core/ports.js';
import type { UserRef } from '../core/types.js';
import type { Database } from './database.js';
import { teamIs } from './keys.js';
import { resultRows } from './result-rows.js';
import { scores, users } from './schema.js';

type Team = Omit<UserRef, 'userId'>;

export class ScoreRepository implements ScoreStore {
  constructor(private readonly db: Database) {}

  private bucketIs(team: Team, bucket: ScoreBucket) {
    return and(
      teamIs(scores, team),
      eq(scores.scopeChannelId, bucket.scopeChannelId),
      eq(scores.period, bucket.period),
      eq(scores.periodStart, bucket.periodStart),
    );
  }

  private selectRows() {
    return this.db
      .select({
        userId: scores.userId,
        points: scores.points,
        answered: scores.answered,
        displayName: users.displayName,
        hidden: sql<boolean>`coalesce(${users.hidden}, false)`,
      })
      .from(scores)
      .leftJoin(
        users,
        and(
          eq(users.platform, scores.platform),
          eq(users.teamId, scores.teamId),
          eq(users.userId, scores.userId),
        ),
      );
  }

  async add(user: UserRef, buckets: readonly ScoreBucket[], points: number, answered: number): Promise<void> {
    if (buckets.length === 0) return;
    await this.db
      .insert(scores)
      .values(
        buckets.map((b) => ({
          platform: user.platform,
          teamId: user.teamId,
          userId: user.userId,
          scopeChannelId: b.scopeChannelId,
          period: b.period,
          periodStart: b.periodStart,
          points,
          answered,
        })),
      )
      .onConflictDoUpdate({
        target: [
          scores.platform,
          scores.teamId,
          scores.scopeChannelId,
          scores.period,
          scores.periodStart,
          scores.userId,
        ],
        set: {
          points: sql`${scores.points} + excluded.points`,
          answered: sql`${scores.answered} + excluded.answered`,
        },
      });
  }

  async top(team: Team, bucket: ScoreBucket, limit: number): Promise<ScoreRow[]> {
    const rows = await this.selectRows()
      .where(this.bucketIs(team, bucket))
      .orderBy(desc(scores.points), scores.userId)
      .limit(limit);
    return rows.map((r) => ({ ...r, hidden: Boolean(r.hidden) }));
  }

  async get(user: UserRef, bucket: ScoreBucket): Promise<ScoreRow | undefined> {
    const [row] = await this.selectRows()
      .where(and(this.bucketIs(user, bucket), eq(scores.userId, user.userId)))
      .limit(1);
    return row ? { ...row, hidden: Boolean(row.hidden) } : undefined;
  }

  async board(
    team: Team,
    bucket: ScoreBucket,
    limit: number,
    callerId: string,
  ): Promise<{ top: ScoreRow[]; caller: (ScoreRow & { above: number }) | null }> {
    const where = sql`s.platform = ${team.platform} and s.team_id = ${team.teamId}
      and s.scope_channel_id = ${bucket.scopeChannelId} and s.period = ${bucket.period}
      and s.period_start = ${bucket.periodStart}`;
    // One round trip: the top rows (an index walk) and the caller's row with the count above it.
    const result = await this.db.execute(sql`
      with top as (
        select s.user_id, s.points, s.answered, -1 as above from scores s
        where ${where} order by s.points desc, s.user_id limit ${limit}
      ), me as (
        select s.user_id, s.points, s.answered,
          (select count(*)::int from scores s2 where s2.platform = s.platform and s2.team_id = s.team_id
             and s2.scope_channel_id = s.scope_channel_id and s2.period = s.period
             and s2.period_start = s.period_start and s2.points > s.points) as above
        from scores s where ${where} and s.user_id = ${callerId}
      ), picked as (select * from top union all select * from me)
      select p.user_id, p.points, p.answered, p.above, u.display_name, coalesce(u.hidden, false) as hidden
      from picked p left join users u
        on u.platform = ${team.platform} and u.team_id = ${team.teamId} and u.user_id = p.user_id`);
    const rows = resultRows<{
      user_id: string;
      points: number;
      answered: number;
      above: number;
      display_name: string | null;
      hidden: boolean;
    }>(result).map((r) => ({
      userId: r.user_id,
      points: Number(r.points),
      answered: Number(r.answered),
      displayName: r.display_name,
      hidden: Boolean(r.hidden),
      above: Number(r.above),
    }));
    const top = rows
      .filter((r) => r.above === -1)
      .sort((a, b) => b.points - a.points || (a.userId < b.userId ? -1 : 1))
      .map(({ above: _above, ...row }) => row);
    return { top, caller: rows.find((r) => r.above !== -1) ?? null };
  }

  async countAbove(team: Team, bucket: ScoreBucket, points: number): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(scores)
      .where(and(this.bucketIs(team, bucket), gt(scores.points, points)));
    return Number(row?.n ?? 0);
  }
}
