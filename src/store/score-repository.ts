import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { ScoreBucket, ScoreRow, ScoreStore } from '../core/ports.js';
import type { UserRef } from '../core/types.js';
import type { Database } from './database.js';
import { teamIs } from './keys.js';
import { resultRows } from './result-rows.js';
import { scores, users } from './schema.js';

type Team = Omit<UserRef, 'userId'>;

/**
 * Exactly scores_board_idx's order. Plain DESC means NULLS FIRST, which the
 * index (DESC NULLS LAST) cannot serve: the planner would sort every row of
 * the board instead of walking ten index entries (24 ms instead of 0.3 ms on
 * a 20,000-user board).
 */
const BOARD_ORDER = sql`${scores.points} desc nulls last`;

/** `alias`'s board key is the team's bucket (for a scores or a score_levels row). */
function inBucket(alias: 's' | 't' | 'r' | 'l', team: Team, bucket: ScoreBucket): SQL {
  const a = sql.raw(alias);
  return sql`${a}.platform = ${team.platform} and ${a}.team_id = ${team.teamId}
    and ${a}.scope_channel_id = ${bucket.scopeChannelId} and ${a}.period = ${bucket.period}
    and ${a}.period_start = ${bucket.periodStart}`;
}

/** The rank rule: how many users on the board have more than `points` (a sum over the levels above). */
function usersAbove(team: Team, bucket: ScoreBucket, points: SQL): SQL {
  return sql`(select coalesce(sum(l.users), 0)::int from score_levels l
    where ${inBucket('l', team, bucket)} and l.points > ${points})`;
}

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

  /**
   * Adds to the user's row on each board and moves them between points levels,
   * in one statement. The old total is the new one less what was added (read
   * from the row as updated, so two adds at once for one user stay exact);
   * a row just inserted (xmax = 0) had no old level. Levels are written in key
   * order, so concurrent grades lock them in the same order.
   */
  async add(user: UserRef, buckets: readonly ScoreBucket[], points: number, answered: number): Promise<void> {
    if (buckets.length === 0) return;
    const rows = buckets.map(
      (b) =>
        sql`(${user.platform}, ${user.teamId}, ${b.scopeChannelId}, ${b.period}, ${b.periodStart}::date, ${user.userId}, ${points}::int, ${answered}::int)`,
    );
    await this.db.execute(sql`
      with up as (
        insert into scores as s (platform, team_id, scope_channel_id, period, period_start, user_id, points, answered)
        values ${sql.join(rows, sql`, `)}
        on conflict (platform, team_id, scope_channel_id, period, period_start, user_id) do update
          set points = s.points + excluded.points, answered = s.answered + excluded.answered
        returning s.scope_channel_id, s.period, s.period_start, s.points, (s.xmax = 0) as inserted
      ), moves as (
        select scope_channel_id, period, period_start, points, 1 as d from up
        union all
        select scope_channel_id, period, period_start, points - ${points}::int, -1 from up where not inserted
      ), net as (
        select scope_channel_id, period, period_start, points, sum(d)::int as d from moves
        group by 1, 2, 3, 4 having sum(d) <> 0
      )
      insert into score_levels as l (platform, team_id, scope_channel_id, period, period_start, points, users)
      select ${user.platform}, ${user.teamId}, scope_channel_id, period, period_start, points, d from net
      order by scope_channel_id, period, period_start, points
      on conflict (platform, team_id, scope_channel_id, period, period_start, points) do update
        set users = l.users + excluded.users`);
  }

  async top(team: Team, bucket: ScoreBucket, limit: number): Promise<ScoreRow[]> {
    const rows = await this.selectRows()
      .where(this.bucketIs(team, bucket))
      .orderBy(BOARD_ORDER, scores.userId)
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
    const where = inBucket('s', team, bucket);
    // One round trip: the top rows (an index walk) and the caller's row with the users above it (from the levels).
    const result = await this.db.execute(sql`
      with top as (
        select s.user_id, s.points, s.answered, -1 as above from scores s
        where ${where} order by s.points desc nulls last, s.user_id limit ${limit}
      ), me as (
        select s.user_id, s.points, s.answered, ${usersAbove(team, bucket, sql`s.points`)} as above
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

  async standing(
    user: UserRef,
    total: ScoreBucket,
    ranked: ScoreBucket,
  ): Promise<{ totalPoints: number; ranked: { points: number; above: number } | null }> {
    const result = await this.db.execute(sql`
      select
        (select t.points from scores t where ${inBucket('t', user, total)} and t.user_id = ${user.userId})
          as total_points,
        r.points as ranked_points,
        ${usersAbove(user, ranked, sql`r.points`)} as above
      from (select 1) one
      left join scores r on ${inBucket('r', user, ranked)} and r.user_id = ${user.userId}`);
    const [row] = resultRows<{
      total_points: number | null;
      ranked_points: number | null;
      above: number | null;
    }>(result);
    return {
      totalPoints: Number(row?.total_points ?? 0),
      ranked:
        row?.ranked_points === null || row?.ranked_points === undefined
          ? null
          : { points: Number(row.ranked_points), above: Number(row.above ?? 0) },
    };
  }
}
