/**
 * Loads the board benchmark's data set with set-based SQL: users, the attempt
 * log, and the pre-aggregated scores rows derived from that log by one
 * GROUP BY, so they agree with it exactly as the grade flow would have left them
 * (one row per user, scope — the channel and '*' — and period start), and the
 * points levels derived from those.
 */
import { sql } from 'drizzle-orm';
import { TEAM_SCOPE } from '../src/core/ports.js';
import { ALL_TIME_START, periodStart } from '../src/rules/periods.js';
import { addDays } from '../src/rules/time-zone.js';
import type { Database } from '../src/store/database.js';
import { runBig, withoutIndexes } from './bulk-load.js';
import { int, queryRows } from './sql-rows.js';

export interface BoardsDataSet {
  teams: number;
  users: number;
  /** Attempts per user; attempts = users × this. */
  attemptsPerUser: number;
  /** Study-group channels per team; each user answers in one. */
  channelsPerTeam: number;
  /** Attempts fall on the `days` local dates up to and including `today`. */
  days: number;
  today: string;
}

export const BOARDS_PLATFORM = 'slack';

/**
 * Team sizes follow Zipf's law (team k has a share ∝ 1/k), as workspaces do:
 * the largest of 1,000 teams holds ~13% of the users, the smallest a dozen.
 * Users 0..N-1 are numbered team by team; a team is a [lo, hi) range.
 */
function teamRanges(set: BoardsDataSet) {
  return sql`
    with weights as (select t, 1.0 / t as w from generate_series(1, ${int(set.teams)}) t),
    cumulative as (select t, sum(w) over (order by t) / sum(w) over () as share from weights),
    bounds as (
      select t, case when t = ${int(set.teams)} then ${int(set.users)}
                     else floor(${int(set.users)} * share)::int end as hi
      from cumulative
    )
    select t - 1 as team, coalesce(lag(hi) over (order by t), 0) as lo, hi from bounds`;
}

export async function seedBoards(db: Database, set: BoardsDataSet, log: (m: string) => void): Promise<void> {
  let t0 = performance.now();
  const step = (what: string) => {
    log(`${what} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    t0 = performance.now();
  };

  // The data set is the whole board: whatever an earlier benchmark in the run left there goes first.
  await db.execute(sql`truncate users, attempts, scores, score_levels`);
  await withoutIndexes(db, ['users', 'attempts', 'scores'], () => load(db, set, step), log);
  t0 = performance.now();
  // As autovacuum would have by now: statistics, and a visibility map for index-only scans.
  await db.execute(sql`vacuum (analyze) users, attempts, scores`);
  step('vacuum analyze');
  // Write the load out now rather than during the measurements (needs superuser or pg_checkpoint).
  await db.execute(sql`checkpoint`).catch((error: Error) => log(`no checkpoint: ${error.message}`));
  await checkPeriodStarts(db, set);
}

async function load(db: Database, set: BoardsDataSet, step: (what: string) => void): Promise<void> {
  const stamp = sql`timestamptz '${sql.raw(set.today)} 12:00:00+00'`;
  const p = BOARDS_PLATFORM;
  await runBig(
    db,
    sql`
    insert into users (platform, team_id, user_id, display_name, hidden, updated_at)
    select ${p}, 'T' || r.team, 'U' || u, 'user ' || u, u % 25 = 0, ${stamp}
    from (${teamRanges(set)}) r cross join lateral generate_series(r.lo, r.hi - 1) u`,
  );
  step(`users: ${set.users.toLocaleString('en-US')}`);

  // Attempt k of user u: question q<k> (so the key is unique), a pseudo-random day in
  // the window, a grade spread 4:3:2 nailed/partly/missed, one in ten revealed but not graded.
  await runBig(
    db,
    sql`
    insert into attempts (platform, team_id, channel_id, user_id, question_id, local_date, is_daily,
                          revealed_at, grade, points, graded_at, created_at, updated_at)
    select ${p}, 'T' || r.team, 'C' || r.team || '-' || (u % ${int(set.channelsPerTeam)}), 'U' || u,
           'q' || k, g.day, k % 2 = 0, ${stamp},
           case when g.h < 4 then 'nailed' when g.h < 7 then 'partly' when g.h < 9 then 'missed' end,
           case when g.h < 4 then 3 when g.h < 7 then 1 when g.h < 9 then 0 end,
           case when g.h < 9 then ${stamp} end, ${stamp}, ${stamp}
    from (${teamRanges(set)}) r
    cross join lateral generate_series(r.lo, r.hi - 1) u
    cross join generate_series(0, ${int(set.attemptsPerUser - 1)}) k
    cross join lateral (
      select date '${sql.raw(set.today)}' - ((u::bigint * 2654435761 + k * 40503) % ${int(set.days)})::int as day,
             ((u * 7 + k * 3 + u / 7) % 10) as h
    ) g`,
  );
  step(`attempts: ${(set.users * set.attemptsPerUser).toLocaleString('en-US')}`);

  await runBig(
    db,
    sql`
    insert into scores (platform, team_id, scope_channel_id, period, period_start, user_id, points, answered)
    select a.platform, a.team_id, s.scope, b.period,
           case b.period
             when 'week' then a.local_date - (extract(isodow from a.local_date)::int - 1)
             when 'month' then date_trunc('month', a.local_date)::date
             else date '${sql.raw(ALL_TIME_START)}'
           end as period_start,
           a.user_id, sum(a.points), count(*)
    from attempts a
    cross join lateral (values (a.channel_id), (${TEAM_SCOPE})) s(scope)
    cross join (values ('week'), ('month'), ('all')) b(period)
    where a.platform = ${p} and a.grade is not null
    group by 1, 2, 3, 4, 5, 6`,
  );
  // The points levels the rank reads, as the grade flow keeps them: users per distinct total on each board.
  await runBig(
    db,
    sql`
    insert into score_levels (platform, team_id, scope_channel_id, period, period_start, points, users)
    select platform, team_id, scope_channel_id, period, period_start, points, count(*)::int
    from scores group by 1, 2, 3, 4, 5, 6`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from scores`);
  step(`scores: ${Number(count?.n).toLocaleString('en-US')} pre-aggregated rows`);
}

/** The SQL above must bucket dates exactly as the core's periodStart does. */
async function checkPeriodStarts(db: Database, set: BoardsDataSet): Promise<void> {
  const first = addDays(set.today, -(set.days - 1));
  const rows = await queryRows<{ day: string; week: string; month: string }>(
    db,
    sql`select d::date::text as day,
               (d::date - (extract(isodow from d)::int - 1))::text as week,
               date_trunc('month', d)::date::text as month
        from generate_series(date '${sql.raw(first)}', date '${sql.raw(set.today)}', interval '1 day') d`,
  );
  for (const r of rows) {
    if (r.week !== periodStart('week', r.day) || r.month !== periodStart('month', r.day)) {
      throw new Error(`seed buckets ${r.day} into ${r.week}/${r.month}; the core says otherwise`);
    }
  }
}
