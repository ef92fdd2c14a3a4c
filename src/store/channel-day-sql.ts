import { type SQL, sql } from 'drizzle-orm';
import type { ChannelDay } from '../core/ports.js';
import type { ChannelRef } from '../core/types.js';

type Column = Parameters<typeof sql.identifier>[0] | SQL | { getSQL(): SQL };

/** `(platform, team_id, channel_id) in ((…), …)`: many channels in one predicate. */
export function channelsIn(columns: [Column, Column, Column], refs: readonly ChannelRef[]): SQL {
  const [platform, team, channel] = columns;
  const tuples = refs.map((r) => sql`(${r.platform}, ${r.teamId}, ${r.channelId})`);
  return sql`(${platform}, ${team}, ${channel}) in (${sql.join(tuples, sql`, `)})`;
}

/** `(platform, team_id, channel_id, local_date) in ((…), …)`: many channel-days in one predicate. */
export function daysIn(columns: [Column, Column, Column, Column], days: readonly ChannelDay[]): SQL {
  const [platform, team, channel, date] = columns;
  const tuples = days.map(
    (d) => sql`(${d.ref.platform}, ${d.ref.teamId}, ${d.ref.channelId}, ${d.localDate}::date)`,
  );
  return sql`(${platform}, ${team}, ${channel}, ${date}) in (${sql.join(tuples, sql`, `)})`;
}
