import { type SQL, sql } from 'drizzle-orm';
import type { ChannelDay } from '../core/ports.js';
import type { ChannelRef } from '../core/types.js';

/*
 * Many channels in one query, as a VALUES list to join against. (A row-valued
 * `IN ((…), …)` list looks the same but the planner's cost grows steeply with
 * its length: a few hundred channels took minutes.)
 */

/** `(values (platform, team_id, channel_id), …) as v(platform, team_id, channel_id)` */
export function channelValues(refs: readonly ChannelRef[]): SQL {
  const rows = refs.map((r) => sql`(${r.platform}::text, ${r.teamId}::text, ${r.channelId}::text)`);
  return sql`(values ${sql.join(rows, sql`, `)}) as v(platform, team_id, channel_id)`;
}

/** `(values (platform, team_id, channel_id, local_date), …) as v(platform, team_id, channel_id, local_date)` */
export function dayValues(days: readonly ChannelDay[]): SQL {
  const rows = days.map(
    (d) =>
      sql`(${d.ref.platform}::text, ${d.ref.teamId}::text, ${d.ref.channelId}::text, ${d.localDate}::date)`,
  );
  return sql`(values ${sql.join(rows, sql`, `)}) as v(platform, team_id, channel_id, local_date)`;
}

/** Joins table alias `t` to the VALUES list `v` on the channel key (and the day, when `withDay`). */
export function matchesValues(withDay: boolean): SQL {
  const day = withDay ? sql` and t.local_date = v.local_date` : sql``;
  return sql`t.platform = v.platform and t.team_id = v.team_id and t.channel_id = v.channel_id${day}`;
}
