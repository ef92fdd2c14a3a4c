/**
 * The baseline the pre-aggregated boards are measured against: the board
 * computed straight from the attempt log (sum of points by user for the team
 * and period, top ten, and the caller's rank by a window), in one query, on
 * the schema's own indexes.
 */
import { sql } from 'drizzle-orm';
import { type Period, periodStart } from '../src/rules/periods.js';
import type { Database } from '../src/store/database.js';
import { queryRows } from './sql-rows.js';

export interface NaiveBoardRow {
  user_id: string;
  points: number;
  answered: number;
  rank: number;
  display_name: string | null;
  hidden: boolean;
}

export interface NaiveBoard {
  rows: NaiveBoardRow[];
  caller: NaiveBoardRow | null;
}

export async function naiveTeamBoard(
  db: Database,
  who: { platform: string; teamId: string; userId: string },
  period: Period,
  today: string,
): Promise<NaiveBoard> {
  const from = periodStart(period, today);
  const found = await queryRows<NaiveBoardRow & { pos: number }>(
    db,
    sql`
      with totals as (
        select user_id, sum(points)::int as points, count(*)::int as answered
        from attempts
        where platform = ${who.platform} and team_id = ${who.teamId} and grade is not null
          and local_date between ${from}::date and ${today}::date
        group by user_id
      ),
      ranked as (
        select user_id, points, answered,
               rank() over (order by points desc)::int as rank,
               row_number() over (order by points desc, user_id)::int as pos
        from totals
      )
      select r.user_id, r.points, r.answered, r.rank, r.pos, u.display_name,
             coalesce(u.hidden, false) as hidden
      from ranked r
      left join users u on u.platform = ${who.platform} and u.team_id = ${who.teamId} and u.user_id = r.user_id
      where r.pos <= 10 or r.user_id = ${who.userId}
      order by r.pos`,
  );
  const rows = found.filter((r) => r.pos <= 10);
  const caller = found.find((r) => r.user_id === who.userId) ?? null;
  return { rows, caller };
}
